//! The catalog: what the site holds, read once at start-up.

use crate::text::Text;
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};

/// `content/catalog.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub site: Text,
    /// Where the bundle is deployed (`https://news.example/folio/`). Only
    /// the build needs it: oEmbed files must hold absolute URLs. The app
    /// itself works out its address at run time.
    #[serde(default)]
    pub site_url: Option<String>,
    /// The edition bar, in display order (US, EUROPE, AFRICA, ASIA).
    pub editions: Vec<Edition>,
    /// Sections an article may belong to. An article naming any other
    /// section fails validation, so a typo cannot create an orphan section.
    pub sections: Vec<Section>,
    pub articles: Vec<ArticleEntry>,
    #[serde(default)]
    pub timelines: Vec<TimelineEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub label: Text,
}

/// What the home page and related lists need of an article, without
/// fetching it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleEntry {
    pub slug: String,
    pub headline: Text,
    pub section: String,
    pub published: Timestamp,
    pub summary: Text,
    /// Ids of the editions that carry the article.
    #[serde(default)]
    pub editions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    pub id: String,
    pub title: Text,
}

impl Catalog {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn edition(&self, id: &str) -> Option<&Edition> {
        self.editions.iter().find(|e| e.id == id)
    }

    /// Articles newest first, optionally only those of one edition.
    pub fn articles_newest_first(&self, edition: Option<&str>) -> Vec<&ArticleEntry> {
        let mut list: Vec<&ArticleEntry> =
            self.articles.iter().filter(|a| edition.is_none_or(|e| a.editions.iter().any(|x| x == e))).collect();
        list.sort_by_key(|a| std::cmp::Reverse(a.published.sort_key()));
        list
    }

    /// The related list shown beside an article: every other article, those
    /// of the same section first, then newest first. At most `limit`.
    pub fn related(&self, slug: &str, limit: usize) -> Vec<&ArticleEntry> {
        let section = self.articles.iter().find(|a| a.slug == slug).map(|a| a.section.as_str());
        let mut list: Vec<&ArticleEntry> = self.articles.iter().filter(|a| a.slug != slug).collect();
        list.sort_by_key(|a| (Some(a.section.as_str()) != section, std::cmp::Reverse(a.published.sort_key())));
        list.truncate(limit);
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        Catalog {
            site: Text::en("Folio"),
            site_url: None,
            editions: vec![],
            sections: vec![],
            articles: vec![
                entry("old-opinion", "opinion", "2015-01-01T00:00:00Z", &["asia"]),
                entry("new-world", "world", "2020-01-01T00:00:00Z", &["us", "asia"]),
                entry("me", "opinion", "2016-01-01T00:00:00Z", &[]),
                entry("new-opinion", "opinion", "2019-01-01T00:00:00Z", &["us"]),
            ],
            timelines: vec![],
        }
    }

    #[test]
    fn related_puts_same_section_first_then_newest_and_excludes_self() {
        let c = catalog();
        let slugs: Vec<_> = c.related("me", 10).iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(slugs, ["new-opinion", "old-opinion", "new-world"]);
        assert_eq!(c.related("me", 1).len(), 1);
    }

    #[test]
    fn edition_filter_and_order() {
        let c = catalog();
        let asia: Vec<_> = c.articles_newest_first(Some("asia")).iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(asia, ["new-world", "old-opinion"]);
        assert_eq!(c.articles_newest_first(None).len(), 4);
    }
}
