//! Whole cards drawn: the shipped content's, bad input's, and
//! `write_all`'s, and what their PNGs hold.

use super::fonts::Glyphs;
use super::png::distance;
use super::*;

/// The shipped article's and timeline's cards, in both languages.
pub(super) fn shipped() -> (std::path::PathBuf, Catalog, Article, Timeline) {
    let dir = crate::root().join("content");
    let catalog = folio_model::parse::catalog(&std::fs::read_to_string(dir.join("catalog.json")).unwrap()).unwrap();
    let article = shipped_article(&dir, "japan-overtures-to-russia");
    let text = std::fs::read_to_string(dir.join(folio_model::files::timeline("japan-russia-summits"))).unwrap();
    let timeline: Timeline = folio_model::parse::from_json(&text).unwrap();
    (dir, catalog, article, timeline)
}

/// A shipped article, read as `dist` reads it (JSON or Markdown).
pub(super) fn shipped_article(dir: &Path, slug: &str) -> Article {
    crate::site::read_articles(dir).unwrap().into_iter().find(|a| a.slug == slug).expect(slug)
}

/// A card drawn as `write_all` draws it.
pub(super) fn png(card: &Card, dir: &Path) -> Vec<u8> {
    let fonts = Fonts::get().unwrap();
    let figure = Figures::default().get(&card.picture, dir, fonts).cloned();
    encode(&card.layout(fonts).draw(fonts, figure.as_ref())).unwrap()
}

/// A PNG's pixels, decoded by the `png` crate, as 0xRRGGBB.
fn decode(png: &[u8]) -> (::png::OutputInfo, Vec<Rgb>) {
    // `::png` is the crate: a bare `png` here is the card's own module.
    let mut decoder = ::png::Decoder::new(png);
    decoder.set_transformations(::png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, ::png::ColorType::Rgb, "opaque");
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

/// `write_all` draws every card of the shipped content, and a rebuild
/// with the same inputs draws none and keeps them all.
#[test]
fn write_all_draws_what_changed_only() {
    let (dir, catalog, _, timeline) = shipped();
    let articles: Vec<Article> =
        ["japan-overtures-to-russia", "seven-decades-of-summits"].iter().map(|n| shipped_article(&dir, n)).collect();
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

#[test]
fn content_strings_stay_text_in_the_drawing() {
    assert_eq!(xml("<script>\"&"), "&lt;script&gt;&quot;&amp;");
}
