//! The router Folio writes instead of leptos_router's `<Routes>`: which
//! view an address shows, the redirects an address gets, and telling the
//! history that a navigation is done.
//!
//! `<Routes>` and its matcher cost about 24 KB of brotli wasm; Folio
//! parses paths itself with [`folio_model::Route`], which the prerenderer
//! and the validator share. leptos_router still provides the location,
//! `<A>`-less link interception and `use_navigate`.
//!
//! A page turn: the address changes → [`address`] parses it → [`Views`]
//! keeps the same article view and updates its page memo
//! ([`folio_model::route::PageAsked`]) → the
//! article view resolves it against its page count (`routes/article`).

use crate::prefs;
use crate::routes::{
    article::ArticlePage, listing::ListingView, not_found::NotFound, search::SearchPage, timeline::TimelinePage,
};
use crate::state::Reading;
use folio_model::listing::Listing;
use folio_model::route::{with_query, Parsed};
use folio_model::{mode, Mode, Route};
use leptos::prelude::*;
use leptos_router::{
    hooks::{use_location, use_navigate},
    location::{BrowserUrl, LocationProvider},
    NavigateOptions,
};

/// The address, parsed (path without the bundle's base, and query).
pub fn address() -> Memo<Parsed> {
    let location = use_location();
    Memo::new(move |_| {
        let path = crate::base::strip(&location.pathname.get());
        location.search.with(|q| Route::parse(&path, q))
    })
}

/// leptos_router writes a clicked link's URL to the address bar only once a
/// `<Routes>` reports the new view ready. Folio has none, so it reports
/// readiness itself, as soon as the URL changes: every view renders at
/// once, showing its own loading state.
pub fn commit_navigations() {
    let Some(history) = use_context::<BrowserUrl>() else { return };
    let location = use_location();
    Effect::new(move || {
        location.pathname.track();
        location.search.track();
        history.ready_to_complete();
    });
}

/// The redirects an address gets, without a history entry and keeping the
/// hash: on arrival, the reader's language for an address that names
/// none; always, the canonical form of a non-canonical address
/// (`/article/x/1/`, `?lang=zh` and friends).
pub fn redirects(reading: Reading) {
    let location = use_location();
    let replace = || NavigateOptions { replace: true, scroll: false, ..Default::default() };
    let navigate = use_navigate();
    let arrival = navigate.clone();
    // On arrival only: later navigation keeps the mode in every link, so
    // it is not asked again.
    Effect::new(move |done: Option<()>| {
        if done.is_some() {
            return;
        }
        if prefs::stored_interleaved() {
            reading.interleaved.set(true);
        }
        let p = reading.parsed.get_untracked();
        // An embed shows the language its snippet names, whoever reads it.
        if p.mode.is_some() || p.embed || matches!(p.route, Route::NotFound) {
            return;
        }
        let wanted = mode::resolve(None, prefs::stored_mode().as_deref(), &prefs::browser_languages());
        if wanted != Mode::En {
            let href = with_query(&wanted.localize(&p.route.href()), &location.search.get_untracked());
            arrival(&format!("{href}{}", location.hash.get_untracked()), replace());
        }
    });
    Effect::new(move || {
        if let Some(canonical) = reading.parsed.with(|p| p.canonical.clone()) {
            navigate(&format!("{canonical}{}", location.hash.get_untracked()), replace());
        }
    });
}

/// Which component the address needs. Deliberately coarser than [`Route`]:
/// a page turn or a language switch changes the address but not the view,
/// so the article stays mounted (no refetch) and only what depends on the
/// page or the mode updates.
#[derive(Clone, Debug, PartialEq)]
enum View {
    /// Each listing page is a view of its own: its stories are another
    /// file, and a new page starts at the top.
    Listing(Listing, usize),
    Article(String),
    Timeline(String),
    Search,
    NotFound,
}

/// The view for the current address.
#[component]
pub fn Views() -> impl IntoView {
    let parsed = crate::state::use_reading().parsed;
    let view = Memo::new(move |_| match &parsed.read().route {
        Route::Listing { listing, page } => View::Listing(listing.clone(), *page),
        Route::Article { slug, .. } | Route::BadPage { slug, .. } => View::Article(slug.clone()),
        Route::Timeline { id, .. } => View::Timeline(id.clone()),
        Route::Search => View::Search,
        Route::NotFound => View::NotFound,
    });
    let page = Memo::new(move |_| parsed.read().route.page_asked());
    let event = Memo::new(move |_| match &parsed.read().route {
        Route::Timeline { event, .. } => event.clone(),
        _ => None,
    });
    move || match view.get() {
        View::Listing(listing, page) => view! { <ListingView listing page/> }.into_any(),
        View::Article(slug) => view! { <ArticlePage slug page/> }.into_any(),
        View::Timeline(id) => view! { <TimelinePage id event/> }.into_any(),
        View::Search => view! { <SearchPage/> }.into_any(),
        View::NotFound => view! { <NotFound/> }.into_any(),
    }
}
