//! Share cards: the picture a link preview shows for an article or a
//! timeline, one per language, as a 1200×630 PNG.
//!
//! Link previews (Facebook, X, LinkedIn, chat apps) do not render SVG, so
//! the lead figure cannot be the preview itself. The card is drawn here,
//! in pure Rust: no browser, no system library, and the same pixels on
//! every machine that has the fonts.
//!
//! An archive has two cards an article and the whole build about 30 ms an
//! article, so a card must cost a few milliseconds (`card_profile` says
//! where they go). Drawn as an SVG of our own through usvg, a text-only
//! card cost 45 to 75 ms: usvg maps the font file, parses the face and
//! readies a shaper for every line of text, and deflating its RGB pixels
//! took 20 more. So the card's own text is set here: the faces are read
//! and parsed once a process ([`Fonts::get`]), a line is shaped by
//! rustybuzz (usvg's own shaper, so kerning, ligatures and fallback come
//! out as before), and a glyph is rasterised once for each size and
//! quarter-pixel position into a coverage mask that every later card
//! reuses ([`Fonts::glyph`]): 3 to 5 ms a card. Only the lead figure, a
//! file of any kind, goes through resvg (with its own text, 15 ms for the
//! map), once for both languages when both show the same file.
//!
//! Text is laid out here, since nothing else wraps it: [`wrap`] breaks
//! lines by the font's own advance widths, so a headline never runs off
//! the card. The card is written as an indexed PNG ([`encode`]): its own
//! colours when it has at most 256, as a card without a figure always
//! has, else 256 chosen for it ([`quantise`](png::quantise)).
//!
//! The card is drawn by these modules, one job each:
//!
//! - this one: what a card shows ([`Card`]), where its text and picture
//!   go ([`Layout`]), its lead figure ([`Figures`]), and [`write_all`],
//!   which draws the cards that changed;
//! - [`design`]: the card's size, margins and colours;
//! - [`fonts`]: the faces, loaded once a process, a line shaped, and the
//!   glyphs rasterised into coverage masks and cached;
//! - [`canvas`]: the card's pixels, and the masks, text, figure and
//!   timeline axis drawn on them;
//! - [`text`]: the headline broken into lines;
//! - [`png`]: the pixels written as an indexed PNG, with the palette
//!   chosen for a card of more than 256 colours.
//!
//! Their tests are beside them; `tests` draws whole cards, and `measure`
//! (ignored unless asked for) times them, writes samples to look at and
//! compares the formats a card could be written in.

mod canvas;
mod design;
mod fonts;
#[cfg(test)]
mod measure;
mod png;
#[cfg(test)]
mod tests;
mod text;

pub use fonts::Fonts;
pub use text::wrap;

// `self::`: in a test build `png` is also a crate (the tests decode the
// cards with it), and a bare `png::` here would be ambiguous.
use self::png::encode;
use canvas::{axis, Canvas};
use design::*;
use fonts::{Face, Style};

use crate::error::{Error, Result};
use crate::output::Output;
use crate::parallel::parallel;
use crate::stamps::{digest, Stamps};
use folio_model::article::{asset_ref, AssetRef};
use folio_model::head::{card_path, CardOf};
use folio_model::text::Lang;
use folio_model::timeline::scale::Scale;
use folio_model::timeline::Timeline;
use folio_model::{ui, Article, Catalog, Mode};
use resvg::{tiny_skia, usvg};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The drawing's own code: a card is drawn again when these files change
/// (and only then, not whenever xtask is rebuilt, as the routes are: an
/// archive's cards take minutes). Every file of this module that draws
/// is here; the test-only ones (`tests.rs`, `measure.rs`) are not, since
/// they change no card's pixels.
const DRAWING: &str = concat!(
    include_str!("mod.rs"),
    include_str!("design.rs"),
    include_str!("fonts.rs"),
    include_str!("canvas.rs"),
    include_str!("text.rs"),
    include_str!("png.rs"),
);

/// Writes every article's and timeline's card in each language: only
/// those whose inputs changed since the last build (`Stamps`), since
/// drawing one is the slowest thing `dist` does per article. The fonts are
/// loaded only if a card is drawn.
pub fn write_all(
    out: &Output,
    catalog: &Catalog,
    articles: &[Article],
    timelines: &[Timeline],
    content: &Path,
) -> Result {
    let stamps = Stamps::load(out.root(), "cards");
    // Each job holds its article or timeline (no lookup per card, which
    // over an archive would be quadratic) and draws both its languages,
    // so a figure both show is rendered once.
    enum Of<'a> {
        Article(&'a Article),
        Timeline(&'a Timeline),
    }
    let items: Vec<Of> = articles.iter().map(Of::Article).chain(timelines.iter().map(Of::Timeline)).collect();
    let drawn = AtomicUsize::new(0);
    parallel(&items, "share cards", |item| {
        let cards = [Lang::En, Lang::Zh].map(|lang| match item {
            Of::Article(a) => (Card::of_article(catalog, a, lang), card_path(CardOf::Article(&a.slug), lang)),
            Of::Timeline(t) => (Card::of_timeline(catalog, t, lang), card_path(CardOf::Timeline(&t.id), lang)),
        });
        let mut figures = Figures::default();
        for (card, rel) in &cards {
            if stamps.unchanged(rel, &card.key(content)) && out.keep(rel) {
                continue;
            }
            let fonts = Fonts::get()?;
            let figure = figures.get(&card.picture, content, fonts);
            let png = encode(&card.layout(fonts).draw(fonts, figure))
                .map_err(|e| Error::other(format!("{rel}: encoding the share card as PNG: {e}")))?;
            drawn.fetch_add(1, Ordering::Relaxed);
            out.write(rel, &png)?;
        }
        Ok(())
    })?;
    stamps.finish(drawn.into_inner(), items.len() * 2, "share cards drawn")
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
    /// A timeline: where each event falls between its first and last
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

    /// A timeline's: its title, its span, and its events on an axis.
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

    /// What the drawing depends on: its texts, its picture and
    /// [`DRAWING`]. A figure stands in by its size and modification time,
    /// as a file does for `make`: an edited map gets a new time and is
    /// drawn again, and a rebuild reads no figure (hashing each, twice an
    /// article, was most of the cost of a rebuild that draws nothing).
    fn key(&self, content: &Path) -> String {
        let picture = match &self.picture {
            Picture::None => String::new(),
            Picture::File { path, width, height } => {
                let stamp = std::fs::metadata(content.join(path)).map_or_else(
                    |_| "missing".to_owned(),
                    |m| {
                        let time = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                        format!("{} bytes, {} ns", m.len(), time.map_or(0, |t| t.as_nanos()))
                    },
                );
                format!("{path} {width}x{height} {stamp}")
            }
            Picture::Axis(at) => format!("{at:?}"),
        };
        // The drawing's code by its digest, taken once: hashing its 76 KB
        // for every key took 50 µs of a key's 50 (1 s for an archive's
        // 20,000 cards, at each rebuild).
        static DRAWN_BY: OnceLock<String> = OnceLock::new();
        let drawn_by = DRAWN_BY.get_or_init(|| digest(&[DRAWING]));
        digest(&[drawn_by, self.lang.tag(), &self.kicker, &self.headline, &self.footer, &picture])
    }

    /// Where everything goes: the headline wrapped, at the largest size at
    /// which it fits.
    fn layout(&self, fonts: &Fonts) -> Layout {
        let text_w = match self.picture {
            Picture::File { .. } => W as f32 - FIGURE_W - 2.0 * MARGIN,
            _ => W as f32 - 2.0 * MARGIN,
        };
        // The largest size at which the headline fits in four lines (five
        // at the smallest), so a short one is big and a long one still whole.
        let lines_room = if matches!(self.picture, Picture::Axis(_)) { 3 } else { 4 };
        let measure = |size: f32| move |s: &str| fonts.width(s, Style::headline(size));
        let (size, lines) = [64.0, 56.0, 48.0, 42.0]
            .into_iter()
            .map(|size| (size, wrap(&self.headline, text_w, usize::MAX, measure(size))))
            .find(|(_, lines)| lines.len() <= lines_room)
            .unwrap_or_else(|| (42.0, wrap(&self.headline, text_w, lines_room + 1, measure(42.0))));
        let leading = size * 1.25;
        let kicker = Style {
            face: Face::SansBold,
            size: 24.0,
            colour: ACCENT,
            spacing: if self.lang == Lang::En { 2.0 } else { 0.0 },
        };
        let mut texts = vec![(kicker, MARGIN + 40.0, self.kicker.clone())];
        let top = MARGIN + 80.0 + size;
        texts.extend(lines.into_iter().enumerate().map(|(i, l)| (Style::headline(size), top + i as f32 * leading, l)));
        if !self.footer.is_empty() {
            let y = if matches!(self.picture, Picture::Axis(_)) { H as f32 - 200.0 } else { H as f32 - MARGIN };
            let footer = Style { face: Face::Sans, size: 26.0, colour: INK_SOFT, spacing: 0.0 };
            texts.push((footer, y, self.footer.clone()));
        }
        let picture = match &self.picture {
            Picture::None => Drawn::None,
            Picture::File { width, height, .. } => Drawn::Figure(figure_box(*width, *height)),
            Picture::Axis(at) => Drawn::Axis(at.clone()),
        };
        Layout { texts, picture }
    }
}

/// Where a figure of `width`×`height` goes, whole (never cropped: a map
/// cut at its edge misleads), centred in the panel on the right, in whole
/// pixels: `(x, y, w, h)`; none if it has no size.
fn figure_box(width: u32, height: u32) -> Option<(u32, u32, u32, u32)> {
    let (iw, ih) = (width as f32, height as f32);
    let scale = ((FIGURE_W - 48.0) / iw).min((H as f32 - 96.0) / ih);
    let (w, h) = ((iw * scale).round(), (ih * scale).round());
    if !(w >= 1.0 && h >= 1.0) {
        return None;
    }
    let x = W as f32 - FIGURE_W + ((FIGURE_W - w) / 2.0).round();
    let y = ((H as f32 - h) / 2.0).round();
    Some((x as u32, y as u32, w as u32, h as u32))
}

/// A card laid out.
struct Layout {
    /// Each line: its style, its baseline and its text, from the margin.
    texts: Vec<(Style, f32, String)>,
    picture: Drawn,
}

/// What [`Layout`] draws beside or under the text.
enum Drawn {
    None,
    /// The figure's box, if it has a size.
    Figure(Option<(u32, u32, u32, u32)>),
    Axis(Vec<f64>),
}

impl Layout {
    /// The card's pixels; `figure` is the picture's file drawn at its
    /// box's size ([`Figures::get`]).
    fn draw(&self, fonts: &Fonts, figure: Option<&tiny_skia::Pixmap>) -> Canvas {
        let mut canvas = Canvas::new(PAPER);
        match &self.picture {
            Drawn::None => {}
            Drawn::Figure(at) => {
                canvas.fill_rect(W - FIGURE_W as u32, 0, W, H, PAPER_ALT);
                if let (Some((x, y, _, _)), Some(figure)) = (at, figure) {
                    canvas.draw_pixmap(figure, *x, *y);
                }
            }
            Drawn::Axis(at) => axis(&mut canvas, at),
        }
        canvas.fill_rect(0, 0, W, 12, ACCENT);
        for (style, y, text) in &self.texts {
            canvas.draw_text(fonts, text, *style, MARGIN, *y);
        }
        canvas
    }
}

/// A job's figures, drawn at their box's size: the two languages of an
/// article mostly show the same file, drawn once.
#[derive(Default)]
struct Figures {
    drawn: Vec<((String, u32, u32), Option<tiny_skia::Pixmap>)>,
}

impl Figures {
    /// The picture's file drawn at its box's size, by resvg (an SVG or a
    /// raster image); none if it is not a file, or the file cannot be
    /// read: the card is drawn without it (the validator reports a
    /// missing figure).
    fn get(&mut self, picture: &Picture, content: &Path, fonts: &Fonts) -> Option<&tiny_skia::Pixmap> {
        let Picture::File { path, width, height } = picture else { return None };
        let (_, _, w, h) = figure_box(*width, *height)?;
        let key = (path.to_string(), w, h);
        let i = match self.drawn.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                self.drawn.push((key, render_figure(path, w, h, content, fonts)));
                self.drawn.len() - 1
            }
        };
        self.drawn[i].1.as_ref()
    }
}

/// The file at `path` in `content`, whole, at `w`×`h` px (centred, its
/// own aspect kept, as the article's page shows it).
fn render_figure(path: &str, w: u32, h: u32, content: &Path, fonts: &Fonts) -> Option<tiny_skia::Pixmap> {
    let file = content.join(path);
    let options = usvg::Options {
        resources_dir: file.parent().map(Path::to_owned),
        fontdb: fonts.db.clone(),
        ..usvg::Options::default()
    };
    let svg = matches!(file.extension().and_then(|e| e.to_str()), Some("svg" | "svgz"));
    let tree = if svg {
        // Drawn straight at its size: as an <image>, resvg would draw it
        // into a pixmap of its own and then resample that, which took as
        // long as the rest of the card.
        usvg::Tree::from_data(&std::fs::read(&file).ok()?, &options).ok()?
    } else {
        // A raster image, read and scaled by usvg through an SVG that only
        // holds it.
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
             <image href=\"{}\" width=\"{w}\" height=\"{h}\"/></svg>",
            xml(path)
        );
        let options = usvg::Options { resources_dir: Some(content.to_owned()), ..options };
        usvg::Tree::from_str(&svg, &options).ok()?
    };
    let size = tree.size();
    let scale = (w as f32 / size.width()).min(h as f32 / size.height());
    let (dx, dy) = ((w as f32 - size.width() * scale) / 2.0, (h as f32 - size.height() * scale) / 2.0);
    let mut pixmap = tiny_skia::Pixmap::new(w, h)?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale).post_translate(dx, dy), &mut pixmap.as_mut());
    Some(pixmap)
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

/// `text` safe inside an XML text node or a double-quoted attribute.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
