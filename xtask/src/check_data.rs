//! `cargo xtask check-data [FILE]`: checks a dataset file with the app's own parser and prints every problem.

use std::path::Path;

use border_security_explorer::data::parse_dataset;

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
