//! The faces the card is set in, read and parsed once a process; a line
//! shaped by rustybuzz; and each glyph rasterised once for each size and
//! quarter-pixel position into a coverage mask ([`Mask`]) that every
//! later card reuses.

use super::design::{Rgb, INK};
use crate::error::{Error, Result};
use resvg::{tiny_skia, usvg};
use rustybuzz::ttf_parser;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The families the card is set in (Debian's `fonts-noto-cjk`): one serif
/// and one sans, each with Latin and Chinese, so neither language falls
/// back to a face that lacks its glyphs.
const SERIF: &str = "Noto Serif CJK SC";
const SANS: &str = "Noto Sans CJK SC";

/// The faces the card is set in, and the glyphs drawn so far: read,
/// parsed and shared by every card and thread, once a process.
pub struct Fonts {
    /// Every system font, for the figures' own text (usvg); the card's
    /// faces in it are the bytes below, not a file mapped at every use.
    pub(super) db: Arc<usvg::fontdb::Database>,
    /// By [`Face`]: the bold serif, the bold sans, the sans.
    faces: [rustybuzz::Face<'static>; 3],
    pub(super) glyphs: Mutex<Glyphs>,
}

/// A face of [`Fonts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Face {
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
pub(super) struct Style {
    pub(super) face: Face,
    /// In px.
    pub(super) size: f32,
    pub(super) colour: Rgb,
    /// Added after each character, in px.
    pub(super) spacing: f32,
}

impl Style {
    pub(super) fn headline(size: f32) -> Style {
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
    /// [`wrap`](super::wrap) needs, as the card had it before: kerning moves a line's
    /// end by a pixel or two, mostly inwards.
    pub(super) fn width(&self, text: &str, style: Style) -> f32 {
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
    pub(super) fn shape(&self, text: &str, style: Style) -> Vec<(Face, u16, f32, f32)> {
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
    pub(super) fn glyph(&self, face: Face, glyph: u16, size: f32, dx: u8, dy: u8) -> Arc<Mask> {
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
pub(super) struct Glyphs {
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
pub(super) const LEVELS: u32 = 16;

/// A shape's coverage, from 0 to [`LEVELS`], in a box whose top left is
/// `left`, `top` from its origin.
pub(super) struct Mask {
    pub(super) left: i32,
    pub(super) top: i32,
    pub(super) width: usize,
    pub(super) levels: Vec<u8>,
}

impl Mask {
    pub(super) const EMPTY: Mask = Mask { left: 0, top: 0, width: 0, levels: Vec::new() };

    /// `path` (in px, its origin at 0, 0) filled, anti-aliased.
    pub(super) fn fill(path: &tiny_skia::Path, transform: tiny_skia::Transform) -> Mask {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
