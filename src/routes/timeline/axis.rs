//! The timeline's axis, on wide screens. It is three files: this one (the
//! view), `zoom.rs` (zoom and scroll, and the moves that change them,
//! over the model's `Scale`) and `marker.rs` (a marker or a cluster, the
//! eras, the legend).

use super::marker::{axis_item, eras, legend};
use super::zoom::{AxisZoom, GAP};
use crate::components::ui;
use crate::dom::{drag_scroll::DragScroll, focus::refocus_later};
use folio_model::timeline::{cluster::cluster, scale::to_draw, scale::Scale, Timeline};
use folio_model::Mode;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The desktop timeline: a time-proportional horizontal axis with year
/// labels, era bands and one focusable button per event (or per cluster
/// of events too close to tell apart). Zoom with the buttons, pan by
/// scrolling or dragging. Only what is on screen (plus a viewport either
/// side) is rendered, so 10,000 events cost what 50 do.
///
/// It renders the same at any width, and without a window (prerendering):
/// positions are relative to the track, and clusters, year labels and the
/// zoom that isolates a selected event are worked out for a reference
/// width, not for the measured one (see [`AxisZoom`]).
#[component]
pub fn TimelineAxis(
    timeline: Arc<Timeline>,
    visible: Memo<Vec<usize>>,
    selected: Memo<Option<usize>>,
    mode: Mode,
    select: Callback<usize>,
    /// Set by whoever selected an event by click or key: focus goes back to
    /// its marker once the axis has zoomed and scrolled to it (the marker
    /// is redrawn on the way, which drops focus).
    refocus: StoredValue<bool>,
) -> impl IntoView {
    let t = ui(mode);
    let days = Arc::new(timeline.start_days());
    let first = days.first().copied().unwrap_or(0);
    let last = timeline.events.iter().map(|e| e.last_day().day_number()).max().unwrap_or(0);
    let viewport = NodeRef::<leptos::html::Div>::new();
    let axis = AxisZoom::new(days.clone(), last, selected.get_untracked(), &visible.get_untracked(), viewport);
    follow_selection(&timeline, axis, visible, selected, refocus, viewport);
    let drag = DragScroll::new(viewport);

    // Eras, ticks and markers sit at fractions of the track, which neither
    // the width nor the zoom changes: eras are placed once.
    let track = axis.scale.get_untracked();
    let ticks = move || {
        axis.layout
            .get()
            .ticks(64.0)
            .into_iter()
            .map(|tk| view! { <span class="tick" style:left=track.left(tk.day, 0.0)>{tk.year}</span> })
            .collect_view()
    };
    // What to draw: the visible filtered events near the viewport, clustered.
    let items = {
        let days = days.clone();
        Memo::new(move |_| {
            // A viewport either side of what is on screen.
            let window = || {
                let w = axis.width.get();
                axis.scale.get().visible_days(axis.scroll.get() - w, 3.0 * w)
            };
            let drawn = visible.with(|vis| to_draw(&days, vis, window, || selected.get()));
            let s = axis.layout.get();
            cluster(drawn.into_iter().map(|i| (i, s.x(days[i]))), GAP)
                .into_iter()
                .map(|c| c.members)
                .collect::<Vec<_>>()
        })
    };
    // An item is keyed by its members, and drawn at its first member's day:
    // zooming moves markers instead of recreating them, so the focused one
    // keeps focus.
    let tl = timeline.clone();
    let item = move |members: Vec<usize>| {
        let left = track.left(days[members[0]], 7.0);
        axis_item(&tl, members, left, visible, selected, mode, select, axis)
    };
    let on_scroll = move |ev: leptos::ev::Event| {
        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            axis.scroll.set(f64::from(el.scroll_left()));
        }
    };
    view! {
        <div class="axis">
            <div class="axis-tools" role="toolbar" aria-label=t.axis_label>
                <button type="button" on:click=move |_| axis.zoom_by(1, selected.get_untracked()) disabled=move || !axis.can_zoom_in()>{t.zoom_in}</button>
                <button type="button" on:click=move |_| axis.zoom_by(-1, selected.get_untracked()) disabled=move || !axis.can_zoom_out()>{t.zoom_out}</button>
                <button type="button" on:click=move |_| axis.fit(first)>{t.fit_all}</button>
            </div>
            <div
                class="axis-viewport"
                node_ref=viewport
                on:scroll=on_scroll
                on:pointerdown=move |ev| drag.down(ev)
                on:pointermove=move |ev| drag.moved(ev)
                on:pointerup=move |_| drag.up()
                on:pointercancel=move |_| drag.up()
            >
                <div class="axis-track" style:width=move || Scale::track_width(axis.zoom.get())>
                    <div class="eras">{eras(&timeline, track, mode)}</div>
                    <div class="ticks" aria-hidden="true">{ticks}</div>
                    <div class="markers">
                        <For each=move || items.get() key=|m| (m[0], m.len()) children=item/>
                    </div>
                </div>
            </div>
            {legend(&timeline, mode)}
        </div>
    }
}

/// When an event is selected (click, key or address), or the axis is
/// resized: zoom in until it leaves its cluster and scroll it into view;
/// then, if it was chosen by click or key, give its redrawn marker focus.
fn follow_selection(
    timeline: &Timeline,
    axis: AxisZoom,
    visible: Memo<Vec<usize>>,
    selected: Memo<Option<usize>>,
    refocus: StoredValue<bool>,
    viewport: NodeRef<leptos::html::Div>,
) {
    let ids: Vec<String> = timeline.events.iter().map(|e| e.id.clone()).collect();
    Effect::new(move || {
        let Some(sel) = selected.get() else { return };
        axis.width.track();
        visible.with(|vis| axis.reveal(sel, vis));
        if refocus.try_update_value(std::mem::take).unwrap_or(false) {
            refocus_later(viewport, format!("button[data-event=\"{}\"]", ids[sel]));
        }
    });
}
