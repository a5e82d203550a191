//! The card's pixels, opaque, and what is drawn on them: a coverage mask
//! in a colour, a line of text, a figure's pixmap, a timeline's axis.

use super::design::{Rgb, ACCENT, H, INK_SOFT, MARGIN, W};
use super::fonts::{Fonts, Mask, Style, LEVELS};
use resvg::tiny_skia;
use std::collections::HashMap;

/// A timeline's events: a rule across the card, a dot for each.
pub(super) fn axis(canvas: &mut Canvas, at: &[f64]) {
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
    // Close events overlap and darken: where they crowd shows. Every
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
pub(super) struct Canvas {
    pub(super) px: Vec<Rgb>,
}

impl Canvas {
    pub(super) fn new(colour: Rgb) -> Canvas {
        Canvas { px: vec![colour; (W * H) as usize] }
    }

    /// Fills the pixels from `x0`, `y0` up to `x1`, `y1`.
    pub(super) fn fill_rect(&mut self, x0: u32, y0: u32, x1: u32, y1: u32, colour: Rgb) {
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
    pub(super) fn draw_text(&mut self, fonts: &Fonts, text: &str, style: Style, x: f32, y: f32) {
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
    pub(super) fn draw_pixmap(&mut self, pixmap: &tiny_skia::Pixmap, x: u32, y: u32) {
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
