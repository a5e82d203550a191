//! Which events the phone list shows.
//!
//! A list of 10,000 links is no use to a reader and costly to lay out: on
//! a phone under the bench's throttle, one tap on such a list took about
//! 0.4 s in the browser's layout alone. The list shows a window of the
//! filtered events, around the chosen one, and the reader can widen it.

use std::ops::Range;

/// How many events the list shows before the reader asks for more.
pub const LIST_WINDOW: usize = 200;

/// The positions (in the filtered list of `len` events) to show.
///
/// `kept` are the windows already shown, most deliberate first (one the
/// reader widened, then the last one drawn): the first that holds the
/// choice is kept, so choosing an event in view never moves the list.
/// Otherwise the window is `size` events centred on the choice, or the
/// first `size` when nothing is chosen.
pub fn list_window(len: usize, choice: Option<usize>, kept: &[Option<Range<usize>>], size: usize) -> Range<usize> {
    let fits = |r: &Range<usize>| r.start < r.end && r.end <= len && choice.is_none_or(|p| r.contains(&p));
    if let Some(r) = kept.iter().flatten().find(|r| fits(r)) {
        return r.clone();
    }
    let start = match choice {
        Some(p) if p < len => p.saturating_sub(size / 2).min(len.saturating_sub(size)),
        _ => 0,
    };
    start..(start + size).min(len)
}

/// The window widened by `size` events on one side, for "show earlier"
/// (`earlier`) or "show later".
pub fn widen(shown: &Range<usize>, len: usize, earlier: bool, size: usize) -> Range<usize> {
    if earlier {
        shown.start.saturating_sub(size)..shown.end
    } else {
        shown.start..(shown.end + size).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_is_shown_whole() {
        assert_eq!(list_window(36, None, &[], 200), 0..36);
        assert_eq!(list_window(36, Some(30), &[], 200), 0..36);
        assert_eq!(list_window(0, None, &[], 200), 0..0);
    }

    #[test]
    fn a_long_list_shows_a_window_around_the_choice() {
        assert_eq!(list_window(10_000, None, &[], 200), 0..200);
        assert_eq!(list_window(10_000, Some(5_000), &[], 200), 4_900..5_100);
        assert_eq!(list_window(10_000, Some(10), &[], 200), 0..200, "no window before the start");
        assert_eq!(list_window(10_000, Some(9_999), &[], 200), 9_800..10_000, "nor past the end");
    }

    #[test]
    fn choosing_inside_the_window_keeps_it() {
        let last = Some(4_900..5_100);
        assert_eq!(list_window(10_000, Some(5_090), &[None, last.clone()], 200), 4_900..5_100);
        assert_eq!(list_window(10_000, Some(7_000), &[None, last], 200), 6_900..7_100, "outside it, it moves");
    }

    #[test]
    fn a_widened_window_is_kept_until_the_choice_leaves_it() {
        let widened = widen(&(4_900..5_100), 10_000, true, 200);
        assert_eq!(widened, 4_700..5_100);
        assert_eq!(list_window(10_000, Some(5_000), &[Some(widened.clone()), Some(4_900..5_100)], 200), 4_700..5_100);
        // The choice jumps far away (End): a window there; then the stale
        // widening is passed over for the window last drawn.
        assert_eq!(list_window(10_000, Some(9_999), &[Some(widened.clone()), Some(4_700..5_100)], 200), 9_800..10_000);
        assert_eq!(list_window(10_000, Some(9_900), &[Some(widened), Some(9_800..10_000)], 200), 9_800..10_000);
        assert_eq!(widen(&(9_800..10_000), 10_000, false, 200), 9_800..10_000, "nothing later to add");
    }

    #[test]
    fn a_window_that_no_longer_fits_the_list_is_dropped() {
        // The filter shrank the list under a kept window.
        assert_eq!(list_window(50, None, &[Some(100..300)], 200), 0..50);
    }
}
