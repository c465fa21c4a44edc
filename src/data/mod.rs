//! The dataset model and its checked parsing from JSON; pure, no IO, no browser.
//!
//! The JSON file is read into a `serde_json::Value` tree once, then converted field by field into the
//! types below. The conversion never stops at the first problem: it returns every problem it finds,
//! each with the path of the record and field (`funding[3].amount_gbp: …`).

mod checks;
mod crossings;
pub mod handover;
mod model;
mod reader;
mod records;
mod series_records;
mod strict_json;
mod upkeep;

pub use crossings::*;
pub use model::*;
pub use upkeep::upkeep_warnings;

use std::fmt;

use serde_json::Value;

use reader::{describe, Fields};

/// Cuts text to at most a number of characters, marking the cut (for messages about untrusted input).
pub(crate) use reader::shorten;

/// The only schema version this build reads.
pub const SUPPORTED_SCHEMA_VERSION: u64 = 1;

/// The largest dataset file accepted, in bytes: room for a dataset a hundred times today's (about
/// 13 MB), while protecting the page when a person opens a file of their own.
pub const MAX_DATASET_BYTES: usize = 32 * 1024 * 1024;

/// The most problems reported for one file; a hostile file could otherwise produce millions.
pub const MAX_REPORTED_PROBLEMS: usize = 1_000;

/// One problem found in a dataset, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DataError {
    /// Where the problem is, as a path such as `funding[3].amount_gbp`; empty for the file as a whole.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl DataError {
    pub(crate) fn new(path: &str, message: String) -> Self {
        DataError {
            path: path.to_string(),
            message,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(formatter, "{}", self.message)
        } else {
            write!(formatter, "{}: {}", self.path, self.message)
        }
    }
}

/// The SHA-256 of a dataset file's bytes, as lower-case hex: the same bytes always give the same text.
pub fn fingerprint(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Parses and checks a dataset file, returning every problem found if there are any.
pub fn parse_dataset(bytes: &[u8]) -> Result<Dataset, Vec<DataError>> {
    if bytes.len() > MAX_DATASET_BYTES {
        return Err(vec![DataError::new(
            "",
            format!(
                "the file is {} bytes, more than the {} bytes a dataset may be",
                bytes.len(),
                MAX_DATASET_BYTES
            ),
        )]);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![DataError::new("", "the file is empty".to_string())]);
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        vec![DataError::new(
            "",
            format!(
                "the file is not UTF-8 text (a binary file?): invalid byte at offset {}",
                error.valid_up_to()
            ),
        )]
    })?;
    // Spreadsheet tools and Notepad start UTF-8 files with a byte-order mark; it is not part of the
    // data (the fingerprint stays that of the bytes as given).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde_json refuses nesting deeper than 128 levels, so hostile files cannot exhaust the stack.
    let (tree, duplicate_keys) = strict_json::parse_strict(text).map_err(|failure| {
        let error = &failure.error;
        let excerpt = strict_json::excerpt_around(text, error.line(), error.column());
        vec![DataError::new(
            failure.failed_at.as_deref().unwrap_or(""),
            format!("the file is not valid JSON: {error}, near “{excerpt}”"),
        )]
    })?;
    let duplicates: Vec<DataError> = duplicate_keys
        .into_iter()
        .map(|path| {
            DataError::new(
                &path,
                "is given twice in the same object; each key may appear once (a reader would keep only the second value)"
                    .to_string(),
            )
        })
        .collect();
    let checked = match dataset_from_tree(&tree) {
        Ok(_) if !duplicates.is_empty() => Err(duplicates),
        Ok(dataset) => Ok(dataset),
        Err(errors) => Err(duplicates.into_iter().chain(errors).collect()),
    };
    checked.map_err(|mut errors| {
        if errors.len() > MAX_REPORTED_PROBLEMS {
            let n_more = errors.len() - MAX_REPORTED_PROBLEMS;
            errors.truncate(MAX_REPORTED_PROBLEMS);
            errors.push(DataError::new(
                "",
                format!("…and {n_more} more problems not listed"),
            ));
        }
        errors
    })
}

/// The fields a dataset file has at its top level; any other is refused by name.
const TOP_LEVEL_FIELDS: &[&str] = &[
    "schema_version",
    "title",
    "as_of",
    "description",
    "sources",
    "crossings",
    "announcements",
    "funding",
    "figures",
    "changelog",
];

fn dataset_from_tree(tree: &Value) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let Some(top) = Fields::new(tree, "", &mut errors) else {
        return Err(errors);
    };
    // A file of another schema version is refused before anything else is read, so that its
    // differences do not show up as a flood of unrelated errors.
    check_schema_version(top.raw("schema_version"))?;
    top.reject_unknown(TOP_LEVEL_FIELDS, &mut errors);
    let title = top.text("title", &mut errors);
    let as_of = top.date("as_of", &mut errors);
    let description = top.text("description", &mut errors);
    let sources = top.list("sources", &mut errors, records::source_from_tree);
    let crossings = match top.raw("crossings") {
        Some(value) => series_records::crossings_from_tree(value, "crossings", &mut errors),
        None => {
            errors.push(DataError::new(
                "crossings",
                "is required but missing".into(),
            ));
            None
        }
    };
    let announcements = top.list(
        "announcements",
        &mut errors,
        records::announcement_from_tree,
    );
    let funding = top.list("funding", &mut errors, records::funding_from_tree);
    let figures = top.list("figures", &mut errors, records::figure_from_tree);
    // Optional: files made before the changelog was kept have none.
    let changelog = if top.raw("changelog").is_some() {
        top.list("changelog", &mut errors, records::changelog_entry_from_tree)
    } else {
        Some(Vec::new())
    };

    let (
        Some(title),
        Some(as_of),
        Some(description),
        Some(sources),
        Some(crossings),
        Some(announcements),
        Some(funding),
        Some(figures),
        Some(changelog),
    ) = (
        title,
        as_of,
        description,
        sources,
        crossings,
        announcements,
        funding,
        figures,
        changelog,
    )
    else {
        return Err(errors);
    };
    let dataset = Dataset {
        schema_version: SUPPORTED_SCHEMA_VERSION,
        title,
        as_of,
        description,
        sources,
        changelog,
        crossings,
        announcements,
        funding,
        figures,
        sources_by_id: Default::default(),
    };
    checked_across_records(dataset, tree, errors)
}

/// The dataset if its records agree with each other (every reference leads somewhere, no id twice)
/// and nothing was found wrong before; else every problem.
fn checked_across_records(
    dataset: Dataset,
    tree: &Value,
    mut errors: Vec<DataError>,
) -> Result<Dataset, Vec<DataError>> {
    let ids_in_file = checks::IdsInFile {
        source_ids: checks::IdsInFile::of_list(tree.get("sources")),
        funding_ids: checks::IdsInFile::of_list(tree.get("funding")),
    };
    checks::check_across_records(&dataset, &ids_in_file, &mut errors);
    if errors.is_empty() {
        Ok(dataset)
    } else {
        Err(errors)
    }
}

/// Refuses a file with no schema version or one this app does not read, with that one message.
fn check_schema_version(found: Option<&Value>) -> Result<(), Vec<DataError>> {
    let message = match found {
        Some(Value::Number(number)) if number.as_u64() == Some(SUPPORTED_SCHEMA_VERSION) => {
            return Ok(())
        }
        Some(other) => format!(
            "this app reads schema version {SUPPORTED_SCHEMA_VERSION}, found {}",
            describe(other)
        ),
        None => "is required but missing".to_string(),
    };
    Err(vec![DataError::new("schema_version", message)])
}

/// True for an absolute `https` link with a plain host and no spaces, quotes or control characters.
///
/// This is an allowlist, deliberately narrower than the URL standard: a link that fails it is shown
/// as text and never as a link.
pub fn is_safe_https_url(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://") else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host_is_plain = !host.is_empty()
        && host.chars().all(|character| {
            character.is_ascii_alphanumeric() || matches!(character, '.' | '-' | ':')
        });
    let rest_is_plain = rest.chars().all(|character| {
        character.is_ascii_graphic() && !matches!(character, '"' | '\'' | '<' | '>' | '\\' | '`')
    });
    host_is_plain && rest_is_plain
}

#[cfg(test)]
mod tests;
