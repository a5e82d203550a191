//! The shell: router, masthead, and which view the URL asks for.

use crate::api::{self, LoadError};
use crate::components::masthead::Masthead;
use crate::routes::{article::ArticlePage, home::HomePage, not_found::NotFound};
use folio_model::{Catalog, PageSel, Route};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::{
    components::Router,
    hooks::{use_location, use_navigate},
    location::{BrowserUrl, LocationProvider},
    NavigateOptions,
};

/// The catalog, loaded once and shared by every view.
#[derive(Clone, Copy)]
pub struct CatalogState(pub LocalResource<Result<Catalog, LoadError>>);

/// Which component the URL needs. Deliberately coarser than [`Route`]: a
/// page turn changes the route but not the view, so the article stays
/// mounted (no refetch, no flash) and only its page-dependent parts update.
#[derive(Clone, Debug, PartialEq)]
enum View {
    Home(Option<String>),
    Article(String),
    NotFound,
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let catalog = CatalogState(LocalResource::new(api::catalog));
    provide_context(catalog);
    // The URL scheme lives in `folio_model::Route`; leptos_router is used for
    // history and link interception only (see `commit_navigations`).
    view! {
        <Html {..} lang="en"/>
        <Router>
            <a class="skip-link" href="#main">{folio_model::ui::EN.skip_to_content}</a>
            <Masthead/>
            <main id="main" tabindex="-1">
                <Views/>
            </main>
            <footer class="site-footer">
                <p>"Folio"</p>
            </footer>
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
    });
}

/// Picks the view for the current path.
#[component]
fn Views() -> impl IntoView {
    commit_navigations();
    let location = use_location();
    let parsed = Memo::new(move |_| location.pathname.with(|p| Route::parse(p)));

    // Normalise `/article/x/1/` and friends, keeping query and hash, and
    // without adding a history entry.
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(canonical) = parsed.with(|p| p.canonical.clone()) {
            let search = location.search.get_untracked();
            let hash = location.hash.get_untracked();
            let query = if search.is_empty() { String::new() } else { format!("?{search}") };
            navigate(&format!("{canonical}{query}{hash}"), NavigateOptions { replace: true, scroll: false, ..Default::default() });
        }
    });

    let view_key = Memo::new(move |_| match &parsed.read().route {
        Route::Home => View::Home(None),
        Route::Edition(id) => View::Home(Some(id.clone())),
        Route::Article { slug, .. } | Route::BadPage { slug, .. } => View::Article(slug.clone()),
        Route::NotFound => View::NotFound,
    });
    // `Err(segment)` for a page segment that is not a page at all.
    let page = Memo::new(move |_| match &parsed.read().route {
        Route::Article { page, .. } => Ok(*page),
        Route::BadPage { segment, .. } => Err(segment.clone()),
        _ => Ok(PageSel::Page(1)),
    });

    move || match view_key.get() {
        View::Home(edition) => view! { <HomePage edition/> }.into_any(),
        View::Article(slug) => view! { <ArticlePage slug page/> }.into_any(),
        View::NotFound => view! { <NotFound/> }.into_any(),
    }
}
