//! Every conflict between sources listed in the reference notes is recorded in the bundled dataset, where `tests/reference/conflicts_recorded.csv` says, and every other value the dataset holds is one of them (part of the real-data checks).

use border_security_explorer::data::{Alternative, Dataset, RowAlternative};
use border_security_explorer::text::format_number;
use chrono::{Datelike, NaiveDate};

use super::{bundled, count, csv_rows, month_start};

const NOTES: &str = include_str!("../reference/sources-README.md");
const RECORDED: &str = include_str!("../reference/conflicts_recorded.csv");

/// The numbered items of the notes' "Known conflicts" list, each with its whole text.
fn listed_conflicts() -> Vec<(u32, String)> {
    let section = NOTES
        .split("## Known conflicts between sources")
        .nth(1)
        .expect("the notes list known conflicts")
        .split("\n## ")
        .next()
        .unwrap();
    let mut items: Vec<(u32, String)> = Vec::new();
    for line in section.lines() {
        let number = line
            .split_once(". ")
            .and_then(|(number, _)| number.parse::<u32>().ok());
        match (number, items.last_mut()) {
            (Some(number), _) => items.push((number, line.to_string())),
            (None, Some((_, text))) => {
                text.push(' ');
                text.push_str(line.trim());
            }
            (None, None) => {}
        }
    }
    items
}

/// The section of the notes on provisional and official figures (it gives the monthly differences).
fn provisional_and_official_section() -> &'static str {
    NOTES
        .split("## Provisional and official")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap()
}

/// The ways the notes may write a value: "45,755", "£70million", "10 Dec 2024", "December 2024".
fn written_forms(value: &str) -> Vec<String> {
    let mut forms = vec![value.to_lowercase()];
    if let Ok(number) = value.parse::<u64>() {
        forms.push(format_number(number as f64, 0));
        if number >= 1_000_000 && number % 1_000_000 == 0 {
            forms.push(format!("£{}million", number / 1_000_000));
            forms.push(format!("£{} million", number / 1_000_000));
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        forms.push(date.format("%-d %b %Y").to_string());
    }
    if let Ok(month) = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d") {
        forms.push(month.format("%B %Y").to_string());
    }
    forms
}

/// The other values the dataset holds for one record or row, as (value, source ids).
fn other_values(dataset: &Dataset, collection: &str, record: &str) -> Vec<(String, Vec<String>)> {
    let from_row = |alternatives: &[RowAlternative]| {
        alternatives
            .iter()
            .map(|alternative| {
                let value = alternative.people.or(alternative.boats).unwrap();
                (value.to_string(), alternative.source_ids.clone())
            })
            .collect::<Vec<_>>()
    };
    let from_record = |alternatives: &[Alternative]| {
        alternatives
            .iter()
            .map(|alternative| (alternative.value.clone(), alternative.source_ids.clone()))
            .collect::<Vec<_>>()
    };
    let crossings = &dataset.crossings;
    match collection {
        "crossings.annual" => from_row(
            &crossings.annual[0]
                .rows
                .iter()
                .find(|row| row.year.to_string() == record)
                .unwrap_or_else(|| panic!("no official year {record}"))
                .alternatives,
        ),
        "crossings.monthly" => from_row(
            &crossings.monthly[0]
                .rows
                .iter()
                .find(|row| row.month == month_start(record))
                .unwrap_or_else(|| panic!("no official month {record}"))
                .alternatives,
        ),
        "announcements" => from_record(
            &dataset
                .announcements
                .iter()
                .find(|item| item.announcement_id == record)
                .unwrap_or_else(|| panic!("no announcement {record}"))
                .alternatives,
        ),
        "funding" => from_record(
            &dataset
                .funding
                .iter()
                .find(|item| item.funding_id == record)
                .unwrap_or_else(|| panic!("no funding record {record}"))
                .alternatives,
        ),
        "figures" => from_record(
            &dataset
                .figures
                .iter()
                .find(|item| item.figure_id == record)
                .unwrap_or_else(|| panic!("no figure {record}"))
                .alternatives,
        ),
        other => panic!("unknown collection {other}"),
    }
}

fn note_of(dataset: &Dataset, collection: &str, record: &str) -> Option<String> {
    match collection {
        "announcements" => dataset
            .announcements
            .iter()
            .find(|item| item.announcement_id == record)
            .and_then(|item| item.note.clone()),
        "funding" => dataset
            .funding
            .iter()
            .find(|item| item.funding_id == record)
            .and_then(|item| item.note.clone()),
        "figures" => dataset
            .figures
            .iter()
            .find(|item| item.figure_id == record)
            .and_then(|item| item.note.clone()),
        "sources" => dataset
            .sources
            .iter()
            .find(|item| item.source_id == record)
            .and_then(|item| item.note.clone()),
        other => panic!("no notes in {other}"),
    }
}

#[test]
fn every_listed_conflict_is_recorded_where_the_reference_says() {
    let dataset = bundled();
    let listed = listed_conflicts();
    assert!(listed.len() >= 20, "the list was read: {}", listed.len());
    let recorded = csv_rows(RECORDED);
    for (number, _) in &listed {
        assert!(
            recorded.iter().any(|row| row[0] == number.to_string()),
            "conflict {number} of the reference notes is not accounted for in conflicts_recorded.csv"
        );
    }
    for row in &recorded {
        let [number, collection, record, kind, value, source_id, phrase] = &row[..] else {
            panic!("a row of conflicts_recorded.csv has the wrong number of columns: {row:?}");
        };
        let (_, text) = listed
            .iter()
            .find(|(listed_number, _)| listed_number.to_string() == *number)
            .unwrap_or_else(|| panic!("conflict {number} is not in the reference notes"));
        match kind.as_str() {
            "alternative" => {
                let found = other_values(&dataset, collection, record);
                assert!(
                    found
                        .iter()
                        .any(|(other, sources)| other == value && sources.contains(source_id)),
                    "conflict {number}: {collection} {record} holds no other value {value} citing {source_id}; it holds {found:?}"
                );
                let mut where_stated = text.to_lowercase();
                if collection.starts_with("crossings.") {
                    where_stated.push_str(&provisional_and_official_section().to_lowercase());
                }
                assert!(
                    written_forms(value)
                        .iter()
                        .any(|form| where_stated.contains(&form.to_lowercase())),
                    "conflict {number}: the value {value} is not what the reference notes give"
                );
            }
            "note" | "source_note" => {
                let note = note_of(&dataset, collection, record).unwrap_or_else(|| {
                    panic!("conflict {number}: {collection} {record} has no note")
                });
                assert!(
                    note.contains(phrase.as_str()),
                    "conflict {number}: the note of {collection} {record} does not say {phrase:?}: {note}"
                );
            }
            other => panic!("unknown kind {other}"),
        }
    }
}

#[test]
fn every_other_value_in_the_dataset_is_one_the_reference_notes_list() {
    let dataset = bundled();
    let recorded = csv_rows(RECORDED);
    let mut places: Vec<(String, String)> = Vec::new();
    places.extend(
        dataset.crossings.annual[0]
            .rows
            .iter()
            .map(|row| ("crossings.annual".to_string(), row.year.to_string())),
    );
    places.extend(dataset.crossings.monthly[0].rows.iter().map(|row| {
        (
            "crossings.monthly".to_string(),
            format!("{}-{:02}", row.month.year(), row.month.month()),
        )
    }));
    places.extend(
        dataset
            .announcements
            .iter()
            .map(|item| ("announcements".to_string(), item.announcement_id.clone())),
    );
    places.extend(
        dataset
            .funding
            .iter()
            .map(|item| ("funding".to_string(), item.funding_id.clone())),
    );
    places.extend(
        dataset
            .figures
            .iter()
            .map(|item| ("figures".to_string(), item.figure_id.clone())),
    );
    let mut checked = 0;
    for (collection, record) in places {
        for (value, source_ids) in other_values(&dataset, &collection, &record) {
            for source_id in source_ids {
                checked += 1;
                assert!(
                    recorded.iter().any(|row| row[1] == collection
                        && row[2] == record
                        && row[3] == "alternative"
                        && row[4] == value
                        && row[5] == source_id),
                    "{collection} {record}: the other value {value} citing {source_id} is not in conflicts_recorded.csv"
                );
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn the_weekly_series_ends_on_its_last_whole_week_and_says_where_the_later_days_are() {
    let dataset = bundled();
    let weekly = &dataset.crossings.weekly;
    let daily = &dataset.crossings.daily;
    let last_week_ending = weekly.week_ending(weekly.people.len() - 1);
    assert_eq!(weekly.info.as_of, last_week_ending);
    let note = weekly.info.note.clone().unwrap();
    assert!(!note.contains("may be incomplete"), "{note}");
    let last_day = daily.last_date().unwrap();
    if last_day > last_week_ending {
        let day_after = last_week_ending + chrono::Days::new(1);
        assert!(
            note.contains(&format!(
                "The days after it, {} to {}, are in the daily series only.",
                day_after.format("%-d %B"),
                last_day.format("%-d %B %Y")
            )),
            "{note}"
        );
    }
}

/// Boats or people in the published monthly sums of the daily sheet, over whole months.
fn published_monthly_sum(first: NaiveDate, last: NaiveDate, column: usize) -> u64 {
    csv_rows(include_str!("../reference/long_uk_small_boats_monthly.csv"))
        .iter()
        .filter(|row| {
            let month = month_start(&row[0]);
            month >= first && month <= last
        })
        .map(|row| count(&row[column]))
        .sum()
}

#[test]
fn the_press_boat_count_to_april_2022_carries_the_daily_series_own_count() {
    let dataset = bundled();
    let figure = dataset
        .figures
        .iter()
        .find(|figure| figure.metric == "boats_arrived_year_to_apr_2022")
        .unwrap();
    let boats = published_monthly_sum(
        NaiveDate::from_ymd_opt(2021, 5, 1).unwrap(),
        NaiveDate::from_ymd_opt(2022, 4, 1).unwrap(),
        5,
    );
    assert_ne!(boats as f64, figure.value, "the two counts differ");
    let note = figure.note.clone().unwrap();
    assert!(
        note.contains(&format!("gives {} boats", format_number(boats as f64, 0))),
        "{note}"
    );
}

#[test]
fn year_to_date_figures_cite_the_home_office_spreadsheet_first_and_match_it() {
    let dataset = bundled();
    for (metric, column) in [
        ("arrivals_2026_year_to_date_provisional", 4),
        ("boats_2026_year_to_date_provisional", 5),
    ] {
        let figure = dataset
            .figures
            .iter()
            .find(|figure| figure.metric == metric)
            .unwrap();
        assert_eq!(figure.source_ids[0], "ho-time-series", "{metric}");
        assert!(
            figure.source_ids.iter().any(|id| id == "national-yearly"),
            "{metric} keeps the republication as a check"
        );
        let year_start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let total = published_monthly_sum(
            year_start,
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            column,
        );
        assert_eq!(figure.value, total as f64, "{metric}");
    }
}
