use crate::components::reader_keys::navigation_key;
use folio_model::timeline::filter::{step, Step};
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// Left and Right step between the visible events, Home and End jump to
/// the ends, but only while focus is inside this region, and never while
/// the reader is in a field such as the filters. TimelineJS listens on the
/// whole document (its issue #616); this listens on its own element.
#[component]
pub fn TimelineKeys(
    #[prop(into)] visible: Signal<Vec<usize>>,
    #[prop(into)] selected: Signal<Option<usize>>,
    select: Callback<usize>,
    children: Children,
) -> impl IntoView {
    let on_keydown = move |ev: KeyboardEvent| {
        let Some(key) = navigation_key(&ev) else { return };
        let s = match key.as_str() {
            "ArrowLeft" => Step::Prev,
            "ArrowRight" => Step::Next,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return,
        };
        ev.prevent_default();
        if let Some(i) = visible.with_untracked(|v| step(v, selected.get_untracked(), s)) {
            select.run(i);
        }
    };
    view! { <div class="timeline" on:keydown=on_keydown>{children()}</div> }
}
