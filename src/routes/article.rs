use crate::api;
use crate::components::{
    article_header::ArticleHeader,
    bi_text::plain,
    block::BlockView,
    crumb::Crumb,
    embed_dialog::{EmbedDialog, Embeddable},
    error_panel::{load_error_panel, Content, ErrorPanel, Loading},
    event_strip::{EventLink, EventStrip},
    figure::Figure,
    layout_switch::LayoutSwitch,
    pager::Pager,
    reader_keys::ReaderKeys,
    reader_settings::ReaderSettings,
    related_list::RelatedList,
    ui,
};
use crate::load::Load;
use crate::state::{site_name, use_catalog, use_reading, Links};
use folio_model::head::article_title;
use folio_model::listing::Listing;
use folio_model::route::relative;
use folio_model::timeline::mentions::{events_on, Cites};
use folio_model::{bilingual, route::article_href, Article, Mode, PageSel, Resolved, Text};
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

/// `/article/{slug}/…`: loads the article once, then follows the page in
/// the URL without reloading it.
#[component]
pub fn ArticlePage(slug: String, page: Memo<Result<PageSel, String>>) -> impl IntoView {
    let mode = use_reading().mode;
    // The article and the meetings its paragraphs cite (their dates and
    // titles, written by `dist`, never the timelines), fetched together,
    // so the event links are there on first render and do not shift the
    // text when they arrive. If the cites fail, only the links are lost.
    let ready = (|| Some(Ok((api::cached_article(&slug)?, Some(api::cached_cites(&slug)?)))))();
    let resource = {
        let slug = slug.clone();
        Load::new(ready, move || {
            let slug = slug.clone();
            async move {
                let (article, cites) = futures::future::join(api::article(&slug), api::cites(&slug)).await;
                article.map(|a| (a, cites.ok()))
            }
        })
    };
    move || match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => {
            let slug = slug.clone();
            (move || {
                load_error_panel(&e, Content::Article(&slug), mode.get(), Callback::new(move |_| resource.refetch()))
            })
            .into_any()
        }
        Some(Ok((article, cites))) => view! { <ArticleView article cites page/> }.into_any(),
    }
}

/// Whether the page in the URL exists. Kept apart from the page number so
/// that turning between valid pages does not remount the reader.
#[derive(Clone, Debug, PartialEq)]
enum PageState {
    Valid,
    Empty,
    Missing { requested: String, nearest: usize },
}

/// A loaded article at the page the URL names, or a panel saying that page
/// does not exist.
#[component]
fn ArticleView(article: Arc<Article>, cites: Option<Arc<Cites>>, page: Memo<Result<PageSel, String>>) -> impl IntoView {
    let mode = use_reading().mode;
    let count = article.page_count();
    let state = Memo::new(move |_| match page.get() {
        Ok(sel) => match sel.resolve(count) {
            Resolved::Ok(_) => PageState::Valid,
            Resolved::Empty => PageState::Empty,
            Resolved::OutOfRange { requested, nearest, .. } => {
                PageState::Missing { requested: requested.to_string(), nearest }
            }
        },
        Err(segment) => PageState::Missing { requested: segment, nearest: 1 },
    });
    let current = Memo::new(move |_| match page.get() {
        Ok(sel) if matches!(sel.resolve(count), Resolved::Ok(_)) => sel,
        _ => PageSel::Page(1),
    });
    // The body is rebuilt when the mode changes: every text in it follows
    // the mode, and rebuilding one article's DOM is a frame's work.
    move || {
        let mode = mode.get();
        let t = ui(mode);
        match state.get() {
            PageState::Valid => view! { <ArticleBody article=article.clone() cites=cites.clone() page=current mode/> }.into_any(),
            PageState::Empty => view! {
                <ErrorPanel title=plain(&article.headline, mode) body=t.empty_article_body back=(mode.localize("/"), t.back_home.to_owned()) mode/>
            }
            .into_any(),
            PageState::Missing { requested, nearest } => no_page(&article, &requested, count, nearest, mode).into_any(),
        }
    }
}

/// The reader itself: every element of the seed page.
#[component]
fn ArticleBody(article: Arc<Article>, cites: Option<Arc<Cites>>, page: Memo<PageSel>, mode: Mode) -> impl IntoView {
    let reading = use_reading();
    let count = article.page_count();
    let catalog = use_catalog();
    let crumb = {
        let id = article.section.clone();
        let column = article.column.clone();
        move || {
            // A section the catalog declares has a listing to link to.
            let known = catalog.get().and_then(Result::ok).and_then(|c| c.section(&id).map(|s| s.label.clone()));
            let href = known.is_some().then(|| relative(&mode.localize(&Listing::Section(id.clone()).href(1))));
            let section = known.unwrap_or_else(|| Text::en(id.clone()));
            view! { <Crumb section href column=column.clone() mode/> }
        }
    };
    let slug = article.slug.clone();
    let links = Links::new();
    let prev = {
        let slug = slug.clone();
        Signal::derive(move || page.get().prev().map(|n| links.to(mode, &article_href(&slug, PageSel::Page(n)), "")))
    };
    let next = {
        let slug = slug.clone();
        Signal::derive(move || {
            page.get().next(count).map(|n| links.to(mode, &article_href(&slug, PageSel::Page(n)), ""))
        })
    };
    let navigate = leptos_router::hooks::use_navigate();
    let go = Callback::new(move |href: String| {
        navigate(&href, leptos_router::NavigateOptions { scroll: false, ..Default::default() })
    });

    let t = ui(mode);
    let title = {
        let headline = plain(&article.headline, mode);
        // `try_get`: leptos_meta may read a title once more after its view is
        // gone (leaving the article while the next view still loads, after
        // a language switch rebuilt this body), when `page` is disposed.
        move || article_title(&headline, page.try_get().unwrap_or(PageSel::Page(1)), &site_name(catalog, mode), t)
    };

    // After a page turn, move focus and scroll to the top of the new text,
    // so keyboard and screen-reader users continue where reading continues.
    // Not on first render: a reader arriving from a link starts at the top.
    // In the next frame, before it is painted: focusing and scrolling need
    // the new page laid out, and here they would force that layout in the
    // middle of the update. The frame lays the page out anyway.
    let text_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |prev: Option<PageSel>| {
        let now = page.get();
        if prev.is_some_and(|p| p != now) {
            if let Some(el) = text_ref.get_untracked() {
                request_animation_frame(move || {
                    let opts = web_sys::FocusOptions::new();
                    opts.set_prevent_scroll(true);
                    let _ = el.focus_with_options(&opts);
                    el.scroll_into_view();
                });
            }
        }
        now
    });
    // A link to a paragraph (`#b-4`, from the timeline) lands on it once the
    // text is there; the router's own jump ran before the article loaded.
    let hash = leptos_router::hooks::use_location().hash;
    Effect::new(move || {
        let hash = hash.get_untracked();
        if let Some(id) = hash.strip_prefix("#b-").filter(|id| id.bytes().all(|b| b.is_ascii_digit())) {
            if let Some(el) = document().get_element_by_id(&format!("b-{id}")) {
                el.scroll_into_view();
            }
        }
    });
    // After a mode switch, put the block that was at the top of the
    // viewport back where it was (see LangToggle).
    Effect::new(move || {
        if let Some((id, top)) = reading.anchor.try_update_value(Option::take).flatten() {
            restore_anchor(&id, top);
        }
    });

    // Blocks carry their position in the whole article, so the same id
    // names the same passage on a page, in "view all" and in every mode.
    let offsets: Vec<usize> = article
        .pages
        .iter()
        .scan(0, |acc, p| {
            let o = *acc;
            *acc += p.len();
            Some(o)
        })
        .collect();
    // An event id → its link on the timeline that holds it.
    let event_link = {
        let cites = cites.clone();
        move |id: &str| -> Option<EventLink> {
            let e = cites.as_deref()?.get(id)?;
            let route = folio_model::Route::Timeline { id: e.timeline.clone(), event: Some(e.event.clone()) };
            Some(EventLink {
                href: relative(&mode.localize(&route.href())),
                date: e.year.to_string(),
                title: e.title.clone(),
            })
        }
    };
    let strip = {
        let (a, link) = (article.clone(), event_link.clone());
        move || {
            let events: Vec<EventLink> = events_on(&a, page.get()).iter().filter_map(|id| link(id)).collect();
            view! { <EventStrip events mode/> }
        }
    };
    let blocks = {
        let a = article.clone();
        let link = event_link.clone();
        move || {
            let sel = page.get();
            let first = match sel {
                PageSel::Page(n) => offsets.get(n - 1).copied().unwrap_or(0),
                PageSel::All => 0,
            };
            let blocks = a.blocks(sel);
            let pairing = bilingual::pair(blocks.iter().copied());
            let notice = (mode == Mode::Both && !pairing.aligned()).then(|| {
                view! { <p class="notice" role="note">{(t.misaligned)(pairing.en_paragraphs, pairing.zh_paragraphs)}</p> }
            });
            let views = blocks
                .into_iter()
                .enumerate()
                .map(|(i, b)| {
                    let events = match b {
                        folio_model::Block::Paragraph { events, .. } => {
                            events.iter().filter_map(|id| link(id)).collect()
                        }
                        _ => Vec::new(),
                    };
                    view! { <BlockView block=b.clone() id=first + i mode events/> }
                })
                .collect_view();
            view! { {notice}{views} }
        }
    };
    // Printing prints the whole article, in the mode being read, with its
    // address: built when the browser is about to print (and dropped after),
    // not with every page, which would double the work of every page turn
    // and language switch. `beforeprint` listeners finish, and the view
    // updates, before the browser lays the page out for print.
    let printing = RwSignal::new(None::<String>);
    Effect::new(move || {
        let before = window_event_listener(leptos::ev::beforeprint, move |_| {
            printing.set(Some(window().location().href().unwrap_or_default()));
        });
        let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(None));
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
    });
    let print_copy = {
        let a = article.clone();
        move || {
            let url = printing.get()?;
            let whole = (count > 1 && page.get() != PageSel::All).then(|| {
                let blocks = a
                    .blocks(PageSel::All)
                    .into_iter()
                    .enumerate()
                    .map(|(i, b)| view! { <BlockView block=b.clone() id=i mode copy=true/> })
                    .collect_view();
                view! { <div class="print-all">{blocks}</div> }
            });
            Some(view! {
                {whole}
                <p class="print-source">{url}</p>
            })
        }
    };
    let related_section = article.section.clone();
    let related_slug = article.slug.clone();
    // Neither inside an embed: its partner chose how it looks, and a
    // partner's readers are not publishers.
    let tools = (!reading.embed).then(|| {
        let what = Embeddable::Article { slug: article.slug.clone(), pages: count, current: page.into() };
        view! {
            <div class="article-tools">
                <ReaderSettings mode/>
                <EmbedDialog what title=article.headline.clone()/>
            </div>
        }
    });
    let interleaved = reading.interleaved;
    let article_class = move || match mode {
        Mode::Both if interleaved.get() => "article dual dual-interleaved",
        Mode::Both => "article dual dual-side",
        _ => "article",
    };
    view! {
        <Title text=title/>
        <div class=move || if mode == Mode::Both && !interleaved.get() { "article-layout wide" } else { "article-layout" }>
            <ReaderKeys prev next go>
                <article class=article_class lang=mode.ui_lang().tag()>
                    {crumb}
                    <ArticleHeader article=article.clone() page=Signal::from(page) mode/>
                    {tools}
                    {(mode == Mode::Both).then(|| view! { <LayoutSwitch mode/> })}
                    {article.figure.clone().map(|figure| view! { <Figure figure mode/> })}
                    <div class="page-text" id="page-text" tabindex="-1" node_ref=text_ref>
                        {blocks}
                    </div>
                    {print_copy}
                    <Pager slug=slug page=Signal::from(page) count mode/>
                </article>
            </ReaderKeys>
            <div class="rail">
                {strip}
                {(!reading.embed).then(|| view! { <RelatedList slug=related_slug section=related_section mode/> })}
            </div>
        </div>
    }
}

fn no_page(a: &Article, requested: &str, count: usize, nearest: usize, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let links = Links::new();
    view! {
        <Title text=format!("{} · Folio", t.no_page_title)/>
        <ErrorPanel
            title=t.no_page_title
            body=(t.no_page_body)(requested, count)
            back=(links.to(mode, &article_href(&a.slug, PageSel::Page(nearest)), ""), (t.go_to_page)(nearest))
            mode
        />
    }
}

/// Scrolls so that block `id` is `top` pixels from the top of the viewport,
/// in the next frame, before it is painted, and again once fonts have
/// loaded: the first switch to Chinese starts loading a CJK font, which
/// reflows every line above the anchor.
///
/// Not at once: measuring the block needs the new view laid out, and
/// forcing that layout in the middle of the update held the update up by
/// most of its time (34 ms of 50 under the bench's 4× throttle). The frame
/// lays the view out anyway; the scroll then happens before it is painted.
fn restore_anchor(id: &str, top: f64) {
    let selector = format!("[data-block=\"{id}\"]");
    let scroll = move || {
        if let Ok(Some(el)) = document().query_selector(&selector) {
            let now = el.get_bounding_client_rect().top();
            window().scroll_by_with_x_and_y(0.0, now - top);
        }
    };
    request_animation_frame(move || {
        scroll();
        let fonts = document().fonts();
        if fonts.status() != web_sys::FontFaceSetLoadStatus::Loading {
            return;
        }
        if let Ok(ready) = fonts.ready() {
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(ready).await;
                scroll();
            });
        }
    });
}
