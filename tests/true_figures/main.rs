//! Every figure true for every date range: periods the range cuts, the last partial week, leap years, sentences.
//!
//! Expectations are worked out here from the bundled daily series with plain loops (ISO weeks and
//! chrono's own calendar, not the app's period code), never typed in, so a data update breaks nothing
//! that is right. The official series is checked against its own rows the same way.

use border_security_explorer::analysis::series::{
    crossings_series, cumulative_by_year, CrossingsSeries,
};
use border_security_explorer::closed_set::ClosedSet;
use border_security_explorer::data::{parse_dataset, Dataset, Status};
use border_security_explorer::export::to_csv;
use border_security_explorer::text::format_number;
use border_security_explorer::view_model::{
    briefing_summary, crossings_chart, filter_line, funding_view, WIDE_CHART_SIZE,
};
use border_security_explorer::view_state::{Measure, Period, SeriesChoice, ViewState};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

fn series_of(dataset: &Dataset, state: &ViewState) -> CrossingsSeries {
    crossings_series(dataset, &state.series_request())
}

fn bundled() -> Dataset {
    parse_dataset(include_bytes!("../../public/data/dataset.json"))
        .expect("the bundled dataset loads")
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// The day with `day`'s month and day in `year`, by chrono's calendar; 28 February for a 29 February
/// in a year without one. The tests' one rule for the same day in another year.
fn same_day_in(year: i32, day: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, day.month(), day.day()).unwrap_or_else(|| date(year, 2, 28))
}

fn iso(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn last_day(dataset: &Dataset) -> NaiveDate {
    dataset.crossings.daily.last_date().unwrap()
}

fn thousands(count: u64) -> String {
    format_number(count as f64, 0)
}

/// People and boats of every day from `first` to `last` that the daily series has.
fn daily_sum(dataset: &Dataset, first: NaiveDate, last: NaiveDate) -> (u64, u64) {
    let daily = &dataset.crossings.daily;
    (0..daily.people.len())
        .filter(|&day_idx| (first..=last).contains(&daily.date_of(day_idx)))
        .fold((0, 0), |(people, boats), day_idx| {
            (
                people + u64::from(daily.people[day_idx]),
                boats + u64::from(daily.boats[day_idx]),
            )
        })
}

/// What a point must be: first and last day counted, people, boats, whole period or not.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    start: NaiveDate,
    end: NaiveDate,
    people: u64,
    boats: u64,
    is_complete: bool,
}

/// Which period a day is in, by chrono's calendar: ISO weeks run Monday to Sunday, as the data's do.
fn period_key(period: Period, day: NaiveDate) -> (i32, u32, u32) {
    match period {
        Period::Day => (day.year(), day.ordinal(), 0),
        Period::Week => (day.iso_week().year(), day.iso_week().week(), 0),
        Period::Month => (day.year(), day.month(), 0),
        Period::Year => (day.year(), 0, 0),
    }
}

fn period_length_days(period: Period, day: NaiveDate) -> u32 {
    match period {
        Period::Day => 1,
        Period::Week => 7,
        Period::Month => {
            let next = if day.month() == 12 {
                date(day.year() + 1, 1, 1)
            } else {
                date(day.year(), day.month() + 1, 1)
            };
            (next - date(day.year(), day.month(), 1)).num_days() as u32
        }
        Period::Year => {
            if NaiveDate::from_ymd_opt(day.year(), 2, 29).is_some() {
                366
            } else {
                365
            }
        }
    }
}

/// The provisional points a range must give, grouped here by plain iteration over the days.
fn expected_points(
    dataset: &Dataset,
    period: Period,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<Expected> {
    let daily = &dataset.crossings.daily;
    let mut points: Vec<(Expected, (i32, u32, u32), u32)> = Vec::new();
    for day_idx in 0..daily.people.len() {
        let day = daily.date_of(day_idx);
        if from.is_some_and(|from| day < from) || to.is_some_and(|to| day > to) {
            continue;
        }
        let key = period_key(period, day);
        let (people, boats) = (
            u64::from(daily.people[day_idx]),
            u64::from(daily.boats[day_idx]),
        );
        match points.last_mut() {
            Some((point, last_key, n_days)) if *last_key == key => {
                point.end = day;
                point.people += people;
                point.boats += boats;
                *n_days += 1;
            }
            _ => points.push((
                Expected {
                    start: day,
                    end: day,
                    people,
                    boats,
                    is_complete: false,
                },
                key,
                1,
            )),
        }
    }
    points
        .into_iter()
        .map(|(mut point, _, n_days)| {
            point.is_complete = n_days == period_length_days(period, point.start);
            point
        })
        .collect()
}

fn got_points(series: &CrossingsSeries) -> Vec<Expected> {
    series
        .points
        .iter()
        .map(|point| Expected {
            start: point.start,
            end: point.end,
            people: point.people,
            boats: point.boats,
            is_complete: point.is_complete,
        })
        .collect()
}

fn view(period: Period, from: Option<NaiveDate>, to: Option<NaiveDate>) -> ViewState {
    ViewState {
        tab: border_security_explorer::view_state::Tab::Crossings,
        period,
        date_from: from,
        date_to: to,
        ..ViewState::initial()
    }
}

/// Boundaries: start and end mid-period, on period edges, one day, one week (aligned and not), a year
/// end, leap days, open ends, and ranges partly or wholly outside the data.
fn boundary_ranges(dataset: &Dataset) -> Vec<(Option<NaiveDate>, Option<NaiveDate>)> {
    let last = last_day(dataset);
    let first = dataset.crossings.daily.first_date;
    vec![
        (Some(date(2024, 7, 5)), Some(date(2025, 7, 4))),
        (Some(date(2024, 7, 1)), Some(date(2025, 6, 30))),
        (Some(date(2022, 1, 1)), Some(date(2022, 12, 31))),
        (Some(date(2022, 9, 3)), Some(date(2022, 9, 3))),
        (Some(date(2025, 6, 9)), Some(date(2025, 6, 15))),
        (Some(date(2025, 6, 11)), Some(date(2025, 6, 17))),
        (Some(date(2025, 12, 15)), Some(date(2026, 1, 10))),
        (Some(date(2024, 2, 29)), Some(date(2024, 2, 29))),
        (Some(date(2024, 2, 28)), Some(date(2024, 3, 1))),
        (Some(date(2023, 2, 28)), Some(date(2023, 3, 1))),
        (Some(date(2025, 6, 15)), None),
        (None, Some(date(2019, 3, 14))),
        (None, None),
        (
            Some(last - chrono::Days::new(40)),
            Some(last + chrono::Days::new(200)),
        ),
        (
            Some(first - chrono::Days::new(10)),
            Some(first + chrono::Days::new(10)),
        ),
        (Some(date(2010, 1, 1)), Some(date(2011, 1, 1))),
        (Some(last + chrono::Days::new(1)), None),
    ]
}

fn day_month_year(day: NaiveDate) -> String {
    border_security_explorer::dates::day_month_year(day)
}

fn bundled_once() -> &'static Dataset {
    static DATASET: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATASET.get_or_init(bundled)
}

mod charts;
mod comparisons;
mod examples;
mod periods;
mod sentences;
