use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// Turns the page with the Left and Right arrow keys, but only while focus
/// is inside this region, and never while the reader types in a field.
/// TimelineJS's document-wide capture (#616) is what this avoids: a keydown
/// listener on the region itself, not on `document`.
///
/// `go` receives the href to open; `prev` and `next` give the current ones.
#[component]
pub fn ReaderKeys(
    #[prop(into)] prev: Signal<Option<String>>,
    #[prop(into)] next: Signal<Option<String>>,
    go: Callback<String>,
    children: Children,
) -> impl IntoView {
    let on_keydown = move |ev: KeyboardEvent| {
        let Some(key) = navigation_key(&ev) else { return };
        let target = match key.as_str() {
            "ArrowLeft" => prev.get_untracked(),
            "ArrowRight" => next.get_untracked(),
            _ => return,
        };
        if let Some(href) = target {
            ev.prevent_default();
            go.run(href);
        }
    };
    view! { <div class="reader" on:keydown=on_keydown>{children()}</div> }
}

/// The key of a keydown that a region may take as navigation: none when a
/// modifier is held, when something already handled it, or when it was
/// typed in a field. Shared by the reader and the timeline.
pub fn navigation_key(ev: &KeyboardEvent) -> Option<String> {
    if ev.default_prevented() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
        return None;
    }
    if ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| is_text_field(&el)) {
        return None;
    }
    Some(ev.key())
}

/// Whether keys typed at `el` belong to it (text fields, selects, editable
/// regions), so they must not be taken as navigation.
pub fn is_text_field(el: &web_sys::Element) -> bool {
    let tag = el.tag_name();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.get_attribute("contenteditable").is_some_and(|v| v != "false")
}
