//! Fetching content. The only module that talks to the network.
//!
//! Content is data: the app fetches `content/…` JSON at run time, so a
//! publisher adds an article by adding files. Parsing is delegated to
//! `folio_model::parse`; this module only adds the transport and turns every
//! failure into a [`LoadError`] a view can explain.

use folio_model::listing::{Listing, ListingPage, Lists};
use folio_model::page_data::PageData;
use folio_model::search::index::{Doc, Manifest, Shard, MANIFEST};
use folio_model::timeline::mentions::{Cites, EventMentions};
use folio_model::timeline::{self, Event, Timeline};
use folio_model::{parse, Article, Catalog, ContentError, Deferred, ErrorKind};
use gloo_net::http::Request;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// Why content could not be loaded. `Clone + Send + Sync` so it can live in
/// reactive state and be shown by any view; its parts are shared, so that
/// the clone every read of that state makes is cheap, in time and in code.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The server answered 404: the thing does not exist.
    NotFound { url: Arc<str> },
    /// The request failed, or the server answered with another error status.
    /// Worth retrying.
    Network { url: Arc<str>, detail: Arc<str> },
    /// The file arrived but is not valid content: a publisher's error.
    Invalid { error: Arc<ContentError> },
    /// The reader is offline and the file is not saved on the device.
    Offline { url: Arc<str> },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound { url } => write!(f, "{url}: not found (HTTP 404)"),
            LoadError::Network { url, detail } => write!(f, "{url}: {detail}"),
            LoadError::Invalid { error } => error.fmt(f),
            LoadError::Offline { url } => write!(f, "{url}: offline, and not saved on this device"),
        }
    }
}

impl std::error::Error for LoadError {}

/// The URL of a file in the bundle's `content/` folder.
///
/// A file in `content/` as an href for the DOM: relative to the page's
/// `<base href>`, the bundle root, wherever the bundle is served (see
/// `base.rs`), and the same when prerendered.
pub fn content_href(rel: &str) -> String {
    format!("content/{rel}")
}

/// The same file as an absolute URL, to fetch: an error message then
/// names the very file.
fn content_url(rel: &str) -> String {
    format!("{}{}", crate::base::site_url(), content_href(rel))
}

/// How long a request may wait for the server's answer to begin.
///
/// Without a limit, a request that hears nothing (a dead connection, a
/// stalled proxy, a phone between cells) leaves "Loading…" on screen for
/// good, with no retry to press. The limit is on the answer's start, not on
/// the download: a 16 MB timeline on a slow network may take longer than
/// this, and a transfer that is moving is left alone. Same-host static
/// files answer in well under a second; 15 s is a network that is gone.
const STALL_LIMIT_MS: i32 = 15_000;

/// Aborts a request whose answer has not begun within [`STALL_LIMIT_MS`].
/// Dropped when the answer begins, or with the request (a view that no
/// longer wants it): either way its timer goes, so it never calls a
/// listener that is gone.
struct StallLimit {
    window: web_sys::Window,
    timer: i32,
    _abort: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl StallLimit {
    fn start(controller: &web_sys::AbortController) -> Option<StallLimit> {
        use wasm_bindgen::JsCast;
        let window = web_sys::window()?;
        let c = controller.clone();
        let abort = wasm_bindgen::closure::Closure::once(move || c.abort());
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(abort.as_ref().unchecked_ref(), STALL_LIMIT_MS)
            .ok()?;
        Some(StallLimit { window, timer, _abort: abort })
    }
}

impl Drop for StallLimit {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.timer);
    }
}

/// The file's bytes: see [`parse::utf8`] for why not text.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let network = |detail: String| LoadError::Network { url: url.into(), detail: detail.into() };
    let controller = web_sys::AbortController::new().ok();
    let limit = controller.as_ref().and_then(StallLimit::start);
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let sent = Request::get(url).abort_signal(signal.as_ref()).send().await;
    drop(limit);
    let resp = sent.map_err(|e| {
        if !online() {
            LoadError::Offline { url: url.into() }
        } else if signal.is_some_and(|s| s.aborted()) {
            network(format!("no answer within {} s", STALL_LIMIT_MS / 1000))
        } else {
            network(e.to_string())
        }
    })?;
    match resp.status() {
        // No content file is HTML: this is a host's SPA fallback, its home
        // page standing in for a file it does not have.
        200..=299 if resp.headers().get("content-type").is_some_and(|t| t.contains("text/html")) => {
            Err(LoadError::NotFound { url: url.into() })
        }
        200..=299 => body_bytes(resp.into()).await.map_err(|e| network(js_message(&e))),
        404 => Err(LoadError::NotFound { url: url.into() }),
        // The offline worker's answer for a file it has not saved.
        503 if resp.headers().get("x-folio-offline").is_some() => Err(LoadError::Offline { url: url.into() }),
        s => Err(network(format!("HTTP {s} {}", resp.status_text()))),
    }
}

/// Whether the browser believes it has a network: a failed request while
/// it does not is "offline", not a server's fault.
pub fn online() -> bool {
    if cfg!(feature = "ssr") {
        return true;
    }
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The body as bytes. Not gloo's `binary()`: that zero-fills a buffer
/// before copying into it, a needless pass over every byte that cost about
/// 50 ms for a 16 MB timeline under the bench's 4× throttle.
async fn body_bytes(resp: web_sys::Response) -> Result<Vec<u8>, wasm_bindgen::JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(resp.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What a JS exception says: an `Error`'s message, a thrown string, or
/// failing those its debug form.
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.message()),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

async fn fetch<T>(rel: &str, parse: fn(&str) -> Result<T, ContentError>) -> Result<T, LoadError> {
    let url = content_url(rel);
    let bytes = fetch_bytes(&url).await?;
    parse::utf8(&bytes).and_then(parse).map_err(|e| LoadError::Invalid { error: Arc::new(e.in_file(url)) })
}

/// `content/catalog.json`.
pub async fn catalog() -> Result<Catalog, LoadError> {
    fetch("catalog.json", parse::catalog).await
}

/// Fills the caches from the data a prerendered page carried, replacing
/// what they held (the prerenderer renders many pages in one process).
pub fn seed(data: PageData) {
    fn one<T>(cache: &'static Cache<T>, entry: Option<(String, T)>) {
        cache.set(entry.into_iter().map(|(k, v)| (k, Arc::new(v))).collect());
    }
    CATALOG.set(Some(data.catalog));
    ARTICLES.set(data.articles.into_iter().map(|a| (article_file(&a.slug), Arc::new(a))).collect());
    TIMELINES.set(data.timelines.into_iter().map(|(id, t)| (timeline_file(&id), Arc::new(t))).collect());
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

fn article_file(slug: &str) -> String {
    format!("articles/{slug}.json")
}

fn timeline_file(id: &str) -> String {
    format!("timelines/{id}.json")
}

fn hit<T>(cache: &'static Cache<T>, rel: &str) -> Option<Arc<T>> {
    cache.with_borrow(|c| c.get(rel).cloned())
}

pub fn cached_article(slug: &str) -> Option<Arc<Article>> {
    hit(&ARTICLES, &article_file(slug))
}

/// A timeline, as the page carried it or the app fetched it: JSON that the
/// timeline's own code parses (`Deferred`), so its parsing is in that
/// chunk.
pub fn cached_timeline(id: &str) -> Option<Arc<Deferred<Timeline>>> {
    hit(&TIMELINES, &timeline_file(id))
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
type Cache<T> = std::thread::LocalKey<RefCell<HashMap<String, Arc<T>>>>;

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
    // The search index (`folio_model::search::index`): its manifest, the
    // shards of the terms searched and the chunks of the documents shown.
    // They grow with what the reader searched, never with the archive.
    static SEARCH: RefCell<Option<Arc<Manifest>>> = const { RefCell::new(None) };
    static SHARDS: RefCell<HashMap<String, Arc<Shard>>> = RefCell::new(HashMap::new());
    static DOCS: RefCell<HashMap<String, Arc<Vec<Doc>>>> = RefCell::new(HashMap::new());
}

async fn cached<T>(
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
    cached(&ARTICLES, article_file(slug), parse::article).await
}

/// `content/timelines/{id}.json`, as JSON its view parses (see
/// [`cached_timeline`]; [`timeline_error`] words what it finds wrong).
pub async fn timeline(id: &str) -> Result<Arc<Deferred<Timeline>>, LoadError> {
    cached(&TIMELINES, timeline_file(id), |text| Ok(Deferred::from_text(text))).await
}

/// A timeline's JSON that did not parse, as its view's failure: it names
/// the file, as a fetch's failure does. The file is forgotten, so that a
/// retry fetches it again.
pub fn timeline_error(id: &str, error: ContentError) -> LoadError {
    let file = timeline_file(id);
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

/// The search index's manifest, fetched once per visit (a retry after a
/// failure fetches it again, `forget_search`): it says how the shards are
/// laid out, and one older than the shards would look for them under
/// names a new build no longer writes.
pub async fn search_manifest() -> Result<Arc<Manifest>, LoadError> {
    if let Some(m) = cached_search_manifest() {
        return Ok(m);
    }
    let m: Manifest = fetch(MANIFEST, parse::from_json).await?;
    if m.version != folio_model::search::index::VERSION || m.bits > folio_model::search::index::MAX_BITS {
        let message = format!("the search index is of another version ({}); rebuild the bundle", m.version);
        return Err(damaged(content_url(MANIFEST), message));
    }
    let m = Arc::new(m);
    SEARCH.with_borrow_mut(|s| *s = Some(m.clone()));
    Ok(m)
}

/// The manifest, if this visit has fetched it.
pub fn cached_search_manifest() -> Option<Arc<Manifest>> {
    SEARCH.with_borrow(Clone::clone)
}

/// Forgets the index, for a retry after a failure: a deploy may have
/// replaced it since the manifest was read.
pub fn forget_search() {
    SEARCH.with_borrow_mut(|s| *s = None);
    SHARDS.with_borrow_mut(HashMap::clear);
    DOCS.with_borrow_mut(HashMap::clear);
}

/// A shard that parsed but whose postings do not: damaged too.
pub fn damaged_search_file(file: &str, why: &str) -> LoadError {
    // Dropped, so that a retry fetches it again.
    SHARDS.with_borrow_mut(|c| c.remove(file));
    damaged(content_url(file), format!("the search index is damaged: {why}"))
}

fn damaged(url: String, message: String) -> LoadError {
    let error =
        ContentError { kind: ErrorKind::Invalid, file: Some(url), path: String::new(), line: 0, column: 0, message };
    LoadError::Invalid { error: Arc::new(error) }
}

/// A shard of the search index, binary (`Shard::parse`).
pub async fn search_shard(file: String) -> Result<Arc<Shard>, LoadError> {
    if let Some(hit) = hit(&SHARDS, &file) {
        return Ok(hit);
    }
    let url = content_url(&file);
    let bytes = fetch_bytes(&url).await?;
    let shard = Shard::parse(bytes).map_err(|e| damaged(url, format!("the search index is damaged: {}", e.0)))?;
    let shard = Arc::new(shard);
    SHARDS.with_borrow_mut(|c| c.insert(file, shard.clone()));
    Ok(shard)
}

/// Whether a shard is here already: a query whose shards all are is
/// answered at once, without waiting for the reader to stop typing.
pub fn has_shard(file: &str) -> bool {
    SHARDS.with_borrow(|c| c.contains_key(file))
}

/// The chunk naming documents `CHUNK * n ..`.
pub async fn search_docs(file: String) -> Result<Arc<Vec<Doc>>, LoadError> {
    cached(&DOCS, file, parse::from_json).await
}

fn worker_url(what: &str) -> String {
    format!("{}{}{what}", crate::base::site_url(), folio_model::offline::API)
}

/// What the offline worker holds, by article and timeline. Only where it
/// controls the page (`dom::offline::use_offline_worker`).
pub async fn saved() -> Result<folio_model::offline::SavedList, LoadError> {
    let url = worker_url("saved");
    let bytes = fetch_bytes(&url).await?;
    parse::utf8(&bytes)
        .and_then(folio_model::offline::parse_saved)
        .map_err(|e| LoadError::Invalid { error: Arc::new(e.in_file(url)) })
}

/// Sends `body` to the worker's `what` and returns its answer's text.
async fn ask_worker(what: &str, body: String) -> Result<String, LoadError> {
    let url = worker_url(what);
    let network = |detail: String| LoadError::Network { url: url.as_str().into(), detail: detail.into() };
    let req = Request::post(&url)
        .header("content-type", "application/json")
        .body(body)
        .map_err(|e| network(e.to_string()))?;
    let resp = req.send().await.map_err(|e| network(e.to_string()))?;
    if !resp.ok() {
        return Err(network(format!("HTTP {} {}", resp.status(), resp.status_text())));
    }
    resp.text().await.map_err(|e| network(e.to_string()))
}

/// Asks the worker to save every file of `files` for `key`, and keep them.
pub async fn keep(key: &str, files: &[String]) -> Result<folio_model::offline::Kept, LoadError> {
    let text = ask_worker("keep", folio_model::offline::keep_request(key, files)).await?;
    folio_model::offline::parse_kept(&text)
        .map_err(|e| LoadError::Invalid { error: Arc::new(e.in_file(worker_url("keep"))) })
}

/// Asks the worker to drop what it holds for `key`.
pub async fn forget(key: &str) -> Result<(), LoadError> {
    ask_worker("forget", folio_model::offline::forget_request(key)).await.map(drop)
}
