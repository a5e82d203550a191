use crate::components::{bi_text::BiText, event_card::EventCard, ui};
use folio_model::timeline::{mentions::Mention, Timeline};
use folio_model::Mode;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The phone timeline: a vertical list grouped by era. Each meeting is a
/// link to its own URL; the selected one opens its card in place.
#[component]
pub fn TimelineList(
    timeline: Arc<Timeline>,
    visible: Memo<Vec<usize>>,
    selected: Memo<Option<usize>>,
    mode: Mode,
    href: Callback<usize, String>,
    mentions: Signal<Arc<BTreeMap<String, Vec<Mention>>>>,
) -> impl IntoView {
    let t = ui(mode);
    let tl = timeline.clone();
    move || {
        let vis = visible.get();
        let sel = selected.get();
        tl.eras
            .iter()
            .map(|era| {
                let items: Vec<usize> = vis.iter().copied().filter(|&i| tl.era_of(&tl.events[i]).is_some_and(|x| x.id == era.id)).collect();
                (!items.is_empty()).then(|| {
                    let lis = items
                        .into_iter()
                        .map(|i| {
                            let e = &tl.events[i];
                            let card = (sel == Some(i)).then(|| {
                                let m = mentions.with(|m| m.get(&e.id).cloned().unwrap_or_default());
                                view! { <EventCard timeline=tl.clone() index=i mode mentions=m/> }
                            });
                            view! {
                                <li>
                                    <a class="list-event" href=href.run(i) data-noscroll="" aria-current=(sel == Some(i)).then_some("true")>
                                        <time datetime=e.start.to_string()>{(t.date_range)(&e.start, e.end.as_ref())}</time>
                                        <span class="list-title"><BiText text=e.title.clone() mode/></span>
                                    </a>
                                    {card}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="list-era">
                            <h2><BiText text=era.label.clone() mode/></h2>
                            <ol>{lis}</ol>
                        </section>
                    }
                })
            })
            .collect_view()
    }
}
