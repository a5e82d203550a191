//! The masthead's search box: a real `<form role="search">` that, without
//! the app, submits to the search page (which says that search needs
//! JavaScript), and with it writes each keystroke into the address of the
//! search page, where the results follow it.
//!
//! Every page has the box, but few readers use it: what it does is in the
//! search chunk (`routes/search/box_keys.rs`), which its first focus
//! fetches (with the index's manifest, so the first query finds both
//! there). Here are the form and the handlers that pass each event on,
//! through the [`SearchBoxActions`] the shell provides: components do not
//! import routes.

use crate::api::Store;
use folio_model::route::relative;
use folio_model::search::{ui, Ask};
use folio_model::{Mode, Route};
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use std::sync::Arc;

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

/// The router's `navigate`, shared.
pub type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// What the box's behaviour works with: the reading mode, whether the page
/// is the search page, the address's query, the box, and a way to change
/// the address.
#[derive(Clone)]
pub struct SearchBoxState {
    pub mode: Memo<Mode>,
    pub on_search: Memo<bool>,
    pub query: Memo<String>,
    pub input: NodeRef<Input>,
    pub navigate: Navigate,
}

/// What the box does, given by the shell (`routes::search`'s `warm` and
/// `box_event`) as context. Without it (a component test) the box is a
/// plain form.
#[derive(Clone, Copy)]
pub struct SearchBoxActions {
    /// The box was focused: start fetching search's code and index.
    pub warm: fn(Store),
    /// An event of the box, for the search chunk to act on.
    pub event: fn(SearchBoxState, SearchBoxEvent),
}

/// An event of the box, for the search chunk to act on.
pub enum SearchBoxEvent {
    /// The reader typed (or cleared) the box.
    Input,
    /// The form was submitted (its default already prevented).
    Submit,
    /// A key went down in the box (Escape, ArrowDown).
    Key(web_sys::KeyboardEvent),
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let reading = crate::state::use_reading();
    let mode = reading.mode;
    let parsed = reading.parsed;
    let location = leptos_router::hooks::use_location();
    let on_search = Memo::new(move |_| parsed.with(|p| p.route == Route::Search));
    let state = SearchBoxState {
        mode,
        on_search,
        query: location.search,
        input: NodeRef::new(),
        navigate: Arc::new(leptos_router::hooks::use_navigate()),
    };
    let input = state.input;
    let (actions, store) = (use_context::<SearchBoxActions>(), use_context::<Store>());
    let send = move |ev: SearchBoxEvent| {
        if let Some(a) = actions {
            (a.event)(state.clone(), ev)
        }
    };
    // `/` anywhere but in a field focuses the box.
    crate::dom::shortcut::use_shortcut("/", focus_box);
    // Rebuilt when the mode changes, so its strings are plain values (one
    // closure, not one per attribute: each is code of its own).
    move || {
        let mode = mode.get();
        let s = ui::for_mode(mode);
        // On the search page the box holds its query.
        let q =
            if on_search.get_untracked() { location.search.with_untracked(|q| Ask::parse(q).q) } else { String::new() };
        let (input_ev, submit_ev, key_ev) = (send.clone(), send.clone(), send.clone());
        view! {
            <form class="search-form" role="search" method="get" action=relative(&mode.localize("/search/"))
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    submit_ev(SearchBoxEvent::Submit)
                }>
                <label for=BOX_ID class="visually-hidden">{s.label}</label>
                <input
                    type="search"
                    id=BOX_ID
                    name="q"
                    node_ref=input
                    value=q
                    placeholder=s.placeholder
                    autocomplete="off"
                    enterkeyhint="search"
                    on:input=move |_| input_ev(SearchBoxEvent::Input)
                    on:keydown=move |ev| key_ev(SearchBoxEvent::Key(ev))
                    on:focus=move |_| {
                        if let (Some(a), Some(store)) = (actions, store) {
                            (a.warm)(store)
                        }
                    }
                />
                <button type="submit" class="search-submit">{s.label}</button>
            </form>
        }
    }
}
