//! The validator against a corpus of broken files: each must produce the
//! error a publisher needs, at the right place. The validator names JSON
//! paths, so these run with `json-paths` only (as `cargo xtask test` runs
//! them, beside xtask, which turns it on).
#![cfg(feature = "json-paths")]

use folio_model::validate::{has_errors, validate, Corpus, Diagnostic, Severity, Source};
use folio_model::ErrorKind::{self, *};
use std::path::Path;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

fn good() -> Corpus {
    Corpus::read_dir(&fixtures().join("good")).expect("read good fixtures")
}

fn broken(name: &str) -> Source {
    let text = std::fs::read_to_string(fixtures().join("broken").join(name)).expect(name);
    Source { name: format!("articles/{name}"), text }
}

/// Validates the good corpus plus one broken article.
fn with_article(name: &str) -> Vec<Diagnostic> {
    let mut c = good();
    c.articles.push(broken(name));
    validate(&c)
}

/// The single error in `diags` (warnings are ignored).
fn only_error(diags: &[Diagnostic]) -> &Diagnostic {
    let errors: Vec<_> = diags.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "expected exactly one error, got: {diags:#?}");
    errors[0]
}

#[track_caller]
fn expect(name: &str, kind: ErrorKind, path: &str, line: usize, message: &str) {
    let diags = with_article(name);
    let d = only_error(&diags);
    assert_eq!(d.error.file.as_deref(), Some(format!("articles/{name}").as_str()));
    assert_eq!((d.error.kind, d.error.path.as_str()), (kind, path), "{d}");
    assert_eq!(d.error.line, line, "{d}");
    assert!(d.error.column > 0, "{d}");
    assert!(d.error.message.contains(message), "message {:?} lacks {message:?}", d.error.message);
}

#[test]
fn the_good_corpus_is_clean() {
    let diags = validate(&good());
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn empty_page() {
    expect("empty-page.json", Missing, "pages[1]", 6, "page 2 is empty");
}

#[test]
fn unknown_section() {
    expect("unknown-section.json", Reference, "section", 2, "unknown section \"sport\"; expected one of [\"opinion\"]");
}

#[test]
fn missing_english_text() {
    expect("missing-english.json", Missing, "pages[0][0].text", 4, "missing field `en`");
}

#[test]
fn blank_english_text() {
    expect("blank-english.json", Missing, "pages[0][1].text.en", 4, "missing English text");
}

#[test]
fn bad_timestamp() {
    expect("bad-timestamp.json", Invalid, "published", 4, "expected YYYY-MM-DDTHH:MM:SS with a zone");
}

#[test]
fn syntax_error_points_at_the_stray_comma() {
    let diags = with_article("syntax-error.json");
    let d = only_error(&diags);
    assert_eq!((d.error.kind, d.error.line, d.error.column), (Syntax, 3, 59), "{d}");
    assert!(d.error.message.contains("trailing comma"), "{d}");
}

#[test]
fn typo_in_a_field_name() {
    expect("unknown-field.json", Unknown, "headlne", 2, "unknown field `headlne`, expected one of");
}

#[test]
fn unknown_block_type() {
    expect("unknown-block.json", Invalid, "pages[0][1].type", 4, "unknown variant `video`");
}

#[test]
fn figure_outside_content_folder() {
    expect("figure-outside.json", Invalid, "figure.src", 4, "is not allowed");
}

#[test]
fn figure_file_missing() {
    expect(
        "figure-missing.json",
        Reference,
        "figure.src",
        4,
        "figure file figures/nope.svg does not exist in the content folder",
    );
}

#[test]
fn updated_before_published() {
    expect("updated-before-published.json", Invalid, "updated", 4, "is before published");
}

#[test]
fn duplicate_slug_across_files() {
    let diags = with_article("slug-mismatch.json");
    let errors: Vec<_> = diags.iter().filter(|d| d.severity == Severity::Error).map(|d| d.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].contains("duplicate slug \"ok\", already used by articles/ok.json"), "{errors:#?}");
    assert!(errors[1].contains("expected the file to be articles/ok.json"), "{errors:#?}");
}

#[test]
fn an_old_catalog_that_lists_articles_says_how_to_migrate() {
    let mut c = good();
    let text = std::fs::read_to_string(fixtures().join("broken/catalog-with-articles.json")).unwrap();
    c.catalog = Some(Source { name: "catalog.json".into(), text });
    let d = only_error(&validate(&c)).to_string();
    assert!(d.starts_with("catalog.json:5:15: error: at articles: catalog.json no longer lists articles"), "{d}");
    assert!(d.contains("move each entry's summary and editions into its article file"), "{d}");
}

#[test]
fn an_unknown_edition_in_an_article() {
    let mut c = good();
    let ok = &mut c.articles[0];
    ok.text = ok.text.replacen(r#""editions": ["asia"]"#, r#""editions": ["asia", "mars"]"#, 1);
    let d = only_error(&validate(&c)).to_string();
    assert!(d.starts_with("articles/ok.json:5:"), "{d}");
    assert!(d.contains("at editions[1]: unknown edition \"mars\"; expected one of [\"us\", \"asia\"]"), "{d}");
}

#[test]
fn named_lists_must_name_articles() {
    let mut c = good();
    let text = c.catalog.as_ref().unwrap().text.replacen('{', "{\n  \"most_viewed\": [\"ok\", \"gone\"],", 1);
    c.catalog = Some(Source { name: "catalog.json".into(), text });
    let d = only_error(&validate(&c)).to_string();
    assert_eq!(
        d,
        "catalog.json:2:25: error: at most_viewed[1]: no article \"gone\"; expected the slug of a file in articles/"
    );
}

#[test]
fn a_missing_summary_is_named() {
    let mut c = good();
    let ok = &mut c.articles[0];
    ok.text = ok.text.replacen(r#" "summary": {"en": "Two pages, one figure."},"#, "", 1);
    let d = only_error(&validate(&c)).to_string();
    assert!(d.contains("missing field `summary`"), "{d}");
}

#[test]
fn site_url_must_be_an_http_directory() {
    let good_catalog = good().catalog.unwrap().text;
    for (url, ok) in [("https://news.example/folio/", true), ("https://news.example/folio", false), ("ftp://x/", false)]
    {
        let mut c = good();
        let text = good_catalog.replacen('{', &format!("{{\n  \"site_url\": {url:?},"), 1);
        c.catalog = Some(Source { name: "catalog.json".into(), text });
        let diags = validate(&c);
        assert_eq!(diags.is_empty(), ok, "{url}: {diags:#?}");
        if !ok {
            assert_eq!(only_error(&diags).error.path, "site_url");
        }
    }
}

#[test]
fn adding_an_article_is_adding_its_file() {
    let mut c = good();
    let mut extra = c.articles[0].clone();
    extra.name = "articles/extra.json".into();
    extra.text = extra.text.replacen("\"slug\": \"ok\"", "\"slug\": \"extra\"", 1);
    c.articles.push(extra);
    let diags = validate(&c);
    assert!(diags.is_empty(), "no catalog entry to add: {diags:#?}");
}

#[test]
fn a_damaged_derived_file_in_a_bundle_is_found() {
    let mut c = good();
    c.derived.push(Source {
        name: "derived/listing/latest/1.json".into(),
        text: "{\n  \"listing\": {\"kind\": \"latest\"},\n  \"page\": \"one\"\n}".into(),
    });
    c.derived.push(Source { name: "derived/cites/ok.json".into(), text: r#"{"slug": "ok", "events": []}"#.into() });
    let d = only_error(&validate(&c)).to_string();
    assert!(d.starts_with("derived/listing/latest/1.json:3:"), "{d}");
    assert!(d.contains("invalid type: string \"one\", expected usize"), "{d}");
}

#[test]
fn missing_catalog() {
    let mut c = good();
    c.catalog = None;
    let d = &validate(&c)[0];
    assert_eq!(d.error.kind, Missing);
    assert!(d.to_string().contains("catalog.json is missing"));
}

#[test]
fn shipped_content_is_valid() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"));
    let diags = validate(&Corpus::read_dir(dir).expect("read content/"));
    assert!(!has_errors(&diags), "{}", diags.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn misaligned_translation_is_a_warning_with_counts() {
    let mut c = good();
    // The translator split page 2's paragraph in two.
    c.articles[0].text = c.articles[0].text.replacen("\"第二页。\"", "\"第二页。\\n\\n多出的一段。\"", 1);
    let diags = validate(&c);
    assert!(!has_errors(&diags), "{diags:#?}");
    let lines: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("articles/ok.json:17:5: warning: at pages[1]: page 2: 1 English paragraph(s) but 2 Chinese, 0 block(s) untranslated"),
        "{lines:#?}"
    );
}

/// Validates the good corpus with its timeline text changed by `edit`.
fn with_timeline(edit: impl Fn(&str) -> String) -> Vec<String> {
    let mut c = good();
    let t = &mut c.timelines[0];
    t.text = edit(&t.text);
    validate(&c).iter().map(|d| d.to_string()).collect()
}

#[test]
fn timeline_event_ending_before_it_starts() {
    let d = with_timeline(|t| t.replacen("\"end\": \"2005-11-22\"", "\"end\": \"2005-11-19\"", 1));
    assert_eq!(d, ["timelines/t.json:20:37: error: at events[0].end: event ends (2005-11-19) before it starts (2005-11-20); expected end on or after start"]);
}

#[test]
fn timeline_unknown_person_and_group() {
    let d = with_timeline(|t| {
        t.replacen("[\"abe\", \"putin\"]", "[\"abe\", \"medvedev\"]", 1).replacen(
            "\"group\": \"sidelines\"",
            "\"group\": \"g8\"",
            1,
        )
    });
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(d[0].contains("at events[0].leaders[1]: unknown person \"medvedev\""), "{d:#?}");
    assert!(
        d[1].contains("at events[1].group: unknown group \"g8\"; expected one of [\"visit\", \"sidelines\"]"),
        "{d:#?}"
    );
}

#[test]
fn timeline_duplicate_event_id_and_unknown_cited_event() {
    let d = with_timeline(|t| t.replacen("\"id\": \"2016-05-sochi\"", "\"id\": \"2005-11-tokyo\"", 1));
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(
        d[0].starts_with("timelines/t.json:30:13: error: at events[1].id: duplicate id \"2005-11-tokyo\" in events"),
        "{d:#?}"
    );
    assert!(
        d[1].contains("articles/ok.json") && d[1].contains("unknown event id \"2016-05-sochi\""),
        "the article now cites a missing event: {d:#?}"
    );
}

#[test]
fn timeline_event_in_no_era_and_out_of_order() {
    let d = with_timeline(|t| t.replacen("\"start\": \"2016-05-06\"", "\"start\": \"1999-05-06\"", 1));
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(d[0].contains("at events[1].start: event starts 1999-05-06 but the previous one starts 2005-11-20; expected events in date order"), "{d:#?}");
    assert!(d[1].contains("at events[1].start: event on 1999-05-06 is in no era"), "{d:#?}");
}

#[test]
fn timeline_bad_date_and_unsafe_source() {
    let d = with_timeline(|t| t.replacen("2016-05-06", "2016-02-30", 1));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].contains("at events[1].start: bad date \"2016-02-30\"; expected YYYY-MM-DD"), "{d:#?}");
    let d = with_timeline(|t| t.replacen("https://example.org/a", "javascript:alert(1)", 1));
    assert!(d[0].contains("at events[0].sources[0].url: source URL \"javascript:alert(1)\" is not allowed"), "{d:#?}");
}

#[test]
fn a_bundles_split_timeline_is_not_content() {
    let d = with_timeline(|t| t.replacen('{', "{\"details_apart\": true,", 1));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].contains("at details_apart: \"details_apart\" is written by `cargo xtask dist`"), "{d:#?}");
}

/// The good corpus with its article's text edited.
fn with_ok_article(edit: impl Fn(&str) -> String) -> Vec<String> {
    let mut c = good();
    let a = &mut c.articles[0];
    a.text = edit(&a.text);
    validate(&c).iter().map(|d| d.to_string()).collect()
}

/// The good article with its second page's paragraph written as `json`.
fn marked(json: &str) -> Vec<String> {
    with_ok_article(|a| {
        a.replacen(r#""text": {"en": "Second page.", "zh": "第二页。"}"#, &format!(r#""text": {json}"#), 1)
    })
}

#[test]
fn marks_and_links_that_resolve_are_clean() {
    let d = marked(
        r#"{"en": ["See ", {"em": "the"}, " ", {"link": "/article/ok/2/#s-second", "text": "second part"}, ", ",
            {"link": "/timeline/t/2016-05-sochi/", "text": [{"strong": "Sochi"}]}, ", ",
            {"link": "/section/opinion/", "text": "opinion"}, " and ", {"link": "https://example.org/", "text": "more"}, "."],
           "zh": ["见", {"link": "/article/ok/all/", "text": "全文"}, "。"]}"#,
    );
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn a_link_to_nothing_is_reported_where_it_is() {
    let d = marked(
        r#"{"en": ["See ", {"link": "/article/gone/", "text": "this"}, " and ",
             {"strong": [{"link": "/article/ok/3/", "text": "that"}]}],
           "zh": [{"link": "/article/ok/#s-nowhere", "text": "这"}, {"link": "/timeline/t/1999-01-01-x/", "text": "那"}]}"#,
    );
    assert_eq!(d.len(), 4, "{d:#?}");
    assert!(d[0].starts_with("articles/ok.json:19:62: error: at pages[1][1].text.en[1].link: link \"/article/gone/\": no article \"gone\""), "{d:#?}");
    assert!(
        d[1].contains(
            "at pages[1][1].text.en[3].strong[0].link: link \"/article/ok/3/\": article \"ok\" has 2 page(s), not 3"
        ),
        "{d:#?}"
    );
    assert!(d[2].contains("at pages[1][1].text.zh[0].link: link \"/article/ok/#s-nowhere\": no subhead #s-nowhere on that page of \"ok\"; its anchors there: none"), "{d:#?}");
    assert!(d[3].contains("no event \"1999-01-01-x\" in timeline \"t\""), "{d:#?}");
}

#[test]
fn a_link_the_reader_may_not_follow_is_an_error() {
    let d = marked(
        r#"{"en": ["Click ", {"link": "javascript:alert(1)", "text": "here"}, {"em": [{"link": "/zh/article/ok/", "text": "x"}]}, {"link": "https://example.org/", "text": " "}], "zh": "点"}"#,
    );
    assert_eq!(d.len(), 3, "{d:#?}");
    assert!(
        d[0].starts_with("articles/ok.json:19:64: error: ")
            && d[0].contains(
                "at pages[1][1].text.en[1].link: link \"javascript:alert(1)\" is not allowed; expected https://"
            ),
        "{d:#?}"
    );
    assert!(
        d[1].contains("at pages[1][1].text.en[2].em[0].link: link \"/zh/article/ok/\" is not one of Folio's addresses"),
        "{d:#?}"
    );
    assert!(d[2].contains("at pages[1][1].text.en[3].text: a link without words"), "{d:#?}");
}

#[test]
fn an_unknown_mark_is_reported_with_its_place() {
    let d = marked(r#"{"en": ["Hi ", {"blink": "there"}]}"#);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].starts_with("articles/ok.json:19:59: error: at pages[1][1].text.en[1]: "), "{d:#?}");
    assert!(
        d[0].contains("unknown field `blink`, expected one of `em`, `strong`, `sup`, `sub`, `code`, `link`, `text`"),
        "{d:#?}"
    );
}

/// The good article with its second page's paragraph replaced by the
/// block `json`, and a paragraph after it.
fn with_block(json: &str) -> Vec<String> {
    with_ok_article(|a| {
        a.replacen(
            r#"{"type": "paragraph", "text": {"en": "Second page.", "zh": "第二页。"}}"#,
            &format!(r#"{json}, {{"type": "paragraph", "text": {{"en": "After.", "zh": "之后。"}}}}"#),
            1,
        )
    })
}

#[test]
fn lists_notes_and_figures_between_paragraphs_are_checked_where_they_are() {
    let good = with_block(
        r#"{"type": "list", "items": [{"en": "One", "zh": "一"}, {"en": "Two", "zh": "二", "items": [{"en": "Two a", "zh": "二甲"}]}]},
           {"type": "note", "text": {"en": "A note.", "zh": "注。"}}"#,
    );
    assert!(good.is_empty(), "{good:#?}");
    let d = with_block(
        r#"{"type": "list", "ordered": true, "items": [
              {"en": ["See ", {"link": "/article/gone/", "text": "this"}], "zh": "见"},
              {"en": "Two", "zh": "二", "items": [{"en": "Deep", "zh": "深", "items": [{"en": "Deeper", "zh": "更深"}]}]},
              {"en": " ", "zh": "空"}]},
           {"type": "list", "items": []},
           {"type": "figure", "src": "figures/nope.jpg", "width": 0, "height": 300,
            "alt": {"en": ""}, "caption": {"en": "C", "zh": "图"}, "credit": {"en": "F"}}"#,
    );
    let want = [
        "at pages[1][1].items[0].en[1].link: link \"/article/gone/\": no article \"gone\"",
        "at pages[1][1].items[1].items[0].items: a list nested two levels deep",
        "at pages[1][1].items[2].en: missing English text",
        "at pages[1][2].items: a list without items",
        "at pages[1][3].alt.en: missing English text",
        "at pages[1][3].width: figure size must be positive",
        "at pages[1][3].src: figure file figures/nope.jpg does not exist",
        // The blank English item beside its Chinese.
        "warning: at pages[1]: page 2: 1 English paragraph(s) but 1 Chinese",
    ];
    for w in want {
        assert_eq!(d.iter().filter(|m| m.contains(w)).count(), 1, "{w}\n{d:#?}");
    }
    assert_eq!(d.len(), want.len(), "{d:#?}");
    assert!(d.iter().all(|m| m.starts_with("articles/ok.json:")), "{d:#?}");
}

/// A Markdown article beside the good JSON one.
#[cfg(feature = "markdown")]
fn with_markdown(files: &[(&str, &str)]) -> Vec<String> {
    let mut c = good();
    c.markdown = files.iter().map(|(name, text)| Source { name: (*name).into(), text: (*text).into() }).collect();
    validate(&c).iter().map(|d| d.to_string()).collect()
}

#[cfg(feature = "markdown")]
const MD_EN: &str = "+++\nsection = \"opinion\"\nheadline = \"H\"\nsummary = \"S\"\ncolumn = \"C\"\nauthor = \"A\"\npublished = 2016-09-07T07:48:00+08:00\n+++\n\nSee [the other](/article/ok/2/#s-second). [@2016-05-sochi]\n\n- one\n- two\n";
#[cfg(feature = "markdown")]
const MD_ZH: &str = "+++\nheadline = \"标题\"\n+++\n\n见[另一篇](/article/ok/2/#s-second)。\n\n- 一\n- 二\n";

#[test]
#[cfg(feature = "markdown")]
fn a_markdown_article_is_checked_like_a_json_one_and_its_findings_name_its_files() {
    let good = with_markdown(&[("articles/md.md", MD_EN), ("articles/md.zh.md", MD_ZH)]);
    assert!(good.is_empty(), "{good:#?}");
    let d = with_markdown(&[
        (
            "articles/md.md",
            &MD_EN.replace("/article/ok/2/", "/article/gone/").replace("section = \"opinion\"", "section = \"sport\""),
        ),
        ("articles/md.zh.md", &MD_ZH.replace("/article/ok/2/#s-second", "/article/ok/#s-nowhere")),
    ]);
    let want = [
        "articles/md.md:2:1: error: at section: unknown section \"sport\"",
        "articles/md.md:10:1: error: at pages[0][0].text.en[1].link: link \"/article/gone/#s-second\": no article \"gone\"",
        "articles/md.zh.md:5:1: error: at pages[0][0].text.zh[1].link: link \"/article/ok/#s-nowhere\": no subhead #s-nowhere",
    ];
    for w in want {
        assert_eq!(d.iter().filter(|m| m.starts_with(w)).count(), 1, "{w}\n{d:#?}");
    }
    assert_eq!(d.len(), want.len(), "{d:#?}");

    let d = with_markdown(&[("articles/lost.zh.md", MD_ZH)]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("articles/lost.zh.md:")
            && d[0].contains("a Chinese file without its English one; expected articles/lost.md"),
        "{d:#?}"
    );
    let d = with_markdown(&[("articles/ok.md", MD_EN)]);
    assert!(d.iter().any(|m| m.contains("duplicate slug \"ok\"")), "{d:#?}");
    let d = with_markdown(&[("articles/md.md", &MD_EN.replace("\n- one", "\n<script>x</script>\n\n- one"))]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].starts_with("articles/md.md:12:1: error: raw HTML is not passed through"), "{d:#?}");
}
