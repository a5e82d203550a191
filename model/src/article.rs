//! One article: its metadata and the publisher's pages of blocks.

use crate::catalog::ArticleEntry;
use crate::paging::{PageSel, Resolved};
use crate::reading;
use crate::rich::{Rich, RichText};
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

/// The widths, in CSS pixels of a 1× screen or device pixels of a 2×
/// one, at which `dist` writes a copy of each raster figure in the
/// content folder (JPEG or PNG), as WebP and in the original's format:
/// a phone's column, a desk's, and a desk's at 2×. Each narrower than the
/// figure's own width; the original is the widest choice.
pub const RESIZED_WIDTHS: [u32; 3] = [480, 960, 1440];

/// What a figure takes of the screen's width, for the browser to choose
/// among the copies before layout: the page's margins on a phone, the
/// text column (`--measure`, 80ch at most) on a desk.
pub const FIGURE_SIZES: &str = "(max-width: 760px) calc(100vw - 2rem), 720px";

/// One resized copy of a raster figure: its width, and its two files
/// (paths inside the content folder).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resized {
    pub width: u32,
    pub webp: String,
    /// In the original's format, for a browser without WebP.
    pub fallback: String,
}

/// The copies `dist` writes of the figure file `path` (a content-folder
/// path, see [`asset_ref`]) of intrinsic width `width`, narrowest first,
/// the full width last (its fallback is the original itself). Empty for
/// a file that is not JPEG or PNG (SVG stays as it is, a WebP or GIF as
/// given) and for a remote one. The app and `dist` both call this: the
/// names are derived, never stored.
pub fn resized(path: &str, width: u32) -> Vec<Resized> {
    let Some((stem, ext)) = path.rsplit_once('.') else { return Vec::new() };
    let ext = ext.to_ascii_lowercase();
    if !matches!(ext.as_str(), "jpg" | "jpeg" | "png") || asset_ref(path) != Some(AssetRef::Local(path)) {
        return Vec::new();
    }
    let copy = |w: u32, e: &str| crate::files::resized(stem, w, e);
    // A PNG's narrower copies as PNG would cost more than they save (a
    // photo in PNG can grow when scaled; every current browser takes the
    // WebP): its fallback is the original at every width.
    let fallback = |w: u32| if ext == "png" { path.to_owned() } else { copy(w, &ext) };
    let mut out: Vec<Resized> = RESIZED_WIDTHS
        .iter()
        .filter(|&&w| w < width)
        .map(|&w| Resized { width: w, webp: copy(w, "webp"), fallback: fallback(w) })
        .collect();
    out.push(Resized { width, webp: copy(width, "webp"), fallback: path.to_owned() });
    out
}

/// The `srcset`s of a raster figure's copies (see [`resized`]), as paths
/// from the bundle root: the WebP ones, and those in the original's
/// format if there are any besides the original (a PNG has none: its
/// `<img>` needs only its `src`, which saves each page a line per
/// figure). `None` for a figure with no copies.
pub fn srcsets(path: &str, width: u32) -> Option<(String, Option<String>)> {
    let copies = resized(path, width);
    if copies.is_empty() {
        return None;
    }
    let (mut webp, mut fallback) = (String::new(), String::new());
    let last = copies.len() - 1;
    for (i, c) in copies.iter().enumerate() {
        for (set, file) in [(&mut webp, &c.webp), (&mut fallback, &c.fallback)] {
            // The original is named once, at its own width.
            if i < last && file == path {
                continue;
            }
            if !set.is_empty() {
                set.push_str(", ");
            }
            set.push_str(&crate::files::in_bundle(file));
            set.push(' ');
            set.push_str(&c.width.to_string());
            set.push('w');
        }
    }
    let only_the_original = copies.iter().all(|c| c.fallback == path);
    Some((webp, (!only_the_original).then_some(fallback)))
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
    /// A list, bulleted or numbered. An item may hold a list of its own,
    /// one level deep: deeper nesting is not a newspaper's, and the type
    /// cannot say it.
    List {
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        ordered: bool,
        items: Vec<Item>,
    },
    /// A figure between paragraphs, with the lead figure's fields.
    Figure(Figure),
    /// A note or aside, set apart from the text (an editor's note, a
    /// correction, a box of background).
    Note {
        text: RichText,
    },
}

/// One item of a [`Block::List`]: its text in both languages, and the
/// items of its own list, if it has one (bulleted or numbered as its
/// parent). In a content file, a text with its items beside it:
/// `{"en": "Two", "zh": "二", "items": [{"en": "Two a"}]}`. The type
/// would nest deeper; the validator allows one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    #[serde(flatten)]
    pub text: RichText,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

/// Read by hand, as a [`RichText`] with one more key: one reader for an
/// item at any depth (each `Vec` of another type is code of its own).
impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        const KEYS: &[&str] = &["en", "zh", "items"];
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Item;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list item: {\"en\": …, \"zh\": …, \"items\": […]}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Item, A::Error> {
                let (mut en, mut zh, mut items) = (None, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let twice = match key.as_str() {
                        "en" => en.replace(map.next_value::<Rich>()?).is_some(),
                        "zh" => zh.replace(map.next_value::<Rich>()?).is_some(),
                        "items" => items.replace(map.next_value::<Vec<Item>>()?).is_some(),
                        other => return Err(de::Error::unknown_field(other, KEYS)),
                    };
                    if twice {
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                }
                let en = en.ok_or_else(|| de::Error::missing_field("en"))?;
                Ok(Item { text: RichText { en, zh }, items: items.unwrap_or_default() })
            }
        }
        d.deserialize_map(V)
    }
}

/// A block's keys, for messages.
const BLOCK_KEYS: &[&str] =
    &["type", "text", "events", "cite", "ordered", "items", "src", "width", "height", "alt", "caption", "credit"];

/// A block's `type`.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Paragraph,
    Subhead,
    Quote,
    List,
    Figure,
    Note,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Paragraph => "paragraph",
            Kind::Subhead => "subhead",
            Kind::Quote => "quote",
            Kind::List => "list",
            Kind::Figure => "figure",
            Kind::Note => "note",
        }
    }

    /// The keys a block of this kind may have besides `type`.
    fn keys(self) -> &'static [&'static str] {
        match self {
            Kind::Paragraph => &["text", "events"],
            Kind::Subhead | Kind::Note => &["text"],
            Kind::Quote => &["text", "cite"],
            Kind::List => &["ordered", "items"],
            Kind::Figure => &["src", "width", "height", "alt", "caption", "credit"],
        }
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Block;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a block: {\"type\": \"paragraph\" (or \"subhead\", \"quote\", \"list\", \"figure\", \"note\"), …}",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
                let (mut kind, mut text, mut events, mut cite) = (None::<Kind>, None, None, None);
                let (mut ordered, mut items) = (None, None);
                let (mut src, mut width, mut height, mut alt, mut caption, mut credit) =
                    (None, None, None, None, None, None);
                let mut given: Vec<&'static str> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let name = BLOCK_KEYS
                        .iter()
                        .find(|k| **k == key)
                        .ok_or_else(|| de::Error::unknown_field(&key, BLOCK_KEYS))?;
                    if given.contains(name) {
                        return Err(de::Error::duplicate_field(name));
                    }
                    given.push(name);
                    match *name {
                        "type" => kind = Some(map.next_value()?),
                        "text" => text = Some(map.next_value()?),
                        "events" => events = Some(map.next_value()?),
                        "cite" => cite = Some(map.next_value()?),
                        "ordered" => ordered = Some(map.next_value()?),
                        "items" => items = Some(map.next_value()?),
                        "src" => src = Some(map.next_value()?),
                        "width" => width = Some(map.next_value()?),
                        "height" => height = Some(map.next_value()?),
                        "alt" => alt = Some(map.next_value()?),
                        "caption" => caption = Some(map.next_value()?),
                        _ => credit = Some(map.next_value()?),
                    }
                }
                let kind = kind.ok_or_else(|| de::Error::missing_field("type"))?;
                // Another kind of block's keys are as wrong here as a typo.
                if let Some(key) = given.iter().find(|k| **k != "type" && !kind.keys().contains(k)) {
                    return Err(de::Error::custom(format_args!(
                        "a {} has no {key:?}; its keys are \"type\", \"{}\"",
                        kind.name(),
                        kind.keys().join("\", \"")
                    )));
                }
                fn need<T, E: de::Error>(v: Option<T>, key: &'static str) -> Result<T, E> {
                    v.ok_or_else(|| E::missing_field(key))
                }
                Ok(match kind {
                    Kind::Paragraph => {
                        Block::Paragraph { text: need(text, "text")?, events: events.unwrap_or_default() }
                    }
                    Kind::Subhead => Block::Subhead { text: need(text, "text")? },
                    Kind::Quote => Block::Quote { text: need(text, "text")?, cite },
                    Kind::Note => Block::Note { text: need(text, "text")? },
                    Kind::List => Block::List { ordered: ordered.unwrap_or(false), items: need(items, "items")? },
                    Kind::Figure => Block::Figure(Figure {
                        src: need(src, "src")?,
                        width: need(width, "width")?,
                        height: need(height, "height")?,
                        alt: need(alt, "alt")?,
                        caption: need(caption, "caption")?,
                        credit: need(credit, "credit")?,
                    }),
                })
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

    /// The block's marked texts in reading order: one for a paragraph,
    /// subhead, quote or note; each item's for a list (an item's own items
    /// after it); none for a figure, whose words are plain
    /// ([`Block::words`] has its caption).
    pub fn texts(&self) -> Vec<&RichText> {
        match self {
            Block::Paragraph { text, .. }
            | Block::Subhead { text }
            | Block::Quote { text, .. }
            | Block::Note { text } => {
                vec![text]
            }
            Block::List { items, .. } => {
                fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a RichText>) {
                    for i in items {
                        out.push(&i.text);
                        walk(&i.items, out);
                    }
                }
                let mut out = Vec::new();
                walk(items, &mut out);
                out
            }
            Block::Figure(_) => Vec::new(),
        }
    }

    /// The block's words in both languages, marks dropped, its texts
    /// joined by a line break; a figure's caption. What search indexes and
    /// quotes, and what reading time counts.
    pub fn words(&self) -> Text {
        if let Block::Figure(f) = self {
            return f.caption.clone();
        }
        let texts = self.texts();
        let en: Vec<String> = texts.iter().map(|t| t.en.text()).collect();
        let zh: Vec<String> = texts.iter().filter_map(|t| t.side(Lang::Zh).map(Rich::text)).collect();
        Text { en: en.join("\n"), zh: (!zh.is_empty()).then(|| zh.join("\n")) }
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
        // A figure's caption is read too, but not worth its code here.
        let texts: Vec<String> = self.blocks(sel).into_iter().flat_map(Block::texts).map(|t| t.str(lang)).collect();
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
            (
                r#"{"type": "subhead", "text": {"en": "S"}, "events": ["x"]}"#,
                "a subhead has no \"events\"; its keys are \"type\", \"text\"",
            ),
            (r#"{"type": "paragraph", "text": {"en": "P"}, "cite": {"en": "C"}}"#, "a paragraph has no \"cite\""),
            (
                r#"{"type": "list", "items": [], "text": {"en": "P"}}"#,
                "a list has no \"text\"; its keys are \"type\", \"ordered\", \"items\"",
            ),
            (
                r#"{"type": "list", "items": [{"en": "a", "text": "b"}]}"#,
                "unknown field `text`, expected one of `en`, `zh`, `items`",
            ),
            (r#"{"type": "list", "items": [{"zh": "甲"}]}"#, "missing field `en`"),
            (
                r#"{"type": "figure", "src": "figures/a.jpg", "width": 4, "height": 3, "alt": {"en": "A"}, "caption": {"en": "C"}}"#,
                "missing field `credit`",
            ),
            (r#"{"type": "paragraph", "text": {"en": "P"}, "text": {"en": "Q"}}"#, "duplicate field `text`"),
            (r#"{"type": "aside", "text": {"en": "P"}}"#, "unknown variant `aside`"),
            (r#"{"type": "note", "text": {"en": "P"}, "type": "note"}"#, "duplicate field `type`"),
            (r#"{"type": "paragraph", "txt": {"en": "P"}}"#, "unknown field `txt`"),
            (r#"{"type": "paragraph"}"#, "missing field `text`"),
            (r#"{"text": {"en": "P"}}"#, "missing field `type`"),
        ] {
            let e = serde_json::from_str::<Block>(json).unwrap_err().to_string();
            assert!(e.contains(says), "{json}: {e}");
        }
    }

    #[test]
    fn lists_figures_and_notes_are_blocks_that_round_trip() {
        let json = r#"[
            {"type": "list", "ordered": true, "items": [
                {"en": "One", "zh": "一"},
                {"items": [{"en": "Two a"}, {"en": "Two b", "zh": "二乙"}], "en": "Two"}
            ]},
            {"type": "list", "items": [{"en": "Bullet"}]},
            {"type": "figure", "src": "figures/a.jpg", "width": 1600, "height": 900,
             "alt": {"en": "A pier"}, "caption": {"en": "The pier", "zh": "码头"}, "credit": {"en": "Folio"}},
            {"type": "note", "text": {"en": "Corrected on 8 September.", "zh": "九月八日更正。"}}
        ]"#;
        let blocks: Vec<Block> = serde_json::from_str(json).unwrap();
        let Block::List { ordered: true, items } = &blocks[0] else { panic!("{:?}", blocks[0]) };
        assert_eq!(items[1].items[1].text.str(Lang::Zh), "二乙");
        assert!(matches!(&blocks[1], Block::List { ordered: false, .. }), "bulleted unless said");
        let texts: Vec<String> = blocks[0].texts().iter().map(|t| t.en.text()).collect();
        assert_eq!(texts, ["One", "Two", "Two a", "Two b"], "an item's own items after it");
        assert_eq!(blocks[0].words().zh.as_deref(), Some("一\n二乙"));
        assert!(blocks[2].texts().is_empty());
        assert_eq!(blocks[2].words().get(Lang::Zh).0, "码头", "a figure's words are its caption");
        assert_eq!(blocks[3].words().en, "Corrected on 8 September.");
        let back: Vec<Block> = serde_json::from_str(&serde_json::to_string(&blocks).unwrap()).unwrap();
        assert_eq!(back, blocks);
        assert!(!serde_json::to_string(&blocks[1]).unwrap().contains("ordered"), "written as it is read");
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
    fn a_raster_figure_has_copies_narrower_than_itself_and_an_svg_none() {
        let r = resized("figures/pier.JPG", 1200);
        let widths: Vec<u32> = r.iter().map(|c| c.width).collect();
        assert_eq!(widths, [480, 960, 1200]);
        assert_eq!(r[0].webp, "derived/resized/figures/pier-480.webp");
        assert_eq!(r[0].fallback, "derived/resized/figures/pier-480.jpg");
        assert_eq!(r[2].webp, "derived/resized/figures/pier-1200.webp");
        assert_eq!(r[2].fallback, "figures/pier.JPG", "the original is the widest fallback");
        let (webp, fallback) = srcsets("figures/pier.jpg", 1000).unwrap();
        assert_eq!(webp, "content/derived/resized/figures/pier-480.webp 480w, content/derived/resized/figures/pier-960.webp 960w, content/derived/resized/figures/pier-1000.webp 1000w");
        assert_eq!(
            fallback.as_deref(),
            Some("content/derived/resized/figures/pier-480.jpg 480w, content/derived/resized/figures/pier-960.jpg 960w, content/figures/pier.jpg 1000w")
        );
        assert_eq!(srcsets("figures/map.svg", 1000), None);
        assert_eq!(resized("figures/a.png", 300).iter().map(|c| c.width).collect::<Vec<_>>(), [300]);
        let png = resized("figures/a.png", 1000);
        assert!(png.iter().all(|c| c.fallback == "figures/a.png"), "a PNG falls back to itself");
        assert_eq!(srcsets("figures/a.png", 1000).unwrap().1, None, "a PNG's <img> needs only its src");
        assert_eq!(resized("figures/a.png", 300)[0].webp, "derived/resized/figures/a-300.webp");
        for none in ["figures/map.svg", "figures/a.webp", "https://example.org/a.jpg", "../a.jpg", "noext"] {
            assert!(resized(none, 2000).is_empty(), "{none}");
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
