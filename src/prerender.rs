//! Prerendering: the app rendered natively to HTML, one route at a time,
//! by `cargo xtask dist` (feature `ssr`).
//!
//! The same components as in the browser, over the same data: the app
//! starts with the route's [`PageData`] in its store, so every view renders
//! its content in the first pass (see `crate::content`), exactly as the
//! client will when it reads the same data from the page.

use crate::shell::App;
use folio_model::page_data::PageData;
use leptos::prelude::*;

/// The body markup of the view at `path` (with its query, if any).
pub fn render(path: &str, data: PageData) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(path));
        view! { <App data=Some(data)/> }.to_html()
    });
    owner.unset();
    without_markers(&html)
}

/// The markup without the markers Leptos's renderer leaves for hydration:
/// `<!>` between dynamic parts, and `<!--<() />-->` where a view is empty.
/// Folio does not hydrate (the app renders its view afresh over the
/// prerendered one), so they are dead bytes in every page, and the HTML
/// standard calls each `<!>` a bogus comment.
///
/// Removing them cannot touch content: the renderer escapes `<` in every
/// text and attribute value (`&lt;`), so either string in its output is
/// always a marker (xtask's dist tests hold it to that, with a hostile
/// headline, and check that no other comment is left).
fn without_markers(html: &str) -> String {
    html.replace("<!>", "").replace("<!--<() />-->", "")
}
