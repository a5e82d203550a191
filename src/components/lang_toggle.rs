use crate::base;
use crate::components::ui;
use crate::prefs;
use crate::state::use_reading;
use folio_model::Mode;
use leptos::prelude::*;
use leptos_router::{hooks::use_location, NavigateOptions};
use wasm_bindgen::JsCast;

/// English / 中文 / Both, as a radio group: keyboard operable (Tab in,
/// arrows between modes) and announced with its state by screen readers.
///
/// Choosing a mode navigates on the client to the same view in that mode
/// (the mode is the path prefix), remembers the choice, and keeps the
/// reader's place: the block at the top of the viewport stays there.
#[component]
pub fn LangToggle() -> impl IntoView {
    let reading = use_reading();
    let mode = reading.mode;
    let location = use_location();
    let navigate = leptos_router::hooks::use_navigate();
    let choose = move |m: Mode| {
        if m == mode.get_untracked() {
            return;
        }
        prefs::store_mode(m);
        reading.anchor.set_value(top_block());
        let path = base::strip(&location.pathname.get_untracked());
        let search = location.search.get_untracked();
        let query = if search.is_empty() { String::new() } else { format!("?{search}") };
        let hash = location.hash.get_untracked();
        navigate(&format!("{}{query}{hash}", m.switch(&path)), NavigateOptions { scroll: false, ..Default::default() });
    };
    let radios = Mode::ALL
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let choose = choose.clone();
            let label = move || ui(mode.get()).mode_names[i];
            let lang = if m == Mode::Zh { "zh-Hans" } else { "en" };
            view! {
                <label class="lang-option">
                    <input
                        type="radio"
                        name="folio-mode"
                        value=m.param()
                        // The attribute for the prerendered page, the
                        // property for the live state.
                        checked=move || mode.get() == m
                        prop:checked=move || mode.get() == m
                        on:change=move |_| choose(m)
                    />
                    <span lang=move || if m == Mode::Both { mode.get().ui_lang().tag() } else { lang }>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="lang-toggle">
            <legend class="visually-hidden">{move || ui(mode.get()).language_label}</legend>
            {radios}
        </fieldset>
    }
}

/// The first text block whose bottom is below the sticky masthead, and its
/// top edge, measured before a switch.
fn top_block() -> Option<(String, f64)> {
    let doc = document();
    let header = doc.query_selector(".masthead").ok().flatten().map_or(0.0, |h| h.get_bounding_client_rect().bottom());
    let list = doc.query_selector_all("[data-block]").ok()?;
    (0..list.length()).find_map(|i| {
        let el: web_sys::Element = list.item(i)?.dyn_into().ok()?;
        let rect = el.get_bounding_client_rect();
        if rect.bottom() > header {
            Some((el.get_attribute("data-block")?, rect.top()))
        } else {
            None
        }
    })
}
