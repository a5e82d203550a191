use leptos::html::Div;
use leptos::prelude::*;

/// The width of `el` in CSS pixels, `initial` until it is mounted and
/// measured, then following its size (a `ResizeObserver`, which also sees
/// a change of layout that no window resize causes). Notifies only on a
/// change, so a redraw that depends on it is not repeated for nothing.
pub fn use_element_width(el: NodeRef<Div>, initial: f64) -> RwSignal<f64> {
    let width = RwSignal::new(initial);
    Effect::new(move || {
        use wasm_bindgen::JsCast;
        let Some(node) = el.get() else { return };
        let measure = {
            let node = node.clone();
            super::listener(move |_| {
                let w = f64::from(node.client_width().max(1));
                if width.try_get_untracked().is_some_and(|old| old != w) {
                    width.set(w);
                }
            })
        };
        // The observer calls back once at the start, with the first size.
        let Ok(observer) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) else { return };
        observer.observe(&node);
        let held = StoredValue::new_local((observer, measure));
        on_cleanup(move || held.with_value(|(observer, _)| observer.disconnect()));
    });
    width
}
