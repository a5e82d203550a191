//! The masthead's search box: a real `<form role="search">` that, without
//! the app, submits to the search page (which says that search needs
//! JavaScript), and with it writes each keystroke into the address of the
//! search page, where the results follow it.

use folio_model::route::{relative, with_query};
use folio_model::search::{ui, Ask};
use folio_model::Route;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::{hooks::use_navigate, NavigateOptions};

/// The box's id: the label's target, and what `/` and the results' Up
/// key focus.
pub const BOX_ID: &str = "search-q";

/// Focuses the box (from a key handler).
pub fn focus_box() {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(BOX_ID) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let reading = crate::state::use_reading();
    let mode = reading.mode;
    let parsed = reading.parsed;
    let location = leptos_router::hooks::use_location();
    let on_search = Memo::new(move |_| parsed.with(|p| p.route == Route::Search));
    let asked =
        Memo::new(move |_| if on_search.get() { location.search.with(|q| Ask::parse(q)) } else { Ask::default() });
    let input = NodeRef::<Input>::new();
    // The address changed by other means (back, a shared link): the box
    // shows its query. Not while the reader types in it, which is what
    // changed the address.
    Effect::new(move || {
        let q = asked.with(|a| a.q.clone());
        if let Some(el) = input.get() {
            if el.value() != q {
                el.set_value(&q);
            }
        }
    });
    let navigate = use_navigate();
    let go = move |q: String| {
        // The filters stay while the query changes.
        let next = Ask { q, ..asked.get_untracked() };
        let href = with_query(&mode.get_untracked().localize("/search/"), &next.to_query());
        // The first keystroke elsewhere opens the search page (back
        // returns to the page the reader was on); the rest replace it.
        let replace = on_search.get_untracked();
        navigate(&href, NavigateOptions { replace, scroll: false, ..Default::default() });
    };
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| go(event_target_value(&ev))
    };
    let on_submit = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Some(el) = input.get() {
                go(el.value());
            }
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            if let Some(el) = input.get() {
                if !el.value().is_empty() {
                    ev.prevent_default();
                    el.set_value("");
                    if on_search.get_untracked() {
                        go(String::new());
                    }
                }
            }
        }
        "ArrowDown" => {
            use wasm_bindgen::JsCast;
            let first =
                document().query_selector(".search-results .search-result:not([hidden]) .result-link").ok().flatten();
            if let Some(el) = first.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                ev.prevent_default();
                let _ = el.focus();
            }
        }
        _ => {}
    };
    // `/` anywhere but in a field focuses the box.
    crate::dom::shortcut::use_shortcut("/", focus_box);
    // Rebuilt when the mode changes, so its strings are plain values (one
    // closure, not one per attribute: each is code of its own).
    move || {
        let mode = mode.get();
        let s = ui::for_mode(mode);
        view! {
            <form class="search-form" role="search" method="get" action=relative(&mode.localize("/search/")) on:submit=on_submit.clone()>
                <label for=BOX_ID class="visually-hidden">{s.label}</label>
                <input
                    type="search"
                    id=BOX_ID
                    name="q"
                    node_ref=input
                    value=asked.with_untracked(|a| a.q.clone())
                    placeholder=s.placeholder
                    autocomplete="off"
                    enterkeyhint="search"
                    on:input=on_input.clone()
                    on:keydown=on_keydown.clone()
                    on:focus=|_| crate::routes::search::warm()
                />
                <button type="submit" class="search-submit">{s.label}</button>
            </form>
        }
    }
}
