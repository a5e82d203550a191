//! `/search/?q=…`: the search page.
//!
//! - this file, in the main module: loading the page's code; `warm`, which
//!   the masthead box calls when it is first focused; and `box_event`,
//!   which hands the box's events to the chunk;
//! - `results.rs`: the page itself (heading, what it says without
//!   JavaScript, results, filters and keys), behind the `search` split
//!   point (a chunk, loaded when the search box is first focused, or
//!   preloaded by this page);
//! - `box_keys.rs`: what the masthead box does with what the reader types
//!   (in the chunk too: most visits never search);
//! - `engine.rs`: fetching the shards and documents a query needs, and
//!   asking the model (`folio_model::search`) to match and rank.
//!
//! The query is in the address (the masthead's box writes it there), so
//! back, reload and a shared link show the same results.

mod box_keys;
mod engine;
mod results;

use crate::api::Store;
use crate::chunk::{build, use_code};
use crate::components::error_panel::{failure_panel, Loading};
use crate::components::search_box::{SearchBoxEvent, SearchBoxState};
use crate::state::use_reading;
use leptos::prelude::*;

/// The page: everything but the loading of its code is in the chunk,
/// heading and title included, so the main module carries almost none of
/// search (the prerendered page is the chunk's view, rendered natively).
#[component]
pub fn SearchPage() -> impl IntoView {
    let mode = use_reading().mode;
    let code = use_code(SEARCH, load_search);
    move || match code.get() {
        Some(Err(failure)) => failure_panel(failure, mode.get()).into_any(),
        Some(Ok(())) => build(search_entry(Entry::Page)).flatten().unwrap_or_else(|| view! { <Loading/> }.into_any()),
        None => view! { <Loading/> }.into_any(),
    }
}

/// What the chunk is asked for.
pub enum Entry {
    /// The search page's view.
    Page,
    /// No view: the index's layout, on its way into the store.
    Warm(Store),
    /// An event of the masthead's box.
    Box(SearchBoxState, SearchBoxEvent),
}

crate::split_point! {
    /// The view of the results, the index's layout on its way, or what
    /// the box does with an event. One entry for all three, so that what
    /// they need (fetching the layout and parsing it, reading the
    /// address's query) is in the chunk, not in the main module every
    /// article visit downloads.
    search as SEARCH, load_search,
    fn search_entry(entry: Entry) -> Option<AnyView> {
        match entry {
            Entry::Page => Some(view! { <results::SearchPageView/> }.into_any()),
            Entry::Warm(store) => {
                leptos::task::spawn_local(async move {
                    let _ = store.load(crate::api::search_layout()).await;
                });
                None
            }
            Entry::Box(state, event) => {
                box_keys::on_event(state, event);
                None
            }
        }
    }
}

/// Starts downloading the search's code and the index's layout, once: the
/// masthead box calls it when it is focused, so the first query finds
/// both there.
pub fn warm(store: Store) {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        if load_search().await.is_ok() {
            crate::chunk::mark_loaded(SEARCH);
            let _ = search_entry(Entry::Warm(store)).await;
        }
    });
}

/// Hands an event of the masthead's box to the chunk: at once if it is
/// here, else once it has arrived (a key that needed an answer at once,
/// Escape or an arrow, is then moot, and dropped). The box's value is
/// read when the chunk acts, so what was typed meanwhile is not lost.
pub fn box_event(state: SearchBoxState, event: SearchBoxEvent) {
    if crate::chunk::is_loaded(SEARCH) {
        let _ = build(search_entry(Entry::Box(state, event)));
        return;
    }
    if matches!(event, SearchBoxEvent::Key(_)) {
        return;
    }
    leptos::task::spawn_local(async move {
        if load_search().await.is_ok() {
            crate::chunk::mark_loaded(SEARCH);
            let _ = search_entry(Entry::Box(state, event)).await;
        }
    });
}
