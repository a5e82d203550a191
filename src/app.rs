//! The shell: router, masthead, and which view the address asks for.

use crate::api;
use crate::components::{embed_frame::EmbedFrame, masthead::Masthead};
use crate::load::Load;
use crate::prefs;
use crate::routes::{article::ArticlePage, listing::ListingView, not_found::NotFound, timeline::TimelinePage};
use crate::state::{CatalogState, Reading};
use folio_model::{embed::Options, listing::Listing, mode, ui, PageSel, Route};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::{
    components::Router,
    hooks::use_location,
    location::{BrowserUrl, LocationProvider},
    NavigateOptions,
};
use wasm_bindgen::JsCast;

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
    NotFound,
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(CatalogState(Load::new(api::cached_catalog().map(Ok), api::catalog)));
    view! {
        <Router base=crate::base::path()>
            <Shell/>
        </Router>
    }
}

/// leptos_router writes a clicked link's URL to the address bar only once a
/// `<Routes>` reports the new view ready. Folio maps paths itself with
/// `folio_model::Route` (`<Routes>` and its matcher cost about 24 KB of
/// brotli wasm), so it reports readiness itself, as soon as the URL changes:
/// every view renders at once, showing its own loading state.
fn commit_navigations() {
    let Some(history) = use_context::<BrowserUrl>() else { return };
    let location = use_location();
    Effect::new(move || {
        location.pathname.track();
        location.search.track();
        history.ready_to_complete();
        crate::boot::navigated(&crate::base::strip(&location.pathname.get_untracked()));
    });
}

#[component]
fn Shell() -> impl IntoView {
    commit_navigations();
    let location = use_location();
    let parsed = Memo::new(move |_| {
        let path = crate::base::strip(&location.pathname.get());
        location.search.with(|q| Route::parse(&path, q))
    });
    let embed = parsed.with_untracked(|p| p.embed);
    let reading = Reading {
        parsed,
        mode: Memo::new(move |_| parsed.read().mode.unwrap_or_default()),
        embed,
        interleaved: RwSignal::new(false),
        anchor: StoredValue::new(None),
        settings: RwSignal::new(prefs::initial_settings()),
    };
    provide_context(reading);
    // Remember a change of display settings (not the values read at start).
    let settings = reading.settings;
    Effect::new(move |first: Option<()>| {
        let s = settings.get();
        if first.is_some() {
            prefs::store_settings(s);
        }
    });
    let size = move || settings.get().size.param();
    let width = move || settings.get().width.param();

    let navigate = leptos_router::hooks::use_navigate();
    // On arrival only: an address that names no mode gets the reader's
    // remembered choice, else the browser's language (mode::resolve). Later
    // navigation keeps the mode in every link, so it is not asked again.
    let arrival = navigate.clone();
    Effect::new(move |done: Option<()>| {
        if done.is_some() {
            return;
        }
        if prefs::stored_interleaved() {
            reading.interleaved.set(true);
        }
        let p = parsed.get_untracked();
        // An embed shows the language its snippet names, whoever reads it.
        if p.mode.is_some() || p.embed || matches!(p.route, Route::NotFound) {
            return;
        }
        let wanted = mode::resolve(None, prefs::stored_mode().as_deref(), &prefs::browser_languages());
        if wanted != folio_model::Mode::En {
            let href = wanted.localize(&p.route.href());
            let search = location.search.get_untracked();
            let query = if search.is_empty() { String::new() } else { format!("?{search}") };
            let hash = location.hash.get_untracked();
            arrival(
                &format!("{href}{query}{hash}"),
                NavigateOptions { replace: true, scroll: false, ..Default::default() },
            );
        }
    });

    // Normalise `/article/x/1/`, `?lang=zh` and friends, keeping the hash,
    // without adding a history entry.
    Effect::new(move || {
        if let Some(canonical) = parsed.with(|p| p.canonical.clone()) {
            let hash = location.hash.get_untracked();
            navigate(
                &format!("{canonical}{hash}"),
                NavigateOptions { replace: true, scroll: false, ..Default::default() },
            );
        }
    });

    let mode = reading.mode;
    let lang = move || mode.get().ui_lang().tag();
    if embed {
        let flags = Memo::new(move |_| location.search.with(|q| Options::from_query(q)));
        return view! {
            <Html {..} lang=lang data-frame="embed" data-theme=move || flags.get().theme.param()
                data-transparent=move || flags.get().transparent.then_some("") data-size=size data-width=width/>
            <EmbedFrame><Views/></EmbedFrame>
        }
        .into_any();
    }
    let skip = move || ui::for_mode(mode.get()).skip_to_content;
    // A bare `#main` would resolve against `<base href>` (the bundle root),
    // not this page.
    let main_href = move || {
        let path = crate::base::strip(&location.pathname.get());
        let search = location.search.get();
        let query = if search.is_empty() { String::new() } else { format!("?{search}") };
        format!("{}{query}#main", folio_model::route::relative(&path))
    };
    // The router takes same-page links over, so the browser never moves
    // focus to the target: move it here, so the next Tab is in the content.
    // (Without JavaScript the plain link does the same.)
    let skip_to_main = |ev: leptos::ev::MouseEvent| {
        if let Some(main) = document().get_element_by_id("main").and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            ev.prevent_default();
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! {
        <Html {..} lang=lang data-theme=move || settings.get().theme.param() data-size=size data-width=width/>
        <a class="skip-link" href=main_href on:click=skip_to_main>{skip}</a>
        <Masthead/>
        <main id="main" tabindex="-1">
            <Views/>
        </main>
        <footer class="site-footer">
            <p>"Folio"</p>
        </footer>
    }
    .into_any()
}

/// Picks the view for the current address.
#[component]
fn Views() -> impl IntoView {
    let parsed = crate::state::use_reading().parsed;
    let view_key = Memo::new(move |_| match &parsed.read().route {
        Route::Listing { listing, page } => View::Listing(listing.clone(), *page),
        Route::Article { slug, .. } | Route::BadPage { slug, .. } => View::Article(slug.clone()),
        Route::Timeline { id, .. } => View::Timeline(id.clone()),
        Route::NotFound => View::NotFound,
    });
    let event = Memo::new(move |_| match &parsed.read().route {
        Route::Timeline { event, .. } => event.clone(),
        _ => None,
    });
    // `Err(segment)` for a page segment that is not a page at all.
    let page = Memo::new(move |_| match &parsed.read().route {
        Route::Article { page, .. } => Ok(*page),
        Route::BadPage { segment, .. } => Err(segment.clone()),
        _ => Ok(PageSel::Page(1)),
    });
    move || match view_key.get() {
        View::Listing(listing, page) => view! { <ListingView listing page/> }.into_any(),
        View::Article(slug) => view! { <ArticlePage slug page/> }.into_any(),
        View::Timeline(id) => view! { <TimelinePage id event/> }.into_any(),
        View::NotFound => view! { <NotFound/> }.into_any(),
    }
}
