//! Keys: which keydowns a region or the page may take as its own, and a
//! page-wide key (`/` for search, as on most sites that have one).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// Calls `f` when `key` is pressed anywhere outside a text field, with no
/// modifier, and nothing handled it first. Registered once mounted (the
/// prerenderer has no window), removed with the component.
pub fn use_shortcut(key: &'static str, f: impl Fn() + Clone + 'static) {
    Effect::new(move |done: Option<()>| {
        if done.is_some() {
            return;
        }
        let f = f.clone();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if navigation_key(&ev).as_deref() == Some(key) {
                ev.prevent_default();
                f();
            }
        });
        on_cleanup(move || handle.remove());
    });
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
