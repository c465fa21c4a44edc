//! `cargo xtask refresh`: fetches the latest Home Office small-boat time series, imports it, checks it and records what changed in the changelog, or refuses and leaves the dataset as it was.
//!
//! The spreadsheet is found on its gov.uk publication page through GOV.UK's content API (the page's
//! JSON lists its attachments), or given as an address (`--url`) or a file (`--file`). Downloads go
//! through `curl` (on every CI runner) into `target/refresh/`, never into the tree. The dataset file
//! is written once, at the end, only if every step passed: read, checked by the app's own parser,
//! compared with the data it replaces, and not refused.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use serde_json::Value;

use border_security_explorer::analysis::diff::{diff_datasets, DatasetDiff};
use border_security_explorer::data::Dataset;
use border_security_explorer::text::escape_control_characters;

use crate::check_data::{checked, checked_before_writing, say};
use crate::import::{
    add_changelog_entry, changelog_summary, read_time_series, to_dataset_json_text,
    update_dataset_tree, TIME_SERIES_SOURCE_ID,
};

/// The time series' publication page on gov.uk.
pub const PUBLICATION_PAGE: &str =
    "https://www.gov.uk/government/publications/migrants-detected-crossing-the-english-channel-in-small-boats";

/// The share of the days in both editions whose figures may change before a refresh is refused
/// without `--accept`: the Home Office revises recent days now and then, never most of the series.
pub const MAX_REVISED_DAYS_SHARE: f64 = 0.01;

/// The largest file `curl` is allowed to download (the time series is about 0.3 MB).
const MAX_DOWNLOAD_BYTES: u64 = 50 * 1024 * 1024;

/// Where the spreadsheet comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A gov.uk publication page: its content API lists the attachments.
    Page(String),
    /// The spreadsheet's own address.
    Url(String),
    /// A spreadsheet already on disk.
    File(PathBuf),
}

/// What `cargo xtask refresh` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshOptions {
    pub origin: Origin,
    /// Take a spreadsheet the refusals would stop.
    pub accept: bool,
    /// The day the spreadsheet was published, for a URL or a file (a page says it itself).
    pub published: Option<NaiveDate>,
    /// Where to write what changed as Markdown (the pull request's body).
    pub summary_path: Option<PathBuf>,
}

impl RefreshOptions {
    /// Reads `[--url URL | --file FILE | --page URL] [--published YYYY-MM-DD] [--accept] [--summary FILE]`.
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = RefreshOptions {
            origin: Origin::Page(PUBLICATION_PAGE.to_string()),
            accept: false,
            published: None,
            summary_path: None,
        };
        let mut arg_iter = args.iter();
        while let Some(arg) = arg_iter.next() {
            let mut value = |what: &str| {
                arg_iter
                    .next()
                    .cloned()
                    .ok_or_else(|| format!("{arg} needs {what}"))
            };
            match arg.as_str() {
                "--page" => options.origin = Origin::Page(value("the publication page's address")?),
                "--url" => options.origin = Origin::Url(value("the spreadsheet's address")?),
                "--file" => options.origin = Origin::File(PathBuf::from(value("a file")?)),
                "--published" => {
                    let text = value("a date, YYYY-MM-DD")?;
                    options.published =
                        Some(NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
                            format!("--published: {text:?} is not a date (YYYY-MM-DD)")
                        })?);
                }
                "--summary" => options.summary_path = Some(PathBuf::from(value("a file")?)),
                "--accept" => options.accept = true,
                other => return Err(format!("refresh: unknown option {other:?}")),
            }
        }
        if !matches!(options.origin, Origin::Page(_)) && options.published.is_none() {
            return Err(
                "refresh: a spreadsheet given by --url or --file needs --published YYYY-MM-DD (the day the Home Office published it), which the dataset's source records"
                    .to_string(),
            );
        }
        Ok(options)
    }
}

/// The spreadsheet found, where it was read from and when it was published.
struct Fetched {
    file: PathBuf,
    /// The address it was downloaded from, if it was.
    address: Option<String>,
    published: NaiveDate,
}

/// `cargo xtask refresh`: runs every step; the dataset file changes only if all of them pass.
///
/// With `reference_copy`, the spreadsheet also replaces the reference copy the importer's tests
/// check the bundled crossings against (the bundled dataset's refresh; not another file's).
pub fn refresh(
    project_root: &Path,
    dataset_path: &Path,
    reference_copy: Option<&Path>,
    options: &RefreshOptions,
    today: NaiveDate,
) -> Result<(), String> {
    let work_dir = project_root.join("target/refresh");
    std::fs::create_dir_all(&work_dir)
        .map_err(|error| format!("creating {}: {error}", work_dir.display()))?;
    let fetched = fetch(options, &work_dir)?;
    say(&format!(
        "Reading {}{}.",
        fetched.file.display(),
        fetched
            .address
            .as_deref()
            .map(|address| format!(" (downloaded from {address})"))
            .unwrap_or_default()
    ));
    let (daily, weekly) = read_time_series(&fetched.file)?;
    let text = std::fs::read_to_string(dataset_path)
        .map_err(|error| format!("reading {}: {error}", dataset_path.display()))?;
    let before = checked(text.as_bytes(), &dataset_path.display().to_string())?;
    let mut tree: Value = serde_json::from_str(&text)
        .map_err(|error| format!("{}: not valid JSON: {error}", dataset_path.display()))?;
    update_dataset_tree(&mut tree, &daily, &weekly)?;
    update_time_series_source(&mut tree, &fetched, daily.info.as_of)?;
    let after = checked_before_writing(&to_dataset_json_text(&tree), "the refreshed dataset")?;
    let diff = diff_datasets(&before, &after);
    if same_days(&diff) {
        let nothing_to_do = format!(
            "The spreadsheet holds the same days and figures as the dataset (to {}): nothing to do.",
            border_security_explorer::dates::day_month_year(daily.info.as_of)
        );
        say(&format!(
            "{nothing_to_do} {} is unchanged.",
            dataset_path.display()
        ));
        if let Some(summary_path) = &options.summary_path {
            std::fs::write(summary_path, format!("{nothing_to_do}\n"))
                .map_err(|error| format!("writing {}: {error}", summary_path.display()))?;
        }
        return Ok(());
    }
    let refusals = refusals(&diff, &before);
    if !refusals.is_empty() && !options.accept {
        return Err(format!(
            "refused, and {} was not changed:\n  {}\nLook at the spreadsheet; if it is right, run again with --accept.",
            dataset_path.display(),
            refusals.join("\n  ")
        ));
    }
    add_changelog_entry(
        &mut tree,
        &border_security_explorer::dates::iso_date(today),
        &changelog_summary(&diff, &before, &after),
    );
    let updated = to_dataset_json_text(&tree);
    let after = checked_before_writing(&updated, "the refreshed dataset")?;
    let warnings = crate::check_data::file_warnings(updated.as_bytes(), &after, today);
    crate::check_data::print_changes(&before, &after);
    for warning in &warnings {
        say(&format!("Warning: {warning}"));
    }
    if let Some(summary_path) = &options.summary_path {
        let summary = pull_request_summary(&diff, &before, &after, &fetched, &refusals, &warnings);
        std::fs::write(summary_path, summary)
            .map_err(|error| format!("writing {}: {error}", summary_path.display()))?;
    }
    if let Some(reference_copy) = reference_copy {
        let spreadsheet = std::fs::read(&fetched.file)
            .map_err(|error| format!("reading {}: {error}", fetched.file.display()))?;
        write_in_one_step(reference_copy, &spreadsheet)?;
        say(&format!(
            "Replaced {} with this edition (the importer's tests check the dataset against it).",
            reference_copy.display()
        ));
    }
    write_in_one_step(dataset_path, updated.as_bytes())?;
    say(&format!(
        "Refreshed {}: crossings to {}.",
        dataset_path.display(),
        border_security_explorer::dates::day_month_year(daily.info.as_of)
    ));
    Ok(())
}

/// True when the spreadsheet changes no day, no figure and not where the data end.
fn same_days(diff: &DatasetDiff) -> bool {
    diff.days_added.is_none() && diff.days_removed.is_none() && diff.days_revised.is_empty()
}

/// Why a refresh is stopped unless `--accept` is given: days taken away, or more of the figures
/// revised than the Home Office's usual corrections of recent days.
pub fn refusals(diff: &DatasetDiff, before: &Dataset) -> Vec<String> {
    let mut refusals = Vec::new();
    if let Some((first, last, n_days)) = diff.days_removed {
        refusals.push(format!(
            "the spreadsheet removes {n_days} day(s) the dataset has ({} to {})",
            border_security_explorer::dates::day_month_year(first),
            border_security_explorer::dates::day_month_year(last)
        ));
    }
    let n_days_before = before.crossings.daily.people.len();
    let n_days_in_both = n_days_before - diff.days_removed.map_or(0, |(_, _, n_days)| n_days);
    if n_days_in_both > 0 {
        let share = diff.days_revised.len() as f64 / n_days_in_both as f64;
        if share > MAX_REVISED_DAYS_SHARE {
            refusals.push(format!(
                "the spreadsheet revises the figures of {} of the {} days in both ({:.1}%; more than {}% is refused)",
                diff.days_revised.len(),
                n_days_in_both,
                share * 100.0,
                MAX_REVISED_DAYS_SHARE * 100.0
            ));
        }
    }
    refusals
}

/// Finds and downloads the spreadsheet, or takes the file given.
fn fetch(options: &RefreshOptions, work_dir: &Path) -> Result<Fetched, String> {
    let spreadsheet_path = work_dir.join("time-series.ods");
    match &options.origin {
        Origin::File(file) => Ok(Fetched {
            file: file.clone(),
            address: None,
            published: options
                .published
                .ok_or("--published is needed with --file")?,
        }),
        Origin::Url(address) => {
            download(address, &spreadsheet_path)?;
            Ok(Fetched {
                file: spreadsheet_path,
                address: Some(address.clone()),
                published: options
                    .published
                    .ok_or("--published is needed with --url")?,
            })
        }
        Origin::Page(page) => {
            let api_address = content_api_address(page)?;
            let page_json_path = work_dir.join("publication.json");
            download(&api_address, &page_json_path)?;
            let page_json = std::fs::read_to_string(&page_json_path)
                .map_err(|error| format!("reading {}: {error}", page_json_path.display()))?;
            let (address, published) = find_time_series(&page_json, page)?;
            download(&address, &spreadsheet_path)?;
            Ok(Fetched {
                file: spreadsheet_path,
                address: Some(address),
                published: options.published.unwrap_or(published),
            })
        }
    }
}

/// The content API's address for a gov.uk page: `https://www.gov.uk/api/content/<the page's path>`.
pub fn content_api_address(page: &str) -> Result<String, String> {
    let (origin, path) = split_address(page)?;
    if path.len() <= 1 {
        return Err(format!("{page:?} names no page"));
    }
    Ok(format!("{origin}/api/content{path}"))
}

/// "https://www.gov.uk" and "/government/…" from an address, checked to be one `download` allows.
fn split_address(address: &str) -> Result<(&str, &str), String> {
    allowed_address(address)?;
    let after_scheme = address.find("://").map_or(0, |at| at + 3);
    let path_start = address[after_scheme..]
        .find('/')
        .map_or(address.len(), |at| after_scheme + at);
    let path = address[path_start..]
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    Ok((&address[..path_start], path))
}

/// Only `https`, or `http` to this machine (the tests' fixture server).
pub fn allowed_address(address: &str) -> Result<(), String> {
    let loopback = [
        "http://127.0.0.1:",
        "http://127.0.0.1/",
        "http://localhost:",
        "http://localhost/",
    ];
    let has_host = address
        .strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if has_host || loopback.iter().any(|prefix| address.starts_with(prefix)) {
        Ok(())
    } else {
        Err(format!(
            "{:?}: only https addresses are fetched (or http on this machine)",
            escape_control_characters(address)
        ))
    }
}

/// The time series' spreadsheet among the publication's attachments (an ODS whose title says "time
/// series"), with the day the page was last published.
pub fn find_time_series(page_json: &str, page: &str) -> Result<(String, NaiveDate), String> {
    let content: Value = serde_json::from_str(page_json).map_err(|error| {
        format!("the publication page's content API did not answer JSON: {error}")
    })?;
    let published = content["public_updated_at"]
        .as_str()
        .and_then(|text| text.get(..10))
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .ok_or("the publication page's JSON gives no public_updated_at date")?;
    let attachments = content["details"]["attachments"]
        .as_array()
        .ok_or("the publication page's JSON lists no attachments (details.attachments)")?;
    let is_time_series = |attachment: &&Value| {
        let title = attachment["title"]
            .as_str()
            .unwrap_or_default()
            .to_lowercase();
        let address = attachment["url"].as_str().unwrap_or_default();
        let is_ods = attachment["content_type"].as_str()
            == Some("application/vnd.oasis.opendocument.spreadsheet")
            || address.to_lowercase().ends_with(".ods");
        is_ods && title.contains("time series")
    };
    let Some(attachment) = attachments.iter().find(is_time_series) else {
        let titles: Vec<String> = attachments
            .iter()
            .map(|attachment| format!("{:?}", attachment["title"].as_str().unwrap_or("(no title)")))
            .collect();
        return Err(format!(
            "none of the publication page's {} attachment(s) is an ODS time series: {}",
            attachments.len(),
            escape_control_characters(&titles.join(", "))
        ));
    };
    let address = attachment["url"]
        .as_str()
        .ok_or("the time series attachment has no url")?;
    let address = if address.starts_with('/') {
        format!("{}{address}", split_address(page)?.0)
    } else {
        address.to_string()
    };
    allowed_address(&address)?;
    Ok((address, published))
}

/// Downloads `address` to `to` with curl: failing on an HTTP error, following redirects only to
/// https, within a size and a time limit.
fn download(address: &str, to: &Path) -> Result<(), String> {
    allowed_address(address)?;
    let protocols = if address.starts_with("https://") {
        "=https"
    } else {
        "=http"
    };
    say(&format!("Downloading {address}"));
    let output = Command::new("curl")
        .args(["--fail", "--silent", "--show-error", "--location"])
        .args(["--proto", protocols, "--proto-redir", "=https"])
        .args(["--max-filesize", &MAX_DOWNLOAD_BYTES.to_string()])
        .args(["--max-time", "300", "--retry", "2"])
        .args(["--user-agent", "border-security-explorer-refresh"])
        .arg("--output")
        .arg(to)
        .arg(address)
        .output()
        .map_err(|error| format!("could not run curl (is it installed?): {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "downloading {}: {}",
            escape_control_characters(address),
            // curl says why on its last line (once per try).
            escape_control_characters(
                String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or("curl failed")
            )
        ))
    }
}

/// The time series' source record says which edition the data are and where they were read.
fn update_time_series_source(
    tree: &mut Value,
    fetched: &Fetched,
    last_day: NaiveDate,
) -> Result<(), String> {
    let sources = tree["sources"]
        .as_array_mut()
        .ok_or("the dataset has no sources list")?;
    let source = sources
        .iter_mut()
        .find(|source| source["id"] == TIME_SERIES_SOURCE_ID)
        .ok_or_else(|| {
            format!("the dataset has no source {TIME_SERIES_SOURCE_ID:?} for the time series")
        })?;
    let read_from = match &fetched.address {
        Some(address) => format!("read from the spreadsheet at {address}"),
        None => "read from a copy of the spreadsheet".to_string(),
    };
    source["published"] =
        Value::String(border_security_explorer::dates::iso_date(fetched.published));
    source["note"] = Value::String(format!(
        "Provisional operational data, subject to change. Edition with data to {}, {read_from}. Crown copyright, Open Government Licence v3.0.",
        border_security_explorer::dates::day_month_year(last_day)
    ));
    Ok(())
}

/// The pull request's body: what changed in the app's own sentences, every revised day, the
/// refusals `--accept` overrode and the warnings to look at.
fn pull_request_summary(
    diff: &DatasetDiff,
    before: &Dataset,
    after: &Dataset,
    fetched: &Fetched,
    refusals: &[String],
    warnings: &[String],
) -> String {
    let mut summary =
        String::from("## Weekly data refresh: Home Office small-boat time series\n\n");
    if let Some(address) = &fetched.address {
        summary.push_str(&format!("Spreadsheet: {address}\n"));
    }
    summary.push_str(&format!(
        "Published: {}\n\n### What changed\n\n",
        border_security_explorer::dates::day_month_year(fetched.published)
    ));
    for line in border_security_explorer::view_model::diff_lines(diff, before, after) {
        summary.push_str(&format!("- {line}\n"));
    }
    if !diff.days_revised.is_empty() {
        summary.push_str(
            "\n### Revised days\n\n| day | people before | people after | boats before | boats after |\n| --- | --- | --- | --- | --- |\n",
        );
        for revision in &diff.days_revised {
            summary.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                border_security_explorer::dates::iso_date(revision.date),
                revision.old_people,
                revision.new_people,
                revision.old_boats,
                revision.new_boats
            ));
        }
    }
    if !refusals.is_empty() {
        summary.push_str("\n### Accepted although\n\n");
        for refusal in refusals {
            summary.push_str(&format!("- {refusal}\n"));
        }
    }
    if !warnings.is_empty() {
        summary.push_str("\n### Warnings from check-data\n\n");
        for warning in warnings {
            summary.push_str(&format!("- {warning}\n"));
        }
    }
    summary.push_str(
        "\nMade by `cargo xtask refresh`. CI checks this branch as any other; merge after reading the changes above.\n",
    );
    escape_control_characters(&summary)
}

/// Writes the file through a temporary file beside it, renamed over it, so an interrupted write
/// never leaves half a dataset.
fn write_in_one_step(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".refresh-tmp");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, bytes)
        .map_err(|error| format!("writing {}: {error}", temporary.display()))?;
    std::fs::rename(&temporary, path).map_err(|error| {
        std::fs::remove_file(&temporary).ok();
        format!("replacing {}: {error}", path.display())
    })
}

#[cfg(test)]
mod tests;
