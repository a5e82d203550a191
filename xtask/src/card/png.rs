//! The card written as an indexed PNG: its own colours when it has at
//! most 256, else 256 chosen for it.

use super::canvas::Canvas;
use super::design::{Rgb, H, W};
use std::collections::HashMap;

/// The card as PNG: indexed, 8 bits a pixel, its palette the card's own
/// colours (all of them when it has at most 256, as a card without a
/// figure always has), each row unfiltered, deflated by zlib-rs at level
/// 6. Measured on 200 cards (`card_formats`): 14 to 16 KB a card, against
/// 27 to 33 as RGB with filters chosen row by row; unfiltered indices beat
/// every filter, since a card is mostly paper; zlib-rs is two to three
/// times faster than miniz (flate2's, the `png` crate's) at the same size,
/// and level 9 saves 5% for four times the time.
pub(super) fn encode(canvas: &Canvas) -> std::result::Result<Vec<u8>, String> {
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
pub(super) fn png_file(colour: u8, palette: &[u8], idat: &[u8]) -> Vec<u8> {
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
pub(super) fn indexed(canvas: &Canvas) -> (Vec<Rgb>, Vec<u8>) {
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
pub(super) fn distance(a: Rgb, b: Rgb) -> u32 {
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
