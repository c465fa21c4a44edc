//! Every check of the real bundled dataset against published figures, in one place, each expectation read from `tests/reference/`.
//!
//! When the data are updated (a new weekly spreadsheet, a new official edition), these are the tests that
//! should notice: a revised figure here means the reference file or the dataset needs a look. Unit tests
//! elsewhere run on fixtures made for them, and `true_figures.rs` works out its expectations from the
//! dataset itself, so neither breaks when a figure changes.

#[path = "real_data/conflicts.rs"]
mod conflicts;
#[path = "real_data/seeds.rs"]
mod seeds;

use border_security_explorer::analysis::editions::compare_editions;
use border_security_explorer::analysis::{annual_totals, monthly_totals, sum_between};
use border_security_explorer::data::{parse_dataset, Dataset, SourceKind};
use chrono::{Datelike, NaiveDate};

fn bundled() -> Dataset {
    parse_dataset(include_bytes!("../public/data/dataset.json")).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// The rows of a reference CSV as columns, quoted fields (with commas inside) kept whole.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut columns = vec![String::new()];
            let mut in_quotes = false;
            for character in line.chars() {
                match character {
                    '"' => in_quotes = !in_quotes,
                    ',' if !in_quotes => columns.push(String::new()),
                    _ => columns.last_mut().unwrap().push(character),
                }
            }
            columns
        })
        .collect()
}

/// An empty cell means zero, as the reference files say.
fn count(text: &str) -> u64 {
    if text.is_empty() {
        0
    } else {
        text.parse().unwrap()
    }
}

fn month_start(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{}-01", &text[..7]), "%Y-%m-%d").unwrap()
}

#[test]
fn annual_totals_match_the_published_figures_in_both_editions() {
    let dataset = bundled();
    let provisional = annual_totals(&dataset.crossings.daily);
    let official = &dataset.crossings.annual[0].rows;
    let (mut n_provisional, mut n_official) = (0, 0);
    for row in csv_rows(include_str!("reference/crossings_annual.csv")) {
        let (year, people, boats): (i32, u64, u64) =
            (row[0].parse().unwrap(), count(&row[1]), count(&row[2]));
        if row[3] == "provisional" {
            let total = provisional
                .iter()
                .find(|total| total.period_start.year() == year)
                .unwrap_or_else(|| panic!("no provisional {year}"));
            assert_eq!(
                (total.people, total.boats),
                (people, boats),
                "provisional {year}"
            );
            assert!(total.is_complete, "{year} is a whole year");
            n_provisional += 1;
        } else {
            let row = official
                .iter()
                .find(|official_row| official_row.year == year)
                .unwrap_or_else(|| panic!("no official {year}"));
            assert_eq!(
                (u64::from(row.people), u64::from(row.boats)),
                (people, boats),
                "official {year}"
            );
            n_official += 1;
        }
    }
    assert!(n_provisional >= 8 && n_official >= 8);
    // The latest year is partial exactly when the daily series does not end on 31 December.
    let last_day = dataset.crossings.daily.last_date().unwrap();
    let last = provisional.last().unwrap();
    assert_eq!(
        last.is_complete,
        last_day.month() == 12 && last_day.day() == 31
    );
}

#[test]
fn monthly_totals_match_the_published_figures_in_both_editions() {
    let dataset = bundled();
    let provisional = monthly_totals(&dataset.crossings.daily);
    let mut n_checked = 0;
    for row in csv_rows(include_str!("reference/long_uk_small_boats_monthly.csv")) {
        let month = month_start(&row[0]);
        let total = provisional
            .iter()
            .find(|total| total.period_start == month)
            .unwrap_or_else(|| panic!("no provisional {month}"));
        assert_eq!(
            (total.people, total.boats),
            (count(&row[4]), count(&row[5])),
            "{month}"
        );
        n_checked += 1;
    }
    assert!(n_checked >= 103, "checked {n_checked} months");
    let partial: Vec<_> = provisional
        .iter()
        .filter(|total| !total.is_complete)
        .collect();
    assert!(
        partial.len() <= 1
            && partial
                .iter()
                .all(|total| Some(total) == provisional.last().as_ref()),
        "only the latest month may be partial"
    );
    let official = &dataset.crossings.monthly[0].rows;
    let mut n_official = 0;
    for row in csv_rows(include_str!("reference/crossings_monthly_official.csv")) {
        let month = month_start(&row[0]);
        let found = official
            .iter()
            .find(|official_row| official_row.month == month)
            .unwrap_or_else(|| panic!("no official {month}"));
        assert_eq!(
            (u64::from(found.people), u64::from(found.boats)),
            (count(&row[1]), count(&row[2])),
            "official {month}"
        );
        n_official += 1;
    }
    assert_eq!(
        n_official,
        official.len(),
        "every official month is checked"
    );
}

#[test]
fn published_sums_over_days_match_the_daily_series() {
    let dataset = bundled();
    let rows = csv_rows(include_str!("reference/published_sums.csv"));
    assert!(!rows.is_empty());
    for row in rows {
        let first = NaiveDate::parse_from_str(&row[0], "%Y-%m-%d").unwrap();
        let last = NaiveDate::parse_from_str(&row[1], "%Y-%m-%d").unwrap();
        assert_eq!(
            sum_between(&dataset.crossings.daily, first, last).0,
            count(&row[2]),
            "{first} to {last}"
        );
    }
}

#[test]
fn the_editions_differ_exactly_where_the_published_tables_do() {
    let dataset = bundled();
    let provisional: Vec<(NaiveDate, u64, u64)> =
        csv_rows(include_str!("reference/long_uk_small_boats_monthly.csv"))
            .iter()
            .map(|row| (month_start(&row[0]), count(&row[4]), count(&row[5])))
            .collect();
    // Month, official less provisional people, official less provisional boats.
    let mut expected: Vec<(NaiveDate, i64, i64)> = Vec::new();
    for row in csv_rows(include_str!("reference/crossings_monthly_official.csv")) {
        let month = month_start(&row[0]);
        if let Some((_, people, boats)) = provisional.iter().find(|(start, ..)| *start == month) {
            if (*people, *boats) != (count(&row[1]), count(&row[2])) {
                expected.push((
                    month,
                    count(&row[1]) as i64 - *people as i64,
                    count(&row[2]) as i64 - *boats as i64,
                ));
            }
        }
    }
    let found: Vec<(NaiveDate, i64, i64)> = compare_editions(&dataset)
        .differing_months()
        .iter()
        .map(|difference| {
            (
                difference.period_start,
                difference.people_change(),
                difference.boats_change(),
            )
        })
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn every_record_of_the_bundled_dataset_names_a_known_source() {
    let dataset = bundled();
    let known = |source_id: &String| {
        dataset
            .sources
            .iter()
            .any(|source| &source.source_id == source_id)
    };
    assert!(dataset
        .announcements
        .iter()
        .all(|record| !record.source_ids.is_empty() && record.source_ids.iter().all(known)));
    assert!(dataset
        .funding
        .iter()
        .all(|record| !record.source_ids.is_empty() && record.source_ids.iter().all(known)));
    assert!(dataset
        .figures
        .iter()
        .all(|record| !record.source_ids.is_empty() && record.source_ids.iter().all(known)));
}

#[test]
fn every_source_of_the_bundled_dataset_says_what_it_is_in_public_words() {
    // "Document" is only for files made before the kinds were complete; the notes are for readers, so
    // they name no internal label such as a seed document's number.
    let dataset = bundled();
    for source in &dataset.sources {
        assert_ne!(
            source.kind,
            SourceKind::SeedDocument,
            "{}",
            source.source_id
        );
        let note = source.note.as_deref().unwrap_or("");
        assert!(
            !note.to_lowercase().contains("seed"),
            "{}: {note}",
            source.source_id
        );
    }
}

#[test]
fn the_published_weekly_sheet_agrees_with_the_days() {
    // The weekly view is made from the daily series (so it runs to the last day); the Home Office's
    // own weekly sheet must agree with it wherever it has a week.
    let dataset = bundled();
    let weekly = &dataset.crossings.weekly;
    for (week_idx, &people) in weekly.people.iter().enumerate() {
        let end = weekly.week_ending(week_idx);
        assert_eq!(
            sum_between(&dataset.crossings.daily, end - chrono::Days::new(6), end),
            (u64::from(people), u64::from(weekly.boats[week_idx])),
            "week ending {end}"
        );
    }
}

#[test]
fn key_numbers_show_each_year_as_published_in_both_editions() {
    let dataset = bundled();
    let key = border_security_explorer::view_model::key_numbers(&dataset);
    // Columns are found by their headings, as a reader of the CSV finds them.
    let column_idx = |heading: &str| {
        key.table
            .columns
            .iter()
            .position(|column| column.heading == heading)
            .unwrap_or_else(|| panic!("no column {heading:?}"))
    };
    let year_idx = column_idx("year");
    let csv_of = |year: i32, heading: &str| -> String {
        key.table
            .rows
            .iter()
            .find(|row| row[year_idx].csv == year.to_string())
            .map(|row| row[column_idx(heading)].csv.clone())
            .unwrap_or_else(|| panic!("no row for {year}"))
    };
    let mut n_checked = 0;
    for row in csv_rows(include_str!("reference/crossings_annual.csv")) {
        let year: i32 = row[0].parse().unwrap();
        let (people_column, boats_column) = if row[3] == "provisional" {
            ("People, provisional", "Boats, provisional")
        } else {
            ("People, official", "Boats, official")
        };
        assert_eq!(
            csv_of(year, people_column),
            row[1],
            "{} people {year}",
            row[3]
        );
        assert_eq!(
            csv_of(year, boats_column),
            row[2],
            "{} boats {year}",
            row[3]
        );
        n_checked += 1;
    }
    assert!(n_checked >= 16);
    // Every year of the daily series has a row and a sentence.
    let first = dataset.crossings.daily.first_date.year();
    let last = dataset.crossings.daily.last_date().unwrap().year();
    assert_eq!(key.table.rows.len(), (last - first + 1) as usize);
    assert_eq!(key.row_claims.len(), key.table.rows.len());
}

#[test]
fn the_election_comparison_gives_the_published_sums() {
    use border_security_explorer::analysis::compare::{preset_spans, span_figures, ComparePreset};
    let dataset = bundled();
    let spans = preset_spans(ComparePreset::Election, &dataset, &Default::default());
    let figures = span_figures(&dataset, &spans).unwrap();
    let published: Vec<(NaiveDate, NaiveDate, u64)> =
        csv_rows(include_str!("reference/published_sums.csv"))
            .iter()
            .map(|row| {
                (
                    NaiveDate::parse_from_str(&row[0], "%Y-%m-%d").unwrap(),
                    NaiveDate::parse_from_str(&row[1], "%Y-%m-%d").unwrap(),
                    count(&row[2]),
                )
            })
            .collect();
    let found: Vec<(NaiveDate, NaiveDate, u64)> = figures
        .iter()
        .map(|figures| (figures.span.first, figures.span.last, figures.people))
        .collect();
    assert_eq!(found, published, "PA's figures either side of the election");
}
