//! `cargo xtask check-data [FILE]` and `cargo xtask diff-data OLD NEW`: check a dataset file with the app's own parser, and say what changed between two, as the app does when a file is opened.

use std::path::Path;

use border_security_explorer::analysis::diff::diff_datasets;
use border_security_explorer::data::{parse_dataset, upkeep_warnings, Dataset};
use border_security_explorer::text::{escape_control_characters, is_control_or_direction};
use border_security_explorer::view_model::{diff_lines, diff_table};

/// Prints a line with every control or direction character written out, so text from a dataset can
/// never clear a terminal, set its title or rewrite the lines of a log.
pub fn say(line: &str) {
    println!("{}", escape_control_characters(line));
}

/// A dataset text as the app reads it, or, for a file about to be written, every problem with its
/// place and that `what` (the updated or refreshed dataset) was not written.
pub fn checked_before_writing(text: &str, what: &str) -> Result<Dataset, String> {
    parse_dataset(text.as_bytes()).map_err(|problems| {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!(
            "{what} would not pass the dataset's checks, so it was not written:\n  {}",
            listed.join("\n  ")
        )
    })
}

/// Every text in the file that holds control or direction characters: its place and the characters
/// (`U+202D`), which the app removes when it reads the file.
pub fn control_character_warnings(bytes: &[u8]) -> Vec<String> {
    fn walk(value: &serde_json::Value, path: &str, found: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => {
                let mut characters: Vec<String> = text
                    .chars()
                    .filter(|character| is_control_or_direction(*character))
                    .map(|character| format!("U+{:04X}", u32::from(character)))
                    .collect();
                characters.dedup();
                if !characters.is_empty() {
                    found.push(format!(
                        "{path}: holds control or direction characters ({}), which the app removes when it reads the file",
                        characters.join(", ")
                    ));
                }
            }
            serde_json::Value::Array(items) => {
                for (item_idx, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{item_idx}]"), found);
                }
            }
            serde_json::Value::Object(fields) => {
                for (key, field) in fields {
                    let place = escape_control_characters(key);
                    let child = if path.is_empty() {
                        place
                    } else {
                        format!("{path}.{place}")
                    };
                    walk(field, &child, found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    if let Ok(tree) = serde_json::from_slice::<serde_json::Value>(bytes) {
        walk(&tree, "", &mut found);
    }
    found
}

/// Prints what changed from `before` to `after`: the sentences the app shows, then every change.
pub fn print_changes(before: &Dataset, after: &Dataset) {
    let diff = diff_datasets(before, after);
    say("What changed:");
    for line in diff_lines(&diff, before, after) {
        say(&format!("  {line}"));
    }
    let table = diff_table(&diff, before, after);
    if !table.rows.is_empty() {
        say(&format!("Every change ({}):", table.rows.len()));
        for row in &table.rows {
            let cells: Vec<&str> = row.iter().map(|cell| cell.shown.as_str()).collect();
            match cells.as_slice() {
                [what, which, change, field, old, new] if !old.is_empty() || !new.is_empty() => {
                    say(&format!(
                        "  {what} {which}: {change} {field}: {old:?} -> {new:?}"
                    ))
                }
                [what, which, change, field, ..] => {
                    say(&format!("  {what} {which}: {change} {field}"))
                }
                _ => {}
            }
        }
    }
}

fn read_checked(dataset_path: &Path) -> Result<Dataset, String> {
    let bytes = std::fs::read(dataset_path)
        .map_err(|error| format!("reading {}: {error}", dataset_path.display()))?;
    checked(&bytes, &dataset_path.display().to_string())
}

/// A dataset file's bytes as the app reads them, or every problem with its place, under `name`.
pub fn checked(bytes: &[u8], name: &str) -> Result<Dataset, String> {
    parse_dataset(bytes).map_err(|problems| {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!(
            "{name} has {} problem(s):\n  {}",
            problems.len(),
            listed.join("\n  ")
        )
    })
}

/// Checks both files and prints what changed from the first to the second.
pub fn diff_data_files(old_path: &Path, new_path: &Path) -> Result<(), String> {
    let (before, after) = (read_checked(old_path)?, read_checked(new_path)?);
    say(&format!(
        "Comparing {} (older) with {} (newer).",
        old_path.display(),
        new_path.display()
    ));
    print_changes(&before, &after);
    Ok(())
}

/// What a valid file should still be looked at for, each with its place: control and direction
/// characters in its texts, dates after `today`, money that looks counted twice, and other values that
/// cite the daily series but no longer equal its days summed.
pub fn file_warnings(bytes: &[u8], dataset: &Dataset, today: chrono::NaiveDate) -> Vec<String> {
    let mut warnings = control_character_warnings(bytes);
    warnings.extend(upkeep_warnings(dataset, today));
    warnings.extend(border_security_explorer::analysis::editions::stale_sums_of_days(dataset));
    warnings
}

/// Checks the file; an error lists every problem with its place in the file.
pub fn check_data_file(dataset_path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(dataset_path)
        .map_err(|error| format!("reading {}: {error}", dataset_path.display()))?;
    match parse_dataset(&bytes) {
        Ok(dataset) => {
            let today = crate::dist::today_utc_date().unwrap_or(dataset.as_of);
            for warning in file_warnings(&bytes, &dataset, today) {
                say(&format!("{}: warning: {warning}", dataset_path.display()));
            }
            say(&format!(
                "{}: valid. {} sources, {} days of crossings, {} announcements, {} funding records, {} figures; as at {}.",
                dataset_path.display(),
                dataset.sources.len(),
                dataset.crossings.daily.people.len(),
                dataset.announcements.len(),
                dataset.funding.len(),
                dataset.figures.len(),
                dataset.as_of
            ));
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                say(&format!("{}: {problem}", dataset_path.display()));
            }
            Err(format!(
                "{} problem(s) in {}",
                problems.len(),
                dataset_path.display()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The smallest valid dataset, as a tree to change.
    fn minimal_valid_tree() -> serde_json::Value {
        let fixture = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal-valid.json"),
        )
        .unwrap();
        serde_json::from_str(&fixture).unwrap()
    }

    #[test]
    fn a_file_with_control_or_direction_characters_is_read_clean_and_warned_of_by_place() {
        let mut tree = minimal_valid_tree();
        tree["title"] = serde_json::Value::from("Crossings \u{202E}reversed\u{1b}]0;owned\u{7}");
        let bytes = serde_json::to_vec(&tree).unwrap();
        assert_eq!(
            control_character_warnings(&bytes),
            ["title: holds control or direction characters (U+202E, U+001B, U+0007), which the app removes when it reads the file"]
        );
        let dataset = parse_dataset(&bytes).unwrap();
        assert_eq!(dataset.title, "Crossings reversed]0;owned");
    }

    #[test]
    fn a_maintainer_s_usual_slips_are_warned_of_by_place() {
        let mut tree = minimal_valid_tree();
        // A stated total entered as new money, and a title with a direction override.
        tree["funding"][2]["relation"] = serde_json::json!({ "kind": "new" });
        tree["announcements"][0]["title"] = serde_json::Value::from("A \u{202E}title");
        let bytes = serde_json::to_vec(&tree).unwrap();
        let dataset = parse_dataset(&bytes).unwrap();
        let before_the_data = chrono::NaiveDate::from_ymd_opt(2024, 10, 1).unwrap();
        let warnings = file_warnings(&bytes, &dataset, before_the_data);
        for place in [
            "announcements[0].title: holds control or direction characters",
            "as_of: 2025-01-31 is after today (2024-10-01)",
            "funding[2]: £150 million for BSC is the sum of \"f1\" and \"f2\"",
        ] {
            assert!(
                warnings.iter().any(|warning| warning.starts_with(place)),
                "{place} in {warnings:?}"
            );
        }
    }

    #[test]
    fn an_unknown_key_holding_escapes_is_written_out_in_the_message() {
        let mut tree = minimal_valid_tree();
        tree["\u{1b}[2Jcleared"] = serde_json::Value::from(1);
        let problems = parse_dataset(&serde_json::to_vec(&tree).unwrap()).unwrap_err();
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            listed
                .iter()
                .any(|problem| problem.contains("\\u{1b}[2Jcleared")),
            "{listed:?}"
        );
        assert!(listed.iter().all(|problem| !problem.contains('\u{1b}')));
    }
}
