//! Timestamps with an explicit zone.
//!
//! Articles carry RFC 3339 timestamps with an offset, e.g.
//! `2016-09-07T07:48:00+08:00`. Folio shows the time in the zone the
//! publisher wrote it in ("Updated: 2016-09-07 07:48", as on the printed
//! page), not the reader's, so the dateline never changes with the reader's
//! clock. A hand-written parser keeps `chrono` (tens of KB of wasm) out of the
//! bundle; Folio needs no calendar arithmetic beyond validation.

use crate::date::days_in_month;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A wall-clock time with its UTC offset, exactly as written by the publisher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Offset from UTC in minutes; `Z` is 0.
    pub offset_minutes: i16,
}

/// Why a timestamp was rejected. The message says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimestampError(pub String);

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad timestamp {}; expected YYYY-MM-DDTHH:MM:SS with a zone, e.g. 2016-09-07T07:48:00+08:00", self.0)
    }
}

impl std::error::Error for TimestampError {}

fn num(s: &str, range: std::ops::RangeInclusive<u16>) -> Option<u16> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u16 = s.parse().ok()?;
    range.contains(&n).then_some(n)
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |why: &str| TimestampError(format!("{s:?} ({why})"));
        if !s.is_ascii() {
            return Err(bad("non-ASCII characters"));
        }
        let (date, rest) = s.split_once('T').ok_or_else(|| bad("no 'T' between date and time"))?;
        let mut d = date.split('-');
        let (Some(y), Some(mo), Some(da), None) = (d.next(), d.next(), d.next(), d.next()) else {
            return Err(bad("date is not YYYY-MM-DD"));
        };
        if y.len() != 4 || mo.len() != 2 || da.len() != 2 {
            return Err(bad("date is not YYYY-MM-DD"));
        }
        let year = num(y, 1000..=9999).ok_or_else(|| bad("year out of range"))?;
        let month = num(mo, 1..=12).ok_or_else(|| bad("month out of range"))? as u8;
        let day = num(da, 1..=31).ok_or_else(|| bad("day out of range"))? as u8;
        if day > days_in_month(i32::from(year), month) {
            return Err(bad("no such day in that month"));
        }
        let (time, offset_minutes) = if let Some(t) = rest.strip_suffix('Z') {
            (t, 0)
        } else {
            let at = rest.rfind(['+', '-']).ok_or_else(|| bad("no zone: add Z or ±HH:MM"))?;
            let (t, z) = rest.split_at(at);
            let (zh, zm) = z[1..].split_once(':').ok_or_else(|| bad("zone is not ±HH:MM"))?;
            if zh.len() != 2 || zm.len() != 2 {
                return Err(bad("zone is not ±HH:MM"));
            }
            let h = num(zh, 0..=14).ok_or_else(|| bad("zone hours out of range"))? as i16;
            let m = num(zm, 0..=59).ok_or_else(|| bad("zone minutes out of range"))? as i16;
            let sign = if z.starts_with('-') { -1 } else { 1 };
            (t, sign * (h * 60 + m))
        };
        let parts: Vec<&str> = time.split(':').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() != 2) {
            return Err(bad("time is not HH:MM:SS"));
        }
        let hour = num(parts[0], 0..=23).ok_or_else(|| bad("hour out of range"))? as u8;
        let minute = num(parts[1], 0..=59).ok_or_else(|| bad("minute out of range"))? as u8;
        let second = match parts.get(2) {
            Some(sec) => num(sec, 0..=60).ok_or_else(|| bad("second out of range"))? as u8,
            None => 0,
        };
        Ok(Timestamp { year, month, day, hour, minute, second, offset_minutes })
    }
}

impl fmt::Display for Timestamp {
    /// The canonical RFC 3339 form, which round-trips through `FromStr`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )?;
        if self.offset_minutes == 0 {
            return f.write_str("Z");
        }
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let off = self.offset_minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", off / 60, off % 60)
    }
}

impl Timestamp {
    /// `2016-09-07 07:48`: the dateline form of the seed page, in the
    /// publisher's zone.
    pub fn dateline(&self) -> String {
        format!("{:04}-{:02}-{:02} {:02}:{:02}", self.year, self.month, self.day, self.hour, self.minute)
    }

    /// `2016-09-07`, for lists.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Seconds since 0000-01-01 in UTC, only for ordering ("newest first").
    /// To the second: a paper that publishes 200 stories a day has several
    /// in the same minute.
    pub fn sort_key(&self) -> i64 {
        let days = i64::from(self.year) * 372 + i64::from(self.month) * 31 + i64::from(self.day);
        let minutes = days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute) - i64::from(self.offset_minutes);
        minutes * 60 + i64::from(self.second)
    }
}

impl TryFrom<String> for Timestamp {
    type Error = TimestampError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Timestamp> for String {
    fn from(t: Timestamp) -> String {
        t.to_string()
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_seed_dateline_and_keeps_its_zone() {
        let t: Timestamp = "2016-09-07T07:48:00+08:00".parse().unwrap();
        assert_eq!(t.dateline(), "2016-09-07 07:48");
        assert_eq!(t.offset_minutes, 480);
        assert_eq!(t.to_string(), "2016-09-07T07:48:00+08:00");
    }

    #[test]
    fn accepts_z_negative_offsets_and_missing_seconds() {
        assert_eq!("2020-02-29T23:59Z".parse::<Timestamp>().unwrap().to_string(), "2020-02-29T23:59:00Z");
        assert_eq!("2001-03-25T10:00:00-05:30".parse::<Timestamp>().unwrap().offset_minutes, -330);
    }

    #[test]
    fn rejects_what_a_publisher_might_mistype() {
        for bad in [
            "2016-09-07",               // no time
            "2016-09-07T07:48:00",      // no zone
            "2016-9-7T07:48:00Z",       // unpadded
            "2016-13-01T00:00:00Z",     // month
            "2019-02-29T00:00:00Z",     // not a leap year
            "2016-09-07T24:00:00Z",     // hour
            "2016-09-07T07:48:00+8",    // zone form
            "07/09/2016 07:48",         // another convention
            "２０１６-09-07T07:48:00Z", // full-width digits
        ] {
            let err = bad.parse::<Timestamp>().unwrap_err();
            assert!(err.to_string().contains("expected YYYY-MM-DDTHH:MM:SS"), "{bad}: {err}");
        }
    }

    #[test]
    fn orders_by_instant_not_by_wall_clock() {
        let tokyo: Timestamp = "2016-09-07T09:00:00+09:00".parse().unwrap();
        let london: Timestamp = "2016-09-07T01:00:00Z".parse().unwrap();
        assert!(tokyo.sort_key() < london.sort_key());
    }
}
