//! Where the bundle is served: at a host's root or below it
//! (`https://host/news/folio/`), found at run time, so one `dist/` works
//! anywhere without a rebuild.
//!
//! Each page's `<base href>` points at the bundle's root (`../../` from
//! `/article/x/2/`), so the document's base URL *is* the bundle root. Two
//! rules follow:
//! - hrefs in the DOM are relative to it (`folio_model::route::relative`),
//!   so they are right on a prerendered page without JavaScript too;
//! - the router is given the base path (`<Router base>`): its `navigate`
//!   takes root paths (`/zh/article/x/`) and adds it, and [`strip`]
//!   removes it from the address before `Route::parse`.

use leptos::prelude::*;

/// The base path without its trailing slash: `""` at a host's root,
/// `"/news/folio"` below it. Native (the prerenderer) has no document and
/// renders root paths: the DOM's hrefs are relative anyway.
pub fn path() -> String {
    #[cfg(not(feature = "ssr"))]
    {
        thread_local! {
            static BASE: String = document()
                .base_uri()
                .ok()
                .flatten()
                .and_then(|uri| web_sys::Url::new(&uri).ok())
                .map(|url| url.pathname().trim_end_matches('/').to_owned())
                .unwrap_or_default();
        }
        BASE.with(Clone::clone)
    }
    #[cfg(feature = "ssr")]
    String::new()
}

/// `pathname` from the browser, as `Route::parse` expects it: from the
/// bundle root. A path outside the base is left as it is (and parses as
/// not found).
pub fn strip(pathname: &str) -> String {
    let base = path();
    match pathname.strip_prefix(base.as_str()) {
        Some(rest) if rest.starts_with('/') => rest.to_owned(),
        Some("") => "/".to_owned(),
        _ => pathname.to_owned(),
    }
}

/// The address bar's path, from the bundle root ([`strip`]).
pub fn current_path() -> String {
    strip(&window().location().pathname().unwrap_or_default())
}

/// The bundle root as an absolute URL (`https://host/news/folio/`): what
/// partners must link to.
pub fn site_url() -> String {
    // The directory of the base URL, without a query or fragment: a page
    // without a `<base>` (tests, a bare shell) has its own URL as base.
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(".", &base).map(|u| u.href()).unwrap_or(base)
}
