//! The URL scheme, in one place.
//!
//! Every view has a real path (see DESIGN.md), so the same parser serves the
//! browser router, the link builders and any tool that enumerates routes.
//! Paths end in `/` so that each view maps to a `…/index.html` file on a
//! static host. Parsing is lenient (a missing trailing slash or `/1/` is
//! understood); [`Parsed::canonical`] says when the address bar should be
//! rewritten to the one canonical form.

use crate::paging::PageSel;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    /// The home list narrowed to one edition (`/edition/asia/`).
    Edition(String),
    Article { slug: String, page: PageSel },
    /// An article path whose page segment is not a page (`/article/x/two/`).
    BadPage { slug: String, segment: String },
    NotFound,
}

/// A parsed path, and its canonical form when it differs from the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub route: Route,
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

impl Route {
    /// Parses a path relative to the site root (no origin, no query).
    pub fn parse(path: &str) -> Parsed {
        let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let route = match segs.as_slice() {
            [] => Route::Home,
            ["index.html"] => Route::Home,
            ["edition", id] if is_slug(id) => Route::Edition((*id).to_owned()),
            ["article", slug] if is_slug(slug) => Route::Article { slug: (*slug).to_owned(), page: PageSel::Page(1) },
            ["article", slug, seg] if is_slug(slug) => match PageSel::from_segment(seg) {
                Some(page) => Route::Article { slug: (*slug).to_owned(), page },
                None => Route::BadPage { slug: (*slug).to_owned(), segment: (*seg).to_owned() },
            },
            _ => Route::NotFound,
        };
        let canonical = match &route {
            Route::NotFound | Route::BadPage { .. } => None,
            r => Some(r.href()).filter(|c| c != path),
        };
        Parsed { route, canonical }
    }

    /// The canonical path of this view.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "/".to_owned(),
            Route::Edition(id) => format!("/edition/{id}/"),
            Route::Article { slug, page } => article_href(slug, *page),
            Route::BadPage { slug, .. } => article_href(slug, PageSel::Page(1)),
        }
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
    fn canonical_paths_parse_without_rewrite() {
        for (path, route) in [
            ("/", Route::Home),
            ("/edition/asia/", Route::Edition("asia".into())),
            ("/article/a-b/", art("a-b", PageSel::Page(1))),
            ("/article/a-b/2/", art("a-b", PageSel::Page(2))),
            ("/article/a-b/all/", art("a-b", PageSel::All)),
        ] {
            assert_eq!(Route::parse(path), Parsed { route: route.clone(), canonical: None }, "{path}");
            assert_eq!(route.href(), path);
        }
    }

    #[test]
    fn page_one_and_missing_slashes_normalise() {
        assert_eq!(Route::parse("/article/x/1/").canonical.as_deref(), Some("/article/x/"));
        assert_eq!(Route::parse("/article/x/2").canonical.as_deref(), Some("/article/x/2/"));
        assert_eq!(Route::parse("/article/x").canonical.as_deref(), Some("/article/x/"));
        assert_eq!(Route::parse("/index.html").canonical.as_deref(), Some("/"));
        assert_eq!(Route::parse("").canonical.as_deref(), Some("/"));
    }

    #[test]
    fn unknown_shapes() {
        assert_eq!(Route::parse("/nope/").route, Route::NotFound);
        assert_eq!(Route::parse("/article/").route, Route::NotFound);
        assert_eq!(Route::parse("/article/Bad_Slug/").route, Route::NotFound);
        assert_eq!(Route::parse("/article/x/2/extra/").route, Route::NotFound);
        assert_eq!(
            Route::parse("/article/x/0/"),
            Parsed { route: Route::BadPage { slug: "x".into(), segment: "0".into() }, canonical: None }
        );
    }
}
