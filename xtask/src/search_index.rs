//! The search index, written into `content/derived/search/`.

use crate::output::Output;
use crate::parallel::{parallel, thousands};
use crate::site::Site;
use crate::Result;

/// The search index (`folio_model::search::index`) into
/// `content/derived/search/`: every file is written through `out`, so a
/// rebuild after one article changed rewrites only the shards of its
/// terms and its document chunk.
pub fn write_search_index(out: &Output, site: &Site) -> Result {
    use folio_model::search::{index, sources};
    let (sections, sources) = sources(&site.catalog, &site.articles, &site.timelines);
    // Each document's terms on every core; the merge is quick.
    let terms = crate::parallel::parallel_map(&sources, |s| Ok(index::terms_of(&s.fields)))?;
    let docs = sources.into_iter().zip(terms).map(|(s, t)| (s.doc, s.code, t)).collect();
    let index = index::build_from(sections, docs);
    let files = index.files();
    parallel(&files, "search files", |(rel, bytes)| out.write(&folio_model::files::in_bundle(rel), bytes))?;
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "xtask: search index: {} documents, {} shards, {} files, {:.1} MB",
        thousands(index.layout.docs as usize),
        index.shards.iter().flatten().count(),
        thousands(files.len()),
        bytes as f64 / 1e6
    );
    Ok(())
}
