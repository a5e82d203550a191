//! Keeping the reader's place across a re-render: the block at the top of
//! the viewport before a language switch is put back where it was, a link
//! to a paragraph (`#b-4`) lands on it once the text is there, and a
//! selected item is brought into view.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The first text block whose bottom is below the sticky masthead, and its
/// top edge, measured before a switch.
pub fn top_block() -> Option<(String, f64)> {
    let doc = document();
    let header = doc.query_selector(".masthead").ok().flatten().map_or(0.0, |h| h.get_bounding_client_rect().bottom());
    let list = doc.query_selector_all("[data-block]").ok()?;
    (0..list.length()).find_map(|i| {
        let el: web_sys::Element = list.item(i)?.dyn_into().ok()?;
        let rect = el.get_bounding_client_rect();
        if rect.bottom() > header {
            Some((el.get_attribute("data-block")?, rect.top()))
        } else {
            None
        }
    })
}

/// Scrolls so that block `id` is `top` pixels from the top of the viewport,
/// in the next frame, before it is painted, and again once fonts have
/// loaded: the first switch to Chinese starts loading a CJK font, which
/// reflows every line above the anchor.
///
/// Not at once: measuring the block needs the new view laid out, and
/// forcing that layout in the middle of the update held the update up by
/// most of its time (34 ms of 50 under the bench's 4× throttle). The frame
/// lays the view out anyway; the scroll then happens before it is painted.
pub fn restore(id: &str, top: f64) {
    let selector = format!("[data-block=\"{id}\"]");
    let scroll = move || {
        if let Ok(Some(el)) = document().query_selector(&selector) {
            let now = el.get_bounding_client_rect().top();
            window().scroll_by_with_x_and_y(0.0, now - top);
        }
    };
    request_animation_frame(move || {
        scroll();
        let fonts = document().fonts();
        if fonts.status() != web_sys::FontFaceSetLoadStatus::Loading {
            return;
        }
        if let Ok(ready) = fonts.ready() {
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(ready).await;
                scroll();
            });
        }
    });
}

/// Once mounted: scrolls to the block the address's hash names (`#b-4`,
/// from the timeline or a search result; `#s-a-new-approach`, a subhead a
/// link names) and marks it `data-landed`; the router's own jump ran
/// before the text loaded.
pub fn use_hash_block() {
    let hash = leptos_router::hooks::use_location().hash;
    Effect::new(move || {
        let hash = hash.get_untracked();
        let id = hash.strip_prefix('#').filter(|id| {
            let (kind, rest) = id.split_at(id.len().min(2));
            match kind {
                "b-" => !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()),
                "s-" => !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
                _ => false,
            }
        });
        if let Some(id) = id {
            if let Some(el) = document().get_element_by_id(id) {
                // The block a subhead's anchor is in, which keeps its
                // distance from the sticky masthead (`scroll-margin-top`).
                let el = el.closest(".block").ok().flatten().unwrap_or(el);
                el.scroll_into_view();
                // Marked for the eye too: a search result or a timeline
                // citation lands here, and `:target` alone misses a
                // client-side navigation.
                if let Ok(Some(old)) = document().query_selector("[data-landed]") {
                    let _ = old.remove_attribute("data-landed");
                }
                let _ = el.set_attribute("data-landed", "");
            }
        }
    });
}

/// After a mode switch, puts the block that was at the top of the
/// viewport back where it was (the anchor `LangToggle` set).
pub fn use_restore_anchor(anchor: StoredValue<Option<(String, f64)>>) {
    Effect::new(move || {
        if let Some((id, top)) = anchor.try_update_value(Option::take).flatten() {
            restore(&id, top);
        }
    });
}

/// In the next frame, once the view is laid out: scrolls the element that
/// `selector` names into view, if there is one.
pub fn reveal_later(selector: &'static str) {
    request_animation_frame(move || {
        if let Ok(Some(el)) = document().query_selector(selector) {
            el.scroll_into_view();
        }
    });
}
