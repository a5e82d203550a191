//! Answering a query from the postings of its terms: which documents
//! match, in what order, and which block of each to show.
//!
//! [`run`] intersects the words' postings and ranks by [`Tier`] (every
//! word in the headline, then together in one block, then apart), newest
//! first within a tier.

use super::index::{Posting, BODY, HEADLINE};
use super::text::QueryWord;
use std::collections::BTreeMap;

/// What a reader narrowed the results to (`?type=&section=`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<Kind>,
    /// A section's posting code ([`super::index::Layout::code`]).
    pub section: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Article,
    Event,
}

impl Kind {
    pub fn param(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Event => "event",
        }
    }

    /// The kind an address names. `meeting` is what addresses said
    /// before the summits' meetings became a timeline's events in general:
    /// a link shared then still narrows to them.
    pub fn from_param(s: &str) -> Option<Kind> {
        match s {
            "meeting" => Some(Kind::Event),
            _ => [Kind::Article, Kind::Event].into_iter().find(|k| k.param() == s),
        }
    }
}

impl Filter {
    fn keeps(&self, code: u32) -> bool {
        let kind = if code == 0 { Kind::Event } else { Kind::Article };
        self.kind.is_none_or(|k| k == kind) && self.section.is_none_or(|s| s == code)
    }
}

/// How well a document matches, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Every word is in the headline (an event's title).
    Headline,
    /// Every word is in one block: a paragraph holds the whole query.
    Together,
    /// The words are in the document, in different blocks.
    Apart,
}

/// A matching document and the block its result quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    pub code: u32,
    pub tier: Tier,
    /// The block to quote: the first that holds the whole query, else the
    /// first body block that holds a word of it.
    pub block: u32,
    /// Blocks holding every word, ascending: where the snippet may come
    /// from, if the first does not hold the Han words whole.
    pub together: Vec<u32>,
}

/// The documents matching every word, best first: headline matches, then
/// a block with the whole query, then the rest, and newest first within
/// each (documents are numbered oldest first).
///
/// `postings(term)` gives a term's postings (from its shard). A Han word
/// of several pairs needs them all in one block; that the word is there
/// whole is for the text to confirm ([`super::text::holds_all`]).
pub fn run(words: &[QueryWord], postings: &dyn Fn(&str) -> Vec<Posting>, filter: &Filter) -> Vec<Hit> {
    if words.is_empty() {
        return Vec::new();
    }
    // Per word: document → (code, blocks the word is in).
    let mut per_word: Vec<BTreeMap<u32, (u32, Vec<u32>)>> = Vec::new();
    for word in words {
        let mut docs: Option<BTreeMap<u32, (u32, Vec<u32>)>> = None;
        for term in &word.terms {
            let these: BTreeMap<u32, (u32, Vec<u32>)> = postings(term)
                .into_iter()
                .filter(|p| filter.keeps(p.code))
                .map(|p| (p.doc, (p.code, p.blocks)))
                .collect();
            docs = Some(match docs {
                None => these,
                Some(so_far) => so_far
                    .into_iter()
                    .filter_map(|(doc, (code, blocks))| {
                        let other = &these.get(&doc)?.1;
                        let both = intersect(&blocks, other);
                        (!both.is_empty()).then_some((doc, (code, both)))
                    })
                    .collect(),
            });
        }
        per_word.push(docs.unwrap_or_default());
    }
    // The rarest word first, so the intersection starts small.
    per_word.sort_by_key(BTreeMap::len);
    let (first, rest) = per_word.split_first().expect("words is not empty");
    let mut hits: Vec<Hit> = first
        .iter()
        .filter_map(|(&doc, (code, blocks))| {
            let mut all = blocks.clone();
            let mut any = blocks.clone();
            for other in rest {
                let (_, theirs) = other.get(&doc)?;
                all = intersect(&all, theirs);
                any.extend(theirs);
            }
            any.sort_unstable();
            let tier = match all.first() {
                Some(&HEADLINE) => Tier::Headline,
                Some(_) => Tier::Together,
                None => Tier::Apart,
            };
            let body = |b: &[u32]| b.iter().copied().find(|&b| b >= BODY);
            let block = body(&all).or(all.first().copied()).or(body(&any)).or(any.first().copied()).unwrap_or(HEADLINE);
            Some(Hit { doc, code: *code, tier, block, together: all })
        })
        .collect();
    hits.sort_by(|a, b| a.tier.cmp(&b.tier).then(b.doc.cmp(&a.doc)));
    hits
}

/// The blocks in both sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    a.iter().copied().filter(|x| b.binary_search(x).is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::SUMMARY;
    use crate::search::text::query_words;

    /// An index of a few documents, as postings by term.
    fn corpus() -> BTreeMap<String, Vec<Posting>> {
        let docs: [(u32, &[(u32, &str)]); 5] = [
            (1, &[(HEADLINE, "Old summit"), (BODY, "Leaders met at the summit in Sochi.")]),
            (1, &[(BODY, "Sochi was sunny."), (BODY + 1, "A summit followed.")]),
            (2, &[(BODY, "The Sochi summit agreed a plan."), (BODY + 1, "北海 and 海道 apart")]),
            (0, &[(HEADLINE, "Summit in Sochi"), (SUMMARY, "Vladivostok")]),
            (2, &[(BODY, "北海道的渔业")]),
        ];
        let mut out: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        for (n, (code, fields)) in docs.iter().enumerate() {
            let mut here: BTreeMap<String, Vec<u32>> = BTreeMap::new();
            for (block, text) in *fields {
                for t in crate::search::text::tokens(text) {
                    let b = here.entry(t.term).or_default();
                    if !b.contains(block) {
                        b.push(*block);
                    }
                }
            }
            for (term, blocks) in here {
                out.entry(term).or_default().push(Posting { doc: n as u32, code: *code, blocks });
            }
        }
        out
    }

    fn ask(q: &str, filter: &Filter) -> Vec<(u32, Tier)> {
        let c = corpus();
        run(&query_words(q), &|t| c.get(t).cloned().unwrap_or_default(), filter)
            .into_iter()
            .map(|h| (h.doc, h.tier))
            .collect()
    }

    #[test]
    fn headline_matches_come_first_then_a_paragraph_with_the_whole_query_then_recency() {
        assert_eq!(
            ask("summit sochi", &Filter::default()),
            [(3, Tier::Headline), (2, Tier::Together), (0, Tier::Together), (1, Tier::Apart)]
        );
        assert_eq!(ask("Summits", &Filter::default()).len(), 4, "stemmed");
        assert!(ask("summit moscow", &Filter::default()).is_empty(), "every word is needed");
    }

    #[test]
    fn filters_narrow_by_kind_and_section() {
        let events = Filter { kind: Some(Kind::Event), section: None };
        assert_eq!(ask("summit", &events), [(3, Tier::Headline)]);
        let articles = Filter { kind: Some(Kind::Article), section: None };
        assert_eq!(ask("summit", &articles).len(), 3);
        let section = Filter { kind: None, section: Some(2) };
        assert_eq!(ask("summit", &section), [(2, Tier::Together)]);
    }

    #[test]
    fn a_han_word_needs_its_pairs_in_one_block() {
        // Document 2 has 北海 and 海道 in one block: a candidate the text
        // must confirm. Document 4 has the word.
        assert_eq!(ask("北海道", &Filter::default()), [(4, Tier::Together), (2, Tier::Together)]);
        assert!(ask("道的", &Filter::default()).iter().all(|&(d, _)| d == 4));
    }

    #[test]
    fn the_quoted_block_is_the_first_body_block_with_the_whole_query() {
        let c = corpus();
        let hits = run(&query_words("summit"), &|t| c.get(t).cloned().unwrap_or_default(), &Filter::default());
        let first = hits.iter().find(|h| h.doc == 0).unwrap();
        assert_eq!(first.block, BODY, "the body, not the headline");
        let event = hits.iter().find(|h| h.doc == 3).unwrap();
        assert_eq!(event.block, HEADLINE, "only the title holds it");
        let apart = run(&query_words("sochi summit"), &|t| c.get(t).cloned().unwrap_or_default(), &Filter::default());
        assert_eq!(apart.iter().find(|h| h.doc == 1).unwrap().block, BODY);
        assert!(run(&[], &|_| Vec::new(), &Filter::default()).is_empty());
    }
}
