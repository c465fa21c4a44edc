//! The Crossings view's year-by-year chart: cumulative people from 1 January, each year placed by its own calendar.

use chrono::{Datelike, NaiveDate};

use super::{first_publisher, source_names, ChartView, LazyTable, PointTexts};
use crate::analysis::series::{
    calendar_position_date, cumulative_by_year, YearLine, N_CALENDAR_POSITIONS,
};
use crate::analysis::year_to_date_comparison;
use crate::chart::{self, ChartSize, Mark, PlotSeries, SeriesChart};
use crate::data::Dataset;
use crate::export::{Cell, Column, DataTable};
use crate::text::{count_of, format_number};
use crate::view_state::ViewState;

/// The years the view's dates touch, each drawn whole from 1 January.
fn year_lines_in_range(dataset: &Dataset, state: &ViewState) -> Vec<YearLine> {
    cumulative_by_year(dataset)
        .into_iter()
        .filter(|line| {
            state.date_from.is_none_or(|from| line.year >= from.year())
                && state.date_to.is_none_or(|to| line.year <= to.year())
        })
        .collect()
}

/// The year-by-year summary: the latest year shown against the year before it, whole years as totals
/// and a year in progress to its latest day.
fn year_on_year_summary(lines: &[YearLine]) -> String {
    let Some(latest) = lines.last() else {
        return "No year in the selected dates has crossings data from 1 January.".to_string();
    };
    let Some((latest_day, latest_people)) = latest.last_day() else {
        return "No year in the selected dates has crossings data from 1 January.".to_string();
    };
    let before = lines
        .iter()
        .rev()
        .nth(1)
        .filter(|line| line.year == latest.year - 1);
    let people = |count: u64| count_of(count as usize, "person", "people");
    if latest.is_complete {
        let against = before
            .and_then(|line| line.last_day().filter(|_| line.is_complete))
            .map(|(_, before_people)| {
                format!(
                    ", against {} in {}",
                    format_number(before_people as f64, 0),
                    latest.year - 1
                )
            })
            .unwrap_or_default();
        format!(
            "In {}, {} crossed{against} (provisional figures).",
            latest.year,
            people(latest_people)
        )
    } else {
        let position = crate::analysis::series::calendar_position_of(latest_day);
        let against = before
            .and_then(|line| line.people_by_position(position))
            .map(|(day, before_people)| {
                format!(
                    ", against {} by {} {}",
                    format_number(before_people as f64, 0),
                    crate::dates::day_month(day),
                    day.year()
                )
            })
            .unwrap_or_default();
        format!(
            "By {}, {} had crossed in {}{against} (provisional figures).",
            crate::dates::day_month(latest_day),
            people(latest_people),
            latest.year
        )
    }
}

pub(super) fn year_on_year_chart(
    dataset: &Dataset,
    state: &ViewState,
    chart_size: ChartSize,
) -> ChartView {
    let lines = year_lines_in_range(dataset, state);
    let daily = &dataset.crossings.daily;
    let publisher = first_publisher(dataset, &daily.info.source_ids);
    // No year in the dates, no readout: a line per day saying nothing would be read out for each.
    let point_texts = match lines.is_empty() {
        true => Vec::new(),
        false => (0..N_CALENDAR_POSITIONS)
            .map(|position| position_text(&lines, position, &publisher))
            .collect(),
    };
    let years_text = match (lines.first(), lines.last()) {
        (Some(first), Some(last)) if first.year != last.year => {
            format!(", {} to {}", first.year, last.year)
        }
        (Some(only), _) => format!(", {}", only.year),
        _ => String::new(),
    };
    let title = "People crossing since 1 January, year by year".to_string();
    let cited_sources = format!(
        "{} (provisional, data to {})",
        source_names(dataset, &daily.info.source_ids),
        crate::dates::day_month_year(daily.info.as_of)
    );
    let mut notes = vec!["Each line is labelled with its year at its end and placed by date: in a year without 29 February, that day shows the total to 28 February. A year still in progress is shown to its latest day; \"no data\" marks a year not yet complete.".to_string()];
    if state.date_from.is_some() || state.date_to.is_some() {
        notes.push("The selected dates choose which years are shown; each year is drawn whole, from 1 January.".to_string());
    }
    ChartView {
        chart_id: "crossings".to_string(),
        title: title.clone(),
        subtitle: format!("Cumulative people detected arriving in the UK by small boat from 1 January of each year{years_text}; provisional figures"),
        source_line: super::chart_source_line(dataset, &cited_sources, &daily.info.source_ids),
        cited_sources,
        source_ids: daily.info.source_ids.clone(),
        summary: year_on_year_summary(&lines),
        drawn: draw_year_lines(&lines, chart_size),
        point_texts: PointTexts::from_lines(point_texts),
        table: LazyTable::ready(year_table(dataset, &lines, title)),
        events: Vec::new(),
        notes,
        table_note: None,
    }
}

/// One line a year over a leap year's days, the two latest years in the strongest colours and
/// labelled at their ends, with month names on the axis.
fn draw_year_lines(lines: &[YearLine], chart_size: ChartSize) -> crate::chart::DrawnChart {
    let month_ticks: Vec<(usize, String)> = (1..=12)
        .filter_map(|month| NaiveDate::from_ymd_opt(2024, month, 1))
        .map(|month_start| {
            (
                month_start.ordinal0() as usize,
                crate::dates::short_month(month_start).to_string(),
            )
        })
        .collect();
    let n_lines = lines.len();
    let series = lines
        .iter()
        .enumerate()
        .map(|(line_idx, line)| PlotSeries {
            label: line.year.to_string(),
            values: (0..N_CALENDAR_POSITIONS)
                .map(|position| {
                    line.people_by_position(position)
                        .map(|(_, people)| people as f64)
                })
                .collect(),
            // The two latest years get the strongest colours; earlier years are grey.
            colour_idx: match n_lines - line_idx {
                1 => 0,
                2 => 2,
                3 => 1,
                _ => 4,
            },
            mark: Mark::Line,
            label_at_end: true,
        })
        .collect();
    chart::draw(&SeriesChart {
        x_dates: (0..N_CALENDAR_POSITIONS)
            .filter_map(calendar_position_date)
            .collect(),
        x_tick_override: Some(month_ticks),
        series,
        events: Vec::new(),
        x_is_partial: Vec::new(),
        size: chart_size,
    })
}

/// "By 1 March: 2024 2,716, 2025 2,124 people (provisional, Home Office)", naming the day a year
/// without 29 February reached and where a year's data end.
fn position_text(lines: &[YearLine], position: usize, publisher: &str) -> String {
    let day_name = calendar_position_date(position)
        .map(crate::dates::day_month)
        .unwrap_or_default();
    let values: Vec<String> = lines
        .iter()
        .map(|line| match line.people_by_position(position) {
            Some((day, people)) if day.month() == 2 && day.day() == 28 && position == 59 => {
                format!(
                    "{} (to 28 February, no 29th) {}",
                    line.year,
                    format_number(people as f64, 0)
                )
            }
            Some((_, people)) => format!("{} {}", line.year, format_number(people as f64, 0)),
            None => match line.last_day() {
                Some((last, _)) => format!(
                    "{}: data end on {}",
                    line.year,
                    crate::dates::day_month(last)
                ),
                None => format!("{}: no data", line.year),
            },
        })
        .collect();
    format!(
        "By {day_name}: {} people (provisional, {publisher})",
        values.join(", ")
    )
}

/// Each year's people to the data's latest day of the year, and in the whole year where it is whole.
fn year_table(dataset: &Dataset, lines: &[YearLine], caption: String) -> DataTable {
    let daily = &dataset.crossings.daily;
    let ytd = year_to_date_comparison(daily);
    let column = |heading: String, is_numeric: bool| Column::shown(heading, is_numeric);
    let columns = vec![
        column("Year".to_string(), false),
        column(
            format!(
                "People by {}",
                daily
                    .last_date()
                    .map_or(String::new(), crate::dates::day_month)
            ),
            true,
        ),
        column("People in the whole year".to_string(), true),
    ];
    let rows = lines
        .iter()
        .map(|line| {
            let ytd_people = ytd
                .iter()
                .find(|entry| entry.year == line.year)
                .map(|entry| entry.people as f64);
            let whole_year = line
                .last_day()
                .filter(|_| line.is_complete)
                .map(|(_, people)| people as f64);
            vec![
                Cell::text(&line.year.to_string()),
                Cell::number(ytd_people, 0),
                Cell::number(whole_year, 0),
            ]
        })
        .collect();
    DataTable {
        caption,
        columns,
        rows,
    }
}
