//! `/search/?q=…`: the search page.
//!
//! - this file, in the main module: loading the page's code, and `warm`,
//!   which the masthead box calls;
//! - `results.rs`: the page itself (heading, what it says without
//!   JavaScript, results, filters and keys), behind the `search` split
//!   point (a chunk, loaded when the search box is first focused, or
//!   preloaded by this page);
//! - `engine.rs`: fetching the shards and documents a query needs, and
//!   asking the model (`folio_model::search`) to match and rank.
//!
//! The query is in the address (the masthead's box writes it there), so
//! back, reload and a shared link show the same results.

mod engine;
mod results;

use crate::chunk::{build, use_code};
use crate::components::error_panel::{failure_panel, Loading};
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
        Some(Ok(())) => build(search_entry(false)).flatten().unwrap_or_else(|| view! { <Loading/> }.into_any()),
        None => view! { <Loading/> }.into_any(),
    }
}

crate::split_point! {
    /// The view of the results; or, `warm`, no view but the index's
    /// manifest on its way. One entry for both, so that fetching the
    /// manifest (its parsing included) is in the chunk, not in the main
    /// module every article visit downloads.
    search as SEARCH, load_search,
    fn search_entry(warm: bool) -> Option<AnyView> {
        if warm {
            leptos::task::spawn_local(async {
                let _ = crate::api::search_manifest().await;
            });
            None
        } else {
            Some(view! { <results::SearchPageView/> }.into_any())
        }
    }
}

/// Starts downloading the search's code and manifest, once: the masthead
/// box calls it when it is focused, so the first query finds
/// both there.
pub fn warm() {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        if load_search().await.is_ok() {
            crate::chunk::mark_loaded(SEARCH);
            let _ = search_entry(true).await;
        }
    });
}
