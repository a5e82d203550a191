//! The time scale of the horizontal axis: days to pixels, zoom, year ticks.
//!
//! Zoom level 0 fits the whole span into the viewport; each level doubles
//! the pixels per day. All of it is arithmetic on day numbers, so the view
//! only positions elements at the `x` it is given.
//!
//! Elements are placed by CSS lengths relative to the track (see
//! [`Scale::left`]), not by pixels: a page prerendered without a window
//! then draws the axis right at any width, and zooming changes one width
//! instead of moving every marker.

/// Space kept at both ends so the first and last markers are not clipped.
pub const PADDING: f64 = 24.0;
/// The deepest zoom: 2^MAX_ZOOM times the fitted scale.
pub const MAX_ZOOM: u32 = 12;
/// The width the axis lays itself out for, whatever its real width: the
/// narrowest it gets (a 700 px window, less the page's padding). Markers
/// kept apart at this width are at least as far apart on any wider axis,
/// since positions scale with the width; and a page prerendered without a
/// window clusters and labels exactly as the app will.
pub const REFERENCE_VIEWPORT: f64 = 640.0;
/// Up to this many visible events are all drawn; beyond it, only those
/// near the viewport (see [`to_draw`]). Drawing all keeps the axis the
/// same whatever its scroll position, so a prerendered axis matches.
pub const DRAW_ALL: usize = 500;
/// How far inside the viewport's edges a selected event must be to count
/// as on screen; nearer an edge (or beyond it), the axis scrolls it to the
/// centre.
pub const EDGE_MARGIN: f64 = 40.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub first_day: i64,
    pub last_day: i64,
    pub px_per_day: f64,
}

/// A labelled year on the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub year: i32,
    /// 1 January of `year`.
    pub day: i64,
    pub x: f64,
}

impl Scale {
    /// The scale at `zoom` for a span of days shown in `viewport` pixels.
    pub fn new(first_day: i64, last_day: i64, viewport: f64, zoom: u32) -> Scale {
        let span = (last_day - first_day).max(1) as f64;
        let fit = ((viewport - 2.0 * PADDING).max(1.0)) / span;
        Scale { first_day, last_day, px_per_day: fit * f64::from(1u32 << zoom.min(MAX_ZOOM)) }
    }

    pub fn x(&self, day: i64) -> f64 {
        PADDING + (day - self.first_day) as f64 * self.px_per_day
    }

    pub fn day_at(&self, x: f64) -> i64 {
        self.first_day + ((x - PADDING) / self.px_per_day).round() as i64
    }

    /// Total width of the axis.
    pub fn width(&self) -> f64 {
        self.x(self.last_day) + PADDING
    }

    /// The days visible through a viewport scrolled to `scroll_left`.
    pub fn visible_days(&self, scroll_left: f64, viewport: f64) -> (i64, i64) {
        (self.day_at(scroll_left) - 1, self.day_at(scroll_left + viewport) + 1)
    }

    /// The scroll offset that puts `day` at `screen_x` within the viewport,
    /// clamped to the axis: used to keep the point under the pointer (or
    /// the selected event) still while zooming.
    pub fn scroll_for(&self, day: i64, screen_x: f64, viewport: f64) -> f64 {
        (self.x(day) - screen_x).clamp(0.0, (self.width() - viewport).max(0.0))
    }

    /// The day to keep still when zooming a viewport `width` wide scrolled
    /// to `scroll`, and its screen x: the selected event's day if it is on
    /// screen, else the day at the viewport's centre.
    pub fn zoom_anchor(&self, selected_day: Option<i64>, scroll: f64, width: f64) -> (i64, f64) {
        let on_screen = |day: &i64| (0.0..=width).contains(&(self.x(*day) - scroll));
        let day = selected_day.filter(on_screen).unwrap_or_else(|| self.day_at(scroll + width / 2.0));
        (day, self.x(day) - scroll)
    }

    /// Whether `day` lies outside the viewport less an [`EDGE_MARGIN`] at
    /// each side: a selected event there is scrolled into view.
    pub fn off_screen(&self, day: i64, scroll: f64, width: f64) -> bool {
        !(EDGE_MARGIN..=width - EDGE_MARGIN).contains(&(self.x(day) - scroll))
    }

    /// Where `day` is along the track, from 0 (first day) to 1 (last).
    pub fn fraction(&self, day: i64) -> f64 {
        (day - self.first_day) as f64 / (self.last_day - self.first_day).max(1) as f64
    }

    /// A CSS `left` for an element whose reference point is `offset` px
    /// from its own left edge, drawn at `day`: the same place as
    /// [`Scale::x`], but relative to the track's width (`100%`), so it holds
    /// at any viewport width and zoom.
    pub fn left(&self, day: i64, offset: f64) -> String {
        at_fraction(self.fraction(day), PADDING - offset)
    }

    /// A CSS `right` for an element ending at `day`.
    pub fn right(&self, day: i64) -> String {
        at_fraction(1.0 - self.fraction(day), PADDING)
    }

    /// The track's CSS width at `zoom`, relative to the viewport's (`100%`):
    /// what [`Scale::width`] is in pixels.
    pub fn track_width(zoom: u32) -> String {
        format!("calc((100% - {p}px) * {} + {p}px)", 1u32 << zoom.min(MAX_ZOOM), p = 2 * PADDING as i64)
    }

    /// Year labels at least `min_spacing` pixels apart, on round steps.
    pub fn ticks(&self, min_spacing: f64) -> Vec<Tick> {
        let px_per_year = 365.2425 * self.px_per_day;
        let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_year >= min_spacing)
            .unwrap_or(1000);
        let first = crate::Date::from_day_number(self.first_day).year;
        let last = crate::Date::from_day_number(self.last_day).year;
        let start = first.div_euclid(step) * step + if first.rem_euclid(step) == 0 { 0 } else { step };
        (start..=last)
            .step_by(step as usize)
            .map(|year| {
                let day = crate::Date { year, month: 1, day: 1 }.day_number();
                Tick { year, day, x: self.x(day) }
            })
            .collect()
    }
}

/// `calc((100% - 2·PADDING) · fraction + px)`, never less than 0: eras
/// can start before the first event.
fn at_fraction(fraction: f64, px: f64) -> String {
    format!("max(0px, calc((100% - {}px) * {} + {}px))", 2 * PADDING as i64, decimal(fraction), px.round() as i64)
}

/// `x` with six decimals, formatted through integers: Rust's float printer
/// costs about 10 KB of wasm.
pub fn decimal(x: f64) -> String {
    let n = (x * 1e6).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    format!("{sign}{}.{:06}", n / 1_000_000, n % 1_000_000)
}

/// The zoom `delta` levels from `zoom`, within `0..=MAX_ZOOM`.
pub fn zoom_step(zoom: u32, delta: i32) -> u32 {
    (i64::from(zoom) + i64::from(delta)).clamp(0, i64::from(MAX_ZOOM)) as u32
}

/// The day a cluster from `first` to `last` zooms in on: the midpoint
/// (rounded toward day 0, 1970-01-01).
pub fn cluster_centre(first: i64, last: i64) -> i64 {
    (first + last) / 2
}

/// The events to draw: every visible one when there are at most
/// [`DRAW_ALL`], else those whose day lies in the `(from, to)` that
/// `window` gives, plus the selected one wherever it is (so focus can move
/// to it before the axis has scrolled). `window` is called only when
/// needed, so a view that reads the scroll position in it follows the
/// scroll only for large timelines. `visible` and the result are in day
/// order.
pub fn to_draw(
    days: &[i64],
    visible: &[usize],
    window: impl FnOnce() -> (i64, i64),
    selected: impl FnOnce() -> Option<usize>,
) -> Vec<usize> {
    if visible.len() <= DRAW_ALL {
        return visible.to_vec();
    }
    let (from, to) = window();
    let range = visible_range(days, from, to);
    let selected = selected();
    visible.iter().copied().filter(|i| range.contains(i) || selected == Some(*i)).collect()
}

/// The range of indices whose day lies in `[from, to]`, for sorted `days`:
/// only these are rendered, which keeps 10,000 events cheap.
pub fn visible_range(days: &[i64], from: i64, to: i64) -> std::ops::Range<usize> {
    days.partition_point(|d| *d < from)..days.partition_point(|d| *d <= to)
}

/// The smallest zoom, from `from` up, at which event `sel` is drawn as its
/// own marker rather than inside a cluster: its visible neighbours are at
/// least `min_gap` away on both sides. (Greedy clustering starts a new item
/// at a marker `min_gap` past the previous one's, and the previous item
/// starts no later than the neighbour.) Capped at [`MAX_ZOOM`]; events on
/// the same day cannot be separated.
pub fn isolating_zoom(days: &[i64], visible: &[usize], sel: usize, viewport: f64, from: u32, min_gap: f64) -> u32 {
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else { return from };
    let pos = visible.iter().position(|&i| i == sel);
    let prev = pos.and_then(|p| p.checked_sub(1)).map(|p| days[visible[p]]);
    let next = pos.and_then(|p| visible.get(p + 1)).map(|&i| days[i]);
    (from..=MAX_ZOOM)
        .find(|&z| {
            let s = Scale::new(first, last, viewport, z);
            let gap = |a: i64, b: i64| (s.x(b) - s.x(a)).abs() >= min_gap;
            prev.is_none_or(|p| gap(p, days[sel])) && next.is_none_or(|n| gap(days[sel], n))
        })
        .unwrap_or(MAX_ZOOM.max(from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_maps_the_span_onto_the_viewport() {
        let s = Scale::new(0, 1000, 1048.0, 0);
        assert_eq!(s.x(0), PADDING);
        assert!((s.x(1000) - (1048.0 - PADDING)).abs() < 1e-9);
        assert!((s.width() - 1048.0).abs() < 1e-9);
        assert_eq!(s.day_at(s.x(437)), 437);
    }

    #[test]
    fn each_zoom_level_doubles_and_is_capped() {
        let a = Scale::new(0, 1000, 1048.0, 0);
        let b = Scale::new(0, 1000, 1048.0, 3);
        assert!((b.px_per_day - 8.0 * a.px_per_day).abs() < 1e-9);
        assert_eq!(Scale::new(0, 1000, 1048.0, 99), Scale::new(0, 1000, 1048.0, MAX_ZOOM));
    }

    #[test]
    fn zoom_keeps_a_day_under_the_pointer() {
        let s = Scale::new(0, 10_000, 1000.0, 4);
        let scroll = s.scroll_for(5000, 300.0, 1000.0);
        assert!((s.x(5000) - scroll - 300.0).abs() < 1e-9);
        assert_eq!(s.scroll_for(0, 300.0, 1000.0), 0.0, "clamped at the start");
        let end = s.scroll_for(10_000, 0.0, 1000.0);
        assert!((end - (s.width() - 1000.0)).abs() < 1e-9, "clamped at the end");
    }

    #[test]
    fn zooming_keeps_the_selected_event_still_while_it_is_on_screen() {
        let s = Scale::new(0, 10_000, 1000.0, 4);
        let scroll = s.scroll_for(5000, 300.0, 1000.0);
        let (day, x) = s.zoom_anchor(Some(5000), scroll, 1000.0);
        assert_eq!(day, 5000);
        assert!((x - 300.0).abs() < 1e-9);
        // At the viewport's very edges it still counts; a pixel beyond, not.
        let s = Scale::new(0, 1000, 1048.0, 0); // one pixel a day
        for (screen_x, kept) in [(0.0, true), (100.0, true), (-1.0, false), (101.0, false)] {
            let scroll = s.x(500) - screen_x;
            let anchor = if kept { 500 } else { s.day_at(scroll + 50.0) };
            assert_eq!(s.zoom_anchor(Some(500), scroll, 100.0), (anchor, s.x(anchor) - scroll), "at {screen_x}");
        }
    }

    #[test]
    fn zooming_keeps_the_centre_still_without_an_event_on_screen() {
        let s = Scale::new(0, 10_000, 1000.0, 4);
        let scroll = s.scroll_for(5000, 500.0, 1000.0);
        for selected in [None, Some(0), Some(10_000), Some(5000 + 1000)] {
            let (day, x) = s.zoom_anchor(selected, scroll, 1000.0);
            assert_eq!(day, 5000, "{selected:?}");
            assert!((x - 500.0).abs() < 1.0, "{selected:?}: {x}");
        }
    }

    #[test]
    fn a_day_near_the_edges_is_off_screen() {
        let s = Scale::new(0, 10_000, 1000.0, 4);
        let scroll = s.scroll_for(5000, 500.0, 1000.0);
        let at = |screen_x: f64| s.day_at(scroll + screen_x);
        assert!(!s.off_screen(5000, scroll, 1000.0));
        assert!(!s.off_screen(at(EDGE_MARGIN + 1.0), scroll, 1000.0));
        assert!(!s.off_screen(at(1000.0 - EDGE_MARGIN - 1.0), scroll, 1000.0));
        for screen_x in [EDGE_MARGIN - 1.0, 1000.0 - EDGE_MARGIN + 1.0, -500.0, 1500.0] {
            assert!(s.off_screen(at(screen_x), scroll, 1000.0), "at {screen_x}");
        }
        assert!(s.off_screen(5000, scroll, 2.0 * EDGE_MARGIN - 1.0), "a viewport narrower than its margins");
    }

    #[test]
    fn zoom_steps_stay_within_the_levels() {
        assert_eq!(zoom_step(3, 1), 4);
        assert_eq!(zoom_step(3, -1), 2);
        assert_eq!(zoom_step(0, -1), 0);
        assert_eq!(zoom_step(MAX_ZOOM, 1), MAX_ZOOM);
        assert_eq!(zoom_step(MAX_ZOOM - 1, 2), MAX_ZOOM);
        assert_eq!(zoom_step(0, i32::MIN), 0);
        assert_eq!(zoom_step(0, i32::MAX), MAX_ZOOM);
        assert_eq!(zoom_step(u32::MAX, 0), MAX_ZOOM);
    }

    #[test]
    fn a_cluster_zooms_in_on_its_midpoint() {
        assert_eq!(cluster_centre(10, 20), 15);
        assert_eq!(cluster_centre(10, 11), 10);
        assert_eq!(cluster_centre(7, 7), 7);
        assert_eq!(cluster_centre(-4822, -4816), -4819, "before 1970");
        assert_eq!(cluster_centre(-5, -2), -3, "rounded toward day 0");
    }

    #[test]
    fn ticks_are_round_years_and_spaced() {
        let first = crate::Date { year: 1956, month: 10, day: 13 }.day_number();
        let last = crate::Date { year: 2019, month: 9, day: 5 }.day_number();
        let s = Scale::new(first, last, 1000.0, 0);
        let ticks = s.ticks(60.0);
        assert!(ticks.len() >= 6, "{ticks:?}");
        let step = ticks[1].year - ticks[0].year;
        assert!(ticks.iter().all(|t| t.year % step == 0), "{ticks:?}");
        assert!(ticks.windows(2).all(|w| w[1].x - w[0].x >= 60.0 - 1e-9));
        assert!(ticks[0].year >= 1957 && ticks.last().unwrap().year <= 2019);
        // Zoomed in far enough, every year is labelled.
        let deep = Scale::new(first, last, 1000.0, 6).ticks(60.0);
        assert_eq!(deep[1].year - deep[0].year, 1);
    }

    #[test]
    fn isolating_zoom_separates_the_selected_event_from_its_neighbours() {
        let days = [0, 10, 12, 5000, 10_000];
        let all = [0, 1, 2, 3, 4];
        // At zoom 0 on 1000 px, 10 days ≈ 1 px: events 1 and 2 are clustered.
        let z = isolating_zoom(&days, &all, 1, 1000.0, 0, 18.0);
        let s = Scale::new(0, 10_000, 1000.0, z);
        assert!(s.x(12) - s.x(10) >= 18.0 && s.x(10) - s.x(0) >= 18.0);
        let below = Scale::new(0, 10_000, 1000.0, z - 1);
        assert!(below.x(12) - below.x(10) < 18.0, "the smallest such zoom");
        // A lone event needs no zoom; a filtered-out neighbour does not count.
        assert_eq!(isolating_zoom(&days, &all, 3, 1000.0, 0, 18.0), 0);
        assert!(isolating_zoom(&days, &[0, 1, 3, 4], 1, 1000.0, 0, 18.0) < z);
        // Same-day events cannot be separated: the cap.
        assert_eq!(isolating_zoom(&[0, 0, 9], &[0, 1, 2], 0, 1000.0, 2, 18.0), MAX_ZOOM);
        assert_eq!(isolating_zoom(&days, &all, 3, 1000.0, 5, 18.0), 5, "never zooms out");
    }

    #[test]
    fn css_positions_match_the_pixel_positions() {
        // Evaluate the CSS the way a browser would, for a track of `w` px.
        fn eval(css: &str, w: f64) -> f64 {
            let inner = css.trim_start_matches("max(0px, calc((100% - 48px) * ").trim_end_matches("px))");
            let (f, px) = inner.split_once(" + ").unwrap();
            ((w - 48.0) * f.parse::<f64>().unwrap() + px.parse::<f64>().unwrap()).max(0.0)
        }
        for zoom in [0, 3] {
            let s = Scale::new(1000, 9000, 1070.0, zoom);
            for day in [1000, 1234, 8999] {
                assert!((eval(&s.left(day, 7.0), s.width()) - (s.x(day) - 7.0)).abs() < 0.05, "{}", s.left(day, 7.0));
                assert!((eval(&s.right(day), s.width()) - (s.width() - s.x(day))).abs() < 0.05);
            }
        }
        assert_eq!(Scale::new(0, 10, 1000.0, 0).left(-5, 0.0), "max(0px, calc((100% - 48px) * -0.500000 + 24px))");
        assert_eq!(Scale::track_width(3), "calc((100% - 48px) * 8 + 48px)");
        assert_eq!(decimal(0.25), "0.250000");
        assert_eq!(decimal(-1.5), "-1.500000");
        assert_eq!(decimal(2.0000004), "2.000000");
    }

    #[test]
    fn small_timelines_are_drawn_whole_and_large_ones_near_the_viewport() {
        let days: Vec<i64> = (0..1000).collect();
        let few: Vec<usize> = (0..DRAW_ALL).collect();
        let unused = || -> (i64, i64) { panic!("the window is not needed") };
        assert_eq!(to_draw(&days, &few, unused, || None), few, "all, whatever is on screen");
        let many: Vec<usize> = (0..1000).collect();
        assert_eq!(to_draw(&days, &many, || (10, 12), || None), [10, 11, 12]);
        assert_eq!(to_draw(&days, &many, || (10, 12), || Some(900)), [10, 11, 12, 900], "the selected one too");
        let filtered: Vec<usize> = (0..1000).step_by(2).chain(999..1000).collect();
        assert_eq!(to_draw(&days, &filtered, || (10, 13), || None), [10, 12], "only visible ones");
    }

    #[test]
    fn visible_range_is_inclusive() {
        let days = [1, 3, 3, 7, 10];
        assert_eq!(visible_range(&days, 3, 7), 1..4);
        assert_eq!(visible_range(&days, 11, 20), 5..5);
        assert_eq!(visible_range(&days, -5, 0), 0..0);
    }
}
