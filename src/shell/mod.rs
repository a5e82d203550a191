//! The shell: the app's root, the reactive state every view shares, and
//! the chrome around the views (masthead, skip link, footer, or an embed's
//! frame). Which view an address shows is the router's (`router.rs`).

pub mod boot;
pub mod router;

use crate::api::{self, Store};
use crate::components::{embed_frame::EmbedFrame, masthead::Masthead, search_box::SearchBoxActions};
use crate::content::{provide_loads, Content, What};
use crate::dom::document::html_attribute;
use crate::prefs;
use crate::state::{CatalogState, Reading};
use folio_model::page_data::PageData;
use folio_model::{embed::Options, route::with_query, ui, Catalog};
use leptos::prelude::*;
use leptos_router::{components::Router, hooks::use_location};
use router::Views;
use wasm_bindgen::JsCast;

/// The app, over the data its page carried (`folio-data`), if any: every
/// view then renders that content in its first pass (see `content.rs`).
#[component]
pub fn App(data: Option<PageData>) -> impl IntoView {
    let store = Store::provide(data);
    let ready = store.cached(&api::catalog()).map(|c| Catalog::clone(&c));
    let fetch = move || async move { store.load(api::catalog()).await.map(|c| Catalog::clone(&c)) };
    provide_context(CatalogState(Content::new(What::Catalog, ready, fetch)));
    view! {
        <Router base=crate::base::path()>
            <Shell/>
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    router::commit_navigations();
    let location = use_location();
    let parsed = router::address();
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
    // The masthead's box hands its events to search's code.
    provide_context(SearchBoxActions { warm: crate::routes::search::warm, event: crate::routes::search::box_event });
    router::redirects(reading);
    let loading = provide_loads();
    boot::hand_over(loading, reading.mode);

    // Remember a change of display settings (not the values read at start).
    let settings = reading.settings;
    Effect::new(move |first: Option<()>| {
        let s = settings.get();
        if first.is_some() {
            prefs::store_settings(s);
        }
    });
    let mode = reading.mode;
    html_attribute("lang", move || Some(mode.get().ui_lang().tag()));
    html_attribute("data-size", move || Some(settings.get().size.param()));
    html_attribute("data-width", move || Some(settings.get().width.param()));
    if embed {
        let flags = Memo::new(move |_| location.search.with(|q| Options::from_query(q)));
        html_attribute("data-frame", || Some("embed"));
        html_attribute("data-theme", move || Some(flags.get().theme.param()));
        html_attribute("data-transparent", move || flags.get().transparent.then_some(""));
        view! { <EmbedFrame><Views/></EmbedFrame> }.into_any()
    } else {
        html_attribute("data-theme", move || Some(settings.get().theme.param()));
        full_page()
    }
}

/// The full site's chrome around the views.
fn full_page() -> AnyView {
    view! {
        <SkipLink/>
        <Masthead/>
        <main id="main" tabindex="-1">
            <crate::components::saved_notice::SavedNotice/>
            <Views/>
        </main>
        <footer class="site-footer">
            <p>"Folio"</p>
        </footer>
    }
    .into_any()
}

/// "Skip to content", the first stop of the Tab key.
#[component]
fn SkipLink() -> impl IntoView {
    let location = use_location();
    let mode = crate::state::use_reading().mode;
    // A bare `#main` would resolve against `<base href>` (the bundle root),
    // not this page.
    let href = move || {
        let path = folio_model::route::relative(&crate::base::strip(&location.pathname.get()));
        format!("{}#main", with_query(&path, &location.search.get()))
    };
    // The router takes same-page links over, so the browser never moves
    // focus to the target: move it here, so the next Tab is in the content.
    // (Without JavaScript the plain link does the same.)
    let skip = |ev: leptos::ev::MouseEvent| {
        if let Some(main) = document().get_element_by_id("main").and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            ev.prevent_default();
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! { <a class="skip-link" href=href on:click=skip>{move || ui::for_mode(mode.get()).skip_to_content}</a> }
}
