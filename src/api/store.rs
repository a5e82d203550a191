//! The content a visit has loaded: one [`Store`] of parsed files, by path
//! in `content/` (`folio_model::files`), which the app's root creates over
//! what the page carried and gives to every view through context.
//!
//! A file is named with its parser as a [`File`]; a view asks the store
//! for it at once ([`Store::cached`], so that content the page carried
//! renders in the first pass) or fetches it ([`Store::load`]). One map of
//! type-erased values serves every kind of file, so the map's code is in
//! the wasm once, not once per kind.

use super::transport::{content_url, fetch_bytes, LoadError};
use folio_model::listing::{Listing, ListingPage, Lists};
use folio_model::page_data::PageData;
use folio_model::timeline::mentions::{Cites, EventMentions};
use folio_model::timeline::{self, Event, Timeline};
use folio_model::{files, parse, Article, Catalog, ContentError, Deferred};
use leptos::prelude::*;
use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;

/// A parsed file of any kind.
type Held = Arc<dyn Any + Send + Sync>;

/// A file of `content/`: its path, and how its bytes become a `T`.
pub struct File<T> {
    path: String,
    parse: fn(Vec<u8>) -> Result<T, ContentError>,
}

impl<T> Clone for File<T> {
    fn clone(&self) -> Self {
        File { path: self.path.clone(), parse: self.parse }
    }
}

impl<T: Send + Sync + 'static> File<T> {
    /// A binary file, or one whose text needs more than JSON parsing.
    pub fn new(path: String, parse: fn(Vec<u8>) -> Result<T, ContentError>) -> File<T> {
        File { path, parse }
    }
}

impl<T: serde::de::DeserializeOwned + Send + Sync + 'static> File<T> {
    /// A JSON file, parsed as `T` (`folio_model::parse`, which names line
    /// and column).
    pub fn json(path: String) -> File<T> {
        File { path, parse: |bytes| parse::utf8(&bytes).and_then(parse::from_json) }
    }
}

/// `content/catalog.json`.
pub fn catalog() -> File<Catalog> {
    File::json(files::CATALOG.to_owned())
}

/// `content/articles/{slug}.json`. The slug has already passed
/// `Route::parse`, so it cannot climb out of the folder.
pub fn article(slug: &str) -> File<Article> {
    File::json(files::article(slug))
}

/// `content/timelines/{id}.json`, as JSON its view parses (its code is a
/// chunk of its own: see `Deferred`; [`Store::timeline_error`] words what
/// it finds wrong).
pub fn timeline(id: &str) -> File<Deferred<Timeline>> {
    File::new(files::timeline(id), |bytes| parse::utf8(&bytes).map(Deferred::from_text))
}

/// One event in full, from a timeline that holds its details apart
/// (`Timeline::details_apart`). Both ids come from the timeline's index: an
/// id that names no file fetches nothing, and the card says so.
pub fn event(timeline: &str, event: &str) -> File<Event> {
    File::json(timeline::event_path(timeline, event))
}

/// One page of a listing (`content/derived/listing/…`).
pub fn listing(listing: &Listing, page: usize) -> File<ListingPage> {
    File::json(listing.file(page))
}

/// A section's short lists, beside its articles.
pub fn lists(section: &str) -> File<Lists> {
    File::json(Lists::file(section))
}

/// The events an article cites, for its event links.
pub fn cites(slug: &str) -> File<Cites> {
    File::json(Cites::file(slug))
}

/// The paragraphs that cite one event. Both ids come from the timeline.
pub fn mentions(timeline: &str, event: &str) -> File<EventMentions> {
    File::json(EventMentions::file(timeline, event))
}

/// What this visit has loaded. `Copy`: a view takes it from context when
/// it is created ([`store`]) and moves it into its fetches.
#[derive(Clone, Copy)]
pub struct Store(StoredValue<Files>);

#[derive(Default)]
struct Files {
    // Each file is fetched and parsed once per visit: going back to a
    // listing page or an article costs no request. Only successes are
    // kept: a retry after an error fetches again. Every file is bounded
    // by what one view shows, so the store grows with what the reader
    // opened, never with the archive.
    parsed: HashMap<String, Held>,
    // The citations an event's page carried, parsed by the card that
    // shows them (in the timeline's chunk) and then filed as the others.
    carried_mentions: Option<Deferred<EventMentions>>,
}

impl Store {
    /// A store holding what a prerendered page carried, if anything, and
    /// given to every view below the current owner.
    pub fn provide(data: Option<PageData>) -> Store {
        let mut files = Files::default();
        if let Some(data) = data {
            let mut hold = |path: String, value: Held| files.parsed.insert(path, value);
            if let Some(c) = data.catalog {
                hold(files::CATALOG.to_owned(), Arc::new(c));
            }
            for a in data.articles {
                hold(files::article(&a.slug), Arc::new(a));
            }
            for (id, t) in data.timelines {
                hold(files::timeline(&id), Arc::new(t));
            }
            if let Some(l) = data.listing {
                hold(l.listing.file(l.page), Arc::new(l));
            }
            if let Some(c) = data.cites {
                hold(Cites::file(&c.slug), Arc::new(c));
            }
            files.carried_mentions = data.mentions;
        }
        let store = Store(StoredValue::new(files));
        provide_context(store);
        store
    }

    /// The file, if this visit has it already.
    pub fn cached<T: Send + Sync + 'static>(self, file: &File<T>) -> Option<Arc<T>> {
        let held = self.0.try_with_value(|f| f.parsed.get(&file.path).cloned())??;
        held.downcast().ok()
    }

    /// Whether the file is here (of whatever kind).
    pub fn holds(self, path: &str) -> bool {
        self.0.try_with_value(|f| f.parsed.contains_key(path)).unwrap_or(false)
    }

    /// The file, from this visit's store or else fetched, parsed and kept.
    pub async fn load<T: Send + Sync + 'static>(self, file: File<T>) -> Result<Arc<T>, LoadError> {
        if let Some(hit) = self.cached(&file) {
            return Ok(hit);
        }
        let url = content_url(&file.path);
        let bytes = fetch_bytes(&url).await?;
        let value = Arc::new((file.parse)(bytes).map_err(|e| invalid(e.in_file(url)))?);
        // A store whose app is gone (a prerender done) keeps nothing.
        self.0.try_update_value(|f| f.parsed.insert(file.path, value.clone()));
        Ok(value)
    }

    /// Drops a file, so that the next `load` fetches it again.
    pub fn forget(self, path: &str) {
        self.0.try_update_value(|f| f.parsed.remove(path));
    }

    /// Drops every file under a folder of `content/`.
    pub fn forget_under(self, folder: &str) {
        self.0.try_update_value(|f| f.parsed.retain(|path, _| !files::under(path, folder)));
    }

    /// An event's citing paragraphs if this visit has them: fetched, or
    /// carried by its page (and valid: else the card fetches the file, and
    /// says what is wrong with it).
    pub fn cached_mentions(self, timeline: &str, event: &str) -> Option<Arc<EventMentions>> {
        let file = mentions(timeline, event);
        if let Some(m) = self.cached(&file) {
            return Some(m);
        }
        let carried = self.0.try_with_value(|f| f.carried_mentions.as_ref().and_then(|m| m.get().ok()))??;
        let m = Some(carried).filter(|m| m.timeline == timeline && m.event == event)?;
        let held: Held = m.clone();
        self.0.try_update_value(|f| f.parsed.insert(file.path, held));
        Some(m)
    }

    /// A timeline's JSON that did not parse, as its view's failure: it names
    /// the file, as a fetch's failure does. The file is forgotten, so that a
    /// retry fetches it again.
    pub fn timeline_error(self, id: &str, error: ContentError) -> LoadError {
        let file = files::timeline(id);
        self.forget(&file);
        invalid(error.in_file(content_url(&file)))
    }
}

/// The app's store (see [`Store::provide`]).
pub fn store() -> Store {
    expect_context()
}

pub(super) fn invalid(error: ContentError) -> LoadError {
    LoadError::Invalid { error: Arc::new(error) }
}
