use leptos::prelude::*;

/// Moves focus to `el` without scrolling the page: the caller has put it
/// in view already, or it scrolls itself (the timeline's axis).
pub fn focus_in_place(el: &web_sys::HtmlElement) {
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = el.focus_with_options(&opts);
}

/// In the next frame, once the new content is laid out: moves focus to
/// `el` and scrolls it to the top, so keyboard and screen-reader users
/// continue where reading continues (after a page turn). Not at once:
/// focusing and scrolling need the layout, and forcing it in the middle of
/// the update would hold the update up; the frame lays it out anyway.
pub fn focus_and_reveal(el: web_sys::HtmlElement) {
    request_animation_frame(move || {
        focus_in_place(&el);
        el.scroll_into_view();
    });
}

/// Two frames from now (the first scrolls and redraws, the second finds
/// the redrawn element): focuses the element under `root` that `selector`
/// names, without scrolling. For a control that is redrawn on the way,
/// which drops focus (a timeline marker after its axis zoomed).
pub fn refocus_later(root: NodeRef<leptos::html::Div>, selector: String) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            let found = root.try_get_untracked().flatten().and_then(|r| r.query_selector(&selector).ok().flatten());
            if let Some(el) = found.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
                focus_in_place(&el);
            }
        });
    });
}
