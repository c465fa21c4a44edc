//! What each view shows, as plain values: charts with titles, sources, summaries and tables; headline figures.
//!
//! The UI renders these and nothing else, so every number a person sees is worked out here, on the host,
//! under test.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use crate::analysis::filter::{filter_announcements, AnnouncementFilter};
use crate::analysis::series::{crossings_series, cumulative_by_year, CrossingsSeries, YearLine};
use crate::analysis::{funding_count_reason, funding_total, year_to_date_comparison};
use crate::chart::{
    self, format_number, ChartSize, DrawnChart, EventMarker, Mark, PlotSeries, SeriesChart,
};
use crate::data::{Dataset, Status};
use crate::export::{Cell, Column, DataTable};
use crate::view_state::{Measure, Period, ViewState};

/// The drawing size of a chart on a wide screen (the SVG scales to the page), and of every download.
pub const WIDE_CHART_SIZE: ChartSize = ChartSize {
    width_px: 880,
    height_px: 380,
};

/// The drawing size of a chart on a phone: drawn for its width, so the text stays readable without
/// scrolling sideways (fewer axis labels, the same values).
pub const NARROW_CHART_SIZE: ChartSize = ChartSize {
    width_px: 360,
    height_px: 320,
};

/// A chart with everything around it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// Stable id, used in the URL for an open table and in file names.
    pub chart_id: String,
    /// What the chart shows.
    pub title: String,
    /// Measure, place and period.
    pub subtitle: String,
    /// Source and status, written under the chart.
    pub source_line: String,
    /// A generated one-sentence summary (also the chart's accessible description).
    pub summary: String,
    /// The drawing.
    pub drawn: DrawnChart,
    /// One line per x position for the readout: "March 2024: 1,234 people", made when asked for.
    pub point_texts: PointTexts,
    /// The data shown, as a table, made when asked for.
    pub table: LazyTable,
    /// Numbered event markers and what they stand for.
    pub events: Vec<EventNote>,
    /// Caveats to show under the chart.
    pub notes: Vec<String>,
}

/// A chart's readout line for each position, made only when one is read.
#[derive(Clone)]
pub struct PointTexts {
    n_points: usize,
    text_at: Arc<dyn Fn(usize) -> String + Send + Sync>,
}

impl PointTexts {
    /// Lines made by `text_at(point_idx)` for `point_idx` in `0..n_points`.
    pub fn new(n_points: usize, text_at: impl Fn(usize) -> String + Send + Sync + 'static) -> Self {
        PointTexts {
            n_points,
            text_at: Arc::new(text_at),
        }
    }

    /// Lines already made.
    pub fn from_lines(lines: Vec<String>) -> Self {
        let n_points = lines.len();
        PointTexts::new(n_points, move |point_idx| lines[point_idx].clone())
    }

    /// The line for one position; None past the end.
    pub fn get(&self, point_idx: usize) -> Option<String> {
        (point_idx < self.n_points).then(|| (self.text_at)(point_idx))
    }

    pub fn len(&self) -> usize {
        self.n_points
    }

    pub fn is_empty(&self) -> bool {
        self.n_points == 0
    }
}

/// Two charts' lines are the same only if made by the same maker: a recomputed chart counts as changed.
impl PartialEq for PointTexts {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.text_at, &other.text_at)
    }
}

impl std::fmt::Debug for PointTexts {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "PointTexts({} points)", self.n_points)
    }
}

/// A chart's table, made only when someone opens it or downloads it.
#[derive(Clone)]
pub struct LazyTable {
    make: Arc<dyn Fn() -> DataTable + Send + Sync>,
}

impl LazyTable {
    pub fn new(make: impl Fn() -> DataTable + Send + Sync + 'static) -> Self {
        LazyTable {
            make: Arc::new(make),
        }
    }

    /// A table already made.
    pub fn ready(table: DataTable) -> Self {
        LazyTable::new(move || table.clone())
    }

    /// Makes the table.
    pub fn build(&self) -> DataTable {
        (self.make)()
    }
}

/// As for [`PointTexts`]: equal only if made by the same maker.
impl PartialEq for LazyTable {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.make, &other.make)
    }
}

impl std::fmt::Debug for LazyTable {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "LazyTable")
    }
}

/// An announcement marked on a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventNote {
    pub number: usize,
    pub date_display: String,
    pub title: String,
    pub announcement_id: String,
}

/// The names of sources for a source line: "Home Office, “title”".
pub fn source_names(dataset: &Dataset, source_ids: &[String]) -> String {
    let names: Vec<String> = source_ids
        .iter()
        .filter_map(|source_id| {
            dataset
                .sources
                .iter()
                .find(|source| &source.source_id == source_id)
        })
        .map(|source| format!("{}, “{}”", source.publisher, source.title))
        .collect();
    names.join("; ")
}

fn first_publisher(dataset: &Dataset, source_ids: &[String]) -> String {
    source_ids
        .iter()
        .find_map(|source_id| {
            dataset
                .sources
                .iter()
                .find(|source| &source.source_id == source_id)
        })
        .map_or_else(
            || "source not recorded".to_string(),
            |source| source.publisher.clone(),
        )
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Provisional => "provisional",
        Status::Official => "official",
    }
}

fn measure_unit(measure: Measure) -> &'static str {
    match measure {
        Measure::People => "people",
        Measure::Boats => "boats",
        Measure::PeoplePerBoat => "people per boat",
    }
}

fn decimals_for(measure: Measure) -> usize {
    if measure == Measure::PeoplePerBoat {
        1
    } else {
        0
    }
}

/// The crossings chart a view asks for: by period, or one line per year.
pub fn crossings_chart(dataset: &Dataset, state: &ViewState, chart_size: ChartSize) -> ChartView {
    if state.compare_years {
        return year_on_year_chart(dataset, state, chart_size);
    }
    let series = crossings_series(dataset, state);
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
    let source_line = format!(
        "Source: {} ({status}, data to {}).",
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
            is_numeric: false,
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
                    row.push(Cell::text_sorted_by(
                        &if point.is_complete {
                            format!("all {}", point.n_days())
                        } else {
                            format!(
                                "{} of {} (partial)",
                                point.n_days(),
                                point.n_days_in_period()
                            )
                        },
                        &format!("{:03}", point.n_days()),
                    ));
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
        source_line,
        summary,
        drawn,
        point_texts,
        table,
        events: events.into_iter().map(|(_, note)| note).collect(),
        notes,
    }
}

fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(characters).collect()
    })
}

/// "1 announcement", "2 announcements".
pub fn count_of(count: usize, singular: &str, plural: &str) -> String {
    format!(
        "{} {}",
        format_number(count as f64, 0),
        if count == 1 { singular } else { plural }
    )
}

/// "5 July 2024 to 4 July 2025": the days a series counts, or "no dates" when it counts none.
fn span_text(series: &CrossingsSeries) -> String {
    series.span().map_or_else(
        || "no dates".to_string(),
        |(first, last)| days_text(first, last),
    )
}

/// "5 July 2024 to 4 July 2025", or "3 September 2022" for one day.
fn days_text(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        crate::dates::day_month_year(first)
    } else {
        format!(
            "{} to {}",
            crate::dates::day_month_year(first),
            crate::dates::day_month_year(last)
        )
    }
}

/// "From 5 July 2024 to 4 July 2025" or "On 3 September 2022".
fn from_days_text(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        format!("On {}", crate::dates::day_month_year(first))
    } else {
        format!("From {}", days_text(first, last))
    }
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
                crate::analysis::series::join_words(&series.left_out_cut),
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
    let filter = AnnouncementFilter::from_view(state);
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
    let mut notes = vec!["Each line is labelled with its year at its end and placed by date: in a year without 29 February, that day shows the total to 28 February. A year still in progress is shown to its latest day; \"no data\" marks a year not yet complete.".to_string()];
    if state.date_from.is_some() || state.date_to.is_some() {
        notes.push("The selected dates choose which years are shown; each year is drawn whole, from 1 January.".to_string());
    }
    ChartView {
        chart_id: "crossings".to_string(),
        title: title.clone(),
        subtitle: format!("Cumulative people detected arriving in the UK by small boat from 1 January of each year{years_text}; provisional figures"),
        source_line: format!(
            "Source: {} (provisional, data to {}).",
            source_names(dataset, &daily.info.source_ids),
            crate::dates::day_month_year(daily.info.as_of)
        ),
        summary,
        drawn,
        point_texts: PointTexts::from_lines(point_texts),
        table: LazyTable::ready(DataTable { caption: title, columns, rows }),
        events: Vec::new(),
        notes,
    }
}

/// One row of the funding ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingRow {
    pub funding_id: String,
    pub announced_display: String,
    pub amount_display: String,
    pub recipient: String,
    pub purpose: String,
    pub period: String,
    pub is_counted: bool,
    pub count_reason: String,
    pub source_ids: Vec<String>,
}

/// The funding view: the cumulative chart, the ledger, and how the totals were counted.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingView {
    pub chart: ChartView,
    pub rows: Vec<FundingRow>,
    /// "Up to £280 million committed to the Border Security Command…"
    pub bsc_total_sentence: String,
    /// The same for every funding record in range.
    pub all_total_sentence: String,
    /// Yearly rates shown beside the totals.
    pub per_year_sentences: Vec<String>,
    /// Counted one-off money by recipient, largest first.
    pub by_recipient: DataTable,
}

/// Whole pounds in words people use: £75 million, £800,000.
pub fn money(amount_gbp: u64) -> String {
    if amount_gbp >= 1_000_000 {
        format!(
            "£{} million",
            format_number(amount_gbp as f64 / 1_000_000.0, 1)
        )
    } else {
        format!("£{}", format_number(amount_gbp as f64, 0))
    }
}

/// The funding records announced within the view's dates (any part of a month- or year-dated one).
fn funding_in_range<'a>(dataset: &'a Dataset, state: &ViewState) -> Vec<&'a crate::data::Funding> {
    dataset
        .funding
        .iter()
        .filter(|funding| {
            state
                .date_from
                .is_none_or(|from| funding.announced.last_day() >= from)
                && state
                    .date_to
                    .is_none_or(|to| funding.announced.first_day <= to)
        })
        .collect()
}

/// Builds the funding view for the records announced within the view's dates.
/// "up to " before a total that includes an amount stated as an upper bound.
fn upper_bound_qualifier(is_upper_bound: bool) -> &'static str {
    if is_upper_bound {
        "up to "
    } else {
        ""
    }
}

/// The sentence giving the Border Security Command's one-off funding in these records, counted once.
fn bsc_total_sentence(in_range: &[&crate::data::Funding]) -> String {
    let bsc = funding_total(in_range.iter().copied().filter(|funding| funding.for_bsc));
    format!(
        "{}{} of one-off funding announced for the Border Security Command, counting each pound once ({} added; {} left out).",
        capitalise(upper_bound_qualifier(bsc.is_upper_bound)),
        money(bsc.counted_gbp),
        count_of(bsc.counted_ids.len(), "announcement", "announcements"),
        count_of(bsc.left_out_ids.len(), "total or repeat", "totals or repeats")
    )
}

pub fn funding_view(dataset: &Dataset, state: &ViewState, chart_size: ChartSize) -> FundingView {
    let in_range = funding_in_range(dataset, state);
    let all = funding_total(in_range.iter().copied());
    let bsc_total_sentence = bsc_total_sentence(&in_range);
    let all_total_sentence = format!(
        "{}{} across all {} money records in these dates, including partners such as INTERPOL, the CPS and Iraq, again counted once.",
        capitalise(upper_bound_qualifier(all.is_upper_bound)),
        money(all.counted_gbp),
        in_range.len()
    );
    let per_year_sentences = in_range
        .iter()
        .filter(|funding| funding.amount_is_per_year)
        .map(|funding| {
            format!(
                "Also announced: {}{} more per year for {} ({}, {}). A yearly rate, so not added to the totals above.",
                funding.amount_basis.qualifier(),
                money(funding.amount_gbp),
                funding.recipient,
                funding.period,
                funding.announced.display()
            )
        })
        .collect();
    let rows = in_range
        .iter()
        .map(|funding| FundingRow {
            funding_id: funding.funding_id.clone(),
            announced_display: funding.announced.display(),
            amount_display: format!(
                "{}{}{}",
                capitalise(funding.amount_basis.qualifier()),
                money(funding.amount_gbp),
                if funding.amount_is_per_year {
                    " a year"
                } else {
                    ""
                }
            ),
            recipient: funding.recipient.clone(),
            purpose: funding.purpose.clone(),
            period: funding.period.clone(),
            is_counted: funding.relation.is_counted() && !funding.amount_is_per_year,
            count_reason: funding_count_reason(funding),
            source_ids: funding.source_ids.clone(),
        })
        .collect();
    let mut by_recipient: Vec<(String, u64, usize, bool)> = Vec::new();
    for funding in in_range
        .iter()
        .filter(|funding| funding.relation.is_counted() && !funding.amount_is_per_year)
    {
        match by_recipient
            .iter_mut()
            .find(|(recipient, ..)| *recipient == funding.recipient)
        {
            Some(entry) => {
                entry.1 += funding.amount_gbp;
                entry.2 += 1;
                entry.3 |= funding.amount_basis.qualifier() == "up to "
                    || funding.amount_basis.qualifier() == "nearly ";
            }
            None => by_recipient.push((
                funding.recipient.clone(),
                funding.amount_gbp,
                1,
                funding.amount_basis.qualifier() == "up to "
                    || funding.amount_basis.qualifier() == "nearly ",
            )),
        }
    }
    by_recipient.sort_by(|left, right| right.1.cmp(&left.1).then_with(|| left.0.cmp(&right.0)));
    let by_recipient = DataTable {
        caption: "New one-off money by recipient, counted once".to_string(),
        columns: vec![
            Column {
                heading: "Recipient".to_string(),
                is_numeric: false,
            },
            Column {
                heading: "Amount, £".to_string(),
                is_numeric: true,
            },
            Column {
                heading: "Announcements".to_string(),
                is_numeric: true,
            },
            Column {
                heading: "Includes upper bounds".to_string(),
                is_numeric: false,
            },
        ],
        rows: by_recipient
            .into_iter()
            .map(|(recipient, amount_gbp, n_records, has_bound)| {
                vec![
                    Cell::text(&recipient),
                    Cell::number(Some(amount_gbp as f64), 0),
                    Cell::number(Some(n_records as f64), 0),
                    Cell::text(if has_bound {
                        "Yes (\"up to\" or \"nearly\")"
                    } else {
                        "No"
                    }),
                ]
            })
            .collect(),
    };
    FundingView {
        by_recipient,
        chart: funding_chart(&in_range, chart_size),
        rows,
        bsc_total_sentence,
        all_total_sentence,
        per_year_sentences,
    }
}

fn funding_chart(in_range: &[&crate::data::Funding], chart_size: ChartSize) -> ChartView {
    // One position per month from the first to the last announcement; two cumulative lines.
    let counted: Vec<_> = in_range
        .iter()
        .filter(|funding| funding.relation.is_counted() && !funding.amount_is_per_year)
        .collect();
    let first_month = counted
        .iter()
        .map(|funding| month_start(funding.announced.first_day))
        .min();
    let last_month = counted
        .iter()
        .map(|funding| month_start(funding.announced.first_day))
        .max();
    let mut months = Vec::new();
    if let (Some(mut month), Some(last)) = (first_month, last_month) {
        while month <= last {
            months.push(month);
            month = crate::data::next_month_start(month).unwrap_or(last + chrono::Days::new(1));
        }
    }
    let cumulative = |only_bsc: bool| -> Vec<u64> {
        let mut running = 0u64;
        months
            .iter()
            .map(|month| {
                running += counted
                    .iter()
                    .filter(|funding| {
                        (!only_bsc || funding.for_bsc)
                            && month_start(funding.announced.first_day) == *month
                    })
                    .map(|funding| funding.amount_gbp)
                    .sum::<u64>();
                running
            })
            .collect()
    };
    let bsc_cumulative = cumulative(true);
    let all_cumulative = cumulative(false);
    let to_millions = |values: &[u64]| {
        values
            .iter()
            .map(|&gbp| Some(gbp as f64 / 1_000_000.0))
            .collect::<Vec<_>>()
    };
    let drawn = chart::draw(&SeriesChart {
        x_dates: months.clone(),
        x_tick_override: None,
        series: vec![
            PlotSeries {
                label: "All".to_string(),
                values: to_millions(&all_cumulative),
                colour_idx: 1,
                mark: Mark::Line,
                label_at_end: true,
            },
            PlotSeries {
                label: "BSC".to_string(),
                values: to_millions(&bsc_cumulative),
                colour_idx: 0,
                mark: Mark::Line,
                label_at_end: true,
            },
        ],
        events: Vec::new(),
        x_is_partial: Vec::new(),
        size: chart_size,
    });
    let point_texts = months
        .iter()
        .enumerate()
        .map(|(month_idx, month)| {
            format!(
                "By the end of {}: {} for the Border Security Command, {} in all (one-off amounts, counted once)",
                crate::dates::month_year(*month),
                money(bsc_cumulative[month_idx]),
                money(all_cumulative[month_idx])
            )
        })
        .collect();
    let rows = months
        .iter()
        .enumerate()
        .map(|(month_idx, month)| {
            vec![
                Cell::text_sorted_by(
                    &crate::dates::month_year(*month),
                    &crate::dates::iso_month(*month),
                ),
                Cell::number(Some(bsc_cumulative[month_idx] as f64), 0),
                Cell::number(Some(all_cumulative[month_idx] as f64), 0),
            ]
        })
        .collect();
    let source_ids: Vec<String> = {
        let mut ids: Vec<String> = counted
            .iter()
            .flat_map(|funding| funding.source_ids.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let title = "Funding announced, cumulative, counted once".to_string();
    let summary = match (months.first(), months.last(), bsc_cumulative.last(), all_cumulative.last()) {
        (Some(first), Some(last), Some(bsc), Some(all)) => format!(
            "{}, one-off announcements added up to {} for the Border Security Command and {} in all, each pound counted once.",
            if first == last {
                format!("In {}", crate::dates::month_year(*first))
            } else {
                format!(
                    "From {} to {}",
                    crate::dates::month_year(*first),
                    crate::dates::month_year(*last)
                )
            },
            money(*bsc),
            money(*all)
        ),
        _ => "No funding was announced in the selected dates.".to_string(),
    };
    ChartView {
        chart_id: "funding".to_string(),
        title: title.clone(),
        subtitle: "Cumulative one-off amounts announced, £ million, by month of announcement; totals and re-announcements left out".to_string(),
        source_line: format!("Sources: {} announcements cited in the ledger below ({} sources).", counted.len(), source_ids.len()),
        summary,
        drawn,
        point_texts: PointTexts::from_lines(point_texts),
        table: LazyTable::ready(DataTable {
            caption: title,
            columns: vec![
                Column { heading: "Month".to_string(), is_numeric: false },
                Column { heading: "Border Security Command, £ (cumulative)".to_string(), is_numeric: true },
                Column { heading: "All recipients, £ (cumulative)".to_string(), is_numeric: true },
            ],
            rows,
        }),
        events: Vec::new(),
        notes: vec!["Amounts stated as \"up to\" or \"nearly\" are counted at their upper bound, so totals that include them are upper bounds too.".to_string()],
    }
}

fn month_start(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), date.month(), 1).unwrap_or(date)
}

/// A headline figure on the briefing view.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// Stable id for tests and the copy button.
    pub headline_id: String,
    /// The figure as shown: "45,774".
    pub value: String,
    /// What it counts, with its unit.
    pub label: String,
    /// The period or date.
    pub period: String,
    /// Provisional, official, or announced.
    pub status: String,
    /// The sources behind it.
    pub source_ids: Vec<String>,
    /// One sentence with number, period and source, for copying into briefings.
    pub citation: String,
}

/// The headline figures.
pub fn headlines(dataset: &Dataset, state: &ViewState) -> Vec<Headline> {
    let mut headlines = Vec::new();
    let in_range = funding_in_range(dataset, state);
    let bsc = funding_total(in_range.iter().copied().filter(|record| record.for_bsc));
    let bsc_source_ids: Vec<String> = in_range
        .iter()
        .filter(|record| bsc.counted_ids.contains(&record.funding_id))
        .flat_map(|record| record.source_ids.clone())
        .collect();
    headlines.push(Headline {
        headline_id: "bsc-funding".to_string(),
        value: format!("{}{}", capitalise(if bsc.is_upper_bound { "up to " } else { "" }), money(bsc.counted_gbp)),
        label: "New one-off funding for the Border Security Command, each pound counted once".to_string(),
        period: date_range_text(state),
        status: "Announced".to_string(),
        citation: format!(
            "{}{} of new one-off funding was announced for the Border Security Command ({}), counting each pound once (government announcements; Border Security Briefing Explorer).",
            capitalise(if bsc.is_upper_bound { "up to " } else { "" }),
            money(bsc.counted_gbp),
            date_range_text(state)
        ),
        source_ids: dedup(bsc_source_ids),
    });
    for (metric, label) in [
        (
            "bsc_staff_to_be_recruited",
            "Border Security Command staff to be recruited",
        ),
        (
            "nca_specialist_investigators_and_intelligence_officers",
            "NCA specialist investigators and intelligence officers to be recruited",
        ),
    ] {
        if let Some(figure) = dataset
            .figures
            .iter()
            .find(|figure| figure.metric == metric)
        {
            headlines.push(Headline {
                headline_id: metric.replace('_', "-"),
                value: format_number(figure.value, 0),
                label: label.to_string(),
                period: format!("Announced {}", figure.time.display()),
                status: "Announced target".to_string(),
                citation: format!(
                    "{} {} (announced {}; {}).",
                    format_number(figure.value, 0),
                    label.to_lowercase(),
                    figure.time.display(),
                    source_names(dataset, &figure.source_ids)
                ),
                source_ids: figure.source_ids.clone(),
            });
        }
    }
    let daily = &dataset.crossings.daily;
    let annual = crate::analysis::annual_totals(daily);
    let complete: Vec<_> = annual.iter().filter(|total| total.is_complete).collect();
    if let [.., before, latest] = complete.as_slice() {
        let change = (latest.people as f64 - before.people as f64) / before.people as f64 * 100.0;
        headlines.push(Headline {
            headline_id: "latest-full-year".to_string(),
            value: format_number(latest.people as f64, 0),
            label: format!(
                "People crossing in small boats in {}, {} {}% on {} ({})",
                latest.period_start.year(),
                if change >= 0.0 { "up" } else { "down" },
                format_number(change.abs(), 0),
                before.period_start.year(),
                format_number(before.people as f64, 0)
            ),
            period: format!("1 January to 31 December {}", latest.period_start.year()),
            status: "Provisional".to_string(),
            citation: format!(
                "{} people crossed the English Channel in small boats in {}, against {} in {} (Home Office provisional data, {}).",
                format_number(latest.people as f64, 0),
                latest.period_start.year(),
                format_number(before.people as f64, 0),
                before.period_start.year(),
                source_names(dataset, &daily.info.source_ids)
            ),
            source_ids: daily.info.source_ids.clone(),
        });
    }
    let ytd = year_to_date_comparison(daily);
    if let [.., last_year, this_year] = ytd.as_slice() {
        headlines.push(Headline {
            headline_id: "year-to-date".to_string(),
            value: format_number(this_year.people as f64, 0),
            label: format!(
                "People crossing in {} to {}, against {} by the same day of {}",
                this_year.year,
                crate::dates::day_month(this_year.through),
                format_number(last_year.people as f64, 0),
                last_year.year
            ),
            period: format!("1 January to {}", crate::dates::day_month_year(this_year.through)),
            status: "Provisional".to_string(),
            citation: format!(
                "{} people crossed the English Channel in small boats between 1 January and {}, against {} by the same day of {} (Home Office provisional data, {}).",
                format_number(this_year.people as f64, 0),
                crate::dates::day_month_year(this_year.through),
                format_number(last_year.people as f64, 0),
                last_year.year,
                source_names(dataset, &daily.info.source_ids)
            ),
            source_ids: daily.info.source_ids.clone(),
        });
    }
    headlines
}

fn dedup(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids.dedup();
    ids
}

/// The view's date range in words: "all dates", "from 1 July 2024", "1 July 2024 to 30 June 2025".
pub fn date_range_text(state: &ViewState) -> String {
    let show = crate::dates::day_month_year;
    match (state.date_from, state.date_to) {
        (None, None) => "all dates in the dataset".to_string(),
        (Some(from), None) => format!("from {}", show(from)),
        (None, Some(to)) => format!("up to {}", show(to)),
        (Some(from), Some(to)) => format!("{} to {}", show(from), show(to)),
    }
}

/// The view's date range as the opening of a sentence: "Across all dates in the dataset", "From 1 January
/// 2025 onwards", "Up to 31 December 2024", "From 1 July 2024 to 30 June 2025".
pub fn date_range_opening(state: &ViewState) -> String {
    let show = crate::dates::day_month_year;
    match (state.date_from, state.date_to) {
        (None, None) => "Across all dates in the dataset".to_string(),
        (Some(from), None) => format!("From {} onwards", show(from)),
        (None, Some(to)) => format!("Up to {}", show(to)),
        (Some(from), Some(to)) if from == to => format!("On {}", show(from)),
        (Some(from), Some(to)) => format!("From {} to {}", show(from), show(to)),
    }
}

/// The line under the filters: the dates asked for and, where the crossings data cover less of them,
/// the days they do cover, so it states the same span as the charts.
pub fn filter_line(dataset: &Dataset, state: &ViewState) -> String {
    let asked = date_range_text(state);
    let daily = &dataset.crossings.daily;
    let Some(data_last) = daily.last_date() else {
        return format!("Showing {asked}.");
    };
    let data_first = daily.first_date;
    let first = state
        .date_from
        .map_or(data_first, |from| from.max(data_first));
    let last = state.date_to.map_or(data_last, |to| to.min(data_last));
    let covered_by_data = (state.date_from.is_none_or(|from| from >= data_first))
        && (state.date_to.is_none_or(|to| to <= data_last));
    if state.date_from.is_none() && state.date_to.is_none() {
        format!(
            "Showing {asked}; crossings data cover {}.",
            days_text(data_first, data_last)
        )
    } else if covered_by_data {
        format!("Showing {asked}.")
    } else if first > last {
        format!(
            "Showing {asked}; no crossings data fall in these dates (they cover {}).",
            days_text(data_first, data_last)
        )
    } else {
        format!(
            "Showing {asked}; crossings data cover {} of these dates.",
            days_text(first, last)
        )
    }
}

/// A short paragraph summarising the data under the current filters, every number worked out here.
pub fn briefing_summary(dataset: &Dataset, state: &ViewState) -> String {
    let filter = AnnouncementFilter::from_view(state);
    let n_announcements = filter_announcements(&dataset.announcements, &filter).len();
    let series = crossings_series(
        dataset,
        &ViewState {
            period: Period::Day,
            measure: Measure::People,
            rolling_periods: 0,
            ..state.clone()
        },
    );
    let (people, boats) = series.totals();
    // Only the sentence: the funding chart and ledger are not needed here.
    let funding_sentence = bsc_total_sentence(&funding_in_range(dataset, state));
    let asked_span = state.date_from.zip(state.date_to);
    let crossings_sentence = match series.span() {
        Some((first, last)) => format!(
            "{} {} crossed in {} ({}; provisional figures).",
            if asked_span == Some((first, last)) {
                "In those dates,".to_string()
            } else {
                format!("Crossings data cover {}: in those days,", days_text(first, last))
            },
            count_of(people as usize, "person", "people"),
            count_of(boats as usize, "boat", "boats"),
            crate::analysis::people_per_boat(people, boats).map_or(
                "no boats, so no average per boat".to_string(),
                |ratio| format!("{} per boat", format_number(ratio, 1))
            ),
        ),
        None => format!(
            "No small-boat crossings data fall in these dates (the provisional series runs from {}).",
            days_text(series.data_first, series.as_of)
        ),
    };
    format!(
        "{}, {} {} the filters. {crossings_sentence} {}",
        date_range_opening(state),
        count_of(n_announcements, "announcement", "announcements"),
        if n_announcements == 1 {
            "matches"
        } else {
            "match"
        },
        funding_sentence
    )
}

#[cfg(test)]
mod tests;
