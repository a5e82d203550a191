//! The offline worker (`static/sw.js`), as the page sees it: whether it
//! served (and so controls) this page, and the mark it puts on a page it
//! served from what it saved. Read where there is a window; natively
//! (prerendering) there is no worker and no mark.

/// Whether the worker served this page, and so controls it: only then
/// are its `__folio/` requests (`api::saved`, `keep`, `forget`) answered.
/// `prefs.js` marks `<html data-worker>` before anything else runs, and
/// only where the page came through the worker: a worker that takes over
/// in the middle of a first visit is left for the next page load, so
/// what it offers (the `offline` chunk) never competes with the first
/// visit's own loading. `false` in browsers without a worker, in embeds,
/// and natively.
pub fn use_offline_worker() -> bool {
    root_attribute("data-worker").is_some()
}

/// The worker's mark on `<html data-saved>`: the date the copy was saved,
/// or empty where it stood in with the bundle's offline page. `None` on a
/// page from the network.
pub fn use_saved_mark() -> Option<String> {
    root_attribute("data-saved")
}

/// An attribute of `<html>`, which the worker and `prefs.js` mark and the
/// app never renders.
fn root_attribute(name: &str) -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        let _ = name;
        None
    }
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::document().document_element()?.get_attribute(name)
    }
}
