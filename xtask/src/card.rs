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
//! has, else 256 chosen for it ([`quantise`]).

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
use rustybuzz::ttf_parser;
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// The drawing's own code: a card is drawn again when this file changes
/// (and only then, not whenever xtask is rebuilt, as the routes are: an
/// archive's cards take minutes).
const DRAWING: &str = include_str!("card.rs");

/// The families the card is set in (Debian's `fonts-noto-cjk`): one serif
/// and one sans, each with Latin and Chinese, so neither language falls
/// back to a face that lacks its glyphs.
const SERIF: &str = "Noto Serif CJK SC";
const SANS: &str = "Noto Sans CJK SC";

const W: u32 = 1200;
const H: u32 = 630;
const MARGIN: f32 = 64.0;
/// The width of the panel that holds a figure, on the right.
const FIGURE_W: f32 = 500.0;

/// A colour, 0xRRGGBB.
type Rgb = u32;
const PAPER: Rgb = 0xffffff;
const ACCENT: Rgb = 0xb3121b;
const INK: Rgb = 0x1d1d1f;
const INK_SOFT: Rgb = 0x4a4a4f;
const PAPER_ALT: Rgb = 0xf6f5f2;

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
            if manifest.unchanged(rel, &card.key(content)) && out.keep(rel) {
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
    manifest.finish(drawn.into_inner(), items.len() * 2, "share cards drawn")
}

/// The faces the card is set in, and the glyphs drawn so far: read,
/// parsed and shared by every card and thread, once a process.
pub struct Fonts {
    /// Every system font, for the figures' own text (usvg); the card's
    /// faces in it are the bytes below, not a file mapped at every use.
    db: Arc<usvg::fontdb::Database>,
    /// By [`Face`]: the bold serif, the bold sans, the sans.
    faces: [rustybuzz::Face<'static>; 3],
    glyphs: Mutex<Glyphs>,
}

/// A face of [`Fonts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Face {
    SerifBold,
    SansBold,
    Sans,
}

impl Face {
    /// This face, then those that set a character it lacks.
    fn fallbacks(self) -> [Face; 3] {
        match self {
            Face::SerifBold => [Face::SerifBold, Face::SansBold, Face::Sans],
            Face::SansBold => [Face::SansBold, Face::SerifBold, Face::Sans],
            Face::Sans => [Face::Sans, Face::SansBold, Face::SerifBold],
        }
    }
}

/// How a text is set.
#[derive(Clone, Copy, Debug)]
struct Style {
    face: Face,
    /// In px.
    size: f32,
    colour: Rgb,
    /// Added after each character, in px.
    spacing: f32,
}

impl Style {
    fn headline(size: f32) -> Style {
        Style { face: Face::SerifBold, size, colour: INK, spacing: 0.0 }
    }
}

/// A character as the card sets it: a tab or a line break in a headline
/// is a space, and another control character is nothing.
fn typeset(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    }
}

static FONTS: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();

impl Fonts {
    /// The fonts, loaded by the first caller.
    pub fn get() -> Result<&'static Fonts> {
        FONTS.get_or_init(|| Fonts::load().map_err(|e| e.to_string())).as_ref().map_err(|e| Error::other(e.clone()))
    }

    /// The system's fonts, with the card's two families checked and the
    /// files of its three faces read (66 MB, about 100 ms, once a build
    /// that draws a card). They stay for the process: [`FONTS`] is loaded
    /// once, and every card borrows them.
    fn load() -> Result<Fonts> {
        use usvg::fontdb::{Database, Family, Query, Source, Weight};
        let mut db = Database::new();
        db.load_system_fonts();
        // A figure's own "sans-serif" or "serif" gets the same families.
        db.set_sans_serif_family(SANS);
        db.set_serif_family(SERIF);
        let missing = || {
            Error::other(format!(
                "the share cards are set in {SERIF} and {SANS}, which this machine does not have; \
                 install them (Debian: apt-get install fonts-noto-cjk)"
            ))
        };
        let mut read: HashMap<std::path::PathBuf, &'static [u8]> = HashMap::new();
        let mut face = |family: &'static str, weight: u16| -> Result<rustybuzz::Face<'static>> {
            let query = Query { families: &[Family::Name(family)], weight: Weight(weight), ..Default::default() };
            let id = db
                .query(&query)
                .filter(|id| db.face(*id).is_some_and(|f| f.families.iter().any(|(n, _)| n == family)))
                .ok_or_else(missing)?;
            let (source, index) = db.face_source(id).ok_or_else(missing)?;
            let data: &'static [u8] = match source {
                Source::File(path) | Source::SharedFile(path, _) => match read.get(&path) {
                    Some(data) => data,
                    None => {
                        let bytes = std::fs::read(&path).map_err(|e| Error::io("reading the font", &path, e))?;
                        let data = &*Box::leak(bytes.into_boxed_slice());
                        read.insert(path, data);
                        data
                    }
                },
                Source::Binary(data) => {
                    let data: &'static Arc<dyn AsRef<[u8]> + Send + Sync> = Box::leak(Box::new(data));
                    (**data).as_ref()
                }
            };
            rustybuzz::Face::from_slice(data, index)
                .ok_or_else(|| Error::other(format!("{family}: the font file does not parse")))
        };
        let faces = [face(SERIF, 700)?, face(SANS, 700)?, face(SANS, 400)?];
        // The files read, in place of the same files mapped at every use:
        // usvg asks for a face's data for every line it sets.
        for (path, data) in read {
            let old: Vec<_> = db
                .faces()
                .filter(|f| matches!(&f.source, Source::File(p) | Source::SharedFile(p, _) if *p == path))
                .map(|f| f.id)
                .collect();
            old.into_iter().for_each(|id| db.remove_face(id));
            db.load_font_source(Source::Binary(Arc::new(data)));
        }
        Ok(Fonts { db: Arc::new(db), faces, glyphs: Mutex::default() })
    }

    fn face(&self, face: Face) -> &rustybuzz::Face<'static> {
        &self.faces[face as usize]
    }

    /// The face that sets `c`: the style's own, or the first fallback
    /// that has it; a character no face has gets the style's own, whose
    /// "missing" box is drawn for it (as a browser would).
    fn face_for(&self, c: char, face: Face) -> Face {
        face.fallbacks().into_iter().find(|f| self.face(*f).glyph_index(c).is_some()).unwrap_or(face)
    }

    /// The width of `text` in `style`: the sum of its characters'
    /// advances, each in the face [`Fonts::shape`] sets it in. What
    /// [`wrap`] needs, as the card had it before: kerning moves a line's
    /// end by a pixel or two, mostly inwards.
    fn width(&self, text: &str, style: Style) -> f32 {
        text.chars()
            .filter_map(typeset)
            .map(|c| {
                let face = self.face(self.face_for(c, style.face));
                let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                let advance = face.glyph_hor_advance(glyph).unwrap_or(0);
                f32::from(advance) * style.size / face.units_per_em() as f32 + style.spacing
            })
            .sum()
    }

    /// `text` shaped in `style`: each glyph and where it goes, in px from
    /// the start of the line on its baseline (y downwards). The text is
    /// cut into runs by the face that has their characters (a space or a
    /// combining mark staying with the one before it), and each run is
    /// shaped by rustybuzz.
    fn shape(&self, text: &str, style: Style) -> Vec<(Face, u16, f32, f32)> {
        let joins = |c: char| {
            matches!(c, ' ' | '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
                | '\u{200c}' | '\u{200d}' | '\u{20d0}'..='\u{20ff}' | '\u{fe00}'..='\u{fe0f}'
                | '\u{fe20}'..='\u{fe2f}' | '\u{e0100}'..='\u{e01ef}')
        };
        let mut runs: Vec<(Face, String)> = Vec::new();
        for c in text.chars().filter_map(typeset) {
            let face = match runs.last() {
                Some((face, _)) if joins(c) => *face,
                _ => self.face_for(c, style.face),
            };
            match runs.last_mut() {
                Some((f, run)) if *f == face => run.push(c),
                _ => runs.push((face, c.to_string())),
            }
        }
        let mut glyphs = Vec::new();
        let mut pen = 0.0;
        for (face, run) in runs {
            let font = self.face(face);
            let per_unit = style.size / font.units_per_em() as f32;
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str(&run);
            let shaped = rustybuzz::shape(font, &[], buffer);
            let mut cluster = None;
            for (info, at) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
                // Letter spacing goes between characters, as usvg puts it.
                if cluster.is_some_and(|c| c != info.cluster) {
                    pen += style.spacing;
                }
                cluster = Some(info.cluster);
                let glyph = u16::try_from(info.glyph_id).unwrap_or(0);
                glyphs.push((face, glyph, pen + at.x_offset as f32 * per_unit, -(at.y_offset as f32) * per_unit));
                pen += at.x_advance as f32 * per_unit;
            }
            pen += style.spacing;
        }
        glyphs
    }

    /// A glyph's coverage at `size` px with its origin `dx`, `dy` quarter
    /// pixels into a pixel: drawn once, then taken from the cache.
    fn glyph(&self, face: Face, glyph: u16, size: f32, dx: u8, dy: u8) -> Arc<Mask> {
        let key = GlyphKey { face, glyph, size: (size * 4.0) as u16, dx, dy };
        if let Some(mask) = self.glyphs.lock().expect("not poisoned").masks.get(&key) {
            return mask.clone();
        }
        let mask = Arc::new(rasterise(self.face(face), glyph, size, f32::from(dx) / 4.0, f32::from(dy) / 4.0));
        let mut glyphs = self.glyphs.lock().expect("not poisoned");
        // Bounded (an archive's Chinese headlines hold thousands of
        // characters): when full, it starts again. A mask depends on its
        // key alone, so this changes no card's pixels.
        if glyphs.bytes > GLYPH_CACHE_BYTES {
            *glyphs = Glyphs::default();
        }
        glyphs.bytes += mask.levels.len() + 64;
        glyphs.masks.insert(key, mask.clone());
        mask
    }
}

/// The glyph cache's bound, 64 MB: some 20,000 masks of the headline's
/// sizes, more than an archive's headlines use.
const GLYPH_CACHE_BYTES: usize = 64 << 20;

#[derive(Default)]
struct Glyphs {
    masks: HashMap<GlyphKey, Arc<Mask>>,
    bytes: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    face: Face,
    glyph: u16,
    /// In quarter px.
    size: u16,
    dx: u8,
    dy: u8,
}

/// How many levels of coverage (past none) an edge is drawn with: 16, as
/// many as tiny-skia's 4×4 supersampling gives, so a card has few
/// colours (white, three inks and 16 steps between each and the paper)
/// and an exact palette.
const LEVELS: u32 = 16;

/// A shape's coverage, from 0 to [`LEVELS`], in a box whose top left is
/// `left`, `top` from its origin.
struct Mask {
    left: i32,
    top: i32,
    width: usize,
    levels: Vec<u8>,
}

impl Mask {
    const EMPTY: Mask = Mask { left: 0, top: 0, width: 0, levels: Vec::new() };

    /// `path` (in px, its origin at 0, 0) filled, anti-aliased.
    fn fill(path: &tiny_skia::Path, transform: tiny_skia::Transform) -> Mask {
        let Some(bounds) = path.clone().transform(transform).map(|p| p.bounds()) else { return Mask::EMPTY };
        // A pixel of room each side for the anti-aliasing.
        let (left, top) = (bounds.left().floor() as i32 - 1, bounds.top().floor() as i32 - 1);
        let (right, bottom) = (bounds.right().ceil() as i32 + 1, bounds.bottom().ceil() as i32 + 1);
        let (w, h) = ((right - left) as u32, (bottom - top) as u32);
        let Some(mut mask) = tiny_skia::Mask::new(w, h) else { return Mask::EMPTY };
        let shift = transform.post_translate(-left as f32, -top as f32);
        mask.fill_path(path, tiny_skia::FillRule::Winding, true, shift);
        let levels = mask.data().iter().map(|&c| ((u32::from(c) * LEVELS + 127) / 255) as u8).collect();
        Mask { left, top, width: w as usize, levels }
    }
}

/// A glyph's outline filled at `size` px, its origin at `dx`, `dy`.
fn rasterise(face: &ttf_parser::Face, glyph: u16, size: f32, dx: f32, dy: f32) -> Mask {
    struct Outline(tiny_skia::PathBuilder);
    impl ttf_parser::OutlineBuilder for Outline {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.move_to(x, y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.line_to(x, y);
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.quad_to(x1, y1, x, y);
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.cubic_to(x1, y1, x2, y2, x, y);
        }
        fn close(&mut self) {
            self.0.close();
        }
    }
    let mut outline = Outline(tiny_skia::PathBuilder::new());
    // A space has no outline.
    if face.outline_glyph(ttf_parser::GlyphId(glyph), &mut outline).is_none() {
        return Mask::EMPTY;
    }
    let Some(path) = outline.0.finish() else { return Mask::EMPTY };
    let s = size / f32::from(face.units_per_em());
    Mask::fill(&path, tiny_skia::Transform::from_row(s, 0.0, 0.0, -s, dx, dy))
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

/// A timeline's meetings: a rule across the card, a dot for each.
fn axis(canvas: &mut Canvas, at: &[f64]) {
    let (x0, x1, y) = (MARGIN + 8.0, W as f32 - MARGIN - 8.0, H as f32 - 110.0);
    if let Some(rule) = tiny_skia::Rect::from_ltrb(x0, y - 1.5, x1, y + 1.5) {
        canvas.fill_mask(
            &Mask::fill(&tiny_skia::PathBuilder::from_rect(rule), Default::default()),
            0,
            0,
            INK_SOFT,
            255,
        );
    }
    // Close meetings overlap and darken: where they crowd shows. Every
    // dot is the same shape, at a quarter-pixel position.
    let mut dots: HashMap<i64, Mask> = HashMap::new();
    for f in at {
        let x = ((x0 + (x1 - x0) * f.clamp(0.0, 1.0) as f32) * 4.0).round() as i64;
        let dot = dots.entry(x.rem_euclid(4)).or_insert_with(|| {
            let Some(circle) = tiny_skia::PathBuilder::from_circle((x.rem_euclid(4)) as f32 / 4.0, 0.0, 9.0) else {
                return Mask::EMPTY;
            };
            Mask::fill(&circle, Default::default())
        });
        canvas.fill_mask(dot, x.div_euclid(4) as i32, y as i32, ACCENT, 140);
    }
}

/// The card's pixels, opaque.
struct Canvas {
    px: Vec<Rgb>,
}

impl Canvas {
    fn new(colour: Rgb) -> Canvas {
        Canvas { px: vec![colour; (W * H) as usize] }
    }

    /// Fills the pixels from `x0`, `y0` up to `x1`, `y1`.
    fn fill_rect(&mut self, x0: u32, y0: u32, x1: u32, y1: u32, colour: Rgb) {
        let (x1, y1) = (x1.min(W), y1.min(H));
        for y in y0.min(y1)..y1 {
            self.px[(y * W + x0.min(x1)) as usize..(y * W + x1) as usize].fill(colour);
        }
    }

    /// `mask` with its origin at `x`, `y`, in `colour` at `alpha` (of
    /// 255), over what is there; what falls off the card is not drawn.
    fn fill_mask(&mut self, mask: &Mask, x: i32, y: i32, colour: Rgb, alpha: u32) {
        if mask.width == 0 {
            return;
        }
        // The alpha of each level, in 255ths.
        let alphas: Vec<u32> = (0..=LEVELS).map(|l| (alpha * l * 255 + LEVELS * 127) / (LEVELS * 255)).collect();
        let (left, top) = (i64::from(x) + i64::from(mask.left), i64::from(y) + i64::from(mask.top));
        for (row, levels) in mask.levels.chunks(mask.width).enumerate() {
            let py = top + row as i64;
            if !(0..i64::from(H)).contains(&py) {
                continue;
            }
            for (col, &level) in levels.iter().enumerate() {
                let px = left + col as i64;
                if level == 0 || !(0..i64::from(W)).contains(&px) {
                    continue;
                }
                let dst = &mut self.px[(py * i64::from(W) + px) as usize];
                *dst = mix(*dst, colour, alphas[level as usize]);
            }
        }
    }

    /// `text` in `style`, from `x` on the baseline `y`.
    fn draw_text(&mut self, fonts: &Fonts, text: &str, style: Style, x: f32, y: f32) {
        for (face, glyph, gx, gy) in fonts.shape(text, style) {
            // In quarter pixels: each glyph is drawn from a cached mask
            // for its position within the pixel.
            let (qx, qy) = (((x + gx) * 4.0).round() as i64, ((y + gy) * 4.0).round() as i64);
            let mask = fonts.glyph(face, glyph, style.size, qx.rem_euclid(4) as u8, qy.rem_euclid(4) as u8);
            let (px, py) = (qx.div_euclid(4).clamp(-1 << 20, 1 << 20), qy.div_euclid(4).clamp(-1 << 20, 1 << 20));
            self.fill_mask(&mask, px as i32, py as i32, style.colour, 255);
        }
    }

    /// `pixmap` (premultiplied, as tiny-skia has it) over the canvas with
    /// its top left at `x`, `y`.
    fn draw_pixmap(&mut self, pixmap: &tiny_skia::Pixmap, x: u32, y: u32) {
        let w = pixmap.width() as usize;
        for (row, pixels) in pixmap.pixels().chunks(w).enumerate() {
            let py = y as usize + row;
            if py >= H as usize {
                break;
            }
            for (col, p) in pixels.iter().enumerate() {
                let px = x as usize + col;
                if px >= W as usize || p.alpha() == 0 {
                    continue;
                }
                let dst = &mut self.px[py * W as usize + px];
                let keep = 255 - u32::from(p.alpha());
                let channel = |src: u8, shift: u32| {
                    let d = (*dst >> shift) & 0xff;
                    (u32::from(src) + (d * keep + 127) / 255).min(255) << shift
                };
                *dst = channel(p.red(), 16) | channel(p.green(), 8) | channel(p.blue(), 0);
            }
        }
    }
}

/// `src` over `dst` at `alpha` (of 255).
fn mix(dst: Rgb, src: Rgb, alpha: u32) -> Rgb {
    let channel = |shift: u32| {
        let (d, s) = ((dst >> shift) & 0xff, (src >> shift) & 0xff);
        ((d * (255 - alpha) + s * alpha + 127) / 255) << shift
    };
    channel(16) | channel(8) | channel(0)
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

/// The card as PNG: indexed, 8 bits a pixel, its palette the card's own
/// colours (all of them when it has at most 256, as a card without a
/// figure always has), each row unfiltered, deflated by zlib-rs at level
/// 6. Measured on 200 cards (`card_formats`): 14 to 16 KB a card, against
/// 27 to 33 as RGB with filters chosen row by row; unfiltered indices beat
/// every filter, since a card is mostly paper; zlib-rs is two to three
/// times faster than miniz (flate2's, the `png` crate's) at the same size,
/// and level 9 saves 5% for four times the time.
fn encode(canvas: &Canvas) -> std::result::Result<Vec<u8>, String> {
    let (palette, indices) = indexed(canvas);
    let mut rows = Vec::with_capacity(indices.len() + H as usize);
    for row in indices.chunks(W as usize) {
        rows.push(0);
        rows.extend_from_slice(row);
    }
    let mut idat = vec![0; zlib_rs::compress_bound(rows.len())];
    let (written, rc) = zlib_rs::compress_slice(&mut idat, &rows, zlib_rs::DeflateConfig::new(6));
    if rc != zlib_rs::ReturnCode::Ok {
        return Err(format!("deflate failed: {rc:?}"));
    }
    let n = written.len();
    idat.truncate(n);
    let plte: Vec<u8> = palette.iter().flat_map(|c| [(c >> 16) as u8, (c >> 8) as u8, *c as u8]).collect();
    Ok(png_file(3, &plte, &idat))
}

/// A PNG file from its parts: 8-bit `colour` type 3 (indexed, with
/// `palette`) or 2 (RGB), and its zlib stream.
fn png_file(colour: u8, palette: &[u8], idat: &[u8]) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        out.extend(kind);
        out.extend(data);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(crc.sum().to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = [W.to_be_bytes(), H.to_be_bytes()].concat();
    ihdr.extend([8, colour, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    if colour == 3 {
        chunk(&mut out, b"PLTE", palette);
    }
    chunk(&mut out, b"IDAT", idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The card's pixels as indices into a palette of at most 256 colours,
/// the most used first (so the paper is 0): the card's own colours when
/// it has that few, else those [`quantise`] chooses, each pixel the
/// nearest.
fn indexed(canvas: &Canvas) -> (Vec<Rgb>, Vec<u8>) {
    // The card's runs of one colour (most pixels are the one before them
    // again), each colour by the order it was first seen in, with a small
    // cache in front of the map (edges alternate between a few colours).
    let mut ids: ColourMap<usize> = ColourMap::default();
    let mut colours: Vec<(Rgb, u32)> = Vec::new();
    let mut cache = [(u32::MAX, 0usize); 256];
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for run in canvas.px.chunk_by(|a, b| a == b) {
        let c = run[0];
        let slot = &mut cache[(c.wrapping_mul(0x9e37_79b1) >> 24) as usize];
        if slot.0 != c {
            let id = *ids.entry(c).or_insert_with(|| {
                colours.push((c, 0));
                colours.len() - 1
            });
            *slot = (c, id);
        }
        colours[slot.1].1 += run.len() as u32;
        runs.push((slot.1, run.len()));
    }
    let mut by_use: Vec<(Rgb, u32)> = colours.clone();
    by_use.sort_unstable_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    let palette: Vec<Rgb> = if by_use.len() <= 256 { by_use.iter().map(|c| c.0).collect() } else { quantise(&by_use) };
    let nearest = Nearest::new(&palette);
    let index: Vec<u8> = colours.iter().map(|&(c, _)| nearest.find(c) as u8).collect();
    let mut indices = Vec::with_capacity(canvas.px.len());
    for (id, len) in runs {
        indices.extend(std::iter::repeat_n(index[id], len));
    }
    (palette, indices)
}

/// A map by colour, with a multiplicative hash: std's SipHash made the
/// palette the slowest step of a card (a card has some 100,000 runs).
type ColourMap<V> = HashMap<Rgb, V, std::hash::BuildHasherDefault<ColourHash>>;

#[derive(Default)]
struct ColourHash(u64);

impl std::hash::Hasher for ColourHash {
    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|b| self.write_u32(u32::from(*b)));
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn finish(&self) -> u64 {
        self.0 >> 16
    }
}

/// The squared distance between two colours.
fn distance(a: Rgb, b: Rgb) -> u32 {
    let d = |s: u32| ((a >> s & 0xff) as i32 - (b >> s & 0xff) as i32).unsigned_abs();
    d(16) * d(16) + d(8) * d(8) + d(0) * d(0)
}

/// Finds the colour of a palette nearest a colour: the palette sorted by
/// its red channel, searched outwards from the colour's red until the red
/// alone is farther than the best found (a tenth of the comparisons of
/// trying all 256, which made the palette of a card with a figure cost
/// more than its deflate).
struct Nearest {
    by_red: Vec<(Rgb, usize)>,
}

impl Nearest {
    fn new(palette: &[Rgb]) -> Nearest {
        let mut by_red: Vec<(Rgb, usize)> = palette.iter().copied().zip(0..).collect();
        by_red.sort_unstable();
        Nearest { by_red }
    }

    /// The index in the palette of the colour nearest `c` (of equals, the
    /// one first by colour).
    fn find(&self, c: Rgb) -> usize {
        let red = |x: Rgb| (x >> 16) as i32;
        let start = self.by_red.partition_point(|(p, _)| red(*p) < red(c));
        let mut best = (u32::MAX, Rgb::MAX, 0);
        let mut consider = |&(p, i): &(Rgb, usize)| {
            let d = (red(p) - red(c)).unsigned_abs().pow(2);
            if d > best.0 {
                return false;
            }
            let d = distance(p, c);
            if (d, p) < (best.0, best.1) {
                best = (d, p, i);
            }
            true
        };
        for entry in &self.by_red[start..] {
            if !consider(entry) {
                break;
            }
        }
        for entry in self.by_red[..start].iter().rev() {
            if !consider(entry) {
                break;
            }
        }
        best.2
    }
}

/// 256 colours for a card that has more (one with a figure, or a
/// timeline whose dots overlap in many ways), from its colours and how
/// many pixels have each, the most used first: a median cut (the box of
/// colours with the largest squared error is halved, along its widest
/// channel, at its median pixel), refined by two rounds of k-means, and
/// an entry that one colour mostly makes up is that colour, so the paper,
/// the inks and a figure's flat fills stay exact.
fn quantise(colours: &[(Rgb, u32)]) -> Vec<Rgb> {
    // A photograph has a hundred thousand colours: the rare ones are
    // grouped by the top five bits of each channel first, a few levels
    // apart at most, so that choosing costs milliseconds, not a tenth of
    // a second; a colour with many pixels stays exact.
    let grouped: Vec<(Rgb, u32)>;
    let colours = if colours.len() > 4096 {
        let mut groups: ColourMap<u32> = ColourMap::default();
        for &(c, n) in colours {
            *groups.entry(if n >= 32 { c } else { c & 0xf8f8f8 | 0x040404 }).or_default() += n;
        }
        grouped = {
            let mut g: Vec<(Rgb, u32)> = groups.into_iter().collect();
            g.sort_unstable_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
            g
        };
        &grouped
    } else {
        colours
    };
    type Box = Vec<(Rgb, u32)>;
    let channel = |c: Rgb, ch: usize| f64::from(c >> (16 - 8 * ch) & 0xff);
    let stats = |b: &Box| {
        let n: f64 = b.iter().map(|c| f64::from(c.1)).sum();
        let mean: [f64; 3] =
            std::array::from_fn(|ch| b.iter().map(|c| channel(c.0, ch) * f64::from(c.1)).sum::<f64>() / n);
        let var: [f64; 3] =
            std::array::from_fn(|ch| b.iter().map(|c| (channel(c.0, ch) - mean[ch]).powi(2) * f64::from(c.1)).sum());
        (mean, var)
    };
    let mut boxes: Vec<(Box, [f64; 3], [f64; 3])> = {
        let all = colours.to_vec();
        let (mean, var) = stats(&all);
        vec![(all, mean, var)]
    };
    while boxes.len() < 256 {
        let Some((i, _)) = boxes
            .iter()
            .enumerate()
            .filter(|(_, b)| b.0.len() > 1)
            .max_by(|(_, a), (_, b)| a.2.iter().sum::<f64>().total_cmp(&b.2.iter().sum::<f64>()))
        else {
            break;
        };
        let (mut b, _, var) = boxes.swap_remove(i);
        let ch = (0..3).max_by(|&x, &y| var[x].total_cmp(&var[y])).unwrap_or(0);
        b.sort_unstable_by_key(|c| ((c.0 >> (16 - 8 * ch)) & 0xff, c.0));
        let half: u64 = b.iter().map(|c| u64::from(c.1)).sum::<u64>() / 2;
        let mut seen = 0;
        let at = b
            .iter()
            .position(|c| {
                seen += u64::from(c.1);
                seen > half
            })
            .unwrap_or(0)
            .clamp(1, b.len() - 1);
        let rest = b.split_off(at);
        for part in [b, rest] {
            let (mean, var) = stats(&part);
            boxes.push((part, mean, var));
        }
    }
    let rgb = |m: [f64; 3]| m.iter().fold(0, |acc, v| acc << 8 | v.round().clamp(0.0, 255.0) as u32);
    let mut palette: Vec<Rgb> = boxes.iter().map(|b| rgb(b.1)).collect();
    palette.sort_unstable();
    for _ in 0..2 {
        let nearest = Nearest::new(&palette);
        let mut sums = vec![([0.0f64; 3], 0.0f64, (0u32, 0u32)); palette.len()];
        for &(c, n) in colours {
            let s = &mut sums[nearest.find(c)];
            (0..3).for_each(|ch| s.0[ch] += channel(c, ch) * f64::from(n));
            s.1 += f64::from(n);
            if n > s.2 .1 {
                s.2 = (c, n);
            }
        }
        palette = sums
            .iter()
            .zip(&palette)
            .map(|((sum, n, (top, top_n)), old)| match *n {
                0.0 => *old,
                _ if f64::from(*top_n) * 2.0 > *n => *top,
                _ => rgb(sum.map(|v| v / n)),
            })
            .collect();
    }
    // The most used first, as for an exact palette.
    let mut used = vec![0u64; palette.len()];
    let nearest = Nearest::new(&palette);
    for &(c, n) in colours {
        used[nearest.find(c)] += u64::from(n);
    }
    let mut order: Vec<usize> = (0..palette.len()).collect();
    order.sort_unstable_by_key(|&i| (std::cmp::Reverse(used[i]), palette[i]));
    order.into_iter().map(|i| palette[i]).collect()
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

    /// The shipped article's and timeline's cards, in both languages.
    fn shipped() -> (std::path::PathBuf, Catalog, Article, Timeline) {
        let dir = crate::root().join("content");
        let catalog = folio_model::parse::catalog(&std::fs::read_to_string(dir.join("catalog.json")).unwrap()).unwrap();
        let text = std::fs::read_to_string(dir.join("articles/japan-overtures-to-russia.json")).unwrap();
        let article = folio_model::parse::article(&text).unwrap();
        let text = std::fs::read_to_string(dir.join("timelines/japan-russia-summits.json")).unwrap();
        let timeline: Timeline = folio_model::parse::from_json(&text).unwrap();
        (dir, catalog, article, timeline)
    }

    /// A card drawn as `write_all` draws it.
    fn png(card: &Card, dir: &Path) -> Vec<u8> {
        let fonts = Fonts::get().unwrap();
        let figure = Figures::default().get(&card.picture, dir, fonts).cloned();
        encode(&card.layout(fonts).draw(fonts, figure.as_ref())).unwrap()
    }

    /// A PNG's pixels, decoded by the `png` crate, as 0xRRGGBB.
    fn decode(png: &[u8]) -> (png::OutputInfo, Vec<Rgb>) {
        let mut decoder = png::Decoder::new(png);
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgb, "opaque");
        let px = buf[..info.buffer_size()]
            .chunks(3)
            .map(|c| u32::from(c[0]) << 16 | u32::from(c[1]) << 8 | u32::from(c[2]))
            .collect();
        (info, px)
    }

    /// The shipped content's cards, drawn: a PNG of the card's size each.
    #[test]
    fn the_shipped_articles_and_timeline_draw_as_1200_by_630_pngs() {
        let (dir, catalog, article, timeline) = shipped();
        let fonts = Fonts::get().unwrap();
        for lang in [Lang::En, Lang::Zh] {
            for card in [Card::of_article(&catalog, &article, lang), Card::of_timeline(&catalog, &timeline, lang)] {
                let layout = card.layout(fonts);
                let start: String = card.headline.chars().take(3).collect();
                assert!(layout.texts.iter().any(|(_, _, t)| t.starts_with(&start)), "the headline is set");
                let png = png(&card, &dir);
                assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
                let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
                assert_eq!((size(16), size(20)), (1200, 630), "IHDR");
            }
        }
        let zh = Card::of_article(&catalog, &article, Lang::Zh);
        assert!(matches!(zh.picture, Picture::File { path, .. } if path.ends_with(".zh.svg")), "the Chinese map");
    }

    /// A card's PNG decodes to the pixels drawn: exactly when the card has
    /// at most 256 colours (every card without a figure), and within the
    /// palette's error when it has more (the map's, the timeline's).
    #[test]
    fn the_png_holds_the_pixels_drawn() {
        let (dir, catalog, article, timeline) = shipped();
        let fonts = Fonts::get().unwrap();
        let mut text_only = article.clone();
        text_only.figure = None;
        for lang in [Lang::En, Lang::Zh] {
            let cards = [
                Card::of_article(&catalog, &text_only, lang),
                Card::of_article(&catalog, &article, lang),
                Card::of_timeline(&catalog, &timeline, lang),
            ];
            for card in &cards {
                let figure = Figures::default().get(&card.picture, &dir, fonts).cloned();
                let canvas = card.layout(fonts).draw(fonts, figure.as_ref());
                let (info, px) = decode(&encode(&canvas).unwrap());
                assert_eq!((info.width, info.height), (W, H));
                let colours: std::collections::HashSet<Rgb> = canvas.px.iter().copied().collect();
                let errors: Vec<u32> = canvas.px.iter().zip(&px).map(|(a, b)| distance(*a, *b)).collect();
                if colours.len() <= 256 {
                    assert!(errors.iter().all(|e| *e == 0), "{}: exact", card.headline);
                    continue;
                }
                // The paper, the inks and the panel are exact; an edge's
                // shade is off by a few levels at most.
                for c in [PAPER, INK, ACCENT, PAPER_ALT] {
                    assert!(canvas.px.iter().zip(&px).filter(|(a, _)| **a == c).all(|(a, b)| a == b), "{c:06x} exact");
                }
                let mean = errors.iter().map(|e| f64::from(*e).sqrt()).sum::<f64>() / errors.len() as f64;
                let worst = errors.iter().max().map_or(0.0, |e| f64::from(*e).sqrt());
                assert!(mean < 0.1 && worst < 40.0, "{}: mean {mean:.3}, worst {worst:.1}", card.headline);
            }
        }
    }

    /// The same card gives the same bytes, with the glyph cache cold or
    /// warm, on one thread or two.
    #[test]
    fn a_card_is_drawn_the_same_whatever_the_cache_and_the_threads() {
        let (dir, catalog, article, _) = shipped();
        let cards = [Lang::En, Lang::Zh].map(|lang| Card::of_article(&catalog, &article, lang));
        let first: Vec<Vec<u8>> = cards.iter().map(|c| png(c, &dir)).collect();
        *Fonts::get().unwrap().glyphs.lock().unwrap() = Glyphs::default();
        let again: Vec<Vec<u8>> = std::thread::scope(|s| {
            let handles: Vec<_> = cards.iter().map(|c| s.spawn(|| png(c, &dir))).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(first == again, "the same bytes");
    }

    /// A headline that is empty, enormous, or in characters no face has,
    /// and a figure that is missing, has no size or is no image: the card
    /// is drawn all the same, with what can be drawn.
    #[test]
    fn bad_input_draws_what_it_can() {
        let (dir, catalog, article, _) = shipped();
        let word: String = "Wladiwostok".repeat(2000);
        let many = "the islands ".repeat(5000);
        let headlines = [
            "",
            " ",
            "\n\t\u{7}",
            &word,
            &many,
            "مرحبا بالعالم",
            "emoji 🗾🇯🇵 ZWJ 👩\u{200d}💻 \u{10ffff}\u{e000}",
            "日本\u{fe0f}\u{301}",
        ];
        let pictures = || {
            [
                Picture::None,
                Picture::File { path: "figures/missing.svg", width: 800, height: 560 },
                Picture::File { path: "figures/southern-kuril-islands.svg", width: 0, height: 0 },
                Picture::File { path: "catalog.json", width: 10, height: 10_000_000 },
                Picture::Axis(vec![-1.0, 0.5, 2.0, f64::NAN]),
            ]
        };
        for (headline, picture) in headlines.iter().flat_map(|h| pictures().map(|p| (h, p))) {
            let mut card = Card::of_article(&catalog, &article, Lang::En);
            card.headline = headline.to_string();
            card.picture = picture;
            let png = png(&card, &dir);
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{headline:.40}");
        }
    }

    /// A figure stands in the key by its size and time: an edited one
    /// changes it, an untouched one does not.
    #[test]
    fn an_edited_figure_changes_the_key() {
        let dir = std::env::temp_dir().join(format!("folio-card-key-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("figures")).unwrap();
        std::fs::write(dir.join("figures/map.svg"), "<svg/>").unwrap();
        let card = |path| Card {
            lang: Lang::En,
            kicker: "FOLIO · WORLD".into(),
            headline: "Islands".into(),
            footer: String::new(),
            picture: Picture::File { path, width: 800, height: 560 },
        };
        let before = card("figures/map.svg").key(&dir);
        assert_eq!(card("figures/map.svg").key(&dir), before, "untouched");
        std::fs::write(dir.join("figures/map.svg"), "<svg><path d='M0 0h9'/></svg>").unwrap();
        assert_ne!(card("figures/map.svg").key(&dir), before, "edited");
        assert_ne!(card("figures/other.svg").key(&dir), before, "another file");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A line is shaped as usvg shapes it (ligatures, kerning), and a
    /// character its face lacks is set in another: Latin and Chinese in
    /// the serif, and what no face has as the serif's missing glyph.
    #[test]
    fn text_is_shaped_with_ligatures_and_fallback() {
        let fonts = Fonts::get().unwrap();
        let style = Style::headline(64.0);
        assert_eq!(fonts.shape("fi", style).len(), 1, "the fi ligature");
        let shaped = fonts.shape("AV", style);
        assert!(shaped[1].2 < fonts.width("A", style), "A and V kerned");
        let mixed = fonts.shape("Abe 安倍 ب", style);
        assert!(mixed.iter().all(|g| g.0 == Face::SerifBold));
        assert_eq!(mixed.last().map(|g| g.1), Some(0), "no face has Arabic");
        assert!(fonts.shape("a\u{7}b", style).len() == 2, "a control character is nothing");
        // A character only the sans has is set in it, and the serif goes
        // on after it.
        let serif = fonts.face(Face::SerifBold);
        let sans_only = (0x20..0x3_0000)
            .filter_map(char::from_u32)
            .find(|c| serif.glyph_index(*c).is_none() && fonts.face(Face::SansBold).glyph_index(*c).is_some())
            .expect("a character the serif lacks");
        let faces: Vec<Face> = fonts.shape(&format!("x{sans_only}y"), style).iter().map(|g| g.0).collect();
        assert_eq!(faces, [Face::SerifBold, Face::SansBold, Face::SerifBold], "{sans_only:?}");
        let w = fonts.width(&format!("x{sans_only}y"), style);
        assert!(w > fonts.width("xy", style), "measured in the face it is set in");
    }

    /// `write_all` draws every card of the shipped content, and a rebuild
    /// with the same inputs draws none and keeps them all.
    #[test]
    fn write_all_draws_what_changed_only() {
        let (dir, catalog, _, timeline) = shipped();
        let articles: Vec<Article> = ["japan-overtures-to-russia", "seven-decades-of-summits"]
            .iter()
            .map(|n| {
                let text = std::fs::read_to_string(dir.join(format!("articles/{n}.json"))).unwrap();
                folio_model::parse::article(&text).unwrap()
            })
            .collect();
        let dist = std::env::temp_dir().join(format!("folio-cards-dist-{}", std::process::id()));
        let build = || {
            let out = Output::new(&dist).unwrap();
            write_all(&out, &catalog, &articles, std::slice::from_ref(&timeline), &dir).unwrap();
            out.finish().unwrap()
        };
        let first = build();
        assert_eq!((first.written, first.unchanged), (6, 0));
        let path = dist.join(card_path(CardOf::Article(&articles[0].slug), Lang::Zh));
        let (info, _) = decode(&std::fs::read(path).unwrap());
        assert_eq!((info.width, info.height), (W, H));
        let again = build();
        assert_eq!((again.written, again.unchanged, again.removed), (0, 6, 0));
        let manifest = crate::root()
            .join("target/dist-manifests")
            .join(format!("{}-cards.tsv", &digest(&[&dist.to_string_lossy()])[..16]));
        std::fs::remove_file(manifest).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
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
    /// cards, the article's map cards and the timeline's, one thread, with
    /// the glyph cache warm (as it is over an archive) and then cold.
    /// `cargo test --profile xtask -p xtask card_profile -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn card_profile() {
        use std::time::{Duration, Instant};
        fn repeat<'a, 'b>(cards: &'a [Card<'b>], n: usize) -> Vec<&'a Card<'b>> {
            (0..n).flat_map(|_| cards.iter()).collect()
        }
        let t = Instant::now();
        let fonts = Fonts::get().unwrap();
        println!("fonts loaded once: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
        let (dir, catalog, article, timeline) = shipped();
        let synthetic = synthetic_cards(&catalog);
        let figure: Vec<Card> = [Lang::En, Lang::Zh].map(|l| Card::of_article(&catalog, &article, l)).into();
        let axis: Vec<Card> = [Lang::En, Lang::Zh].map(|l| Card::of_timeline(&catalog, &timeline, l)).into();
        let groups: Vec<(&str, Vec<&Card>)> = vec![
            ("text-only en, cold", synthetic.iter().filter(|c| c.lang == Lang::En).collect()),
            ("text-only zh, cold", synthetic.iter().filter(|c| c.lang == Lang::Zh).collect()),
            ("text-only en", synthetic.iter().filter(|c| c.lang == Lang::En).collect()),
            ("text-only zh", synthetic.iter().filter(|c| c.lang == Lang::Zh).collect()),
            ("map en", repeat(&figure[..1], 10)),
            ("map zh", repeat(&figure[1..], 10)),
            ("timeline en+zh", repeat(&axis, 10)),
        ];
        let ms = |d: Duration, n: usize| d.as_secs_f64() * 1e3 / n as f64;
        // What a rebuild that draws nothing costs a card: its key.
        let t = Instant::now();
        for card in synthetic.iter().chain(&figure).cycle().take(10_000) {
            std::hint::black_box(card.key(&dir));
        }
        println!("key: {:.1} µs a card", t.elapsed().as_secs_f64() * 1e6 / 10_000.0);
        for (name, cards) in groups {
            if name.ends_with("cold") {
                *fonts.glyphs.lock().unwrap() = Glyphs::default();
            }
            let n = cards.len();
            let (mut layout, mut figure, mut draw, mut index, mut png): (
                Duration,
                Duration,
                Duration,
                Duration,
                Duration,
            ) = Default::default();
            let mut bytes = 0;
            let mut colours = 0;
            for card in &cards {
                let t = Instant::now();
                let laid = card.layout(fonts);
                layout += t.elapsed();
                let t = Instant::now();
                let pixmap = Figures::default().get(&card.picture, &dir, fonts).cloned();
                figure += t.elapsed();
                let t = Instant::now();
                let canvas = laid.draw(fonts, pixmap.as_ref());
                draw += t.elapsed();
                let t = Instant::now();
                colours += indexed(&canvas).0.len();
                index += t.elapsed();
                let t = Instant::now();
                bytes += encode(&canvas).unwrap().len();
                png += t.elapsed();
            }
            let total: Duration = layout + figure + draw + png;
            println!(
                "{name} ({n}): {:.2} ms a card: layout {:.2}, figure {:.2}, draw {:.2}, png {:.2} \
                 (of which the palette {:.2}); {:.1} KB; {} colours",
                ms(total, n),
                ms(layout, n),
                ms(figure, n),
                ms(draw, n),
                ms(png, n),
                ms(index, n),
                bytes as f64 / 1e3 / n as f64,
                colours / n,
            );
        }
    }

    /// Writes the shipped article's and timeline's cards, and two of
    /// [`synthetic_cards`] without a figure, to `/tmp/cards/` to look at:
    /// `cargo test --profile xtask -p xtask card_samples -- --ignored`.
    #[test]
    #[ignore]
    fn card_samples() {
        let (dir, catalog, article, timeline) = shipped();
        let out = std::path::PathBuf::from("/tmp/cards");
        std::fs::create_dir_all(&out).unwrap();
        let mut plain = synthetic_cards(&catalog);
        let zh = plain.swap_remove(7);
        let en = plain.swap_remove(8);
        for lang in [Lang::En, Lang::Zh] {
            let code = lang.code();
            let map = Card::of_article(&catalog, &article, lang);
            let axis = Card::of_timeline(&catalog, &timeline, lang);
            for (name, card) in [(format!("map.{code}"), &map), (format!("timeline.{code}"), &axis)] {
                std::fs::write(out.join(format!("{name}.png")), png(card, &dir)).unwrap();
            }
        }
        for (name, card) in [("text.en", &en), ("text.zh", &zh)] {
            std::fs::write(out.join(format!("{name}.png")), png(card, &dir)).unwrap();
        }
    }

    /// Rows of `bpp`-byte pixels, each with its filter byte: 0 to 4 as
    /// PNG numbers them, 5 the one of the five with the least sum.
    fn filtered(raw: &[u8], bpp: usize, filter: u8) -> Vec<u8> {
        let stride = W as usize * bpp;
        let mut out = Vec::with_capacity(raw.len() + H as usize);
        let zero = vec![0u8; stride];
        for (r, row) in raw.chunks(stride).enumerate() {
            let up = if r == 0 { &zero[..] } else { &raw[(r - 1) * stride..r * stride] };
            let apply = |f: u8| -> Vec<u8> {
                (0..stride)
                    .map(|i| {
                        let a = if i >= bpp { row[i - bpp] } else { 0 };
                        let b = up[i];
                        let c = if i >= bpp { up[i - bpp] } else { 0 };
                        let predicted = match f {
                            0 => 0,
                            1 => a,
                            2 => b,
                            3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                            _ => {
                                let p = i16::from(a) + i16::from(b) - i16::from(c);
                                let (pa, pb, pc) =
                                    ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
                                if pa <= pb && pa <= pc {
                                    a
                                } else if pb <= pc {
                                    b
                                } else {
                                    c
                                }
                            }
                        };
                        row[i].wrapping_sub(predicted)
                    })
                    .collect()
            };
            let (f, bytes) = if filter < 5 {
                (filter, apply(filter))
            } else {
                (0..5)
                    .map(|f| (f, apply(f)))
                    .min_by_key(|(_, b)| b.iter().map(|&x| u64::from((x as i8).unsigned_abs())).sum::<u64>())
                    .unwrap()
            };
            out.push(f);
            out.extend(bytes);
        }
        out
    }

    /// A zlib stream by miniz at `level` with `strategy` (0 default, 3
    /// run-length only), or by fdeflate (`level` 0).
    fn zlib(data: &[u8], level: u8, strategy: i32) -> Vec<u8> {
        use miniz_oxide::deflate::core::{
            compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
        };
        if level == 0 {
            return fdeflate::compress_to_vec(data);
        }
        if level >= 10 {
            // zlib-rs, at `level` - 10.
            let mut config = zlib_rs::DeflateConfig::new(i32::from(level) - 10);
            if strategy == 3 {
                config.strategy = zlib_rs::Strategy::Rle;
            }
            let mut out = vec![0; zlib_rs::compress_bound(data.len())];
            let (written, rc) = zlib_rs::compress_slice(&mut out, data, config);
            assert_eq!(rc, zlib_rs::ReturnCode::Ok);
            let n = written.len();
            out.truncate(n);
            return out;
        }
        let mut c = CompressorOxide::new(create_comp_flags_from_zip_params(level.into(), 1, strategy));
        let mut out = Vec::new();
        let mut buf = vec![0u8; 1 << 16];
        let mut input = data;
        loop {
            let (status, read, written) = compress(&mut c, input, &mut buf, TDEFLFlush::Finish);
            out.extend_from_slice(&buf[..written]);
            input = &input[read..];
            match status {
                TDEFLStatus::Done => return out,
                TDEFLStatus::Okay => {}
                other => panic!("{other:?}"),
            }
        }
    }

    /// Sizes and times of what a card could be written as: JPEG at a few
    /// qualities, and PNG indexed (as [`encode`] writes it) or RGB, with
    /// each row filter (0 none, 2 up, 4 Paeth, 5 the least sum of five)
    /// and each deflater; a photograph's card too with CARD_PHOTO=FILE.jpg.
    /// `cargo test --profile xtask -p xtask card_formats -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn card_formats() {
        use std::time::Instant;
        let fonts = Fonts::get().unwrap();
        let (dir, catalog, article, timeline) = shipped();
        let synthetic = synthetic_cards(&catalog);
        let mut groups: Vec<(String, Vec<Canvas>)> = Vec::new();
        let draw = |card: &Card| {
            let figure = Figures::default().get(&card.picture, &dir, fonts).cloned();
            card.layout(fonts).draw(fonts, figure.as_ref())
        };
        for lang in [Lang::En, Lang::Zh] {
            let cards = synthetic.iter().filter(|c| c.lang == lang).take(20).map(draw).collect();
            groups.push((format!("text-only {}", lang.code()), cards));
            groups.push((format!("map {}", lang.code()), vec![draw(&Card::of_article(&catalog, &article, lang))]));
            groups
                .push((format!("timeline {}", lang.code()), vec![draw(&Card::of_timeline(&catalog, &timeline, lang))]));
        }
        // A photograph as the figure, if CARD_PHOTO names a JPEG file.
        if let Ok(photo) = std::env::var("CARD_PHOTO") {
            let content = std::env::temp_dir().join(format!("folio-card-photo-{}", std::process::id()));
            std::fs::create_dir_all(content.join("figures")).unwrap();
            std::fs::copy(&photo, content.join("figures/photo.jpg")).unwrap();
            let mut card = Card::of_article(&catalog, &article, Lang::En);
            card.picture = Picture::File { path: "figures/photo.jpg", width: 720, height: 477 };
            let figure = Figures::default().get(&card.picture, &content, fonts).cloned();
            assert!(figure.is_some(), "the photo is read");
            groups.push(("photo en".into(), vec![card.layout(fonts).draw(fonts, figure.as_ref())]));
        }
        for (name, canvases) in &groups {
            let colours: std::collections::HashSet<Rgb> = canvases[0].px.iter().copied().collect();
            println!("{name}: {} colours", colours.len());
            // Each card's bytes: indexed (its own colours, or 256 chosen
            // by `quantise`), or RGB.
            let t = Instant::now();
            let cards: Vec<(Vec<u8>, Vec<u8>)> = canvases
                .iter()
                .map(|canvas| {
                    let (palette, indices) = indexed(canvas);
                    (palette.iter().flat_map(|c| [(c >> 16) as u8, (c >> 8) as u8, *c as u8]).collect(), indices)
                })
                .collect();
            println!("  palette: {:.2} ms", t.elapsed().as_secs_f64() * 1e3 / canvases.len() as f64);
            type Cards = Vec<(Vec<u8>, Vec<u8>)>;
            let mut inputs: Vec<(&str, usize, Cards)> = vec![("indexed", 1, cards)];
            let rgb = canvases
                .iter()
                .map(|c| (Vec::new(), c.px.iter().flat_map(|c| [(c >> 16) as u8, (c >> 8) as u8, *c as u8]).collect()))
                .collect();
            inputs.push(("rgb", 3, rgb));
            for (quality, sampling) in [(75, "4:2:0"), (80, "4:2:0"), (85, "4:2:0"), (90, "4:2:0"), (90, "4:4:4")] {
                let t = Instant::now();
                let mut bytes = 0;
                for canvas in canvases {
                    let rgb: Vec<u8> =
                        canvas.px.iter().flat_map(|c| [(c >> 16) as u8, (c >> 8) as u8, *c as u8]).collect();
                    let mut out = Vec::new();
                    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
                    encoder.set_optimized_huffman_tables(true);
                    encoder.set_sampling_factor(match sampling {
                        "4:4:4" => jpeg_encoder::SamplingFactor::R_4_4_4,
                        _ => jpeg_encoder::SamplingFactor::R_4_2_0,
                    });
                    encoder.encode(&rgb, W as u16, H as u16, jpeg_encoder::ColorType::Rgb).unwrap();
                    bytes += out.len();
                    if canvases.len() == 1 {
                        std::fs::create_dir_all("/tmp/cards/formats").unwrap();
                        let name =
                            format!("/tmp/cards/formats/{}-q{quality}-{}.jpg", name.replace(' ', "-"), &sampling[..3]);
                        std::fs::write(name, &out).unwrap();
                    }
                }
                let n = canvases.len() as f64;
                println!(
                    "  jpeg q{quality} {sampling}: {:.1} KB {:.1} ms",
                    bytes as f64 / 1e3 / n,
                    t.elapsed().as_secs_f64() * 1e3 / n
                );
            }
            if canvases.len() == 1 {
                std::fs::write(
                    format!("/tmp/cards/formats/{}-indexed.png", name.replace(' ', "-")),
                    encode(&canvases[0]).unwrap(),
                )
                .unwrap();
            }
            for (kind, bpp, cards) in &inputs {
                for filter in [0u8, 2, 4] {
                    let rows: Vec<Vec<u8>> = cards.iter().map(|(_, raw)| filtered(raw, *bpp, filter)).collect();
                    let mut line = format!("  {kind} filter {filter}:");
                    for (level, strategy, label) in [
                        (0u8, 0, "fdeflate"),
                        (3, 0, "miniz 3"),
                        (6, 0, "miniz 6"),
                        (11, 0, "zlib-rs 1"),
                        (13, 0, "zlib-rs 3"),
                        (14, 0, "zlib-rs 4"),
                        (16, 0, "zlib-rs 6"),
                        (19, 0, "zlib-rs 9"),
                    ] {
                        let t = Instant::now();
                        let mut bytes = 0;
                        for ((plte, _), rows) in cards.iter().zip(&rows) {
                            let idat = zlib(rows, level, strategy);
                            bytes += png_file(if *bpp == 1 { 3 } else { 2 }, plte, &idat).len();
                        }
                        let n = cards.len() as f64;
                        line += &format!(
                            " {label} {:.1} KB {:.1} ms;",
                            bytes as f64 / 1e3 / n,
                            t.elapsed().as_secs_f64() * 1e3 / n
                        );
                    }
                    println!("{line}");
                }
            }
        }
    }

    #[test]
    fn content_strings_stay_text_in_the_drawing() {
        assert_eq!(xml("<script>\"&"), "&lt;script&gt;&quot;&amp;");
    }
}
