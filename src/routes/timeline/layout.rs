use super::axis::TimelineAxis;
use super::card::EventCard;
use super::list::{KeptWindow, TimelineList};
use crate::chunk::{build, use_code};
use crate::components::error_panel::{inline_failure, Loading};
use crate::dom::{media_query::use_media_query, scroll_anchor::reveal_later};
use crate::state::use_reading;
use folio_model::timeline::Timeline;
use folio_model::Mode;
use leptos::prelude::*;
use std::sync::Arc;

/// Phones get the vertical list, wide screens the axis with the selected
/// event's card. The app asks the window, and follows it across the
/// breakpoint. A prerendered page has no window to ask, so it holds both
/// and lets CSS choose (`.timeline-both`): the list with JavaScript off or
/// below 700 px, else the axis, the same one the app draws.
///
/// The list's code is a chunk of its own: a wide screen never downloads
/// it, and a timeline page preloads it on phones only (`xtask/src/code.rs`).
#[component]
pub fn TimelineLayout(
    timeline: Arc<Timeline>,
    visible: Memo<Vec<usize>>,
    selected: Memo<Option<usize>>,
    mode: Mode,
    select: Callback<usize>,
    refocus: StoredValue<bool>,
    list_href: Callback<usize, String>,
    list_window: StoredValue<Option<KeptWindow>>,
) -> impl IntoView {
    let narrow = use_media_query(crate::PHONE_QUERY);
    reveal_in_list(narrow, selected);
    let list = {
        let tl = timeline.clone();
        move || {
            let code = use_code(TIMELINE_LIST, load_timeline_list);
            let tl = tl.clone();
            move || match code.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(failure)) => inline_failure(failure, mode).into_any(),
                Some(Ok(())) => build(timeline_list(tl.clone(), visible, selected, mode, list_href, list_window))
                    .unwrap_or_else(|| view! { <Loading/> }.into_any()),
            }
        }
    };
    let axis = move || {
        let tl = timeline.clone();
        let card = move || selected.get().map(|i| view! { <EventCard timeline=tl.clone() index=i mode place="axis"/> });
        view! {
            <TimelineAxis timeline=timeline.clone() visible selected mode select refocus/>
            {card}
        }
    };
    move || match narrow.get() {
        Some(true) => list().into_any(),
        Some(false) => axis().into_any(),
        None => view! {
            <div class="timeline-both">
                <div class="timeline-list">{list()}</div>
                <div class="timeline-axis">{axis()}</div>
            </div>
        }
        .into_any(),
    }
}

crate::split_point! {
    /// The vertical list of phones.
    timeline_list as TIMELINE_LIST, load_timeline_list,
    fn timeline_list(
        timeline: Arc<Timeline>,
        visible: Memo<Vec<usize>>,
        selected: Memo<Option<usize>>,
        mode: Mode,
        href: Callback<usize, String>,
        kept: StoredValue<Option<KeptWindow>>,
    ) -> AnyView {
        view! { <TimelineList timeline visible selected mode href kept/> }.into_any()
    }
}

/// On phones, opening an event's URL scrolls the list to it (the axis
/// scrolls itself on wide screens). Not in an embed: scrolling the frame's
/// content into view would also scroll the partner's page, under its
/// reader's feet.
fn reveal_in_list(narrow: RwSignal<Option<bool>>, selected: Memo<Option<usize>>) {
    let embedded = use_reading().embed;
    Effect::new(move || {
        if !embedded && narrow.get() == Some(true) && selected.get().is_some() {
            reveal_later(".list-event[aria-current]");
        }
    });
}
