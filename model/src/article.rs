//! One article: its metadata and the publisher's pages of blocks.

use crate::catalog::ArticleEntry;
use crate::paging::{PageSel, Resolved};
use crate::reading;
use crate::rich::RichText;
use crate::text::{Lang, Text};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};

/// An article as stored in `content/articles/{slug}.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Stable identifier; equals the file name and appears in every URL.
    pub slug: String,
    /// Id of a section listed in the catalog ("opinion").
    pub section: String,
    /// The column or author shown after the section in the crumb.
    pub column: Text,
    pub headline: Text,
    /// One or two sentences for listings and share cards.
    pub summary: Text,
    /// Ids of the editions that carry the article (the edition bar's
    /// listings); none puts it only in "Latest" and its section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<String>,
    pub byline: Byline,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    /// The publisher's page breaks, in order. Each page is a list of blocks.
    pub pages: Vec<Vec<Block>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Byline {
    pub author: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// The lead figure. `width` and `height` are the intrinsic size, so the page
/// can reserve the space before the image arrives (no layout shift).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The image: a path relative to the `content/` folder or an
    /// `https://` URL, one for every language or one per language.
    pub src: FigureSrc,
    pub width: u32,
    pub height: u32,
    pub alt: Text,
    pub caption: Text,
    pub credit: Text,
}

/// A figure's file: one for every language (`"figures/map.svg"`), or one
/// per language (`{"en": "figures/map.svg", "zh": "figures/map.zh.svg"}`)
/// for a picture with words in it, such as a map's labels. A language
/// without its own file shows the English one, as [`Text`] falls back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureSrc(pub Text);

impl FigureSrc {
    /// The same file in every language.
    pub fn one(src: impl Into<String>) -> FigureSrc {
        FigureSrc(Text::en(src))
    }

    /// The file for `lang`, and the language its words are in.
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        self.0.get(lang)
    }

    /// Every file named, with the language it is for: what the validator
    /// checks and "Keep for offline" saves.
    pub fn files(&self) -> impl Iterator<Item = (Lang, &str)> {
        let zh = self.0.zh.as_deref().filter(|z| !z.trim().is_empty());
        std::iter::once((Lang::En, self.0.en.as_str())).chain(zh.map(|z| (Lang::Zh, z)))
    }

    /// Whether the file differs by language (a figure per language).
    pub fn per_language(&self) -> bool {
        self.files().count() > 1
    }
}

/// One path stays a string when written back, so a file that never named
/// two round-trips unchanged.
impl Serialize for FigureSrc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0.zh {
            None => s.serialize_str(&self.0.en),
            Some(_) => self.0.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FigureSrc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = FigureSrc;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(r#"a path or URL, or one per language such as {"en": "figures/map.svg", "zh": "figures/map.zh.svg"}"#)
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<FigureSrc, E> {
                Ok(FigureSrc::one(s))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<FigureSrc, A::Error> {
                // The same rules as every text: "en" required, no unknown keys.
                Text::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(FigureSrc)
            }
        }
        d.deserialize_any(Either)
    }
}

/// Where a figure's `src` points, once checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssetRef<'a> {
    /// An absolute http(s) URL.
    Remote(&'a str),
    /// A path inside the content folder, with no way out of it.
    Local(&'a str),
}

/// Classifies a `src`. `None` for anything else (`javascript:`, `data:`,
/// `/etc/…`, `../`), which is never rendered and fails validation: content
/// strings must not choose where the browser goes beyond http(s).
pub fn asset_ref(src: &str) -> Option<AssetRef<'_>> {
    if src.starts_with("https://") || src.starts_with("http://") {
        return (!src.contains(char::is_whitespace)).then_some(AssetRef::Remote(src));
    }
    let bad = src.is_empty()
        || src.starts_with('/')
        || src.contains([':', '\\', '?', '#'])
        || src.split('/').any(|s| s.is_empty() || s == ".." || s == ".");
    (!bad).then_some(AssetRef::Local(src))
}

/// One block of article text: `{"type": "paragraph", "text": …}`.
///
/// Read by hand ([`Block`]'s `Deserialize`), not by serde's internally
/// tagged enums, which buffer each block and then read every field a
/// second time from the buffer: the same JSON, with about 4 KB less wasm
/// per field type and no copy of each block.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        text: RichText,
        /// Ids of the timeline events the paragraph mentions. Cross-links in
        /// both directions are derived from these ids, never written twice.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        events: Vec<String>,
    },
    Subhead {
        text: RichText,
    },
    Quote {
        text: RichText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cite: Option<Text>,
    },
}

/// A block's keys, for messages.
const BLOCK_KEYS: &[&str] = &["type", "text", "events", "cite"];

/// A block's `type`.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Paragraph,
    Subhead,
    Quote,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Block;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a block: {\"type\": \"paragraph\" (or \"subhead\", \"quote\"), \"text\": …}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
                let (mut kind, mut text, mut events, mut cite) = (None, None, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let (name, twice) = match key.as_str() {
                        "type" => ("type", kind.replace(map.next_value()?).is_some()),
                        "text" => ("text", text.replace(map.next_value()?).is_some()),
                        "events" => ("events", events.replace(map.next_value()?).is_some()),
                        "cite" => ("cite", cite.replace(map.next_value()?).is_some()),
                        other => return Err(de::Error::unknown_field(other, BLOCK_KEYS)),
                    };
                    if twice {
                        return Err(de::Error::duplicate_field(name));
                    }
                }
                let kind = kind.ok_or_else(|| de::Error::missing_field("type"))?;
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                // Another kind of block's keys are as wrong here as a typo.
                let only = |ok: bool, what: &'static str| if ok { Ok(()) } else { Err(de::Error::custom(what)) };
                const EVENTS: &str = "only a paragraph has \"events\"";
                const CITE: &str = "only a quote has \"cite\"";
                match kind {
                    Kind::Paragraph => {
                        only(cite.is_none(), CITE)?;
                        Ok(Block::Paragraph { text, events: events.unwrap_or_default() })
                    }
                    Kind::Subhead => {
                        only(cite.is_none(), CITE)?;
                        only(events.is_none(), EVENTS)?;
                        Ok(Block::Subhead { text })
                    }
                    Kind::Quote => {
                        only(events.is_none(), EVENTS)?;
                        Ok(Block::Quote { text, cite })
                    }
                }
            }
        }
        d.deserialize_map(V)
    }
}

impl Block {
    /// A subhead's anchor (`#s-…`, see [`crate::rich::anchor`]), from its
    /// English words; `None` for other blocks.
    pub fn anchor(&self) -> Option<String> {
        match self {
            Block::Subhead { text } => Some(crate::rich::anchor(&text.en.text())),
            _ => None,
        }
    }

    /// The block's main text, whatever its kind.
    pub fn text(&self) -> &RichText {
        match self {
            Block::Paragraph { text, .. } | Block::Subhead { text } | Block::Quote { text, .. } => text,
        }
    }
}

impl Article {
    /// What listings show of this article. Its file is the one place the
    /// entry is written, so adding an article is adding one file.
    pub fn entry(&self) -> ArticleEntry {
        ArticleEntry {
            slug: self.slug.clone(),
            headline: self.headline.clone(),
            section: self.section.clone(),
            published: self.published,
            summary: self.summary.clone(),
            editions: self.editions.clone(),
        }
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Resolves a requested page against this article's pages.
    pub fn resolve(&self, sel: PageSel) -> Resolved {
        sel.resolve(self.page_count())
    }

    /// The blocks to show for a resolved selection; `All` joins every page.
    pub fn blocks(&self, sel: PageSel) -> Vec<&Block> {
        match sel {
            PageSel::All => self.pages.iter().flatten().collect(),
            PageSel::Page(n) => self.pages.get(n - 1).map(|p| p.iter().collect()).unwrap_or_default(),
        }
    }

    /// The whole-article index of the first block shown for `sel`: the
    /// blocks of the pages before it. Block ids carry it, so the same id
    /// names the same passage on a page, in "view all" and in every mode.
    /// 0 for `All` and for a page the article does not have.
    pub fn first_block(&self, sel: PageSel) -> usize {
        match sel {
            PageSel::Page(n) if (1..=self.pages.len()).contains(&n) => self.pages[..n - 1].iter().map(Vec::len).sum(),
            PageSel::Page(_) | PageSel::All => 0,
        }
    }

    /// The time of the last change: `updated` if given, else `published`.
    pub fn updated_or_published(&self) -> Timestamp {
        self.updated.unwrap_or(self.published)
    }

    /// Estimated minutes to read the blocks of `sel` in `lang`.
    pub fn reading_minutes(&self, sel: PageSel, lang: Lang) -> u32 {
        let texts: Vec<String> = self.blocks(sel).into_iter().map(|b| b.text().str(lang)).collect();
        reading::minutes(texts.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_read_whatever_its_keys_order_and_refuses_what_its_kind_has_not() {
        let b: Block = serde_json::from_str(r#"{"events": ["x"], "text": {"en": "T"}, "type": "paragraph"}"#).unwrap();
        assert_eq!(b, Block::Paragraph { text: RichText::en("T"), events: vec!["x".into()] });
        let b: Block = serde_json::from_str(r#"{"type": "quote", "text": {"en": "Q"}, "cite": {"en": "C"}}"#).unwrap();
        assert_eq!(b, Block::Quote { text: RichText::en("Q"), cite: Some(Text::en("C")) });
        for (json, says) in [
            (r#"{"type": "subhead", "text": {"en": "S"}, "events": ["x"]}"#, "only a paragraph has \"events\""),
            (r#"{"type": "paragraph", "text": {"en": "P"}, "cite": {"en": "C"}}"#, "only a quote has \"cite\""),
            (r#"{"type": "paragraph", "text": {"en": "P"}, "text": {"en": "Q"}}"#, "duplicate field `text`"),
            (r#"{"type": "aside", "text": {"en": "P"}}"#, "unknown variant `aside`"),
            (r#"{"type": "paragraph", "txt": {"en": "P"}}"#, "unknown field `txt`"),
            (r#"{"type": "paragraph"}"#, "missing field `text`"),
            (r#"{"text": {"en": "P"}}"#, "missing field `type`"),
        ] {
            let e = serde_json::from_str::<Block>(json).unwrap_err().to_string();
            assert!(e.contains(says), "{json}: {e}");
        }
    }

    /// The test fixtures' article, given a third page: pages of 1, 3 and 2
    /// blocks.
    fn three_pages() -> Article {
        let mut a = crate::parse::article(include_str!("../tests/fixtures/good/articles/ok.json")).unwrap();
        a.pages.push(a.pages[1][..2].to_vec());
        a
    }

    #[test]
    fn a_figure_names_one_file_or_one_per_language() {
        let one: FigureSrc = serde_json::from_str(r#""figures/map.svg""#).unwrap();
        assert_eq!(one.get(Lang::Zh), ("figures/map.svg", Lang::En), "Chinese shows the one file");
        assert!(!one.per_language());
        assert_eq!(serde_json::to_string(&one).unwrap(), r#""figures/map.svg""#, "written back as it was");
        let two: FigureSrc = serde_json::from_str(r#"{"en": "figures/map.svg", "zh": "figures/map.zh.svg"}"#).unwrap();
        assert_eq!(two.get(Lang::Zh), ("figures/map.zh.svg", Lang::Zh));
        assert_eq!(two.get(Lang::En), ("figures/map.svg", Lang::En));
        assert_eq!(two.files().collect::<Vec<_>>(), [(Lang::En, "figures/map.svg"), (Lang::Zh, "figures/map.zh.svg")]);
        assert_eq!(serde_json::from_str::<FigureSrc>(&serde_json::to_string(&two).unwrap()).unwrap(), two);
        let typo = serde_json::from_str::<FigureSrc>(r#"{"en": "a.svg", "zn": "b.svg"}"#).unwrap_err();
        assert!(typo.to_string().contains("zn"), "{typo}");
        let number = serde_json::from_str::<FigureSrc>("3").unwrap_err();
        assert!(number.to_string().contains("one per language"), "{number}");
    }

    #[test]
    fn the_first_block_of_a_page_counts_the_pages_before_it() {
        let a = three_pages();
        let firsts: Vec<usize> = (1..=3).map(|n| a.first_block(PageSel::Page(n))).collect();
        assert_eq!(firsts, [0, 1, 4]);
        assert_eq!(a.first_block(PageSel::All), 0);
        assert_eq!(a.first_block(PageSel::Page(4)), 0, "out of range");
        assert_eq!(a.first_block(PageSel::Page(0)), 0, "out of range");
    }

    #[test]
    fn a_block_index_names_the_same_block_on_its_page_and_in_view_all() {
        let a = three_pages();
        let all = a.blocks(PageSel::All);
        for n in 1..=a.page_count() {
            let first = a.first_block(PageSel::Page(n));
            for (i, block) in a.blocks(PageSel::Page(n)).into_iter().enumerate() {
                assert!(std::ptr::eq(block, all[first + i]), "page {n}, block {i}");
            }
        }
    }

    #[test]
    fn asset_refs_stay_inside_content_or_on_http() {
        assert_eq!(asset_ref("figures/map.svg"), Some(AssetRef::Local("figures/map.svg")));
        assert_eq!(asset_ref("https://example.org/a.png"), Some(AssetRef::Remote("https://example.org/a.png")));
        for bad in [
            "",
            "/etc/passwd",
            "../x.svg",
            "figures/../../x",
            "javascript:alert(1)",
            "data:image/svg+xml,<svg>",
            "a//b",
            "C:\\x",
            "x.svg?y",
        ] {
            assert_eq!(asset_ref(bad), None, "{bad}");
        }
    }
}
