//! Marked text: a block's words with emphasis, links and the other inline
//! marks, as typed data the model checks. Never HTML and never Markdown:
//! the browser only renders it, node by node (`components/rich.rs`).
//!
//! In a content file a [`Rich`] is a plain string (every article written
//! before marks existed), one mark, or an array whose items are strings
//! and marks:
//!
//! ```json
//! ["Abe met Putin in ", {"em": "Sochi"}, " (see ",
//!  {"link": "/timeline/japan-russia-summits/2016-05-sochi/", "text": "the timeline"}, ")."]
//! ```
//!
//! - `{"em": …}`, `{"strong": …}`, `{"sup": …}`, `{"sub": …}`: the marked
//!   text, itself a string or an array;
//! - `{"code": "…"}`: inline code, a string;
//! - `{"link": target, "text": …}`: a link (see [`Target`]).
//!
//! Inside a string, a line break (`\n`) is a line break on screen, and a
//! blank line (`\n\n`) at the top level starts a new paragraph, as in a
//! plain text, so a translator can still split a paragraph.

use crate::route::{Parsed, Route};
use crate::text::{Lang, Text};
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Marked text in one language.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Rich(pub Vec<Inline>);

/// One piece of marked text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Em(Rich),
    Strong(Rich),
    Sup(Rich),
    Sub(Rich),
    Code(String),
    /// `href` as written; [`Target::parse`] says where it goes, if anywhere.
    Link {
        href: String,
        text: Rich,
    },
}

impl Rich {
    /// Plain text, unmarked.
    pub fn plain(s: impl Into<String>) -> Self {
        Rich(vec![Inline::Text(s.into())])
    }

    /// The words alone, marks dropped: what search, reading time, share
    /// cards and descriptions read.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for i in &self.0 {
            match i {
                Inline::Text(s) | Inline::Code(s) => out.push_str(s),
                Inline::Em(r) | Inline::Strong(r) | Inline::Sup(r) | Inline::Sub(r) => r.push_text(out),
                Inline::Link { text, .. } => text.push_text(out),
            }
        }
    }

    /// True when there are no words (a blank translation counts as none).
    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// The paragraphs: the text split at blank lines in its top-level
    /// strings, each trimmed, empty ones dropped. Marks never span two.
    pub fn paragraphs(&self) -> Vec<Rich> {
        let mut out = Vec::new();
        let mut cur = Vec::new();
        for i in &self.0 {
            match i {
                Inline::Text(s) => {
                    let mut parts = s.split("\n\n");
                    if let Some(first) = parts.next() {
                        cur.push(Inline::Text(first.to_owned()));
                    }
                    for part in parts {
                        out.push(Rich(std::mem::take(&mut cur)));
                        cur.push(Inline::Text(part.to_owned()));
                    }
                }
                other => cur.push(other.clone()),
            }
        }
        out.push(Rich(cur));
        out.into_iter().map(Rich::trimmed).filter(|p| !p.0.is_empty()).collect()
    }

    /// Without white space at either end, nor empty strings.
    pub(crate) fn trimmed(mut self) -> Rich {
        if let Some(Inline::Text(s)) = self.0.first_mut() {
            *s = s.trim_start().to_owned();
        }
        if let Some(Inline::Text(s)) = self.0.last_mut() {
            *s = s.trim_end().to_owned();
        }
        self.0.retain(|i| !matches!(i, Inline::Text(s) if s.is_empty()));
        self
    }
}

/// Where a link goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Elsewhere on the web (`https:`, `http:`) or an address (`mailto:`):
    /// shown to the reader as leaving Folio.
    External(String),
    /// A view of Folio's own, by its address without a language
    /// (`/article/{slug}/`, `/article/{slug}/2/#s-anchor`,
    /// `/section/{id}/`, `/timeline/{id}/{event}/`): shown in the
    /// reader's language mode.
    Folio { route: Route, anchor: Option<String> },
}

/// Why a link may not be followed: a value, so that the app (which
/// only shows such a link's words) carries none of the messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// `https://` or `http://` without an address, or with spaces.
    NotWeb,
    /// `mailto:` without an address, or with spaces.
    NotMail,
    /// Another scheme (`javascript:`, `data:`, …), or a relative path.
    Scheme,
    /// A path that is no view of Folio's, or names a language or an embed.
    NotFolio,
    /// One of Folio's views, written otherwise than Folio writes it.
    NotCanonical(String),
    /// The part after `#` is not an anchor.
    Anchor,
}

impl Refused {
    /// What the validator says of `href`.
    pub fn message(&self, href: &str) -> String {
        const EXPECTED: &str = "expected https://, http://, mailto: or one of Folio's addresses such as /article/{slug}/, /section/{id}/ or /timeline/{id}/{event}/";
        match self {
            Refused::NotWeb => format!("link {href:?} is not a web address"),
            Refused::NotMail => format!("link {href:?} is not an e-mail address"),
            Refused::Scheme => format!("link {href:?} is not allowed; {EXPECTED}"),
            Refused::NotFolio => format!(
                "link {href:?} is not one of Folio's addresses; {EXPECTED} (without a language: the reader's is used)"
            ),
            Refused::NotCanonical(c) => format!("link {href:?}: expected the address as Folio writes it, {c:?}"),
            Refused::Anchor => {
                format!("link {href:?}: the part after # is not an anchor; expected letters, digits and hyphens")
            }
        }
    }
}

impl Target {
    /// Where `href` goes, or why it may not be followed.
    pub fn parse(href: &str) -> Result<Target, Refused> {
        let lower = href.to_ascii_lowercase();
        let spaced = href.contains(char::is_whitespace);
        if lower.starts_with("https://") || lower.starts_with("http://") {
            let host = lower.find("//").map_or(0, |i| i + 2);
            return if href.len() > host && !spaced {
                Ok(Target::External(href.to_owned()))
            } else {
                Err(Refused::NotWeb)
            };
        }
        if lower.starts_with("mailto:") {
            return if href.len() > 7 && !spaced {
                Ok(Target::External(href.to_owned()))
            } else {
                Err(Refused::NotMail)
            };
        }
        let path = href.strip_prefix('/').ok_or(Refused::Scheme)?;
        let (path, anchor) = match path.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (path, None),
        };
        if path.contains(['?', ':', '\\']) || path.split('/').any(|s| s == "..") {
            return Err(Refused::Scheme);
        }
        let given = format!("/{path}");
        let Parsed { route, mode, embed, .. } = Route::parse(&given, "");
        let folio = matches!(route, Route::Listing { .. } | Route::Article { .. } | Route::Timeline { .. });
        if !folio || mode.is_some() || embed {
            return Err(Refused::NotFolio);
        }
        let canonical = route.href();
        if canonical != given && canonical != format!("{given}/") {
            return Err(Refused::NotCanonical(canonical));
        }
        if anchor
            .is_some_and(|a| a.is_empty() || !a.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'))
        {
            return Err(Refused::Anchor);
        }
        Ok(Target::Folio { route, anchor: anchor.map(str::to_owned) })
    }
}

/// The anchor of a subhead whose English words are `words`: `s-` and
/// its ASCII letters and digits, lowercased, runs of anything else as one
/// hyphen, at most 48 characters (`#s-a-new-approach`). Stable while the
/// English heading is; a link names it after `#`.
pub fn anchor(words: &str) -> String {
    let mut out = String::from("s-");
    for c in words.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 50 {
            break;
        }
    }
    let end = out.trim_end_matches('-').len().max(2);
    out.truncate(end);
    if out == "s-" {
        out.push_str("section");
    }
    out
}

/// A block's text in both languages: English always, Chinese once
/// translated. [`Text`]'s counterpart for marked text.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RichText {
    pub en: Rich,
    #[serde(default, deserialize_with = "some_rich", skip_serializing_if = "Option::is_none")]
    pub zh: Option<Rich>,
}

impl RichText {
    /// An English-only plain text, mainly for tests and fixtures.
    pub fn en(s: impl Into<String>) -> Self {
        RichText { en: Rich::plain(s), zh: None }
    }

    /// The text in `lang`, falling back to English, with the language
    /// actually used (as [`Text::get`]).
    pub fn get(&self, lang: Lang) -> (&Rich, Lang) {
        match (lang, &self.zh) {
            (Lang::Zh, Some(zh)) if !zh.is_blank() => (zh, Lang::Zh),
            _ => (&self.en, Lang::En),
        }
    }

    /// The side in `lang` as written: `None` for a missing or blank
    /// translation (no fallback).
    pub fn side(&self, lang: Lang) -> Option<&Rich> {
        match lang {
            Lang::En => Some(&self.en),
            Lang::Zh => self.zh.as_ref().filter(|z| !z.is_blank()),
        }
    }

    /// The words in `lang`, marks dropped, falling back to English.
    pub fn str(&self, lang: Lang) -> String {
        self.get(lang).0.text()
    }

    /// The words in both languages, marks dropped.
    pub fn plain(&self) -> Text {
        Text { en: self.en.text(), zh: self.zh.as_ref().map(Rich::text) }
    }
}

impl From<Text> for RichText {
    fn from(t: Text) -> Self {
        RichText { en: Rich::plain(t.en), zh: t.zh.map(Rich::plain) }
    }
}

impl Serialize for Rich {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [] => s.serialize_str(""),
            [Inline::Text(t)] => s.serialize_str(t),
            items => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
        }
    }
}

impl Serialize for Inline {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (key, inner) = match self {
            Inline::Text(t) => return s.serialize_str(t),
            Inline::Code(t) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("code", t)?;
                return m.end();
            }
            Inline::Link { href, text } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("link", href)?;
                m.serialize_entry("text", text)?;
                return m.end();
            }
            Inline::Em(r) => ("em", r),
            Inline::Strong(r) => ("strong", r),
            Inline::Sup(r) => ("sup", r),
            Inline::Sub(r) => ("sub", r),
        };
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(key, inner)?;
        m.end()
    }
}

// A hand-written visitor, not `#[serde(untagged)]`: the app deserialises
// every article with this code, and untagged enums buffer each value and
// try each variant in turn. One visitor reads a text, an item of it and
// a mark's inside alike (an item is a text of one), so the deserialiser a
// block's fields go through (serde's buffer, for the internally tagged
// `Block`) is instantiated once: each instance is about 4 KB of wasm.

impl<'de> Deserialize<'de> for Rich {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RichVisitor)
    }
}

/// A translation as a [`Rich`] (no `null`: a missing one is left out).
fn some_rich<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Rich>, D::Error> {
    Rich::deserialize(d).map(Some)
}

/// The keys of a mark, for messages.
const KEYS: &[&str] = &["em", "strong", "sup", "sub", "code", "link", "text"];

struct RichVisitor;

impl<'de> Visitor<'de> for RichVisitor {
    type Value = Rich;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, an array of strings and marks, or a mark: {\"em\": …}, {\"strong\": …}, {\"sup\": …}, {\"sub\": …}, {\"code\": \"…\"} or {\"link\": …, \"text\": …}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Rich, E> {
        Ok(Rich::plain(v))
    }

    /// The items, each a string or a mark (an item that is itself an
    /// array is taken as its items).
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Rich, A::Error> {
        let mut items = Vec::new();
        while let Some(Rich(item)) = seq.next_element()? {
            items.extend(item);
        }
        Ok(Rich(items))
    }

    /// One mark, as a text of one item.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Rich, A::Error> {
        let (mut mark, mut href, mut text) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            let wrap: fn(Rich) -> Inline = match key.as_str() {
                "em" => Inline::Em,
                "strong" => Inline::Strong,
                "sup" => Inline::Sup,
                "sub" => Inline::Sub,
                "code" => {
                    mark = Some(Inline::Code(map.next_value()?));
                    continue;
                }
                "link" => {
                    href = Some(map.next_value()?);
                    continue;
                }
                "text" => {
                    text = Some(map.next_value()?);
                    continue;
                }
                other => return Err(de::Error::unknown_field(other, KEYS)),
            };
            if mark.is_some() {
                return Err(de::Error::duplicate_field("mark (nest marks instead)"));
            }
            mark = Some(wrap(map.next_value()?));
        }
        let item = match (mark, href, text) {
            (Some(m), None, None) => m,
            (None, Some(href), Some(text)) => Inline::Link { href, text },
            (None, Some(_), None) => return Err(de::Error::missing_field("text")),
            (None, None, None) => return Err(de::Error::missing_field("em")),
            (None, None, Some(_)) => return Err(de::Error::missing_field("link")),
            _ => return Err(de::Error::duplicate_field("mark (a link has \"link\" and \"text\" only)")),
        };
        Ok(Rich(vec![item]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rich(json: &str) -> Rich {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_plain_string_is_one_run_and_stays_a_string() {
        let r = rich(r#""Plain words.""#);
        assert_eq!(r, Rich::plain("Plain words."));
        assert_eq!(serde_json::to_string(&r).unwrap(), r#""Plain words.""#);
    }

    #[test]
    fn marks_nest_and_round_trip() {
        let json = r#"["Abe met ",{"em":["Putin in ",{"strong":"Sochi"}]},{"sup":"1"}," ",{"code":"x<y"},{"link":"https://example.com/a","text":["the ",{"em":"story"}]}]"#;
        let r = rich(json);
        assert_eq!(r.text(), "Abe met Putin in Sochi1 x<ythe story");
        assert_eq!(serde_json::to_string(&r).unwrap(), json);
    }

    #[test]
    fn bad_marks_say_what_was_expected() {
        for (json, says) in [
            (
                r#"[{"blink":"x"}]"#,
                "unknown field `blink`, expected one of `em`, `strong`, `sup`, `sub`, `code`, `link`, `text`",
            ),
            (r#"[{"em":"x","strong":"y"}]"#, "duplicate field `mark (nest marks instead)`"),
            (r#"[{"link":"https://a.b/"}]"#, "missing field `text`"),
            (r#"[{"text":"x"}]"#, "missing field `link`"),
            (r#"[{}]"#, "missing field `em`"),
            (r#"[3]"#, "a string, an array of strings and marks, or a mark"),
            (r#"[{"code":["x"]}]"#, "string"),
        ] {
            let e = serde_json::from_str::<Rich>(json).unwrap_err().to_string();
            assert!(e.contains(says), "{json}: {e}");
        }
    }

    #[test]
    fn paragraphs_split_at_blank_lines_outside_marks() {
        let r = rich(r#"["One ",{"em":"a\n\nb"}," end.\n\n  Two.\n\n\n\n",{"strong":"Three"}]"#);
        let p = r.paragraphs();
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].text(), "One a\n\nb end.");
        assert_eq!(p[1], Rich::plain("Two."));
        assert_eq!(p[2].0, vec![Inline::Strong(Rich::plain("Three"))]);
        assert!(rich(r#"" \n\n ""#).paragraphs().is_empty());
    }

    #[test]
    fn a_blank_translation_falls_back_to_english() {
        let t: RichText = serde_json::from_str(r#"{"en":["Hi ",{"em":"there"}],"zh":[" ",{"em":" "}]}"#).unwrap();
        assert_eq!(t.get(Lang::Zh).1, Lang::En);
        assert_eq!(t.side(Lang::Zh), None);
        assert_eq!(t.str(Lang::Zh), "Hi there");
        assert_eq!(t.plain().en, "Hi there");
    }

    #[test]
    fn anchors_are_url_safe_and_stable() {
        assert_eq!(anchor("A new approach, in Sochi (2016)"), "s-a-new-approach-in-sochi-2016");
        assert_eq!(anchor("  «Islands» — 北方领土  "), "s-islands");
        assert_eq!(anchor("北方领土"), "s-section");
        assert!(anchor(&"word ".repeat(40)).len() <= 50);
        assert!(!anchor(&"word ".repeat(40)).ends_with('-'));
    }

    #[test]
    fn link_targets() {
        for ok in ["https://example.com/x?y=1#z", "http://a.b", "HTTPS://A.B/", "mailto:desk@example.com"] {
            assert_eq!(Target::parse(ok), Ok(Target::External(ok.into())), "{ok}");
        }
        let t = Target::parse("/article/a-story/2/#s-the-talks").unwrap();
        assert_eq!(
            t,
            Target::Folio {
                route: Route::Article { slug: "a-story".into(), page: crate::PageSel::Page(2) },
                anchor: Some("s-the-talks".into())
            }
        );
        assert!(matches!(Target::parse("/section/opinion/"), Ok(Target::Folio { .. })));
        assert!(matches!(Target::parse("/timeline/japan-russia-summits/2016-05-sochi/"), Ok(Target::Folio { .. })));
        assert!(matches!(Target::parse("/"), Ok(Target::Folio { .. })));
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "//evil.example/",
            "article/x/",
            "ftp://x.y/",
            "https://",
            "https:// spaced.example/",
            "mailto:",
            "/zh/article/x/",
            "/embed/article/x/",
            "/search/",
            "/article/x/two/",
            "/nowhere/",
            "/article/x/?q=1",
            "/article/x/#a b",
            "/article/../../etc/",
            "",
        ] {
            assert!(Target::parse(bad).is_err(), "{bad:?} was allowed");
        }
    }
}
