//! Derived figures: totals by month and year, year to date and people per boat here; crossings series, editions, filters and funding in the modules below.
//!
//! Every function is a plain computation over the checked dataset. Nothing is estimated: a figure that
//! the data cannot give (a missing day, a division by zero boats) is `None`, and the UI says so.

pub mod compare;
pub mod diff;
pub mod editions;
pub mod figures;
pub mod filter;
pub mod funding;
pub mod request;
pub mod series;

use chrono::{Datelike, NaiveDate};

use crate::calendar::Period;

use crate::data::DailySeries;

pub use funding::{funding_count_reason, funding_total, FundingTotal};

/// People and boats over one period, summed from the daily series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodTotal {
    /// The first day of the period (a month's first day, or 1 January).
    pub period_start: NaiveDate,
    /// People detected arriving.
    pub people: u64,
    /// Boats detected arriving.
    pub boats: u64,
    /// Days of the period the series covers (fewer than the period's length for a partial period).
    pub n_days_covered: u32,
    /// True when the series covers every day of the period.
    pub is_complete: bool,
}

/// People divided by boats, or `None` when there were no boats.
pub fn people_per_boat(people: u64, boats: u64) -> Option<f64> {
    (boats > 0).then(|| people as f64 / boats as f64)
}

/// Sums the daily series by calendar month, marking partial months.
pub fn monthly_totals(daily: &DailySeries) -> Vec<PeriodTotal> {
    totals_by(daily, Period::Month)
}

/// Sums the daily series by calendar year, marking partial years.
pub fn annual_totals(daily: &DailySeries) -> Vec<PeriodTotal> {
    totals_by(daily, Period::Year)
}

fn totals_by(daily: &DailySeries, period: Period) -> Vec<PeriodTotal> {
    let Some(last) = daily.last_date() else {
        return Vec::new();
    };
    series::daily_points(daily, period, daily.first_date, last)
        .into_iter()
        .map(|point| PeriodTotal {
            period_start: point.period_start,
            people: point.people,
            boats: point.boats,
            n_days_covered: point.n_days(),
            is_complete: point.is_complete,
        })
        .collect()
}

/// People and boats from 1 January to a given day of the year, for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearToDate {
    /// The calendar year.
    pub year: i32,
    /// The last day counted (the same month and day in every year compared).
    pub through: NaiveDate,
    /// People detected arriving from 1 January to `through`.
    pub people: u64,
    /// Boats detected arriving from 1 January to `through`.
    pub boats: u64,
}

/// Year to date through the series' last day, and the same span in each earlier year it covers fully.
///
/// For a last day of 29 February, earlier non-leap years are counted through 28 February.
pub fn year_to_date_comparison(daily: &DailySeries) -> Vec<YearToDate> {
    let Some(last_date) = daily.last_date() else {
        return Vec::new();
    };
    let mut comparison = Vec::new();
    for year in daily.first_date.year()..=last_date.year() {
        let through = crate::calendar::same_day_in_year(last_date, year);
        let (Some(year_start), Some(through)) = (NaiveDate::from_ymd_opt(year, 1, 1), through)
        else {
            continue;
        };
        if year_start < daily.first_date {
            continue;
        }
        let (people, boats) = sum_between(daily, year_start, through);
        comparison.push(YearToDate {
            year,
            through,
            people,
            boats,
        });
    }
    comparison
}

/// People and boats from `from` to `to`, both days included, clipped to the series.
pub fn sum_between(daily: &DailySeries, from: NaiveDate, to: NaiveDate) -> (u64, u64) {
    let (Some(first_idx), Some(last_idx)) = (
        day_index(daily, from.max(daily.first_date)),
        day_index(daily, to),
    ) else {
        return (0, 0);
    };
    let last_idx = last_idx.min(daily.people.len().saturating_sub(1));
    if daily.people.is_empty() || first_idx > last_idx {
        return (0, 0);
    }
    let people = daily.people[first_idx..=last_idx]
        .iter()
        .map(|&n| u64::from(n))
        .sum();
    let boats = daily.boats[first_idx..=last_idx]
        .iter()
        .map(|&n| u64::from(n))
        .sum();
    (people, boats)
}

fn day_index(daily: &DailySeries, date: NaiveDate) -> Option<usize> {
    usize::try_from((date - daily.first_date).num_days()).ok()
}

#[cfg(test)]
mod tests;
