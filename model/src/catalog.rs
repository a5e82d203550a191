//! The catalog: the site's chrome (name, editions, sections, timelines)
//! and the lists a publisher names. It holds no list of articles: that
//! would grow with the archive, and every page needs the catalog. The
//! listings are derived from the article files by `cargo xtask dist`
//! (see [`crate::listing`]).

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
    #[serde(default)]
    pub timelines: Vec<TimelineEntry>,
    /// The seed page's "Most Viewed": slugs the publisher names, at most
    /// [`crate::listing::NAMED_MAX`]. Empty: the latest of the reader's
    /// section stand in (Folio counts no views).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub most_viewed: Vec<String>,
    /// The seed page's "Today's Top News": named slugs, or else the latest
    /// stories of the whole site.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub top_news: Vec<String>,
    /// The list of articles catalogs held before each article's file
    /// carried its own listing entry. Read only so that the validator can
    /// say what to do with it, instead of "unknown field".
    #[serde(default, skip_serializing)]
    pub articles: Option<serde::de::IgnoredAny>,
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

/// What a listing needs of an article, without fetching it: derived from
/// the article's file ([`crate::Article::entry`]).
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
}
