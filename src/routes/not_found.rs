use crate::components::{error_panel::ErrorPanel, ui};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = ui();
    view! {
        <Title text=format!("{} · Folio", t.not_found_title)/>
        <ErrorPanel title=t.not_found_title body=t.not_found_body back=("/".to_owned(), t.back_home.to_owned())/>
    }
}
