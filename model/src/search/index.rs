//! The search index as files, written by `cargo xtask dist` and read by
//! the browser: what is in them and how they are laid out.
//!
//! - `derived/search/index.json`, the [`Layout`]: how many shards there
//!   are and what the section codes mean. Its size depends on the catalog,
//!   not on the archive.
//! - `derived/search/t{bits}/{shard}.bin`: the postings of the terms whose
//!   hash ends in the shard's bits, in a compact binary form
//!   ([`encode_shard`]). A query fetches one shard per term.
//! - `derived/search/d/{chunk}.json`: which article or event each
//!   document number is, [`CHUNK`] to a file.
//!
//! Every file is bounded. The number of shards doubles as the index grows
//! ([`bits_for`]), so a shard stays near [`SHARD_TARGET`] however large the
//! archive; a term's own postings grow with the number of documents that
//! hold it, which is what a query for it has to read. The names carry no
//! hash: a rebuild after one article changed rewrites the shards of its
//! terms, its document chunk and nothing else (dist writes changed bytes
//! only), and the layout file changes only when the shards double.
//!
//! Documents are numbered oldest first, so that a new story, the usual
//! change, takes the next number and leaves every other posting as it
//! was; the numbers also give recency without a date per posting.

use crate::date::Date;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// About how large a shard may grow, raw, before the shards double.
pub const SHARD_TARGET: usize = 12 * 1024;
/// At most 2^16 shards: at the target size, an index of 800 MB.
pub const MAX_BITS: u32 = 16;
/// Documents per chunk file.
pub const CHUNK: u32 = 128;
/// Bumped when the files' layout changes, so an app never misreads an
/// index of another build (it says the index is damaged instead).
pub const VERSION: u32 = 2;
const MAGIC: &[u8; 4] = b"FSI1";

/// Where in a document a term is. Articles: headline, summary, then
/// their blocks from [`BODY`] on (block `i` of the article is `BODY + i`,
/// whatever its page). Events: title, place and leaders, occasion,
/// outcome.
pub const HEADLINE: u32 = 0;
pub const SUMMARY: u32 = 1;
pub const BODY: u32 = 2;

/// What a query needs first: how to find a term's shard and a document's
/// chunk, and the names of the section codes in the postings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub version: u32,
    /// There are `2^bits` shards.
    pub bits: u32,
    pub docs: u32,
    /// Section ids; a posting's code is 0 for an event, `i + 1` for an
    /// article in `sections[i]`.
    pub sections: Vec<String>,
}

impl Layout {
    pub fn shard_of(&self, term: &str) -> u32 {
        hash(term) & ((1u32 << self.bits) - 1)
    }

    pub fn shard_file(&self, shard: u32) -> String {
        crate::files::search_shard(self.bits, shard)
    }

    pub fn chunk_file(doc: u32) -> String {
        crate::files::search_docs(doc / CHUNK)
    }

    /// The posting code of a section, if the index knows it.
    pub fn code(&self, section: &str) -> Option<u32> {
        self.sections.iter().position(|s| s == section).map(|i| i as u32 + 1)
    }
}

/// FNV-1a over the term's bytes: the same in the build and the browser,
/// and spread well enough over short words for shards of even size.
pub fn hash(term: &str) -> u32 {
    term.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The fewest shard bits that keep a shard near [`SHARD_TARGET`].
pub fn bits_for(total: usize) -> u32 {
    let mut bits = 0;
    while bits < MAX_BITS && total > SHARD_TARGET << bits {
        bits += 1;
    }
    bits
}

/// Which article or event a document number is, with what its result
/// shows at once. An article's snippet comes from its own file, fetched
/// after (and then cached for opening it): a result is listed as soon as
/// its chunk is here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Doc {
    #[serde(rename = "a")]
    Article(Story),
    #[serde(rename = "m")]
    Event(EventDoc),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub slug: String,
    pub headline: Text,
    pub section: String,
    pub published: crate::timestamp::Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDoc {
    pub timeline: String,
    pub id: String,
    pub title: Text,
    pub start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub place: Text,
}

/// One document that holds a term: its number, section code, and the
/// blocks the term is in, ascending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub code: u32,
    pub blocks: Vec<u32>,
}

/// A document to index: what it is, its section code, and its texts by
/// block number (both languages of a block under the same number, so a
/// query in either script finds the pair).
pub struct Source<'a> {
    pub doc: Doc,
    pub code: u32,
    pub fields: Vec<(u32, Cow<'a, str>)>,
}

/// The index of a whole archive, ready to write.
pub struct Index {
    pub layout: Layout,
    /// Each shard's bytes; `None` for a shard no term falls in (no file).
    pub shards: Vec<Option<Vec<u8>>>,
    pub chunks: Vec<Vec<Doc>>,
}

/// A document's terms, each with the blocks it is in.
pub type Terms = Vec<(String, Vec<u32>)>;

/// A document's terms, each with the blocks it is in, ascending: the part
/// of indexing that is per document, so a caller may spread it over
/// threads ([`build_from`] then merges).
pub fn terms_of(fields: &[(u32, Cow<str>)]) -> Terms {
    let mut here: std::collections::HashMap<String, Vec<u32>> = std::collections::HashMap::new();
    for (block, text) in fields {
        for token in super::text::tokens(text) {
            let blocks = here.entry(token.term).or_default();
            if !blocks.contains(block) {
                blocks.push(*block);
            }
        }
    }
    let mut out: Terms = here.into_iter().collect();
    for (_, blocks) in &mut out {
        blocks.sort_unstable();
    }
    out
}

/// Indexes `sources`, numbered in the order given (oldest first).
pub fn build(sections: Vec<String>, sources: Vec<Source<'_>>) -> Index {
    let docs = sources.into_iter().map(|s| {
        let terms = terms_of(&s.fields);
        (s.doc, s.code, terms)
    });
    build_from(sections, docs.collect())
}

/// [`build`] from each document's [`terms_of`], in document order.
pub fn build_from(sections: Vec<String>, docs: Vec<(Doc, u32, Terms)>) -> Index {
    let mut terms: std::collections::HashMap<String, Vec<Posting>> = std::collections::HashMap::new();
    let mut chunks: Vec<Vec<Doc>> = Vec::new();
    let count = docs.len() as u32;
    for (n, (doc, code, doc_terms)) in docs.into_iter().enumerate() {
        for (term, blocks) in doc_terms {
            terms.entry(term).or_default().push(Posting { doc: n as u32, code, blocks });
        }
        if (n as u32).is_multiple_of(CHUNK) {
            chunks.push(Vec::new());
        }
        chunks.last_mut().expect("pushed above").push(doc);
    }
    let mut encoded: Vec<(String, Vec<u8>)> = terms
        .into_iter()
        .map(|(t, p)| {
            let bytes = encode_postings(&p);
            (t, bytes)
        })
        .collect();
    // Shards list their terms in byte order, for the reader's binary search.
    encoded.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let total = encoded.iter().map(|(t, p)| t.len() + p.len() + 4).sum();
    let layout = Layout { version: VERSION, bits: bits_for(total), docs: count, sections };
    let mut by_shard: Vec<Vec<(String, Vec<u8>)>> = vec![Vec::new(); 1 << layout.bits];
    for (term, postings) in encoded {
        by_shard[layout.shard_of(&term) as usize].push((term, postings));
    }
    let shards = by_shard.into_iter().map(|terms| (!terms.is_empty()).then(|| encode_shard(&terms))).collect();
    Index { layout, shards, chunks }
}

impl Index {
    /// Every file, as (path in `content/`, bytes).
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let mut out =
            vec![(crate::files::SEARCH_INDEX.to_owned(), serde_json::to_vec(&self.layout).expect("plain data"))];
        for (i, shard) in self.shards.iter().enumerate() {
            if let Some(bytes) = shard {
                out.push((self.layout.shard_file(i as u32), bytes.clone()));
            }
        }
        for (i, chunk) in self.chunks.iter().enumerate() {
            out.push((Layout::chunk_file(i as u32 * CHUNK), serde_json::to_vec(chunk).expect("plain data")));
        }
        out
    }
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A term's postings: their count, then each as the gap from the previous
/// document, the code, and the blocks as gaps. Gaps keep most numbers to
/// one byte.
fn encode_postings(postings: &[Posting]) -> Vec<u8> {
    let mut out = Vec::new();
    push_varint(&mut out, postings.len() as u32);
    let mut last = 0;
    for p in postings {
        push_varint(&mut out, p.doc - last);
        last = p.doc;
        push_varint(&mut out, p.code);
        push_varint(&mut out, p.blocks.len() as u32);
        let mut prev = 0;
        for &b in &p.blocks {
            push_varint(&mut out, b - prev);
            prev = b;
        }
    }
    out
}

/// A shard: the magic, the number of terms, then each term's length,
/// bytes, postings' length and postings, terms in byte order.
pub fn encode_shard(terms: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    push_varint(&mut out, terms.len() as u32);
    for (term, postings) in terms {
        push_varint(&mut out, term.len() as u32);
        out.extend_from_slice(term.as_bytes());
        push_varint(&mut out, postings.len() as u32);
        out.extend_from_slice(postings);
    }
    out
}

/// A shard, read: its terms and their postings, still encoded until asked
/// for (a query wants one or two terms of a shard's hundreds).
#[derive(Debug, Default)]
pub struct Shard {
    terms: Vec<(String, std::ops::Range<usize>)>,
    bytes: Vec<u8>,
}

/// Why a shard could not be read: the file is cut short or is not one.
#[derive(Debug, PartialEq, Eq)]
pub struct Damaged(pub &'static str);

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u32, Damaged> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = *self.bytes.get(self.at).ok_or(Damaged("the file ends in the middle of a number"))?;
            self.at += 1;
            v |= u32::from(b & 0x7f).checked_shl(shift).ok_or(Damaged("a number is too long"))?;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Damaged("a number is too long"))
    }

    fn take(&mut self, n: u32) -> Result<std::ops::Range<usize>, Damaged> {
        let end = self
            .at
            .checked_add(n as usize)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(Damaged("the file is cut short"))?;
        let r = self.at..end;
        self.at = end;
        Ok(r)
    }
}

impl Shard {
    pub fn parse(bytes: Vec<u8>) -> Result<Shard, Damaged> {
        if !bytes.starts_with(MAGIC) {
            return Err(Damaged("it is not a Folio search shard of this version"));
        }
        let mut r = Reader { bytes: &bytes, at: MAGIC.len() };
        let count = r.varint()?;
        let mut terms = Vec::with_capacity(count.min(1 << 16) as usize);
        for _ in 0..count {
            let n = r.varint()?;
            let t = r.take(n)?;
            let term = std::str::from_utf8(&bytes[t]).map_err(|_| Damaged("a term is not UTF-8"))?.to_owned();
            let n = r.varint()?;
            terms.push((term, r.take(n)?));
        }
        if r.at != bytes.len() {
            return Err(Damaged("there are bytes after the last term"));
        }
        Ok(Shard { terms, bytes })
    }

    /// The postings of `term`, or none if no document holds it.
    pub fn postings(&self, term: &str) -> Result<Vec<Posting>, Damaged> {
        let Ok(i) = self.terms.binary_search_by(|(t, _)| t.as_str().cmp(term)) else { return Ok(Vec::new()) };
        let range = self.terms[i].1.clone();
        let mut r = Reader { bytes: &self.bytes[range], at: 0 };
        let count = r.varint()?;
        let mut out = Vec::with_capacity(count.min(1 << 20) as usize);
        let mut doc: u32 = 0;
        for _ in 0..count {
            doc = doc.checked_add(r.varint()?).ok_or(Damaged("a document number overflows"))?;
            let code = r.varint()?;
            let n = r.varint()?;
            let mut blocks = Vec::with_capacity(n.min(1024) as usize);
            let mut b: u32 = 0;
            for _ in 0..n {
                b = b.checked_add(r.varint()?).ok_or(Damaged("a block number overflows"))?;
                blocks.push(b);
            }
            out.push(Posting { doc, code, blocks });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(slug: &str) -> Doc {
        let published = "2016-09-07T07:48:00+08:00".parse().unwrap();
        Doc::Article(Story { slug: slug.into(), headline: Text::en(slug), section: "x".into(), published })
    }

    fn article<'a>(slug: &str, code: u32, fields: Vec<(u32, &'a str)>) -> Source<'a> {
        Source { doc: story(slug), code, fields: fields.into_iter().map(|(b, t)| (b, t.into())).collect() }
    }

    fn read(index: &Index, term: &str) -> Vec<Posting> {
        let shard = index.layout.shard_of(term) as usize;
        match &index.shards[shard] {
            Some(bytes) => Shard::parse(bytes.clone()).unwrap().postings(term).unwrap(),
            None => Vec::new(),
        }
    }

    #[test]
    fn postings_read_back_as_written() {
        let index = build(
            vec!["opinion".into()],
            vec![
                article("a", 1, vec![(HEADLINE, "Summit in Sochi"), (BODY, "The summit."), (BODY + 300, "Summits")]),
                article("b", 0, vec![(BODY + 1, "北海道 summit")]),
            ],
        );
        assert_eq!(
            read(&index, "summit"),
            [
                Posting { doc: 0, code: 1, blocks: vec![HEADLINE, BODY, BODY + 300] },
                Posting { doc: 1, code: 0, blocks: vec![BODY + 1] }
            ]
        );
        assert_eq!(read(&index, "海道"), [Posting { doc: 1, code: 0, blocks: vec![BODY + 1] }]);
        assert!(read(&index, "nothing").is_empty());
        assert_eq!(index.chunks, [vec![story("a"), story("b")]]);
    }

    #[test]
    fn shards_double_as_the_index_grows_and_stay_near_the_target() {
        assert_eq!(bits_for(0), 0);
        assert_eq!(bits_for(SHARD_TARGET), 0);
        assert_eq!(bits_for(SHARD_TARGET + 1), 1);
        assert_eq!(bits_for(SHARD_TARGET * 1000), 10);
        assert_eq!(bits_for(usize::MAX / 2), MAX_BITS);
        // 3,000 documents of distinct words: many shards, none far above
        // the target.
        let words: Vec<String> = (0..3000).map(|i| format!("word{i} common{} shared", i % 50)).collect();
        let sources = words.iter().enumerate().map(|(i, w)| article(&format!("s{i}"), 1, vec![(BODY, w.as_str())]));
        let index = build(vec!["x".into()], sources.collect());
        assert!(index.layout.bits >= 2, "{}", index.layout.bits);
        let largest = index.shards.iter().flatten().map(Vec::len).max().unwrap();
        let shared = read(&index, &crate::search::text::stem("shared")).len();
        assert_eq!(shared, 3000);
        assert!(largest < 4 * SHARD_TARGET + 5 * shared, "largest shard {largest} B");
        assert_eq!(index.chunks.len(), 3000usize.div_ceil(CHUNK as usize));
        let files = index.files();
        assert!(files.iter().any(|(f, _)| f == "derived/search/d/23.json"));
        assert!(files.iter().all(|(f, _)| f.starts_with("derived/search/")));
    }

    #[test]
    fn a_new_story_changes_its_terms_shards_and_its_chunk_only() {
        let texts: Vec<String> = (0..400).map(|i| format!("story{i} about topic{}", i % 7)).collect();
        let sources = |n: usize| {
            texts[..n].iter().enumerate().map(|(i, t)| article(&format!("s{i}"), 1, vec![(BODY, t.as_str())])).collect()
        };
        let before = build(vec!["x".into()], sources(399)).files();
        let after = build(vec!["x".into()], sources(400)).files();
        let changed: Vec<&String> =
            after.iter().filter(|(f, b)| !before.iter().any(|(g, c)| g == f && c == b)).map(|(f, _)| f).collect();
        // The layout (its count), the last chunk, and the shards of
        // "story399", "about" and "topic0" at most.
        assert!(changed.len() <= 5, "{changed:?}");
        assert!(changed.contains(&&"derived/search/d/3.json".to_owned()));
    }

    #[test]
    fn a_damaged_shard_is_an_error_not_a_panic() {
        let good = encode_shard(&[("summit".into(), encode_postings(&[Posting { doc: 3, code: 1, blocks: vec![2] }]))]);
        assert!(Shard::parse(good.clone()).is_ok());
        for cut in 0..good.len() {
            assert!(Shard::parse(good[..cut].to_vec()).is_err(), "cut at {cut}");
        }
        assert!(Shard::parse(b"<!doctype html>".to_vec()).is_err());
        let mut long = good.clone();
        long.push(0);
        assert_eq!(Shard::parse(long).unwrap_err(), Damaged("there are bytes after the last term"));
        // Postings that claim more than they hold.
        let lying = encode_shard(&[("x".into(), vec![5, 1])]);
        assert!(Shard::parse(lying).unwrap().postings("x").is_err());
        let huge = encode_shard(&[("x".into(), vec![0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])]);
        assert!(Shard::parse(huge).unwrap().postings("x").is_err());
    }
}
