//! The browser's `main`: reads the page's data (`folio-data`) into `api`'s
//! caches, mounts the app beside the prerendered view (`#boot`, which
//! `shell/boot.rs` then hands over), and marks `folio-ready` once the app
//! is mounted and takes clicks (`folio-view`, the view on screen, comes
//! from the hand-over).

use folio_model::page_data;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // A prerendered page carries the data of its first render: read it
    // before anything renders, so the app's first render is the page's
    // (see `content.rs`). Broken data only costs the head start: the views
    // fetch what they need instead.
    let data = document().get_element_by_id(page_data::SCRIPT_ID).and_then(|el| el.text_content());
    if let Some(text) = data {
        match page_data::parse(&text) {
            Ok(data) => folio::api::seed(data),
            Err(e) => web_sys::console::warn_1(&format!("folio-data: {e}").into()),
        }
    }
    // `#boot` holds the prerendered view (or, on a bare shell, a note). The
    // app mounts beside it and the old markup goes in the same task (in the
    // hand-over effect's first run, a microtask after this one), before
    // the browser paints again: over the same data the new view is the same
    // view, so the reader sees no gap and no shift. (Not hydration: see
    // ARCHITECTURE.md, "Prerendering".) Where the app's first render is
    // still loading, `#boot` stays until it is done (`shell/boot.rs`).
    mount_to_body(folio::App);
    // For tests and the benchmark: the app is live from here on.
    if let Some(p) = window().performance() {
        let _ = p.mark("folio-ready");
    }
}
