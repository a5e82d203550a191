use super::print_copy::print_copy;
use super::text::{event_links, page_text};
use crate::components::{
    article_header::ArticleHeader,
    bi_text::plain,
    crumb::Crumb,
    embed_dialog::{EmbedDialog, Embeddable},
    event_strip::{EventLink, EventStrip},
    figure::Figure,
    keep_offline::KeepOffline,
    layout_switch::LayoutSwitch,
    pager::Pager,
    reader_keys::ReaderKeys,
    reader_settings::ReaderSettings,
    related_list::RelatedList,
    ui,
};
use crate::dom::{focus::focus_and_reveal, scroll_anchor};
use crate::state::{site_name, use_catalog, use_reading, Links};
use folio_model::head::article_title;
use folio_model::listing::Listing;
use folio_model::route::{article_href, relative};
use folio_model::timeline::mentions::{events_on, Cites};
use folio_model::{Article, Mode, PageSel, Text};
use leptos::prelude::*;
use std::sync::Arc;

/// The reader itself: every element of the seed page, around the text.
#[component]
pub fn ArticleBody(article: Arc<Article>, cites: Option<Arc<Cites>>, page: Memo<PageSel>, mode: Mode) -> impl IntoView {
    let reading = use_reading();
    let count = article.page_count();
    let text_ref = NodeRef::<leptos::html::Div>::new();
    let (prev, next, go) = turn_links(article.slug.clone(), page, count, mode);
    focus_text_on_page_turn(page, text_ref);
    scroll_anchor::use_hash_block();
    scroll_anchor::use_restore_anchor(reading.anchor);

    let headline = plain(&article.headline, mode);
    crate::dom::document::title(move || article_title(&headline, page.get(), &site_name(mode), ui(mode)));
    let strip = {
        let (a, link) = (article.clone(), event_links(cites.clone(), mode));
        move || {
            let events: Vec<EventLink> = events_on(&a, page.get()).iter().filter_map(|id| link(id)).collect();
            view! { <EventStrip events mode/> }
        }
    };
    // Neither inside an embed: its partner chose how it looks, and a
    // partner's readers are not publishers.
    let tools = (!reading.embed).then(|| {
        let what = Embeddable::Article { slug: article.slug.clone(), pages: count, current: page.into() };
        view! {
            <div class="article-tools">
                <ReaderSettings mode/>
                <EmbedDialog what title=article.headline.clone()/>
                <KeepOffline article=article.clone() mode/>
            </div>
        }
    });
    let related = (!reading.embed).then(|| {
        view! { <RelatedList slug=article.slug.clone() section=article.section.clone() mode/> }
    });
    let interleaved = reading.interleaved;
    let article_class = move || match mode {
        Mode::Both if interleaved.get() => "article dual dual-interleaved",
        Mode::Both => "article dual dual-side",
        _ => "article",
    };
    let layout_class =
        move || if mode == Mode::Both && !interleaved.get() { "article-layout wide" } else { "article-layout" };
    view! {
        <div class=layout_class>
            <ReaderKeys prev next go>
                <article class=article_class lang=mode.ui_lang().tag()>
                    {section_crumb(&article, mode)}
                    <ArticleHeader article=article.clone() page=Signal::from(page) mode/>
                    {tools}
                    {(mode == Mode::Both).then(|| view! { <LayoutSwitch mode/> })}
                    {article.figure.clone().map(|figure| view! { <Figure figure mode/> })}
                    <div class="page-text" id="page-text" tabindex="-1" node_ref=text_ref>
                        {page_text(article.clone(), cites, page, mode)}
                    </div>
                    {print_copy(article.clone(), page, mode)}
                    <Pager slug=article.slug.clone() page=Signal::from(page) count mode/>
                </article>
            </ReaderKeys>
            <div class="rail">
                {strip}
                {related}
            </div>
        </div>
    }
}

/// The article's section, linked to its listing where the catalog
/// declares it (its id alone until then, or without the catalog).
fn section_crumb(article: &Article, mode: Mode) -> impl IntoView {
    let catalog = use_catalog();
    let (id, column) = (article.section.clone(), article.column.clone());
    move || {
        let known = catalog.ok().and_then(|c| c.section(&id).map(|s| s.label.clone()));
        let href = known.is_some().then(|| relative(&mode.localize(&Listing::Section(id.clone()).href(1))));
        let section = known.unwrap_or_else(|| Text::en(id.clone()));
        view! { <Crumb section href column=column.clone() mode/> }
    }
}

/// Where the arrow keys turn the article's pages (`ReaderKeys`): the
/// previous and next pages' addresses, and a navigation on the client
/// without scrolling (the page turn moves focus itself).
fn turn_links(
    slug: String,
    page: Memo<PageSel>,
    count: usize,
    mode: Mode,
) -> (Signal<Option<String>>, Signal<Option<String>>, Callback<String>) {
    let links = Links::new();
    let to = move |n: Option<usize>| n.map(|n| links.to(mode, &article_href(&slug, PageSel::Page(n)), ""));
    let prev = {
        let to = to.clone();
        Signal::derive(move || to(page.get().prev()))
    };
    let next = Signal::derive(move || to(page.get().next(count)));
    let navigate = leptos_router::hooks::use_navigate();
    let go = Callback::new(move |href: String| {
        navigate(&href, leptos_router::NavigateOptions { scroll: false, ..Default::default() })
    });
    (prev, next, go)
}

/// After a page turn, focus and scroll go to the top of the new text, so
/// keyboard and screen-reader users continue where reading continues. Not
/// on first render: a reader arriving from a link starts at the top. Not
/// when the address names a place on the new page (a link to a subhead
/// further down): `use_hash_block` takes the reader there.
fn focus_text_on_page_turn(page: Memo<PageSel>, text: NodeRef<leptos::html::Div>) {
    let hash = leptos_router::hooks::use_location().hash;
    Effect::new(move |prev: Option<PageSel>| {
        let now = page.get();
        if prev.is_some_and(|p| p != now) && hash.get_untracked().len() <= 1 {
            if let Some(el) = text.get_untracked() {
                focus_and_reveal(el.into());
            }
        }
        now
    });
}
