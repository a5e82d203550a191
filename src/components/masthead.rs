use crate::components::lang_toggle::LangToggle;
use crate::components::search_box::SearchBox;
use crate::components::ui;
use crate::state::{use_catalog, use_reading};
use folio_model::listing::Listing;
use folio_model::route::relative;
use folio_model::Route;
use leptos::prelude::*;

/// The edition bar (US EUROPE AFRICA ASIA) on top, as on the seed page,
/// then the site name and, where the seed had its "中文" link, the language
/// toggle. That second row stays on screen while reading (CSS sticky), so
/// the reader can switch language from wherever they are. The edition bar
/// comes from the catalog; while it loads, or if it fails, the site name
/// still links home.
#[component]
pub fn Masthead() -> impl IntoView {
    let catalog = use_catalog();
    let reading = use_reading();
    let mode = reading.mode;
    let editions = move || {
        let mode = mode.get();
        let current = reading.parsed.with(|p| p.route.clone());
        catalog.ok().map(|c| {
            c.editions
                .into_iter()
                .map(|e| {
                    let listing = Listing::Edition(e.id.clone());
                    // On any page of the edition's listing.
                    let here = matches!(&current, Route::Listing { listing: l, .. } if *l == listing).then_some("page");
                    let route = Route::Listing { listing, page: 1 };
                    // Edition names are navigation, not article text: one
                    // language, the interface's.
                    let (label, lang) = e.label.get(mode.ui_lang());
                    view! { <li><a href=relative(&mode.localize(&route.href())) aria-current=here lang=lang.tag()>{label.to_owned()}</a></li> }
                })
                .collect_view()
        })
    };
    view! {
        <header class="masthead">
            <nav class="edition-bar" aria-label=move || ui(mode.get()).editions_label>
                <ul>{editions}</ul>
            </nav>
            <div class="masthead-bar">
                <a class="site-name" href=move || relative(&mode.get().localize("/"))>"Folio"</a>
                <SearchBox/>
                <LangToggle/>
            </div>
        </header>
    }
}
