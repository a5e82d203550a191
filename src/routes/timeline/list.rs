use super::card::EventCard;
use crate::components::{bi_text::BiText, ui};
use folio_model::timeline::window::{list_window, widen, LIST_WINDOW};
use folio_model::timeline::Timeline;
use folio_model::Mode;
use leptos::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// The phone timeline: a vertical list grouped by era. Each event is a
/// link to its own URL; the selected one opens its card in place.
///
/// A long timeline shows a window of it (`window::list_window`) around the
/// chosen event, with buttons for more on either side. Inside the
/// window, choosing an event rebuilds only the run of [`RUN`] items
/// around the old and the new choice.
#[component]
pub fn TimelineList(
    timeline: Arc<Timeline>,
    visible: Memo<Vec<usize>>,
    selected: Memo<Option<usize>>,
    mode: Mode,
    href: Callback<usize, String>,
    /// The window last shown: kept by the page, which outlives this list
    /// when a language switch rebuilds it.
    kept: StoredValue<Option<KeptWindow>>,
) -> impl IntoView {
    let t = ui(mode);
    let tl = timeline.clone();
    let items = Items { selected, mode, href };
    // Built afresh for each filter: positions refer to the filtered list.
    move || {
        let vis = Arc::new(visible.get());
        let len = vis.len();
        // Over the same events (a language switch), the window the reader
        // had stays, widened or not; a filter starts afresh.
        let before = kept.with_value(|k| k.as_ref().filter(|(v, _)| **v == *vis).map(|(_, r)| r.clone()));
        let widened = RwSignal::new(before);
        let shown = {
            let vis = vis.clone();
            Memo::new(move |last: Option<&Range<usize>>| {
                let choice = selected.get().and_then(|i| vis.binary_search(&i).ok());
                list_window(len, choice, &[widened.get(), last.cloned()], LIST_WINDOW)
            })
        };
        {
            let vis = vis.clone();
            Effect::new(move || kept.set_value(Some((vis.clone(), shown.get()))));
        }
        let more = move |earlier: bool| {
            move || {
                let r = shown.get();
                let hidden = if earlier { r.start } else { len - r.end };
                (hidden > 0).then(|| {
                    let label = if earlier { (t.show_earlier)(hidden) } else { (t.show_later)(hidden) };
                    let on_click = move |_| widened.set(Some(widen(&shown.get_untracked(), len, earlier, LIST_WINDOW)));
                    view! { <button type="button" class="button button-quiet list-more" on:click=on_click>{label}</button> }
                })
            }
        };
        let tl = tl.clone();
        let eras = move || {
            let r = shown.get();
            let vis = &vis[r];
            tl.eras
                .iter()
                .map(|era| {
                    let in_era: Vec<usize> = vis
                        .iter()
                        .copied()
                        .filter(|&i| tl.era_of(&tl.events[i]).is_some_and(|x| x.id == era.id))
                        .collect();
                    (!in_era.is_empty()).then(|| {
                        let runs = in_era.chunks(RUN).map(|run| item_run(&tl, run.to_vec(), items)).collect_view();
                        view! {
                            <section class="list-era">
                                <h2><BiText text=era.label.clone() mode/></h2>
                                <ol>{runs}</ol>
                            </section>
                        }
                    })
                })
                .collect_view()
        };
        view! { {more(true)} {eras} {more(false)} }
    }
}

/// A window of the list (`Range`) and the filtered events it was over.
pub type KeptWindow = (Arc<Vec<usize>>, Range<usize>);

/// What every list item needs besides its event.
#[derive(Clone, Copy)]
struct Items {
    selected: Memo<Option<usize>>,
    mode: Mode,
    href: Callback<usize, String>,
}

/// A run of list items, rebuilt only when the choice enters or leaves it.
fn item_run(tl: &Arc<Timeline>, run: Vec<usize>, items: Items) -> impl IntoView {
    let Items { selected, mode, href } = items;
    let t = ui(mode);
    let here = {
        let run = run.clone();
        Memo::new(move |_| selected.get().filter(|i| run.binary_search(i).is_ok()))
    };
    let tl = tl.clone();
    move || {
        let sel = here.get();
        run.iter()
            .map(|&i| {
                let e = &tl.events[i];
                let card = (sel == Some(i)).then(|| {
                    view! { <EventCard timeline=tl.clone() index=i mode place="list"/> }
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
            .collect_view()
    }
}

/// How many list items rebuild together when the choice moves: small
/// enough to be quick, large enough that a widened window needs few memos.
const RUN: usize = 64;
