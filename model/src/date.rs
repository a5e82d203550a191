//! Calendar dates for the timeline: `YYYY-MM-DD`, and day numbers for
//! arithmetic. Summits are dated by day, in the place they were held; no
//! time zone or time of day is involved.
//!
//! At the crate root beside [`crate::timestamp`], not in `timeline`: the
//! interface strings ([`crate::ui`]) format dates, and the timeline uses
//! the strings, so `timeline` → `ui` stays the only direction.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Days in a month of the proleptic Gregorian calendar.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before). Howard Hinnant's
    /// days-from-civil algorithm: exact for the proleptic Gregorian calendar.
    pub fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::day_number`].
    pub fn from_day_number(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

/// Why a date was rejected, saying what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad date {:?}; expected YYYY-MM-DD, e.g. 2016-05-06", self.0)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let bad = || DateError(s.to_owned());
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_the_epoch() {
        assert_eq!("1970-01-01".parse::<Date>().unwrap().day_number(), 0);
        assert_eq!("1956-10-19".parse::<Date>().unwrap().day_number(), -4822);
        for s in ["1956-10-13", "2000-02-29", "1900-03-01", "2019-09-05", "1969-12-31"] {
            let d: Date = s.parse().unwrap();
            assert_eq!(Date::from_day_number(d.day_number()), d, "{s}");
        }
        let a: Date = "2016-02-28".parse().unwrap();
        let b: Date = "2016-03-01".parse().unwrap();
        assert_eq!(b.day_number() - a.day_number(), 2, "2016 is a leap year");
    }

    #[test]
    fn rejects_bad_dates() {
        for s in ["2019-02-29", "2016-13-01", "2016-5-6", "06/05/2016", "2016-05-06T00:00", ""] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
    }
}
