use crate::components::bi_text::BiText;
use crate::components::ui;
use folio_model::{Article, Lang, Mode, PageSel};
use leptos::prelude::*;
use std::sync::Arc;

/// Headline, byline, dateline and reading time, in the reading mode.
#[component]
pub fn ArticleHeader(article: Arc<Article>, page: Signal<PageSel>, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let byline = |lang: Lang| {
        let author = article.byline.author.str(lang);
        let lt = folio_model::ui::strings(lang);
        match &article.byline.source {
            Some(src) => (lt.by_source)(author, src.str(lang)),
            None => (lt.by)(author),
        }
    };
    let byline = match mode {
        Mode::En => view! { <span lang="en">{byline(Lang::En)}</span> }.into_any(),
        Mode::Zh => view! { <span lang="zh-Hans">{byline(Lang::Zh)}</span> }.into_any(),
        Mode::Both => view! {
            <span lang="en">{byline(Lang::En)}</span>
            <span class="bi-sep" aria-hidden="true">" · "</span>
            <span lang="zh-Hans">{byline(Lang::Zh)}</span>
        }
        .into_any(),
    };
    let updated = article.updated_or_published();
    // Reading time counts what the reader reads: in Both, both languages.
    let minutes = {
        let a = article.clone();
        move |sel: PageSel| match mode {
            Mode::En => a.reading_minutes(sel, Lang::En),
            Mode::Zh => a.reading_minutes(sel, Lang::Zh),
            Mode::Both => a.reading_minutes(sel, Lang::En) + a.reading_minutes(sel, Lang::Zh),
        }
    };
    let count = article.page_count();
    // The whole article's time is counted once: only the page's part
    // changes with a page turn.
    let whole = (t.reading_time)(minutes(PageSel::All));
    let reading = move || match page.get() {
        PageSel::Page(n) if count > 1 => format!("{whole} · {}", (t.page_reading)(n, minutes(PageSel::Page(n)))),
        _ => whole.clone(),
    };
    let headline = article.headline.clone();
    view! {
        <header class="article-header">
            <h1 class="headline"><BiText text=headline mode/></h1>
            <p class="byline">{byline}</p>
            <p class="dateline">
                <time datetime=updated.to_string()>{(t.updated)(&updated)}</time>
                <span class="reading-time">{reading}</span>
            </p>
        </header>
    }
}
