use folio_model::{Lang, Text};
use leptos::prelude::*;

/// One paragraph in the reader's language, as text (never as HTML). The
/// `lang` attribute names the language actually shown, so a fallback to
/// English is announced and set in the right font.
#[component]
pub fn Paragraph(text: Text, lang: Lang, #[prop(optional)] events: Vec<String>) -> impl IntoView {
    let (s, shown) = text.get(lang);
    let events = (!events.is_empty()).then(|| events.join(" "));
    view! { <p lang=shown.tag() data-events=events>{s.to_owned()}</p> }
}
