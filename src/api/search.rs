//! The search index (`folio_model::search::index`): its manifest, the
//! shards of the terms searched and the chunks of the documents shown.
//! They grow with what the reader searched, never with the archive.

use super::store::{cached, hit};
use super::transport::{content_url, fetch, fetch_bytes, LoadError};
use folio_model::search::index::{Doc, Manifest, Shard, MANIFEST};
use folio_model::{parse, ContentError, ErrorKind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

thread_local! {
    static SEARCH: RefCell<Option<Arc<Manifest>>> = const { RefCell::new(None) };
    static SHARDS: RefCell<HashMap<String, Arc<Shard>>> = RefCell::new(HashMap::new());
    static DOCS: RefCell<HashMap<String, Arc<Vec<Doc>>>> = RefCell::new(HashMap::new());
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
