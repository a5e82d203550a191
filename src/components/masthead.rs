use crate::app::CatalogState;
use crate::components::{current_lang, ui};
use folio_model::Route;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Site name and the edition bar (US EUROPE AFRICA ASIA 中文), as on the
/// seed page. The bar comes from the catalog; while it loads, or if it
/// fails, the site name still links home.
#[component]
pub fn Masthead() -> impl IntoView {
    let catalog = expect_context::<CatalogState>().0;
    let location = use_location();
    let lang = current_lang();
    let editions = move || {
        catalog.get().and_then(Result::ok).map(|c| {
            c.editions
                .into_iter()
                .map(|e| {
                    let href = Route::Edition(e.id.clone()).href();
                    let current = move || location.pathname.with(|p| *p == href).then_some("page");
                    let href = Route::Edition(e.id).href();
                    view! { <li><a href=href aria-current=current>{e.label.str(lang).to_owned()}</a></li> }
                })
                .collect_view()
        })
    };
    // The language switch arrives with the toggle; until then "中文" points
    // at the view the reader is on, as the seed's link did for its edition.
    let here = move || location.pathname.get();
    view! {
        <header class="masthead">
            <div class="masthead-inner">
                <a class="site-name" href="/">"Folio"</a>
                <nav class="edition-bar" aria-label=ui().editions_label>
                    <ul>
                        {editions}
                        <li><a href=here lang="zh-Hans">{ui().chinese_edition}</a></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
