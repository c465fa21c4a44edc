//! What the analysis is asked for: period, measure, edition, rolling window and a date range, apart from the URL model.

use chrono::NaiveDate;

use crate::calendar::Period;
use crate::closed_set::ClosedSet;

/// What the crossings chart measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Measure {
    #[default]
    People,
    Boats,
    PeoplePerBoat,
}

impl ClosedSet for Measure {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("people", Measure::People),
        ("boats", Measure::Boats),
        ("people-per-boat", Measure::PeoplePerBoat),
    ];

    /// The measure for people, as a unit.
    fn label(self) -> &'static str {
        match self {
            Measure::People => "People",
            Measure::Boats => "Boats",
            Measure::PeoplePerBoat => "People per boat",
        }
    }
}

/// Which crossings series the chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SeriesChoice {
    /// The Home Office provisional daily series, summed.
    #[default]
    Provisional,
    /// The official statistics (months and years only).
    Official,
}

impl ClosedSet for SeriesChoice {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("provisional", SeriesChoice::Provisional),
        ("official", SeriesChoice::Official),
    ];

    fn label(self) -> &'static str {
        match self {
            SeriesChoice::Provisional => "Provisional (daily, weekly)",
            SeriesChoice::Official => "Official (monthly, yearly)",
        }
    }
}

/// Days from `from` to `to`, both included; an open end is unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    /// The first day, if limited.
    pub from: Option<NaiveDate>,
    /// The last day, if limited.
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// True when any day from `first` to `last` lies in the range (a month-dated record, say).
    pub fn overlaps(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.from.is_none_or(|from| last >= from) && self.to.is_none_or(|to| first <= to)
    }

    /// True when every day from `first` to `last` lies in the range.
    pub fn contains_all(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.from.is_none_or(|from| first >= from) && self.to.is_none_or(|to| last <= to)
    }

    /// The first and last day of the range inside `first`..=`last` (the days some data cover); the
    /// first comes after the last when the range and those days do not meet.
    pub fn clipped_to(&self, first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
        (
            self.from.map_or(first, |from| from.max(first)),
            self.to.map_or(last, |to| to.min(last)),
        )
    }
}

/// A crossings series, as the analysis is asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SeriesRequest {
    /// How days are grouped.
    pub period: Period,
    /// What is measured.
    pub measure: Measure,
    /// Provisional or official figures.
    pub edition: SeriesChoice,
    /// The rolling average's window, in periods (under 2: none).
    pub rolling_periods: u32,
    /// The days counted.
    pub dates: DateRange,
}
