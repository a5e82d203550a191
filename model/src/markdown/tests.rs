use super::*;
use crate::rich::Inline;
use crate::text::Lang;

const EN: &str = r#"+++
section = "opinion"
headline = "A *plain* headline"
summary = "What it says."
column = "Notes"
author = "Li Wei"
source = "Folio"
published = 2016-09-07T07:48:00+08:00
editions = ["asia"]

[figure]
src = "figures/lead.svg"
width = 1200
height = 800
alt = "A map"
caption = "The islands"
credit = "Folio"
+++

Abe met *Putin* in **Sochi**, see [the timeline](/timeline/japan-russia-summits/2016-05-sochi/)
and [elsewhere](https://example.org/a). [@2016-05-sochi; @2016-12-nagato]

## Where it began

- one `code`
- two ^1^ and H ~2~ O\
  next line
  - two a

> A quote.
>
> — Someone

<!--nextpage-->

1. first
2. second

![A pier at dawn](figures/pier.jpg "The pier"){width=1600 height=900 credit="Photo: Folio"}

> [!NOTE]
> Corrected on 8 September.

Last words, mail <desk@example.org>.
"#;

const ZH: &str = r#"+++
headline = "标题"
summary = "摘要。"
column = "札记"
author = "李伟"

[figure]
src = "figures/lead.zh.svg"
alt = "地图"
caption = "岛屿"
+++

安倍在**索契**会见*普京*。

## 缘起

- 一
- 二
  - 二甲

> 一句引语。
>
> — 某人

<!--nextpage-->

1. 第一
2. 第二

![黎明的码头](figures/pier.jpg "码头")

> [!NOTE]
> 九月八日更正。

最后。
"#;

fn md<'a>(name: &'a str, text: &'a str) -> Md<'a> {
    Md { name, text }
}

fn read(en: &str, zh: Option<&str>) -> Result<Parsed, Vec<ContentError>> {
    article(md("articles/sample.md", en), zh.map(|z| md("articles/sample.zh.md", z)))
}

fn errors(en: &str, zh: Option<&str>) -> Vec<String> {
    read(en, zh).unwrap_err().iter().map(|e| e.to_string()).collect()
}

#[test]
fn every_construct_maps_to_a_block_or_a_mark_in_both_languages() {
    let a = read(EN, Some(ZH)).unwrap().article;
    assert_eq!(a.slug, "sample");
    assert_eq!(
        a.headline,
        Text { en: "A *plain* headline".into(), zh: Some("标题".into()) },
        "front matter is plain text"
    );
    assert_eq!(a.byline.source, Some(Text::en("Folio")));
    assert_eq!(a.published.to_string(), "2016-09-07T07:48:00+08:00");
    let fig = a.figure.as_ref().unwrap();
    assert_eq!(fig.src.get(Lang::Zh), ("figures/lead.zh.svg", Lang::Zh));
    assert_eq!(fig.credit, Text::en("Folio"));
    assert_eq!(a.pages.len(), 2);
    let Block::Paragraph { text, events } = &a.pages[0][0] else { panic!("{:?}", a.pages[0][0]) };
    assert_eq!(events, &["2016-05-sochi", "2016-12-nagato"]);
    assert_eq!(
        text.en.0,
        [
            Inline::Text("Abe met ".into()),
            Inline::Em(Rich::plain("Putin")),
            Inline::Text(" in ".into()),
            Inline::Strong(Rich::plain("Sochi")),
            Inline::Text(", see ".into()),
            Inline::Link {
                href: "/timeline/japan-russia-summits/2016-05-sochi/".into(),
                text: Rich::plain("the timeline")
            },
            Inline::Text(" and ".into()),
            Inline::Link { href: "https://example.org/a".into(), text: Rich::plain("elsewhere") },
            Inline::Text(".".into()),
        ]
    );
    assert_eq!(text.zh.as_ref().unwrap().text(), "安倍在索契会见普京。");
    assert_eq!(a.pages[0][1].anchor().as_deref(), Some("s-where-it-began"));
    let Block::List { ordered: false, items } = &a.pages[0][2] else { panic!("{:?}", a.pages[0][2]) };
    assert_eq!(items[0].text.en.0, [Inline::Text("one ".into()), Inline::Code("code".into())]);
    assert_eq!(
        items[1].text.en.0,
        [
            Inline::Text("two ".into()),
            Inline::Sup(Rich::plain("1")),
            Inline::Text(" and H ".into()),
            Inline::Sub(Rich::plain("2")),
            Inline::Text(" O\nnext line".into())
        ]
    );
    assert_eq!(items[1].items[0].text.zh.as_ref().unwrap().text(), "二甲");
    let Block::Quote { text, cite } = &a.pages[0][3] else { panic!() };
    assert_eq!(
        (text.en.text(), cite.clone()),
        ("A quote.".into(), Some(Text { en: "Someone".into(), zh: Some("某人".into()) }))
    );
    assert!(matches!(&a.pages[1][0], Block::List { ordered: true, items } if items.len() == 2));
    let Block::Figure(f) = &a.pages[1][1] else { panic!() };
    assert_eq!((f.width, f.height, f.src.per_language()), (1600, 900, false));
    assert_eq!(f.alt, Text { en: "A pier at dawn".into(), zh: Some("黎明的码头".into()) });
    assert_eq!(f.credit, Text::en("Photo: Folio"));
    assert_eq!(
        a.pages[1][2],
        Block::Note {
            text: RichText {
                en: Rich::plain("Corrected on 8 September."), zh: Some(Rich::plain("九月八日更正。"))
            }
        }
    );
    let Block::Paragraph { text, .. } = &a.pages[1][3] else { panic!() };
    assert!(matches!(&text.en.0[1], Inline::Link { href, .. } if href == "mailto:desk@example.org"));
}

#[test]
fn an_article_reads_back_from_the_markdown_it_is_written_as() {
    let a = read(EN, Some(ZH)).unwrap().article;
    let (en, zh) = write::article(&a).unwrap();
    let back =
        read(&en, zh.as_deref()).unwrap_or_else(|e| panic!("{e:#?}\n{en}\n{}", zh.clone().unwrap_or_default())).article;
    assert_eq!(back, a);
    // The shipped articles: written back from what they read as, they
    // read the same again.
    for name in ["japan-overtures-to-russia", "seven-decades-of-summits"] {
        let a = shipped(name);
        let (en, zh) = write::article(&a).unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = article(md(&format!("articles/{name}.md"), &en), zh.as_deref().map(|z| md("articles/x.zh.md", z)))
            .unwrap_or_else(|e| panic!("{name}: {e:#?}"))
            .article;
        assert_eq!(back, a, "{name}");
    }
}

/// The README says one shipped article shows every block and every mark
/// in both languages: the explainer. Kept true as it is edited.
#[test]
fn the_shipped_explainer_shows_every_block_and_every_mark_in_both_languages() {
    use crate::rich::Rich;
    use crate::Block;
    fn marks(r: &Rich, out: &mut Vec<&'static str>) {
        for i in &r.0 {
            let (name, inner) = match i {
                Inline::Text(s) if s.contains('\n') => ("line break", None),
                Inline::Text(_) => continue,
                Inline::Em(r) => ("em", Some(r)),
                Inline::Strong(r) => ("strong", Some(r)),
                Inline::Sup(r) => ("sup", Some(r)),
                Inline::Sub(r) => ("sub", Some(r)),
                Inline::Code(_) => ("code", None),
                Inline::Link { text, .. } => ("link", Some(text)),
            };
            out.push(name);
            if let Some(r) = inner {
                marks(r, out);
            }
        }
    }
    let a = shipped("seven-decades-of-summits");
    let blocks: Vec<&Block> = a.pages.iter().flatten().collect();
    let kinds: Vec<&str> = blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { events, .. } if !events.is_empty() => "paragraph citing meetings",
            Block::Paragraph { .. } => "paragraph",
            Block::Subhead { .. } => "subhead",
            Block::Quote { .. } => "quote",
            Block::List { ordered: true, items } if items.iter().any(|i| !i.items.is_empty()) => "nested numbered list",
            Block::List { .. } => "list",
            Block::Figure(_) => "figure",
            Block::Note { .. } => "note",
        })
        .collect();
    let wanted =
        ["paragraph", "paragraph citing meetings", "subhead", "quote", "nested numbered list", "figure", "note"];
    for kind in wanted {
        assert!(kinds.contains(&kind), "no {kind}: {kinds:?}");
    }
    assert!(a.pages.len() > 1, "page breaks");
    for lang in [Lang::En, Lang::Zh] {
        let mut found = Vec::new();
        for t in blocks.iter().flat_map(|b| b.texts()) {
            marks(t.side(lang).unwrap_or_else(|| panic!("a block without its {lang:?}")), &mut found);
        }
        for mark in ["em", "strong", "sup", "sub", "code", "link", "line break"] {
            assert!(found.contains(&mark), "{lang:?}: no {mark}");
        }
    }
}

/// A shipped article, read from its Markdown files.
fn shipped(name: &str) -> Article {
    let dir = format!("{}/../content/articles", env!("CARGO_MANIFEST_DIR"));
    let en = std::fs::read_to_string(format!("{dir}/{name}.md")).unwrap();
    let zh = std::fs::read_to_string(format!("{dir}/{name}.zh.md")).ok();
    let (en_name, zh_name) = (format!("articles/{name}.md"), format!("articles/{name}.zh.md"));
    article(md(&en_name, &en), zh.as_deref().map(|z| md(&zh_name, z)))
        .unwrap_or_else(|e| panic!("{name}: {e:#?}"))
        .article
}

/// The tests of the model as the browser builds it (no Markdown) read the
/// seed article from a JSON fixture: it must be the shipped article.
#[test]
fn the_seed_fixture_is_the_shipped_seed_article() {
    let fixture = crate::parse::article(include_str!("../../tests/fixtures/seed-article.json")).unwrap();
    assert_eq!(
        fixture,
        shipped("japan-overtures-to-russia"),
        "regenerate it: cargo xtask convert on a copy of the .md"
    );
}

#[test]
fn what_folio_cannot_show_is_reported_at_its_line_and_column() {
    let body = |b: &str| format!("{}{b}", &EN[..EN.find("+++\n\n").unwrap() + 4]);
    let start = EN[..EN.find("+++\n\n").unwrap()].lines().count() + 2;
    for (md, want, line) in [
        ("\n<div>hi</div>\n", "raw HTML is not passed through", 1),
        ("\nText with <b>bold</b>.\n", "raw HTML is not passed through", 1),
        ("\n![](figures/a.jpg \"C\"){width=1 height=1}\n", "an image without alt text", 1),
        ("\nSee [this](javascript:alert(1)).\n", "link \"javascript:alert(1)\" is not allowed", 1),
        ("\nSee [this](ftp://x.org/).\n", "is not allowed", 1),
        ("\n<!--nextpage-->\n\nText.\n", "a page break before any text", 1),
        ("\n# Big\n", "a heading of level 1; expected ##", 1),
        ("\n```\ncode\n```\n", "a code block is not a Folio block", 1),
        ("\nText.\n\n---\n", "a thematic break", 3),
        ("\n- a\n  - b\n    - c\n", "a list nested two levels deep", 3),
        ("\nSome ![pic](a.jpg) inline.\n", "an image inside text", 1),
        ("\n![A](figures/a.jpg \"C\") and words\n", "text after an image", 1),
        ("\n![A](figures/a.jpg \"C\") and *marked* words\n", "an image must be alone", 1),
        ("\n![A](figures/a.jpg \"C\"){widht=3}\n", "unknown attribute \"widht\"", 1),
        ("\nText [@Not An Id].\n", "citation \"@Not An Id\"", 1),
        ("\n> [!WARNING]\n> Careful.\n", "an alert other than > [!NOTE]", 1),
        ("\n3. three\n", "does not start at 1", 1),
        ("\n![a <b>bold</b> alt](figures/a.jpg \"C\"){width=1 height=1}\n", "raw HTML is not passed through", 1),
    ] {
        let e = errors(&body(md), None);
        // Each tag of inline HTML is its own finding.
        assert!(!e.is_empty() && e.iter().all(|m| m.contains(want)), "{md:?}: {e:#?}");
        let prefix = format!("articles/sample.md:{}:", start + line);
        assert!(e[0].starts_with(&prefix) && e[0].contains(want), "{md:?}: want {prefix} … {want}, got {e:#?}");
    }
}

#[test]
fn broken_front_matter_and_unpaired_files_say_where_and_what() {
    let e = errors("no front matter\n", None);
    assert!(e[0].starts_with("articles/sample.md:1:1: no front matter"), "{e:#?}");
    let e = errors("+++\nsection = \"opinion\"\nheadline = \n+++\n\nText.\n", None);
    assert!(e[0].starts_with("articles/sample.md:3:"), "{e:#?}");
    let e = errors(&EN.replace("section = \"opinion\"", "section = \"opinion\"\nsectoin = 1"), None);
    assert!(e[0].starts_with("articles/sample.md:3:") && e[0].contains("unknown field `sectoin`"), "{e:#?}");
    let e = errors(&EN.replace("published = 2016-09-07T07:48:00+08:00", "published = \"yesterday\""), None);
    assert!(e[0].starts_with("articles/sample.md:8:1: at published:"), "{e:#?}");
    // Windows line ends read the same, and say the same lines.
    let crlf = EN.replace('\n', "\r\n");
    let p = read(&crlf, None).unwrap();
    assert_eq!(p.article, read(EN, None).unwrap().article);
    assert_eq!(p.map.locate("headline.en"), ("articles/sample.md", 3, 1));
    let e = errors("+++\nsection = \"x\"\n", None);
    assert!(e[0].contains("not closed"), "{e:#?}");

    let e = errors(EN, Some(&ZH.replace("\n## 缘起\n", "\n")));
    assert!(e[0].starts_with("articles/sample.zh.md:") && e[0].contains("page 1: 3 block(s) here but 4"), "{e:#?}");
    let e = errors(EN, Some(&ZH.replace("## 缘起", "缘起")));
    assert!(e[0].contains("page 1, block 2: a paragraph here but a subhead in English"), "{e:#?}");
    let e = errors(EN, Some(&ZH.replace("\n<!--nextpage-->\n", "\n")));
    assert!(e[0].contains("1 page(s) here but 2"), "{e:#?}");
    let e = errors(
        EN,
        Some(&ZH.replace("headline = \"标题\"", "headline = \"标题\"\npublished = 2016-09-07T07:48:00+08:00")),
    );
    assert!(e[0].starts_with("articles/sample.zh.md:3:") && e[0].contains("unknown field `published`"), "{e:#?}");
    // Chinese words for what the English file lacks are reported, not dropped.
    let zh = ZH.replace("author = \"李伟\"", "author = \"李伟\"\nsource = \"新华社\"");
    let e = errors(&EN.replace("source = \"Folio\"\n", ""), Some(&zh));
    assert_eq!(
        e,
        ["articles/sample.zh.md:6:1: at source: a source's Chinese words, but articles/sample.md has no source; \
          expected `source` in the English file"]
    );
    let figure = EN.find("[figure]").unwrap();
    let no_figure = format!("{}+++{}", &EN[..figure], EN[figure..].split_once("+++").unwrap().1);
    let e = errors(&no_figure, Some(ZH));
    assert!(e[0].starts_with("articles/sample.zh.md:8:1: at figure: a figure's Chinese words"), "{e:#?}");
}

#[test]
fn the_source_map_names_the_file_that_wrote_each_part() {
    let p = read(EN, Some(ZH)).unwrap();
    assert_eq!(p.map.locate("headline.en"), ("articles/sample.md", 3, 1));
    assert_eq!(p.map.locate("headline.zh"), ("articles/sample.zh.md", 2, 1));
    assert_eq!(p.map.locate("figure.alt.en"), ("articles/sample.md", 15, 1));
    assert_eq!(p.map.locate("pages[0][0].text.en[5].link"), ("articles/sample.md", 20, 1));
    assert_eq!(p.map.locate("pages[1][1].alt.zh"), ("articles/sample.zh.md", 30, 1));
    assert_eq!(p.map.locate("pages[1][10]"), ("articles/sample.md", 1, 1), "not a part: the file");
}

#[test]
fn a_file_name_says_its_slug_and_language() {
    assert_eq!(slug_of("articles/a-b.md"), Some(("a-b", false)));
    assert_eq!(slug_of("articles/a-b.zh.md"), Some(("a-b", true)));
    assert_eq!(slug_of("articles/a-b.json"), None);
    assert_eq!(slug_of("timelines/a.md"), None);
    assert_eq!(slug_of("content/articles/a.md"), Some(("a", false)));
}

/// The CommonMark spec's own examples, each read as an article's body:
/// every one is mapped to blocks or reported, none panics. The spec is
/// not committed; point `FOLIO_COMMONMARK_SPEC` at its `spec.txt` (npm's
/// `commonmark-spec` package has it) and run
/// `cargo test -p folio-model --features markdown -- --ignored --nocapture commonmark`.
#[test]
#[ignore]
fn commonmark_spec_examples_are_mapped_or_reported() {
    let path = std::env::var("FOLIO_COMMONMARK_SPEC").expect("FOLIO_COMMONMARK_SPEC=…/spec.txt");
    let spec = std::fs::read_to_string(path).unwrap();
    let fence = "`".repeat(32);
    let mut examples = Vec::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line == format!("{fence} example") {
            let mut md = String::new();
            for l in lines.by_ref() {
                if l == "." {
                    break;
                }
                md.push_str(&l.replace('→', "\t"));
                md.push('\n');
            }
            for l in lines.by_ref() {
                if l == fence {
                    break;
                }
            }
            examples.push(md);
        }
    }
    let (mut mapped, mut reported, mut panicked) = (0, 0, 0);
    for md in &examples {
        let mut faults = Vec::new();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read::pages(md, &mut faults))) {
            Err(_) => panicked += 1,
            Ok(_) if faults.is_empty() => mapped += 1,
            Ok(_) => {
                assert!(faults.iter().all(|f| f.offset <= md.len() && !f.message.is_empty()));
                reported += 1
            }
        }
    }
    println!("CommonMark spec: {} examples, {mapped} mapped, {reported} reported, {panicked} panicked", examples.len());
    assert!(examples.len() > 600, "read the examples");
    assert_eq!(panicked, 0);
}
