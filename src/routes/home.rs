use crate::components::{
    bi_text::BiText,
    error_panel::{load_error_panel, Content, Loading},
    ui,
};
use crate::routes::not_found::NotFound;
use crate::state::{use_catalog, use_reading};
use folio_model::route::{article_href, relative};
use folio_model::PageSel;
use leptos::prelude::*;
use leptos_meta::Title;

/// The front page: the catalog's articles, newest first, optionally only
/// one edition's.
#[component]
pub fn HomePage(edition: Option<String>) -> impl IntoView {
    let catalog = use_catalog();
    let mode = use_reading().mode;
    move || {
        let mode = mode.get();
        let t = ui(mode);
        let Some(result) = catalog.get() else {
            return view! { <Loading/> }.into_any();
        };
        let c = match result {
            Ok(c) => c,
            Err(e) => {
                return load_error_panel(&e, Content::Catalog, mode, Callback::new(move |_| catalog.refetch()))
                    .into_any()
            }
        };
        let heading = match edition.as_deref() {
            None => t.home_heading.to_owned(),
            Some(id) => match c.edition(id) {
                Some(e) => (t.edition_heading)(e.label.str(mode.ui_lang())),
                None => return view! { <NotFound/> }.into_any(),
            },
        };
        let list = c.articles_newest_first(edition.as_deref());
        let items = if list.is_empty() {
            view! { <p>{t.no_articles}</p> }.into_any()
        } else {
            list.into_iter()
                .map(|a| {
                    let section = c.section(&a.section).map(|s| view! { <BiText text=s.label.clone() mode/> });
                    view! {
                        <li class="story">
                            <p class="story-section">{section}</p>
                            <h2 class="story-headline">
                                <a href=relative(&mode.localize(&article_href(&a.slug, PageSel::Page(1))))><BiText text=a.headline.clone() mode/></a>
                            </h2>
                            <p class="story-summary"><BiText text=a.summary.clone() mode/></p>
                            <p class="story-date"><time datetime=a.published.to_string()>{(t.date)(&a.published)}</time></p>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        };
        let timelines = (!c.timelines.is_empty() && edition.is_none()).then(|| {
            let items = c
                .timelines
                .iter()
                .map(|tl| {
                    let href = relative(
                        &mode.localize(&folio_model::Route::Timeline { id: tl.id.clone(), event: None }.href()),
                    );
                    view! { <li><a href=href><BiText text=tl.title.clone() mode/></a></li> }
                })
                .collect_view();
            view! {
                <section class="home-timelines" aria-labelledby="timelines-heading">
                    <h2 id="timelines-heading" class="home-heading">{t.timelines_heading}</h2>
                    <ul>{items}</ul>
                </section>
            }
        });
        let site = c.site.str(mode.ui_lang()).to_owned();
        let title = if edition.is_some() { format!("{heading} · {site}") } else { site };
        view! {
            <Title text=title/>
            <section class="home">
                <h1 class="home-heading">{heading}</h1>
                <ul class="story-list">{items}</ul>
            </section>
            {timelines}
        }
        .into_any()
    }
}
