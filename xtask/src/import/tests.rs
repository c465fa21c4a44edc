//! Importer tests: the reference spreadsheet reproduces the bundled crossings; bad sheets are refused with their place.

use super::*;

/// The Home Office time series the bundled crossings were imported from (a reference file).
fn reference_ods() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/reference/data_small_boats_time_series.ods")
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn text(value: &str) -> Data {
    Data::String(value.to_string())
}

fn daily_sheet(rows: Vec<Vec<Data>>) -> Vec<Vec<Data>> {
    let mut sheet = vec![DAILY_HEADINGS.iter().map(|heading| text(heading)).collect()];
    sheet.extend(rows);
    sheet
}

fn day(date: &str, people: f64, boats: f64) -> Vec<Data> {
    vec![
        Data::DateTimeIso(format!("{date}T00:00:00")),
        Data::Float(people),
        Data::Float(boats),
        text("-"),
    ]
}

#[test]
fn the_fixture_reproduces_the_bundled_crossings_exactly() {
    let (daily, weekly) = read_time_series(&reference_ods()).unwrap();
    let dataset_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data/dataset.json"),
    )
    .unwrap();
    let dataset: Value = serde_json::from_str(&dataset_text).unwrap();
    let (daily_json, weekly_json) = crossings_json(&daily, &weekly);
    assert_eq!(dataset["crossings"]["daily"], daily_json);
    assert_eq!(dataset["crossings"]["weekly"], weekly_json);
    // And hand-checked rows of the sheet itself.
    assert_eq!(
        daily.first_date,
        NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()
    );
    // Every day of the sheet adds up to the published monthly sums (an empty cell is zero).
    let reference = include_str!("../../../tests/reference/long_uk_small_boats_monthly.csv");
    let published_people: u64 = reference
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(4))
        .map(|cell| cell.parse::<u64>().unwrap_or(0))
        .sum();
    assert_eq!(
        daily.people.iter().map(|&n| u64::from(n)).sum::<u64>(),
        published_people
    );
    assert_eq!(
        weekly.first_week_ending,
        NaiveDate::from_ymd_opt(2018, 1, 7).unwrap()
    );
}

#[test]
fn rewriting_the_dataset_keeps_everything_else() {
    let (daily, weekly) = read_time_series(&reference_ods()).unwrap();
    let mut tree = json!({"title": "Kept", "as_of": "2030-01-01", "crossings": {"monthly": ["kept"], "annual": []}, "figures": [1]});
    update_dataset_tree(&mut tree, &daily, &weekly).unwrap();
    assert_eq!(tree["title"], "Kept");
    assert_eq!(
        tree["as_of"], "2030-01-01",
        "a later as-of date is never moved back"
    );
    assert_eq!(tree["crossings"]["monthly"], json!(["kept"]));
    assert_eq!(tree["figures"], json!([1]));
    let mut older = json!({"as_of": "2020-01-01"});
    update_dataset_tree(&mut older, &daily, &weekly).unwrap();
    assert_eq!(older["as_of"], "2026-08-20");
}

#[test]
fn a_renamed_sheet_is_named() {
    let error = read_time_series(&fixture("renamed-sheet.ods")).unwrap_err();
    assert!(
        error.starts_with("sheet SB_01: not found; the spreadsheet has "),
        "{error}"
    );
    assert!(error.contains("SB_01_daily"), "{error}");
}

#[test]
fn a_moved_column_is_named() {
    let mut sheet = daily_sheet(vec![day("2018-01-01", 0.0, 0.0)]);
    sheet[0].swap(1, 2);
    assert_eq!(
        read_daily(&sheet).unwrap_err(),
        "sheet SB_01, row 1, column B: expected the heading \"Migrants arrived\", found \"Boats arrived\"; the publication's layout has changed"
    );
}

#[test]
fn a_non_numeric_cell_is_named() {
    let mut bad_day = day("2018-01-02", 0.0, 0.0);
    bad_day[1] = text("n/a");
    let sheet = daily_sheet(vec![day("2018-01-01", 0.0, 0.0), bad_day]);
    assert_eq!(
        read_daily(&sheet).unwrap_err(),
        "sheet SB_01, row 3, column B: expected a whole number zero or more, found String(\"n/a\")"
    );
    let sheet = daily_sheet(vec![day("2018-01-01", 2.5, 0.0)]);
    assert!(read_daily(&sheet)
        .unwrap_err()
        .starts_with("sheet SB_01, row 2, column B: expected a whole number"));
}

#[test]
fn a_missing_day_is_named() {
    let sheet = daily_sheet(vec![
        day("2018-01-01", 1.0, 1.0),
        day("2018-01-03", 0.0, 0.0),
    ]);
    assert_eq!(
        read_daily(&sheet).unwrap_err(),
        "sheet SB_01, row 3, column A: expected the next day, 2018-01-02, found 2018-01-03; days must run in order with none missing"
    );
}

#[test]
fn a_date_that_is_not_a_date_is_named() {
    let mut bad_day = day("2018-01-01", 0.0, 0.0);
    bad_day[0] = text("first of January");
    assert_eq!(
        read_daily(&daily_sheet(vec![bad_day])).unwrap_err(),
        "sheet SB_01, row 2, column A: expected a date, found String(\"first of January\")"
    );
}

#[test]
fn an_empty_sheet_is_refused() {
    assert_eq!(
        read_daily(&daily_sheet(Vec::new())).unwrap_err(),
        "sheet SB_01: has no data rows under its headings"
    );
}

#[test]
fn weeks_must_end_on_sundays() {
    let mut sheet = vec![WEEKLY_HEADINGS
        .iter()
        .map(|heading| text(heading))
        .collect::<Vec<_>>()];
    sheet.push(vec![
        Data::DateTimeIso("2018-01-08T00:00:00".to_string()),
        Data::Float(0.0),
        Data::Float(0.0),
        text("-"),
        text("-"),
        text("-"),
    ]);
    assert_eq!(
        read_weekly(&sheet).unwrap_err(),
        "sheet SB_02, row 2, column A: weeks end on a Sunday, but 2018-01-08 is a Mon"
    );
}

#[test]
fn compact_json_keeps_lists_of_numbers_on_one_line() {
    let text = to_dataset_json_text(&json!({"a": [1, 2, null], "b": {"c": "d"}}));
    assert_eq!(
        text,
        "{\n  \"a\": [1,2,null],\n  \"b\": {\n    \"c\": \"d\"\n  }\n}\n"
    );
}

#[test]
fn an_import_that_changes_days_records_them_in_the_changelog_and_one_that_does_not_adds_nothing() {
    let bundled_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data/dataset.json"),
    )
    .unwrap();
    let folder = std::env::temp_dir().join(format!("bse-import-changelog-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    // A copy whose second day differs from the sheet by 3 people: the import revises it back.
    let mut edited: Value = serde_json::from_str(&bundled_text).unwrap();
    let sheet_value = edited["crossings"]["daily"]["people"][1].as_u64().unwrap();
    edited["crossings"]["daily"]["people"][1] = json!(sheet_value + 3);
    let edited_path = folder.join("edited.json");
    std::fs::write(&edited_path, serde_json::to_string(&edited).unwrap()).unwrap();
    import_crossings(&reference_ods(), &edited_path).unwrap();
    let imported: Value =
        serde_json::from_str(&std::fs::read_to_string(&edited_path).unwrap()).unwrap();
    let entries = imported["changelog"]
        .as_array()
        .expect("a changelog was added");
    let summary = entries[0]["summary"].as_str().unwrap();
    assert!(summary.starts_with("Imported the Home Office small-boat time series. Daily crossings (provisional): 1 day revised, by −3 people"), "{summary}");
    assert_eq!(entries[0]["date"], json!(crate::dist::today_utc()));
    assert_eq!(
        imported["crossings"]["daily"]["people"][1],
        json!(sheet_value)
    );
    // Importing the same sheet again changes nothing, so no entry is added.
    import_crossings(&reference_ods(), &edited_path).unwrap();
    let again: Value =
        serde_json::from_str(&std::fs::read_to_string(&edited_path).unwrap()).unwrap();
    assert_eq!(again["changelog"].as_array().unwrap().len(), entries.len());
    std::fs::remove_dir_all(&folder).ok();
}
