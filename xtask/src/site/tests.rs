//! The site's tests: what each view's page carries, and what a new story
//! makes render again.

use super::*;

#[test]
fn a_large_timeline_is_not_carried_by_the_pages() {
    let site = Site::read(&crate::root().join("content")).unwrap();
    let page = folio_model::Route::Timeline { id: site.timelines[0].id.clone(), event: None };
    let data = site.data_for(&page);
    // As shipped, everything is small and carried whole.
    assert_eq!(site.carried(&data, false), data);
    assert_eq!(site.preloads(&page, &data, &data), "", "a page that carries everything asks for nothing");
    // The same timeline grown past the limit is left out; the rest stays.
    let Site { catalog, articles, mut timelines, .. } = site;
    let events = timelines[0].events.clone();
    while serde_json::to_string(&timelines[0]).unwrap().len() <= INLINE_LIMIT {
        timelines[0].events.extend(events.iter().cloned());
    }
    let big = Site::new(catalog, articles, timelines);
    let full = big.data_for(&page);
    let prerendered: Vec<Timeline> = full.timelines.values().map(|t| (*t.get().unwrap()).clone()).collect();
    assert_eq!(prerendered, big.timelines, "the prerender still gets it");
    let carried = big.carried(&full, false);
    assert!(carried.timelines.is_empty());
    assert_eq!((&carried.catalog, &carried.articles), (&data.catalog, &data.articles));

    // What a page leaves out, it asks for at once.
    let id = &big.timelines[0].id;
    let index =
        format!("<link rel=preload as=fetch crossorigin fetchpriority=low href=\"content/timelines/{id}.json\">");
    assert_eq!(big.preloads(&page, &full, &carried), index);
    // An event page also asks for that event's own file.
    let event = big.timelines[0].events[3].id.clone();
    let event_page = folio_model::Route::Timeline { id: id.clone(), event: Some(event.clone()) };
    let full = big.data_for(&event_page);
    let tags = big.preloads(&event_page, &full, &big.carried(&full, false));
    assert_eq!(tags, format!("{index}<link rel=preload as=fetch crossorigin fetchpriority=low href=\"content/timelines/{id}/{event}.json\">"));
    // An article page carries its cited events, not the timeline,
    // and asks for its article's file.
    let slug = big.articles[0].slug.clone();
    let article = folio_model::Route::Article { slug: slug.clone(), page: PageSel::Page(1) };
    let full = big.data_for(&article);
    assert!(full.timelines.is_empty());
    let carried = big.carried(&full, false);
    assert!(carried.articles.is_empty());
    assert_eq!(
        big.preloads(&article, &full, &carried),
        format!("<link rel=preload as=fetch crossorigin href=\"content/articles/{slug}.json\">")
    );
    // Its embed carries no chrome either, and asks for the catalog first.
    let embedded = big.carried(&full, true);
    assert_eq!((embedded.catalog.is_none(), embedded.cites.is_some()), (true, true));
    assert_eq!(
        big.preloads(&article, &full, &embedded),
        format!(
            "<link rel=preload as=fetch crossorigin href=\"content/catalog.json\">\
             <link rel=preload as=fetch crossorigin href=\"content/articles/{slug}.json\">"
        )
    );
}

#[test]
fn each_view_carries_what_it_shows_and_not_the_archive() {
    let site = Site::read(&crate::root().join("content")).unwrap();
    let Site { catalog, articles, timelines, .. } = site;
    // A thousand more articles, each citing two events.
    let mut more = articles.clone();
    let seed = articles.iter().find(|a| a.slug == "japan-overtures-to-russia").unwrap();
    for i in 0..1000 {
        let mut a = seed.clone();
        a.slug = format!("extra-{i:04}");
        a.published.year = 2000 + (i % 20) as u16;
        more.push(a);
    }
    let big = Site::new(catalog, more, timelines);
    let home = big.data_for(&Route::HOME);
    let listing = home.listing.as_ref().unwrap();
    assert_eq!(listing.entries.len(), folio_model::listing::PAGE_SIZE);
    assert_eq!(listing.total, 1002);
    assert!(home.articles.is_empty() && home.timelines.is_empty());
    assert!(serde_json::to_string(&home).unwrap().len() < 16 * 1024, "a page of entries, not the archive");

    let slug = "extra-0007";
    let art = big.data_for(&Route::Article { slug: slug.into(), page: PageSel::Page(1) });
    assert_eq!(art.articles.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), [slug]);
    assert!(art.timelines.is_empty(), "the events it cites, not the timeline");
    assert_eq!(
        art.cites.as_ref().unwrap().events.len(),
        folio_model::timeline::mentions::events_on(seed, PageSel::All).len()
    );

    // An event's page: its own citing paragraphs, not the articles.
    let id = big.timelines[0].id.clone();
    let cited_most = folio_model::timeline::mentions::events_on(seed, PageSel::All)[0].clone();
    let tl = big.data_for(&Route::Timeline { id: id.clone(), event: Some(cited_most.clone()) });
    assert!(tl.articles.is_empty());
    let m = tl.mentions.unwrap().get().unwrap();
    assert_eq!(m.event, cited_most);
    assert_eq!(m.cited.shown.len(), folio_model::timeline::mentions::MENTIONS_SHOWN);
    assert!(m.cited.total >= 1001, "every citation is counted: {}", m.cited.total);
    assert!(big.data_for(&Route::Timeline { id: id.clone(), event: None }).mentions.is_none());

    // Every listing page, edition and section pages included, is
    // derived, each in its own file.
    let files: Vec<String> = big.derived().into_iter().map(|(f, _)| f).collect();
    assert!(files.contains(&"derived/listing/latest/51.json".to_owned()));
    assert!(!files.contains(&"derived/listing/latest/52.json".to_owned()));
    assert!(files.contains(&"derived/listing/section/opinion/1.json".to_owned()));
    assert!(files.contains(&format!("derived/cites/{slug}.json")));
    assert!(files.contains(&format!("derived/mentions/{id}/{cited_most}.json")));
    let events = files.iter().filter(|f| f.starts_with(&format!("derived/mentions/{id}/"))).count();
    assert_eq!(events, big.timelines[0].events.len(), "one per event, cited or not");
}

#[test]
fn pages_carry_no_hydration_markers_and_content_that_looks_like_one_stays_text() {
    let Site { catalog, mut articles, timelines, .. } = Site::read(&crate::root().join("content")).unwrap();
    let hostile = "Talks <!> resume <!-- x --> \"<b>\"";
    articles[0].headline = folio_model::Text::en(hostile);
    let route = Route::Article { slug: articles[0].slug.clone(), page: PageSel::Page(1) };
    let site = Site::new(catalog, articles, timelines);
    let body = folio::prerender::render(&route.href(), site.data_for(&route));
    assert!(body.contains("<h1"), "the article was rendered: {body}");
    assert!(!body.contains("<!>"), "no markers: {body}");
    assert!(!body.contains("<!--"), "and no other comment: {body}");
    assert!(body.contains("Talks &lt;!&gt; resume &lt;!-- x --&gt; \"&lt;b&gt;\""), "the headline as text: {body}");
}

#[test]
fn a_new_story_changes_the_inputs_of_the_pages_it_touches_only() {
    let Site { catalog, articles, timelines, .. } = Site::read(&crate::root().join("content")).unwrap();
    let before = Site::new(catalog.clone(), articles.clone(), timelines.clone());
    let seed = articles.iter().find(|a| a.slug == "japan-overtures-to-russia").unwrap();
    let cited = folio_model::timeline::mentions::events_on(seed, PageSel::All)[0].clone();
    let mut story = seed.clone();
    story.slug = "a-new-story".into();
    story.section = "world".into();
    let after = Site::new(catalog, articles.iter().cloned().chain([story]).collect(), timelines);
    let id = before.timelines[0].id.clone();
    let other = before.timelines[0].events.iter().find(|e| e.id != cited).unwrap().id.clone();
    let same = |route: &Route| before.inputs(route) == after.inputs(route);
    assert!(!same(&Route::Timeline { id: id.clone(), event: Some(cited) }), "the event it cites");
    assert!(same(&Route::Timeline { id: id.clone(), event: Some(other) }), "an event it does not cite");
    assert!(same(&Route::Timeline { id, event: None }));
    assert!(!same(&Route::HOME), "the listing it joins");
    let opinion = Route::Listing { listing: Listing::Section("opinion".into()), page: 1 };
    assert!(same(&opinion), "a section it is not in");
    assert!(same(&Route::Article { slug: seed.slug.clone(), page: PageSel::Page(1) }), "another article");
}

#[test]
fn hostile_strings_in_a_markdown_article_stay_text_on_the_page_without_javascript() {
    let Site { catalog, mut articles, timelines, .. } = Site::read(&crate::root().join("content")).unwrap();
    let en = r#"+++
section = "world"
headline = "<script>window.pwned=1</script>"
summary = "\"><img src=x onerror=alert(1)>"
column = "<b>c</b>"
author = "<i>a</i>"
published = 2026-12-01T08:00:00+09:00
+++

A paragraph with *<em>marks</em>* and [a <b>link</b>](https://example.org/?q="><script>x</script>).

- an item &lt;script&gt;alert(2)&lt;/script&gt;
  - <span>nested</span> is reported, so: \<span\>nested\</span\>

![alt "><svg onload=alert(3)>](figures/summits-by-decade.png "caption <iframe src=javascript:alert(4)>"){width=1200 height=700 credit="<u>credit</u>"}

> [!NOTE]
> a note \<object data=x\>
"#;
    // Raw HTML in the text is refused by the reader; escaped, it is text.
    let refused = folio_model::markdown::article(folio_model::markdown::Md { name: "articles/h.md", text: en }, None);
    let refused = refused.unwrap_err();
    assert!(refused.iter().all(|e| e.message.starts_with("raw HTML")), "{refused:#?}");
    // Escaped, the same strings are words, and the page shows them so.
    let en = r#"+++
section = "world"
headline = "<script>window.pwned=1</script>"
summary = "\"><img src=x onerror=alert(1)>"
column = "<b>c</b>"
author = "<i>a</i>"
published = 2026-12-01T08:00:00+09:00
+++

A paragraph with *\<em\>marks\</em\>* and [a \<b\>link\</b\>](https://example.org/?q="><script>x</script>).

- an item &lt;script&gt;alert(2)&lt;/script&gt;
  - \<span\>nested\</span\>

![alt "\>\<svg onload=alert(3)\>](figures/summits-by-decade.png "caption <iframe src=javascript:alert(4)>"){width=1200 height=700 credit="\<u\>credit\</u\>"}

> [!NOTE]
> a note \<object data=x\>
"#;
    let parsed = folio_model::markdown::article(folio_model::markdown::Md { name: "articles/h.md", text: en }, None)
        .unwrap_or_else(|e| panic!("{e:#?}"));
    articles.push(parsed.article);
    let site = Site::new(catalog, articles, timelines);
    let route = Route::Article { slug: "h".into(), page: PageSel::Page(1) };
    let body = folio::prerender::render(&route.href(), site.data_for(&route));
    assert!(body.contains("<ul class=\"text-list\""), "the list was rendered: {body}");
    for tag in
        ["<script", "<img src=x", "<svg", "<iframe", "<object", "<em>marks", "<b>link", "<span>", "<u>", "<i>a", "<b>c"]
    {
        assert!(!body.contains(tag), "{tag} became markup: {body}");
    }
    for text in [
        "&lt;em&gt;marks&lt;/em&gt;",
        "&lt;b&gt;link&lt;/b&gt;",
        "&lt;span&gt;nested&lt;/span&gt;",
        "&lt;object data=x&gt;",
    ] {
        assert!(body.contains(text), "{text} shown as text: {body}");
    }
    assert!(body.contains("alert(3)"), "the alt is an attribute value, escaped");
}
