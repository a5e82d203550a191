use folio_model::{Lang, Mode, Text};
use leptos::prelude::*;

/// A short text (headline, byline, caption, list entry) in the reading
/// mode. In Both, the English and the Chinese follow each other, each with
/// its own `lang`; CSS decides whether they share a line. A missing
/// translation shows the English, marked `lang="en"`, never a blank.
#[component]
pub fn BiText(text: Text, mode: Mode) -> impl IntoView {
    let one = |lang: Lang, class: &'static str| {
        let (s, shown) = text.get(lang);
        view! { <span class=class lang=shown.tag()>{s.to_owned()}</span> }
    };
    match mode {
        Mode::En => one(Lang::En, "bi-en").into_any(),
        Mode::Zh => one(Lang::Zh, "bi-zh").into_any(),
        Mode::Both if text.get(Lang::Zh).1 == Lang::En => one(Lang::En, "bi-en").into_any(),
        Mode::Both => view! {
            {one(Lang::En, "bi-en")}
            <span class="bi-sep" aria-hidden="true">" · "</span>
            {one(Lang::Zh, "bi-zh")}
        }
        .into_any(),
    }
}

/// The same text as one plain string, for attributes (`alt`, `title`).
pub use folio_model::head::plain;
