use leptos::ev::PointerEvent;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Drag to pan a horizontally scrolling element. Buttons keep their
/// clicks: a drag starts only on the element itself, with the main button.
/// Wire `down`, `moved` and `up` to its pointer events.
#[derive(Clone, Copy)]
pub struct DragScroll {
    el: NodeRef<Div>,
    /// Where the drag started: pointer x and the element's scroll then.
    start: StoredValue<Option<(f64, f64)>>,
}

impl DragScroll {
    pub fn new(el: NodeRef<Div>) -> DragScroll {
        DragScroll { el, start: StoredValue::new(None) }
    }

    pub fn down(&self, ev: PointerEvent) {
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest("button").ok().flatten().is_some());
        if on_button || ev.button() != 0 {
            return;
        }
        if let Some(el) = self.el.get_untracked() {
            self.start.set_value(Some((f64::from(ev.client_x()), f64::from(el.scroll_left()))));
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    }

    pub fn moved(&self, ev: PointerEvent) {
        if let (Some((x0, s0)), Some(el)) = (self.start.get_value(), self.el.get_untracked()) {
            el.set_scroll_left((s0 - (f64::from(ev.client_x()) - x0)) as i32);
        }
    }

    pub fn up(&self) {
        self.start.set_value(None);
    }
}
