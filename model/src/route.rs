//! The URL scheme, in one place.
//!
//! Every view has a real path (see `docs/design.md`, "Addresses"), so the
//! same parser serves the browser router, the link builders and any tool
//! that enumerates routes.
//! Paths end in `/` so that each view maps to a `…/index.html` file on a
//! static host. Parsing is lenient (a missing trailing slash or `/1/` is
//! understood); [`Parsed::canonical`] says when the address bar should be
//! rewritten to the one canonical form.

use crate::listing::Listing;
use crate::mode::Mode;
use crate::paging::PageSel;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// A page of stories, newest first: the home page ("Latest", `/`,
    /// `/latest/2/`), an edition's (`/edition/asia/`) or a section's
    /// (`/section/opinion/2/`). Page 1 has no number in its address.
    Listing {
        listing: Listing,
        page: usize,
    },
    Article {
        slug: String,
        page: PageSel,
    },
    /// An article path whose page segment is not a page (`/article/x/two/`).
    BadPage {
        slug: String,
        segment: String,
    },
    /// A timeline, optionally with one event selected.
    Timeline {
        id: String,
        event: Option<String>,
    },
    /// Search (`/search/?q=…&type=…&section=…`): the query and filters
    /// are the address's query string, read by the view
    /// ([`crate::search::Ask`]), so back, reload and a shared link give the
    /// same results.
    Search,
    NotFound,
}

/// The page of an article an address asks for, before the article (and so
/// its number of pages) is there: the reader resolves it once it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageAsked {
    Sel(PageSel),
    /// A segment that is not a page at all (`/article/x/intro/`).
    NotAPage(String),
}

impl Route {
    /// The article page this address asks for (page 1 for other views).
    pub fn page_asked(&self) -> PageAsked {
        match self {
            Route::Article { page, .. } => PageAsked::Sel(*page),
            Route::BadPage { segment, .. } => PageAsked::NotAPage(segment.clone()),
            _ => PageAsked::Sel(PageSel::Page(1)),
        }
    }
}

/// A parsed address: the view, the mode the address names (if any), and
/// the canonical address when it differs from the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub route: Route,
    /// The mode named by a path prefix (`/zh/`, `/dual/`) or by `?lang=`.
    /// `None` for an unprefixed path: English, unless the reader's stored
    /// choice or browser says otherwise (see `mode::resolve`).
    pub mode: Option<Mode>,
    /// Shown chromeless for a partner site (`/embed/article/…`,
    /// `/embed/timeline/…`): only articles and timelines can be embedded.
    pub embed: bool,
    /// `path?query` to replace the address with, e.g. for `/article/x/1/`
    /// or `?lang=zh`.
    pub canonical: Option<String>,
}

/// A URL-safe id: lowercase ASCII letters, digits and inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Splits `lang` out of a query string (without `?`), keeping the rest in
/// order.
fn take_lang(query: &str) -> (Option<Mode>, String) {
    let mut mode = None;
    let mut rest = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("lang", v)) => mode = Mode::from_param(v).or(mode),
            _ => rest.push(pair),
        }
    }
    (mode, rest.join("&"))
}

/// A listing's page segment: a positive number.
fn listing_page(seg: &str) -> Option<usize> {
    match PageSel::from_segment(seg)? {
        PageSel::Page(n) => Some(n),
        PageSel::All => None,
    }
}

impl Route {
    /// The home page: the first page of "Latest".
    pub const HOME: Route = Route::Listing { listing: Listing::Latest, page: 1 };

    /// Parses a path relative to the site root and its query string
    /// (without `?`).
    pub fn parse(path: &str, query: &str) -> Parsed {
        let (prefix, rest) = crate::mode::split_prefix(path);
        let mut segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        let embed = segs.first() == Some(&"embed");
        if embed {
            segs.remove(0);
        }
        let route = match segs.as_slice() {
            [] | ["index.html"] | ["latest"] => Route::HOME,
            ["latest", n] => match listing_page(n) {
                Some(page) => Route::Listing { listing: Listing::Latest, page },
                None => Route::NotFound,
            },
            [kind @ ("edition" | "section"), id, rest @ ..] if is_slug(id) && rest.len() <= 1 => {
                let listing = match *kind {
                    "edition" => Listing::Edition((*id).to_owned()),
                    _ => Listing::Section((*id).to_owned()),
                };
                match rest.first().map(|n| listing_page(n)) {
                    None => Route::Listing { listing, page: 1 },
                    Some(Some(page)) => Route::Listing { listing, page },
                    Some(None) => Route::NotFound,
                }
            }
            ["article", slug] if is_slug(slug) => Route::Article { slug: (*slug).to_owned(), page: PageSel::Page(1) },
            ["article", slug, seg] if is_slug(slug) => match PageSel::from_segment(seg) {
                Some(page) => Route::Article { slug: (*slug).to_owned(), page },
                None => Route::BadPage { slug: (*slug).to_owned(), segment: (*seg).to_owned() },
            },
            ["search"] => Route::Search,
            ["timeline", id] if is_slug(id) => Route::Timeline { id: (*id).to_owned(), event: None },
            ["timeline", id, ev] if is_slug(id) && is_slug(ev) => {
                Route::Timeline { id: (*id).to_owned(), event: Some((*ev).to_owned()) }
            }
            _ => Route::NotFound,
        };
        let route = match route {
            Route::Listing { .. } | Route::Search if embed => Route::NotFound,
            r => r,
        };
        let (lang, rest) = take_lang(query);
        let mode = lang.or(prefix);
        let canonical = match &route {
            Route::NotFound | Route::BadPage { .. } => None,
            r => {
                let want = mode.unwrap_or_default().localize(&framed(embed, &r.href()));
                let q = if rest.is_empty() { String::new() } else { format!("?{rest}") };
                (want != path || rest != query).then(|| format!("{want}{q}"))
            }
        };
        Parsed { route, mode, embed, canonical }
    }

    /// The canonical path of this view, unprefixed (English); see
    /// [`Mode::localize`] for the other modes.
    pub fn href(&self) -> String {
        match self {
            Route::NotFound => "/".to_owned(),
            Route::Listing { listing, page } => listing.href(*page),
            Route::Article { slug, page } => article_href(slug, *page),
            Route::BadPage { slug, .. } => article_href(slug, PageSel::Page(1)),
            Route::Timeline { id, event: None } => format!("/timeline/{id}/"),
            Route::Timeline { id, event: Some(ev) } => format!("/timeline/{id}/{ev}/"),
            Route::Search => "/search/".to_owned(),
        }
    }
}

/// `href` (from [`Route::href`]) as an embed address when `embed` is set:
/// `/article/x/2/` becomes `/embed/article/x/2/`. The mode prefix goes in
/// front of both (see [`Mode::localize`]).
pub fn framed(embed: bool, href: &str) -> String {
    if embed {
        format!("/embed{href}")
    } else {
        href.to_owned()
    }
}

/// A root path (`/zh/article/x/?pm=abe`) as an href relative to the bundle
/// root, which each page's `<base href>` names: `zh/article/x/?pm=abe`, and
/// `./` for the root itself. So the same files work at a host's root and
/// below it.
pub fn relative(path: &str) -> String {
    match path.strip_prefix('/') {
        Some("") => "./".to_owned(),
        Some(rest) if rest.starts_with(['?', '#']) => format!("./{rest}"),
        Some(rest) => rest.to_owned(),
        None => path.to_owned(),
    }
}

/// `path` with a query string (without its `?`), if there is one:
/// `/timeline/x/` + `pm=abe` → `/timeline/x/?pm=abe`.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// How many directories deep a page's file is, as the `<base href>` that
/// leads from it back to the bundle root: `/article/x/2/` → `../../../`.
pub fn base_href(path: &str) -> String {
    let depth = path.split('/').filter(|s| !s.is_empty()).count();
    if depth == 0 {
        "./".to_owned()
    } else {
        "../".repeat(depth)
    }
}

/// `/article/{slug}/`, `/article/{slug}/{n}/` or `/article/{slug}/all/`.
/// Page 1 has one canonical URL, without a number.
pub fn article_href(slug: &str, page: PageSel) -> String {
    match page {
        PageSel::Page(1) => format!("/article/{slug}/"),
        PageSel::Page(n) => format!("/article/{slug}/{n}/"),
        PageSel::All => format!("/article/{slug}/all/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(slug: &str, page: PageSel) -> Route {
        Route::Article { slug: slug.into(), page }
    }

    #[test]
    fn an_address_asks_for_a_page_or_names_something_that_is_not_one() {
        assert_eq!(Route::parse("/article/a/2/", "").route.page_asked(), PageAsked::Sel(PageSel::Page(2)));
        assert_eq!(Route::parse("/article/a/all/", "").route.page_asked(), PageAsked::Sel(PageSel::All));
        assert_eq!(Route::parse("/article/a/two/", "").route.page_asked(), PageAsked::NotAPage("two".into()));
        assert_eq!(Route::parse("/timeline/jr/", "").route.page_asked(), PageAsked::Sel(PageSel::Page(1)));
    }

    #[test]
    fn a_query_is_added_only_when_there_is_one() {
        assert_eq!(with_query("/timeline/x/", ""), "/timeline/x/");
        assert_eq!(with_query("/timeline/x/", "pm=abe"), "/timeline/x/?pm=abe");
    }

    #[test]
    fn canonical_paths_parse_without_rewrite() {
        for (path, route) in [
            ("/", Route::HOME),
            ("/latest/2/", Route::Listing { listing: Listing::Latest, page: 2 }),
            ("/edition/asia/", Route::Listing { listing: Listing::Edition("asia".into()), page: 1 }),
            ("/edition/asia/3/", Route::Listing { listing: Listing::Edition("asia".into()), page: 3 }),
            ("/section/opinion/", Route::Listing { listing: Listing::Section("opinion".into()), page: 1 }),
            ("/section/opinion/12/", Route::Listing { listing: Listing::Section("opinion".into()), page: 12 }),
            ("/article/a-b/", art("a-b", PageSel::Page(1))),
            ("/article/a-b/2/", art("a-b", PageSel::Page(2))),
            ("/article/a-b/all/", art("a-b", PageSel::All)),
            ("/timeline/jr/", Route::Timeline { id: "jr".into(), event: None }),
            ("/search/", Route::Search),
            ("/timeline/jr/2016-05-sochi/", Route::Timeline { id: "jr".into(), event: Some("2016-05-sochi".into()) }),
        ] {
            assert_eq!(
                Route::parse(path, ""),
                Parsed { route: route.clone(), mode: None, embed: false, canonical: None },
                "{path}"
            );
            assert_eq!(route.href(), path);
            for m in [Mode::Zh, Mode::Both] {
                let p = m.localize(path);
                assert_eq!(
                    Route::parse(&p, ""),
                    Parsed { route: route.clone(), mode: Some(m), embed: false, canonical: None },
                    "{p}"
                );
            }
        }
    }

    #[test]
    fn page_one_and_missing_slashes_normalise() {
        assert_eq!(Route::parse("/article/x/1/", "").canonical.as_deref(), Some("/article/x/"));
        assert_eq!(Route::parse("/zh/article/x/1/", "").canonical.as_deref(), Some("/zh/article/x/"));
        assert_eq!(Route::parse("/article/x/2", "").canonical.as_deref(), Some("/article/x/2/"));
        assert_eq!(Route::parse("/article/x", "").canonical.as_deref(), Some("/article/x/"));
        assert_eq!(Route::parse("/index.html", "").canonical.as_deref(), Some("/"));
        assert_eq!(Route::parse("", "").canonical.as_deref(), Some("/"));
        assert_eq!(Route::parse("/zh", "").canonical.as_deref(), Some("/zh/"));
        // A listing's page 1 has no number; "latest" alone is the home page.
        assert_eq!(Route::parse("/edition/asia/1/", "").canonical.as_deref(), Some("/edition/asia/"));
        assert_eq!(Route::parse("/zh/latest/1/", "").canonical.as_deref(), Some("/zh/"));
        assert_eq!(Route::parse("/latest/", "").canonical.as_deref(), Some("/"));
        assert_eq!(Route::parse("/section/world/2", "").canonical.as_deref(), Some("/section/world/2/"));
    }

    #[test]
    fn lang_query_is_an_alias_normalised_to_the_prefix() {
        let p = Route::parse("/article/x/2/", "lang=zh");
        assert_eq!(p.mode, Some(Mode::Zh));
        assert_eq!(p.canonical.as_deref(), Some("/zh/article/x/2/"));
        let p = Route::parse("/zh/article/x/", "theme=dark&lang=both&plain=1");
        assert_eq!(p.mode, Some(Mode::Both), "?lang= wins over the prefix");
        assert_eq!(p.canonical.as_deref(), Some("/dual/article/x/?theme=dark&plain=1"));
        let p = Route::parse("/dual/", "lang=en");
        assert_eq!((p.mode, p.canonical.as_deref()), (Some(Mode::En), Some("/")));
        let p = Route::parse("/article/x/", "lang=klingon");
        assert_eq!((p.mode, p.canonical.as_deref()), (None, Some("/article/x/")), "a bad value is dropped");
        assert_eq!(Route::parse("/article/x/", "theme=dark").canonical, None, "other flags stay as they are");
        let p = Route::parse("/timeline/jr/2016-05-sochi", "pm=abe&lang=zh");
        assert_eq!(p.canonical.as_deref(), Some("/zh/timeline/jr/2016-05-sochi/?pm=abe"), "filters survive");
    }

    #[test]
    fn relative_hrefs_and_base_hrefs() {
        assert_eq!(relative("/"), "./");
        assert_eq!(relative("/zh/article/x/2/"), "zh/article/x/2/");
        assert_eq!(relative("/timeline/t/?pm=abe"), "timeline/t/?pm=abe");
        assert_eq!(relative("/?lang=zh"), "./?lang=zh");
        assert_eq!(relative("https://x.example/"), "https://x.example/", "absolute URLs stay");
        assert_eq!(base_href("/"), "./");
        assert_eq!(base_href("/zh/"), "../");
        assert_eq!(base_href("/zh/embed/article/x/2/"), "../../../../../");
    }

    #[test]
    fn embed_paths_wrap_articles_and_timelines_only() {
        for (path, route) in [
            ("/embed/article/a-b/", art("a-b", PageSel::Page(1))),
            ("/embed/article/a-b/all/", art("a-b", PageSel::All)),
            (
                "/embed/timeline/jr/2016-05-sochi/",
                Route::Timeline { id: "jr".into(), event: Some("2016-05-sochi".into()) },
            ),
        ] {
            assert_eq!(
                Route::parse(path, "theme=dark"),
                Parsed { route: route.clone(), mode: None, embed: true, canonical: None }
            );
            assert_eq!(framed(true, &route.href()), path);
            let zh = Route::parse(&format!("/zh{path}"), "");
            assert_eq!((zh.mode, zh.embed, zh.canonical), (Some(Mode::Zh), true, None));
        }
        let p = Route::parse("/embed/article/x/1", "lang=both&plain=1");
        assert_eq!(p.canonical.as_deref(), Some("/dual/embed/article/x/?plain=1"), "normalised, still an embed");
        for path in [
            "/embed/",
            "/embed/edition/asia/",
            "/embed/section/opinion/2/",
            "/zh/embed/",
            "/embed/embed/article/x/",
            "/embed/nope/",
            "/embed/search/",
        ] {
            assert_eq!(Route::parse(path, "").route, Route::NotFound, "{path}");
        }
        assert!(!Route::parse("/article/embed/", "").embed, "only a leading segment makes an embed");
    }

    #[test]
    fn unknown_shapes() {
        assert_eq!(Route::parse("/nope/", "").route, Route::NotFound);
        assert_eq!(Route::parse("/zh/nope/", "").route, Route::NotFound);
        assert_eq!(Route::parse("/zh/zh/", "").route, Route::NotFound);
        assert_eq!(Route::parse("/article/", "").route, Route::NotFound);
        assert_eq!(Route::parse("/article/Bad_Slug/", "").route, Route::NotFound);
        assert_eq!(Route::parse("/article/x/2/extra/", "").route, Route::NotFound);
        assert_eq!(Route::parse("/timeline/jr/Bad Id/", "").route, Route::NotFound);
        for listing in
            ["/latest/0/", "/latest/all/", "/edition/asia/two/", "/section/x/2/3/", "/section/", "/latest/2/x/"]
        {
            assert_eq!(Route::parse(listing, "").route, Route::NotFound, "{listing}");
        }
        assert_eq!(
            Route::parse("/article/x/0/", ""),
            Parsed {
                route: Route::BadPage { slug: "x".into(), segment: "0".into() },
                mode: None,
                embed: false,
                canonical: None
            }
        );
    }
}
