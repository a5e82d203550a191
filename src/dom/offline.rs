//! The offline worker (`static/sw.js`), as the page sees it: whether it
//! controls this page, and the mark it puts on a page it served from what
//! it saved. Read once, where there is a window; natively (prerendering)
//! there is no worker and no mark.

/// Whether the worker controls this page: only then are its `__folio/`
/// requests (`api::saved`, `keep`, `forget`) answered. `false` on a first
/// visit, before the worker has taken over, and in browsers without one.
pub fn use_offline_worker() -> bool {
    #[cfg(feature = "ssr")]
    {
        false
    }
    #[cfg(not(feature = "ssr"))]
    {
        let Some(window) = web_sys::window() else { return false };
        // Through Reflect: web-sys's ServiceWorker bindings would add code
        // for one property read.
        let workers = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into()).unwrap_or_default();
        !workers.is_undefined() && js_sys::Reflect::get(&workers, &"controller".into()).is_ok_and(|c| c.is_object())
    }
}

/// The worker's mark on `<html data-saved>`: the date the copy was saved,
/// or empty where it stood in with the bundle's offline page. `None` on a
/// page from the network.
pub fn use_saved_mark() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        None
    }
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::document().document_element()?.get_attribute("data-saved")
    }
}
