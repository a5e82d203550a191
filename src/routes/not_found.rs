use crate::components::{error_panel::ErrorPanel, ui};
use crate::dom::document::title;
use crate::state::{titled, use_reading};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let mode = use_reading().mode;
    move || {
        let mode = mode.get();
        let t = ui(mode);
        title(move || titled(t.not_found_title, mode));
        view! {
            <ErrorPanel title=t.not_found_title body=t.not_found_body back=(mode.localize("/"), t.back_home.to_owned()) mode/>
        }
    }
}
