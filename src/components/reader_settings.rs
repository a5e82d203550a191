use crate::chunk::build;
use crate::components::modal::{DialogHead, LazyDialog, Modal};
use crate::components::ui;
use crate::state::use_reading;
use folio_model::settings::{LineWidth, Settings, TextSize};
use folio_model::{Mode, Theme};
use leptos::prelude::*;

/// The "Display" button and its dialog: theme, text size and line width,
/// applied at once (the page shows through a light backdrop) and
/// remembered, and below them what is saved for offline reading
/// (`saved_list.rs`). A native modal `<dialog>` keeps focus inside, closes on
/// Escape and gives focus back to the button. Each setting is a radio
/// group, so arrow keys move within it and Tab between them.
///
/// The dialog is a chunk of its own (`chunk.rs`), fetched when the reader
/// points at the button or presses it.
#[component]
pub fn ReaderSettings(mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let dialog = LazyDialog::new();
    let asked = dialog.asked;
    let body = dialog.view(DISPLAY, load_display, mode, move || build(display_dialog(mode, asked)));
    view! {
        <button type="button" class="settings-button" aria-haspopup="dialog"
            on:pointerenter=move |_| dialog.want() on:focus=move |_| dialog.want() on:click=move |_| dialog.ask()>
            <span aria-hidden="true" class="settings-glyph">"Aa"</span>" "{t.display}
        </button>
        {body}
    }
}

crate::split_point! {
    /// The dialog, opened each time `asked` grows.
    display as DISPLAY, load_display,
    fn display_dialog(mode: Mode, asked: RwSignal<u32>) -> AnyView {
        view! { <DisplayDialog mode asked/> }.into_any()
    }
}

#[component]
fn DisplayDialog(mode: Mode, asked: RwSignal<u32>) -> impl IntoView {
    let t = ui(mode);
    let settings = use_reading().settings;
    // The choices exist only while the dialog is open: the article header,
    // and this with it, is rebuilt on every language switch.
    let modal = Modal::new();
    let choices = move || {
        modal.open.get().then(|| {
            view! {
                <fieldset class="setting setting-theme">
                    <legend>{t.theme_label}</legend>
                    {group(settings, "theme", Theme::ALL, Theme::param, |th| t.theme_name(th), |s| s.theme, |s, v| s.theme = v)}
                </fieldset>
                <fieldset class="setting setting-size">
                    <legend>{t.text_size_label}</legend>
                    {group(settings, "size", TextSize::ALL, TextSize::param, |size| t.size_name(size), |s| s.size, |s, v| s.size = v)}
                </fieldset>
                <fieldset class="setting setting-width">
                    <legend>{t.line_width_label}</legend>
                    {group(settings, "width", LineWidth::ALL, LineWidth::param, |w| t.width_name(w), |s| s.width, |s, v| s.width = v)}
                </fieldset>
                <crate::components::saved_list::SavedList mode removable=true/>
            }
        })
    };
    Effect::new(move || {
        if asked.get() > 0 {
            modal.show();
        }
    });
    view! {
        <dialog class="settings-dialog" node_ref=modal.node aria-labelledby="settings-heading" on:close=move |_| modal.closed()>
            <DialogHead modal id="settings-heading" title=t.display_heading close=t.close/>
            {choices}
        </dialog>
    }
}

/// One setting's radios: `values`, each labelled by `label`, reading and
/// writing their field of the settings.
fn group<T: Copy + PartialEq + Send + Sync + 'static, const N: usize>(
    settings: RwSignal<Settings>,
    name: &'static str,
    values: [T; N],
    param: fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    get: fn(&Settings) -> T,
    set: fn(&mut Settings, T),
) -> impl IntoView {
    values
        .into_iter()
        .map(|v| {
            let label = label(v);
            let checked = move || get(&settings.get()) == v;
            view! {
                <label class="choice">
                    <input type="radio" name=format!("folio-{name}") value=param(v) checked=checked prop:checked=checked
                        on:change=move |_| settings.update(|s| set(s, v))/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view()
}
