use crate::components::bi_text::BiText;
use folio_model::{Mode, Text};
use leptos::prelude::*;

/// "Opinion / Cai Hong": the section, then the column.
#[component]
pub fn Crumb(section: Text, column: Text, mode: Mode) -> impl IntoView {
    view! {
        <p class="crumb">
            <span class="crumb-section"><BiText text=section mode/></span>
            <span class="crumb-sep" aria-hidden="true">" / "</span>
            <span class="crumb-column"><BiText text=column mode/></span>
        </p>
    }
}
