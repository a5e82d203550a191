//! The card's size, margins and colours, which every part of the drawing
//! shares.

pub(super) const W: u32 = 1200;
pub(super) const H: u32 = 630;
pub(super) const MARGIN: f32 = 64.0;
/// The width of the panel that holds a figure, on the right.
pub(super) const FIGURE_W: f32 = 500.0;

/// A colour, 0xRRGGBB.
pub(super) type Rgb = u32;
pub(super) const PAPER: Rgb = 0xffffff;
pub(super) const ACCENT: Rgb = 0xb3121b;
pub(super) const INK: Rgb = 0x1d1d1f;
pub(super) const INK_SOFT: Rgb = 0x4a4a4f;
pub(super) const PAPER_ALT: Rgb = 0xf6f5f2;
