//! The data a prerendered page carries for its first render
//! (`docs/design.md`, "What a page carries").
//!
//! `cargo xtask dist` serialises one [`PageData`] into each page's
//! `<script type="application/json" id="folio-data">`; the client reads it
//! before it renders, so its first render matches the page without a fetch.
//! One type on both sides, so they cannot disagree.

use crate::listing::ListingPage;
use crate::timeline::mentions::{Cites, EventMentions};
use crate::timeline::Timeline;
use crate::{Article, Catalog, ContentError, Deferred};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The id of the `<script>` element that holds the payload.
pub const SCRIPT_ID: &str = "folio-data";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
///
/// Everything here is bounded by what the view shows, never by the size of
/// the archive: the catalog is the site's chrome (it lists no articles), a
/// listing page is one page, an article brings the titles of the events
/// it cites rather than their timelines, and an event's page the
/// paragraphs that cite it rather than the articles.
///
/// Nothing here depends on articles other than the view's own, except a
/// listing page and an event's citations: so publishing an article
/// leaves every other article's page as it was, byte for byte, and a
/// rebuild does not rewrite them. That is why the short lists beside an
/// article ("Today's Top News" changes with every story published) are
/// not carried: the app fetches them.
pub struct PageData {
    /// The site's chrome. Every page carries it but an embed's: an article
    /// has twelve of those (each page, "view all", in three modes), for a
    /// frame that shows no masthead and asks for `catalog.json` at once
    /// instead (its page preloads it; embeds never go through the offline
    /// worker, which could lack it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<Catalog>,
    /// The article being read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    /// The timeline shown, by id. Parsed by the timeline's view, whose
    /// code is a chunk of its own, not before the first render: see
    /// [`Deferred`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub timelines: BTreeMap<String, Deferred<Timeline>>,
    /// The listing page shown (home, an edition, a section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listing: Option<ListingPage>,
    /// The events the article cites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cites: Option<Cites>,
    /// The paragraphs that cite the event shown (parsed by the event's
    /// card, in the timeline's chunk, as the timeline is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<Deferred<EventMentions>>,
}

impl PageData {
    /// Only the chrome: what the not-found page carries.
    pub fn chrome(catalog: Catalog) -> PageData {
        PageData {
            catalog: Some(catalog),
            articles: Vec::new(),
            timelines: BTreeMap::new(),
            listing: None,
            cites: None,
            mentions: None,
        }
    }
}

impl PageData {
    /// JSON that is safe inside a `<script>` element: every `<` is written
    /// as `\u003c`, so no content string (`</script>`, `<!--`) can end the
    /// element or change how the HTML parser reads it. JSON parsers read the
    /// escape back as `<`.
    pub fn to_script_json(&self) -> String {
        let json = serde_json::to_string(self).expect("content types always serialise");
        json.replace('<', "\\u003c")
    }
}

/// Parses the payload (with the JSON path of any error where the build has
/// `json-paths`).
pub fn parse(text: &str) -> Result<PageData, ContentError> {
    crate::parse::from_json(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Text;

    fn data(site: &str) -> PageData {
        let catalog =
            crate::parse::catalog(&format!(r#"{{"site": {{"en": {site:?}}}, "editions": [], "sections": []}}"#))
                .unwrap();
        PageData::chrome(catalog)
    }

    #[test]
    fn round_trips_through_the_script_form() {
        let d = data("Folio");
        assert_eq!(parse(&d.to_script_json()).unwrap(), d);
    }

    #[test]
    fn hostile_text_cannot_close_the_script_element() {
        let d = data("</script><script>alert(1)</script><!--");
        let json = d.to_script_json();
        assert!(!json.contains('<'), "{json}");
        assert_eq!(parse(&json).unwrap().catalog.unwrap().site, Text::en("</script><script>alert(1)</script><!--"));
    }

    #[test]
    #[cfg(feature = "json-paths")]
    fn a_broken_payload_is_an_error_with_its_path() {
        let e = parse(r#"{"catalog": {"site": 3}}"#).unwrap_err();
        assert!(e.to_string().contains("catalog.site"), "{e}");
    }
}
