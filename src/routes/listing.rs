//! `/`, `/edition/{id}/`, `/section/{id}/` and their pages.
//!
//! Loading (the catalog, the page's file, the code) is here, in the main
//! module; drawing the stories is the `listing` chunk's (`src/chunk.rs`),
//! which a listing's page preloads. An article, the view readers open
//! most, then carries none of a listing's code (7 KB of brotli).

use crate::api::{self, LoadError};
use crate::chunk::{build, use_code};
use crate::components::{
    bi_text::BiText,
    error_panel::{failure_panel, ErrorPanel, Loading},
    pager::ListingPager,
    ui,
};
use crate::content::{track, Content, Failure, What};
use crate::dom::document::title;
use crate::routes::not_found::NotFound;
use crate::state::{titled, use_catalog, use_reading};
use folio_model::head::{listing_heading, listing_title};
use folio_model::listing::{Listing, ListingPage};
use folio_model::route::{article_href, relative};
use folio_model::{Catalog, Mode, PageSel, Route};
use leptos::prelude::*;
use std::sync::Arc;

/// A page of stories, newest first: the home page ("Latest"), an
/// edition's or a section's. Loads only the page shown
/// (`content/derived/listing/…`), never the archive.
#[component]
pub fn ListingView(listing: Listing, page: usize) -> impl IntoView {
    let catalog = use_catalog();
    let mode = use_reading().mode;
    // A page past the last is an answer, not a failure: `None`.
    let (store, file) = (api::store(), api::listing(&listing, page));
    let shard = Content::new(What::Listing, store.cached(&file).map(Some), move || {
        let load = store.load(file.clone());
        async move {
            match load.await {
                Err(LoadError::NotFound { .. }) if page > 1 => Ok(None),
                other => other.map(Some),
            }
        }
    });
    // Fetched beside the page's file, not after it (and preloaded by a
    // listing's page).
    let code = use_code(LISTING, load_listing);
    // The view needs both the catalog (its sections' names) and the page.
    track(Memo::new(move |_| catalog.status().and(shard.status())));
    move || {
        let mode = mode.get();
        let failure = |failure| failure_panel(failure, mode).into_any();
        let (Some(c), Some(shard), Some(code)) = (catalog.get(), shard.get(), code.get()) else {
            return view! { <Loading/> }.into_any();
        };
        match (c, code) {
            (Err(f), _) | (_, Err(f)) => failure(f),
            (Ok(c), Ok(())) => build(listing_view(c, listing.clone(), page, shard, mode))
                .unwrap_or_else(|| view! { <Loading/> }.into_any()),
        }
    }
}

crate::split_point! {
    /// A listing's stories, once its files are here: "not found" for a
    /// section or edition the catalog does not have (whose file is
    /// missing too), "no such page" past the last, or the page's failure.
    listing as LISTING, load_listing,
    fn listing_view(c: Catalog, listing: Listing, page: usize, shard: Result<Option<Arc<ListingPage>>, Failure>, mode: Mode) -> AnyView {
        match (listing_heading(&c, &listing, mode), shard) {
            (None, _) => view! { <NotFound/> }.into_any(),
            (Some(heading), Ok(Some(shard))) => stories(&c, shard, heading, mode).into_any(),
            (Some(_), Ok(None)) => no_page(&listing, page, mode).into_any(),
            (Some(_), Err(f)) => failure_panel(f, mode).into_any(),
        }
    }
}

/// A listing page past the last: say so, and offer the first page (the
/// listing shrank, or the address was typed).
fn no_page(listing: &Listing, page: usize, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    // How many pages there are is unknown here (this page's file is not
    // there), so the panel leads to the first.
    title(move || titled(t.no_page_title, mode));
    view! {
        <ErrorPanel title=t.no_page_title body=(t.no_listing_page)(page) back=(mode.localize(&listing.href(1)), (t.go_to_page)(1)) mode/>
    }
}

fn stories(c: &Catalog, shard: Arc<ListingPage>, heading: String, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let ListingPage { listing, page, pages, entries, .. } = shard.as_ref().clone();
    let items = if entries.is_empty() {
        view! { <p>{t.no_articles}</p> }.into_any()
    } else {
        entries
            .into_iter()
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
    let home = listing == Listing::Latest && page == 1;
    let timelines = (home && !c.timelines.is_empty()).then(|| {
        let items = c
            .timelines
            .iter()
            .map(|tl| {
                let href = relative(&mode.localize(&Route::Timeline { id: tl.id.clone(), event: None }.href()));
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
    let page_title = listing_title(&heading, &listing, page, &site, t);
    title(move || page_title.clone());
    let count = (pages > 1).then(|| view! { <p class="listing-count">{(t.listing_page)(page, pages)}</p> });
    let pager = (pages > 1).then(|| view! { <ListingPager listing=listing.clone() page pages mode/> });
    view! {
        <section class="home">
            <h1 class="home-heading">{heading}</h1>
            {count}
            <ul class="story-list">{items}</ul>
            {pager}
        </section>
        {timelines}
    }
}
