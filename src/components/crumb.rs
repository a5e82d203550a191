use leptos::prelude::*;

/// "Opinion / Cai Hong": the section, then the column.
#[component]
pub fn Crumb(#[prop(into)] section: Signal<String>, #[prop(into)] column: String) -> impl IntoView {
    view! {
        <p class="crumb">
            <span class="crumb-section">{section}</span>
            <span class="crumb-sep" aria-hidden="true">" / "</span>
            <span class="crumb-column">{column}</span>
        </p>
    }
}
