//! Browser hooks, in the style of leptos-use: one job per file, each safe
//! to call while rendering natively (`cargo xtask dist` prerenders every
//! route without a window): they touch the browser only in effects and
//! listeners, or answer `None` without one.
//!
//! Components and routes use these instead of calling `web_sys`
//! themselves; none of them depends on a component or a route. What needs
//! layout (focus, scrolling, measuring) waits for the next animation frame,
//! where the browser lays the view out anyway (docs/decisions.md).
//!
//! The hooks hand out `RwSignal`s, to be read: only the hook writes them.
//! Not `ReadSignal` or `Signal`: the app's other state is `RwSignal`s, and
//! each further signal type is compiled anew for every value type; the
//! two cost 1.5 KB of brotli wasm here (docs/decisions.md).

pub mod document;
pub mod drag_scroll;
pub mod element_width;
pub mod focus;
pub mod media_query;
pub mod offline;
pub mod print;
pub mod scroll_anchor;
pub mod shortcut;

use wasm_bindgen::closure::Closure;

/// A listener for the browser to call, of the one closure type that
/// Leptos's window listeners use too, so that each hook adds only its body
/// to the wasm, not another set of closure glue.
pub(crate) fn listener(f: impl FnMut(web_sys::Event) + 'static) -> Closure<dyn FnMut(web_sys::Event)> {
    Closure::wrap(Box::new(f) as Box<dyn FnMut(web_sys::Event)>)
}
