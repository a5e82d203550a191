use super::zoom::AxisZoom;
use crate::components::ui;
use folio_model::timeline::{scale::Scale, Timeline};
use folio_model::Mode;
use leptos::prelude::*;

/// One item on the axis: an event's marker, or a numbered cluster of
/// events too close to tell apart at this zoom (a click opens it). Drawn
/// at its first member's day, as a fraction of the track, which neither
/// the width nor the zoom changes.
#[allow(clippy::too_many_arguments)]
pub fn axis_item(
    timeline: &Timeline,
    members: Vec<usize>,
    left: String,
    visible: Memo<Vec<usize>>,
    selected: Memo<Option<usize>>,
    mode: Mode,
    select: Callback<usize>,
    axis: AxisZoom,
) -> AnyView {
    let t = ui(mode);
    if let [i] = members[..] {
        let e = &timeline.events[i];
        let label = e.announcement(mode);
        let is_sel = move || selected.get() == Some(i);
        // One marker is in the Tab order: the selected one, else the first.
        let tab = move || {
            if is_sel() || (selected.get().is_none() && visible.with(|v| v.first() == Some(&i))) {
                0
            } else {
                -1
            }
        };
        return view! {
            <button
                type="button"
                class=format!("marker marker-{}", e.group)
                class:selected=is_sel
                aria-current=move || is_sel().then_some("true")
                aria-label=label.clone()
                title=label
                tabindex=tab
                data-event=e.id.clone()
                style:left=left
                on:click=move |_| select.run(i)
            ></button>
        }
        .into_any();
    }
    let n = members.len();
    let (a, b) = (&timeline.events[members[0]], &timeline.events[members[n - 1]]);
    let label = (t.cluster_label)(n, &a.start.year.to_string(), &b.start.year.to_string());
    let (from, to) = (a.start.day_number(), b.start.day_number());
    view! {
        <button
            type="button"
            class="cluster"
            aria-label=label.clone()
            title=label
            tabindex="-1"
            style:left=left
            on:click=move |_| axis.open_cluster(from, to)
        >
            {n}
        </button>
    }
    .into_any()
}

/// The era bands under the markers, placed once.
pub fn eras(timeline: &Timeline, track: Scale, mode: Mode) -> impl IntoView {
    timeline
        .eras
        .iter()
        .enumerate()
        .map(|(i, era)| {
            let (label, lang) = era.label.get(mode.ui_lang());
            view! {
                <div class=format!("era era-{}", i % 2) style:left=track.left(era.start.day_number(), 0.0) style:right=track.right(era.end.day_number())>
                    <span class="era-label" lang=lang.tag()>{label.to_owned()}</span>
                </div>
            }
        })
        .collect_view()
}

/// What the marker shapes mean.
pub fn legend(timeline: &Timeline, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let groups = timeline
        .groups
        .iter()
        .map(|g| {
            let (label, lang) = g.label.get(mode.ui_lang());
            view! { <li><span class=format!("swatch marker-{}", g.id) aria-hidden="true"></span><span lang=lang.tag()>{label.to_owned()}</span></li> }
        })
        .collect_view();
    view! { <ul class="legend">{groups}<li><span class="swatch cluster-swatch" aria-hidden="true">"3"</span>{t.cluster_legend}</li></ul> }
}
