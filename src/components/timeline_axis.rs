use crate::components::ui;
use folio_model::timeline::{
    cluster::cluster,
    scale::{isolating_zoom, to_draw, Scale, MAX_ZOOM, REFERENCE_VIEWPORT},
    Timeline,
};
use folio_model::Mode;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Markers are 14 px wide; drawn items stay this far apart (see
/// `folio_model::timeline::cluster`), so they never overlap.
const GAP: f64 = 18.0;

/// The desktop timeline: a time-proportional horizontal axis with year
/// labels, era bands and one focusable button per meeting (or per cluster
/// of meetings too close to tell apart). Zoom with the buttons, pan by
/// scrolling or dragging. Only what is on screen (plus a viewport either
/// side) is rendered, so 10,000 events cost what 50 do.
///
/// It renders the same at any width, and without a window (prerendering):
/// positions are relative to the track, and clusters, year labels and the
/// zoom that isolates a selected meeting are worked out for
/// [`REFERENCE_VIEWPORT`], not for the measured width.
#[component]
pub fn TimelineAxis(
    timeline: Arc<Timeline>,
    visible: Memo<Vec<usize>>,
    selected: Memo<Option<usize>>,
    mode: Mode,
    select: Callback<usize>,
    /// Set by whoever selected a meeting by click or key: focus goes back to
    /// its marker once the axis has zoomed and scrolled to it (the marker
    /// is redrawn on the way, which drops focus).
    refocus: StoredValue<bool>,
) -> impl IntoView {
    let t = ui(mode);
    let days = Arc::new(timeline.start_days());
    let (first, last) = (
        days.first().copied().unwrap_or(0),
        timeline.events.iter().map(|e| e.last_day().day_number()).max().unwrap_or(0),
    );
    let zoom = RwSignal::new(selected.with_untracked(|sel| {
        sel.map_or(0, |sel| visible.with_untracked(|vis| isolating_zoom(&days, vis, sel, REFERENCE_VIEWPORT, 0, GAP)))
    }));
    let scroll = RwSignal::new(0.0f64);
    let width = RwSignal::new(REFERENCE_VIEWPORT);
    // Pixels on screen, for scrolling.
    let scale = Memo::new(move |_| Scale::new(first, last, width.get(), zoom.get()));
    // What is drawn (clusters, year labels, the zoom that isolates a
    // meeting) is worked out for the narrowest axis, whatever the real
    // width: the axis then reads the same on every screen, and a page
    // prerendered without a window matches it.
    let layout = Memo::new(move |_| Scale::new(first, last, REFERENCE_VIEWPORT, zoom.get()));
    let viewport = NodeRef::<leptos::html::Div>::new();

    // Measure the viewport now and whenever the window resizes.
    let measure = move || {
        if let Some(Some(el)) = viewport.try_get_untracked() {
            let w = f64::from(el.client_width().max(1));
            if width.try_get_untracked().is_some_and(|old| old != w) {
                width.set(w);
            }
        }
    };
    crate::routes::timeline::listen_to_resizes(measure);

    // Scrolls (after the track has its new width) so `day` sits at
    // `screen_x` in the viewport.
    let scroll_to = move |day: i64, screen_x: f64| {
        // The axis may be gone by the next frame (filters, language switch).
        request_animation_frame(move || {
            if let (Some(Some(el)), Some(s), Some(w)) =
                (viewport.try_get_untracked(), scale.try_get_untracked(), width.try_get_untracked())
            {
                let left = s.scroll_for(day, screen_x, w);
                el.set_scroll_left(left as i32);
                // Redraw for the new position now, not when the scroll event
                // arrives a frame later.
                scroll.set(f64::from(el.scroll_left()));
            }
        });
    };

    // When a meeting is selected (click, key or address), zoom in until it
    // leaves its cluster and scroll it into view. Zooming out by hand later
    // may cluster it again: that is what the reader asked for.
    let sel_days = days.clone();
    let events_ids: Vec<String> = timeline.events.iter().map(|e| e.id.clone()).collect();
    Effect::new(move || {
        let (Some(sel), vis) = (selected.get(), visible.get()) else { return };
        let w = width.get();
        let z = isolating_zoom(&sel_days, &vis, sel, REFERENCE_VIEWPORT, zoom.get_untracked(), GAP);
        if z != zoom.get_untracked() {
            zoom.set(z);
        }
        let x = scale.get_untracked().x(sel_days[sel]) - scroll.get_untracked();
        if !(40.0..=w - 40.0).contains(&x) {
            scroll_to(sel_days[sel], w / 2.0);
        }
        if refocus.try_update_value(std::mem::take).unwrap_or(false) {
            let id = events_ids[sel].clone();
            // Two frames: the first scrolls and redraws, the second focuses.
            request_animation_frame(move || {
                request_animation_frame(move || {
                    let selector = format!("button[data-event=\"{id}\"]");
                    if let Some(Some(Ok(Some(el)))) =
                        viewport.try_get_untracked().map(|v| v.map(|v| v.query_selector(&selector)))
                    {
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            // The axis scrolls itself; focus must not scroll the page.
                            let opts = web_sys::FocusOptions::new();
                            opts.set_prevent_scroll(true);
                            let _ = el.focus_with_options(&opts);
                        }
                    }
                });
            });
        }
    });

    let zoom_days = days.clone();
    let zoom_by = move |delta: i32| {
        let s = scale.get_untracked();
        let w = width.get_untracked();
        // Keep the selected meeting still if it is on screen, else the centre.
        let centre = s.day_at(scroll.get_untracked() + w / 2.0);
        let anchor = selected
            .get_untracked()
            .map(|i| zoom_days[i])
            .filter(|d| {
                let x = s.x(*d) - scroll.get_untracked();
                (0.0..=w).contains(&x)
            })
            .unwrap_or(centre);
        let screen_x = s.x(anchor) - scroll.get_untracked();
        zoom.set((zoom.get_untracked() as i32 + delta).clamp(0, MAX_ZOOM as i32) as u32);
        scroll_to(anchor, screen_x);
    };
    let zoom_out = zoom_by.clone();
    let fit = move |_| {
        zoom.set(0);
        scroll_to(first, 0.0);
    };

    // Drag to pan. Buttons keep their clicks: a drag starts on the track.
    let drag = StoredValue::new(None::<(f64, f64)>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest("button").ok().flatten().is_some());
        if on_button || ev.button() != 0 {
            return;
        }
        if let Some(el) = viewport.get_untracked() {
            drag.set_value(Some((f64::from(ev.client_x()), f64::from(el.scroll_left()))));
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if let (Some((x0, s0)), Some(el)) = (drag.get_value(), viewport.get_untracked()) {
            el.set_scroll_left((s0 - (f64::from(ev.client_x()) - x0)) as i32);
        }
    };
    let on_up = move |_| drag.set_value(None);

    // Eras, ticks and markers sit at fractions of the track, which neither
    // the width nor the zoom changes: eras are placed once.
    let track = scale.get_untracked();
    let eras = timeline
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
        .collect_view();
    let ticks = move || {
        layout
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
                let w = width.get();
                scale.get().visible_days(scroll.get() - w, 3.0 * w)
            };
            let drawn = visible.with(|vis| to_draw(&days, vis, window, || selected.get()));
            let s = layout.get();
            let markers = drawn.into_iter().map(|i| (i, s.x(days[i])));
            cluster(markers, GAP).into_iter().map(|c| c.members).collect::<Vec<_>>()
        })
    };
    let tl = timeline.clone();
    let marker_days = days.clone();
    // An item is keyed by its members, and drawn at its first member's day:
    // zooming moves markers instead of recreating them, so the focused one
    // keeps focus.
    let marker = move |members: Vec<usize>| {
        let left = track.left(marker_days[members[0]], 7.0);
        if members.len() == 1 {
            let i = members[0];
            let e = &tl.events[i];
            let label = format!("{}: {}", (t.date_range)(&e.start, e.end.as_ref()), e.title.str(mode.ui_lang()));
            let is_sel = move || selected.get() == Some(i);
            let tab = move || {
                if is_sel() || (selected.get().is_none() && visible.with(|v| v.first() == Some(&i))) {
                    0
                } else {
                    -1
                }
            };
            view! {
                <button
                    type="button"
                    class=format!("marker marker-{}", e.group)
                    class:selected=is_sel
                    aria-current=move || is_sel().then_some("true")
                    aria-label=label.clone()
                    title=label
                    tabindex=tab
                    data-event=e.id.clone()
                    style:left=left.clone()
                    on:click=move |_| select.run(i)
                ></button>
            }
            .into_any()
        } else {
            let n = members.len();
            let (a, b) = (&tl.events[members[0]], &tl.events[members[n - 1]]);
            let label = (t.cluster_label)(n, &a.start.year.to_string(), &b.start.year.to_string());
            let centre = (a.start.day_number() + b.start.day_number()) / 2;
            view! {
                <button
                    type="button"
                    class="cluster"
                    aria-label=label.clone()
                    title=label
                    tabindex="-1"
                    style:left=left
                    on:click=move |_| {
                        let s = scale.get_untracked();
                        let screen_x = s.x(centre) - scroll.get_untracked();
                        zoom.set((zoom.get_untracked() + 2).min(MAX_ZOOM));
                        scroll_to(centre, screen_x);
                    }
                >
                    {n}
                </button>
            }
            .into_any()
        }
    };

    // What the marker shapes mean.
    let legend = timeline
        .groups
        .iter()
        .map(|g| {
            let (label, lang) = g.label.get(mode.ui_lang());
            view! { <li><span class=format!("swatch marker-{}", g.id) aria-hidden="true"></span><span lang=lang.tag()>{label.to_owned()}</span></li> }
        })
        .collect_view();
    view! {
        <div class="axis">
            <div class="axis-tools" role="toolbar" aria-label=t.axis_label>
                <button type="button" on:click=move |_| zoom_by(1) disabled=move || { zoom.get() >= MAX_ZOOM }>{t.zoom_in}</button>
                <button type="button" on:click=move |_| zoom_out(-1) disabled=move || { zoom.get() == 0 }>{t.zoom_out}</button>
                <button type="button" on:click=fit>{t.fit_all}</button>
            </div>
            <div
                class="axis-viewport"
                node_ref=viewport
                on:scroll=move |ev| {
                    if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                        scroll.set(f64::from(el.scroll_left()));
                    }
                }
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=move |_| drag.set_value(None)
            >
                <div class="axis-track" style:width=move || Scale::track_width(zoom.get())>
                    <div class="eras">{eras}</div>
                    <div class="ticks" aria-hidden="true">{ticks}</div>
                    <div class="markers">
                        <For each=move || items.get() key=|m| (m[0], m.len()) children=marker/>
                    </div>
                </div>
            </div>
            <ul class="legend">{legend}<li><span class="swatch cluster-swatch" aria-hidden="true">"3"</span>{t.cluster_legend}</li></ul>
        </div>
    }
}
