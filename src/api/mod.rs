//! Fetching content. The only module that talks to the network.
//!
//! Content is data: the app fetches `content/…` JSON at run time, so a
//! publisher adds an article by adding files. Parsing is delegated to
//! `folio_model::parse`; this module only adds the transport and turns every
//! failure into a [`LoadError`] a view can explain.
//!
//! - `transport.rs`: fetching a file, and [`LoadError`];
//! - `store.rs`: the [`Store`] of what this visit has loaded, each file
//!   once, over what the page carried, given to the views through
//!   context; and the [`File`]s a view can ask it for;
//! - `search.rs`: the search index's files;
//! - `worker.rs`: the offline worker's requests.

mod search;
mod store;
mod transport;
mod worker;

pub use search::{search_docs, search_layout, search_shard};
pub use store::{article, catalog, cites, event, listing, lists, mentions, store, timeline, File, Store};
pub use transport::{content_href, online, LoadError};
pub use worker::{forget, keep, saved};
