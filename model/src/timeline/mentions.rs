//! Cross-links between articles and events, derived from the `events` ids
//! paragraphs carry. Nothing is written twice: the event → article
//! direction is computed here.
//!
//! Neither direction may make a view load the archive. `cargo xtask dist`
//! writes both as files: per event, its [`EventMentions`] (its newest
//! citing paragraphs, at most [`MENTIONS_SHOWN`], and how many there are in
//! all), built for a whole timeline at once by [`MentionIndex`]; per
//! article, its [`Cites`] (the date and title of each event it names), so
//! an article never loads a whole timeline for its links, nor an event's
//! card the archive.

use crate::article::{Article, Block};
use crate::paging::PageSel;
use crate::text::Text;
use crate::timeline::Timeline;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The citing paragraphs an event card lists; the rest are counted.
pub const MENTIONS_SHOWN: usize = 8;

/// Where an article mentions an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    pub slug: String,
    pub headline: Text,
    /// 1-based page, and paragraph within that page.
    pub page: usize,
    pub paragraph: usize,
    /// The block's article-wide position (the reader's `data-block` id).
    pub block: usize,
}

/// Every mention of every event, keyed by event id, in article order.
pub fn mentions<'a>(articles: impl IntoIterator<Item = &'a Article>) -> BTreeMap<String, Vec<Mention>> {
    let mut out: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    for a in articles {
        let mut block = 0;
        for (p, page) in a.pages.iter().enumerate() {
            let mut paragraph = 0;
            for b in page {
                if let Block::Paragraph { events, .. } = b {
                    paragraph += 1;
                    for id in events {
                        let m = Mention {
                            slug: a.slug.clone(),
                            headline: a.headline.clone(),
                            page: p + 1,
                            paragraph,
                            block,
                        };
                        let list = out.entry(id.clone()).or_default();
                        // One entry per paragraph, even if it names the event twice.
                        if !list.iter().any(|x| x.slug == m.slug && x.block == m.block) {
                            list.push(m);
                        }
                    }
                }
                block += 1;
            }
        }
    }
    out
}

/// An event's citing paragraphs, as its card shows them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cited {
    /// Every citing paragraph in the archive.
    pub total: usize,
    /// The newest, at most [`MENTIONS_SHOWN`].
    pub shown: Vec<Mention>,
}

/// The articles that cite one timeline's events.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentionIndex {
    pub timeline: String,
    /// By event id; events no article cites are left out.
    pub events: BTreeMap<String, Cited>,
}

/// One event's citing paragraphs, as its card shows them: the file the
/// card fetches, and what an event's page carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventMentions {
    pub timeline: String,
    pub event: String,
    // Nested, not `#[serde(flatten)]`: flattening buffers every field
    // through serde's `Content` and costs the wasm kilobytes.
    pub cited: Cited,
}

impl EventMentions {
    /// The event's file in a bundle's `content/` folder. One per event,
    /// not one per timeline: a card needs its own event's, and an index
    /// of every event's grows with the timeline (83 KB for 36 events
    /// with a thousand articles; 10,000 events would make it megabytes).
    pub fn file(timeline: &str, event: &str) -> String {
        crate::files::mentions(timeline, event)
    }
}

impl MentionIndex {
    /// Every event's file, cited or not (a card tells "no article cites
    /// this" from a missing file).
    pub fn files<'a>(&'a self, timeline: &'a Timeline) -> impl Iterator<Item = EventMentions> + 'a {
        timeline.events.iter().map(move |e| EventMentions {
            timeline: self.timeline.clone(),
            event: e.id.clone(),
            cited: self.events.get(&e.id).cloned().unwrap_or_default(),
        })
    }

    /// One event's.
    pub fn event(&self, event: &str) -> EventMentions {
        EventMentions {
            timeline: self.timeline.clone(),
            event: event.to_owned(),
            cited: self.events.get(event).cloned().unwrap_or_default(),
        }
    }

    /// Builds the index of `timeline` from `articles`, given newest first:
    /// each event keeps its first [`MENTIONS_SHOWN`] paragraphs, so the
    /// newest, and counts the rest.
    pub fn build<'a>(timeline: &Timeline, articles: impl IntoIterator<Item = &'a Article>) -> MentionIndex {
        let ids: std::collections::HashSet<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        let mut events: BTreeMap<String, Cited> = BTreeMap::new();
        for a in articles {
            let mine = mentions(std::iter::once(a));
            for (id, list) in mine {
                if !ids.contains(id.as_str()) {
                    continue;
                }
                let cited = events.entry(id).or_default();
                cited.total += list.len();
                let room = MENTIONS_SHOWN.saturating_sub(cited.shown.len());
                cited.shown.extend(list.into_iter().take(room));
            }
        }
        MentionIndex { timeline: timeline.id.clone(), events }
    }

    /// The card's view of one event: none cited it, or its paragraphs.
    pub fn get(&self, event: &str) -> Option<&Cited> {
        self.events.get(event)
    }
}

/// One event an article names, with what its link shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitedEvent {
    pub timeline: String,
    pub event: String,
    pub year: i32,
    pub title: Text,
}

/// The events one article's paragraphs name, found in the timelines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cites {
    pub slug: String,
    /// In order of first mention. An id no timeline holds is left out (the
    /// validator reports it).
    pub events: Vec<CitedEvent>,
}

/// Each event of every timeline by id, to find what articles cite once
/// per build rather than once per article.
pub struct EventTable<'a> {
    by_id: HashMap<&'a str, (&'a Timeline, usize)>,
}

impl<'a> EventTable<'a> {
    pub fn new(timelines: impl IntoIterator<Item = &'a Timeline>) -> EventTable<'a> {
        let mut by_id = HashMap::new();
        for t in timelines {
            for (i, e) in t.events.iter().enumerate() {
                // The first timeline that holds an id wins, as it does in
                // the article's links.
                by_id.entry(e.id.as_str()).or_insert((t, i));
            }
        }
        EventTable { by_id }
    }

    /// The events `article` cites.
    pub fn cites(&self, article: &Article) -> Cites {
        let events = events_on(article, PageSel::All)
            .into_iter()
            .filter_map(|id| {
                let (t, i) = self.by_id.get(id.as_str())?;
                let e = &t.events[*i];
                Some(CitedEvent {
                    timeline: t.id.clone(),
                    event: e.id.clone(),
                    year: e.start.year,
                    title: e.title.clone(),
                })
            })
            .collect();
        Cites { slug: article.slug.clone(), events }
    }
}

impl Cites {
    /// The file of an article's cites in a bundle's `content/` folder.
    pub fn file(slug: &str) -> String {
        crate::files::cites(slug)
    }

    pub fn get(&self, event: &str) -> Option<&CitedEvent> {
        self.events.iter().find(|e| e.event == event)
    }
}

/// The distinct event ids a selection of an article mentions, in order of
/// first mention: the article's event strip.
pub fn events_on(article: &Article, sel: PageSel) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for b in article.blocks(sel) {
        if let Block::Paragraph { events, .. } = b {
            for id in events {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        crate::parse::article(
            r#"{"slug": "a", "section": "s", "column": {"en": "C"}, "headline": {"en": "H"}, "summary": {"en": "S"},
                "byline": {"author": {"en": "A"}}, "published": "2016-09-07T07:48:00+08:00",
                "pages": [
                  [{"type": "paragraph", "text": {"en": "1"}, "events": ["x", "y"]},
                   {"type": "subhead", "text": {"en": "S"}},
                   {"type": "paragraph", "text": {"en": "2"}, "events": ["x", "x"]}],
                  [{"type": "paragraph", "text": {"en": "3"}, "events": ["y"]}]
                ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn mentions_point_at_page_paragraph_and_block() {
        let m = mentions(&[article()]);
        let x: Vec<_> = m["x"].iter().map(|m| (m.page, m.paragraph, m.block)).collect();
        assert_eq!(x, [(1, 1, 0), (1, 2, 2)], "the subhead is a block but not a paragraph");
        let y: Vec<_> = m["y"].iter().map(|m| (m.page, m.paragraph, m.block)).collect();
        assert_eq!(y, [(1, 1, 0), (2, 1, 3)]);
    }

    #[test]
    fn the_index_keeps_the_newest_mentions_and_counts_them_all() {
        let tl = crate::timeline::parse(include_str!("../../../content/timelines/japan-russia-summits.json")).unwrap();
        let (x, y) = (tl.events[0].id.clone(), tl.events[1].id.clone());
        let make = |slug: &str, events: &[&str]| {
            let mut a = article();
            a.slug = slug.into();
            a.pages = vec![events
                .iter()
                .map(|id| Block::Paragraph {
                    text: crate::RichText::en("p"),
                    events: vec![id.to_string(), "not-on-it".into()],
                })
                .collect()];
            a
        };
        let articles: Vec<Article> =
            (0..10).map(|i| make(&format!("a{i}"), &[&x, &x])).chain([make("z", &[&y])]).collect();
        let index = MentionIndex::build(&tl, &articles);
        let cx = index.get(&x).unwrap();
        assert_eq!(cx.total, 20);
        assert_eq!(cx.shown.len(), MENTIONS_SHOWN);
        assert_eq!(cx.shown[0].slug, "a0", "in the order given: newest first");
        assert_eq!(index.get(&y).unwrap().total, 1);
        assert!(index.get("not-on-it").is_none(), "an id this timeline lacks is left out");
        assert_eq!(index.events.len(), 2);
    }

    #[test]
    fn an_articles_cites_hold_what_its_links_show() {
        let tl = crate::timeline::parse(include_str!("../../../content/timelines/japan-russia-summits.json")).unwrap();
        let mut a = article();
        let (x, y) = (&tl.events[5], &tl.events[2]);
        a.pages = vec![vec![
            Block::Paragraph { text: crate::RichText::en("1"), events: vec![x.id.clone(), "unknown".into()] },
            Block::Paragraph { text: crate::RichText::en("2"), events: vec![y.id.clone(), x.id.clone()] },
        ]];
        let cites = EventTable::new([&tl]).cites(&a);
        assert_eq!(cites.events.iter().map(|c| c.event.as_str()).collect::<Vec<_>>(), [&x.id, &y.id]);
        let c = cites.get(&x.id).unwrap();
        assert_eq!((c.year, &c.title, c.timeline.as_str()), (x.start.year, &x.title, tl.id.as_str()));
    }

    #[test]
    fn the_strip_lists_each_event_once_per_page() {
        let a = article();
        assert_eq!(events_on(&a, PageSel::Page(1)), ["x", "y"]);
        assert_eq!(events_on(&a, PageSel::Page(2)), ["y"]);
        assert_eq!(events_on(&a, PageSel::All), ["x", "y"]);
    }
}
