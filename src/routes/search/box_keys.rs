//! What the masthead's search box does (`components/search_box.rs` hands
//! its events here): each keystroke writes the query into the address of
//! the search page, keeping the filters; Escape clears the box; the down
//! arrow goes to the first result. In the search chunk.

use crate::components::search_box::{SearchBoxEvent, SearchBoxState};
use folio_model::route::with_query;
use folio_model::search::Ask;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

pub fn on_event(state: SearchBoxState, event: SearchBoxEvent) {
    let Some(input) = state.input.get_untracked() else { return };
    match event {
        SearchBoxEvent::Input | SearchBoxEvent::Submit => go(&state, input.value()),
        SearchBoxEvent::Key(ev) => match ev.key().as_str() {
            "Escape" if !input.value().is_empty() => {
                ev.prevent_default();
                input.set_value("");
                if state.on_search.get_untracked() {
                    go(&state, String::new());
                }
            }
            "ArrowDown" => {
                let first = document()
                    .query_selector(".search-results .search-result:not([hidden]) .result-link")
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(el) = first {
                    ev.prevent_default();
                    let _ = el.focus();
                }
            }
            _ => {}
        },
    }
}

/// The search page's address for query `q`, with the filters the address
/// has: the first keystroke elsewhere opens the search page (back returns
/// to the page the reader was on); the rest replace it.
fn go(state: &SearchBoxState, q: String) {
    let on_search = state.on_search.get_untracked();
    let asked = if on_search { state.query.with_untracked(|q| Ask::parse(q)) } else { Ask::default() };
    if on_search && asked.q == q {
        return;
    }
    let next = Ask { q, ..asked };
    let href = with_query(&state.mode.get_untracked().localize("/search/"), &next.to_query());
    (state.navigate)(&href, NavigateOptions { replace: on_search, scroll: false, ..Default::default() });
}

/// On the search page, the box follows the address when it changes by
/// other means (back, a shared link), but not while the reader types in
/// it, which is what changed the address; leaving the page (a result,
/// back) empties it, as every other page's box is.
pub fn follow_address(query: Memo<Ask>) {
    Effect::new(move || set_box(&query.with(|a| a.q.clone())));
    // In the browser only: the prerenderer has no document.
    if cfg!(not(feature = "ssr")) {
        on_cleanup(|| set_box(""));
    }
}

fn set_box(q: &str) {
    let Some(el) = document().get_element_by_id(crate::components::search_box::BOX_ID) else { return };
    if let Ok(el) = el.dyn_into::<web_sys::HtmlInputElement>() {
        if el.value() != q {
            el.set_value(q);
        }
    }
}
