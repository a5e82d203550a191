use leptos::prelude::*;

/// A polite, visually hidden live region. It holds one short sentence (the
/// new event's date and title), never a whole card, so screen readers say
/// just what changed.
#[component]
pub fn LiveRegion(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    view! { <p class="visually-hidden live-region" aria-live="polite" aria-atomic="true">{move || text.get()}</p> }
}
