use crate::api;
use crate::components::bi_text::BiText;
use crate::components::ui;
use crate::content::Load;
use folio_model::listing::Lists;
use folio_model::route::{article_href, relative};
use folio_model::{ArticleEntry, Mode, PageSel};
use leptos::prelude::*;

/// The seed page's "Most Viewed" and "Today's Top News", beside an
/// article: the section's short lists, which `dist` writes once per
/// section (named by the publisher, else the latest). The article being
/// read is left out of both. Renders nothing until the lists are there,
/// and nothing if they failed: an article stays readable without them.
///
/// Never prerendered: they change with every story published, and baking
/// them into each article's page would make each new story rewrite every
/// page of the archive (see `PageData`). So they are fetched, once per
/// section and visit, after the article is on screen.
#[component]
pub fn RelatedList(#[prop(into)] slug: String, #[prop(into)] section: String, mode: Mode) -> impl IntoView {
    let (store, file) = (api::store(), api::lists(&section));
    let lists = Load::new(store.cached(&file).map(Ok), move || store.load(file.clone()));
    move || {
        let lists = lists.get()?.ok()?;
        let t = ui(mode);
        Some(view! {
            {short_list("most-viewed", t.most_viewed, Lists::shown(&lists.most_viewed, &slug), mode)}
            {short_list("top-news", t.top_news, Lists::shown(&lists.top_news, &slug), mode)}
        })
    }
}

/// One titled list of headlines with their dates; nothing when empty.
fn short_list(
    id: &'static str,
    heading: &'static str,
    entries: Vec<&ArticleEntry>,
    mode: Mode,
) -> Option<impl IntoView> {
    if entries.is_empty() {
        return None;
    }
    let t = ui(mode);
    let heading_id = || format!("{id}-heading");
    let items = entries
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
        <aside class="related" id=id aria-labelledby=heading_id()>
            <h2 id=heading_id()>{heading}</h2>
            <ul>{items}</ul>
        </aside>
    })
}
