//! Prerendering: the app rendered natively to HTML, one route at a time,
//! by `cargo xtask dist` (feature `ssr`).
//!
//! The same components as in the browser, over the same data: the route's
//! [`PageData`] is put in `api`'s caches first, so every view renders its
//! content in the first pass (see `crate::content`), exactly as the client
//! will when it reads the same data from the page.

use crate::api;
use crate::shell::App;
use folio_model::page_data::PageData;
use leptos::prelude::*;

/// The body markup of the view at `path` (with its query, if any).
pub fn render(path: &str, data: PageData) -> String {
    api::seed(data);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(path));
        view! { <App/> }.to_html()
    });
    owner.unset();
    html
}
