use crate::base;
use crate::components::ui;
use crate::dom::scroll_anchor;
use crate::prefs;
use crate::state::use_reading;
use folio_model::route::{relative, with_query};
use folio_model::Mode;
use leptos::prelude::*;
use leptos_router::{hooks::use_location, NavigateOptions};

/// English / 中文 / Both, as a radio group: keyboard operable (Tab in,
/// arrows between modes) and announced with its state by screen readers.
///
/// Choosing a mode navigates on the client to the same view in that mode
/// (the mode is the path prefix), remembers the choice, and keeps the
/// reader's place: the block at the top of the viewport stays there.
/// Before the app runs, the prerendered radios go to that address as a
/// plain navigation (`static/prefs.js`, by each radio's `data-href`).
#[component]
pub fn LangToggle() -> impl IntoView {
    let reading = use_reading();
    let mode = reading.mode;
    let location = use_location();
    let navigate = leptos_router::hooks::use_navigate();
    // The same view's address in each mode, relative to the bundle root:
    // `static/prefs.js` follows it when the prerendered switch is used
    // before the app runs (nothing else listens to it then).
    let href_in = move |m: Mode| relative(&m.switch(&base::strip(&location.pathname.get())));
    let choose = move |m: Mode| {
        if m == mode.get_untracked() {
            return;
        }
        prefs::store_mode(m);
        reading.anchor.set_value(scroll_anchor::top_block());
        let path = base::strip(&location.pathname.get_untracked());
        let href = with_query(&m.switch(&path), &location.search.get_untracked());
        let hash = location.hash.get_untracked();
        navigate(&format!("{href}{hash}"), NavigateOptions { scroll: false, ..Default::default() });
    };
    let radios = Mode::ALL
        .into_iter()
        .map(|m| {
            let choose = choose.clone();
            let label = move || ui(mode.get()).mode_name(m);
            let lang = if m == Mode::Zh { "zh-Hans" } else { "en" };
            view! {
                <label class="lang-option">
                    <input
                        type="radio"
                        name="folio-mode"
                        value=m.param()
                        data-href=move || href_in(m)
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
