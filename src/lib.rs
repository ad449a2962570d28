//! pledgeboard: a static-site generator for public commitment trackers.
//!
//! The build is a pipeline of stages (see ARCHITECTURE.md): `load` →
//! [`parse`] → `validate` → [`derive`] → `outputs` (pages through `render`,
//! feeds, the sitemap, open data, assets) → `write`, driven by
//! [`pipeline`]; [`session`] keeps what `watch` and `serve` reuse between
//! rebuilds. The modules the binary, the tests and the benchmarks use are
//! public; the others are the crate's own.

pub mod bundle;
mod collate;
pub mod derive;
pub mod diag;
mod export;
mod feeds;
pub mod i18n;
mod ical;
pub mod import;
pub mod load;
mod locale;
mod map;
mod markdown;
pub mod memo;
pub mod model;
mod outputs;
pub mod parse;
pub mod pipeline;
mod regions;
// The index (next commit) is what uses the normaliser outside its tests.
mod render;
pub mod reviews;
pub mod scaffold;
pub mod schema;
mod search;
pub mod serve;
pub mod session;
mod share;
mod short_key;
mod svg;
mod text;
mod theme;
mod urls;
mod validate;
pub mod watch;
mod write;
mod yaml;
