//! Crossings series for a view: the chosen period, measure and edition, clipped to the date range.

use chrono::{Datelike, NaiveDate};

use super::{annual_totals, monthly_totals, people_per_boat};
use crate::data::{Dataset, DatePrecision, PartialDate, Status};
use crate::view_state::{Measure, Period, SeriesChoice, ViewState};

/// One bar or point of a crossings chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// The first day the point covers.
    pub start: NaiveDate,
    /// The last day the point covers.
    pub end: NaiveDate,
    /// How the point groups days; its label for people comes from this (`label`), made only when read.
    pub period: Period,
    /// People detected arriving.
    pub people: u64,
    /// Boats detected arriving.
    pub boats: u64,
    /// The measured value; `None` where it cannot be worked out (people per boat with no boats).
    pub value: Option<f64>,
    /// The rolling average ending at this point, when one is asked for and the window is full.
    pub rolling: Option<f64>,
    /// False when the data cover only part of the period (the latest month, say).
    pub is_complete: bool,
}

impl SeriesPoint {
    /// The period for people: "5 March 2024", "Week ending 7 January 2018", "March 2024", "2024".
    /// Made when read rather than for every point, so a long daily series costs no text until shown.
    pub fn label(&self) -> String {
        match self.period {
            Period::Day => crate::dates::day_month_year(self.start),
            Period::Week => format!("Week ending {}", crate::dates::day_month_year(self.end)),
            Period::Month => crate::dates::month_year(self.start),
            Period::Year => crate::dates::year(self.start),
        }
    }

    /// The label as it reads inside a sentence: "the week ending 9 June 2024"; other periods as `label`.
    pub fn label_in_sentence(&self) -> String {
        match self.period {
            Period::Week => format!("the week ending {}", crate::dates::day_month_year(self.end)),
            _ => self.label(),
        }
    }
}

/// A crossings series ready to chart, tabulate or export.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossingsSeries {
    /// The points, oldest first.
    pub points: Vec<SeriesPoint>,
    /// What is measured.
    pub measure: Measure,
    /// How points are grouped.
    pub period: Period,
    /// Provisional or official.
    pub status: Status,
    /// The series' sources.
    pub source_ids: Vec<String>,
    /// The last day the series covers.
    pub as_of: NaiveDate,
    /// The rolling window, in periods (0: none).
    pub rolling_periods: u32,
    /// Things the reader must know: fallbacks, partial periods.
    pub notes: Vec<String>,
}

/// Builds the crossings series a view asks for.
pub fn crossings_series(dataset: &Dataset, state: &ViewState) -> CrossingsSeries {
    let crossings = &dataset.crossings;
    let mut notes = Vec::new();
    let wants_official = state.series == SeriesChoice::Official;
    let official_possible = matches!(state.period, Period::Month | Period::Year);
    if wants_official && !official_possible {
        notes.push(format!(
            "Official statistics are published by month and year only, so this {} view shows the provisional series.",
            state.period.label()
        ));
    }
    let use_official = wants_official && official_possible;
    let (mut points, status, source_ids, as_of): (
        Vec<SeriesPoint>,
        Status,
        Vec<String>,
        NaiveDate,
    ) = match (state.period, use_official) {
        (Period::Month, true) if !crossings.monthly.is_empty() => {
            let series = &crossings.monthly[0];
            let points: Vec<SeriesPoint> = series
                .rows
                .iter()
                .map(|row| {
                    point(
                        Period::Month,
                        row.month,
                        month_end(row.month),
                        row.people.into(),
                        row.boats.into(),
                        true,
                    )
                })
                .collect();
            (
                points,
                series.info.status,
                series.info.source_ids.clone(),
                series.info.as_of,
            )
        }
        (Period::Year, true) if !crossings.annual.is_empty() => {
            let series = &crossings.annual[0];
            let points: Vec<SeriesPoint> = series
                .rows
                .iter()
                .filter_map(|row| {
                    let start = NaiveDate::from_ymd_opt(row.year, 1, 1)?;
                    let end = NaiveDate::from_ymd_opt(row.year, 12, 31)?;
                    Some(point(
                        Period::Year,
                        start,
                        end,
                        row.people.into(),
                        row.boats.into(),
                        true,
                    ))
                })
                .collect();
            (
                points,
                series.info.status,
                series.info.source_ids.clone(),
                series.info.as_of,
            )
        }
        _ => {
            let daily = &crossings.daily;
            let points: Vec<SeriesPoint> = match state.period {
                Period::Day => daily
                    .people
                    .iter()
                    .zip(&daily.boats)
                    .enumerate()
                    .map(|(day_idx, (&people, &boats))| {
                        let date = daily.date_of(day_idx);
                        point(Period::Day, date, date, people.into(), boats.into(), true)
                    })
                    .collect(),
                Period::Week => {
                    let weekly = &crossings.weekly;
                    let last_day = daily.last_date().unwrap_or(weekly.info.as_of);
                    weekly
                        .people
                        .iter()
                        .zip(&weekly.boats)
                        .enumerate()
                        .map(|(week_idx, (&people, &boats))| {
                            let end = weekly.week_ending(week_idx);
                            let start = end - chrono::Days::new(6);
                            point(
                                Period::Week,
                                start,
                                end,
                                people.into(),
                                boats.into(),
                                end <= last_day,
                            )
                        })
                        .collect()
                }
                Period::Month => monthly_totals(daily)
                    .into_iter()
                    .map(|total| {
                        point(
                            Period::Month,
                            total.period_start,
                            month_end(total.period_start),
                            total.people,
                            total.boats,
                            total.is_complete,
                        )
                    })
                    .collect(),
                Period::Year => annual_totals(daily)
                    .into_iter()
                    .map(|total| {
                        let year = total.period_start.year();
                        let end =
                            NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(total.period_start);
                        point(
                            Period::Year,
                            total.period_start,
                            end,
                            total.people,
                            total.boats,
                            total.is_complete,
                        )
                    })
                    .collect(),
            };
            (
                points,
                daily.info.status,
                daily.info.source_ids.clone(),
                daily.info.as_of,
            )
        }
    };
    for point in &mut points {
        point.value = match state.measure {
            Measure::People => Some(point.people as f64),
            Measure::Boats => Some(point.boats as f64),
            Measure::PeoplePerBoat => people_per_boat(point.people, point.boats),
        };
    }
    add_rolling(&mut points, state.measure, state.rolling_periods);
    points.retain(|point| {
        state.date_from.is_none_or(|from| point.end >= from)
            && state.date_to.is_none_or(|to| point.start <= to)
    });
    if points.iter().any(|point| !point.is_complete) {
        notes.push(format!(
            "The latest {} is incomplete: the data end on {}.",
            state.period.label(),
            crate::dates::day_month_year(as_of)
        ));
    }
    if state.measure == Measure::PeoplePerBoat && points.iter().any(|point| point.value.is_none()) {
        notes.push("People per boat is not shown for periods with no boats.".to_string());
    }
    CrossingsSeries {
        points,
        measure: state.measure,
        period: state.period,
        status,
        source_ids,
        as_of,
        rolling_periods: state.rolling_periods,
        notes,
    }
}

fn point(
    period: Period,
    start: NaiveDate,
    end: NaiveDate,
    people: u64,
    boats: u64,
    is_complete: bool,
) -> SeriesPoint {
    SeriesPoint {
        start,
        end,
        period,
        people,
        boats,
        value: None,
        rolling: None,
        is_complete,
    }
}

/// The rolling average over the last `window_len` points, computed before the date range is applied so
/// that the first visible points still average over real earlier data. People per boat is the ratio of
/// the window's sums, not a mean of ratios.
fn add_rolling(points: &mut [SeriesPoint], measure: Measure, window_len: u32) {
    let window_len = window_len as usize;
    if window_len < 2 {
        return;
    }
    let (mut people_sum, mut boats_sum) = (0u64, 0u64);
    for point_idx in 0..points.len() {
        people_sum += points[point_idx].people;
        boats_sum += points[point_idx].boats;
        if point_idx >= window_len {
            people_sum -= points[point_idx - window_len].people;
            boats_sum -= points[point_idx - window_len].boats;
        }
        if point_idx + 1 >= window_len {
            points[point_idx].rolling = match measure {
                Measure::People => Some(people_sum as f64 / window_len as f64),
                Measure::Boats => Some(boats_sum as f64 / window_len as f64),
                Measure::PeoplePerBoat => people_per_boat(people_sum, boats_sum),
            };
        }
    }
}

fn month_end(month_start: NaiveDate) -> NaiveDate {
    PartialDate {
        first_day: month_start,
        precision: DatePrecision::Month,
    }
    .last_day()
}

/// One line of the year-on-year chart: cumulative people from 1 January, one value per day of the year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearLine {
    /// The calendar year.
    pub year: i32,
    /// Cumulative people after each day (index 0 is 1 January).
    pub cumulative_people: Vec<u64>,
    /// True when the series covers the whole year.
    pub is_complete: bool,
}

/// Cumulative arrivals by day of the year, one line per year the daily series covers.
pub fn cumulative_by_year(dataset: &Dataset) -> Vec<YearLine> {
    let daily = &dataset.crossings.daily;
    let mut lines: Vec<YearLine> = Vec::new();
    for (day_idx, &people) in daily.people.iter().enumerate() {
        let date = daily.date_of(day_idx);
        let is_new_year = lines.last().is_none_or(|line| line.year != date.year());
        if is_new_year {
            if date.ordinal() != 1 {
                continue;
            }
            lines.push(YearLine {
                year: date.year(),
                cumulative_people: Vec::with_capacity(366),
                is_complete: false,
            });
        }
        if let Some(line) = lines.last_mut() {
            let previous = line.cumulative_people.last().copied().unwrap_or(0);
            line.cumulative_people.push(previous + u64::from(people));
        }
    }
    for line in &mut lines {
        let days_in_year = if NaiveDate::from_ymd_opt(line.year, 2, 29).is_some() {
            366
        } else {
            365
        };
        line.is_complete = line.cumulative_people.len() == days_in_year;
    }
    lines
}
