//! The dataset model and its checked parsing from JSON; pure, no IO, no browser.
//!
//! The JSON file is read into a `serde_json::Value` tree once, then converted field by field into the
//! types below. The conversion never stops at the first problem: it returns every problem it finds,
//! each with the path of the record and field (`funding[3].amount_gbp: …`).

mod reader;

use std::collections::HashSet;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use reader::{describe, Fields};

/// The only schema version this build reads.
pub const SUPPORTED_SCHEMA_VERSION: u64 = 1;

/// The largest dataset file accepted, in bytes. The bundled file is far smaller; the cap protects the
/// page when a person opens a file of their own.
pub const MAX_DATASET_BYTES: usize = 8 * 1024 * 1024;

/// One problem found in a dataset, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// A date known to the year, the month or the day, as the source gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The first day the date could mean; ordering and filtering use it.
    pub first_day: NaiveDate,
    /// How precisely the source dates it.
    pub precision: DatePrecision,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DatePrecision {
    /// Only the day is known.
    Day,
    /// Only the month is known.
    Month,
    /// Only the year is known.
    Year,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is `None`.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let (first_day, precision) = match text.len() {
            4 => (
                NaiveDate::from_ymd_opt(text.parse().ok()?, 1, 1)?,
                DatePrecision::Year,
            ),
            7 => (
                NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").ok()?,
                DatePrecision::Month,
            ),
            10 => (
                NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?,
                DatePrecision::Day,
            ),
            _ => return None,
        };
        // chrono accepts signs and short years in some positions; require four ASCII digits first.
        if !text.as_bytes().iter().take(4).all(u8::is_ascii_digit) {
            return None;
        }
        Some(PartialDate {
            first_day,
            precision,
        })
    }

    /// The last day the date could mean.
    pub fn last_day(&self) -> NaiveDate {
        match self.precision {
            DatePrecision::Day => self.first_day,
            DatePrecision::Month => {
                let (year, month) = (self.first_day.year(), self.first_day.month());
                let next_month_first = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                };
                next_month_first
                    .and_then(|day| day.pred_opt())
                    .unwrap_or(self.first_day)
            }
            DatePrecision::Year => {
                NaiveDate::from_ymd_opt(self.first_day.year(), 12, 31).unwrap_or(self.first_day)
            }
        }
    }

    /// The date written back in the form it was read.
    pub fn iso(&self) -> String {
        match self.precision {
            DatePrecision::Day => self.first_day.format("%Y-%m-%d").to_string(),
            DatePrecision::Month => self.first_day.format("%Y-%m").to_string(),
            DatePrecision::Year => self.first_day.format("%Y").to_string(),
        }
    }

    /// The date for people: "8 July 2024", "July 2024" or "2024".
    pub fn display(&self) -> String {
        match self.precision {
            DatePrecision::Day => self.first_day.format("%-d %B %Y").to_string(),
            DatePrecision::Month => self.first_day.format("%B %Y").to_string(),
            DatePrecision::Year => self.first_day.format("%Y").to_string(),
        }
    }
}

/// The whole dataset, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The schema version the file declares (always the supported one once parsed).
    pub schema_version: u64,
    /// The dataset's title, shown at the top of the page.
    pub title: String,
    /// The date the data describe the world as at; no record may be dated after it.
    pub as_of: NaiveDate,
    /// What the dataset holds and where it comes from, in a sentence or two.
    pub description: String,
    /// Every publication a record cites.
    pub sources: Vec<Source>,
    /// Dated announcements, milestones and agreements.
    pub announcements: Vec<Announcement>,
}

/// One publication that records cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Short stable identifier that records use to cite this source.
    pub source_id: String,
    /// The publication's title, quoted.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published, as precisely as known.
    pub published: Option<PartialDate>,
    /// Where to read it: always `https`.
    pub url: Option<String>,
    /// What sort of publication it is.
    pub kind: SourceKind,
    /// For example where the copy read was a republication.
    pub note: Option<String>,
}

/// The sort of publication a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// Official or operational statistics.
    Statistics,
    /// A government press release or statement.
    PressRelease,
    /// Hansard, a bill, an Act or a written answer.
    ParliamentaryRecord,
    /// A press or broadcast report.
    NewsReport,
    /// One of the seed documents the project started from.
    SeedDocument,
}

impl SourceKind {
    /// The names used in the file, with their meaning.
    pub const NAMES: [(&'static str, SourceKind); 5] = [
        ("statistics", SourceKind::Statistics),
        ("press_release", SourceKind::PressRelease),
        ("parliamentary_record", SourceKind::ParliamentaryRecord),
        ("news_report", SourceKind::NewsReport),
        ("seed_document", SourceKind::SeedDocument),
    ];

    /// The kind for people.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Statistics => "Statistics",
            SourceKind::PressRelease => "Press release",
            SourceKind::ParliamentaryRecord => "Parliamentary record",
            SourceKind::NewsReport => "News report",
            SourceKind::SeedDocument => "Seed document",
        }
    }
}

/// One dated announcement, milestone or agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct Announcement {
    /// Short stable identifier.
    pub announcement_id: String,
    /// When it happened, as precisely as the sources say.
    pub date: PartialDate,
    /// A short title in our own words.
    pub title: String,
    /// A summary in our own words.
    pub summary: String,
    /// Who acted (Home Office, NCA, CPS, Border Force, …).
    pub actors: Vec<String>,
    /// What it is about.
    pub themes: Vec<Theme>,
    /// The sources that state it.
    pub source_ids: Vec<String>,
}

/// The closed set of themes: the four CONTEST-style strands and five cross-cutting topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Theme {
    Prevent,
    Pursue,
    Protect,
    Prepare,
    Funding,
    Staffing,
    Legislation,
    International,
    Technology,
}

impl Theme {
    /// The names used in the file, in display order.
    pub const NAMES: [(&'static str, Theme); 9] = [
        ("prevent", Theme::Prevent),
        ("pursue", Theme::Pursue),
        ("protect", Theme::Protect),
        ("prepare", Theme::Prepare),
        ("funding", Theme::Funding),
        ("staffing", Theme::Staffing),
        ("legislation", Theme::Legislation),
        ("international", Theme::International),
        ("technology", Theme::Technology),
    ];

    /// The theme for people.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Prevent => "Prevent",
            Theme::Pursue => "Pursue",
            Theme::Protect => "Protect",
            Theme::Prepare => "Prepare",
            Theme::Funding => "Funding",
            Theme::Staffing => "Staffing",
            Theme::Legislation => "Legislation",
            Theme::International => "International",
            Theme::Technology => "Technology",
        }
    }
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
    // serde_json refuses nesting deeper than 128 levels, so hostile files cannot exhaust the stack.
    let tree: Value = serde_json::from_str(text).map_err(|error| {
        vec![DataError::new(
            "",
            format!("the file is not valid JSON: {error}"),
        )]
    })?;
    dataset_from_tree(&tree)
}

fn dataset_from_tree(tree: &Value) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let Some(top) = Fields::new(tree, "", &mut errors) else {
        return Err(errors);
    };
    // A file of another schema version is refused before anything else is read, so that its
    // differences do not show up as a flood of unrelated errors.
    match top.raw("schema_version") {
        Some(Value::Number(number)) if number.as_u64() == Some(SUPPORTED_SCHEMA_VERSION) => {}
        Some(other) => {
            return Err(vec![DataError::new(
                "schema_version",
                format!(
                    "this app reads schema version {SUPPORTED_SCHEMA_VERSION}, found {}",
                    describe(other)
                ),
            )])
        }
        None => {
            return Err(vec![DataError::new(
                "schema_version",
                "is required but missing".to_string(),
            )])
        }
    }
    top.reject_unknown(
        &[
            "schema_version",
            "title",
            "as_of",
            "description",
            "sources",
            "announcements",
        ],
        &mut errors,
    );
    let title = top.text("title", &mut errors);
    let as_of = top.date("as_of", &mut errors);
    let description = top.text("description", &mut errors);
    let sources = top.list("sources", &mut errors, source_from_tree);
    let announcements = top.list("announcements", &mut errors, announcement_from_tree);

    let (Some(title), Some(as_of), Some(description), Some(sources), Some(announcements)) =
        (title, as_of, description, sources, announcements)
    else {
        return Err(errors);
    };
    let dataset = Dataset {
        schema_version: SUPPORTED_SCHEMA_VERSION,
        title,
        as_of,
        description,
        sources,
        announcements,
    };
    check_references(&dataset, &mut errors);
    if errors.is_empty() {
        Ok(dataset)
    } else {
        Err(errors)
    }
}

fn source_from_tree(value: &Value, path: &str, errors: &mut Vec<DataError>) -> Option<Source> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(
        &[
            "id",
            "title",
            "publisher",
            "published",
            "url",
            "kind",
            "note",
        ],
        errors,
    );
    let source_id = fields.text("id", errors);
    let title = fields.text("title", errors);
    let publisher = fields.text("publisher", errors);
    let published = fields.optional_partial_date("published", errors);
    let url = fields.optional_text("url", errors).and_then(|url| {
        if is_safe_https_url(&url) {
            Some(url)
        } else {
            errors.push(DataError::new(
                &fields.path_of("url"),
                format!(
                    "only https links are allowed, found {}",
                    describe(&Value::String(url))
                ),
            ));
            None
        }
    });
    let kind = fields.choice("kind", &SourceKind::NAMES, errors);
    let note = fields.optional_text("note", errors);
    Some(Source {
        source_id: source_id?,
        title: title?,
        publisher: publisher?,
        published,
        url,
        kind: kind?,
        note,
    })
}

fn announcement_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<Announcement> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(
        &[
            "id",
            "date",
            "title",
            "summary",
            "actors",
            "themes",
            "source_ids",
        ],
        errors,
    );
    let announcement_id = fields.text("id", errors);
    let date = fields.partial_date("date", errors);
    let title = fields.text("title", errors);
    let summary = fields.text("summary", errors);
    let actors = fields.text_list("actors", errors);
    let themes = fields.list("themes", errors, |item, path, errors| {
        reader::choice_from(item, path, &Theme::NAMES, errors)
    });
    let source_ids = fields.text_list("source_ids", errors);
    Some(Announcement {
        announcement_id: announcement_id?,
        date: date?,
        title: title?,
        summary: summary?,
        actors: actors?,
        themes: themes?,
        source_ids: source_ids?,
    })
}

/// Checks what no single record can check alone: unique ids, citations that resolve, dates in range.
fn check_references(dataset: &Dataset, errors: &mut Vec<DataError>) {
    let mut source_ids = HashSet::new();
    for (source_idx, source) in dataset.sources.iter().enumerate() {
        if !source_ids.insert(source.source_id.as_str()) {
            errors.push(DataError::new(
                &format!("sources[{source_idx}].id"),
                format!("the id {:?} is used by an earlier source", source.source_id),
            ));
        }
        if let Some(published) = source.published {
            if published.first_day > dataset.as_of {
                errors.push(DataError::new(
                    &format!("sources[{source_idx}].published"),
                    format!(
                        "{} is after the dataset's as-of date {}",
                        published.iso(),
                        dataset.as_of
                    ),
                ));
            }
        }
    }
    let mut announcement_ids = HashSet::new();
    for (announcement_idx, announcement) in dataset.announcements.iter().enumerate() {
        let path = format!("announcements[{announcement_idx}]");
        if !announcement_ids.insert(announcement.announcement_id.as_str()) {
            errors.push(DataError::new(
                &format!("{path}.id"),
                format!(
                    "the id {:?} is used by an earlier announcement",
                    announcement.announcement_id
                ),
            ));
        }
        if announcement.date.first_day > dataset.as_of {
            errors.push(DataError::new(
                &format!("{path}.date"),
                format!(
                    "{} is after the dataset's as-of date {}",
                    announcement.date.iso(),
                    dataset.as_of
                ),
            ));
        }
        check_citations(&announcement.source_ids, &source_ids, &path, errors);
    }
}

fn check_citations(
    cited: &[String],
    known: &HashSet<&str>,
    path: &str,
    errors: &mut Vec<DataError>,
) {
    if cited.is_empty() {
        errors.push(DataError::new(
            &format!("{path}.source_ids"),
            "every record must cite at least one source".to_string(),
        ));
    }
    for (cite_idx, source_id) in cited.iter().enumerate() {
        if !known.contains(source_id.as_str()) {
            errors.push(DataError::new(
                &format!("{path}.source_ids[{cite_idx}]"),
                format!("no source has the id {source_id:?}"),
            ));
        }
    }
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
