//! Full-text search over the archive and the timelines, from a static
//! index: no server, and a query reads only the shards its terms are in.
//!
//! - [`text`]: words and Han characters into terms, the same for the
//!   index and the query; marking the words in a text.
//! - [`index`]: the files `cargo xtask dist` writes, and reading a shard.
//! - [`query`]: matching and ranking.
//! - [`snippet`]: the page, block and marked snippet an article's result
//!   shows, once its file is here.
//! - [`ui`]: the search's interface strings.
//! - here: [`index_archive`], what is indexed and under which block
//!   numbers, and [`Ask`], the query the address holds (`q`, `type`,
//!   `section`).
//!
//! The browser fetches the index's layout, the shards of the query's terms, the
//! chunks naming the best documents, and those articles' own files (which
//! the reader then opens without another request).

pub mod index;
pub mod query;
pub mod snippet;
pub mod text;
pub mod ui;

use crate::article::Article;
use crate::catalog::Catalog;
use crate::timeline::Timeline;
use index::{Doc, EventDoc, Source, Story, BODY, HEADLINE, SUMMARY};
use std::borrow::Cow;

/// The index of every article and event.
pub fn index_archive(catalog: &Catalog, articles: &[Article], timelines: &[Timeline]) -> index::Index {
    let (sections, sources) = sources(catalog, articles, timelines);
    index::build(sections, sources)
}

/// What [`index_archive`] indexes: the section ids (posting code `i + 1`
/// is `sections[i]`), and every article and event with its texts by
/// block number, oldest first.
pub fn sources<'a>(
    catalog: &Catalog,
    articles: &'a [Article],
    timelines: &'a [Timeline],
) -> (Vec<String>, Vec<Source<'a>>) {
    let sections: Vec<String> = catalog.sections.iter().map(|s| s.id.clone()).collect();
    let code = |section: &str| sections.iter().position(|s| s == section).map_or(u32::MAX, |i| i as u32 + 1);
    let mut dated: Vec<(i64, Source<'a>)> = Vec::new();
    for a in articles {
        let mut fields = Vec::new();
        add_text(&mut fields, HEADLINE, &a.headline);
        add_text(&mut fields, SUMMARY, &a.summary);
        for (i, block) in a.pages.iter().flatten().enumerate() {
            let words = block.words();
            add(&mut fields, BODY + i as u32, words.en.into(), words.zh.map(Into::into));
        }
        dated.push((
            a.published.sort_key(),
            Source {
                doc: Doc::Article(Story {
                    slug: a.slug.clone(),
                    headline: a.headline.clone(),
                    section: a.section.clone(),
                    published: a.published,
                }),
                code: code(&a.section),
                fields,
            },
        ));
    }
    for t in timelines {
        for e in &t.events {
            let mut fields = Vec::new();
            add_text(&mut fields, HEADLINE, &e.title);
            add_text(&mut fields, SUMMARY, &e.place);
            for p in e.leaders.iter().filter_map(|id| t.person(id)) {
                add_text(&mut fields, SUMMARY, &p.name);
            }
            add_text(&mut fields, BODY, &e.occasion);
            add_text(&mut fields, BODY + 1, &e.outcome);
            let d = e.start;
            // The scale of `Timestamp::sort_key`, at midnight.
            let key = (i64::from(d.year) * 372 + i64::from(d.month) * 31 + i64::from(d.day)) * 86_400;
            let doc = EventDoc {
                timeline: t.id.clone(),
                id: e.id.clone(),
                title: e.title.clone(),
                start: e.start,
                end: e.end,
                place: e.place.clone(),
            };
            dated.push((key, Source { doc: Doc::Event(doc), code: 0, fields }));
        }
    }
    // Oldest first; the stable sort keeps files' order for equal times.
    dated.sort_by_key(|(key, _)| *key);
    (sections, dated.into_iter().map(|(_, s)| s).collect())
}

/// Both languages of a text under one block number; a text without its
/// translation is indexed in English, the language it has.
fn add_text<'a>(fields: &mut Vec<(u32, Cow<'a, str>)>, block: u32, t: &'a crate::Text) {
    add(fields, block, t.en.as_str().into(), t.zh.as_deref().filter(|z| !z.trim().is_empty()).map(Cow::Borrowed));
}

/// The English, and the Chinese where there is a translation, under one
/// block number.
fn add<'a>(fields: &mut Vec<(u32, Cow<'a, str>)>, block: u32, en: Cow<'a, str>, zh: Option<Cow<'a, str>>) {
    fields.push((block, en));
    fields.extend(zh.map(|zh| (block, zh)));
}

/// What the search address asks for: `?q=…&type=article|event&section=…`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ask {
    pub q: String,
    pub kind: Option<query::Kind>,
    pub section: Option<String>,
}

impl Ask {
    /// Reads a query string (without `?`). Unknown keys and bad values are
    /// ignored; the text of `q` is taken as it is, whatever it holds.
    pub fn parse(query: &str) -> Ask {
        let mut ask = Ask::default();
        for pair in query.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            match k {
                "q" => ask.q = v,
                "type" => ask.kind = query::Kind::from_param(&v),
                "section" if crate::route::is_slug(&v) => ask.section = Some(v),
                _ => {}
            }
        }
        ask
    }

    /// The query string (without `?`) for this ask; empty parts left out.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if let Some(k) = self.kind {
            parts.push(format!("type={}", k.param()));
        }
        if let Some(s) = &self.section {
            parts.push(format!("section={}", encode(s)));
        }
        parts.join("&")
    }

    /// The filter for [`query::run`], with the section as the index codes
    /// it (a section the index does not know matches nothing).
    pub fn filter(&self, layout: &index::Layout) -> query::Filter {
        query::Filter { kind: self.kind, section: self.section.as_deref().map(|s| layout.code(s).unwrap_or(u32::MAX)) }
    }
}

/// Decodes a form value: `+` is a space, `%XX` a byte; bytes that are not
/// UTF-8 become U+FFFD rather than an error.
pub fn decode(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a form value: letters, digits and `-_.~` as they are, a space
/// as `+`, every other byte as `%XX`.
pub fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_holds_the_query_and_filters() {
        let ask = Ask::parse("q=summit+%E5%8C%97%E6%B5%B7%E9%81%93&type=article&section=opinion&lang=zh");
        assert_eq!(ask.q, "summit 北海道");
        assert_eq!(ask.kind, Some(query::Kind::Article));
        assert_eq!(ask.section.as_deref(), Some("opinion"));
        assert_eq!(Ask::parse(&ask.to_query()), ask);
        assert_eq!(ask.to_query(), "q=summit+%E5%8C%97%E6%B5%B7%E9%81%93&type=article&section=opinion");
        assert_eq!(Ask::parse(""), Ask::default());
        assert_eq!(Ask::default().to_query(), "");
        let odd = Ask::parse("q=100%25+%3Cscript%3E&type=nope&section=..%2F..&q2=x");
        assert_eq!(odd, Ask { q: "100% <script>".into(), kind: None, section: None });
        assert_eq!(Ask::parse("q=%E5%8C&x").q, "\u{fffd}", "a broken byte sequence is not an error");
        assert_eq!(Ask::parse("q=%").q, "%");
        assert_eq!(Ask::parse("q=%4").q, "%4");
        assert_eq!(Ask::parse("q=a%2").q, "a%2");
    }

    #[test]
    fn an_older_link_to_meetings_still_narrows_to_events() {
        let old = Ask::parse("q=sochi&type=meeting");
        assert_eq!(old.kind, Some(query::Kind::Event));
        assert_eq!(old.to_query(), "q=sochi&type=event");
    }
}
