//! Folio's browser app: reactive state and views over `folio-model`.
//!
//! Layout (see ARCHITECTURE.md):
//! - [`shell`]: the root, the chrome, the router (address → view,
//!   redirects) and the hand-over from the prerendered view.
//! - [`api`]: the only place that fetches; turns content files into model
//!   values or an [`api::LoadError`].
//! - [`chunk`]: the split points, whose code loads when first needed, and
//!   their loading as content.
//! - [`content`]: a view's content, ready at once or fetched, and its
//!   loading [`content::Status`], which the shell collects.
//! - [`state`]: the reactive state every view shares (address, mode).
//! - [`routes`]: one module per page (listing, article, timeline, search,
//!   not found).
//! - [`components`]: the reusable pieces of `docs/design.md`, one per file.
//! - [`dom`]: browser hooks (media queries, sizes, focus, scroll, print).
//! - [`prefs`]: the reader's remembered choices (localStorage).
//! - [`base`]: where the bundle is served, found at run time.
//! - [`embed`]: what an embedded document does for its host page.
//! - `prerender` (feature `ssr`): the same app rendered natively to HTML.
//!
//! Browser APIs (window, storage, focus, scroll) live only in effects and
//! event handlers, never in the render path: `cargo xtask dist` renders the
//! same components natively to prerender every route.

// The article view's nested types exceed the default when rendered to HTML.
#![recursion_limit = "256"]

pub mod api;
pub mod base;
pub mod chunk;
pub mod components;
pub mod content;
pub mod dom;
pub mod embed;
pub mod prefs;
pub mod routes;
pub mod shell;
pub mod state;

pub use shell::App;

/// Below this width the timeline is a vertical list (`routes/timeline/layout.rs`);
/// a timeline page preloads the list's code only there (`xtask/src/code.rs`).
pub const PHONE_QUERY: &str = "(max-width: 699px)";
#[cfg(feature = "ssr")]
pub mod prerender;
