use crate::app::CatalogState;
use crate::components::{current_lang, ui};
use folio_model::{route::article_href, PageSel};
use leptos::prelude::*;

/// Other articles from the catalog: the counterpart of the seed page's
/// "Most Viewed / Today's Top News". Renders nothing until the catalog is
/// there, and nothing if it failed: an article stays readable without it.
#[component]
pub fn RelatedList(#[prop(into)] slug: String) -> impl IntoView {
    let catalog = expect_context::<CatalogState>().0;
    let lang = current_lang();
    move || {
        let catalog = catalog.get()?.ok()?;
        let items = catalog.related(&slug, 5);
        if items.is_empty() {
            return None;
        }
        let items = items
            .into_iter()
            .map(|a| {
                view! {
                    <li>
                        <a href=article_href(&a.slug, PageSel::Page(1))>{a.headline.str(lang).to_owned()}</a>
                        <span class="related-date">{a.published.date()}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <aside class="related" aria-labelledby="related-heading">
                <h2 id="related-heading">{ui().related_heading}</h2>
                <ul>{items}</ul>
            </aside>
        })
    }
}
