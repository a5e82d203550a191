use crate::components::ui;
use crate::prefs;
use crate::state::use_reading;
use folio_model::Mode;
use leptos::prelude::*;

/// Both mode on wide screens: side by side, or interleaved. Two toggle
/// buttons with `aria-pressed`; the choice is remembered. Phones always
/// stack the pairs, so CSS hides this there.
#[component]
pub fn LayoutSwitch(mode: Mode) -> impl IntoView {
    let interleaved = use_reading().interleaved;
    let t = ui(mode);
    let set = move |v: bool| {
        interleaved.set(v);
        prefs::store_interleaved(v);
    };
    view! {
        <div class="layout-switch" role="group" aria-label=t.layout_label>
            <button type="button" aria-pressed=move || (!interleaved.get()).to_string() on:click=move |_| set(false)>{t.side_by_side}</button>
            <button type="button" aria-pressed=move || interleaved.get().to_string() on:click=move |_| set(true)>{t.interleaved}</button>
        </div>
    }
}
