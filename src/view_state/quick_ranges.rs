//! Quick date ranges beside the date boxes (this year, the latest 12 months, since the Command's launch, a whole year): easier than typing on a phone, and each the same dates as typing them.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::ViewState;
use crate::analysis::compare::COMMAND_LAUNCH;
use crate::calendar::{year_end, year_start};

/// A ready-made date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickRange {
    /// Every date: no limit either side.
    AllDates,
    /// From 1 January of the data's latest year to the end of the data.
    ThisYear,
    /// The 12 months that end on the data's last day.
    Latest12Months,
    /// From the day the Command was launched to the end of the data.
    SinceLaunch,
    /// One calendar year, 1 January to 31 December.
    WholeYear(i32),
}

impl QuickRange {
    /// The buttons offered, in order (a whole year is picked from a list of the data's years).
    pub const BUTTONS: [QuickRange; 4] = [
        QuickRange::AllDates,
        QuickRange::ThisYear,
        QuickRange::Latest12Months,
        QuickRange::SinceLaunch,
    ];

    /// The button's words, short enough for one row beside the date boxes; a whole year is its number.
    pub fn label(self) -> String {
        match self {
            QuickRange::AllDates => "All dates".to_string(),
            QuickRange::ThisYear => "This year".to_string(),
            QuickRange::Latest12Months => "Last 12 months".to_string(),
            QuickRange::SinceLaunch => "Since launch".to_string(),
            QuickRange::WholeYear(year) => year.to_string(),
        }
    }

    /// What the button does, in full, for its tooltip and screen readers (starting with its words).
    pub fn description(self, data_last: NaiveDate) -> String {
        let first_day = |range: QuickRange| {
            range
                .dates(data_last)
                .0
                .map(crate::dates::day_month_year)
                .unwrap_or_default()
        };
        match self {
            QuickRange::AllDates => "All dates: no limit either side".to_string(),
            QuickRange::ThisYear => {
                format!("This year: from {} to the end of the data", first_day(self))
            }
            QuickRange::Latest12Months => format!(
                "Last 12 months: from {} to {}, the last day of the data",
                first_day(self),
                crate::dates::day_month_year(data_last)
            ),
            QuickRange::SinceLaunch => format!(
                "Since launch: from {}, the day the Border Security Command was launched",
                first_day(self)
            ),
            QuickRange::WholeYear(year) => format!("{year}: 1 January to 31 December {year}"),
        }
    }

    /// A short name for tests and element ids: "this-year", "year-2024".
    pub fn test_key(self) -> String {
        match self {
            QuickRange::AllDates => "all".to_string(),
            QuickRange::ThisYear => "this-year".to_string(),
            QuickRange::Latest12Months => "latest-12-months".to_string(),
            QuickRange::SinceLaunch => "since-launch".to_string(),
            QuickRange::WholeYear(year) => format!("year-{year}"),
        }
    }

    /// The first and last day it sets (`None`: that end open), for data whose last day is `data_last`.
    pub fn dates(self, data_last: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self {
            QuickRange::AllDates => (None, None),
            QuickRange::ThisYear => (Some(year_start(data_last)), None),
            QuickRange::Latest12Months => (
                data_last
                    .checked_sub_months(Months::new(12))
                    .and_then(|day| day.checked_add_days(Days::new(1))),
                Some(data_last),
            ),
            QuickRange::SinceLaunch => (Some(COMMAND_LAUNCH), None),
            QuickRange::WholeYear(year) => match NaiveDate::from_ymd_opt(year, 1, 1) {
                Some(first) => (Some(first), Some(year_end(first))),
                None => (None, None),
            },
        }
    }
}

/// The years a whole-year range can pick, newest first: every year the daily data touch.
pub fn whole_years(data_first: NaiveDate, data_last: NaiveDate) -> Vec<i32> {
    (data_first.year()..=data_last.year()).rev().collect()
}

impl ViewState {
    /// Sets the dates to a quick range.
    pub fn apply_quick_range(&mut self, range: QuickRange, data_last: NaiveDate) {
        (self.date_from, self.date_to) = range.dates(data_last);
        self.normalise();
    }

    /// The quick range these dates are, if any (for showing which button is pressed).
    pub fn quick_range(&self, data_first: NaiveDate, data_last: NaiveDate) -> Option<QuickRange> {
        let dates = (self.date_from, self.date_to);
        QuickRange::BUTTONS
            .into_iter()
            .chain(
                whole_years(data_first, data_last)
                    .into_iter()
                    .map(QuickRange::WholeYear),
            )
            .find(|range| range.dates(data_last) == dates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::date;

    #[test]
    fn each_range_is_the_dates_a_person_would_type() {
        let data_last = date(2026, 8, 20);
        assert_eq!(QuickRange::AllDates.dates(data_last), (None, None));
        assert_eq!(
            QuickRange::ThisYear.dates(data_last),
            (Some(date(2026, 1, 1)), None)
        );
        assert_eq!(
            QuickRange::Latest12Months.dates(data_last),
            (Some(date(2025, 8, 21)), Some(data_last))
        );
        assert_eq!(
            QuickRange::SinceLaunch.dates(data_last),
            (Some(COMMAND_LAUNCH), None)
        );
        assert_eq!(
            QuickRange::WholeYear(2024).dates(data_last),
            (Some(date(2024, 1, 1)), Some(date(2024, 12, 31)))
        );
        // A leap day's 12 months start on 1 March.
        assert_eq!(
            QuickRange::Latest12Months.dates(date(2028, 2, 29)),
            (Some(date(2027, 3, 1)), Some(date(2028, 2, 29)))
        );
    }

    #[test]
    fn the_pressed_range_is_found_from_the_dates_and_nothing_else_matches() {
        let (data_first, data_last) = (date(2018, 1, 1), date(2026, 8, 20));
        assert_eq!(whole_years(data_first, data_last).first(), Some(&2026));
        assert_eq!(whole_years(data_first, data_last).last(), Some(&2018));
        for range in QuickRange::BUTTONS
            .into_iter()
            .chain([QuickRange::WholeYear(2019)])
        {
            let mut state = ViewState::default();
            state.apply_quick_range(range, data_last);
            assert_eq!(
                state.quick_range(data_first, data_last),
                Some(range),
                "{range:?}"
            );
        }
        let typed = ViewState {
            date_from: Some(date(2024, 1, 2)),
            ..ViewState::default()
        };
        assert_eq!(typed.quick_range(data_first, data_last), None);
    }
}
