//! The document's title and the attributes of `<html>`, which views and
//! the shell keep in step with their state.
//!
//! Two effects in place of leptos_meta, which did this and little else
//! here for about 3 KB of brotli wasm (docs/decisions.md). Effects do not
//! run natively: a prerendered page gets its title and `lang` from dist
//! (`folio_model::head`, `xtask/src/shell/`), and its display settings
//! from `static/prefs.js` before the first paint.

use leptos::prelude::*;

/// Keeps `document.title` at `text` while the calling view is there. The
/// view that comes next sets its own.
pub fn title(text: impl Fn() -> String + 'static) {
    Effect::new(move || document().set_title(&text()));
}

/// Keeps the attribute `name` of `<html>` at `value` (removed for `None`).
pub fn html_attribute(name: &'static str, value: impl Fn() -> Option<&'static str> + 'static) {
    Effect::new(move || {
        let Some(html) = document().document_element() else { return };
        let _ = match value() {
            Some(v) => html.set_attribute(name, v),
            None => html.remove_attribute(name),
        };
    });
}
