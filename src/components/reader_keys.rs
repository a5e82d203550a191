use leptos::prelude::*;
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

pub use crate::dom::shortcut::{is_text_field, navigation_key};
