//! Edition view-model tests: provisional against official, what changed between two files, and the changelog.

use super::*;

#[test]
fn the_editions_paragraph_names_every_month_the_series_differ_in() {
    // The fixture's official rows (January and February 2024; 2023 and 2024) are not its days' sums.
    let dataset = briefing_fixture();
    let paragraph = editions_view(&dataset).paragraph;
    assert!(
        paragraph
            .contains("Of the 2 whole months both cover, they differ in 2 months: January 2024 and February 2024; the table")
            && paragraph.contains("By year they differ in 2023 and 2024."),
        "{paragraph}"
    );
    let mut tree = tree_with_days(date(2024, 1, 1), &[1; 60], &[1; 60]);
    tree["crossings"]["monthly"][0]["rows"] = serde_json::json!([
        {"month": "2024-01", "people": 31, "boats": 31},
        {"month": "2024-02", "people": 32, "boats": 30}
    ]);
    let paragraph = editions_view(&dataset_from(&tree)).paragraph;
    assert!(
        paragraph.contains("Of the 2 whole months both cover, they differ in 1 month: February 2024; the table below gives each difference."),
        "{paragraph}"
    );
}

#[test]
fn the_editions_table_and_chart_give_each_difference_with_its_sign() {
    // 60 days of one person in one boat: January sums to 31, February (2024, a leap year) to 29.
    let mut tree = tree_with_days(date(2024, 1, 1), &[1; 60], &[1; 60]);
    tree["crossings"]["monthly"][0]["rows"] = serde_json::json!([
        {"month": "2024-01", "people": 31, "boats": 31},
        {"month": "2024-02", "people": 20, "boats": 30}
    ]);
    let view = editions_view(&dataset_from(&tree));
    let differences = view.differences.expect("February differs");
    let shown = |row: &[Cell]| {
        row.iter()
            .map(|cell| cell.shown.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(differences.rows.len(), 1, "only February differs");
    assert_eq!(
        shown(&differences.rows[0]),
        ["February 2024", "29", "20", "−9", "29", "30", "+1"]
    );
    assert_eq!(
        differences.rows[0][3].csv, "-9",
        "the CSV keeps a plain minus for spreadsheets"
    );
    let chart = editions_chart_view(&dataset_from(&tree), WIDE_CHART_SIZE)
        .expect("two months are in both series");
    assert_eq!(
        chart.table.build().rows.len(),
        2,
        "the chart's table has every month compared"
    );
    assert_eq!(chart.drawn.geometry.n_positions, 2);
    assert!(
        chart.drawn.geometry.y_min < 0.0,
        "the fall below zero is on the axis"
    );
    assert_eq!(
        chart.summary,
        "Of the 2 whole months both series cover, 1 differs in people; the largest difference is −9 people, in February 2024."
    );
    assert_eq!(
        chart.point_texts.get(0).as_deref(),
        Some("January 2024: 31 people provisional, 31 official (0); boats agree")
    );
    assert_eq!(
        chart.point_texts.get(1).as_deref(),
        Some("February 2024: 29 people provisional, 20 official (−9); 29 boats provisional, 30 official (+1)")
    );
    // Where the official figures agree, there is no table of differences, and the chart says so.
    tree["crossings"]["monthly"][0]["rows"][1]["people"] = serde_json::json!(29);
    tree["crossings"]["monthly"][0]["rows"][1]["boats"] = serde_json::json!(29);
    let agreeing = editions_view(&dataset_from(&tree));
    assert_eq!(agreeing.differences, None);
    assert!(agreeing
        .paragraph
        .contains("They agree in all 2 whole months both cover."));
    assert_eq!(
        editions_chart_view(&dataset_from(&tree), WIDE_CHART_SIZE).map(|chart| chart.summary),
        Some(
            "The two series give the same number of people in all 2 whole months both cover."
                .to_string()
        )
    );
    // With no official month inside the daily series, nothing is compared or drawn.
    tree["crossings"]["monthly"][0]["rows"] =
        serde_json::json!([{"month": "2023-06", "people": 5, "boats": 1}]);
    let apart = editions_view(&dataset_from(&tree));
    let apart_chart = editions_chart_view(&dataset_from(&tree), WIDE_CHART_SIZE);
    assert_eq!((apart.differences, apart_chart.is_none()), (None, true));
    assert!(
        apart.paragraph.contains("No whole month is in both series"),
        "{}",
        apart.paragraph
    );
}

#[test]
fn two_identical_files_have_no_differences_even_when_written_differently() {
    let tree = tree_with_days(date(2024, 1, 1), &[5, 6, 7], &[1, 1, 1]);
    let old = dataset_from(&tree);
    // The same content, pretty-printed and read again: another fingerprint, no differences.
    let pretty = serde_json::to_vec_pretty(&tree).unwrap();
    let new = crate::data::parse_dataset(&pretty).unwrap();
    let diff = crate::analysis::diff::diff_datasets(&old, &new);
    assert!(diff.is_empty(), "{diff:?}");
    let view = diff_view(std::sync::Arc::new(old), std::sync::Arc::new(new));
    assert_eq!(view.lines[0], "Both are data as at 31 January 2025.");
    assert!(
        view.lines[1].starts_with("No differences"),
        "{:?}",
        view.lines
    );
    assert!(view.table().rows.is_empty());
    assert_eq!(view.row_count, 0);
}

#[test]
fn a_newer_file_is_compared_record_by_record_and_day_by_day() {
    let old_tree = tree_with_days(date(2024, 1, 1), &[5, 6, 7], &[1, 1, 1]);
    let mut new_tree = tree_with_days(date(2024, 1, 1), &[5, 9, 7, 2, 3], &[1, 2, 1, 1, 1]);
    new_tree["as_of"] = "2025-02-28".into();
    new_tree["announcements"][0]["summary"] = "A new summary.".into();
    new_tree["announcements"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "a2", "date": "2024-12", "title": "Second", "summary": "S.", "actors": ["Home Office"],
        "themes": ["pursue"], "source_ids": ["s1"]
    }));
    new_tree["figures"].as_array_mut().unwrap().remove(1);
    new_tree["crossings"]["monthly"][0]["rows"][0]["people"] = 44.into();
    new_tree["crossings"]["monthly"][0]["rows"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"month": "2024-03", "people": 1, "boats": 1}));
    new_tree["crossings"]["monthly"][0]["as_of"] = "2024-03-31".into();
    let (old, new) = (dataset_from(&old_tree), dataset_from(&new_tree));
    assert!(!crate::analysis::diff::diff_datasets(&old, &new).is_empty());
    let view = diff_view(std::sync::Arc::new(old), std::sync::Arc::new(new));
    let table = view.table();
    assert_eq!(table.rows.len(), view.row_count);
    assert_eq!(
        view.lines,
        [
            "The data on screen were as at 31 January 2025; the file opened is as at 28 February 2025.",
            "Announcements: 1 added (Second (December 2024)) and 1 changed (T (8 July 2024): summary).",
            "Figures: 1 removed (People per boat (January 2024 to December 2024)).",
            "Daily crossings (provisional): 2 days added (4 January 2024 to 5 January 2024) and 1 day revised, by +3 people and +1 boat in all, in January 2024; the largest: 2 January 2024 (6 to 9 people).",
            "Official monthly statistics: 1 month added (March 2024) and 1 month revised (January 2024: 42 to 44 people).",
        ]
    );
    let shown = |row: &[Cell]| {
        row.iter()
            .map(|cell| cell.shown.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        shown(&table.rows[0]),
        [
            "announcement",
            "T (8 July 2024) [a1]",
            "changed",
            "summary",
            "S",
            "A new summary."
        ]
    );
    assert_eq!(
        table.rows.len(),
        7,
        "{:?}",
        table.rows.iter().map(|row| shown(row)).collect::<Vec<_>>()
    );
}

#[test]
fn the_changelog_is_listed_newest_first_or_said_to_be_missing() {
    let mut tree = tree_with_days(date(2024, 1, 1), &[1; 3], &[1; 3]);
    assert!(changelog_entries(&dataset_from(&tree))
        .unwrap_err()
        .starts_with("This file keeps no changelog"));
    tree["changelog"] = serde_json::json!([
        {"date": "2025-01-10", "summary": "Older."},
        {"date": "2025-01-31", "summary": "Newer."}
    ]);
    assert_eq!(
        changelog_entries(&dataset_from(&tree)).unwrap(),
        [
            ("31 January 2025".to_string(), "Newer.".to_string()),
            ("10 January 2025".to_string(), "Older.".to_string())
        ]
    );
}
