use folio_model::timeline::scale::{cluster_centre, isolating_zoom, zoom_step, Scale, MAX_ZOOM, REFERENCE_VIEWPORT};
use leptos::html::Div;
use leptos::prelude::*;
use std::sync::Arc;

/// Markers are 14 px wide; drawn items stay this far apart (see
/// `folio_model::timeline::cluster`), so they never overlap.
pub const GAP: f64 = 18.0;

/// Where the timeline's axis looks: its zoom, its scroll position and its
/// width on screen, and the moves that change them (zoom in and out, fit,
/// open a cluster, bring an event into view). The arithmetic is the
/// model's (`Scale`); this holds the state and the scrolling element.
#[derive(Clone, Copy)]
pub struct AxisZoom {
    pub zoom: RwSignal<u32>,
    pub scroll: RwSignal<f64>,
    pub width: RwSignal<f64>,
    /// Pixels on screen, for scrolling.
    pub scale: Memo<Scale>,
    /// What is drawn (clusters, year labels, the zoom that isolates a
    /// event) is worked out for the narrowest axis, whatever the real
    /// width: the axis then reads the same on every screen, and a page
    /// prerendered without a window matches it.
    pub layout: Memo<Scale>,
    viewport: NodeRef<Div>,
    days: StoredValue<Arc<Vec<i64>>>,
}

impl AxisZoom {
    /// An axis over events starting on `days` (ending by `last`), at the
    /// zoom that isolates `selected` from its neighbours among `visible`.
    pub fn new(
        days: Arc<Vec<i64>>,
        last: i64,
        selected: Option<usize>,
        visible: &[usize],
        viewport: NodeRef<Div>,
    ) -> AxisZoom {
        let first = days.first().copied().unwrap_or(0);
        let zoom = selected.map_or(0, |sel| isolating_zoom(&days, visible, sel, REFERENCE_VIEWPORT, 0, GAP));
        let zoom = RwSignal::new(zoom);
        let width = crate::dom::element_width::use_element_width(viewport, REFERENCE_VIEWPORT);
        AxisZoom {
            zoom,
            scroll: RwSignal::new(0.0),
            width,
            scale: Memo::new(move |_| Scale::new(first, last, width.get(), zoom.get())),
            layout: Memo::new(move |_| Scale::new(first, last, REFERENCE_VIEWPORT, zoom.get())),
            viewport,
            days: StoredValue::new(days),
        }
    }

    fn day(&self, i: usize) -> i64 {
        self.days.with_value(|d| d[i])
    }

    /// Scrolls (after the track has its new width) so `day` sits at
    /// `screen_x` in the viewport.
    pub fn scroll_to(self, day: i64, screen_x: f64) {
        // The axis may be gone by the next frame (filters, language switch).
        request_animation_frame(move || {
            if let (Some(Some(el)), Some(s), Some(w)) =
                (self.viewport.try_get_untracked(), self.scale.try_get_untracked(), self.width.try_get_untracked())
            {
                el.set_scroll_left(s.scroll_for(day, screen_x, w) as i32);
                // Redraw for the new position now, not when the scroll event
                // arrives a frame later.
                self.scroll.set(f64::from(el.scroll_left()));
            }
        });
    }

    /// Zooms by `delta` steps, keeping the selected event still if it is
    /// on screen, else the centre.
    pub fn zoom_by(self, delta: i32, selected: Option<usize>) {
        let s = self.scale.get_untracked();
        let (anchor, screen_x) =
            s.zoom_anchor(selected.map(|i| self.day(i)), self.scroll.get_untracked(), self.width.get_untracked());
        self.zoom.set(zoom_step(self.zoom.get_untracked(), delta));
        self.scroll_to(anchor, screen_x);
    }

    /// The whole timeline in the viewport.
    pub fn fit(self, first: i64) {
        self.zoom.set(0);
        self.scroll_to(first, 0.0);
    }

    /// Opens a cluster of events from day `a` to day `b`: two steps in,
    /// around its middle.
    pub fn open_cluster(self, a: i64, b: i64) {
        let centre = cluster_centre(a, b);
        let screen_x = self.scale.get_untracked().x(centre) - self.scroll.get_untracked();
        self.zoom.set(zoom_step(self.zoom.get_untracked(), 2));
        self.scroll_to(centre, screen_x);
    }

    /// Zooms in until event `sel` leaves its cluster among `visible`, and
    /// scrolls it into view if it is near an edge or off screen. Zooming
    /// out by hand later may cluster it again: that is what the reader
    /// asked for.
    pub fn reveal(self, sel: usize, visible: &[usize]) {
        let z = self
            .days
            .with_value(|d| isolating_zoom(d, visible, sel, REFERENCE_VIEWPORT, self.zoom.get_untracked(), GAP));
        if z != self.zoom.get_untracked() {
            self.zoom.set(z);
        }
        let (day, w) = (self.day(sel), self.width.get_untracked());
        if self.scale.get_untracked().off_screen(day, self.scroll.get_untracked(), w) {
            self.scroll_to(day, w / 2.0);
        }
    }

    pub fn can_zoom_in(&self) -> bool {
        self.zoom.get() < MAX_ZOOM
    }

    pub fn can_zoom_out(&self) -> bool {
        self.zoom.get() > 0
    }
}
