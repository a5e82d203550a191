use crate::components::paragraph::Paragraph;
use folio_model::{Block, Lang};
use leptos::prelude::*;

/// Any block of article text: paragraph, subhead or quote.
#[component]
pub fn BlockView(block: Block, lang: Lang) -> impl IntoView {
    match block {
        Block::Paragraph { text, events } => view! { <Paragraph text lang events/> }.into_any(),
        Block::Subhead { text } => {
            let (s, shown) = text.get(lang);
            view! { <h2 class="subhead" lang=shown.tag()>{s.to_owned()}</h2> }.into_any()
        }
        Block::Quote { text, cite } => {
            let (s, shown) = text.get(lang);
            let cite = cite.map(|c| {
                let (c, l) = c.get(lang);
                view! { <footer lang=l.tag()>"— "{c.to_owned()}</footer> }
            });
            view! {
                <blockquote class="pull-quote">
                    <p lang=shown.tag()>{s.to_owned()}</p>
                    {cite}
                </blockquote>
            }
            .into_any()
        }
    }
}
