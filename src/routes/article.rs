use crate::api::{self, LoadError};
use crate::app::CatalogState;
use crate::components::{
    article_header::ArticleHeader, block::BlockView, crumb::Crumb, current_lang, error_panel::ErrorPanel,
    figure::Figure, pager::Pager, reader_keys::ReaderKeys, related_list::RelatedList, ui,
};
use folio_model::{route::article_href, Article, PageSel, Resolved};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

/// The error panel for content that failed to load. `slug` is empty for
/// the catalog.
pub fn load_error_panel(err: &LoadError, slug: &str, retry: Option<Callback<()>>) -> impl IntoView {
    let t = ui();
    let back = ("/".to_owned(), t.back_home.to_owned());
    let (title, body, retry) = match err {
        LoadError::NotFound { .. } if !slug.is_empty() => (t.no_article_title, (t.no_article_body)(slug), None),
        LoadError::Invalid { .. } => (t.broken_title, t.broken_body.to_owned(), None),
        LoadError::NotFound { .. } | LoadError::Network { .. } => (t.network_title, t.network_body.to_owned(), retry),
    };
    view! {
        <Title text=format!("{title} · Folio")/>
        <ErrorPanel title body detail=err.to_string() back retry/>
    }
}

/// `/article/{slug}/…`: loads the article once, then follows the page in
/// the URL without reloading it.
#[component]
pub fn ArticlePage(slug: String, page: Memo<Result<PageSel, String>>) -> impl IntoView {
    let t = ui();
    let resource = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { api::article(&slug).await.map(Arc::new) }
        })
    };
    move || match resource.get() {
        None => view! { <p class="loading" aria-busy="true">{t.loading}</p> }.into_any(),
        Some(Err(e)) => load_error_panel(&e, &slug, Some(Callback::new(move |_| resource.refetch()))).into_any(),
        Some(Ok(article)) => view! { <ArticleView article page/> }.into_any(),
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
fn ArticleView(article: Arc<Article>, page: Memo<Result<PageSel, String>>) -> impl IntoView {
    let t = ui();
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
    move || match state.get() {
        PageState::Valid => view! { <ArticleBody article=article.clone() page=current/> }.into_any(),
        PageState::Empty => view! {
            <ErrorPanel title=article.headline.str(current_lang()).to_owned() body=t.empty_article_body back=("/".to_owned(), t.back_home.to_owned())/>
        }
        .into_any(),
        PageState::Missing { requested, nearest } => no_page(&article, &requested, count, nearest).into_any(),
    }
}

/// The reader itself: every element of the seed page.
#[component]
fn ArticleBody(article: Arc<Article>, page: Memo<PageSel>) -> impl IntoView {
    let lang = current_lang();
    let count = article.page_count();
    let catalog = expect_context::<CatalogState>().0;
    let section = {
        let id = article.section.clone();
        move || {
            catalog
                .get()
                .and_then(Result::ok)
                .and_then(|c| c.section(&id).map(|s| s.label.str(lang).to_owned()))
                .unwrap_or_else(|| id.clone())
        }
    };
    let slug = article.slug.clone();
    let prev = {
        let slug = slug.clone();
        Signal::derive(move || page.get().prev().map(|n| article_href(&slug, PageSel::Page(n))))
    };
    let next = {
        let slug = slug.clone();
        Signal::derive(move || page.get().next(count).map(|n| article_href(&slug, PageSel::Page(n))))
    };
    let navigate = use_navigate();
    let go = Callback::new(move |href: String| {
        navigate(&href, leptos_router::NavigateOptions { scroll: false, ..Default::default() })
    });

    let title = {
        let headline = article.headline.str(lang).to_owned();
        move || match page.get() {
            PageSel::Page(1) => format!("{headline} · Folio"),
            PageSel::Page(n) => format!("{headline} ({}) · Folio", (ui().page_n)(n)),
            PageSel::All => format!("{headline} ({}) · Folio", ui().all_pages),
        }
    };

    // After a page turn, move focus and scroll to the top of the new text,
    // so keyboard and screen-reader users continue where reading continues.
    // Not on first render: a reader arriving from a link starts at the top.
    let text_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |prev: Option<PageSel>| {
        let now = page.get();
        if prev.is_some_and(|p| p != now) {
            if let Some(el) = text_ref.get_untracked() {
                let _ = el.focus();
                el.scroll_into_view();
            }
        }
        now
    });

    let blocks = {
        let a = article.clone();
        move || {
            a.blocks(page.get())
                .into_iter()
                .map(|b| view! { <BlockView block=b.clone() lang/> })
                .collect_view()
        }
    };
    let column = article.column.str(lang).to_owned();
    let related_slug = article.slug.clone();
    view! {
        <Title text=title/>
        <div class="article-layout">
            <ReaderKeys prev next go>
                <article class="article" lang=lang.tag()>
                    <Crumb section=Signal::derive(section) column/>
                    <ArticleHeader article=article.clone() page=Signal::from(page)/>
                    {article.figure.clone().map(|figure| view! { <Figure figure/> })}
                    <div class="page-text" id="page-text" tabindex="-1" node_ref=text_ref>
                        {blocks}
                    </div>
                    <Pager slug=slug page=Signal::from(page) count/>
                </article>
            </ReaderKeys>
            <RelatedList slug=related_slug/>
        </div>
    }
}

fn no_page(a: &Article, requested: &str, count: usize, nearest: usize) -> impl IntoView {
    let t = ui();
    view! {
        <Title text=format!("{} · Folio", t.no_page_title)/>
        <ErrorPanel
            title=t.no_page_title
            body=(t.no_page_body)(requested, count)
            back=(article_href(&a.slug, PageSel::Page(nearest)), (t.go_to_page)(nearest))
        />
    }
}
