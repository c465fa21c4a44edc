//! Small datasets made for unit tests: the one minimal valid dataset, with the days, official rows and announcements a test chooses.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::data::{parse_dataset, Dataset};

/// A date that exists.
pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a real date")
}

/// The minimal valid dataset as JSON (`tests/fixtures/minimal-valid.json`).
pub fn minimal_tree() -> Value {
    serde_json::from_str(include_str!("../tests/fixtures/minimal-valid.json")).unwrap()
}

/// A tree checked and converted, or a panic listing every problem.
pub fn dataset_from(tree: &Value) -> Dataset {
    parse_dataset(tree.to_string().as_bytes()).unwrap_or_else(|errors| {
        panic!(
            "the fixture is not valid: {}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        )
    })
}

/// The minimal dataset with its daily series replaced: `people[i]` and `boats[i]` on `first` + i days.
/// The dataset's as-of date moves on if the days run past it.
pub fn tree_with_days(first: NaiveDate, people: &[u32], boats: &[u32]) -> Value {
    let mut tree = minimal_tree();
    let last = first + chrono::Days::new(people.len().saturating_sub(1) as u64);
    let daily = &mut tree["crossings"]["daily"];
    daily["first_date"] = json!(crate::dates::iso_date(first));
    daily["as_of"] = json!(crate::dates::iso_date(last));
    daily["people"] = json!(people);
    daily["boats"] = json!(boats);
    daily["uncontrolled_boats"] = json!(vec![Value::Null; people.len()]);
    let as_of = crate::dates::parse_iso_date(tree["as_of"].as_str().unwrap()).unwrap();
    if last > as_of {
        tree["as_of"] = json!(crate::dates::iso_date(last));
    }
    tree
}

/// The minimal dataset with a daily series as `tree_with_days` makes it.
pub fn with_days(first: NaiveDate, people: &[u32], boats: &[u32]) -> Dataset {
    dataset_from(&tree_with_days(first, people, boats))
}

/// Five announcements for filter tests: a month-only date, themes and actors that overlap, and
/// "INTERPOL" in a summary and a title.
pub fn with_announcements() -> Dataset {
    let mut tree = minimal_tree();
    let announcement =
        |id: &str, date: &str, title: &str, summary: &str, actors: &[&str], themes: &[&str]| {
            json!({"id": id, "date": date, "title": title, "summary": summary, "actors": actors,
               "themes": themes, "source_ids": ["s1"]})
        };
    tree["announcements"] = json!([
        announcement(
            "kings-speech",
            "2024-07",
            "A bill in the King's Speech",
            "The government names a border security bill.",
            &["Parliament", "Home Office"],
            &["legislation"]
        ),
        announcement(
            "statement",
            "2024-07-22",
            "Statement to Parliament",
            "The Home Secretary sets out the Command.",
            &["Home Secretary", "Parliament"],
            &["prepare", "legislation"]
        ),
        announcement(
            "funding-75m",
            "2024-09-17",
            "Up to £75 million for the Command",
            "Money for technology; INTERPOL is a partner.",
            &["Home Office"],
            &["funding", "technology"]
        ),
        announcement(
            "interpol-speech",
            "2024-11-04",
            "Speech at the Interpol General Assembly",
            "A recruitment drive is announced.",
            &["Prime Minister", "NCA"],
            &["staffing", "pursue"]
        ),
        announcement(
            "bill-introduced",
            "2025-01-20",
            "Bill introduced",
            "The bill is laid before Parliament.",
            &["Parliament"],
            &["legislation"]
        ),
    ]);
    dataset_from(&tree)
}
