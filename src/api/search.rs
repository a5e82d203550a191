//! The search index's files (`folio_model::search::index`): its layout,
//! the shards of the terms searched and the chunks of the documents shown.
//! Kept in the visit's [`Store`] like any file, so they grow with what the
//! reader searched, never with the archive.

use super::store::{invalid, File, Store};
use super::transport::{content_url, LoadError};
use folio_model::search::index::{Doc, Layout, Shard, MAX_BITS, VERSION};
use folio_model::{files, parse, ContentError, ErrorKind};

/// The index's layout: it says how the shards are laid out, and one of
/// another build would look for them under names this one does not write.
pub fn search_layout() -> File<Layout> {
    File::new(files::SEARCH_INDEX.to_owned(), |bytes| {
        let layout: Layout = parse::utf8(&bytes).and_then(parse::from_json)?;
        if layout.version != VERSION || layout.bits > MAX_BITS {
            let message = format!("the search index is of another version ({}); rebuild the bundle", layout.version);
            return Err(damaged(message));
        }
        Ok(layout)
    })
}

/// A shard of the search index, binary (`Shard::parse`).
pub fn search_shard(path: String) -> File<Shard> {
    File::new(path, |bytes| Shard::parse(bytes).map_err(|e| damaged(format!("the search index is damaged: {}", e.0))))
}

/// The chunk naming documents `CHUNK * n ..`.
pub fn search_docs(path: String) -> File<Vec<Doc>> {
    File::json(path)
}

impl Store {
    /// Forgets the index, for a retry after a failure: a deploy may have
    /// replaced it since its layout was read.
    pub fn forget_search(self) {
        self.forget_under(files::SEARCH);
    }

    /// A shard that parsed but whose postings do not: damaged too. Dropped,
    /// so that a retry fetches it again.
    pub fn damaged_search_file(self, file: &str, why: &str) -> LoadError {
        self.forget(file);
        invalid(damaged(format!("the search index is damaged: {why}")).in_file(content_url(file)))
    }
}

fn damaged(message: String) -> ContentError {
    ContentError { kind: ErrorKind::Invalid, file: None, path: String::new(), line: 0, column: 0, message }
}
