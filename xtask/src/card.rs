//! Share cards: the picture a link preview shows for an article or a
//! timeline, one per language, as a 1200×630 PNG.
//!
//! Link previews (Facebook, X, LinkedIn, chat apps) do not render SVG, so
//! the lead figure cannot be the preview itself. The card is drawn here as
//! an SVG of our own (headline, section, byline, and the figure beside
//! them, or a timeline's meetings as dots on an axis) and rendered by
//! `resvg`, which is pure Rust: no browser, no system library, and the
//! same pixels on every machine that has the fonts.
//!
//! Text is laid out here, since SVG does not wrap: [`wrap`] breaks lines by
//! the font's own advance widths, so a headline never runs off the card.

use crate::dist::{digest, Manifest};
use crate::error::{Error, Result};
use crate::output::{parallel, Output};
use folio_model::article::{asset_ref, AssetRef};
use folio_model::head::{card_path, CardOf};
use folio_model::text::Lang;
use folio_model::timeline::scale::Scale;
use folio_model::timeline::Timeline;
use folio_model::{ui, Article, Catalog, Mode};
use resvg::{tiny_skia, usvg};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The drawing's own code: a card is drawn again when this file changes
/// (and only then, not whenever xtask is rebuilt, as the routes are: an
/// archive's cards take minutes).
const DRAWING: &str = include_str!("card.rs");

/// The families the card is set in (Debian's `fonts-noto-cjk`): one serif
/// and one sans, each with Latin and Chinese, so neither language falls
/// back to a face that lacks its glyphs.
const SERIF: &str = "Noto Serif CJK SC";
const SANS: &str = "Noto Sans CJK SC";

const W: f32 = 1200.0;
const H: f32 = 630.0;
const MARGIN: f32 = 64.0;
const ACCENT: &str = "#b3121b";
const INK: &str = "#1d1d1f";
const INK_SOFT: &str = "#4a4a4f";
const PAPER_ALT: &str = "#f6f5f2";

/// Writes every article's and timeline's card in each language: only
/// those whose inputs changed since the last build (`Manifest`), since
/// drawing one is the slowest thing `dist` does per article. The fonts are
/// loaded only if a card is drawn.
pub fn write_all(
    out: &Output,
    catalog: &Catalog,
    articles: &[Article],
    timelines: &[Timeline],
    content: &Path,
) -> Result {
    let manifest = Manifest::load(out.root(), "cards");
    // Each job holds its article or timeline: no lookup per card, which
    // over an archive would be quadratic.
    enum Of<'a> {
        Article(&'a Article),
        Timeline(&'a Timeline),
    }
    let mut jobs: Vec<(Of, Lang)> = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        jobs.extend(articles.iter().map(|a| (Of::Article(a), lang)));
        jobs.extend(timelines.iter().map(|t| (Of::Timeline(t), lang)));
    }
    let fonts: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();
    let drawn = std::sync::atomic::AtomicUsize::new(0);
    parallel(&jobs, "share cards", |(item, lang)| {
        let lang = *lang;
        let (card, of) = match item {
            Of::Article(a) => (Card::of_article(catalog, a, lang), CardOf::Article(&a.slug)),
            Of::Timeline(t) => (Card::of_timeline(catalog, t, lang), CardOf::Timeline(&t.id)),
        };
        let rel = card_path(of, lang);
        if manifest.unchanged(&rel, &card.key(content)) && out.keep(&rel) {
            return Ok(());
        }
        let fonts = fonts.get_or_init(|| Fonts::load().map_err(|e| e.to_string())).as_ref().map_err(Error::other)?;
        let png = render(&card.svg(fonts), content, fonts).map_err(|e| Error::other(format!("{rel}: {e}")))?;
        drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        out.write(&rel, &png)
    })?;
    manifest.finish(drawn.into_inner(), jobs.len(), "share cards drawn")
}

/// The fonts, loaded once per build.
pub struct Fonts {
    db: Arc<usvg::fontdb::Database>,
    serif_bold: usvg::fontdb::ID,
}

impl Fonts {
    /// The system's fonts, with the card's two families checked.
    pub fn load() -> Result<Fonts> {
        let mut db = usvg::fontdb::Database::new();
        db.load_system_fonts();
        // A figure's own "sans-serif" or "serif" gets the same families.
        db.set_sans_serif_family(SANS);
        db.set_serif_family(SERIF);
        let find = |family: &'static str, weight: u16| {
            let query = usvg::fontdb::Query {
                families: &[usvg::fontdb::Family::Name(family)],
                weight: usvg::fontdb::Weight(weight),
                ..Default::default()
            };
            db.query(&query).filter(|id| db.face(*id).is_some_and(|f| f.families.iter().any(|(n, _)| n == family)))
        };
        let missing = || {
            Error::other(format!(
                "the share cards are set in {SERIF} and {SANS}, which this machine does not have; \
                 install them (Debian: apt-get install fonts-noto-cjk)"
            ))
        };
        let serif_bold = find(SERIF, 700).ok_or_else(missing)?;
        find(SANS, 400).ok_or_else(missing)?;
        Ok(Fonts { db: Arc::new(db), serif_bold })
    }

    /// The width of `text` in the bold serif at `size` px.
    fn width(&self, text: &str, size: f32) -> f32 {
        self.db
            .with_face_data(self.serif_bold, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok()?;
                let per_unit = size / f32::from(face.units_per_em());
                Some(
                    text.chars()
                        .map(|c| {
                            let advance = face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g));
                            // A glyph the face lacks falls back to another
                            // face; an em is a safe guess for its width.
                            advance.map_or(size, |a| f32::from(a) * per_unit)
                        })
                        .sum(),
                )
            })
            .flatten()
            .unwrap_or(size * text.chars().count() as f32)
    }
}

/// What a card shows.
pub struct Card<'a> {
    pub lang: Lang,
    /// Above the headline: "FOLIO · OPINION".
    pub kicker: String,
    pub headline: String,
    /// Below it: "Cai Hong · 7 September 2016".
    pub footer: String,
    pub picture: Picture<'a>,
}

/// What is drawn beside, or under, the text.
pub enum Picture<'a> {
    None,
    /// An image file inside the content folder (the lead figure), with its
    /// intrinsic size.
    File {
        path: &'a str,
        width: u32,
        height: u32,
    },
    /// A timeline: where each meeting falls between its first and last
    /// day, from 0 to 1.
    Axis(Vec<f64>),
}

impl<'a> Card<'a> {
    /// An article's: section, headline, byline and date, and its lead
    /// figure in `lang` when it is a file of the bundle (a remote one is
    /// not fetched: the build needs no network).
    pub fn of_article(catalog: &Catalog, a: &'a Article, lang: Lang) -> Card<'a> {
        let t = ui::for_mode(mode(lang));
        let section = catalog.section(&a.section).map_or(a.section.as_str(), |s| s.label.str(lang));
        let picture = a.figure.as_ref().map_or(Picture::None, |f| match asset_ref(f.src.get(lang).0) {
            Some(AssetRef::Local(path)) => Picture::File { path, width: f.width, height: f.height },
            _ => Picture::None,
        });
        Card {
            lang,
            kicker: kicker(catalog, section, lang),
            headline: a.headline.str(lang).to_owned(),
            footer: format!("{} · {}", a.byline.author.str(lang), (t.date)(&a.published)),
            picture,
        }
    }

    /// A timeline's: its title, its span, and its meetings on an axis.
    pub fn of_timeline(catalog: &Catalog, tl: &Timeline, lang: Lang) -> Card<'a> {
        let t = ui::for_mode(mode(lang));
        let days = tl.start_days();
        let last = tl.events.iter().map(|e| e.last_day()).max();
        let footer = match (tl.events.first().map(|e| e.start), last) {
            (Some(f), Some(l)) if lang == Lang::Zh => format!("{} 次会晤 · {}–{} 年", tl.events.len(), f.year, l.year),
            (Some(f), Some(l)) => format!("{} meetings · {}–{}", tl.events.len(), f.year, l.year),
            _ => String::new(),
        };
        let first = days.first().copied().unwrap_or(0);
        let scale = Scale::new(first, last.map_or(first, |d| d.day_number()), 1.0, 0);
        Card {
            lang,
            kicker: kicker(catalog, t.timelines_heading, lang),
            headline: tl.title.str(lang).to_owned(),
            footer,
            picture: Picture::Axis(days.iter().map(|&d| scale.fraction(d)).collect()),
        }
    }

    /// What the drawing depends on: its texts, its picture (a figure by its
    /// bytes, so an edited map is drawn again) and [`DRAWING`].
    fn key(&self, content: &Path) -> String {
        let picture = match &self.picture {
            Picture::None => String::new(),
            Picture::File { path, width, height } => {
                use sha2::Digest;
                let bytes = std::fs::read(content.join(path)).unwrap_or_default();
                format!("{path} {width}x{height} {:x}", sha2::Sha256::digest(&bytes))
            }
            Picture::Axis(at) => format!("{at:?}"),
        };
        digest(&[DRAWING, self.lang.tag(), &self.kicker, &self.headline, &self.footer, &picture])
    }

    /// The card as SVG, its images relative to the content folder.
    pub fn svg(&self, fonts: &Fonts) -> String {
        let figure_w = 500.0;
        let (text_w, picture) = match &self.picture {
            Picture::File { path, width, height } => {
                // The figure whole (never cropped: a map cut at its edge
                // misleads), centred in a panel on the right.
                let (iw, ih) = (*width as f32, *height as f32);
                let scale = (figure_w - 48.0) / iw;
                let scale = scale.min((H - 96.0) / ih);
                let (w, h) = (iw * scale, ih * scale);
                let (x, y) = (W - figure_w + (figure_w - w) / 2.0, (H - h) / 2.0);
                let panel = format!(
                    "<rect x=\"{}\" y=\"0\" width=\"{figure_w}\" height=\"{H}\" fill=\"{PAPER_ALT}\"/>",
                    W - figure_w
                );
                let image = format!(
                    "<image href=\"{}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\"/>",
                    xml(path)
                );
                (W - figure_w - 2.0 * MARGIN, panel + &image)
            }
            Picture::Axis(at) => (W - 2.0 * MARGIN, axis(at)),
            Picture::None => (W - 2.0 * MARGIN, String::new()),
        };
        // The largest size at which the headline fits in four lines (five
        // at the smallest), so a short one is big and a long one still whole.
        let lines_room = if matches!(self.picture, Picture::Axis(_)) { 3 } else { 4 };
        let (size, lines) = [64.0, 56.0, 48.0, 42.0]
            .into_iter()
            .map(|size| (size, wrap(&self.headline, text_w, usize::MAX, |s| fonts.width(s, size))))
            .find(|(_, lines)| lines.len() <= lines_room)
            .unwrap_or_else(|| (42.0, wrap(&self.headline, text_w, lines_room + 1, |s| fonts.width(s, 42.0))));
        let leading = size * 1.25;
        let lang = self.lang.tag();
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
             width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" xml:lang=\"{lang}\">\
             <rect width=\"{W}\" height=\"{H}\" fill=\"#ffffff\"/>{picture}\
             <rect width=\"{W}\" height=\"12\" fill=\"{ACCENT}\"/>"
        );
        let spacing = if self.lang == Lang::En { " letter-spacing=\"2\"" } else { "" };
        out.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{}\" font-family=\"{SANS}\" font-size=\"24\" font-weight=\"700\" fill=\"{ACCENT}\"{spacing}>{}</text>",
            MARGIN + 40.0,
            xml(&self.kicker)
        ));
        let top = MARGIN + 80.0 + size;
        for (i, line) in lines.iter().enumerate() {
            out.push_str(&format!(
                "<text x=\"{MARGIN}\" y=\"{:.1}\" font-family=\"{SERIF}\" font-size=\"{size}\" font-weight=\"700\" fill=\"{INK}\">{}</text>",
                top + i as f32 * leading,
                xml(line)
            ));
        }
        if !self.footer.is_empty() {
            let y = if matches!(self.picture, Picture::Axis(_)) { H - 200.0 } else { H - MARGIN };
            out.push_str(&format!(
                "<text x=\"{MARGIN}\" y=\"{y}\" font-family=\"{SANS}\" font-size=\"26\" fill=\"{INK_SOFT}\">{}</text>",
                xml(&self.footer)
            ));
        }
        out.push_str("</svg>");
        out
    }
}

/// The reading mode whose interface strings a card in `lang` uses.
fn mode(lang: Lang) -> Mode {
    if lang == Lang::Zh {
        Mode::Zh
    } else {
        Mode::En
    }
}

/// "FOLIO · OPINION", "Folio · 评论".
fn kicker(catalog: &Catalog, what: &str, lang: Lang) -> String {
    let k = format!("{} · {what}", catalog.site.str(lang));
    if lang == Lang::En {
        k.to_uppercase()
    } else {
        k
    }
}

/// A timeline's meetings: a rule across the card, a dot for each.
fn axis(at: &[f64]) -> String {
    let (x0, x1, y) = (MARGIN + 8.0, W - MARGIN - 8.0, H - 110.0);
    let mut out = format!("<path d=\"M{x0} {y}H{x1}\" stroke=\"{INK_SOFT}\" stroke-width=\"3\"/>");
    // Close meetings overlap and darken: where they crowd shows.
    for f in at {
        let x = x0 + (x1 - x0) * f.clamp(0.0, 1.0) as f32;
        out.push_str(&format!("<circle cx=\"{x:.1}\" cy=\"{y}\" r=\"9\" fill=\"{ACCENT}\" fill-opacity=\"0.55\"/>"));
    }
    out
}

/// Breaks `text` into at most `max_lines` lines no wider than `width` by
/// `measure`: between words, and between any two Chinese characters, but
/// never before closing punctuation (，。、」…) or after opening (「“《).
/// A text longer than the lines allow ends its last line with "…".
pub fn wrap(text: &str, width: f32, max_lines: usize, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(text) {
        let candidate = format!("{line}{piece}");
        if line.is_empty() || measure(candidate.trim_end()) <= width {
            line = candidate;
            continue;
        }
        lines.push(line.trim_end().to_owned());
        line = piece.trim_start().to_owned();
        if lines.len() == max_lines {
            break;
        }
    }
    if lines.len() < max_lines && !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
        line.clear();
    }
    if !line.trim().is_empty() {
        // More text than lines: the last line gives way to an ellipsis.
        let last = lines.last_mut().expect("max_lines is at least 1");
        while !last.is_empty() && measure(&format!("{last}…")) > width {
            last.pop();
        }
        *last = format!("{}…", last.trim_end_matches([' ', ',', '，', '、']));
    }
    lines
}

/// The pieces a line may break between: a word with the spaces after it,
/// or one CJK character, each with the punctuation that must stay with it.
fn pieces(text: &str) -> Vec<String> {
    let cjk = |c: char| matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}');
    let closing = |c: char| "，。、；：？！）」』》”’…·,.;:?!)".contains(c);
    let opening = |c: char| "（「『《“‘(".contains(c);
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for c in text.chars() {
        let attach = match out.last() {
            None => false,
            Some(_) if open || closing(c) => true,
            Some(last) => {
                let prev = last.chars().last().unwrap_or(' ');
                // A word goes on; a space ends it, and CJK breaks anywhere.
                let starts_word = prev == ' ' && c != ' ';
                !(cjk(c) || cjk(prev) || starts_word)
            }
        };
        if attach {
            out.last_mut().expect("attach needs a piece").push(c);
        } else {
            out.push(c.to_string());
        }
        open = opening(c);
    }
    out
}

/// Renders the card's SVG to PNG. `content` resolves its images.
pub fn render(svg: &str, content: &Path, fonts: &Fonts) -> Result<Vec<u8>> {
    let options =
        usvg::Options { resources_dir: Some(content.to_owned()), fontdb: fonts.db.clone(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| Error::other(format!("drawing a share card: {e}")))?;
    let mut pixmap = tiny_skia::Pixmap::new(W as u32, H as u32).expect("a fixed, non-zero size");
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    encode(&pixmap).map_err(|e| Error::other(format!("encoding a share card as PNG: {e}")))
}

/// The card as PNG: opaque RGB (the card paints every pixel, so alpha is
/// a quarter of the bytes for nothing), each row filtered as suits it.
/// Against tiny-skia's RGBA encoder: 69 KB instead of 162 with the map,
/// 27 instead of 102 without (`card_timing`); zlib's best level saved
/// under 2% more at twice the time.
fn encode(pixmap: &tiny_skia::Pixmap) -> std::result::Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap.pixels().iter().flat_map(|p| [p.red(), p.green(), p.blue()]).collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Default);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    encoder.write_header()?.write_image_data(&rgb)?;
    Ok(out)
}

/// `text` safe inside an XML text node or a double-quoted attribute.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 10 px wide.
    fn mono(s: &str) -> f32 {
        s.chars().count() as f32 * 10.0
    }

    #[test]
    fn english_breaks_between_words_within_the_width() {
        let lines = wrap("Japan makes overtures to Russia over the islands", 120.0, 9, mono);
        assert_eq!(lines, ["Japan makes", "overtures to", "Russia over", "the islands"]);
        assert!(lines.iter().all(|l| mono(l) <= 120.0));
    }

    #[test]
    fn chinese_breaks_between_characters_but_keeps_punctuation_with_its_word() {
        let lines = wrap("日本向俄罗斯示好，《北方领土》问题", 50.0, 9, mono);
        assert_eq!(lines, ["日本向俄罗", "斯示好，", "《北方领", "土》问题"]);
    }

    #[test]
    fn a_text_longer_than_its_lines_ends_in_an_ellipsis() {
        let lines = wrap("one two three four five six seven", 100.0, 2, mono);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…') && mono(&lines[1]) <= 100.0, "{lines:?}");
    }

    #[test]
    fn a_word_wider_than_the_line_has_a_line_of_its_own() {
        assert_eq!(wrap("a Wladiwostok b", 50.0, 9, mono), ["a", "Wladiwostok", "b"]);
    }

    /// The shipped content's cards, drawn: a PNG of the card's size each.
    #[test]
    fn the_shipped_articles_and_timeline_draw_as_1200_by_630_pngs() {
        let dir = crate::root().join("content");
        let catalog = folio_model::parse::catalog(&std::fs::read_to_string(dir.join("catalog.json")).unwrap()).unwrap();
        let text = std::fs::read_to_string(dir.join("articles/japan-overtures-to-russia.json")).unwrap();
        let article = folio_model::parse::article(&text).unwrap();
        let text = std::fs::read_to_string(dir.join("timelines/japan-russia-summits.json")).unwrap();
        let timeline: Timeline = folio_model::parse::from_json(&text).unwrap();
        let fonts = Fonts::load().unwrap();
        for lang in [Lang::En, Lang::Zh] {
            for card in [Card::of_article(&catalog, &article, lang), Card::of_timeline(&catalog, &timeline, lang)] {
                let svg = card.svg(&fonts);
                let start: String = card.headline.chars().take(3).collect();
                assert!(svg.contains(&xml(&start)), "the headline is set: {svg}");
                let png = render(&svg, &dir, &fonts).unwrap();
                assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
                let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
                assert_eq!((size(16), size(20)), (1200, 630), "IHDR");
            }
        }
        let zh = Card::of_article(&catalog, &article, Lang::Zh);
        assert!(matches!(zh.picture, Picture::File { path, .. } if path.ends_with(".zh.svg")), "the Chinese map");
    }

    /// How long a card takes, by step: `cargo test --profile xtask -p
    /// xtask card_timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn card_timing() {
        let t = std::time::Instant::now();
        let fonts = Fonts::load().unwrap();
        println!("fonts: {:?}", t.elapsed());
        let dir = crate::root().join("content");
        let catalog = folio_model::parse::catalog(&std::fs::read_to_string(dir.join("catalog.json")).unwrap()).unwrap();
        let text = std::fs::read_to_string(dir.join("articles/japan-overtures-to-russia.json")).unwrap();
        let mut article = folio_model::parse::article(&text).unwrap();
        for with_figure in [true, false] {
            if !with_figure {
                article.figure = None;
            }
            let card = Card::of_article(&catalog, &article, Lang::En);
            let t = std::time::Instant::now();
            let svg = card.svg(&fonts);
            let laid = t.elapsed();
            let options =
                usvg::Options { resources_dir: Some(dir.clone()), fontdb: fonts.db.clone(), ..Default::default() };
            let tree = usvg::Tree::from_str(&svg, &options).unwrap();
            let parsed = t.elapsed();
            let mut pixmap = tiny_skia::Pixmap::new(1200, 630).unwrap();
            resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
            let drawn = t.elapsed();
            let png = encode(&pixmap).unwrap();
            println!(
                "figure {with_figure}: layout {laid:?}, parse {:?}, draw {:?}, png {:?} ({} KB)",
                parsed - laid,
                drawn - parsed,
                t.elapsed() - drawn,
                png.len() / 1000
            );
        }
    }

    /// 200 cards without a figure, half English and half Chinese, with
    /// headlines of realistic length cut from the shipped articles' own
    /// paragraphs, for [`card_profile`].
    fn synthetic_cards(catalog: &Catalog) -> Vec<Card<'static>> {
        let dir = crate::root().join("content");
        let mut paragraphs: Vec<(String, String)> = Vec::new();
        for name in ["japan-overtures-to-russia", "seven-decades-of-summits"] {
            let text = std::fs::read_to_string(dir.join(format!("articles/{name}.json"))).unwrap();
            let a = folio_model::parse::article(&text).unwrap();
            for block in a.pages.iter().flatten() {
                let t = block.text();
                paragraphs.push((t.str(Lang::En).to_owned(), t.str(Lang::Zh).to_owned()));
            }
        }
        let mut cards = Vec::new();
        for i in 0..200 {
            let (en, zh) = &paragraphs[i / 2 % paragraphs.len()];
            let lang = if i % 2 == 0 { Lang::En } else { Lang::Zh };
            let headline = if lang == Lang::En {
                // 40 to 110 characters, whole words.
                let target = 40 + (i * 37) % 71;
                let mut h = String::new();
                for word in en.split(' ') {
                    if h.len() >= target {
                        break;
                    }
                    if !h.is_empty() {
                        h.push(' ');
                    }
                    h.push_str(word);
                }
                h.trim_end_matches([',', '.', ';', ':']).to_owned()
            } else {
                // 10 to 32 characters.
                zh.chars().take(10 + (i * 13) % 23).collect::<String>().trim_end_matches(['，', '。', '、']).to_owned()
            };
            let section = if i % 4 < 2 { "Opinion" } else { "观点" };
            let (author, date) =
                if lang == Lang::En { ("Cai Hong", "7 September 2016") } else { ("蔡红", "2016年9月7日") };
            cards.push(Card {
                lang,
                kicker: kicker(catalog, section, lang),
                headline,
                footer: format!("{author} · {date}"),
                picture: Picture::None,
            });
        }
        cards
    }

    /// Where a card's time goes, by step, and its size: 200 text-only
    /// cards, the article's map cards and the timeline's, one thread.
    /// `cargo test --profile xtask -p xtask card_profile -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn card_profile() {
        fn repeat<'a, 'b>(cards: &'a [Card<'b>], n: usize) -> Vec<&'a Card<'b>> {
            (0..n).flat_map(|_| cards.iter()).collect()
        }
        use std::time::{Duration, Instant};
        let t = Instant::now();
        let fonts = Fonts::load().unwrap();
        println!("fonts loaded once: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
        let dir = crate::root().join("content");
        let catalog = folio_model::parse::catalog(&std::fs::read_to_string(dir.join("catalog.json")).unwrap()).unwrap();
        let text = std::fs::read_to_string(dir.join("articles/japan-overtures-to-russia.json")).unwrap();
        let article = folio_model::parse::article(&text).unwrap();
        let text = std::fs::read_to_string(dir.join("timelines/japan-russia-summits.json")).unwrap();
        let timeline: Timeline = folio_model::parse::from_json(&text).unwrap();
        let synthetic = synthetic_cards(&catalog);
        let groups: Vec<(&str, Vec<&Card>)> = vec![
            ("text-only en", synthetic.iter().filter(|c| c.lang == Lang::En).collect()),
            ("text-only zh", synthetic.iter().filter(|c| c.lang == Lang::Zh).collect()),
        ];
        let figure: Vec<Card> = [Lang::En, Lang::Zh].map(|l| Card::of_article(&catalog, &article, l)).into();
        let axis: Vec<Card> = [Lang::En, Lang::Zh].map(|l| Card::of_timeline(&catalog, &timeline, l)).into();
        let groups = groups.into_iter().chain([
            ("map en", repeat(&figure[..1], 10)),
            ("map zh", repeat(&figure[1..], 10)),
            ("timeline en+zh", repeat(&axis, 10)),
        ]);
        let ms = |d: Duration, n: usize| d.as_secs_f64() * 1e3 / n as f64;
        for (name, cards) in groups {
            let n = cards.len();
            let (mut layout, mut parse, mut render, mut png, mut bytes): (
                Duration,
                Duration,
                Duration,
                Duration,
                usize,
            ) = Default::default();
            let mut parse_bare = Duration::ZERO;
            for card in &cards {
                let t = Instant::now();
                let svg = card.svg(&fonts);
                layout += t.elapsed();
                let options =
                    usvg::Options { resources_dir: Some(dir.clone()), fontdb: fonts.db.clone(), ..Default::default() };
                // The same drawing without its own text: what parsing
                // costs apart from setting the text.
                let bare: String = svg.split("<text").map(|s| s.split_once("</text>").map_or(s, |(_, r)| r)).collect();
                let t = Instant::now();
                usvg::Tree::from_str(&bare, &options).unwrap();
                parse_bare += t.elapsed();
                let t = Instant::now();
                let tree = usvg::Tree::from_str(&svg, &options).unwrap();
                parse += t.elapsed();
                let t = Instant::now();
                let mut pixmap = tiny_skia::Pixmap::new(1200, 630).unwrap();
                resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
                render += t.elapsed();
                let t = Instant::now();
                bytes += encode(&pixmap).unwrap().len();
                png += t.elapsed();
            }
            let total: Duration = layout + parse + render + png;
            println!(
                "{name} ({n}): {:.1} ms a card: layout {:.2}, parse {:.2} (of which without the card's text {:.2}), \
                 render {:.2}, png {:.2}; {:.1} KB",
                ms(total, n),
                ms(layout, n),
                ms(parse, n),
                ms(parse_bare, n),
                ms(render, n),
                ms(png, n),
                bytes as f64 / 1e3 / n as f64
            );
        }
    }

    #[test]
    fn content_strings_stay_text_in_the_drawing() {
        assert_eq!(xml("<script>\"&"), "&lt;script&gt;&quot;&amp;");
    }
}
