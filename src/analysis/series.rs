//! Crossings series for a view: the chosen period, measure and edition, counted over the selected dates only.
//!
//! One rule for a period the date range (or the end of the data) cuts: it is counted over the days inside
//! only, its label names those days ("July 2024 (5–31 July)"), and it is marked partial. The official
//! series cannot be split by day, so a month or year the range cuts is left out and named in a note.

use crate::closed_set::ClosedSet;
use chrono::{Datelike, NaiveDate};

use super::people_per_boat;
use super::request::{Measure, SeriesChoice, SeriesRequest};
use crate::calendar::Period;
use crate::calendar::{n_days_inclusive, period_bounds};
use crate::data::{DailySeries, Dataset, SeriesInfo, Status};

/// One bar or point of a crossings chart.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// The first day counted.
    pub start: NaiveDate,
    /// The last day counted.
    pub end: NaiveDate,
    /// The first day of the calendar period (equal to `start` unless the period is partial).
    pub period_start: NaiveDate,
    /// The last day of the calendar period (equal to `end` unless the period is partial).
    pub period_end: NaiveDate,
    /// How the point groups days; its label for people comes from this (`label`), made only when read.
    pub period: Period,
    /// People detected arriving on the days counted.
    pub people: u64,
    /// Boats detected arriving on the days counted.
    pub boats: u64,
    /// The measured value; `None` where it cannot be worked out (people per boat with no boats).
    pub value: Option<f64>,
    /// The rolling average of whole periods ending at this point, when one is asked for, the window is
    /// full and every period in it is whole; never given at a partial point.
    pub rolling: Option<f64>,
    /// True when every day of the period is counted; false when the date range or the end of the data
    /// cuts it.
    pub is_complete: bool,
}

impl SeriesPoint {
    /// The period's name without its days: "5 March 2024", "Week ending 7 January 2018", "March 2024", "2024".
    pub fn period_name(&self) -> String {
        match self.period {
            Period::Day => crate::dates::day_month_year(self.start),
            Period::Week => format!(
                "Week ending {}",
                crate::dates::day_month_year(self.period_end)
            ),
            Period::Month => crate::dates::month_year(self.period_start),
            Period::Year => crate::dates::year(self.period_start),
        }
    }

    /// The period for people, with the days counted when it is partial: "July 2024 (5–31 July)".
    /// Made when read rather than for every point, so a long daily series costs no text until shown.
    pub fn label(&self) -> String {
        self.with_days(self.period_name())
    }

    /// The label as it reads inside a sentence: "the week ending 9 June 2024"; other periods as `label`.
    pub fn label_in_sentence(&self) -> String {
        match self.period {
            Period::Week => self.with_days(format!(
                "the week ending {}",
                crate::dates::day_month_year(self.period_end)
            )),
            _ => self.label(),
        }
    }

    fn with_days(&self, name: String) -> String {
        if self.is_complete {
            name
        } else {
            format!("{name} ({})", crate::dates::day_span(self.start, self.end))
        }
    }

    /// Days counted.
    pub fn n_days(&self) -> u32 {
        n_days_inclusive(self.start, self.end)
    }

    /// Days in the whole period.
    pub fn n_days_in_period(&self) -> u32 {
        n_days_inclusive(self.period_start, self.period_end)
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
    /// The first day the series covers (before any date range).
    pub data_first: NaiveDate,
    /// The last day the series covers.
    pub as_of: NaiveDate,
    /// The rolling window, in periods (0: none).
    pub rolling_periods: u32,
    /// Official periods the date range cuts, which are left out because they cannot be split by day.
    pub left_out_cut: Vec<String>,
    /// Things the reader must know: fallbacks, partial periods, what was left out.
    pub notes: Vec<String>,
}

impl CrossingsSeries {
    /// The first and last day counted, if any day is.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.points.first()?.start, self.points.last()?.end))
    }

    /// People and boats over every point: for the provisional series, exactly the days in the range.
    pub fn totals(&self) -> (u64, u64) {
        self.points.iter().fold((0, 0), |(people, boats), point| {
            (people + point.people, boats + point.boats)
        })
    }
}

/// Builds the crossings series a view asks for.
pub fn crossings_series(dataset: &Dataset, request: &SeriesRequest) -> CrossingsSeries {
    let crossings = &dataset.crossings;
    let mut notes = Vec::new();
    let official_possible = match request.period {
        Period::Month => !crossings.monthly.is_empty(),
        Period::Year => !crossings.annual.is_empty(),
        Period::Day | Period::Week => false,
    };
    let wants_official = request.edition == SeriesChoice::Official;
    if wants_official && !official_possible {
        notes.push(format!(
            "Official statistics are published by month and year only, so this {} view shows the provisional series.",
            request.period.label()
        ));
    }
    let wants_rolling = request.rolling_periods >= 2;
    // `whole_points`: every period of the series, which the rolling average needs (and the official
    // editions' cut periods); a provisional series without one is built only over the dates shown, so a
    // long daily series is not walked twice.
    let (mut points, whole_points, left_out_cut, info, data_first, data_last) = if wants_official
        && official_possible
    {
        let (whole_points, info, data_first, data_last) = official_points(dataset, request.period);
        let (points, left_out_cut) = whole_official_points(&whole_points, &request.dates);
        (
            points,
            whole_points,
            left_out_cut,
            info,
            data_first,
            data_last,
        )
    } else {
        let daily = &crossings.daily;
        let (data_first, data_last) = (
            daily.first_date,
            daily.last_date().unwrap_or(daily.info.as_of),
        );
        let (first, last) = request.dates.clipped_to(data_first, data_last);
        let points = daily_points(daily, request.period, first, last);
        let whole_points = match wants_rolling {
            false => Vec::new(),
            true if (first, last) == (data_first, data_last) => points.clone(),
            true => daily_points(daily, request.period, data_first, data_last),
        };
        (
            points,
            whole_points,
            Vec::new(),
            &daily.info,
            data_first,
            data_last,
        )
    };
    for point in &mut points {
        point.value = measure_value(request.measure, point.people, point.boats);
    }
    add_rolling(
        &mut points,
        &whole_points,
        request.measure,
        request.rolling_periods,
    );
    notes.extend(series_notes(
        request,
        &points,
        &left_out_cut,
        data_first,
        data_last,
    ));
    CrossingsSeries {
        points,
        measure: request.measure,
        period: request.period,
        status: info.status,
        source_ids: info.source_ids.clone(),
        data_first,
        as_of: data_last,
        rolling_periods: request.rolling_periods,
        left_out_cut,
        notes,
    }
}

/// The official points wholly inside the dates, and the names of those the dates cut (left out:
/// official figures cannot be split by day).
fn whole_official_points(
    whole_points: &[SeriesPoint],
    dates: &super::request::DateRange,
) -> (Vec<SeriesPoint>, Vec<String>) {
    let mut kept = Vec::new();
    let mut left_out_cut = Vec::new();
    for point in whole_points {
        if dates.contains_all(point.start, point.end) {
            kept.push(point.clone());
        } else if dates.overlaps(point.start, point.end) {
            left_out_cut.push(point.period_name());
        }
    }
    (kept, left_out_cut)
}

/// What the reader must know about the points: official periods left out, partial periods and why,
/// how the rolling average is made, and periods with no boats.
fn series_notes(
    request: &SeriesRequest,
    points: &[SeriesPoint],
    left_out_cut: &[String],
    data_first: NaiveDate,
    data_last: NaiveDate,
) -> Vec<String> {
    let mut notes = Vec::new();
    if !left_out_cut.is_empty() {
        let verb = if left_out_cut.len() == 1 { "is" } else { "are" };
        notes.push(format!(
            "Official figures cannot be split by day, so {} {verb} only partly inside the selected dates and {verb} left out.",
            crate::text::join_words(left_out_cut),
        ));
    }
    for point in points.iter().filter(|point| !point.is_complete) {
        let why = if point.end < point.period_end && point.end == data_last {
            format!(
                "the data end on {}",
                crate::dates::day_month_year(data_last)
            )
        } else if point.start > point.period_start && point.start == data_first {
            format!(
                "the data begin on {}",
                crate::dates::day_month_year(data_first)
            )
        } else {
            "the selected dates cut it".to_string()
        };
        let n_days = point.n_days();
        notes.push(format!(
            "{} is partial: only {} of its {} days {} counted ({}), because {why}.",
            point.period_name(),
            n_days,
            point.n_days_in_period(),
            if n_days == 1 { "is" } else { "are" },
            crate::dates::day_span(point.start, point.end),
        ));
    }
    if request.rolling_periods >= 2 && !points.is_empty() {
        let period = request.period.label();
        notes.push(format!(
            "The {}-{period} average is of whole {period}s, reaching back before the selected dates where its window does; it is not given for a partial {period} or a window that holds one.",
            request.rolling_periods,
        ));
    }
    if request.measure == Measure::PeoplePerBoat && points.iter().any(|point| point.value.is_none())
    {
        notes.push("People per boat is not shown for periods with no boats.".to_string());
    }
    notes
}

fn measure_value(measure: Measure, people: u64, boats: u64) -> Option<f64> {
    match measure {
        Measure::People => Some(people as f64),
        Measure::Boats => Some(boats as f64),
        Measure::PeoplePerBoat => people_per_boat(people, boats),
    }
}

/// The daily series from `first` to `last` (both inside the series), grouped into calendar periods; a
/// period of which only some days lie in that span is counted over those days and marked partial.
pub fn daily_points(
    daily: &DailySeries,
    period: Period,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<SeriesPoint> {
    let mut points: Vec<SeriesPoint> = Vec::new();
    let (Ok(first_idx), Ok(last_idx)) = (
        usize::try_from((first - daily.first_date).num_days()),
        usize::try_from((last - daily.first_date).num_days()),
    ) else {
        return points;
    };
    let n_days = daily.people.len().min(daily.boats.len());
    let last_idx = last_idx.min(n_days.saturating_sub(1));
    if n_days == 0 || first_idx > last_idx {
        return points;
    }
    // One period at a time: its days are summed as a slice, so dates are worked out once a period,
    // not once a day (a long daily series has hundreds of thousands of days).
    let mut day_idx = first_idx;
    while day_idx <= last_idx {
        let start = daily.date_of(day_idx);
        let (period_start, period_end) = period_bounds(period, start);
        let n_days_left_in_period = usize::try_from((period_end - start).num_days()).unwrap_or(0);
        let end_idx = (day_idx + n_days_left_in_period).min(last_idx);
        let sum = |counts: &[u32]| {
            counts[day_idx..=end_idx]
                .iter()
                .map(|&count| u64::from(count))
                .sum()
        };
        points.push(SeriesPoint {
            start,
            end: daily.date_of(end_idx),
            period_start,
            period_end,
            period,
            people: sum(&daily.people),
            boats: sum(&daily.boats),
            value: None,
            rolling: None,
            is_complete: false,
        });
        day_idx = end_idx + 1;
    }
    for point in &mut points {
        point.is_complete = point.start == point.period_start && point.end == point.period_end;
    }
    points
}

/// The official monthly or yearly series as whole points, with its description and first and last day.
fn official_points(
    dataset: &Dataset,
    period: Period,
) -> (Vec<SeriesPoint>, &SeriesInfo, NaiveDate, NaiveDate) {
    let whole = |period: Period, start: NaiveDate, people: u32, boats: u32| {
        let (period_start, period_end) = period_bounds(period, start);
        SeriesPoint {
            start: period_start,
            end: period_end,
            period_start,
            period_end,
            period,
            people: people.into(),
            boats: boats.into(),
            value: None,
            rolling: None,
            is_complete: true,
        }
    };
    let (points, info): (Vec<SeriesPoint>, &SeriesInfo) = if period == Period::Year {
        let series = &dataset.crossings.annual[0];
        let points = series
            .rows
            .iter()
            .filter_map(|row| {
                let start = NaiveDate::from_ymd_opt(row.year, 1, 1)?;
                Some(whole(Period::Year, start, row.people, row.boats))
            })
            .collect();
        (points, &series.info)
    } else {
        let series = &dataset.crossings.monthly[0];
        let points = series
            .rows
            .iter()
            .map(|row| whole(Period::Month, row.month, row.people, row.boats))
            .collect();
        (points, &series.info)
    };
    let first = points
        .first()
        .map_or(info.as_of, |point: &SeriesPoint| point.start);
    let last = points
        .last()
        .map_or(info.as_of, |point: &SeriesPoint| point.end);
    (points, info, first, last)
}

/// The rolling average over the last `window_len` whole periods of the series, set on the points shown.
///
/// Worked out over every period of the series (`whole_points`), not only those in range, so that the
/// first points shown still average over real earlier data. A window that holds a partial period (the
/// latest, still being counted) gives no average, and a point the range cuts gets none. People per boat
/// is the ratio of the window's sums, not a mean of ratios.
fn add_rolling(
    points: &mut [SeriesPoint],
    whole_points: &[SeriesPoint],
    measure: Measure,
    window_len: u32,
) {
    let window_len = window_len as usize;
    if window_len < 2 || points.is_empty() {
        return;
    }
    let (mut people_sum, mut boats_sum, mut n_partial) = (0u64, 0u64, 0usize);
    let mut rolling_by_start: Vec<(NaiveDate, Option<f64>)> =
        Vec::with_capacity(whole_points.len());
    for point_idx in 0..whole_points.len() {
        let entering = &whole_points[point_idx];
        people_sum += entering.people;
        boats_sum += entering.boats;
        n_partial += usize::from(!entering.is_complete);
        if point_idx >= window_len {
            let leaving = &whole_points[point_idx - window_len];
            people_sum -= leaving.people;
            boats_sum -= leaving.boats;
            n_partial -= usize::from(!leaving.is_complete);
        }
        let rolling = (point_idx + 1 >= window_len && n_partial == 0).then(|| match measure {
            Measure::People => Some(people_sum as f64 / window_len as f64),
            Measure::Boats => Some(boats_sum as f64 / window_len as f64),
            Measure::PeoplePerBoat => people_per_boat(people_sum, boats_sum),
        });
        rolling_by_start.push((entering.period_start, rolling.flatten()));
    }
    for point in points.iter_mut().filter(|point| point.is_complete) {
        if let Ok(found_idx) =
            rolling_by_start.binary_search_by(|(start, _)| start.cmp(&point.period_start))
        {
            point.rolling = rolling_by_start[found_idx].1;
        }
    }
}

/// Positions on the year-by-year chart: every day of a leap year, so that each date has one place.
pub const N_CALENDAR_POSITIONS: usize = 366;

/// The month and day at a position of the year-by-year chart (0: 1 January, 59: 29 February, 365: 31
/// December), as a date in the leap year 2024.
pub fn calendar_position_date(position: usize) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 1, 1)?.checked_add_days(chrono::Days::new(position as u64))
}

/// One line of the year-on-year chart: cumulative people from 1 January, one value per day of the year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearLine {
    /// The calendar year.
    pub year: i32,
    /// Cumulative people after each day of this year's own calendar (index 0 is 1 January).
    pub cumulative_people: Vec<u64>,
    /// True when the series covers the whole year.
    pub is_complete: bool,
}

impl YearLine {
    /// The day of this year at a calendar position and the people who had crossed by its end. At the
    /// 29 February position of a year without one, that is 28 February. `None` past the data.
    pub fn people_by_position(&self, position: usize) -> Option<(NaiveDate, u64)> {
        let template = calendar_position_date(position)?;
        let day = crate::calendar::same_day_in_year(template, self.year)?;
        let people = *self.cumulative_people.get(day.ordinal0() as usize)?;
        Some((day, people))
    }

    /// The last day counted and the people by then.
    pub fn last_day(&self) -> Option<(NaiveDate, u64)> {
        let n_days = self.cumulative_people.len();
        let day = NaiveDate::from_yo_opt(self.year, u32::try_from(n_days).ok()?)?;
        Some((day, *self.cumulative_people.last()?))
    }
}

/// Cumulative arrivals by day of the year, one line per year the daily series covers from 1 January.
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
        line.is_complete =
            line.cumulative_people.len() == crate::calendar::days_in_year(line.year) as usize;
    }
    lines
}

/// The position of a date on the year-by-year chart (the inverse of `calendar_position_date`).
pub fn calendar_position_of(date: NaiveDate) -> usize {
    NaiveDate::from_ymd_opt(2024, date.month(), date.day())
        .map_or(0, |template| template.ordinal0() as usize)
}
