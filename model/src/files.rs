//! The layout of a bundle's `content/` folder: every path Folio reads or
//! writes there is built here, and nowhere else.
//!
//! The publisher's files (`catalog.json`, `articles/{slug}.json`,
//! `timelines/{id}.json`) and the files `dist` derives from them, under
//! [`DERIVED`]. The app fetches them, `dist` writes them, the validator
//! reads them and the offline worker keeps them, each through these
//! functions, so the layout can change in one place. Paths are relative to
//! `content/` and always use `/`.

/// The bundle's folder of content, which every other path here is inside.
pub const FOLDER: &str = "content";

/// A path inside [`FOLDER`], as a path from the bundle root.
pub fn in_bundle(rel: &str) -> String {
    format!("{FOLDER}/{rel}")
}

/// The catalog: the site's name, sections, editions and timelines.
pub const CATALOG: &str = "catalog.json";

/// The folder of the publisher's articles: one file each, no list.
pub const ARTICLES: &str = "articles";

/// The folder of the timelines the catalog names.
pub const TIMELINES: &str = "timelines";

/// Where derived files live. A publisher's own files never go here:
/// `dist` writes it whole.
pub const DERIVED: &str = "derived";

/// The search index's folder, and the file that says how it is laid out (`search::index::Layout`).
pub const SEARCH: &str = "derived/search";
pub const SEARCH_INDEX: &str = "derived/search/index.json";

/// An article's file.
pub fn article(slug: &str) -> String {
    format!("{ARTICLES}/{slug}.json")
}

/// A timeline's file (of a split timeline, its index).
pub fn timeline(id: &str) -> String {
    format!("{TIMELINES}/{id}.json")
}

/// One event's file of a timeline with its details apart (split).
pub fn event(timeline: &str, event: &str) -> String {
    format!("{TIMELINES}/{timeline}/{event}.json")
}

/// A resized copy of the raster figure whose path without its extension
/// is `stem` (`article::resized`), `width` pixels wide, as `ext`.
pub fn resized(stem: &str, width: u32, ext: &str) -> String {
    format!("{DERIVED}/resized/{stem}-{width}.{ext}")
}

/// A page of a listing: `kind` is `latest`, `edition` or `section`, with
/// the edition's or section's id (`Listing::file`).
pub fn listing(kind: &str, id: Option<&str>, page: usize) -> String {
    match id {
        None => format!("{DERIVED}/listing/{kind}/{page}.json"),
        Some(id) => format!("{DERIVED}/listing/{kind}/{id}/{page}.json"),
    }
}

/// A section's short lists (latest, most viewed, top news).
pub fn lists(section: &str) -> String {
    format!("{DERIVED}/lists/{section}.json")
}

/// The events an article cites.
pub fn cites(slug: &str) -> String {
    format!("{DERIVED}/cites/{slug}.json")
}

/// The paragraphs that cite one event.
pub fn mentions(timeline: &str, event: &str) -> String {
    format!("{DERIVED}/mentions/{timeline}/{event}.json")
}

/// What a page of the article or timeline `id` (`kind` is `article` or
/// `timeline`) needs offline beyond itself, which the offline worker saves
/// with it: the files its other addresses read but the page carried.
pub fn offline(kind: &str, id: &str) -> String {
    format!("{OFFLINE}/{kind}/{id}.json")
}

/// The folder of those lists ([`offline`]); the worker is told it.
pub const OFFLINE: &str = "derived/offline";

/// The share cards' folder.
pub const CARDS: &str = "derived/cards";

/// The share card of an article or timeline (`kind`) in a language.
pub fn card(kind: &str, id: &str, lang: &str) -> String {
    format!("{CARDS}/{kind}/{id}.{lang}.png")
}

/// A shard of the search index's terms, at `bits` bits of hash.
pub fn search_shard(bits: u32, shard: u32) -> String {
    format!("{SEARCH}/t{bits}/{shard:04x}.bin")
}

/// A chunk of the search index's documents.
pub fn search_docs(chunk: u32) -> String {
    format!("{SEARCH}/d/{chunk}.json")
}

/// Whether `path` is in `folder` (at any depth).
pub fn under(path: &str, folder: &str) -> bool {
    path.strip_prefix(folder).is_some_and(|rest| rest.starts_with('/'))
}

/// What kind of publisher's file a path in `content/` is, by its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Catalog,
    Article,
    /// An article's Markdown file, English (`articles/{slug}.md`) or
    /// Chinese (`articles/{slug}.zh.md`), which `dist` turns into JSON.
    Markdown,
    Timeline,
    Derived,
    /// Anything else: a figure, a font, a file the validator only lists.
    Asset,
}

/// The kind of the file at `path`. An article or a timeline is a `.json`
/// directly in its folder; a split timeline's event files are assets
/// to the validator (it reads the whole timeline, not its parts).
pub fn kind(path: &str) -> Kind {
    let json_in = |dir: &str| {
        path.strip_prefix(dir)
            .and_then(|p| p.strip_prefix('/'))
            .is_some_and(|name| name.ends_with(".json") && !name.contains('/'))
    };
    if path == CATALOG {
        Kind::Catalog
    } else if json_in(ARTICLES) {
        Kind::Article
    } else if path
        .strip_prefix(ARTICLES)
        .and_then(|p| p.strip_prefix('/'))
        .is_some_and(|n| n.ends_with(".md") && !n.contains('/'))
    {
        Kind::Markdown
    } else if json_in(TIMELINES) {
        Kind::Timeline
    } else if under(path, DERIVED) && path.ends_with(".json") {
        Kind::Derived
    } else {
        Kind::Asset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_has_its_place_and_reads_back_as_its_kind() {
        assert_eq!(article("a-b"), "articles/a-b.json");
        assert_eq!(timeline("t"), "timelines/t.json");
        assert_eq!(event("t", "e"), "timelines/t/e.json");
        assert_eq!(listing("edition", Some("asia"), 2), "derived/listing/edition/asia/2.json");
        assert_eq!(search_shard(4, 10), "derived/search/t4/000a.bin");
        assert!(SEARCH_INDEX.starts_with(SEARCH) && SEARCH.starts_with(DERIVED));
        assert_eq!(kind(CATALOG), Kind::Catalog);
        assert_eq!(kind(&article("x")), Kind::Article);
        assert_eq!(kind(&timeline("x")), Kind::Timeline);
        assert_eq!(offline("article", "x"), "derived/offline/article/x.json");
        assert_eq!(in_bundle(&card("timeline", "t", "zh")), "content/derived/cards/timeline/t.zh.png");
        for derived in
            [lists("s"), cites("x"), mentions("t", "e"), listing("latest", None, 1), offline("timeline", "t")]
        {
            assert_eq!(kind(&derived), Kind::Derived, "{derived}");
        }
        for asset in [event("t", "e"), "articles/photo.jpg".into(), "articles2/x.json".into(), "derivedx.json".into()] {
            assert_eq!(kind(&asset), Kind::Asset, "{asset}");
        }
    }

    #[test]
    fn a_folder_holds_its_files_at_any_depth_and_not_its_namesakes() {
        assert!(under(SEARCH_INDEX, SEARCH));
        assert!(under(&search_shard(4, 1), SEARCH));
        assert!(!under("derived/searchx/index.json", SEARCH));
        assert!(!under(SEARCH, SEARCH));
        assert!(!under(&lists("s"), SEARCH));
    }
}
