//! The browser's `main`: reads the page's data (`folio-data`), mounts
//! the app over it beside the prerendered view (`#boot`, which
//! `shell/boot.rs` then hands over), and marks `folio-ready` once the app
//! is mounted and takes clicks (`folio-view`, the view on screen, comes
//! from the hand-over).

use folio_model::page_data;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // A prerendered page carries the data of its first render: the app
    // starts with it in its store, so its first render is the page's
    // (see `content.rs`). Broken data only costs the head start: the views
    // fetch what they need instead.
    let text = document().get_element_by_id(page_data::SCRIPT_ID).and_then(|el| el.text_content());
    let data = text.and_then(|text| {
        page_data::parse(&text).map_err(|e| web_sys::console::warn_1(&format!("folio-data: {e}").into())).ok()
    });
    // `#boot` holds the prerendered view (or, on a bare shell, a note). The
    // app mounts beside it and the old markup goes in the same task (in the
    // hand-over effect's first run, a microtask after this one), before
    // the browser paints again: over the same data the new view is the same
    // view, so the reader sees no gap and no shift. (Not hydration: see
    // ARCHITECTURE.md, "Prerendering".) Where the app's first render is
    // still loading, `#boot` stays until it is done (`shell/boot.rs`).
    mount_to_body(move || view! { <folio::App data/> });
    // For tests and the benchmark: the app is live from here on.
    if let Some(p) = window().performance() {
        let _ = p.mark("folio-ready");
    }
}
