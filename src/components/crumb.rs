use crate::components::bi_text::BiText;
use folio_model::{Mode, Text};
use leptos::prelude::*;

/// "Opinion / Cai Hong": the section, then the column. The section links
/// to its listing (`href`) when the catalog declares it.
#[component]
pub fn Crumb(section: Text, href: Option<String>, column: Text, mode: Mode) -> impl IntoView {
    let section = match href {
        Some(href) => view! { <a class="crumb-section" href=href><BiText text=section mode/></a> }.into_any(),
        None => view! { <span class="crumb-section"><BiText text=section mode/></span> }.into_any(),
    };
    view! {
        <p class="crumb">
            {section}
            <span class="crumb-sep" aria-hidden="true">" / "</span>
            <span class="crumb-column"><BiText text=column mode/></span>
        </p>
    }
}
