//! Fetching content. The only module that talks to the network.
//!
//! Content is data: the app fetches `content/…` JSON at run time, so a
//! publisher adds an article by adding files. Parsing is delegated to
//! `folio_model::parse`; this module only adds the transport and turns every
//! failure into a [`LoadError`] a view can explain.
//!
//! - `transport.rs`: fetching a file, and [`LoadError`];
//! - `store.rs`: what this visit has loaded, each file once, and what
//!   the page carried ([`seed`]);
//! - `search.rs`: the search index's files;
//! - `worker.rs`: the offline worker's requests.

mod search;
mod store;
mod transport;
mod worker;

pub use search::*;
pub use store::*;
pub use transport::{content_href, online, LoadError};
pub use worker::{forget, keep, saved};
