//! `cargo xtask check-data [FILE]` and `cargo xtask diff-data OLD NEW`: check a dataset file with the app's own parser, and say what changed between two, as the app does when a file is opened.

use std::path::Path;

use border_security_explorer::analysis::diff::diff_datasets;
use border_security_explorer::data::{parse_dataset, Dataset};
use border_security_explorer::view_model::{diff_lines, diff_table};

/// Prints what changed from `before` to `after`: the sentences the app shows, then every change.
pub fn print_changes(before: &Dataset, after: &Dataset) {
    let diff = diff_datasets(before, after);
    println!("What changed:");
    for line in diff_lines(&diff, before, after) {
        println!("  {line}");
    }
    let table = diff_table(&diff, before, after);
    if !table.rows.is_empty() {
        println!("Every change ({}):", table.rows.len());
        for row in &table.rows {
            let cells: Vec<&str> = row.iter().map(|cell| cell.shown.as_str()).collect();
            match cells.as_slice() {
                [what, which, change, field, old, new] if !old.is_empty() || !new.is_empty() => {
                    println!("  {what} {which}: {change} {field}: {old:?} -> {new:?}")
                }
                [what, which, change, field, ..] => println!("  {what} {which}: {change} {field}"),
                _ => {}
            }
        }
    }
}

fn read_checked(dataset_path: &Path) -> Result<Dataset, String> {
    let bytes = std::fs::read(dataset_path)
        .map_err(|error| format!("reading {}: {error}", dataset_path.display()))?;
    parse_dataset(&bytes).map_err(|problems| {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!(
            "{} has {} problem(s):\n  {}",
            dataset_path.display(),
            problems.len(),
            listed.join("\n  ")
        )
    })
}

/// Checks both files and prints what changed from the first to the second.
pub fn diff_data_files(old_path: &Path, new_path: &Path) -> Result<(), String> {
    let (before, after) = (read_checked(old_path)?, read_checked(new_path)?);
    println!(
        "Comparing {} (older) with {} (newer).",
        old_path.display(),
        new_path.display()
    );
    print_changes(&before, &after);
    Ok(())
}

/// Checks the file; an error lists every problem with its place in the file.
pub fn check_data_file(dataset_path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(dataset_path)
        .map_err(|error| format!("reading {}: {error}", dataset_path.display()))?;
    match parse_dataset(&bytes) {
        Ok(dataset) => {
            println!(
                "{}: valid. {} sources, {} days of crossings, {} announcements, {} funding records, {} figures; as at {}.",
                dataset_path.display(),
                dataset.sources.len(),
                dataset.crossings.daily.people.len(),
                dataset.announcements.len(),
                dataset.funding.len(),
                dataset.figures.len(),
                dataset.as_of
            );
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                println!("{}: {problem}", dataset_path.display());
            }
            Err(format!(
                "{} problem(s) in {}",
                problems.len(),
                dataset_path.display()
            ))
        }
    }
}
