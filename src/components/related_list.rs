use crate::components::bi_text::BiText;
use crate::components::ui;
use crate::state::use_catalog;
use folio_model::route::{article_href, relative};
use folio_model::{Mode, PageSel};
use leptos::prelude::*;

/// Other articles from the catalog: the counterpart of the seed page's
/// "Most Viewed / Today's Top News". Renders nothing until the catalog is
/// there, and nothing if it failed: an article stays readable without it.
#[component]
pub fn RelatedList(#[prop(into)] slug: String, mode: Mode) -> impl IntoView {
    let catalog = use_catalog();
    let t = ui(mode);
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
                        <a href=relative(&mode.localize(&article_href(&a.slug, PageSel::Page(1))))><BiText text=a.headline.clone() mode/></a>
                        <span class="related-date">{(t.date)(&a.published)}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <aside class="related" aria-labelledby="related-heading">
                <h2 id="related-heading">{t.related_heading}</h2>
                <ul>{items}</ul>
            </aside>
        })
    }
}
