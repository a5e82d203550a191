//! The share cards measured and looked at, by tests that run only when
//! asked for (`-- --ignored`): where a card's time goes
//! ([`card_profile`]), samples to look at ([`card_samples`]), and the
//! formats a card could be written in ([`card_formats`]).

use super::fonts::Glyphs;
use super::png::{indexed, png_file};
use super::tests::{png, shipped};
use super::*;

/// 200 cards without a figure, half English and half Chinese, with
/// headlines of realistic length cut from the shipped articles' own
/// paragraphs, for [`card_profile`].
fn synthetic_cards(catalog: &Catalog) -> Vec<Card<'static>> {
    let dir = crate::root().join("content");
    let mut paragraphs: Vec<(String, String)> = Vec::new();
    for name in ["japan-overtures-to-russia", "seven-decades-of-summits"] {
        let a = super::tests::shipped_article(&dir, name);
        for block in a.pages.iter().flatten() {
            let t = block.words();
            paragraphs.push((t.get(Lang::En).0.to_owned(), t.get(Lang::Zh).0.to_owned()));
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
        let (mut layout, mut figure, mut draw, mut index, mut png): (Duration, Duration, Duration, Duration, Duration) =
            Default::default();
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
        groups.push((format!("timeline {}", lang.code()), vec![draw(&Card::of_timeline(&catalog, &timeline, lang))]));
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
                let rgb: Vec<u8> = canvas.px.iter().flat_map(|c| [(c >> 16) as u8, (c >> 8) as u8, *c as u8]).collect();
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
