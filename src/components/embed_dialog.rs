use crate::chunk::build;
use crate::components::bi_text::plain as plain_text;
use crate::components::modal::{DialogHead, LazyDialog, Modal};
use crate::components::ui;
use crate::state::use_reading;
use folio_model::embed::{Options, Snippet};
use folio_model::timeline::Timeline;
use folio_model::{Mode, PageSel, Route, Text, Theme};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What can be embedded, with the choices of where it starts.
#[derive(Clone)]
pub enum Embeddable {
    /// An article with this many pages, starting at the page being read.
    Article { slug: String, pages: usize, current: Signal<PageSel> },
    /// A timeline, starting at the open event.
    Timeline { timeline: Arc<Timeline>, current: Signal<Option<String>> },
}

impl Embeddable {
    /// The `start` choice for the view being read.
    fn current(&self) -> String {
        match self {
            Embeddable::Article { current, .. } => current.get_untracked().segment(),
            Embeddable::Timeline { current, .. } => current.get_untracked().unwrap_or_default(),
        }
    }

    fn route(&self, start: &str) -> Route {
        match self {
            Embeddable::Article { slug, .. } => {
                Route::Article { slug: slug.clone(), page: PageSel::from_segment(start).unwrap_or(PageSel::Page(1)) }
            }
            Embeddable::Timeline { timeline, .. } => {
                Route::Timeline { id: timeline.id.clone(), event: (!start.is_empty()).then(|| start.to_owned()) }
            }
        }
    }
}

/// The "Embed" button and its dialog: choose language, theme, where to
/// start and whether to show the header; see a live preview; copy either
/// snippet. The generator is a chunk of its own (`chunk.rs`), fetched when
/// the reader points at the button or presses it.
#[component]
pub fn EmbedDialog(what: Embeddable, title: Text) -> impl IntoView {
    let mode = use_reading().mode;
    let dialog = LazyDialog::new();
    let asked = dialog.asked;
    let body = dialog
        .view(EMBED, load_embed, mode.get_untracked(), move || build(embed_dialog(what.clone(), title.clone(), asked)));
    view! {
        <button type="button" class="embed-button" aria-haspopup="dialog"
            on:pointerenter=move |_| dialog.want() on:focus=move |_| dialog.want() on:click=move |_| dialog.ask()>
            {move || ui(mode.get()).embed}
        </button>
        {body}
    }
}

crate::split_point! {
    /// The dialog, opened each time `asked` grows.
    embed as EMBED, load_embed,
    fn embed_dialog(what: Embeddable, title: Text, asked: RwSignal<u32>) -> AnyView {
        view! { <EmbedGenerator what title asked/> }.into_any()
    }
}

/// A native modal `<dialog>` gives focus containment, Escape and focus
/// return (to the button) for free.
#[component]
fn EmbedGenerator(what: Embeddable, title: Text, asked: RwSignal<u32>) -> impl IntoView {
    let mode = use_reading().mode;
    let modal = Modal::new();
    let open = modal.open;
    let lang = RwSignal::new(Mode::En);
    let theme = RwSignal::new(Theme::Auto);
    let start = RwSignal::new(String::new());
    let plain = RwSignal::new(false);
    let status = RwSignal::new("");

    let snippet = {
        let what = what.clone();
        move |f: &dyn Fn(&Snippet) -> String| {
            let route = what.route(&start.get());
            let site = crate::base::site_url();
            let lang = lang.get();
            f(&Snippet {
                site: &site,
                mode: lang,
                route: &route,
                options: Options { theme: theme.get(), plain: plain.get(), transparent: false },
                title: title.str(lang.ui_lang()),
            })
        }
    };
    let loader = {
        let s = snippet.clone();
        Memo::new(move |_| s(&|s| s.loader_html()))
    };
    let iframe = {
        let s = snippet.clone();
        Memo::new(move |_| s(&|s| s.iframe_html()))
    };
    let preview = Memo::new(move |_| open.get().then(|| snippet(&|s| s.embed_url())));

    {
        let what = what.clone();
        Effect::new(move || {
            if asked.get() > 0 {
                lang.set(mode.get_untracked());
                start.set(what.current());
                status.set("");
                modal.show();
            }
        });
    }
    let copy = move |text: Memo<String>, area: NodeRef<leptos::html::Textarea>| {
        let text = text.get_untracked();
        let t = ui(mode.get_untracked());
        leptos::task::spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&text);
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => status.set(t.copied),
                Err(_) => {
                    // No clipboard access (permissions, an old browser):
                    // select the text so Ctrl+C does it.
                    if let Some(a) = area.get_untracked() {
                        let _ = a.focus();
                        a.select();
                    }
                    status.set(t.copy_failed);
                }
            }
        });
    };

    // Built when the dialog opens, not with the page: a timeline of 10,000
    // events would otherwise cost 10,000 options on every page that has
    // the button. The select then keeps the reader's choice itself.
    let start_options =
        {
            let what = what.clone();
            move || {
                if !open.get() {
                    return None;
                }
                let mode = mode.get();
                let t = ui(mode);
                let current = start.get_untracked();
                let opt = move |value: String, label: String| {
                    let selected = value == current;
                    view! { <option value=value selected=selected>{label}</option> }
                };
                Some(match &what {
                    Embeddable::Article { pages, .. } => (1..=*pages)
                        .map(|n| opt(n.to_string(), (t.page_n)(n)))
                        .chain(std::iter::once(opt("all".into(), t.all_pages.to_owned())))
                        .collect_view(),
                    Embeddable::Timeline { timeline, .. } => {
                        std::iter::once(opt(String::new(), t.whole_timeline.to_owned()))
                            .chain(timeline.events.iter().map(|e| {
                                opt(e.id.clone(), format!("{} · {}", e.start.year, plain_text(&e.title, mode)))
                            }))
                            .collect_view()
                    }
                })
            }
        };
    let select_value = |ev: leptos::ev::Event| {
        ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
    };
    let loader_area = NodeRef::<leptos::html::Textarea>::new();
    let iframe_area = NodeRef::<leptos::html::Textarea>::new();

    move || {
        let t = ui(mode.get());
        let lang_options = Mode::ALL
            .into_iter()
            .map(|m| view! { <option value=m.param() selected=move || lang.get() == m>{t.mode_name(m)}</option> })
            .collect_view();
        let theme_options = Theme::ALL
            .into_iter()
            .map(|th| view! { <option value=th.param() selected=move || theme.get() == th>{t.theme_name(th)}</option> })
            .collect_view();
        view! {
            <dialog class="embed-dialog" node_ref=modal.node aria-labelledby="embed-heading" on:close=move |_| modal.closed()>
                <DialogHead modal id="embed-heading" title=t.embed_heading close=t.close/>
                <div class="embed-options">
                    <label>{t.language_label}
                        <select name="lang" on:change=move |ev| lang.set(Mode::from_param(&select_value(ev)).unwrap_or_default())>
                            {lang_options}
                        </select>
                    </label>
                    <label>{t.theme_label}
                        <select name="theme" on:change=move |ev| theme.set(Theme::from_param(&select_value(ev)).unwrap_or_default())>
                            {theme_options}
                        </select>
                    </label>
                    <label>{t.embed_start}
                        <select name="start" on:change=move |ev| start.set(select_value(ev))>{start_options.clone()}</select>
                    </label>
                    <label class="check">
                        <input type="checkbox" name="plain" prop:checked=plain on:change=move |ev| plain.set(event_target_checked(&ev))/>
                        {t.embed_plain}
                    </label>
                </div>
                <p class="preview-label">{t.embed_preview}</p>
                // Only while open: inserting an iframe creates a browsing
                // context, which made every language switch a frame slower.
                {move || open.get().then(|| view! { <iframe class="embed-preview" title=t.embed_preview src=move || preview.get()></iframe> })}
                <div class="snippet-row">
                    <label for="snippet-loader">{t.snippet_loader}</label>
                    <textarea id="snippet-loader" class="snippet" data-variant="loader" readonly rows="3" node_ref=loader_area prop:value=loader></textarea>
                    <button type="button" class="copy" data-variant="loader" on:click=move |_| copy(loader, loader_area)>{t.copy}</button>
                </div>
                <div class="snippet-row">
                    <label for="snippet-iframe">{t.snippet_iframe}</label>
                    <textarea id="snippet-iframe" class="snippet" data-variant="iframe" readonly rows="3" node_ref=iframe_area prop:value=iframe></textarea>
                    <button type="button" class="copy" data-variant="iframe" on:click=move |_| copy(iframe, iframe_area)>{t.copy}</button>
                </div>
                <p class="copy-status" role="status">{move || status.get()}</p>
            </dialog>
        }
    }
}
