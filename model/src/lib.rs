//! Folio's content model.
//!
//! Everything here is plain Rust: types, parsing, validation and the pure
//! logic the views need (page arithmetic, routes, reading time). It has no
//! dependency on Leptos or the DOM on purpose: it is tested natively with
//! `cargo test`, it is shared by the browser app and by `cargo xtask`, and a
//! later prerenderer can use it without a browser.
//!
//! Data flows one way: content JSON → [`parse`] → these types → the app's
//! reactive state → views. Views never parse JSON themselves.

pub mod article;
pub mod bilingual;
pub mod catalog;
pub mod date;
pub mod deferred;
pub mod embed;
pub mod error;
pub mod files;
pub mod head;
pub mod listing;
pub mod locate;
#[cfg(feature = "markdown")]
pub mod markdown;
pub mod mode;
pub mod offline;
pub mod page_data;
pub mod paging;
pub mod parse;
pub mod reading;
pub mod rich;
pub mod route;
pub mod search;
pub mod settings;
pub mod text;
pub mod theme;
pub mod timeline;
pub mod timestamp;
pub mod ui;
pub mod validate;

pub use article::{Article, Block, Byline, Figure, FigureSrc, Item};
pub use catalog::{ArticleEntry, Catalog, Edition, Section, TimelineEntry};
pub use date::Date;
pub use deferred::Deferred;
pub use error::{ContentError, ErrorKind};
pub use mode::Mode;
pub use paging::{PageSel, Resolved};
pub use rich::{Inline, Rich, RichText};
pub use route::Route;
pub use text::{Lang, Text};
pub use theme::Theme;
pub use timestamp::Timestamp;
