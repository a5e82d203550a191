//! Component tests in headless Chromium (wasm-bindgen-test).
//!
//! Each test mounts a real component into the page and asserts on the DOM a
//! reader would get: links and their targets, ARIA state, text, and what
//! the keyboard does.

#![cfg(target_arch = "wasm32")]

use folio::components::{
    article_header::ArticleHeader, block::BlockView, error_panel::ErrorPanel, figure::Figure, live_region::LiveRegion,
    pager::Pager, reader_keys::ReaderKeys,
};
use folio::routes::timeline::keys::TimelineKeys;
use folio_model::{Article, Block, Mode, PageSel, Rich, RichText, Text};
use leptos::{mount::mount_to, prelude::*, task::tick};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh element of the page and returns the element.
fn mount<N: IntoView + 'static>(f: impl FnOnce() -> N + 'static) -> HtmlElement {
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    mount_to(host.clone(), f).forget();
    host
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn seed() -> Article {
    let json = include_str!("../model/tests/fixtures/seed-article.json");
    folio_model::parse::article(json).expect("seed article parses")
}

#[wasm_bindgen_test]
async fn pager_on_the_first_page() {
    let host = mount(|| view! { <Pager slug="seed" page=PageSel::Page(1) count=2 mode=Mode::En/> });
    let nav = find(&host, "nav.pager");
    assert_eq!(nav.get_attribute("aria-label").as_deref(), Some("Article pages"));

    let prev = find(&nav, ".pager-prev");
    assert_eq!(text(&prev), "Previous Page");
    assert_eq!(prev.get_attribute("href"), None, "Previous must be inert on page 1");
    assert_eq!(prev.get_attribute("aria-disabled").as_deref(), Some("true"));

    let next = find(&nav, ".pager-next");
    assert_eq!(text(&next), "Next Page");
    // Relative to the page's <base href>, the bundle root (see base.rs).
    assert_eq!(next.get_attribute("href").as_deref(), Some("article/seed/2/"));

    let nums = all(&nav, ".pager-num");
    assert_eq!(nums.iter().map(text).collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(nums[0].get_attribute("href").as_deref(), Some("article/seed/"), "page 1 has one canonical URL");
    assert_eq!(nums[0].get_attribute("aria-current").as_deref(), Some("page"));
    assert_eq!(nums[1].get_attribute("aria-current"), None);
    assert_eq!(find(&nav, ".pager-all").get_attribute("href").as_deref(), Some("article/seed/all/"));
}

#[wasm_bindgen_test]
async fn pager_follows_the_page_signal() {
    let (page, set_page) = signal(PageSel::Page(1));
    let host = mount(move || view! { <Pager slug="seed" page count=3 mode=Mode::En/> });

    set_page.set(PageSel::Page(3));
    tick().await;
    assert_eq!(find(&host, ".pager-prev").get_attribute("href").as_deref(), Some("article/seed/2/"));
    assert_eq!(find(&host, ".pager-next").get_attribute("href"), None, "Next must be inert on the last page");
    let current: Vec<_> = all(&host, "[aria-current=page]").iter().map(text).collect();
    assert_eq!(current, ["3"]);

    set_page.set(PageSel::All);
    tick().await;
    let current: Vec<_> = all(&host, "[aria-current=page]").iter().map(text).collect();
    assert_eq!(current, ["View all"]);
    assert_eq!(find(&host, ".pager-prev").get_attribute("href"), None);
    assert_eq!(find(&host, ".pager-next").get_attribute("href"), None);
}

fn key(target: &Element, key: &str, ctrl: bool) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_ctrl_key(ctrl);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
    ev.default_prevented()
}

#[wasm_bindgen_test]
async fn arrow_keys_turn_pages_only_inside_the_reader_and_not_in_fields() {
    let (went, set_went) = signal(Vec::<String>::new());
    let (prev, set_prev) = signal(None::<String>);
    let next = Signal::derive(|| Some("/article/seed/2/".to_owned()));
    let go = Callback::new(move |href: String| set_went.update(|v| v.push(href)));
    let host = mount(move || {
        view! {
            <ReaderKeys prev=prev next go>
                <p id="inside">"text"</p>
                <input id="field" type="text"/>
                <div id="editable" contenteditable="true">"edit"</div>
            </ReaderKeys>
        }
    });
    let inside = find(&host, "#inside");

    assert!(key(&inside, "ArrowRight", false), "a handled key is consumed");
    assert_eq!(went.get_untracked(), ["/article/seed/2/"]);

    assert!(!key(&inside, "ArrowLeft", false), "no previous page: nothing happens");
    set_prev.set(Some("/article/seed/".into()));
    key(&inside, "ArrowLeft", false);
    assert_eq!(went.get_untracked(), ["/article/seed/2/", "/article/seed/"]);

    key(&find(&host, "#field"), "ArrowRight", false);
    key(&find(&host, "#editable"), "ArrowRight", false);
    key(&inside, "ArrowRight", true);
    key(&inside, "PageDown", false);
    key(&document().body().unwrap(), "ArrowRight", false);
    assert_eq!(went.get_untracked().len(), 2, "fields, modifiers, other keys and the rest of the page are ignored");
}

#[wasm_bindgen_test]
async fn article_header_shows_byline_dateline_and_reading_time() {
    let article = Arc::new(seed());
    let (page, set_page) = signal(PageSel::Page(1));
    let host = mount(move || view! { <ArticleHeader article page=Signal::from(page) mode=Mode::En/> });
    assert_eq!(text(&find(&host, "h1")), "Japan's overtures to Russia to join its fold bound to fail");
    assert_eq!(text(&find(&host, ".byline")), "By Cai Hong (China Daily)");
    let time = find(&host, "time");
    assert_eq!(text(&time), "Updated: 2016-09-07 07:48");
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2016-09-07T07:48:00+08:00"));
    assert!(text(&find(&host, ".reading-time")).contains("page 1"), "{}", host.inner_html());
    set_page.set(PageSel::All);
    tick().await;
    assert!(!text(&find(&host, ".reading-time")).contains("page"));
}

#[wasm_bindgen_test]
async fn hostile_text_is_rendered_as_text() {
    let evil = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";
    let block = Block::Paragraph { text: RichText::en(evil), events: vec!["2016-05-sochi".into()] };
    let host = mount(move || view! { <BlockView block id=0 mode=Mode::En/> });
    let p = find(&host, "p");
    assert_eq!(text(&p), evil);
    assert!(all(&host, "img, script").is_empty(), "markup in content must not become elements");
    assert_eq!(find(&host, ".side").get_attribute("data-events").as_deref(), Some("2016-05-sochi"));
}

#[wasm_bindgen_test]
async fn marks_are_elements_and_links_follow_the_mode() {
    let marked: RichText = folio_model::parse::from_json(
        r#"{"en": ["Abe ", {"em": ["met ", {"strong": "Putin"}]}, " in ", {"link": "/timeline/japan-russia-summits/2016-05-sochi/", "text": "Sochi"},
                   " (", {"link": "https://example.org/<b>", "text": {"code": "<b>x</b>"}}, ")", {"sup": "1"}, "H", {"sub": "2"}, "O\nnext line",
                   {"link": "javascript:window.__pwned=1", "text": "not a link"}],
           "zh": ["安倍在", {"link": "/article/japan-overtures-to-russia/2/#s-a-new-approach", "text": "索契"}, "会见普京。"]}"#,
    )
    .unwrap();
    let block = Block::Paragraph { text: marked, events: vec![] };
    for (mode, prefix) in [(Mode::En, ""), (Mode::Zh, "zh/"), (Mode::Both, "dual/")] {
        let b = block.clone();
        let host = mount(move || view! { <BlockView block=b id=0 mode/> });
        let hrefs: Vec<String> = all(&host, "a").iter().map(|a| a.get_attribute("href").unwrap_or_default()).collect();
        let en =
            [format!("{prefix}timeline/japan-russia-summits/2016-05-sochi/"), "https://example.org/<b>".to_owned()];
        let zh = [format!("{prefix}article/japan-overtures-to-russia/2/#s-a-new-approach")];
        let want: Vec<String> = match mode {
            Mode::En => en.to_vec(),
            Mode::Zh => zh.to_vec(),
            Mode::Both => en.iter().chain(&zh).cloned().collect(),
        };
        assert_eq!(hrefs, want, "{mode:?}: links in the reader's mode, and no javascript: one");
        if mode != Mode::Zh {
            assert_eq!(text(&find(&host, "em strong")), "Putin");
            assert_eq!(text(&find(&host, "a.link-out code")), "<b>x</b>", "code is text");
            assert_eq!(all(&host, "a.link-out").len(), 1, "only the external link is marked as leaving");
            assert_eq!(text(&find(&host, "sup")), "1");
            assert_eq!(text(&find(&host, "sub")), "2");
            assert_eq!(all(&host, "p br").len(), 1, "a line break");
            assert!(text(&find(&host, ".side-en p")).ends_with("next linenot a link"), "the words of a bad link stay");
            assert!(all(&host, "b").is_empty());
        }
    }
    let pwned = js_sys::Reflect::get(&window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn a_subhead_has_its_anchor_once() {
    let head =
        Block::Subhead { text: RichText { en: Rich::plain("A new approach"), zh: Some(Rich::plain("新方针")) } };
    for mode in [Mode::En, Mode::Zh, Mode::Both] {
        let b = head.clone();
        let host = mount(move || view! { <BlockView block=b id=3 mode/> });
        let ids: Vec<String> = all(&host, "h2[id]").iter().map(|h| h.id()).collect();
        assert_eq!(ids, ["s-a-new-approach"], "{mode:?}");
    }
    let host = mount(move || view! { <BlockView block=head id=3 mode=Mode::En copy=true/> });
    assert!(all(&host, "h2[id]").is_empty(), "a copy has no anchor");
}

#[wasm_bindgen_test]
async fn lists_nest_notes_stand_apart_and_figures_come_in_copies_and_lazily() {
    let blocks: Vec<Block> = folio_model::parse::from_json(
        r#"[{"type": "list", "ordered": true, "items": [
              {"en": ["One ", {"em": "first"}], "zh": ["一", {"em": "首"}]},
              {"en": "Two", "items": [{"en": "Two a", "zh": "二甲"}, {"en": "Two b <img src=x onerror=window.__pwned=1>"}]}]},
            {"type": "note", "text": {"en": "Corrected.", "zh": "已更正。"}},
            {"type": "figure", "src": "figures/pier.jpg", "width": 1200, "height": 800,
             "alt": {"en": "A pier", "zh": "码头"}, "caption": {"en": "The pier", "zh": "码头全景"}, "credit": {"en": "Folio"}},
            {"type": "figure", "src": "figures/map.svg", "width": 600, "height": 400,
             "alt": {"en": "A map"}, "caption": {"en": "Map"}, "credit": {"en": "Folio"}}]"#,
    )
    .unwrap();
    let [list, note, photo, svg] = <[Block; 4]>::try_from(blocks).unwrap();
    let host = mount({
        let list = list.clone();
        move || view! { <BlockView block=list id=0 mode=Mode::Zh/> }
    });
    let items = all(&host, ".side > ol.text-list > li");
    assert_eq!(items.len(), 2);
    assert_eq!(text(&find(&host, ".side > ol > li:first-child em")), "首");
    assert_eq!(items[1].get_attribute("lang").as_deref(), Some("en"), "an untranslated item says its language");
    let nested = all(&host, ".side > ol > li > ol > li");
    assert_eq!(nested.iter().map(text).collect::<Vec<_>>(), ["二甲", "Two b <img src=x onerror=window.__pwned=1>"]);
    assert_eq!(nested[1].get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(nested[0].get_attribute("lang"), None);
    assert!(all(&host, "img").is_empty(), "markup in an item is text");
    let host = mount(move || view! { <BlockView block=list id=0 mode=Mode::Both/> });
    assert_eq!(all(&host, ".pair > .side > ol.text-list").len(), 2, "a list in each language, side by side");

    let host = mount(move || view! { <BlockView block=note id=1 mode=Mode::Both/> });
    assert_eq!(all(&host, ".pair aside.note").iter().map(text).collect::<Vec<_>>(), ["Corrected.", "已更正。"]);

    for (mode, eager) in [(Mode::En, false), (Mode::Both, true)] {
        let b = photo.clone();
        let host = mount(move || view! { <BlockView block=b id=2 mode eager/> });
        assert!(all(&host, ".pair").is_empty(), "{mode:?}: a figure is one picture, not a pair");
        let img = find(&host, "figure.inline-figure picture img");
        assert_eq!(img.get_attribute("loading").as_deref(), (!eager).then_some("lazy"), "{mode:?}");
        assert_eq!(
            img.get_attribute("srcset").as_deref(),
            Some("content/derived/resized/figures/pier-480.jpg 480w, content/derived/resized/figures/pier-960.jpg 960w, content/figures/pier.jpg 1200w")
        );
        assert!(img.get_attribute("sizes").is_some());
        assert_eq!(
            (img.get_attribute("width").as_deref(), img.get_attribute("height").as_deref()),
            (Some("1200"), Some("800"))
        );
        let source = find(&host, "picture source[type='image/webp']");
        assert!(source.get_attribute("srcset").unwrap().ends_with("pier-1200.webp 1200w"));
        assert_eq!(
            text(&find(&host, "figcaption .caption")),
            if mode == Mode::Both { "The pier · 码头全景" } else { "The pier" }
        );
    }
    let host = mount(move || view! { <BlockView block=svg id=3 mode=Mode::En/> });
    let img = find(&host, "figure img");
    assert_eq!(
        (img.get_attribute("srcset"), img.get_attribute("src").as_deref()),
        (None, Some("content/figures/map.svg"))
    );
    assert!(all(&host, "source").is_empty(), "an SVG stays as it is");
    // A PNG's copies are WebP only: its <img> is the original, no srcset.
    let Block::Figure(mut png) = photo else { unreachable!() };
    png.src = folio_model::FigureSrc::one("figures/chart.png");
    let host = mount(move || view! { <BlockView block=Block::Figure(png) id=4 mode=Mode::En/> });
    let img = find(&host, "figure img");
    assert_eq!(
        (img.get_attribute("srcset"), img.get_attribute("sizes"), img.get_attribute("src").as_deref()),
        (None, None, Some("content/figures/chart.png"))
    );
    let source = find(&host, "picture source[type='image/webp']");
    assert!(source.get_attribute("srcset").unwrap().starts_with("content/derived/resized/figures/chart-480.webp 480w"));
    assert!(js_sys::Reflect::get(&window(), &"__pwned".into()).unwrap().is_undefined());
}

fn para(en: &str, zh: Option<&str>) -> Block {
    Block::Paragraph { text: RichText { en: Rich::plain(en), zh: zh.map(Rich::plain) }, events: vec![] }
}

#[wasm_bindgen_test]
async fn blocks_follow_the_mode_with_the_right_lang_attributes() {
    let b = para("Abe met Putin.", Some("安倍会见普京。"));
    let host = mount({
        let b = b.clone();
        move || view! { <BlockView block=b id=4 mode=Mode::Zh/> }
    });
    let side = find(&host, "[data-block='4'] .side");
    assert_eq!(side.get_attribute("lang").as_deref(), Some("zh-Hans"));
    assert_eq!(text(&side), "安倍会见普京。");

    let host = mount(move || view! { <BlockView block=b id=4 mode=Mode::Both/> });
    let sides = all(&host, ".pair > .side");
    let langs: Vec<_> = sides.iter().map(|e| e.get_attribute("lang").unwrap_or_default()).collect();
    assert_eq!(langs, ["en", "zh-Hans"], "English first, then Chinese, each marked");
    assert_eq!(text(&sides[0]), "Abe met Putin.");
    assert_eq!(text(&sides[1]), "安倍会见普京。");
}

#[wasm_bindgen_test]
async fn a_missing_translation_shows_the_original_marked_never_a_blank() {
    let host = mount(|| view! { <BlockView block=para("Only English.", None) id=0 mode=Mode::Zh/> });
    let side = find(&host, ".side");
    assert_eq!(side.get_attribute("lang").as_deref(), Some("en"), "the English text is marked as English");
    assert!(text(&side).contains("Only English."));
    assert!(text(&find(&host, ".untranslated-mark")).contains("未翻译"));

    let host = mount(|| view! { <BlockView block=para("Only English.", None) id=0 mode=Mode::Both/> });
    let sides = all(&host, ".pair > .side");
    assert_eq!(sides.len(), 2, "the Chinese cell is not left out");
    assert!(text(&sides[1]).contains("未翻译") && text(&sides[1]).contains("Only English."));

    let host = mount(|| view! { <BlockView block=para("Only English.", None) id=0 mode=Mode::En/> });
    assert!(all(&host, ".untranslated-mark").is_empty(), "English readers see no marker");
}

#[wasm_bindgen_test]
async fn figures_with_unsafe_sources_are_not_rendered() {
    let mut fig = seed().figure.expect("seed has a figure");
    let good = fig.clone();
    let host = mount(move || view! { <Figure figure=good mode=Mode::En/> });
    let img = find(&host, "img");
    assert_eq!(img.get_attribute("src").as_deref(), Some("content/figures/southern-kuril-islands.svg"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("800"));
    assert!(text(&find(&host, "figcaption")).contains("Northern Territories"));

    let zh = fig.clone();
    let host = mount(move || view! { <Figure figure=zh mode=Mode::Zh/> });
    let img = find(&host, "img");
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("content/figures/southern-kuril-islands.zh.svg"),
        "the Chinese map"
    );
    assert_eq!(find(&host, "figcaption").get_attribute("lang").as_deref(), Some("zh-Hans"));
    let both = fig.clone();
    let host = mount(move || view! { <Figure figure=both mode=Mode::Both/> });
    assert_eq!(
        find(&host, "img").get_attribute("src").as_deref(),
        Some("content/figures/southern-kuril-islands.svg"),
        "the first language of the pair"
    );
    assert_eq!(find(&host, "figcaption").get_attribute("lang").as_deref(), Some("en"), "and the caption says which");

    let mut one = fig.clone();
    one.src = folio_model::FigureSrc::one("figures/southern-kuril-islands.svg");
    let host = mount(move || view! { <Figure figure=one mode=Mode::Zh/> });
    assert_eq!(
        find(&host, "img").get_attribute("src").as_deref(),
        Some("content/figures/southern-kuril-islands.svg"),
        "one file for every language"
    );
    assert_eq!(find(&host, "figcaption").get_attribute("lang").as_deref(), Some("en"));

    fig.src = folio_model::FigureSrc::one("javascript:alert(1)");
    let host = mount(move || view! { <Figure figure=fig mode=Mode::En/> });
    assert!(all(&host, "img, figure").is_empty(), "{}", host.inner_html());
}

#[wasm_bindgen_test]
async fn error_panel_offers_retry_and_a_way_back() {
    let (retried, set_retried) = signal(0);
    let host = mount(move || {
        view! {
            <ErrorPanel
                title="Could not load"
                body="Check your connection."
                detail="/content/x.json: HTTP 500"
                back=("/".to_owned(), "Back to the front page".to_owned())
                retry=Some(Callback::new(move |_| set_retried.update(|n| *n += 1)))
                mode=Mode::En
            />
        }
    });
    let panel = find(&host, ".error-panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(text(&find(&panel, "h1")), "Could not load");
    assert_eq!(text(&find(&panel, "code")), "/content/x.json: HTTP 500");
    assert_eq!(
        find(&panel, "a").get_attribute("href").as_deref(),
        Some("./"),
        "the front page, relative to the bundle root"
    );
    find(&panel, "button").unchecked_into::<HtmlElement>().click();
    assert_eq!(retried.get_untracked(), 1);
}

fn timeline() -> folio_model::timeline::Timeline {
    folio_model::timeline::parse(include_str!("../content/timelines/japan-russia-summits.json"))
        .expect("timeline parses")
}

#[wasm_bindgen_test]
async fn timeline_keys_step_only_inside_the_timeline_and_not_in_its_fields() {
    let (selected, set_selected) = signal(None::<usize>);
    let visible = Signal::derive(|| vec![2, 5, 9]);
    let select = Callback::new(move |i: usize| set_selected.set(Some(i)));
    let outside: HtmlElement = document().create_element("input").unwrap().unchecked_into();
    document().body().unwrap().append_child(&outside).unwrap();
    let host = mount(move || {
        view! {
            <TimelineKeys visible selected select>
                <button id="marker">"•"</button>
                <select id="filter"><option>"All"</option></select>
            </TimelineKeys>
        }
    });
    let marker = find(&host, "#marker");

    key(&outside, "ArrowRight", false);
    key(&document().body().unwrap(), "End", false);
    assert_eq!(selected.get_untracked(), None, "keys outside the timeline do nothing");

    assert!(key(&marker, "ArrowRight", false));
    assert_eq!(selected.get_untracked(), Some(2), "from nothing, Right goes to the first event");
    key(&marker, "ArrowRight", false);
    assert_eq!(selected.get_untracked(), Some(5));
    key(&marker, "End", false);
    assert_eq!(selected.get_untracked(), Some(9));
    key(&marker, "ArrowRight", false);
    assert_eq!(selected.get_untracked(), Some(9), "no wrap-around at the end");
    key(&marker, "Home", false);
    assert_eq!(selected.get_untracked(), Some(2));
    key(&marker, "ArrowLeft", false);
    assert_eq!(selected.get_untracked(), Some(2));

    key(&find(&host, "#filter"), "ArrowRight", false);
    assert_eq!(selected.get_untracked(), Some(2), "arrows in the filter select change the filter, not the event");
}

#[wasm_bindgen_test]
async fn live_region_says_only_the_date_and_title() {
    let t = timeline();
    let i = t.event_index("2016-05-sochi-new-approach").unwrap();
    let (sel, set_sel) = signal(None::<usize>);
    let events = t.events.clone();
    let said = Signal::derive(move || sel.get().map(|i| events[i].announcement(Mode::En)));
    let host = mount(move || view! { <LiveRegion text=said/> });
    let region = find(&host, "[aria-live]");
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(text(&region), "");
    set_sel.set(Some(i));
    tick().await;
    let said = text(&region);
    assert_eq!(said, format!("6 May 2016: {}", t.events[i].title.en));
    assert!(!said.contains(&t.events[i].outcome.en[..20]), "not the whole card");
    assert_eq!(t.events[i].announcement(Mode::Zh), format!("2016年5月6日：{}", t.events[i].title.zh.clone().unwrap()));
}

/// What the app provides every view: the parsed address and its mode.
fn provide_reading(path: &'static str) {
    let parsed = Memo::new(move |_| folio_model::Route::parse(path, ""));
    provide_context(folio::state::Reading {
        parsed,
        mode: Memo::new(move |_| parsed.get().mode.unwrap_or_default()),
        embed: parsed.get_untracked().embed,
        interleaved: RwSignal::new(false),
        anchor: StoredValue::new(None),
        settings: RwSignal::new(Default::default()),
    });
}

/// Waits for the browser's next task (a zero-delay timeout).
async fn next_task() {
    let p = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn choose(root: &Element, select: &str, value: &str) {
    let el: web_sys::HtmlSelectElement = find(root, select).unchecked_into();
    el.set_value(value);
    el.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

fn value(root: &Element, selector: &str) -> String {
    find(root, selector).unchecked_into::<web_sys::HtmlTextAreaElement>().value()
}

#[wasm_bindgen_test]
async fn embed_dialog_builds_snippets_from_the_chosen_options() {
    use folio::components::embed_dialog::{EmbedDialog, Embeddable};
    let host = mount(|| {
        provide_reading("/article/seed/2/");
        let what = Embeddable::Article { slug: "seed".into(), pages: 2, current: Signal::from(PageSel::Page(2)) };
        let title = Text { en: "A \"quoted\" <b>title</b>".into(), zh: Some("中文标题".into()) };
        view! { <EmbedDialog what title/> }
    });
    tick().await;
    // The generator is a chunk of its own (`chunk.rs`), built when first
    // asked for: the page has the button only.
    assert!(host.query_selector("dialog.embed-dialog").unwrap().is_none());
    find(&host, ".embed-button").unchecked_into::<HtmlElement>().click();
    tick().await;
    let dialog: web_sys::HtmlDialogElement = find(&host, "dialog.embed-dialog").unchecked_into();
    assert!(dialog.open(), "the button opens the dialog");
    dialog.close();
    tick().await;
    find(&host, ".embed-button").unchecked_into::<HtmlElement>().click();
    tick().await;
    assert!(dialog.open(), "and opens it again");

    let origin = window().location().origin().unwrap();
    let preview = find(&host, "iframe.embed-preview");
    assert_eq!(
        preview.get_attribute("src"),
        Some(format!("{origin}/embed/article/seed/2/")),
        "starts at the page being read"
    );
    let loader = value(&host, "textarea[data-variant=loader]");
    assert!(loader.contains(&format!("href=\"{origin}/article/seed/2/\"")), "{loader}");
    assert!(loader.contains(">A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;</a>"), "the title is escaped: {loader}");
    assert!(loader.ends_with(&format!("<script async src=\"{origin}/embed.js\"></script>")), "{loader}");

    choose(&host, "select[name=lang]", "zh");
    choose(&host, "select[name=theme]", "dark");
    choose(&host, "select[name=start]", "all");
    let plain: web_sys::HtmlInputElement = find(&host, "input[name=plain]").unchecked_into();
    plain.click();
    tick().await;
    let loader = value(&host, "textarea[data-variant=loader]");
    assert!(
        loader.starts_with(&format!("<a class=\"folio-embed\" href=\"{origin}/zh/article/seed/all/\" data-theme=\"dark\" data-plain=\"1\">中文标题</a>")),
        "{loader}"
    );
    let iframe = value(&host, "textarea[data-variant=iframe]");
    assert!(
        iframe.starts_with(&format!(
            "<iframe src=\"{origin}/zh/embed/article/seed/all/?theme=dark&amp;plain=1\" title=\"中文标题\""
        )),
        "{iframe}"
    );
    assert_eq!(preview.get_attribute("src"), Some(format!("{origin}/zh/embed/article/seed/all/?theme=dark&plain=1")));

    dialog.close();
    next_task().await; // `close` is fired from a task of its own
    tick().await;
    assert!(host.query_selector("iframe.embed-preview").unwrap().is_none(), "a closed dialog has no preview frame");
}

#[wasm_bindgen_test]
async fn axis_markers_say_date_and_title_with_the_languages_own_colon() {
    use folio::routes::timeline::axis::TimelineAxis;
    let t = Arc::new(timeline());
    let e = t.events[0].clone();
    let tl = t.clone();
    let host = mount(move || {
        let n = tl.events.len();
        let visible = Memo::new(move |_| (0..n).collect::<Vec<_>>());
        let selected = Memo::new(|_| Some(0));
        let select = Callback::new(|_: usize| {});
        view! { <TimelineAxis timeline=tl.clone() visible selected mode=Mode::Zh select refocus=StoredValue::new(false)/> }
    });
    tick().await;
    let marker = find(&host, &format!("button[data-event=\"{}\"]", e.id));
    let label = marker.get_attribute("aria-label").unwrap();
    assert_eq!(label, e.announcement(Mode::Zh));
    assert!(label.contains('：') && !label.contains(": "), "Chinese takes the full-width colon: {label}");
}

/// Mounts `f` under a shell's loading registry and returns the shell's
/// combined status.
fn under_loads<N: IntoView + 'static>(f: impl FnOnce() -> N + 'static) -> Memo<folio::content::Status> {
    let out = std::rc::Rc::new(std::cell::Cell::new(None));
    let put = out.clone();
    mount(move || {
        put.set(Some(folio::content::provide_loads()));
        f()
    });
    out.get().expect("mounted")
}

#[wasm_bindgen_test]
async fn the_shell_hears_what_every_view_on_screen_is_loading() {
    use folio::api::LoadError;
    use folio::content::{use_content, Status, What};
    #[derive(Clone, Copy, PartialEq)]
    enum Child {
        None,
        Pending,
        Failing,
    }
    let (child, set_child) = signal(Child::None);
    let status = under_loads(move || {
        let ready = use_content(What::Catalog, Some(1), || async { Ok(1) });
        let child = move || match child.get() {
            Child::None => None,
            Child::Pending => {
                let _ = use_content(What::Listing, None::<u8>, std::future::pending);
                Some("pending")
            }
            Child::Failing => {
                let _ = use_content(What::Event, None::<u8>, || async {
                    Err(LoadError::Network { url: "content/x.json".into(), detail: "offline".into() })
                });
                Some("failing")
            }
        };
        view! { <p>{ready.ok()}</p>{child} }
    });
    tick().await;
    assert!(status.get_untracked() == Status::Ready, "content carried by the page is ready at once");
    set_child.set(Child::Pending);
    tick().await;
    assert!(status.get_untracked() == Status::Loading, "a view that waits holds the shell");
    set_child.set(Child::None);
    tick().await;
    assert!(status.get_untracked() == Status::Ready, "a view that goes stops counting");
    set_child.set(Child::Failing);
    next_task().await;
    match status.get_untracked() {
        Status::Failed(f) => assert_eq!(f.what, What::Event),
        _ => panic!("a failed load reaches the shell"),
    }
}

#[wasm_bindgen_test]
async fn the_kept_notice_says_what_failed_and_retries_only_what_can_be_retried() {
    use folio::api::LoadError;
    use folio::components::error_panel::kept_notice;
    use folio::content::{Failure, What};
    let retried = RwSignal::new(0);
    let network = Failure {
        what: What::Article("seed".into()),
        error: LoadError::Network { url: "content/articles/seed.json".into(), detail: "offline".into() },
        retry: Callback::new(move |()| retried.update(|n| *n += 1)),
    };
    let host = mount(move || kept_notice(network, Mode::En));
    let notice = find(&host, ".kept-notice[role=alert]");
    assert_eq!(text(&find(&notice, "strong")), "Could not load");
    assert_eq!(text(&find(&notice, "code")), "content/articles/seed.json: offline");
    find(&notice, "button").unchecked_into::<HtmlElement>().click();
    assert_eq!(retried.get_untracked(), 1);

    let broken = Failure {
        what: What::Timeline("jr".into()),
        error: LoadError::Invalid { error: Arc::new(folio_model::parse::article("{").unwrap_err()) },
        retry: Callback::new(|()| {}),
    };
    let host = mount(move || kept_notice(broken, Mode::Zh));
    assert!(all(&host, "button").is_empty(), "retrying cannot mend a damaged file");
    assert_eq!(text(&find(&host, "strong")), folio_model::ui::for_mode(Mode::Zh).broken_timeline);
}
