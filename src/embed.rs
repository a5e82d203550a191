//! What an embedded document does for its host page: report its height,
//! and send links that leave the embedded resource to a new tab.
//!
//! Both live for the document's life: an embed never unmounts its frame
//! (links out open a new tab), so their closures are deliberately kept.

use folio_model::Route;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::js_sys::{Object, Reflect};

/// Posts `{type: "folio:resize", v: 1, id, height}` to the parent window
/// whenever `el`'s height changes, including the first layout. The height
/// is not a secret, so the target origin is `*`; it is the host's loader
/// that must check where a message comes from (see `static/embed.js`).
///
/// `el` must contain its children's margins (`display: flow-root`), so its
/// border box is the whole document and the iframe needs no scrollbar.
pub fn report_height(el: web_sys::Element, id: String) {
    let Ok(Some(parent)) = window().parent() else { return };
    if JsValue::from(parent.clone()) == JsValue::from(window()) {
        return; // opened directly, not framed
    }
    let last = Rc::new(Cell::new(-1i32));
    let target = el.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = target.get_bounding_client_rect().height().ceil() as i32;
        // Zero while the app waits hidden behind the prerendered view
        // (`shell/boot.rs`): the host keeps the height it has until there is one.
        if height == 0 || height == last.replace(height) {
            return;
        }
        let msg = Object::new();
        for (k, v) in [
            ("type", JsValue::from_str("folio:resize")),
            ("v", JsValue::from(1)),
            ("id", JsValue::from_str(&id)),
            ("height", JsValue::from(height)),
        ] {
            let _ = Reflect::set(&msg, &JsValue::from_str(k), &v);
        }
        let _ = parent.post_message(&msg, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&el);
        std::mem::forget(observer);
    }
    on_resize.forget();
}

/// Makes every link that leaves the embedded view open in a new tab: the
/// full site, other articles, sources. It runs in the capture phase, before
/// the router's own click handler, which leaves links with a `target` to
/// the browser. Links to embed addresses (a page, an event) stay inside.
pub fn open_links_outside() {
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let same_origin = window().location().origin().is_ok_and(|o| o == a.origin());
        if a.get_attribute("href").is_some_and(|h| h.starts_with('#')) {
            return;
        }
        if !same_origin || !Route::parse(&crate::base::strip(&a.pathname()), "").embed {
            a.set_target("_blank");
            a.set_rel("noopener");
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    on_click.forget();
}
