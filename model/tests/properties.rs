//! Property tests of every parser: the address bar's paths, the content's
//! dates and times, UTF-8, `locate`, and whole content files mutated at
//! random. They read what anyone can type or publish, so beyond the
//! examples of the unit tests they must never panic, and must round-trip
//! where a round trip exists.
//!
//! 256 cases each by default, quick enough for every test run; set
//! `PROPTEST_CASES=100000` for a long run.

use folio_model::listing::Listing;
use folio_model::locate::{locate, JsonPath};
use folio_model::timestamp::Timestamp;
use folio_model::{parse, Date, Mode, PageSel, Route};
use proptest::prelude::*;

// ---------------------------------------------------------------- routes

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}"
}

fn route() -> impl Strategy<Value = Route> {
    let page = prop_oneof![(1usize..600).prop_map(PageSel::Page), Just(PageSel::All)];
    prop_oneof![
        (1usize..600).prop_map(|page| Route::Listing { listing: Listing::Latest, page }),
        (slug(), 1usize..600).prop_map(|(id, page)| Route::Listing { listing: Listing::Edition(id), page }),
        (slug(), 1usize..600).prop_map(|(id, page)| Route::Listing { listing: Listing::Section(id), page }),
        (slug(), page).prop_map(|(slug, page)| Route::Article { slug, page }),
        (slug(), proptest::option::of(slug())).prop_map(|(id, event)| Route::Timeline { id, event }),
        Just(Route::Search),
    ]
}

proptest! {
    /// Every view's address, in every mode, parses back to that view in
    /// that mode, as its canonical form.
    #[test]
    fn a_routes_href_parses_back_to_it_in_every_mode(route in route(), mode in prop_oneof![Just(Mode::En), Just(Mode::Zh), Just(Mode::Both)]) {
        let href = mode.localize(&route.href());
        let parsed = Route::parse(&href, "");
        prop_assert_eq!(&parsed.route, &route, "{}", href);
        prop_assert_eq!(parsed.mode, (mode != Mode::En).then_some(mode), "{}", href);
        prop_assert_eq!(parsed.canonical, None, "{} is canonical", href);
        prop_assert!(!parsed.embed);
    }

    /// Any path and query parse without a panic, and a canonical form, where
    /// one is given, is a fixed point that names the same view.
    #[test]
    fn any_address_parses_and_its_canonical_form_is_a_fixed_point(path in "(/[a-z0-9.%?=&-]{0,12}){0,6}/?", query in "[a-z=&%0-9]{0,20}") {
        let parsed = Route::parse(&path, &query);
        if let Some(canonical) = parsed.canonical {
            let (p, q) = canonical.split_once('?').unwrap_or((&canonical, ""));
            let again = Route::parse(p, q);
            prop_assert_eq!(&again.route, &parsed.route, "{} → {}", path, canonical);
            prop_assert_eq!(again.canonical, None, "{} → {} is canonical", path, canonical);
        }
    }

    /// Arbitrary text, not only address-like text.
    #[test]
    fn any_text_parses_as_an_address_without_a_panic(path in any::<String>(), query in any::<String>()) {
        let _ = Route::parse(&path, &query);
    }
}

// ---------------------------------------------------------------- dates and times

/// The reference: what a valid `YYYY-MM-DD` is, written out again from the
/// Gregorian rules, independently of `date.rs`.
fn reference_date(y: u32, m: u32, d: u32) -> bool {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1]
}

proptest! {
    #[test]
    fn a_date_is_accepted_exactly_when_the_calendar_has_it(y in 0u32..10000, m in 0u32..14, d in 0u32..33) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        let parsed: Result<Date, _> = text.parse();
        prop_assert_eq!(parsed.is_ok(), reference_date(y, m, d), "{}", text);
        if let Ok(date) = parsed {
            prop_assert_eq!(date.to_string(), text.clone());
            prop_assert_eq!(Date::from_day_number(date.day_number()), date);
        }
    }

    #[test]
    fn a_timestamp_is_accepted_exactly_when_it_is_a_real_time_with_an_offset(
        y in 0u32..10000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62, s in 0u32..62,
        zone in prop_oneof![Just("Z".to_owned()), (prop_oneof![Just('+'), Just('-')], 0u32..26, 0u32..62).prop_map(|(sign, oh, om)| format!("{sign}{oh:02}:{om:02}"))],
    ) {
        let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{zone}");
        // The documented ranges: years 1000–9999, a leap second, and the
        // offsets the world uses (±14:00 at most).
        let offset_ok = zone == "Z" || {
            let (oh, om): (u32, u32) = (zone[1..3].parse().unwrap(), zone[4..6].parse().unwrap());
            oh <= 14 && om <= 59
        };
        let valid = (1000..=9999).contains(&y) && reference_date(y, mo, d) && h <= 23 && mi <= 59 && s <= 60 && offset_ok;
        let parsed: Result<Timestamp, _> = text.parse();
        prop_assert_eq!(parsed.is_ok(), valid, "{}", text);
        if let Ok(t) = parsed {
            prop_assert_eq!((u32::from(t.year), u32::from(t.month), u32::from(t.day)), (y, mo, d));
            prop_assert_eq!((u32::from(t.hour), u32::from(t.minute), u32::from(t.second)), (h, mi, s));
            // Its written form reads back as itself ("+00:00" is written "Z").
            let again: Timestamp = t.to_string().parse().unwrap();
            prop_assert_eq!(again, t);
            prop_assert_eq!(t.second, s as u8);
        }
    }

    #[test]
    fn any_text_parses_as_a_date_or_a_time_without_a_panic(text in any::<String>()) {
        let _ = text.parse::<Date>();
        let _ = text.parse::<Timestamp>();
    }
}

// ---------------------------------------------------------------- UTF-8

proptest! {
    /// Accepted exactly when std accepts it; refused with the line and
    /// column of the first bad byte.
    #[test]
    fn utf8_agrees_with_std_and_says_where_it_breaks(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        match (parse::utf8(&bytes), std::str::from_utf8(&bytes)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(e), Err(std_err)) => {
                let good = std::str::from_utf8(&bytes[..std_err.valid_up_to()]).unwrap();
                prop_assert_eq!(e.line, good.matches('\n').count() + 1);
                prop_assert_eq!(e.column, good.rsplit('\n').next().unwrap().chars().count() + 1);
            }
            (a, b) => prop_assert!(false, "utf8 {:?}, std {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

// ---------------------------------------------------------------- locate

fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        "[a-z\u{4e00}-\u{4e0f} \"\\\\\n]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z\u{4e00}-\u{4e0f}]{1,4}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path in `v`, with the value there.
fn paths(v: &serde_json::Value, at: JsonPath, out: &mut Vec<(JsonPath, serde_json::Value)>) {
    out.push((at.clone(), v.clone()));
    match v {
        serde_json::Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| paths(x, at.index(i), out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, x)| paths(x, at.key(k), out)),
        _ => {}
    }
}

/// The byte offset of 1-based `line` and `column` (in characters).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
    start + text[start..].chars().take(column - 1).map(char::len_utf8).sum::<usize>()
}

proptest! {
    /// In compact or pretty JSON, every path's line and column is where its
    /// value begins: the text from there reads as that value.
    #[test]
    fn locate_finds_the_start_of_every_value(v in json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
        let mut all = Vec::new();
        paths(&v, JsonPath::root(), &mut all);
        for (path, value) in all {
            let (line, column) = locate(&text, &path).unwrap_or_else(|| panic!("{path:?} in {text}"));
            let rest = &text[offset(&text, line, column)..];
            let read = serde_json::Deserializer::from_str(rest).into_iter::<serde_json::Value>().next().unwrap().unwrap();
            prop_assert_eq!(read, value, "{:?} at {}:{} in {}", path, line, column, text);
        }
    }

    /// A path that is not there, or text that is not JSON: an answer, never
    /// a panic.
    #[test]
    fn locate_never_panics(text in any::<String>(), keys in proptest::collection::vec("[a-z\u{4e00}]{0,3}", 0..4), index in 0usize..4) {
        let mut path = JsonPath::root();
        for k in &keys {
            path = path.key(k);
        }
        let _ = locate(&text, &path.index(index));
        let _ = locate(&text, &JsonPath::root());
    }
}

// ---------------------------------------------------------------- content files

const ARTICLE: &str = include_str!("fixtures/seed-article.json");
const CATALOG: &str = include_str!("../../content/catalog.json");
const TIMELINE: &str = include_str!("../../content/timelines/japan-russia-summits.json");

/// One edit to a file: what a careless editor or a broken upload does.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Replace { at: usize, with: char },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), "[\\[\\]{}\",:0-9a-z\u{4e00} \\\\-]{1,6}")
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), any::<char>()).prop_map(|(at, with)| Mutation::Replace { at, with }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// `text` with `m` applied, at a character boundary.
fn apply(text: &str, m: &Mutation) -> String {
    let bound = |at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let span = |at: usize, len: usize| {
        let a = bound(at);
        (a, bound(a.saturating_add(len).min(text.len())))
    };
    match m {
        Mutation::Delete { at, len } => {
            let (a, b) = span(*at, *len);
            format!("{}{}", &text[..a], &text[b..])
        }
        Mutation::Insert { at, text: t } => {
            let a = bound(*at);
            format!("{}{t}{}", &text[..a], &text[a..])
        }
        Mutation::Replace { at, with } => {
            let a = bound(*at);
            let b = text[a..].chars().next().map_or(a, |c| a + c.len_utf8());
            format!("{}{with}{}", &text[..a], &text[b..])
        }
        Mutation::Duplicate { at, len } => {
            let (a, b) = span(*at, *len);
            format!("{}{}{}", &text[..b], &text[a..b], &text[b..])
        }
        Mutation::Truncate { at } => text[..bound(*at)].to_owned(),
    }
}

proptest! {
    /// A mutated article, catalog or timeline is either read or refused
    /// with an error that has a place; it never panics the parser.
    #[test]
    fn mutated_content_files_never_panic_the_parsers(edits in proptest::collection::vec(mutation(), 1..4)) {
        for original in [ARTICLE, CATALOG, TIMELINE] {
            let text = edits.iter().fold(original.to_owned(), |t, m| apply(&t, m));
            let errors = [
                parse::article(&text).err(),
                parse::catalog(&text).err(),
                folio_model::timeline::parse(&text).err(),
            ];
            for e in errors.into_iter().flatten() {
                prop_assert!(e.line >= 1 && e.column >= 1, "{}", e);
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}

#[test]
fn the_shipped_files_round_trip_through_their_types() {
    let article = parse::article(ARTICLE).unwrap();
    assert_eq!(parse::article(&serde_json::to_string(&article).unwrap()).unwrap(), article);
    let catalog = parse::catalog(CATALOG).unwrap();
    assert_eq!(parse::catalog(&serde_json::to_string(&catalog).unwrap()).unwrap(), catalog);
    let timeline = folio_model::timeline::parse(TIMELINE).unwrap();
    assert_eq!(folio_model::timeline::parse(&serde_json::to_string(&timeline).unwrap()).unwrap(), timeline);
}

// ---------------------------------------------------------------- marked text

fn rich() -> impl Strategy<Value = folio_model::Rich> {
    use folio_model::{Inline, Rich};
    // Any text, blank lines and markup-looking strings among it.
    let text = "(\\PC|\n|<[a-z]+>|&amp;| ){0,12}";
    let leaf = prop_oneof![text.prop_map(Inline::Text), text.prop_map(Inline::Code)];
    let inline = leaf.prop_recursive(3, 24, 4, move |inner| {
        let r = proptest::collection::vec(inner, 0..4).prop_map(Rich);
        prop_oneof![
            r.clone().prop_map(Inline::Em),
            r.clone().prop_map(Inline::Strong),
            r.clone().prop_map(Inline::Sup),
            r.clone().prop_map(Inline::Sub),
            ("(https://a\\.b/|/article/[a-z]{1,4}/|javascript:|)\\PC{0,6}", r)
                .prop_map(|(href, text)| Inline::Link { href, text }),
        ]
    });
    proptest::collection::vec(inline, 0..6).prop_map(Rich)
}

proptest! {
    /// Marked text written out reads back as the same words and marks
    /// (runs of text may merge: `["a", "b"]` is `"ab"`'s equal in words).
    #[test]
    fn marked_text_round_trips_and_never_panics(r in rich()) {
        let json = serde_json::to_string(&r).unwrap();
        let back: folio_model::Rich = parse::from_json(&json).unwrap();
        prop_assert_eq!(back.text(), r.text());
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        // Splitting into paragraphs keeps every word that is not white space.
        let words = |s: String| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>().concat();
        let split: String = r.paragraphs().iter().map(|p| p.text()).collect();
        prop_assert_eq!(words(split), words(r.text()));
    }

    /// Any link target is either refused or one of the kinds the page may
    /// follow: never a scheme that runs code.
    #[test]
    fn a_link_target_is_safe_or_refused(href in "(?i)(javascript|data|vbscript|https?|mailto|ftp)?:?/{0,2}\\PC{0,20}") {
        use folio_model::rich::Target;
        match Target::parse(&href) {
            Ok(Target::External(url)) => {
                let lower = url.to_ascii_lowercase();
                prop_assert!(lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"), "{}", url);
            }
            Ok(Target::Folio { route, .. }) => prop_assert!(href.starts_with('/') && !href.starts_with("//"), "{} {:?}", href, route),
            Err(_) => {}
        }
    }
}

// ---------------------------------------------------------------- Markdown

#[cfg(feature = "markdown")]
mod markdown {
    use folio_model::article::{Article, Block, Figure, FigureSrc, Item};
    use folio_model::markdown::{article, write, Md};
    use folio_model::{parse, Inline, Rich, RichText, Text};
    use proptest::prelude::*;

    /// Words as a newsroom writes them: letters, digits, Chinese, spaces
    /// between words and the punctuation of running text, including the
    /// characters Markdown would read as syntax (which the writer escapes).
    fn words() -> impl Strategy<Value = String> {
        "[A-Za-z0-9\u{4e00}-\u{4e0f}]{1,6}([ ,.;:'\"()?!*_#<>\\[\\]`&-]{0,2}[A-Za-z0-9\u{4e00}-\u{4e0f}]{1,6}){0,4}"
    }

    /// Marked text whose marks Markdown can say: each mark's words start
    /// and end with a letter, and a mark follows a space or the start.
    fn rich() -> impl Strategy<Value = Rich> {
        let mark = prop_oneof![
            words().prop_map(|w| Inline::Em(Rich::plain(w))),
            words().prop_map(|w| Inline::Strong(Rich::plain(w))),
            "[a-z0-9]{1,4}".prop_map(|w| Inline::Sup(Rich::plain(w))),
            "[a-z0-9]{1,4}".prop_map(|w| Inline::Sub(Rich::plain(w))),
            "[a-z0-9 ._-]{1,8}"
                .prop_map(|c| Inline::Code(c.trim().to_owned()))
                .prop_filter("words", |c| !matches!(c, Inline::Code(s) if s.is_empty())),
            (words(), "(https://example\\.org/[a-z]{0,4}|/article/[a-z]{1,4}/|mailto:a@b\\.org)")
                .prop_map(|(w, href)| Inline::Link { href, text: Rich::plain(w) }),
        ];
        (words(), proptest::collection::vec((mark, words()), 0..3)).prop_map(|(first, rest)| {
            let mut items = vec![Inline::Text(first)];
            for (m, after) in rest {
                if let Some(Inline::Text(t)) = items.last_mut() {
                    t.push(' ');
                }
                items.push(m);
                items.push(Inline::Text(format!(" {after}")));
            }
            Rich(items)
        })
    }

    fn text(zh: bool) -> impl Strategy<Value = RichText> {
        (rich(), rich()).prop_map(move |(en, z)| RichText { en, zh: zh.then_some(z) })
    }

    fn plain(zh: bool) -> impl Strategy<Value = Text> {
        (words(), words()).prop_map(move |(en, z)| Text { en, zh: zh.then_some(z) })
    }

    fn block(zh: bool) -> impl Strategy<Value = Block> {
        let item = (text(zh), proptest::collection::vec(text(zh), 0..3)).prop_map(|(text, sub)| Item {
            text,
            items: sub.into_iter().map(|text| Item { text, items: vec![] }).collect(),
        });
        prop_oneof![
            4 => (text(zh), proptest::collection::vec("[a-z0-9]{1,4}(-[a-z0-9]{1,4}){0,2}", 0..3)).prop_map(|(text, mut events)| {
                events.dedup();
                let mut seen = Vec::new();
                events.retain(|e| { let new = !seen.contains(e); seen.push(e.clone()); new });
                Block::Paragraph { text, events }
            }),
            1 => text(zh).prop_map(|text| Block::Subhead { text }),
            1 => (text(zh), proptest::option::of(plain(zh))).prop_map(|(text, cite)| Block::Quote { text, cite }),
            1 => text(zh).prop_map(|text| Block::Note { text }),
            1 => (any::<bool>(), proptest::collection::vec(item, 1..4)).prop_map(|(ordered, items)| Block::List { ordered, items }),
            // A credit is quoted with a quote it does not hold: never both.
            1 => (plain(zh), plain(zh), plain(zh).prop_map(|mut c| {
                    c.en = c.en.replace('\'', "’");
                    c.zh = c.zh.map(|z| z.replace('\'', "’"));
                    c
                }), 1u32..3000, 1u32..3000).prop_map(|(alt, caption, credit, width, height)| {
                Block::Figure(Figure { src: FigureSrc::one("figures/a.jpg"), width, height, alt, caption, credit })
            }),
        ]
    }

    fn generated() -> impl Strategy<Value = Article> {
        any::<bool>().prop_flat_map(|zh| {
            proptest::collection::vec(proptest::collection::vec(block(zh), 1..5), 1..4).prop_map(move |pages| {
                let mut a = parse::article(include_str!("fixtures/seed-article.json")).unwrap();
                a.slug = "generated".into();
                if !zh {
                    for t in [&mut a.column, &mut a.headline, &mut a.summary, &mut a.byline.author] {
                        t.zh = None;
                    }
                    if let Some(s) = a.byline.source.as_mut() {
                        s.zh = None;
                    }
                    a.figure = None;
                }
                a.pages = pages;
                a
            })
        })
    }

    fn read(en: &str, zh: Option<&str>) -> Result<Article, Vec<folio_model::ContentError>> {
        article(
            Md { name: "articles/generated.md", text: en },
            zh.map(|text| Md { name: "articles/generated.zh.md", text }),
        )
        .map(|p| p.article)
    }

    proptest! {
        /// An article written as Markdown reads back as itself: marks,
        /// links, citations, lists, quotes, notes and figures, in both
        /// languages, page by page.
        #[test]
        fn an_article_round_trips_through_markdown(a in generated()) {
            let (en, zh) = write::article(&a).map_err(TestCaseError::fail)?;
            let back = read(&en, zh.as_deref()).map_err(|e| TestCaseError::fail(format!("{e:#?}\n{en}")))?;
            prop_assert_eq!(back, a, "{}\n{}", en, zh.unwrap_or_default());
        }

        /// Any body, however broken, is read without a panic: mapped, or
        /// reported with its file and a line in it.
        #[test]
        fn any_markdown_is_mapped_or_reported_never_a_panic(
            body in proptest::collection::vec(prop_oneof![
                Just("\n"), Just("\n\n"), Just("# "), Just("## "), Just("- "), Just("1. "), Just("   "), Just("> "), Just("[!NOTE]"),
                Just("*"), Just("**"), Just("_"), Just("^"), Just("~"), Just("`"), Just("```"), Just("["), Just("]"), Just("("), Just(")"),
                Just("!["), Just("<b>"), Just("<!--nextpage-->"), Just("---"), Just("[@"), Just("@e-1"), Just(";"), Just("{width=3 height=2}"),
                Just("https://a.org/"), Just("javascript:x"), Just("/article/a/"), Just("word"), Just("字"), Just("\\"), Just("|"), Just("&amp;"),
            ], 0..40),
            zh in proptest::option::of(proptest::collection::vec(prop_oneof![Just("\n\n"), Just("- "), Just("字"), Just("## "), Just("<!--nextpage-->")], 0..10)),
        ) {
            let front = "+++\nsection = \"s\"\nheadline = \"h\"\nsummary = \"s\"\ncolumn = \"c\"\nauthor = \"a\"\npublished = 2016-09-07T07:48:00+08:00\n+++\n";
            let en = format!("{front}{}", body.concat());
            let zh = zh.map(|z| format!("+++\n+++\n{}", z.concat()));
            if let Err(errors) = read(&en, zh.as_deref()) {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(e.file.is_some() && e.line >= 1, "{}", e);
                    let text = if e.file.as_deref() == Some("articles/generated.md") { &en } else { zh.as_ref().unwrap() };
                    prop_assert!(e.line <= text.lines().count().max(1) + 1, "{} (of {} lines)", e, text.lines().count());
                }
            }
        }
    }
}
