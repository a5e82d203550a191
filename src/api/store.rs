//! The content a visit has loaded: each file fetched and parsed once, by
//! its path in `content/` (`folio_model::files`), and first of all what
//! the page carried (`seed`).

use super::transport::{content_url, fetch, LoadError};
use folio_model::listing::{Listing, ListingPage, Lists};
use folio_model::page_data::PageData;
use folio_model::timeline::mentions::{Cites, EventMentions};
use folio_model::timeline::{self, Event, Timeline};
use folio_model::{files, parse, Article, Catalog, ContentError, Deferred};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// `content/catalog.json`.
pub async fn catalog() -> Result<Catalog, LoadError> {
    fetch(files::CATALOG, parse::catalog).await
}

/// Fills the caches from the data a prerendered page carried, replacing
/// what they held (the prerenderer renders many pages in one process).
pub fn seed(data: PageData) {
    fn one<T>(cache: &'static Cache<T>, entry: Option<(String, T)>) {
        cache.set(entry.into_iter().map(|(k, v)| (k, Arc::new(v))).collect());
    }
    CATALOG.set(Some(data.catalog));
    ARTICLES.set(data.articles.into_iter().map(|a| (files::article(&a.slug), Arc::new(a))).collect());
    TIMELINES.set(data.timelines.into_iter().map(|(id, t)| (files::timeline(&id), Arc::new(t))).collect());
    one(&LISTINGS, data.listing.map(|l| (l.listing.file(l.page), l)));
    one(&CITES, data.cites.map(|c| (Cites::file(&c.slug), c)));
    // Parsed, and filed by its meeting, by the card that shows it.
    MENTIONS.set(HashMap::new());
    CARRIED_MENTIONS.set(data.mentions);
}

/// The catalog, if the page carried it.
pub fn cached_catalog() -> Option<Catalog> {
    CATALOG.with_borrow(Clone::clone)
}

pub(super) fn hit<T>(cache: &'static Cache<T>, rel: &str) -> Option<Arc<T>> {
    cache.with_borrow(|c| c.get(rel).cloned())
}

pub fn cached_article(slug: &str) -> Option<Arc<Article>> {
    hit(&ARTICLES, &files::article(slug))
}

/// A timeline, as the page carried it or the app fetched it: JSON that the
/// timeline's own code parses (`Deferred`), so its parsing is in that
/// chunk.
pub fn cached_timeline(id: &str) -> Option<Arc<Deferred<Timeline>>> {
    hit(&TIMELINES, &files::timeline(id))
}

pub fn cached_listing(listing: &Listing, page: usize) -> Option<Arc<ListingPage>> {
    hit(&LISTINGS, &listing.file(page))
}

pub fn cached_lists(section: &str) -> Option<Arc<Lists>> {
    hit(&LISTS, &Lists::file(section))
}

pub fn cached_cites(slug: &str) -> Option<Arc<Cites>> {
    hit(&CITES, &Cites::file(slug))
}

pub fn cached_mentions(timeline: &str, event: &str) -> Option<Arc<EventMentions>> {
    let file = EventMentions::file(timeline, event);
    if let Some(m) = hit(&MENTIONS, &file) {
        return Some(m);
    }
    // What the page carried, if it is this meeting's (and valid: else the
    // card fetches the file, and says what is wrong with it).
    let carried = CARRIED_MENTIONS.with_borrow(|m| m.as_ref().and_then(|m| m.get().ok()));
    let m = carried.filter(|m| m.timeline == timeline && m.event == event)?;
    MENTIONS.with_borrow_mut(|c| c.insert(file, m.clone()));
    Some(m)
}

/// Parsed files, by path in `content/`.
pub(super) type Cache<T> = std::thread::LocalKey<RefCell<HashMap<String, Arc<T>>>>;

thread_local! {
    static CATALOG: RefCell<Option<Catalog>> = const { RefCell::new(None) };
    // Each file is fetched and parsed once per visit: going back to a
    // listing page or an article costs no request. Only successes are
    // kept: a retry after an error fetches again. Every file is bounded
    // by what one view shows, so the caches grow with what the reader
    // opened, never with the archive.
    static ARTICLES: RefCell<HashMap<String, Arc<Article>>> = RefCell::new(HashMap::new());
    static TIMELINES: RefCell<HashMap<String, Arc<Deferred<Timeline>>>> = RefCell::new(HashMap::new());
    // The meetings of large timelines, fetched one by one (see
    // `Timeline::details_apart`).
    static EVENTS: RefCell<HashMap<String, Arc<Event>>> = RefCell::new(HashMap::new());
    // What `cargo xtask dist` derives from the archive (`content/derived/`).
    static LISTINGS: RefCell<HashMap<String, Arc<ListingPage>>> = RefCell::new(HashMap::new());
    static LISTS: RefCell<HashMap<String, Arc<Lists>>> = RefCell::new(HashMap::new());
    static CITES: RefCell<HashMap<String, Arc<Cites>>> = RefCell::new(HashMap::new());
    static MENTIONS: RefCell<HashMap<String, Arc<EventMentions>>> = RefCell::new(HashMap::new());
    // The citations a meeting's page carried, not parsed yet.
    static CARRIED_MENTIONS: RefCell<Option<Deferred<EventMentions>>> = const { RefCell::new(None) };
}

pub(super) async fn cached<T>(
    cache: &'static Cache<T>,
    rel: String,
    parse: fn(&str) -> Result<T, ContentError>,
) -> Result<Arc<T>, LoadError> {
    if let Some(hit) = cache.with_borrow(|c| c.get(&rel).cloned()) {
        return Ok(hit);
    }
    let value = Arc::new(fetch(&rel, parse).await?);
    cache.with_borrow_mut(|c| c.insert(rel, value.clone()));
    Ok(value)
}

/// `content/articles/{slug}.json`. The slug has already passed
/// `Route::parse`, so it cannot climb out of the folder.
pub async fn article(slug: &str) -> Result<Arc<Article>, LoadError> {
    cached(&ARTICLES, files::article(slug), parse::article).await
}

/// `content/timelines/{id}.json`, as JSON its view parses (see
/// [`cached_timeline`]; [`timeline_error`] words what it finds wrong).
pub async fn timeline(id: &str) -> Result<Arc<Deferred<Timeline>>, LoadError> {
    cached(&TIMELINES, files::timeline(id), |text| Ok(Deferred::from_text(text))).await
}

/// A timeline's JSON that did not parse, as its view's failure: it names
/// the file, as a fetch's failure does. The file is forgotten, so that a
/// retry fetches it again.
pub fn timeline_error(id: &str, error: ContentError) -> LoadError {
    let file = files::timeline(id);
    TIMELINES.with_borrow_mut(|c| c.remove(&file));
    LoadError::Invalid { error: Arc::new(error.in_file(content_url(&file))) }
}

/// One meeting in full, from a timeline that holds its details apart
/// (`Timeline::details_apart`). Both ids come from the timeline's index: an
/// id that names no file fetches nothing, and the card says so.
pub async fn event(timeline: &str, event: &str) -> Result<Arc<Event>, LoadError> {
    cached(&EVENTS, timeline::event_path(timeline, event), timeline::parse_event).await
}

/// The meeting, if it has been fetched before.
pub fn cached_event(timeline: &str, event: &str) -> Option<Arc<Event>> {
    hit(&EVENTS, &timeline::event_path(timeline, event))
}

/// One page of a listing (`content/derived/listing/…`).
pub async fn listing(listing: &Listing, page: usize) -> Result<Arc<ListingPage>, LoadError> {
    cached(&LISTINGS, listing.file(page), parse::from_json).await
}

/// A section's short lists, beside its articles.
pub async fn lists(section: &str) -> Result<Arc<Lists>, LoadError> {
    cached(&LISTS, Lists::file(section), parse::from_json).await
}

/// The meetings an article cites, for its event links.
pub async fn cites(slug: &str) -> Result<Arc<Cites>, LoadError> {
    cached(&CITES, Cites::file(slug), parse::from_json).await
}

/// The paragraphs that cite one meeting. Both ids come from the timeline.
pub async fn mentions(timeline: &str, event: &str) -> Result<Arc<EventMentions>, LoadError> {
    cached(&MENTIONS, EventMentions::file(timeline, event), parse::from_json).await
}
