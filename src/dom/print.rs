use leptos::prelude::*;

/// While the browser prints: the page's address (printed under the text);
/// `None` otherwise. `beforeprint` listeners finish, and the view updates,
/// before the browser lays the page out for print, so what depends on this
/// is in the printout and costs nothing the rest of the time.
pub fn use_printing() -> RwSignal<Option<String>> {
    let printing = RwSignal::new(None::<String>);
    Effect::new(move || {
        let before = window_event_listener(leptos::ev::beforeprint, move |_| {
            printing.set(Some(window().location().href().unwrap_or_default()));
        });
        let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(None));
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
    });
    printing
}
