use crate::components::{error_panel::ErrorPanel, ui};
use crate::state::{titled, use_reading};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    let mode = use_reading().mode;
    move || {
        let mode = mode.get();
        let t = ui(mode);
        view! {
            <Title text=titled(t.not_found_title, mode)/>
            <ErrorPanel title=t.not_found_title body=t.not_found_body back=(mode.localize("/"), t.back_home.to_owned()) mode/>
        }
    }
}
