use crate::components::{current_lang, ui};
use folio_model::{Article, PageSel};
use leptos::prelude::*;
use std::sync::Arc;

/// Headline, byline, dateline and reading time.
#[component]
pub fn ArticleHeader(article: Arc<Article>, page: Signal<PageSel>) -> impl IntoView {
    let lang = current_lang();
    let t = ui();
    let byline = match &article.byline.source {
        Some(src) => format!("{} ({})", (t.by)(article.byline.author.str(lang)), src.str(lang)),
        None => (t.by)(article.byline.author.str(lang)),
    };
    let updated = article.updated_or_published();
    let total = article.reading_minutes(PageSel::All, lang);
    let a = article.clone();
    let reading = move || match page.get() {
        PageSel::Page(n) if a.page_count() > 1 => {
            format!("{} · {}", (t.reading_time)(total), (t.page_reading)(n, a.reading_minutes(PageSel::Page(n), lang)))
        }
        _ => (t.reading_time)(total),
    };
    view! {
        <header class="article-header">
            <h1 class="headline">{article.headline.str(lang).to_owned()}</h1>
            <p class="byline">{byline}</p>
            <p class="dateline">
                <time datetime=updated.to_string()>{(t.updated)(&updated.dateline())}</time>
                <span class="reading-time">{reading}</span>
            </p>
        </header>
    }
}
