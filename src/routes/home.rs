use crate::app::CatalogState;
use crate::components::{current_lang, error_panel::ErrorPanel, ui};
use crate::routes::article::load_error_panel;
use folio_model::{route::article_href, PageSel};
use leptos::prelude::*;
use leptos_meta::Title;

/// The front page: the catalog's articles, newest first, optionally only
/// one edition's.
#[component]
pub fn HomePage(edition: Option<String>) -> impl IntoView {
    let catalog = expect_context::<CatalogState>().0;
    let t = ui();
    let lang = current_lang();
    move || {
        let Some(result) = catalog.get() else {
            return view! { <p class="loading" aria-busy="true">{t.loading}</p> }.into_any();
        };
        let c = match result {
            Ok(c) => c,
            Err(e) => return load_error_panel(&e, "", Some(Callback::new(move |_| catalog.refetch()))).into_any(),
        };
        let heading = match edition.as_deref() {
            None => t.home_heading.to_owned(),
            Some(id) => match c.edition(id) {
                Some(e) => (t.edition_heading)(e.label.str(lang)),
                None => {
                    return view! {
                        <Title text=format!("{} · Folio", t.not_found_title)/>
                        <ErrorPanel title=t.not_found_title body=t.not_found_body back=("/".to_owned(), t.back_home.to_owned())/>
                    }
                    .into_any()
                }
            },
        };
        let list = c.articles_newest_first(edition.as_deref());
        let items = if list.is_empty() {
            view! { <p>{t.no_articles}</p> }.into_any()
        } else {
            list.into_iter()
                .map(|a| {
                    let section = c.section(&a.section).map(|s| s.label.str(lang).to_owned()).unwrap_or_default();
                    view! {
                        <li class="story">
                            <p class="story-section">{section}</p>
                            <h2 class="story-headline">
                                <a href=article_href(&a.slug, PageSel::Page(1))>{a.headline.str(lang).to_owned()}</a>
                            </h2>
                            <p class="story-summary">{a.summary.str(lang).to_owned()}</p>
                            <p class="story-date"><time datetime=a.published.to_string()>{a.published.date()}</time></p>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        };
        let title = if edition.is_some() { format!("{heading} · {}", c.site.str(lang)) } else { c.site.str(lang).to_owned() };
        view! {
            <Title text=title/>
            <section class="home">
                <h1 class="home-heading">{heading}</h1>
                <ul class="story-list">{items}</ul>
            </section>
        }
        .into_any()
    }
}
