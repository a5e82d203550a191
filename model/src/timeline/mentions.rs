//! Cross-links between articles and events, derived from the `events` ids
//! paragraphs carry. Nothing is written twice: the event → article
//! direction is computed here.

use crate::article::{Article, Block};
use crate::paging::PageSel;
use crate::text::Text;
use std::collections::BTreeMap;

/// Where an article mentions an event.
#[derive(Clone, Debug, PartialEq)]
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
            r#"{"slug": "a", "section": "s", "column": {"en": "C"}, "headline": {"en": "H"},
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
    fn the_strip_lists_each_event_once_per_page() {
        let a = article();
        assert_eq!(events_on(&a, PageSel::Page(1)), ["x", "y"]);
        assert_eq!(events_on(&a, PageSel::Page(2)), ["y"]);
        assert_eq!(events_on(&a, PageSel::All), ["x", "y"]);
    }
}
