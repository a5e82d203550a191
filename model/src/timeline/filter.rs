//! Filters (prime minister, kind of event), as URL query flags, and
//! stepping between the events they leave.

use super::{Side, Timeline};

/// `?pm=abe&group=sidelines`. Unknown values select nothing, which the
/// view reports, rather than being silently dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub pm: Option<String>,
    pub group: Option<String>,
}

impl Filter {
    pub fn from_query(query: &str) -> Filter {
        let mut f = Filter::default();
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("pm", v)) if !v.is_empty() => f.pm = Some(v.to_owned()),
                Some(("group", v)) if !v.is_empty() => f.group = Some(v.to_owned()),
                _ => {}
            }
        }
        f
    }

    /// The query string (without `?`), empty when nothing is filtered.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(pm) = &self.pm {
            parts.push(format!("pm={pm}"));
        }
        if let Some(g) = &self.group {
            parts.push(format!("group={g}"));
        }
        parts.join("&")
    }

    pub fn is_empty(&self) -> bool {
        self.pm.is_none() && self.group.is_none()
    }

    /// Indices of the events the filter keeps, in date order.
    pub fn apply(&self, t: &Timeline) -> Vec<usize> {
        t.events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                self.group.as_ref().is_none_or(|g| &e.group == g)
                    && self.pm.as_ref().is_none_or(|pm| {
                        e.leaders.iter().any(|l| l == pm && t.person(l).is_some_and(|p| p.side == Side::Japan))
                    })
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// A keyboard step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Prev,
    Next,
    First,
    Last,
}

/// The event a step lands on, among `visible` (indices in date order).
/// From no selection, or one the filter hides, Next and Prev go to the
/// nearest visible event on that side.
pub fn step(visible: &[usize], current: Option<usize>, s: Step) -> Option<usize> {
    match s {
        Step::First => visible.first().copied(),
        Step::Last => visible.last().copied(),
        Step::Next => match current {
            None => visible.first().copied(),
            Some(c) => visible.iter().copied().find(|&i| i > c),
        },
        Step::Prev => match current {
            None => visible.last().copied(),
            Some(c) => visible.iter().rev().copied().find(|&i| i < c),
        },
    }
}

/// The visible event whose start is closest to `day` (the earlier on a tie).
pub fn nearest(days: &[i64], visible: &[usize], day: i64) -> Option<usize> {
    visible.iter().copied().min_by_key(|&i| ((days[i] - day).abs(), i))
}

/// For an id that names no event, the event it most likely meant: ids
/// start with the year and month (`2016-05-sochi` for
/// `2016-05-sochi-new-approach`), so the nearest event to that month.
pub fn guess(t: &Timeline, id: &str) -> Option<usize> {
    let ym = id.get(..7)?;
    let date: crate::Date = format!("{ym}-15").parse().ok()?;
    let all: Vec<usize> = (0..t.events.len()).collect();
    let same_month = |i: &usize| t.events[*i].id.starts_with(ym);
    // Prefer an event of that very month whose id shares the most words.
    let words: Vec<&str> = id.split('-').skip(2).collect();
    let best = all
        .iter()
        .copied()
        .filter(same_month)
        .max_by_key(|&i| words.iter().filter(|w| t.events[i].id.split('-').any(|x| x == **w)).count());
    best.or_else(|| nearest(&t.start_days(), &all, date.day_number()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trip_ignores_other_flags() {
        let f = Filter::from_query("theme=dark&pm=abe&group=visit&lang=zh");
        assert_eq!(f, Filter { pm: Some("abe".into()), group: Some("visit".into()) });
        assert_eq!(f.to_query(), "pm=abe&group=visit");
        assert!(Filter::from_query("pm=&x=1").is_empty());
    }

    #[test]
    fn stepping_within_the_visible_events() {
        let visible = [1, 4, 6];
        assert_eq!(step(&visible, Some(4), Step::Next), Some(6));
        assert_eq!(step(&visible, Some(6), Step::Next), None, "no wrap-around");
        assert_eq!(step(&visible, Some(4), Step::Prev), Some(1));
        assert_eq!(step(&visible, Some(5), Step::Next), Some(6), "from a hidden event");
        assert_eq!(step(&visible, Some(5), Step::Prev), Some(4));
        assert_eq!(step(&visible, None, Step::Next), Some(1));
        assert_eq!(step(&visible, Some(4), Step::First), Some(1));
        assert_eq!(step(&visible, Some(4), Step::Last), Some(6));
        assert_eq!(step(&[], Some(4), Step::Last), None);
    }

    #[test]
    fn guesses_the_event_a_short_or_stale_id_meant() {
        let t = crate::timeline::parse(include_str!("../../../content/timelines/japan-russia-summits.json")).unwrap();
        let id = |g: Option<usize>| g.map(|i| t.events[i].id.as_str());
        assert_eq!(id(guess(&t, "2016-05-sochi")), Some("2016-05-sochi-new-approach"));
        assert_eq!(id(guess(&t, "2016-09-vladivostok")), Some("2016-09-vladivostok-eef"));
        assert_eq!(id(guess(&t, "1993-09-tokyo")), Some("1993-10-tokyo-declaration"), "nearest month");
        assert_eq!(guess(&t, "sochi"), None, "no date, no guess");
    }

    #[test]
    fn nearest_event_by_day() {
        let days = [0, 10, 20, 30];
        assert_eq!(nearest(&days, &[0, 1, 2, 3], 14), Some(1));
        assert_eq!(nearest(&days, &[0, 1, 2, 3], 15), Some(1), "ties go to the earlier");
        assert_eq!(nearest(&days, &[0, 3], 14), Some(0));
        assert_eq!(nearest(&days, &[], 14), None);
    }
}
