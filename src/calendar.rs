//! Calendar arithmetic in one place: month and year edges, leap years, weeks ending on Sunday, the period a day is in.
//!
//! Every function is total: a date at the very end of chrono's range falls back to the date given rather
//! than panicking, which no real dataset reaches.

use chrono::{Datelike, NaiveDate};

use crate::closed_set::ClosedSet;

/// The period crossings are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Period {
    Day,
    Week,
    #[default]
    Month,
    Year,
}

impl ClosedSet for Period {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("day", Period::Day),
        ("week", Period::Week),
        ("month", Period::Month),
        ("year", Period::Year),
    ];

    /// The period for people ("month").
    fn label(self) -> &'static str {
        self.key()
    }
}

/// True when `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

/// 365 or 366.
pub fn days_in_year(year: i32) -> u32 {
    if is_leap_year(year) {
        366
    } else {
        365
    }
}

/// 1 January of the date's year.
pub fn year_start(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date)
}

/// 31 December of the date's year.
pub fn year_end(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap_or(date)
}

/// The first day of the date's month.
pub fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first day of the month after the date's month.
pub fn next_month_start(date: NaiveDate) -> Option<NaiveDate> {
    if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    }
}

/// The last day of the date's month.
pub fn month_end(date: NaiveDate) -> NaiveDate {
    next_month_start(date)
        .and_then(|next| next.pred_opt())
        .unwrap_or(date)
}

/// The Sunday that ends the date's week (weeks run Monday to Sunday, as in the Home Office weekly sheet).
pub fn week_ending(date: NaiveDate) -> NaiveDate {
    let days_to_sunday = 6 - date.weekday().num_days_from_monday();
    date.checked_add_days(chrono::Days::new(u64::from(days_to_sunday)))
        .unwrap_or(date)
}

/// The first and last day of the period of kind `period` that contains `date`.
pub fn period_bounds(period: Period, date: NaiveDate) -> (NaiveDate, NaiveDate) {
    match period {
        Period::Day => (date, date),
        Period::Week => {
            let end = week_ending(date);
            (end - chrono::Days::new(6), end)
        }
        Period::Month => (month_start(date), month_end(date)),
        Period::Year => (year_start(date), year_end(date)),
    }
}

/// Days from `first` to `last`, both included (0 when `last` is before `first`).
pub fn n_days_inclusive(first: NaiveDate, last: NaiveDate) -> u32 {
    u32::try_from((last - first).num_days() + 1).unwrap_or(0)
}

/// The date with the same month and day in `year`; 29 February in a year without one is 28 February
/// (the project's one rule for it: a year-to-date total to 29 February compares with one to 28 February).
/// `None` only for a year outside the calendar's range.
pub fn same_day_in_year(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day()).or_else(|| {
        NaiveDate::from_ymd_opt(year, 2, 28).filter(|_| date.month() == 2 && date.day() == 29)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn the_same_day_in_another_year_has_one_rule_for_29_february() {
        assert_eq!(
            same_day_in_year(date(2024, 7, 5), 2023),
            Some(date(2023, 7, 5))
        );
        assert_eq!(
            same_day_in_year(date(2024, 2, 29), 2023),
            Some(date(2023, 2, 28))
        );
        assert_eq!(
            same_day_in_year(date(2023, 2, 28), 2024),
            Some(date(2024, 2, 28))
        );
        assert_eq!(
            same_day_in_year(date(2024, 2, 29), 2028),
            Some(date(2028, 2, 29))
        );
    }

    #[test]
    fn month_edges_and_lengths_follow_the_calendar() {
        for (day, start, end, length) in [
            (date(2024, 2, 10), date(2024, 2, 1), date(2024, 2, 29), 29),
            (date(2025, 2, 28), date(2025, 2, 1), date(2025, 2, 28), 28),
            (
                date(2025, 12, 31),
                date(2025, 12, 1),
                date(2025, 12, 31),
                31,
            ),
            (date(2026, 4, 1), date(2026, 4, 1), date(2026, 4, 30), 30),
        ] {
            assert_eq!(month_start(day), start);
            assert_eq!(month_end(day), end);
            assert_eq!(month_end(day).day(), length);
        }
        assert_eq!(next_month_start(date(2025, 12, 5)), Some(date(2026, 1, 1)));
        assert_eq!(
            (
                days_in_year(2024),
                days_in_year(2025),
                days_in_year(1900),
                days_in_year(2000)
            ),
            (366, 365, 365, 366)
        );
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        // 1 January 2018 was a Monday; 20 August 2026 is a Thursday.
        assert_eq!(
            period_bounds(Period::Week, date(2018, 1, 1)),
            (date(2018, 1, 1), date(2018, 1, 7))
        );
        assert_eq!(
            period_bounds(Period::Week, date(2018, 1, 7)),
            (date(2018, 1, 1), date(2018, 1, 7))
        );
        assert_eq!(
            period_bounds(Period::Week, date(2026, 8, 20)),
            (date(2026, 8, 17), date(2026, 8, 23))
        );
        assert_eq!(
            period_bounds(Period::Week, date(2022, 1, 1)),
            (date(2021, 12, 27), date(2022, 1, 2))
        );
        assert_eq!(week_ending(date(2025, 6, 15)).weekday(), Weekday::Sun);
        for offset in 0..400 {
            let day = date(2023, 1, 1) + chrono::Days::new(offset);
            let (start, end) = period_bounds(Period::Week, day);
            assert!(start <= day && day <= end && n_days_inclusive(start, end) == 7);
        }
    }

    #[test]
    fn periods_contain_their_day() {
        for period in Period::all() {
            for offset in 0..800 {
                let day = date(2023, 11, 1) + chrono::Days::new(offset);
                let (start, end) = period_bounds(period, day);
                assert!(start <= day && day <= end, "{period:?} {day}");
                assert_eq!(period_bounds(period, start), (start, end));
                assert_eq!(period_bounds(period, end), (start, end));
            }
        }
    }
}
