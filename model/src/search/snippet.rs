//! What a result shows of an article: the page and block its link opens
//! at, and a snippet of that block with the query's words marked, in
//! each language the block has.
//!
//! It also drops a hit the text does not bear out ([`article_hit`]): a Han
//! word whose pairs met in a block but not as the word, or an article
//! changed since the index was built. A snippet is text parts, some
//! marked, cut from the content: never markup.

use super::index::{BODY, HEADLINE, SUMMARY};
use super::query::Hit;
use super::text::{find, holds_all, QueryWord};
use crate::article::Article;
use crate::paging::PageSel;
use crate::text::{Lang, Text};
use std::borrow::Cow;

/// A snippet: text in order, each part marked as a match or not. Views
/// render the parts as text nodes (`<mark>` around matches); nothing here
/// is markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub parts: Vec<(String, bool)>,
}

impl Snippet {
    pub fn text(&self) -> String {
        self.parts.iter().map(|(s, _)| s.as_str()).collect()
    }
}

/// About how many characters a snippet shows.
pub const SNIPPET_CHARS: usize = 180;

/// A snippet of `text` around its first match, at most about `max`
/// characters, cut at spaces where it can and marked "…" where cut.
pub fn snippet(text: &str, words: &[QueryWord], max: usize) -> Snippet {
    let hits = find(text, words);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let len = chars.len();
    let at = |byte: usize| chars.partition_point(|&(i, _)| i < byte);
    let first = hits.first().map_or(0, |&(s, _)| at(s));
    // Start a little before the first match, at a space if there is one
    // near.
    let mut start = first.saturating_sub(max / 4);
    if start > 0 {
        if let Some(space) = (start..first).find(|&i| chars[i].1.is_whitespace()) {
            start = space + 1;
        }
    }
    let mut end = (start + max).min(len);
    if end < len {
        if let Some(space) = (start + max / 2..end).rev().find(|&i| chars[i].1.is_whitespace()) {
            end = space;
        }
    }
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let (from, to) = (byte(start), byte(end));
    let mut parts = Vec::new();
    if start > 0 {
        parts.push(("…".to_owned(), false));
    }
    let mut pos = from;
    for (s, e) in hits.into_iter().filter(|&(s, e)| s >= from && e <= to) {
        if s > pos {
            parts.push((text[pos..s].to_owned(), false));
        }
        parts.push((text[s..e].to_owned(), true));
        pos = e;
    }
    if pos < to {
        parts.push((text[pos..to].to_owned(), false));
    }
    if end < len {
        parts.push(("…".to_owned(), false));
    }
    Snippet { parts }
}

/// Where an article result leads, and what it quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleHit {
    /// The page that holds the quoted block.
    pub page: PageSel,
    /// The quoted block's article-wide number (its `#b-N` anchor), when
    /// it is a body block rather than the headline or summary.
    pub block: Option<usize>,
    pub en: Snippet,
    /// The block's Chinese, when it has a translation.
    pub zh: Option<Snippet>,
}

/// The text of block `b` of the index's numbering.
fn block_text(article: &Article, b: u32) -> Option<Cow<'_, Text>> {
    match b {
        HEADLINE => Some(Cow::Borrowed(&article.headline)),
        SUMMARY => Some(Cow::Borrowed(&article.summary)),
        // Its words: a snippet quotes text, never marks.
        _ => article.pages.iter().flatten().nth((b - BODY) as usize).map(|block| Cow::Owned(block.words())),
    }
}

fn holds(text: &Text, words: &[QueryWord]) -> bool {
    let both = format!("{}\n{}", text.en, text.zh.as_deref().unwrap_or_default());
    holds_all(&both, words)
}

/// The result for `hit` in `article`, or `None` when the article turns
/// out not to hold the query: a Han word whose pairs met in a block but
/// not as the word, or a file changed since the index was built.
///
/// The block quoted is the hit's, if its text holds every word; else the
/// first block that does; else, for words in different blocks, the hit's
/// block as long as the article holds every word somewhere.
pub fn article_hit(article: &Article, hit: &Hit, words: &[QueryWord]) -> Option<ArticleHit> {
    let blocks = article.pages.iter().map(Vec::len).sum::<usize>() as u32;
    let candidates = std::iter::once(hit.block).chain(hit.together.iter().copied());
    let whole = candidates
        .filter(|&b| b < BODY + blocks)
        .find(|&b| block_text(article, b).is_some_and(|t| holds(&t, words)))
        .or_else(|| (BODY..BODY + blocks).find(|&b| block_text(article, b).is_some_and(|t| holds(&t, words))));
    let b = match whole {
        Some(b) => b,
        None => {
            let everywhere: Vec<Cow<Text>> = (0..BODY + blocks).filter_map(|b| block_text(article, b)).collect();
            let all = everywhere.iter().map(|t| format!("{}\n{}", t.en, t.zh.as_deref().unwrap_or_default()));
            let all: String = all.collect::<Vec<_>>().join("\n");
            if !holds_all(&all, words) {
                return None;
            }
            hit.block.min(BODY + blocks.saturating_sub(1))
        }
    };
    // A headline match quotes the summary: the headline is shown anyway.
    let quoted = if b == HEADLINE { SUMMARY } else { b };
    let text = block_text(article, quoted)?;
    let (page, block) = if quoted >= BODY {
        let i = (quoted - BODY) as usize;
        let mut first = 0;
        let page = article.pages.iter().position(|p| {
            first += p.len();
            i < first
        });
        (PageSel::Page(page.map_or(1, |p| p + 1)), Some(i))
    } else {
        (PageSel::Page(1), None)
    };
    let zh = text.get(Lang::Zh);
    Some(ArticleHit {
        page,
        block,
        en: snippet(&text.en, words, SNIPPET_CHARS),
        // Han characters are about twice as wide as Latin letters: the same
        // room (three lines, `style/main.css`) holds half as many.
        zh: (zh.1 == Lang::Zh).then(|| snippet(zh.0, words, SNIPPET_CHARS / 2)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::Tier;
    use crate::search::text::query_words;

    fn marked(s: &Snippet) -> Vec<&str> {
        s.parts.iter().filter(|p| p.1).map(|p| p.0.as_str()).collect()
    }

    #[test]
    fn a_snippet_marks_the_words_and_cuts_around_the_first() {
        let text = format!("{} the summit in Sochi {}", "word ".repeat(100), "more ".repeat(100));
        let s = snippet(&text, &query_words("summits sochi"), 60);
        assert_eq!(marked(&s), ["summit", "Sochi"]);
        assert_eq!(s.parts.first().unwrap().0, "…");
        assert_eq!(s.parts.last().unwrap().0, "…");
        assert!(s.text().chars().count() <= 64, "{}", s.text());
        let short = snippet("A summit.", &query_words("summit"), 60);
        assert_eq!(short.parts, [("A ".into(), false), ("summit".into(), true), (".".into(), false)]);
        let none = snippet("No match here.", &query_words("summit"), 60);
        assert_eq!(none.text(), "No match here.");
    }

    #[test]
    fn a_snippet_of_chinese_marks_the_whole_word() {
        let s = snippet("日本首相访问北海道。", &query_words("北海道"), 60);
        assert_eq!(marked(&s), ["北海道"]);
        assert_eq!(s.text(), "日本首相访问北海道。");
    }

    fn article() -> Article {
        crate::parse::article(include_str!("../../tests/fixtures/good/articles/ok.json")).unwrap()
    }

    fn hit(block: u32, together: Vec<u32>) -> Hit {
        Hit { doc: 0, code: 1, tier: Tier::Together, block, together }
    }

    #[test]
    fn a_hit_links_to_the_page_and_block_that_hold_it() {
        let a = article();
        let all: Vec<&crate::Block> = a.pages.iter().flatten().collect();
        let last = all.len() - 1;
        let words = all[last].words().en;
        let word = words.split_whitespace().find(|w| w.len() > 5).unwrap();
        let words = query_words(word);
        let found = article_hit(&a, &hit(BODY + last as u32, vec![BODY + last as u32]), &words).unwrap();
        assert_eq!(found.block, Some(last));
        assert_eq!(found.page, PageSel::Page(a.pages.len()));
        assert!(!marked(&found.en).is_empty());
    }

    #[test]
    fn a_hit_the_text_does_not_bear_out_is_dropped() {
        let a = article();
        assert_eq!(article_hit(&a, &hit(BODY, vec![BODY]), &query_words("北海道")), None);
        assert_eq!(article_hit(&a, &hit(BODY + 9999, vec![]), &query_words("zzzz")), None, "a block it does not have");
        let h = article_hit(&a, &Hit { tier: Tier::Headline, block: HEADLINE, ..hit(0, vec![HEADLINE]) }, &[]).unwrap();
        assert_eq!((h.page, h.block), (PageSel::Page(1), None), "a headline match opens page 1 at the top");
    }
}
