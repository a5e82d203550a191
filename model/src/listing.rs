//! Listings derived from the archive: "Latest", each edition, each
//! section, paged; and the short lists beside an article.
//!
//! An archive holds thousands of articles and grows every day, so nothing
//! a view loads may hold all of them. `cargo xtask dist` reads every
//! article file once, builds an [`Archive`] of their listing entries and
//! writes each listing as pages of [`PAGE_SIZE`] ([`ListingPage`]); a view
//! fetches the one page it shows. The short lists an article shows
//! ([`Lists`]) are written once per section.

use crate::catalog::{ArticleEntry, Catalog};
use serde::{Deserialize, Serialize};

/// Stories on one listing page. Twenty headlines with summaries is a
/// screenful or two on a desk, and keeps a page's data near 10 KB.
pub const PAGE_SIZE: usize = 20;

/// Entries shown in each short list beside an article.
pub const LIST_LEN: usize = 5;

/// The most slugs a publisher may name in `most_viewed` or `top_news`.
pub const NAMED_MAX: usize = 10;

pub use crate::files::DERIVED;

/// Which stories a listing holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum Listing {
    /// Every article: the home page.
    Latest,
    /// The articles an edition carries (`/edition/asia/`).
    Edition(String),
    /// The articles of one section (`/section/opinion/`).
    Section(String),
}

impl Listing {
    /// The address of page `page` (1-based), unprefixed: page 1 has no
    /// number (`/`, `/edition/asia/`), later pages do (`/latest/2/`,
    /// `/edition/asia/2/`).
    pub fn href(&self, page: usize) -> String {
        let base = match self {
            Listing::Latest if page <= 1 => return "/".to_owned(),
            Listing::Latest => "/latest/".to_owned(),
            Listing::Edition(id) => format!("/edition/{id}/"),
            Listing::Section(id) => format!("/section/{id}/"),
        };
        if page <= 1 {
            base
        } else {
            format!("{base}{page}/")
        }
    }

    /// The page's file in a bundle's `content/` folder.
    pub fn file(&self, page: usize) -> String {
        match self {
            Listing::Latest => crate::files::listing("latest", None, page),
            Listing::Edition(id) => crate::files::listing("edition", Some(id), page),
            Listing::Section(id) => crate::files::listing("section", Some(id), page),
        }
    }

    /// Whether `entry` belongs in this listing.
    pub fn holds(&self, entry: &ArticleEntry) -> bool {
        match self {
            Listing::Latest => true,
            Listing::Edition(id) => entry.editions.iter().any(|e| e == id),
            Listing::Section(id) => &entry.section == id,
        }
    }

    /// Every listing the catalog defines: Latest, then its editions, then
    /// its sections.
    pub fn all(catalog: &Catalog) -> Vec<Listing> {
        std::iter::once(Listing::Latest)
            .chain(catalog.editions.iter().map(|e| Listing::Edition(e.id.clone())))
            .chain(catalog.sections.iter().map(|s| Listing::Section(s.id.clone())))
            .collect()
    }
}

/// One page of a listing, as written to its file and carried by its
/// prerendered page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListingPage {
    pub listing: Listing,
    /// 1-based.
    pub page: usize,
    /// How many pages the listing has (at least 1, even when empty).
    pub pages: usize,
    /// How many stories the whole listing holds.
    pub total: usize,
    /// Newest first.
    pub entries: Vec<ArticleEntry>,
}

/// The short lists beside an article of one section: the seed page's
/// "Most Viewed" and "Today's Top News".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lists {
    pub section: String,
    pub most_viewed: Vec<ArticleEntry>,
    pub top_news: Vec<ArticleEntry>,
}

impl Lists {
    /// The file of a section's lists in a bundle's `content/` folder.
    pub fn file(section: &str) -> String {
        crate::files::lists(section)
    }

    /// What a list shows beside the article `slug`: every entry but that
    /// article, at most [`LIST_LEN`]. (Each list holds one more than it
    /// shows, so leaving the reader's own article out still fills it.)
    pub fn shown<'a>(list: &'a [ArticleEntry], slug: &str) -> Vec<&'a ArticleEntry> {
        list.iter().filter(|e| e.slug != slug).take(LIST_LEN).collect()
    }
}

/// Every article's listing entry, newest first.
pub struct Archive {
    entries: Vec<ArticleEntry>,
}

impl Archive {
    /// Sorts newest first; articles published at the same instant go in
    /// slug order, so the listings are the same on every build.
    pub fn new(mut entries: Vec<ArticleEntry>) -> Archive {
        entries.sort_by(|a, b| b.published.sort_key().cmp(&a.published.sort_key()).then_with(|| a.slug.cmp(&b.slug)));
        Archive { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry, newest first.
    pub fn entries(&self) -> &[ArticleEntry] {
        &self.entries
    }

    /// The listing cut into pages of [`PAGE_SIZE`]. An empty listing is
    /// one empty page, so its address still answers ("no articles yet").
    pub fn pages(&self, listing: &Listing) -> Vec<ListingPage> {
        let held: Vec<&ArticleEntry> = self.entries.iter().filter(|e| listing.holds(e)).collect();
        let total = held.len();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        (1..=pages)
            .map(|page| ListingPage {
                listing: listing.clone(),
                page,
                pages,
                total,
                entries: held.iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).map(|e| (*e).clone()).collect(),
            })
            .collect()
    }

    /// A section's short lists. A list the publisher named is those
    /// articles, in the order given (slugs that name no article are left
    /// out; the validator reports them). Unnamed, "Most Viewed" falls back
    /// to the section's latest (Folio counts no views) and "Top News" to
    /// the site's latest.
    pub fn lists(&self, catalog: &Catalog, section: &str) -> Lists {
        let len = LIST_LEN + 1;
        let named = |slugs: &[String]| -> Vec<ArticleEntry> {
            slugs.iter().filter_map(|s| self.entries.iter().find(|e| &e.slug == s)).take(len).cloned().collect()
        };
        let latest = |f: &dyn Fn(&ArticleEntry) -> bool| -> Vec<ArticleEntry> {
            self.entries.iter().filter(|e| f(e)).take(len).cloned().collect()
        };
        let most_viewed = if catalog.most_viewed.is_empty() {
            latest(&|e| e.section == section)
        } else {
            named(&catalog.most_viewed)
        };
        let top_news = if catalog.top_news.is_empty() { latest(&|_| true) } else { named(&catalog.top_news) };
        Lists { section: section.to_owned(), most_viewed, top_news }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn entry(slug: &str, section: &str, published: &str, editions: &[&str]) -> ArticleEntry {
        ArticleEntry {
            slug: slug.into(),
            headline: Text::en(slug),
            section: section.into(),
            published: published.parse().unwrap(),
            summary: Text::en(""),
            editions: editions.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn catalog() -> Catalog {
        crate::parse::catalog(
            r#"{"site": {"en": "F"}, "editions": [{"id": "asia", "label": {"en": "ASIA"}}],
                "sections": [{"id": "opinion", "label": {"en": "Opinion"}}, {"id": "world", "label": {"en": "World"}}]}"#,
        )
        .unwrap()
    }

    fn archive(n: usize) -> Archive {
        Archive::new(
            (0..n)
                .map(|i| {
                    let section = if i % 3 == 0 { "world" } else { "opinion" };
                    let editions: &[&str] = if i % 2 == 0 { &["asia"] } else { &[] };
                    entry(
                        &format!("a{i:03}"),
                        section,
                        &format!("2020-01-01T00:{:02}:{:02}Z", i / 60, i % 60),
                        editions,
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn addresses_and_files_of_each_listing() {
        assert_eq!(Listing::Latest.href(1), "/");
        assert_eq!(Listing::Latest.href(3), "/latest/3/");
        assert_eq!(Listing::Edition("asia".into()).href(1), "/edition/asia/");
        assert_eq!(Listing::Section("opinion".into()).href(2), "/section/opinion/2/");
        assert_eq!(Listing::Edition("asia".into()).file(2), "derived/listing/edition/asia/2.json");
        assert_eq!(Listing::all(&catalog()).len(), 4);
    }

    #[test]
    fn pages_are_newest_first_full_and_cover_every_story_once() {
        let a = archive(45);
        let pages = a.pages(&Listing::Latest);
        assert_eq!(pages.iter().map(|p| p.entries.len()).collect::<Vec<_>>(), [20, 20, 5]);
        assert!(pages.iter().all(|p| p.pages == 3 && p.total == 45));
        let slugs: Vec<&str> = pages.iter().flat_map(|p| p.entries.iter().map(|e| e.slug.as_str())).collect();
        assert_eq!(slugs.first(), Some(&"a044"), "the newest first");
        assert_eq!(slugs.last(), Some(&"a000"));
        let mut unique = slugs.clone();
        unique.dedup();
        assert_eq!(unique.len(), 45);
        // An edition and a section hold only their own stories.
        let asia = a.pages(&Listing::Edition("asia".into()));
        assert_eq!(asia[0].total, 23);
        assert!(asia.iter().flat_map(|p| &p.entries).all(|e| e.editions == ["asia"]));
        let world = a.pages(&Listing::Section("world".into()));
        assert_eq!(world[0].total, 15);
    }

    #[test]
    fn an_empty_listing_is_one_empty_page() {
        let pages = archive(0).pages(&Listing::Section("world".into()));
        assert_eq!(pages.len(), 1);
        assert_eq!((pages[0].page, pages[0].pages, pages[0].total), (1, 1, 0));
    }

    #[test]
    fn same_instant_goes_in_slug_order() {
        let t = "2020-01-01T00:00:00Z";
        let a = Archive::new(vec![entry("b", "s", t, &[]), entry("a", "s", t, &[]), entry("c", "s", t, &[])]);
        assert_eq!(a.entries().iter().map(|e| e.slug.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn lists_fall_back_to_the_latest_and_leave_the_reader_out() {
        let a = archive(30);
        let c = catalog();
        let lists = a.lists(&c, "world");
        assert!(lists.most_viewed.iter().all(|e| e.section == "world"));
        assert_eq!(lists.most_viewed[0].slug, "a027");
        assert_eq!(lists.top_news[0].slug, "a029", "the site's latest");
        let shown = Lists::shown(&lists.most_viewed, "a027");
        assert_eq!(shown.len(), LIST_LEN);
        assert!(shown.iter().all(|e| e.slug != "a027"));
    }

    #[test]
    fn named_lists_keep_the_publishers_order_and_skip_unknown_slugs() {
        let a = archive(30);
        let mut c = catalog();
        c.most_viewed = vec!["a003".into(), "nope".into(), "a001".into()];
        let lists = a.lists(&c, "world");
        assert_eq!(lists.most_viewed.iter().map(|e| e.slug.as_str()).collect::<Vec<_>>(), ["a003", "a001"]);
        assert_eq!(lists.top_news[0].slug, "a029", "the other list still falls back");
    }
}
