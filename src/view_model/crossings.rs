//! The Crossings view's chart: arrivals by period with partial periods marked, or one cumulative line per year.

use crate::closed_set::ClosedSet;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::{
    days_text, decimals_for, first_publisher, from_days_text, measure_unit, source_names,
    status_word, ChartView, EventNote, LazyTable, PointTexts,
};
use crate::analysis::filter::filter_announcements;
use crate::analysis::series::{crossings_series, cumulative_by_year, CrossingsSeries, YearLine};
use crate::analysis::year_to_date_comparison;
use crate::chart::{self, ChartSize, EventMarker, Mark, PlotSeries, SeriesChart};
use crate::data::{Dataset, Status};
use crate::export::{Cell, Column, DataTable};
use crate::text::{capitalise, count_of, format_number, join_words};
use crate::view_state::{Measure, Period, ViewState};

/// The crossings chart a view asks for: by period, or one line per year.
pub fn crossings_chart(dataset: &Dataset, state: &ViewState, chart_size: ChartSize) -> ChartView {
    if state.compare_years {
        return year_on_year_chart(dataset, state, chart_size);
    }
    let series = crossings_series(dataset, &state.series_request());
    let measure = state.measure;
    let decimals = decimals_for(measure);
    let x_dates: Vec<NaiveDate> = series.points.iter().map(|point| point.start).collect();
    let mark = if matches!(series.period, Period::Month | Period::Year) {
        Mark::Bars
    } else {
        Mark::Line
    };
    let mut plot_series = vec![PlotSeries {
        label: measure.label().to_string(),
        values: series.points.iter().map(|point| point.value).collect(),
        colour_idx: 0,
        mark,
        label_at_end: false,
    }];
    let rolling_label = format!(
        "{}-{} average",
        series.rolling_periods,
        series.period.label()
    );
    if series.rolling_periods >= 2 {
        plot_series.push(PlotSeries {
            label: rolling_label.clone(),
            values: series.points.iter().map(|point| point.rolling).collect(),
            colour_idx: 2,
            mark: Mark::Line,
            label_at_end: false,
        });
    }
    let events = if state.show_events {
        event_notes(dataset, state, &series)
    } else {
        Vec::new()
    };
    let markers = events
        .iter()
        .map(|(x_idx, note)| EventMarker {
            x_idx: *x_idx,
            number: note.number,
        })
        .collect();
    let has_partial = series.points.iter().any(|point| !point.is_complete);
    let drawn = chart::draw(&SeriesChart {
        x_dates,
        x_tick_override: None,
        series: plot_series,
        events: markers,
        x_is_partial: if has_partial {
            series
                .points
                .iter()
                .map(|point| !point.is_complete)
                .collect()
        } else {
            Vec::new()
        },
        size: chart_size,
    });
    let status = status_word(series.status);
    let title = format!(
        "{} crossing the English Channel in small boats, by {}",
        match measure {
            Measure::People => "People",
            Measure::Boats => "Boats",
            Measure::PeoplePerBoat => "People per boat",
        },
        series.period.label()
    );
    let subtitle = format!(
        "{} detected arriving in the UK by small boat, {}; {status} figures",
        capitalise(measure_unit(measure)),
        span_text(&series)
    );
    let cited_sources = format!(
        "{} ({status}, data to {})",
        source_names(dataset, &series.source_ids),
        crate::dates::day_month_year(series.as_of)
    );
    let publisher = first_publisher(dataset, &series.source_ids);
    // The readout lines and the table are made from the series only when someone reads them: at a
    // hundred times today's data they would be tens of thousands of formatted numbers per change.
    let series = Arc::new(series);
    let series_for_texts = series.clone();
    let rolling_label_for_texts = rolling_label.clone();
    let point_texts = PointTexts::new(series.points.len(), move |point_idx| {
        let series = &series_for_texts;
        let point = &series.points[point_idx];
        let value = match point.value {
            Some(value) => format!(
                "{} {}",
                format_number(value, decimals),
                measure_unit(measure)
            ),
            None if measure == Measure::PeoplePerBoat => {
                "no boats, so no people per boat".to_string()
            }
            None => "no data".to_string(),
        };
        let rolling = point
            .rolling
            .map(|rolling| format!("; {rolling_label_for_texts}: {}", format_number(rolling, 1)))
            .unwrap_or_default();
        let partial = if point.is_complete {
            String::new()
        } else {
            format!(
                " (partial {}: {} of {} days)",
                series.period.label(),
                point.n_days(),
                point.n_days_in_period()
            )
        };
        format!(
            "{}: {value}{rolling}{partial} ({status}, {publisher})",
            point.label()
        )
    });
    let mut columns = vec![Column {
        heading: capitalise(series.period.label()),
        is_numeric: false,
    }];
    if series.period != Period::Day {
        columns.push(Column {
            heading: "Days counted".to_string(),
            is_numeric: true,
        });
    }
    columns.extend([
        Column {
            heading: "People".to_string(),
            is_numeric: true,
        },
        Column {
            heading: "Boats".to_string(),
            is_numeric: true,
        },
        Column {
            heading: "People per boat".to_string(),
            is_numeric: true,
        },
    ]);
    if series.rolling_periods >= 2 {
        columns.push(Column {
            heading: capitalise(&rolling_label),
            is_numeric: true,
        });
    }
    let series_for_table = series.clone();
    let caption = format!("{title}, {}", span_text(&series));
    let table = LazyTable::new(move || {
        let series = &series_for_table;
        let rows = series
            .points
            .iter()
            .map(|point| {
                let mut row = vec![Cell::text_sorted_by(
                    &point.label(),
                    &crate::dates::iso_date(point.start),
                )];
                if series.period != Period::Day {
                    row.push(Cell::number(Some(f64::from(point.n_days())), 0));
                }
                row.extend([
                    Cell::number(Some(point.people as f64), 0),
                    Cell::number(Some(point.boats as f64), 0),
                    Cell::number(
                        crate::analysis::people_per_boat(point.people, point.boats),
                        1,
                    ),
                ]);
                if series.rolling_periods >= 2 {
                    row.push(Cell::number(point.rolling, 1));
                }
                row
            })
            .collect();
        DataTable {
            caption: caption.clone(),
            columns: columns.clone(),
            rows,
        }
    });
    let summary = crossings_summary(&series);
    let mut notes = series.notes.clone();
    if has_partial && mark == Mark::Bars {
        notes.push("Pale bars with an outline are partial periods.".to_string());
    }
    if series.status == Status::Provisional {
        notes.push(
            "Provisional operational data: the Home Office revises these figures.".to_string(),
        );
    }
    ChartView {
        chart_id: "crossings".to_string(),
        title: title.clone(),
        subtitle,
        source_line: format!("Source: {cited_sources}."),
        cited_sources,
        summary,
        drawn,
        point_texts,
        table,
        events: events.into_iter().map(|(_, note)| note).collect(),
        notes,
    }
}

/// "5 July 2024 to 4 July 2025": the days a series counts, or "no dates" when it counts none.
pub(crate) fn span_text(series: &CrossingsSeries) -> String {
    series.span().map_or_else(
        || "no dates".to_string(),
        |(first, last)| days_text(first, last),
    )
}

/// The summary of a crossings series: the total over the days it counts, then the highest and the
/// latest whole period. A partial period is never named highest or latest.
fn crossings_summary(series: &CrossingsSeries) -> String {
    let status = status_word(series.status);
    let Some((first, last)) = series.span() else {
        if !series.left_out_cut.is_empty() {
            return format!(
                "No whole {} of official figures lies inside the selected dates: {} {} only partly inside, and official figures cannot be split by day. The provisional series can count part of a {}.",
                series.period.label(),
                join_words(&series.left_out_cut),
                if series.left_out_cut.len() == 1 { "is" } else { "are" },
                series.period.label()
            );
        }
        return format!(
            "No crossings data fall in the selected dates: the {status} series runs from {}.",
            days_text(series.data_first, series.as_of)
        );
    };
    let (people, boats) = series.totals();
    let total = if series.measure == Measure::PeoplePerBoat && boats == 0 {
        format!(
            "{}, no boats were detected arriving, so there is no people-per-boat figure ({status} figures).",
            from_days_text(first, last)
        )
    } else {
        let per_boat = if series.measure == Measure::PeoplePerBoat {
            crate::analysis::people_per_boat(people, boats)
                .map(|ratio| format!(", {} per boat", format_number(ratio, 1)))
                .unwrap_or_default()
        } else {
            String::new()
        };
        format!(
            "{}, {} crossed in {}{per_boat} ({status} figures).",
            from_days_text(first, last),
            count_of(people as usize, "person", "people"),
            count_of(boats as usize, "boat", "boats"),
        )
    };
    let decimals = decimals_for(series.measure);
    let unit = measure_unit(series.measure);
    let whole = if series.period == Period::Day {
        ""
    } else {
        "whole "
    };
    let period = series.period.label();
    let whole_points: Vec<_> = series
        .points
        .iter()
        .filter(|point| point.is_complete && point.value.is_some())
        .collect();
    let highest = whole_points.iter().max_by(|left, right| {
        left.value
            .partial_cmp(&right.value)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let value_text = |point: &crate::analysis::series::SeriesPoint| {
        format!(
            "{} {unit}",
            format_number(point.value.unwrap_or(0.0), decimals)
        )
    };
    let ranking = match (highest, whole_points.last()) {
        (Some(_), Some(latest)) if whole_points.len() == 1 => format!(
            " The only {whole}{period} in these dates, {}, had {}.",
            latest.label_in_sentence(),
            value_text(latest)
        ),
        (Some(highest), Some(latest)) => format!(
            " The highest {whole}{period} was {} with {}; the latest {whole}{period}, {}, had {}.",
            highest.label_in_sentence(),
            value_text(highest),
            latest.label_in_sentence(),
            value_text(latest)
        ),
        _ if series.points.iter().all(|point| point.is_complete) => String::new(),
        _ => format!(
            " No {whole}{period} lies inside these dates, so none is named highest or latest."
        ),
    };
    format!("{total}{ranking}")
}

/// Announcements that pass the view's filters, placed on the first position their date overlaps (a
/// month-only date on the first day of that month shown, say).
fn event_notes(
    dataset: &Dataset,
    state: &ViewState,
    series: &CrossingsSeries,
) -> Vec<(usize, EventNote)> {
    let filter = state.announcement_filter();
    let mut matching = filter_announcements(&dataset.announcements, &filter);
    matching.reverse();
    let mut notes = Vec::new();
    for announcement_idx in matching {
        let announcement = &dataset.announcements[announcement_idx];
        let (first_day, last_day) = (announcement.date.first_day, announcement.date.last_day());
        let first_overlap = series.points.partition_point(|point| point.end < first_day);
        let Some(x_idx) = series
            .points
            .get(first_overlap)
            .filter(|point| point.start <= last_day)
            .map(|_| first_overlap)
        else {
            continue;
        };
        notes.push((
            x_idx,
            EventNote {
                number: notes.len() + 1,
                date_display: announcement.date.display(),
                title: announcement.title.clone(),
                announcement_id: announcement.announcement_id.clone(),
            },
        ));
    }
    notes
}

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

fn year_on_year_chart(dataset: &Dataset, state: &ViewState, chart_size: ChartSize) -> ChartView {
    let lines = year_lines_in_range(dataset, state);
    let positions = 0..crate::analysis::series::N_CALENDAR_POSITIONS;
    let x_dates: Vec<NaiveDate> = positions
        .clone()
        .filter_map(crate::analysis::series::calendar_position_date)
        .collect();
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
    let publisher = first_publisher(dataset, &dataset.crossings.daily.info.source_ids);
    let series = lines
        .iter()
        .enumerate()
        .map(|(line_idx, line)| PlotSeries {
            label: line.year.to_string(),
            values: positions
                .clone()
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
    let drawn = chart::draw(&SeriesChart {
        x_dates,
        x_tick_override: Some(month_ticks),
        series,
        events: Vec::new(),
        x_is_partial: Vec::new(),
        size: chart_size,
    });
    let daily = &dataset.crossings.daily;
    let summary = year_on_year_summary(&lines);
    let point_texts = positions
        .clone()
        .map(|position| {
            let day_name = crate::analysis::series::calendar_position_date(position)
                .map(crate::dates::day_month)
                .unwrap_or_default();
            let values: Vec<String> = lines
                .iter()
                .map(|line| match line.people_by_position(position) {
                    Some((day, people))
                        if day.month() == 2 && day.day() == 28 && position == 59 =>
                    {
                        format!(
                            "{} (to 28 February, no 29th) {}",
                            line.year,
                            format_number(people as f64, 0)
                        )
                    }
                    Some((_, people)) => {
                        format!("{} {}", line.year, format_number(people as f64, 0))
                    }
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
        })
        .collect();
    let ytd = year_to_date_comparison(daily);
    let columns = vec![
        Column {
            heading: "Year".to_string(),
            is_numeric: false,
        },
        Column {
            heading: format!(
                "People by {}",
                daily
                    .last_date()
                    .map_or(String::new(), crate::dates::day_month)
            ),
            is_numeric: true,
        },
        Column {
            heading: "People in the whole year".to_string(),
            is_numeric: true,
        },
    ];
    let rows = lines
        .iter()
        .map(|line| {
            let ytd_people = ytd
                .iter()
                .find(|entry| entry.year == line.year)
                .map(|entry| entry.people as f64);
            let whole_year = if line.is_complete {
                line.cumulative_people.last().map(|&people| people as f64)
            } else {
                None
            };
            vec![
                Cell::text(&line.year.to_string()),
                Cell::number(ytd_people, 0),
                Cell::number(whole_year, 0),
            ]
        })
        .collect();
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
        source_line: format!("Source: {cited_sources}."),
        cited_sources,
        summary,
        drawn,
        point_texts: PointTexts::from_lines(point_texts),
        table: LazyTable::ready(DataTable { caption: title, columns, rows }),
        events: Vec::new(),
        notes,
    }
}
