//! The Sources and method view's figures and text: provisional against official (a note, the periods that differ, a chart of the monthly differences), and how each figure is worked out.

use super::{source_names, ChartView, LazyTable, PointTexts};
use crate::analysis::editions::{compare_editions, EditionComparison, EditionDifference};
use crate::chart::{self, ChartSize, Mark, PlotSeries, SeriesChart};
use crate::data::Dataset;
use crate::export::{Cell, Column, DataTable, SortKey};
use crate::text::{count_of, format_number, join_words, signed_number};

/// Provisional against official on the Sources view: the note and the periods that differ (the chart of
/// monthly differences is `editions_chart_view`, drawn in a task of its own).
#[derive(Debug, Clone, PartialEq)]
pub struct EditionsView {
    /// What each edition is, what revises what, and where they differ, in words.
    pub paragraph: String,
    /// The months and years where people or boats differ; None when they agree everywhere compared.
    pub differences: Option<DataTable>,
}

/// The columns of a comparison of the two editions, after its first (the period).
const EDITION_COLUMNS: [&str; 6] = [
    "People, provisional",
    "People, official",
    "People, official less provisional",
    "Boats, provisional",
    "Boats, official",
    "Boats, official less provisional",
];

fn edition_row(difference: &EditionDifference, period_name: String) -> Vec<Cell> {
    let change_cell = |change: i64| Cell {
        shown: signed_number(change as f64, 0),
        csv: change.to_string(),
        sort_key: SortKey::Number(change as f64),
    };
    vec![
        Cell::text_sorted_by(
            &period_name,
            &crate::dates::iso_date(difference.period_start),
        ),
        Cell::number(Some(difference.provisional_people as f64), 0),
        Cell::number(Some(difference.official_people as f64), 0),
        change_cell(difference.people_change()),
        Cell::number(Some(difference.provisional_boats as f64), 0),
        Cell::number(Some(difference.official_boats as f64), 0),
        change_cell(difference.boats_change()),
    ]
}

fn edition_table(caption: &str, first_column: &str, rows: Vec<Vec<Cell>>) -> DataTable {
    let mut columns = vec![Column::shown(first_column, false)];
    columns.extend(
        EDITION_COLUMNS
            .iter()
            .map(|heading| Column::shown(*heading, true)),
    );
    DataTable {
        caption: caption.to_string(),
        columns,
        rows,
    }
}

/// The paragraph and the table of differing periods, worked out from the two series in the dataset (so
/// they stay true when either is updated).
pub fn editions_view(dataset: &Dataset) -> EditionsView {
    let comparison = compare_editions(dataset);
    let differing_rows: Vec<Vec<Cell>> = comparison
        .differing_months()
        .iter()
        .map(|difference| {
            edition_row(
                difference,
                crate::dates::month_year(difference.period_start),
            )
        })
        .chain(comparison.differing_years().iter().map(|difference| {
            edition_row(
                difference,
                format!(
                    "{} (whole year)",
                    crate::dates::year(difference.period_start)
                ),
            )
        }))
        .collect();
    EditionsView {
        paragraph: editions_paragraph(dataset, &comparison),
        differences: (!differing_rows.is_empty()).then(|| {
            edition_table(
                "Where the official statistics differ from the provisional figures",
                "Period",
                differing_rows,
            )
        }),
    }
}

/// Official less provisional people for every month both editions cover, as a chart; None when no
/// month is in both.
pub fn editions_chart_view(dataset: &Dataset, chart_size: ChartSize) -> Option<ChartView> {
    let comparison = compare_editions(dataset);
    (!comparison.months.is_empty()).then(|| editions_chart(dataset, &comparison.months, chart_size))
}

/// "Provisional: …; official: …": both editions' sources, for the chart's source line and citation.
fn both_editions_sources(dataset: &Dataset) -> String {
    let provisional = source_names(dataset, &dataset.crossings.daily.info.source_ids);
    let official = dataset
        .crossings
        .monthly
        .first()
        .map(|series| source_names(dataset, &series.info.source_ids))
        .unwrap_or_default();
    format!("provisional: {provisional}; official: {official}")
}

/// The ids of both editions' sources, provisional first.
fn both_editions_source_ids(dataset: &Dataset) -> Vec<String> {
    let mut source_ids = dataset.crossings.daily.info.source_ids.clone();
    source_ids.extend(
        dataset
            .crossings
            .monthly
            .first()
            .map(|series| series.info.source_ids.clone())
            .unwrap_or_default(),
    );
    source_ids
}

/// Bars of official less provisional people by month, 0 where they agree.
fn editions_chart(
    dataset: &Dataset,
    months: &[EditionDifference],
    chart_size: ChartSize,
) -> ChartView {
    let title = "Official less provisional figures, by month".to_string();
    let drawn = chart::draw(&SeriesChart {
        x_dates: months.iter().map(|month| month.period_start).collect(),
        x_tick_override: None,
        series: vec![PlotSeries {
            label: "People, official less provisional".to_string(),
            values: months
                .iter()
                .map(|month| Some(month.people_change() as f64))
                .collect(),
            colour_idx: 2,
            mark: Mark::Bars,
            label_at_end: false,
        }],
        events: Vec::new(),
        x_is_partial: Vec::new(),
        size: chart_size,
    });
    let point_texts: Vec<String> = months.iter().map(month_readout).collect();
    let cited_sources = both_editions_sources(dataset);
    let table_rows = months
        .iter()
        .map(|month| edition_row(month, crate::dates::month_year(month.period_start)))
        .collect();
    ChartView {
        chart_id: "editions".to_string(),
        title: title.clone(),
        subtitle: "People: the official monthly statistics less the provisional daily series summed over the same whole month; 0 where they agree".to_string(),
        source_line: super::chart_source_line(dataset, &cited_sources, &both_editions_source_ids(dataset)),
        cited_sources,
        source_ids: both_editions_source_ids(dataset),
        summary: editions_summary(months),
        drawn,
        point_texts: PointTexts::from_lines(point_texts),
        table: LazyTable::ready(edition_table(&title, "Month", table_rows)),
        events: Vec::new(),
        notes: vec!["Only whole months in both series are compared: a month the daily series covers in part is left out.".to_string()],
        table_note: None,
    }
}

/// "August 2020: 1,470 people provisional, 1,469 official (−1); boats agree".
fn month_readout(month: &EditionDifference) -> String {
    let boats = if month.boats_change() == 0 {
        "boats agree".to_string()
    } else {
        format!(
            "{} boats provisional, {} official ({})",
            format_number(month.provisional_boats as f64, 0),
            format_number(month.official_boats as f64, 0),
            signed_number(month.boats_change() as f64, 0)
        )
    };
    format!(
        "{}: {} people provisional, {} official ({}); {boats}",
        crate::dates::month_year(month.period_start),
        format_number(month.provisional_people as f64, 0),
        format_number(month.official_people as f64, 0),
        signed_number(month.people_change() as f64, 0)
    )
}

/// "Of the 80 whole months both series cover, 5 differ in people; the largest difference is −19 people,
/// in July 2022."
fn editions_summary(months: &[EditionDifference]) -> String {
    let differing: Vec<&EditionDifference> = months
        .iter()
        .filter(|month| month.people_change() != 0)
        .collect();
    let Some(largest) = differing
        .iter()
        .max_by_key(|month| month.people_change().abs())
    else {
        return format!(
            "The two series give the same number of people in all {} whole months both cover.",
            months.len()
        );
    };
    format!(
        "Of the {} both series cover, {} in people; the largest difference is {} people, in {}.",
        count_of(months.len(), "whole month", "whole months"),
        count_of(differing.len(), "differs", "differ"),
        signed_number(largest.people_change() as f64, 0),
        crate::dates::month_year(largest.period_start)
    )
}

/// What provisional and official figures are, what revises what, and where the two series in the
/// dataset differ, in words.
fn editions_paragraph(dataset: &Dataset, comparison: &EditionComparison) -> String {
    let daily = &dataset.crossings.daily;
    let official_label = dataset
        .crossings
        .monthly
        .first()
        .map_or("not in this dataset".to_string(), |series| {
            series.info.label.clone()
        });
    let months: Vec<String> = comparison
        .differing_months()
        .iter()
        .map(|difference| crate::dates::month_year(difference.period_start))
        .collect();
    let years: Vec<String> = comparison
        .differing_years()
        .iter()
        .map(|difference| crate::dates::year(difference.period_start))
        .collect();
    let months_sentence = match months.len() {
        _ if comparison.months.is_empty() => {
            "No whole month is in both series, so they cannot be compared by month.".to_string()
        }
        0 => format!(
            "They agree in all {} whole months both cover.",
            comparison.months.len()
        ),
        n_differing => format!(
            "Of the {} whole months both cover, they differ in {}: {}; the table below gives each difference.",
            comparison.months.len(),
            count_of(n_differing, "month", "months"),
            join_words(&months)
        ),
    };
    let years_sentence = match years.len() {
        _ if comparison.years.is_empty() => String::new(),
        0 => format!(
            " They agree in all {} whole years both cover.",
            comparison.years.len()
        ),
        _ => format!(" By year they differ in {}.", join_words(&years)),
    };
    format!(
        "Provisional figures are the Home Office's daily operational counts, to {}; the Home Office says they are subject to change. \
         Official figures are the quarterly statistics, revised between editions: {official_label}. Where a month has both, the official \
         figure is the one to cite: it revises the provisional count, and a later official edition can revise an earlier one. The two are never mixed: \
         every chart says which it shows. {months_sentence}{years_sentence}",
        crate::dates::day_month_year(daily.info.as_of)
    )
}

/// The dataset's changelog, newest first: each update's date and what it added and revised; or a
/// sentence saying the file keeps none.
pub fn changelog_entries(dataset: &Dataset) -> Result<Vec<(String, String)>, String> {
    if dataset.changelog.is_empty() {
        return Err("This file keeps no changelog: it was made before one was kept, or has not been updated since.".to_string());
    }
    let mut entries: Vec<&crate::data::ChangelogEntry> = dataset.changelog.iter().collect();
    // Newest first; entries of one day keep the file's order.
    crate::sorting::sort_by_key(&mut entries, |entry| std::cmp::Reverse(entry.date));
    Ok(entries
        .into_iter()
        .map(|entry| {
            (
                crate::dates::day_month_year(entry.date),
                entry.summary.clone(),
            )
        })
        .collect())
}

/// How each derived figure is worked out, one sentence each.
pub fn method_notes() -> Vec<&'static str> {
    vec![
        "Weekly, monthly and yearly provisional totals are sums of the daily series. A period the selected dates or the end of the data cut is counted over the days inside only, labelled with those days and marked partial; it is never named the highest or the latest.",
        "Official figures are published by whole month and year and cannot be split by day, so a month or year the selected dates cut is left out, and the chart says which.",
        "Year to date compares 1 January to the latest day with the same span of each earlier year (28 February stands for 29 February). The year-by-year chart places each day by its date in that year's own calendar.",
        "People per boat is people divided by boats for the period; it is not shown where no boat arrived. Rolling people per boat divides the window's sums.",
        "A rolling average over N periods is the mean of the N whole periods ending at each point, including periods before the chosen dates; it is not given for a partial period.",
        "Funding totals add only new money. Totals of earlier announcements, re-announcements and parts of a recorded total are shown but not added; amounts stated as \"up to\" make the total an upper bound; yearly rates are never added to one-off sums.",
        "Nothing is estimated or interpolated: a value the sources do not give is shown as missing.",
    ]
}

/// A source as a link shows it: "Publisher: Title", and the address with its domain when it is a safe
/// `https` one (anything else is shown as plain text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLink {
    pub label: String,
    /// The address and its domain, for a safe `https` address.
    pub url_and_domain: Option<(String, String)>,
}

/// The sources with these ids, in that order; ids with no source are left out.
pub fn source_links(dataset: &Dataset, source_ids: &[String]) -> Vec<SourceLink> {
    dataset
        .sources_of(source_ids)
        .map(|source| SourceLink {
            label: format!("{}: {}", source.publisher, source.title),
            url_and_domain: source
                .url
                .as_deref()
                .filter(|url| crate::data::is_safe_https_url(url))
                .map(|url| {
                    let domain = url
                        .trim_start_matches("https://")
                        .split('/')
                        .next()
                        .unwrap_or("")
                        .to_string();
                    (url.to_string(), domain)
                }),
        })
        .collect()
}
