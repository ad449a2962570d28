//! Search: what the client-side search of each language matches on.
//!
//! The portal's search runs in the reader's browser (`search.js` of the
//! theme) over an index the build writes as script files, which browsers
//! load from disk (`file://`) where they refuse `fetch`. This folder holds
//! what the index is made of, one job per file:
//! - `normalise.rs`: text to the terms search matches on, the same
//!   function as the script's (one shared list of cases checks both);
//! - `index.rs`: the index's data, shaped and sharded (its format is
//!   documented there); `outputs/search_index.rs` plans and writes it.

pub(crate) mod index;
pub(crate) mod normalise;
