//! The Briefing's key numbers: every year of data, provisional and official side by side, each row a citable sentence.

use chrono::Datelike;

use super::source_names;
use crate::analysis::{annual_totals, people_per_boat, sum_between, PeriodTotal};
use crate::citation::Cited;
use crate::data::{DailySeries, Dataset, YearRow};
use crate::dates::days_text;
use crate::export::{Cell, Column, DataTable};
use crate::text::count_of;

/// The key-numbers table, a cited sentence for each of its rows, and the lines under its CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyNumbers {
    /// One row per calendar year the daily series touches, oldest first.
    pub table: DataTable,
    /// For each row, the same figures as one sentence with the sources of both editions, for copying.
    pub row_claims: Vec<Cited>,
    /// What a partial year or a missing official figure means.
    pub notes: Vec<String>,
    /// The lines under the table's CSV: the sources and how to cite.
    pub csv_footer: Vec<String>,
}

/// The change in people on the year before, in percent: on the whole year before for a whole year,
/// on the same days of the year before for a partial one. `None` without a year before or with none
/// crossing in it.
fn change_on_year_before(
    daily: &DailySeries,
    years: &[PeriodTotal],
    year_idx: usize,
) -> Option<f64> {
    let total = &years[year_idx];
    let before = &years[year_idx.checked_sub(1)?];
    let before_people = if total.is_complete {
        before.people
    } else {
        let year = total.period_start.year();
        let same_day = crate::calendar::same_day_in_year(last_day_counted(total), year - 1)?;
        sum_between(daily, before.period_start, same_day).0
    };
    crate::text::percent_change(total.people as f64, before_people as f64)
}

/// The last day a year's total counts: the year's end, or the day the daily series ends.
fn last_day_counted(total: &PeriodTotal) -> chrono::NaiveDate {
    total.period_start + chrono::Days::new(u64::from(total.n_days_covered) - 1)
}

/// One row of the table: the year (marked partial, to which date), provisional and official people and
/// boats side by side, people per boat and the change on the year before.
fn key_numbers_row(
    total: &PeriodTotal,
    official_row: Option<&YearRow>,
    change: Option<f64>,
) -> Vec<Cell> {
    let year = total.period_start.year();
    let year_label = if total.is_complete {
        year.to_string()
    } else {
        format!(
            "{year} (to {})",
            crate::dates::day_month(last_day_counted(total))
        )
    };
    let official_cell = |figure: fn(&YearRow) -> u32| {
        official_row.map_or_else(
            || Cell::missing("not yet published"),
            |row| Cell::number(Some(f64::from(figure(row))), 0),
        )
    };
    vec![
        Cell::year(year),
        Cell::text_sorted_by(&year_label, &year.to_string()),
        Cell::number(Some(f64::from(total.n_days_covered)), 0),
        Cell::text(if total.is_complete { "false" } else { "true" }),
        Cell::number(Some(total.people as f64), 0),
        official_cell(|row| row.people),
        Cell::number(Some(total.boats as f64), 0),
        official_cell(|row| row.boats),
        Cell::number(people_per_boat(total.people, total.boats), 1),
        match change {
            Some(change) => Cell {
                shown: crate::text::signed_percent(change),
                csv: format!("{change:.1}"),
                sort_key: crate::export::SortKey::Number(change),
            },
            None => Cell::missing("no year before"),
        },
    ]
}

/// A row as one sentence, provisional and official told apart; its sources are both editions'.
fn row_claim(total: &PeriodTotal, official_row: Option<&YearRow>) -> String {
    let year = total.period_start.year();
    let span = if total.is_complete {
        format!("In {year}")
    } else {
        format!(
            "From {}",
            days_text(total.period_start, last_day_counted(total))
        )
    };
    let official_part = match official_row {
        Some(row) => format!(
            "the official statistics give {} in {}",
            count_of(row.people as usize, "person", "people"),
            count_of(row.boats as usize, "boat", "boats")
        ),
        None => format!("official statistics for {year} are not yet published"),
    };
    format!(
        "{span}, {} crossed the English Channel in {} (provisional figures); {official_part}.",
        count_of(total.people as usize, "person", "people"),
        count_of(total.boats as usize, "small boat", "small boats"),
    )
}

/// The key-numbers table's columns: the year, then provisional beside official.
/// The CSV also has the year as a number, the days it counts and whether it is partial, beside the
/// year in words the page shows ("2026 (to 20 August)").
fn key_numbers_columns() -> Vec<Column> {
    let mut columns = vec![Column::csv_only("year")];
    columns.extend(
        [
            ("Year", false),
            ("People, provisional", true),
            ("People, official", true),
            ("Boats, provisional", true),
            ("Boats, official", true),
            ("People per boat, provisional", true),
            ("Change in people on the year before, provisional (%)", true),
        ]
        .into_iter()
        .map(|(heading, is_numeric)| Column::shown(heading, is_numeric)),
    );
    columns.insert(2, Column::csv_only("days_covered"));
    columns.insert(3, Column::csv_only("partial"));
    columns
}

/// Every year's people and boats from the provisional daily series and from the official statistics,
/// people per boat, and the change on the year before (for a partial year, on the same days of the
/// year before).
pub fn key_numbers(dataset: &Dataset) -> KeyNumbers {
    let daily = &dataset.crossings.daily;
    let official: &[YearRow] = dataset
        .crossings
        .annual
        .first()
        .map_or(&[], |series| series.rows.as_slice());
    let provisional_names = source_names(dataset, &daily.info.source_ids);
    let official_names = dataset
        .crossings
        .annual
        .first()
        .map(|series| source_names(dataset, &series.info.source_ids))
        .unwrap_or_default();
    let years = annual_totals(daily);
    let mut rows = Vec::new();
    let mut row_claims = Vec::new();
    // Provisional first, then official: the order the sentence gives them. A year with no official
    // figures cites the provisional sources alone (its sentence says the official ones are not out).
    let provisional_source_ids = daily.info.source_ids.clone();
    let mut both_source_ids = provisional_source_ids.clone();
    both_source_ids.extend(
        dataset
            .crossings
            .annual
            .first()
            .map(|series| series.info.source_ids.clone())
            .unwrap_or_default(),
    );
    let mut notes = Vec::new();
    for (year_idx, total) in years.iter().enumerate() {
        let year = total.period_start.year();
        let official_row = official.iter().find(|row| row.year == year);
        if !total.is_complete {
            notes.push(format!(
                "{year} is partial: the daily series ends on {}, so its change is on the same days of {}.",
                crate::dates::day_month_year(last_day_counted(total)),
                year - 1
            ));
        }
        rows.push(key_numbers_row(
            total,
            official_row,
            change_on_year_before(daily, &years, year_idx),
        ));
        row_claims.push(Cited::new(
            row_claim(total, official_row),
            match official_row {
                Some(_) => both_source_ids.clone(),
                None => provisional_source_ids.clone(),
            },
        ));
    }
    if years.iter().any(|total| {
        !official
            .iter()
            .any(|row| row.year == total.period_start.year())
    }) {
        notes.push("\"Not yet published\": the official statistics for that year are not in this dataset; the provisional figures stand alone until they are.".to_string());
    }
    let caption = "Small-boat arrivals by year, provisional and official".to_string();
    KeyNumbers {
        table: DataTable {
            caption: caption.clone(),
            columns: key_numbers_columns(),
            rows,
        },
        row_claims,
        notes,
        csv_footer: vec![
            format!("{caption}."),
            format!("Provisional: {provisional_names}. Official: {official_names}."),
            crate::citation::cite_as(&caption, &format!("{provisional_names}; {official_names}")),
        ],
    }
}
