//! A timeline: eras, groups, people and events, each bilingual.
//!
//! `content/timelines/{id}.json`. The pure logic the timeline view needs
//! lives in the submodules: the time scale and zoom ([`scale`]), marker
//! clustering ([`cluster`]), filters and keyboard stepping ([`filter`]),
//! and the article cross-links ([`mentions`]).

pub mod cluster;
pub mod date;
pub mod filter;
pub mod mentions;
pub mod scale;

pub use date::Date;

use crate::text::Text;
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
    /// The last day, for meetings over several days.
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

    /// What a screen reader hears when this meeting is selected: its date
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

    /// Day numbers of every event's start, in order.
    pub fn start_days(&self) -> Vec<i64> {
        self.events.iter().map(|e| e.start.day_number()).collect()
    }
}

/// Parses `content/timelines/{id}.json`.
pub fn parse(text: &str) -> Result<Timeline, crate::ContentError> {
    crate::parse::from_json(text)
}
