//! pledgeboard: a static-site generator for public commitment trackers.
//!
//! The build is a pipeline of stages, one module each (see ARCHITECTURE.md):
//! [`load`] → [`parse`] → [`validate`] → [`derive`] → [`render`] / [`feeds`] /
//! [`export`] → [`write`], driven by [`pipeline`].

// Diagnostics are large values returned only on the error path, where their
// size costs nothing that matters; boxing them would only add noise.
#![allow(clippy::result_large_err)]

pub mod derive;
pub mod diag;
pub mod export;
pub mod feeds;
pub mod i18n;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod memo;
pub mod model;
pub mod outputs;
pub mod parse;
pub mod pipeline;
pub mod render;
pub mod serve;
pub mod session;
pub mod text;
pub mod theme;
pub mod urls;
pub mod validate;
pub mod watch;
pub mod write;
pub mod yaml;
