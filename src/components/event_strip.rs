use crate::components::{bi_text::BiText, ui};
use folio_model::{Mode, Text};
use leptos::prelude::*;

/// One event as the article shows it: its timeline URL, date and title.
#[derive(Clone, Debug, PartialEq)]
pub struct EventLink {
    pub href: String,
    pub date: String,
    pub title: Text,
}

/// The events the current page mentions, as a compact list beside the
/// article (below it on phones), each linking to its place on the timeline.
#[component]
pub fn EventStrip(events: Vec<EventLink>, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|e| {
                view! {
                    <li>
                        <a href=e.href>
                            <span class="strip-date">{e.date}</span>
                            <span class="strip-title"><BiText text=e.title mode/></span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <aside class="event-strip" aria-labelledby="strip-heading">
                <h2 id="strip-heading">{t.on_this_page}</h2>
                <ol>{items}</ol>
            </aside>
        }
    })
}
