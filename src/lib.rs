//! Folio's browser app: reactive state and views over `folio-model`.
//!
//! Layout (see ARCHITECTURE.md):
//! - [`api`]: the only place that fetches; turns content files into model
//!   values or a [`api::LoadError`].
//! - [`app`]: the shell; maps the address to a view via
//!   [`folio_model::Route`].
//! - [`state`]: the reactive state every view shares (address, mode).
//! - [`prefs`]: the reader's remembered choices (localStorage).
//! - [`routes`]: one file per page (home, article, not found).
//! - [`components`]: the reusable pieces named in DESIGN.md, one per file.
//! - [`load`]: content that is ready at once (the page carried it) or
//!   fetched.
//! - [`base`]: where the bundle is served, found at run time.
//! - [`boot`]: the hand-over from the prerendered view to the app.
//! - [`embed`]: what an embedded document does for its host page.
//! - `prerender` (feature `ssr`): the same app rendered natively to HTML.
//!
//! Browser APIs (window, storage, focus, scroll) live only in effects and
//! event handlers, never in the render path: `cargo xtask dist` renders the
//! same components natively to prerender every route.

// The article view's nested types exceed the default when rendered to HTML.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod base;
pub mod boot;
pub mod components;
pub mod embed;
pub mod load;
pub mod prefs;
pub mod routes;
pub mod state;

pub use app::App;
#[cfg(feature = "ssr")]
pub mod prerender;
