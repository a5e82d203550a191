//! A timeline: eras, groups, people and events, each bilingual.
//!
//! `content/timelines/{id}.json`. The pure logic the timeline view needs
//! lives in the submodules: the time scale and zoom ([`scale`]), marker
//! clustering ([`cluster`]), filters and keyboard stepping ([`filter`]),
//! the article cross-links ([`mentions`]), and the window of a long list
//! on phones ([`window`]).
//!
//! A timeline too large to carry whole is served split
//! ([`Timeline::split`]): an index of every event without its occasion,
//! outcome and sources, and a file per event ([`event_path`]). So those
//! three are read only through an event card's details (the whole
//! timeline's entry, else the fetched event file), never from
//! [`Timeline::events`], where a split timeline's are empty.

pub mod cluster;
pub mod filter;
pub mod mentions;
pub mod scale;
pub mod window;

use crate::text::Text;
use crate::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    pub id: String,
    pub title: Text,
    pub description: Text,
    pub eras: Vec<Era>,
    pub groups: Vec<Group>,
    pub people: Vec<Person>,
    /// In date order (the validator checks), so views and the scale can
    /// binary-search by day.
    pub events: Vec<Event>,
    /// Set only in a bundle, by `cargo xtask dist`, on a timeline too large
    /// to load whole: its events lack their occasion, outcome and sources,
    /// which are in [`event_path`], one file per event. See [`Timeline::split`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub details_apart: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub id: String,
    pub label: Text,
    pub start: Date,
    pub end: Date,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub label: Text,
}

/// Which side of the table a leader sat on. The prime-minister filter
/// lists the `Japan` side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Japan,
    Moscow,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: Text,
    pub side: Side,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable slug, e.g. `2016-05-sochi-new-approach`; part of its URL and
    /// what article paragraphs cite.
    pub id: String,
    pub start: Date,
    /// The last day, for events over several days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub title: Text,
    pub place: Text,
    /// People ids, Japanese leader first.
    pub leaders: Vec<String>,
    pub group: String,
    pub occasion: Text,
    pub outcome: Text,
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A citation. Titles stay in the language of the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

impl Event {
    pub fn last_day(&self) -> Date {
        self.end.unwrap_or(self.start)
    }

    /// What a screen reader hears when this event is selected: its date
    /// and title, nothing more.
    pub fn announcement(&self, mode: crate::Mode) -> String {
        let t = crate::ui::for_mode(mode);
        let sep = if mode.ui_lang() == crate::Lang::Zh { "：" } else { ": " };
        format!("{}{sep}{}", (t.date_range)(&self.start, self.end.as_ref()), self.title.str(mode.ui_lang()))
    }
}

impl Timeline {
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The era an event starts in.
    pub fn era_of(&self, e: &Event) -> Option<&Era> {
        self.eras.iter().find(|era| era.start <= e.start && e.start <= era.end)
    }

    /// Japanese prime ministers in order of their first summit, for the
    /// filter.
    pub fn prime_ministers(&self) -> Vec<&Person> {
        let mut out: Vec<&Person> = Vec::new();
        for e in &self.events {
            for id in &e.leaders {
                if let Some(p) = self.person(id).filter(|p| p.side == Side::Japan) {
                    if !out.iter().any(|q| q.id == p.id) {
                        out.push(p);
                    }
                }
            }
        }
        out
    }

    /// The timeline as a bundle serves it when it is too large to load
    /// whole: an index, with every event's date, title, place, leaders and
    /// group, and each event in full, for [`event_path`].
    ///
    /// Why: the axis and the list need only the index. Occasion, outcome
    /// and sources are about four fifths of an event's bytes, and one card
    /// shows them at a time. For 10,000 events the whole file is 13 MB,
    /// which the browser must read, check and parse before it can draw a
    /// marker (about half a second under the bench's throttle); the index is
    /// 3 MB.
    pub fn split(&self) -> (Timeline, &[Event]) {
        let mut index = self.clone();
        index.details_apart = true;
        for e in &mut index.events {
            e.occasion = Text::default();
            e.outcome = Text::default();
            e.sources = Vec::new();
        }
        (index, &self.events)
    }

    /// Day numbers of every event's start, in order.
    pub fn start_days(&self) -> Vec<i64> {
        self.events.iter().map(|e| e.start.day_number()).collect()
    }
}

/// Parses `content/timelines/{id}.json`.
pub fn parse(text: &str) -> Result<Timeline, crate::ContentError> {
    crate::parse::from_json(text)
}

/// Where one event of a timeline with its details apart is, in `content/`.
pub fn event_path(timeline: &str, event: &str) -> String {
    crate::files::event(timeline, event)
}

/// Parses one event's file ([`event_path`]).
pub fn parse_event(text: &str) -> Result<Event, crate::ContentError> {
    crate::parse::from_json(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Timeline {
        parse(include_str!("../../../content/timelines/japan-russia-summits.json")).unwrap()
    }

    #[test]
    fn a_split_timeline_is_an_index_and_its_events_whole() {
        let t = shipped();
        let (index, events) = t.split();
        let json = serde_json::to_string(&index).unwrap();
        let back = parse(&json).unwrap();
        assert!(back.details_apart, "the index says where the details are");
        assert_eq!(back.events.len(), t.events.len());
        for (i, e) in back.events.iter().enumerate() {
            // What the axis, list, filters and links need is all there…
            let w = &t.events[i];
            assert_eq!((&e.id, e.start, e.end, &e.title, &e.place), (&w.id, w.start, w.end, &w.title, &w.place));
            assert_eq!((&e.leaders, &e.group), (&w.leaders, &w.group));
            // …and the card's details are not.
            assert!(e.occasion.en.is_empty() && e.outcome.en.is_empty() && e.sources.is_empty());
        }
        assert!(json.len() * 3 < serde_json::to_string(&t).unwrap().len(), "an index is a fraction of the file");
        let one = serde_json::to_string(&events[3]).unwrap();
        assert_eq!(parse_event(&one).unwrap(), t.events[3]);
        assert_eq!(event_path(&t.id, &events[3].id), format!("timelines/japan-russia-summits/{}.json", t.events[3].id));
    }

    #[test]
    fn a_whole_timeline_does_not_mention_details_apart() {
        let json = serde_json::to_string(&shipped()).unwrap();
        assert!(!json.contains("details_apart"));
    }
}
