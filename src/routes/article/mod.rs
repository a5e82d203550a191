//! `/article/{slug}/…`: loads the article once, then follows the page in
//! the URL without reloading it.
//!
//! - this file: loading, and which page (or which "no such page") to show;
//! - `body.rs`: the reader around the text (crumb, header, tools, pager,
//!   rail) and what a page turn or a language switch does;
//! - `text.rs`: the page's blocks, with their links to the timeline;
//! - `print_copy.rs`: what only a printout has.

mod body;
mod print_copy;
mod text;

use crate::api;
use crate::components::{
    bi_text::plain,
    error_panel::{failure_panel, ErrorPanel, Loading},
    ui,
};
use crate::content::{use_content, What};
use crate::state::{titled, use_reading, Links};
use body::ArticleBody;
use folio_model::route::{article_href, PageAsked};
use folio_model::timeline::mentions::Cites;
use folio_model::{Article, Mode, PageSel, Resolved};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ArticlePage(slug: String, page: Memo<PageAsked>) -> impl IntoView {
    let mode = use_reading().mode;
    // The article and the events its paragraphs cite (their dates and
    // titles, written by `dist`, never the timelines), fetched together,
    // so the event links are there on first render and do not shift the
    // text when they arrive. If the cites fail, only the links are lost.
    let (store, article, cites) = (api::store(), api::article(&slug), api::cites(&slug));
    let ready = (|| Some((store.cached(&article)?, Some(store.cached(&cites)?))))();
    let content = use_content(What::Article(slug), ready, move || {
        let (article, cites) = (store.load(article.clone()), store.load(cites.clone()));
        async move {
            let (article, cites) = futures::future::join(article, cites).await;
            article.map(|a| (a, cites.ok()))
        }
    });
    move || match content.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(failure)) => (move || failure_panel(failure.clone(), mode.get())).into_any(),
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
fn ArticleView(article: Arc<Article>, cites: Option<Arc<Cites>>, page: Memo<PageAsked>) -> impl IntoView {
    let mode = use_reading().mode;
    let count = article.page_count();
    // The page asked for, resolved against the article once: what to show,
    // and the page the reader is on (the first, where there is none).
    let resolved = Memo::new(move |_| match page.get() {
        PageAsked::Sel(sel) => match sel.resolve(count) {
            Resolved::Ok(_) => (PageState::Valid, sel),
            Resolved::Empty => (PageState::Empty, PageSel::Page(1)),
            Resolved::OutOfRange { requested, nearest, .. } => {
                (PageState::Missing { requested: requested.to_string(), nearest }, PageSel::Page(1))
            }
        },
        PageAsked::NotAPage(segment) => (PageState::Missing { requested: segment, nearest: 1 }, PageSel::Page(1)),
    });
    let state = Memo::new(move |_| resolved.read().0.clone());
    let current = Memo::new(move |_| resolved.read().1);
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

fn no_page(a: &Article, requested: &str, count: usize, nearest: usize, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let links = Links::new();
    crate::dom::document::title(move || titled(t.no_page_title, mode));
    view! {
        <ErrorPanel
            title=t.no_page_title
            body=(t.no_page_body)(requested, count)
            back=(links.to(mode, &article_href(&a.slug, PageSel::Page(nearest)), ""), (t.go_to_page)(nearest))
            mode
        />
    }
}
