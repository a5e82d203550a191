//! The shell's tests: each placeholder filled once, the rest kept.

use super::*;

/// A shell as Trunk's release build writes `index.html` (abridged).
const MINIFIED: &str = "<!doctype html><html data-theme=auto lang=en><meta charset=utf-8>\
    <template data-folio=base></template><meta content=\"light dark\" name=color-scheme>\
    <template data-folio=head></template><script src=prefs.js></script>\
    <script type=module src=./app-1/boot.js></script><template data-folio=links></template>\
    <link crossorigin href=./f.js integrity=sha384-AAA rel=modulepreload>\
    <link as=fetch crossorigin href=./f_bg.wasm integrity=sha384-B+/= rel=preload type=application/wasm>\
    </head><body><div class=boot id=boot><p class=boot-name>Folio</p>\
    <noscript><p>no script</p></noscript></div><template data-folio=data></template></body></html>";

fn shell(html: &str) -> Result<Shell> {
    Shell::parse(Path::new("target/trunk/release/index.html"), html)
}

fn page<'a>(view: Option<(&'a str, &'a str)>) -> Fill<'a> {
    Fill {
        base: Base::Route { href: "../".into(), route: "a/".into() },
        head: "<title>T</title>",
        links: "<link rel=preload>",
        view,
        data: "{}",
    }
}

#[test]
fn each_placeholder_is_filled_once_and_the_rest_is_kept() {
    let s = shell(MINIFIED).unwrap();
    let policy = |check: &str| {
        format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' \
             'sha256-{}' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; \
             connect-src 'self'; frame-src 'self'; font-src 'self'; worker-src 'self'; object-src 'none'; \
             base-uri 'self'; form-action 'self'\"><script>{check}</script>",
            sha256_base64(check)
        )
    };
    let head = |base: &str| {
        format!(
            "<!doctype html><html data-theme=auto lang=en><meta charset=utf-8>{base}\
             <meta content=\"light dark\" name=color-scheme><title>T</title><script src=prefs.js></script>\
             <script type=module src=./app-1/boot.js></script>\
             <link crossorigin href=./f.js integrity=sha384-AAA rel=modulepreload>\
             <link as=fetch crossorigin href=./f_bg.wasm rel=preload type=application/wasm>\
             <link rel=preload></head><body>"
        )
    };
    let thin = s.page(&page(None));
    assert_eq!(
        thin,
        format!(
            "{}<div class=boot id=boot><p class=boot-name>Folio</p><noscript><p>no script</p></noscript></div>\
             <script type=application/json id=folio-data>{{}}</script></body></html>",
            head(&format!("<base href=\"../\" data-route=\"a/\">{}", policy(ROUTE_CHECK)))
        )
    );
    let full = s.page(&page(Some(("/a/", "<p>view</p>"))));
    assert!(full.ends_with(
        "<body><div id=boot data-path=\"/a/\"><p>view</p></div>\
         <script type=application/json id=folio-data>{}</script></body></html>"
    ));
    assert!(!full.contains("data-folio"), "no placeholder is left: {full}");
    // The pages that may stand for any address find their root, by
    // this deploy's code folder.
    let anywhere = s.page(&Fill { base: Base::Anywhere, ..page(None) });
    let expected =
        format!("<meta charset=utf-8><base href=\"./\" data-code=\"app-1\" data-anywhere>{}", policy(ROOT_FINDER));
    assert!(anywhere.contains(&expected), "{anywhere}");
    let home = s.page(&Fill { base: Base::Route { href: "./".into(), route: String::new() }, ..page(None) });
    let expected = format!("<base href=\"./\" data-code=\"app-1\">{}", policy(ROOT_FINDER));
    assert!(home.contains(&expected), "the home page may stand for any address: {home}");
}

#[test]
fn a_dev_build_fills_alike() {
    // A dev build is not minified: quoted attributes, white space.
    let mut dev = MINIFIED
        .replace("<div class=boot id=boot>", "<div class=\"boot\" id=\"boot\">\n  ")
        .replace("<script type=module src=./app-1/boot.js>", r#"<script type="module" src="./app-1/boot.js">"#)
        .replace("lang=en", r#"lang="en""#)
        .replace("</head>", "\n</head>");
    for name in ["base", "head", "links", "data"] {
        dev = dev.replace(&format!("data-folio={name}></template>"), &format!("data-folio=\"{name}\"></template>\n"));
    }
    let s = shell(&dev).unwrap();
    let full = s.page(&page(Some(("/a/", "<p>view</p>"))));
    assert!(full.contains("<meta charset=utf-8><base href=\"../\" data-route=\"a/\"><meta http-equiv"), "{full}");
    assert!(full.contains("<div id=boot data-path=\"/a/\"><p>view</p></div>"), "{full}");
    assert!(s.in_lang("zh-Hans").unwrap().page(&page(None)).contains("<html data-theme=auto lang=zh-Hans>"));
}

#[test]
fn a_missing_or_doubled_placeholder_is_an_error_that_names_it() {
    let e = shell(&MINIFIED.replace("<template data-folio=links></template>", "")).err().unwrap();
    assert!(matches!(e.kind(), Kind::Placeholder { found: 0, .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "target/trunk/release/index.html: the placeholder <template data-folio=\"links\"></template> is there \
         0 times, not once: index.html must hold it once (see xtask/src/shell/mod.rs), and Trunk must keep it"
    );
    let twice = MINIFIED.replace("</body>", "<template data-folio=head></template></body>");
    assert!(matches!(shell(&twice).err().unwrap().kind(), Kind::Placeholder { found: 2, .. }));
    let after = MINIFIED.replace("</head>", "<script src=x.js></script></head>");
    assert!(shell(&after).err().unwrap().to_string().contains("only Trunk's <link> tags may follow"));
    let nested = MINIFIED.replace("<p class=boot-name>", "<div><p class=boot-name>");
    let odd = MINIFIED.replace("src=./app-1/boot.js", "src=boot.js");
    assert!(shell(&odd)
        .err()
        .unwrap()
        .to_string()
        .contains("the loader is not `<script type=module src=./{folder}/boot.js>`"));
    let inline =
        MINIFIED.replace("<script src=prefs.js>", "<script type=module>alert(1)</script><script src=prefs.js>");
    assert!(shell(&inline).err().unwrap().to_string().contains("has 2 module scripts, not the one loader"));
    assert!(shell(&nested).err().unwrap().to_string().contains("#boot holds a <div>"));
}

#[test]
fn only_the_wasm_preload_loses_its_integrity() {
    let shell = "<head><link crossorigin href=./f.js integrity=sha384-AAA rel=modulepreload>\
        <link as=fetch crossorigin href=./f_bg.wasm integrity=sha384-B+/= rel=preload type=application/wasm>\
        <link href=\"x.css\" integrity=\"sha384-C\" rel=stylesheet></head>";
    assert_eq!(
        without_wasm_preload_integrity(shell),
        "<head><link crossorigin href=./f.js integrity=sha384-AAA rel=modulepreload>\
        <link as=fetch crossorigin href=./f_bg.wasm rel=preload type=application/wasm>\
        <link href=\"x.css\" integrity=\"sha384-C\" rel=stylesheet></head>"
    );
    // As a dev build (not minified) writes it.
    assert_eq!(
        without_wasm_preload_integrity(
            r#"<link rel="preload" href="/f_bg.wasm" as="fetch" type="application/wasm" crossorigin="" integrity="sha384-B+/=">"#
        ),
        r#"<link rel="preload" href="/f_bg.wasm" as="fetch" type="application/wasm" crossorigin="">"#
    );
}

#[test]
fn html_lang_is_replaced_in_any_attribute_order() {
    for (open, want) in [
        ("<!doctype html><html data-theme=auto lang=en>", "<!doctype html><html data-theme=auto lang=zh-Hans>"),
        ("<html lang=en data-theme=auto><body lang=en>", "<html lang=zh-Hans data-theme=auto><body lang=en>"),
    ] {
        let s = shell(&MINIFIED.replace("<!doctype html><html data-theme=auto lang=en>", open)).unwrap();
        assert!(s.in_lang("zh-Hans").unwrap().page(&page(None)).starts_with(want));
    }
    let s = shell(&MINIFIED.replace(" lang=en", "")).unwrap();
    assert!(s.in_lang("zh-Hans").is_err(), "a shell it cannot fix is an error, not a silent English page");
}

#[test]
fn style_attributes_are_allowed_by_hash_and_nothing_else_changes() {
    let s = shell(MINIFIED).unwrap();
    assert_eq!(s.policy(&style_hashes("<p>no styles</p>"), ROUTE_CHECK), s.policy(&[], ROUTE_CHECK));
    let body = r#"<b style="left:1px;"></b><i style="left:1px;"></i><u style="a:&quot;x&quot;"></u>"#;
    let csp = s.page(&page(Some(("/", body))));
    let (one, quoted) = (sha256_base64("left:1px;"), sha256_base64("a:\"x\""));
    let (one, quoted) = (format!("'sha256-{one}'"), format!("'sha256-{quoted}'"));
    assert!(csp.contains("style-src 'self'; style-src-attr 'unsafe-hashes' "), "{csp}");
    assert_eq!(csp.matches(&one).count(), 1, "each value once: {csp}");
    assert!(csp.contains(&quoted), "hashed as the browser reads it: {csp}");
    assert!(csp.contains(&format!("{one}; img-src 'self'")) || csp.contains(&format!("{quoted}; img-src 'self'")));
}
