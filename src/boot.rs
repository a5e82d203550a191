//! The hand-over from the prerendered view (`#boot`) to the app.
//!
//! Usually the app's first render is the prerendered view itself (the page
//! carried its data, see `load.rs`), and `#boot` goes in the task that
//! mounts the app. But a page may leave content out (a file over dist's
//! inline limit, such as a 10,000-meeting timeline) or carry data that
//! could not be read. The app's first render is then a loading line, and
//! swapping a finished view for "Loading…" loses what the reader was
//! already reading, for as long as the download takes on their network.
//!
//! So while any view is loading, and `#boot` holds the view prerendered for
//! this very address, `#boot` stays on screen and the app waits, hidden
//! (`html[data-holding]` in the stylesheet), until nothing loads any more:
//! then the app's view replaces it at once, or its error panel does.
//! Links in `#boot` work meanwhile (the router takes their clicks).
//!
//! Not when `#boot` holds another view: `404.html` is prerendered as "not
//! found" and served for any unknown address, including a view added since
//! the build, which the app then loads; showing "not found" meanwhile would
//! be wrong.

use leptos::prelude::{document, queue_microtask};
use std::cell::Cell;

thread_local! {
    /// Views (pages, and meeting cards waiting for their details) showing
    /// [`crate::components::error_panel::Loading`] now.
    static LOADING: Cell<usize> = const { Cell::new(0) };
    /// Whether `#boot` is being kept until they are done.
    static HELD: Cell<bool> = const { Cell::new(false) };
}

/// The attribute on `<html>` that hides the app while `#boot` is kept.
const HOLDING: &str = "data-holding";

/// A view started showing a loading line.
pub fn loading_started() {
    LOADING.with(|n| n.set(n.get() + 1));
}

/// A loading line went away; the last one hands the page to the app.
///
/// Not at once: a view that has loaded drops its loading line before the
/// view replacing it is built, and that one may wait too (a meeting's card
/// for its details). So the count is read again once the update is done,
/// in a microtask, still before the browser paints.
pub fn loading_ended() {
    LOADING.with(|n| n.set(n.get().saturating_sub(1)));
    if HELD.with(Cell::get) {
        queue_microtask(|| {
            if LOADING.with(Cell::get) == 0 && HELD.with(|h| h.replace(false)) {
                release();
            }
        });
    }
}

/// Called once the app is mounted: removes `#boot`, or keeps it (see the
/// module's comment). `path` is the address's path below the bundle root.
pub fn hand_over(path: &str) {
    let Some(boot) = document().get_element_by_id("boot") else { return };
    let same_view = boot.get_attribute("data-path").is_some_and(|p| p == path);
    if same_view && LOADING.with(Cell::get) > 0 {
        HELD.with(|h| h.set(true));
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute(HOLDING, "");
        }
        keep_radios(&boot);
    } else {
        boot.remove();
    }
}

/// Radios of one name make one group across the document, so the app's
/// checked language radio unchecked its twin in `#boot`: the kept view
/// would show no language chosen. Renamed into groups of their own, they
/// show their prerendered state again.
fn keep_radios(boot: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(radios) = boot.query_selector_all("input[type=radio]") else { return };
    for i in 0..radios.length() {
        if let Some(input) = radios.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.set_name(&format!("{}-prerendered", input.name()));
            input.set_checked(input.default_checked());
        }
    }
}

fn release() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(HOLDING);
    }
}
