//! The Crossings view's chart: arrivals by period with partial periods marked, or one cumulative line per year.

use crate::closed_set::ClosedSet;
use std::sync::Arc;

use chrono::Datelike;

use super::{
    decimals_for, first_publisher, measure_unit, source_names, status_word, ChartView, EventNote,
    LazyTable, PointTexts,
};
use crate::analysis::filter::filter_announcements;
use crate::analysis::series::{crossings_series, CrossingsSeries, SeriesPoint};
use crate::chart::{self, ChartSize, EventMarker, Mark, PlotSeries, SeriesChart};
use crate::data::{Dataset, Status};
use crate::dates::{days_text, from_days_text};
use crate::export::{Cell, Column, DataTable};
use crate::text::{capitalise, count_of, format_number, join_words};
use crate::view_state::{Measure, Period, ViewState};

/// The crossings chart a view asks for: by period, or one line per year.
pub fn crossings_chart(dataset: &Dataset, state: &ViewState, chart_size: ChartSize) -> ChartView {
    if state.compare_years {
        return super::year_on_year::year_on_year_chart(dataset, state, chart_size);
    }
    let series = crossings_series(dataset, &state.series_request());
    let events = if state.show_events {
        event_notes(dataset, state, &series)
    } else {
        Vec::new()
    };
    series_chart(dataset, series, events, "crossings", chart_size)
}

/// The Briefing's key chart: people crossing by month or by year over the view's dates, provisional
/// figures, its summary naming the latest whole period; no markers, so it reads at a glance.
pub fn briefing_chart(dataset: &Dataset, state: &ViewState, chart_size: ChartSize) -> ChartView {
    let series = crossings_series(
        dataset,
        &state.provisional_people_request(state.briefing_period),
    );
    series_chart(
        dataset,
        series,
        Vec::new(),
        "briefing-crossings",
        chart_size,
    )
}

/// A series drawn with everything around it: title, subtitle, source, summary, notes, and the readout
/// lines and table made when read.
fn series_chart(
    dataset: &Dataset,
    series: CrossingsSeries,
    events: Vec<(usize, EventNote)>,
    chart_id: &str,
    chart_size: ChartSize,
) -> ChartView {
    let drawn = draw_series(&series, &events, chart_size);
    let status = status_word(series.status);
    let title = series_title(series.measure, series.period);
    let subtitle = format!(
        "{} detected arriving in the UK by small boat, {}; {status} figures",
        capitalise(measure_unit(series.measure)),
        span_text(&series)
    );
    let cited_sources = format!(
        "{} ({status}, data to {})",
        source_names(dataset, &series.source_ids),
        crate::dates::day_month_year(series.as_of)
    );
    let publisher = first_publisher(dataset, &series.source_ids);
    let summary = crossings_summary(&series);
    let notes = series_notes(&series);
    // The table's people-per-boat column is empty where no boats crossed: said under its CSV (the
    // page's table says "no boats" in the cell itself).
    let table_note = series.points.iter().any(|point| point.boats == 0).then(|| {
        "People per boat is left empty where no boats crossed: there is nothing to divide by."
            .to_string()
    });
    let caption = format!("{title}, {}", span_text(&series));
    // The readout lines and the table are made from the series only when someone reads them: at a
    // hundred times today's data they would be tens of thousands of formatted numbers per change.
    let series = Arc::new(series);
    ChartView {
        chart_id: chart_id.to_string(),
        title,
        subtitle,
        source_line: super::chart_source_line(dataset, &cited_sources, &series.source_ids),
        cited_sources,
        source_ids: series.source_ids.clone(),
        summary,
        drawn,
        point_texts: series_point_texts(series.clone(), publisher, events_by_position(&events)),
        table: series_table(series, caption),
        events: events.into_iter().map(|(_, note)| note).collect(),
        notes,
        table_note,
    }
}

/// "People crossing the English Channel in small boats, by month"; each measure named as it is counted.
fn series_title(measure: Measure, period: Period) -> String {
    let what = match measure {
        Measure::People => "People crossing the English Channel in small boats",
        Measure::Boats => "Small boats crossing the English Channel",
        Measure::PeoplePerBoat => "People per small boat crossing the English Channel",
    };
    format!("{what}, by {}", period.label())
}

/// "3-month average of people".
fn rolling_label(series: &CrossingsSeries) -> String {
    format!(
        "{}-{} average of {}",
        series.rolling_periods,
        series.period.label(),
        series.measure.label().to_lowercase()
    )
}

/// Bars for months and years, a line for days and weeks.
fn main_mark(period: Period) -> Mark {
    if matches!(period, Period::Month | Period::Year) {
        Mark::Bars
    } else {
        Mark::Line
    }
}

/// The series drawn: its values, the rolling average when asked for, partial periods pale, and the
/// numbered announcement markers.
fn draw_series(
    series: &CrossingsSeries,
    events: &[(usize, EventNote)],
    chart_size: ChartSize,
) -> crate::chart::DrawnChart {
    let mut plot_series = vec![PlotSeries {
        label: series.measure.label().to_string(),
        values: series.points.iter().map(|point| point.value).collect(),
        colour_idx: 0,
        mark: main_mark(series.period),
        label_at_end: false,
    }];
    if series.rolling_periods >= 2 {
        plot_series.push(PlotSeries {
            label: rolling_label(series),
            values: series.points.iter().map(|point| point.rolling).collect(),
            colour_idx: 2,
            mark: Mark::Line,
            label_at_end: false,
        });
    }
    let has_partial = series.points.iter().any(|point| !point.is_complete);
    chart::draw(&SeriesChart {
        x_dates: series.points.iter().map(|point| point.start).collect(),
        x_tick_override: None,
        series: plot_series,
        events: events
            .iter()
            .map(|(x_idx, note)| EventMarker {
                x_idx: *x_idx,
                number: note.number,
            })
            .collect(),
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
    })
}

/// The readout lines, made when read.
/// "Marked: 4. UK joins new G7 anti-migrant smuggling action plan; 5. …" for each position with
/// announcements, keyed by position.
fn events_by_position(events: &[(usize, EventNote)]) -> std::collections::BTreeMap<usize, String> {
    let mut by_position: std::collections::BTreeMap<usize, Vec<String>> =
        std::collections::BTreeMap::new();
    for (x_idx, note) in events {
        by_position.entry(*x_idx).or_default().push(format!(
            "{}. {}",
            note.number,
            note.title.trim_end_matches('.')
        ));
    }
    by_position
        .into_iter()
        .map(|(x_idx, titles)| (x_idx, format!(" Marked: {}.", titles.join("; "))))
        .collect()
}

fn series_point_texts(
    series: Arc<CrossingsSeries>,
    publisher: String,
    marked: std::collections::BTreeMap<usize, String>,
) -> PointTexts {
    PointTexts::new(series.points.len(), move |point_idx| {
        let marked_here = marked.get(&point_idx).map_or("", String::as_str);
        format!(
            "{}{marked_here}",
            point_text(&series, &series.points[point_idx], &publisher)
        )
    })
}

/// "July 2024 (5–31 July): 3,329 people; 3-month average: 4,012 (partial month: 27 of 31 days)
/// (provisional, Home Office)".
fn point_text(series: &CrossingsSeries, point: &SeriesPoint, publisher: &str) -> String {
    let measure = series.measure;
    let value = match point.value {
        Some(value) => format!(
            "{} {}",
            format_number(value, decimals_for(measure)),
            measure_unit(measure)
        ),
        None if measure == Measure::PeoplePerBoat => "no boats, so no people per boat".to_string(),
        None => "no data".to_string(),
    };
    let rolling = point
        .rolling
        .map(|rolling| format!("; {}: {}", rolling_label(series), format_number(rolling, 1)))
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
        "{}: {value}{rolling}{partial} ({}, {publisher})",
        point.label(),
        status_word(series.status)
    )
}

/// The table behind the chart, made when opened or downloaded.
fn series_table(series: Arc<CrossingsSeries>, caption: String) -> LazyTable {
    LazyTable::new(move || DataTable {
        caption: caption.clone(),
        columns: series_columns(&series),
        rows: series
            .points
            .iter()
            .map(|point| series_row(&series, point))
            .collect(),
    })
}

/// The table's columns. The CSV has more, for an analyst's tools: the days as ISO dates (`date`, or
/// `period_start` and `period_end`: the first and last day counted), the year as a number, and whether
/// the period is only partly counted (`partial`); the page shows the period in words.
fn series_columns(series: &CrossingsSeries) -> Vec<Column> {
    let column = |heading: &str, is_numeric: bool| Column::shown(heading, is_numeric);
    let mut columns = match series.period {
        Period::Day => vec![Column::csv_only("date")],
        _ => vec![
            Column::csv_only("period_start"),
            Column::csv_only("period_end"),
        ],
    };
    if series.period == Period::Year {
        columns.push(Column::csv_only("year"));
    }
    columns.push(column(&capitalise(series.period.label()), false));
    if series.period != Period::Day {
        columns.push(column("Days counted", true));
        columns.push(Column::csv_only("partial"));
    }
    columns.extend([
        column("People", true),
        column("Boats", true),
        column("People per boat", true),
    ]);
    if series.rolling_periods >= 2 {
        columns.push(column(&capitalise(&rolling_label(series)), true));
    }
    columns
}

fn series_row(series: &CrossingsSeries, point: &SeriesPoint) -> Vec<Cell> {
    let iso = |date| Cell::text(&crate::dates::iso_date(date));
    let mut row = match series.period {
        Period::Day => vec![iso(point.start)],
        _ => vec![iso(point.start), iso(point.end)],
    };
    if series.period == Period::Year {
        row.push(Cell::year(point.period_start.year()));
    }
    row.push(Cell::text_sorted_by(
        &point.label(),
        &crate::dates::iso_date(point.start),
    ));
    if series.period != Period::Day {
        row.push(Cell::number(Some(f64::from(point.n_days())), 0));
        row.push(Cell::text(if point.is_complete { "false" } else { "true" }));
    }
    row.extend([
        Cell::number(Some(point.people as f64), 0),
        Cell::number(Some(point.boats as f64), 0),
        people_per_boat_cell(point.people, point.boats),
    ]);
    if series.rolling_periods >= 2 {
        row.push(Cell::number(point.rolling, 1));
    }
    row
}

/// People per boat, or "no boats" where none crossed: nothing to divide by, which is not missing data
/// (the CSV cell is empty, and a note under the table says why).
fn people_per_boat_cell(people: u64, boats: u64) -> Cell {
    match crate::analysis::people_per_boat(people, boats) {
        Some(ratio) => Cell::number(Some(ratio), 1),
        None => Cell::missing("no boats"),
    }
}

/// The series' own notes, then what the drawing and the edition need said.
fn series_notes(series: &CrossingsSeries) -> Vec<String> {
    let mut notes = series.notes.clone();
    let has_partial = series.points.iter().any(|point| !point.is_complete);
    if has_partial && main_mark(series.period) == Mark::Bars {
        notes.push("Pale bars with an outline are partial periods.".to_string());
    }
    if series.status == Status::Provisional {
        notes.push(
            "Provisional operational data: the Home Office revises these figures.".to_string(),
        );
    }
    notes
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
    let ranking = ranking_sentence(series);
    format!("{total}{ranking}")
}

/// " The highest whole month was … ; the latest whole month, …, had …": the whole periods named, or
/// why none is. Empty when the series has no period at all to rank.
fn ranking_sentence(series: &CrossingsSeries) -> String {
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
    match (highest, whole_points.last()) {
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
    }
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
                x_idx,
                number: notes.len() + 1,
                date_display: announcement.date.display(),
                title: announcement.title.clone(),
                announcement_id: announcement.announcement_id.clone(),
            },
        ));
    }
    notes
}
