//! The data pack: every series and record of a dataset as CSV, the dataset file itself and a README with its citation and licences, as one ZIP (stored, not compressed).

use std::io::Write;

use crate::analysis::funding::funding_count_reason;
use crate::analysis::request::SeriesChoice;
use crate::closed_set::ClosedSet;
use crate::data::{Dataset, FundingRelation};
use crate::export::{to_csv, Cell, Column, DataTable};
use crate::view_model::{crossings_chart, WIDE_CHART_SIZE};
use crate::view_state::{Period, ViewState};

/// The licence statement the pack, the README and the Sources view give.
pub const LICENCE_STATEMENT: &str = "Home Office statistics and GOV.UK text are reused under the Open Government Licence v3.0: \
\"Contains public sector information licensed under the Open Government Licence v3.0.\" \
Press and other reports are cited, never copied: the titles, summaries and purposes in this dataset are our own words.";

/// The licence of the explorer's own code, as its README and the Sources view state it.
pub const CODE_LICENCE_STATEMENT: &str =
    "The explorer's code is free software under the MIT licence or the \
Apache License 2.0, at your choice (LICENSE-MIT and LICENSE-APACHE in its repository).";

/// "border-security-data-2026-09-11.zip".
pub fn data_pack_file_name(dataset: &Dataset) -> String {
    format!(
        "border-security-data-{}.zip",
        crate::dates::iso_date(dataset.as_of)
    )
}

fn text_table(caption: &str, headings: &[&str], rows: Vec<Vec<String>>) -> DataTable {
    DataTable {
        caption: caption.to_string(),
        columns: headings
            .iter()
            .map(|heading| Column::shown(*heading, false))
            .collect(),
        rows: rows
            .into_iter()
            .map(|row| row.iter().map(|text| Cell::text(text)).collect())
            .collect(),
    }
}

fn csv_file(name: &str, table: &DataTable, notes: &[String]) -> (String, Vec<u8>) {
    (name.to_string(), to_csv(table, notes).into_bytes())
}

/// The crossings as CSV: provisional by day, week, month and year; official by month and year.
fn series_files(dataset: &Dataset) -> Vec<(String, Vec<u8>)> {
    let choices = [
        (Period::Day, SeriesChoice::Provisional),
        (Period::Week, SeriesChoice::Provisional),
        (Period::Month, SeriesChoice::Provisional),
        (Period::Year, SeriesChoice::Provisional),
        (Period::Month, SeriesChoice::Official),
        (Period::Year, SeriesChoice::Official),
    ];
    choices
        .into_iter()
        .map(|(period, series)| {
            let state = ViewState {
                period,
                series,
                show_events: false,
                ..ViewState::initial()
            };
            let chart = crossings_chart(dataset, &state, WIDE_CHART_SIZE);
            let name = format!("crossings-{}-{}.csv", period.key(), series.key());
            csv_file(&name, &chart.table.build(), &chart.csv_footer())
        })
        .collect()
}

fn records_files(dataset: &Dataset) -> Vec<(String, Vec<u8>)> {
    let sources_note = |what: &str| {
        vec![
            format!("{what}. Sources are listed in sources.csv by id."),
            format!("{LICENCE_STATEMENT}"),
        ]
    };
    let announcements = announcements_table(dataset);
    let funding = funding_table(dataset);
    let figures = figures_table(dataset);
    let sources = sources_table(dataset);
    vec![
        csv_file(
            "announcements.csv",
            &announcements,
            &sources_note("Announcements"),
        ),
        csv_file(
            "funding.csv",
            &funding,
            &sources_note("Funding; amounts in pounds (£)"),
        ),
        csv_file("figures.csv", &figures, &sources_note("Other figures")),
        csv_file("sources.csv", &sources, &[LICENCE_STATEMENT.to_string()]),
        csv_file(
            "where-sources-differ.csv",
            &differences_table(dataset),
            &sources_note(
                "Values other sources give differently, one row per other value, beside the value used",
            ),
        ),
    ]
}

/// Every value another source gives differently: one row per other value, beside the value used.
fn differences_table(dataset: &Dataset) -> DataTable {
    let rows = crate::view_model::source_differences(dataset)
        .into_iter()
        .flat_map(|difference| {
            difference
                .others
                .iter()
                .map(|other| {
                    vec![
                        difference.collection.to_string(),
                        difference.record_id.clone(),
                        difference.subject.clone(),
                        difference.used_display.clone(),
                        difference.used_source_ids.join("; "),
                        other.value_display.clone(),
                        other.source_ids.join("; "),
                        other.note.clone().unwrap_or_default(),
                    ]
                })
                .collect::<Vec<_>>()
        })
        .collect();
    text_table(
        "Where sources differ",
        &[
            "collection",
            "record",
            "what",
            "value used",
            "sources of the value used",
            "other value",
            "sources of the other value",
            "note",
        ],
        rows,
    )
}

/// Every announcement, one row each.
fn announcements_table(dataset: &Dataset) -> DataTable {
    text_table(
        "Announcements",
        &[
            "id",
            "date",
            "title",
            "summary",
            "actors",
            "themes",
            "source ids",
            "note",
        ],
        dataset
            .announcements
            .iter()
            .map(|record| {
                vec![
                    record.announcement_id.clone(),
                    record.date.iso(),
                    record.title.clone(),
                    record.summary.clone(),
                    record.actors.join("; "),
                    record
                        .themes
                        .iter()
                        .map(|theme| theme.key())
                        .collect::<Vec<_>>()
                        .join("; "),
                    record.source_ids.join("; "),
                    record.note.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )
}

/// Every funding record with its ledger: counted in totals or not, and why.
fn funding_table(dataset: &Dataset) -> DataTable {
    text_table(
        "Funding announcements and how each is counted",
        &[
            "id",
            "announced",
            "amount (£)",
            "amount basis",
            "a yearly rate",
            "for the Command",
            "recipient",
            "purpose",
            "period",
            "relation",
            "related ids",
            "counted in totals",
            "how it is counted",
            "source ids",
            "note",
        ],
        dataset
            .funding
            .iter()
            .map(|record| {
                let (relation, related) = match &record.relation {
                    FundingRelation::New => ("new", String::new()),
                    FundingRelation::Reannouncement { of_funding_id } => {
                        ("reannouncement", of_funding_id.clone())
                    }
                    FundingRelation::PartOf { of_funding_id } => ("part_of", of_funding_id.clone()),
                    FundingRelation::TotalOf { of_funding_ids } => {
                        ("total_of", of_funding_ids.join("; "))
                    }
                };
                vec![
                    record.funding_id.clone(),
                    record.announced.iso(),
                    record.amount_gbp.to_string(),
                    record.amount_basis.key().to_string(),
                    if record.amount_is_per_year {
                        "yes"
                    } else {
                        "no"
                    }
                    .to_string(),
                    if record.for_bsc { "yes" } else { "no" }.to_string(),
                    record.recipient.clone(),
                    record.purpose.clone(),
                    record.period.clone(),
                    relation.to_string(),
                    related,
                    if record.is_counted_once() {
                        "yes"
                    } else {
                        "no"
                    }
                    .to_string(),
                    funding_count_reason(record, &dataset.funding),
                    record.source_ids.join("; "),
                    record.note.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )
}

/// Every other figure with its period.
fn figures_table(dataset: &Dataset) -> DataTable {
    text_table(
        "Other figures",
        &[
            "id",
            "metric",
            "label",
            "value",
            "unit",
            "value basis",
            "from",
            "to",
            "source ids",
            "note",
        ],
        dataset
            .figures
            .iter()
            .map(|record| {
                vec![
                    record.figure_id.clone(),
                    record.metric.clone(),
                    record.label.clone(),
                    record.value.to_string(),
                    record.unit.clone(),
                    record.value_basis.key().to_string(),
                    crate::dates::iso_date(record.time.first_day()),
                    crate::dates::iso_date(record.time.last_day()),
                    record.source_ids.join("; "),
                    record.note.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )
}

/// Every source with its link and kind.
fn sources_table(dataset: &Dataset) -> DataTable {
    text_table(
        "Sources",
        &[
            "id",
            "title",
            "publisher",
            "via",
            "published",
            "link",
            "kind",
            "note",
        ],
        dataset
            .sources
            .iter()
            .map(|source| {
                vec![
                    source.source_id.clone(),
                    source.title.clone(),
                    source.publisher.clone(),
                    source.via.clone().unwrap_or_default(),
                    source.published.map(|date| date.iso()).unwrap_or_default(),
                    source.url.clone().unwrap_or_default(),
                    source.kind.label().to_string(),
                    source.note.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )
}

/// The README: what the pack is, its edition, how to cite it, the licences, what provisional means, and
/// what each file holds.
fn readme(dataset: &Dataset, fingerprint: &str, file_names: &[String]) -> String {
    let as_of = crate::dates::day_month_year(dataset.as_of);
    let daily_as_of = crate::dates::day_month_year(dataset.crossings.daily.info.as_of);
    let mut text = format!(
        "{title}\n\n{description}\n\nData as at {as_of}; daily crossings to {daily_as_of} (provisional).\n\
         Dataset fingerprint (SHA-256 of dataset.json): {fingerprint}\n\n\
         How to cite\n  {cite_as}\n  \
         Cite the original sources too: each record names them by id, and sources.csv lists them.\n\n\
         Licences\n  {LICENCE_STATEMENT}\n\n\
         Provisional and official\n  Provisional figures are the Home Office's daily operational counts; they are subject to change.\n  \
         Official figures are the quarterly statistics, revised between editions; where a month has both, the official figure is the one to cite.\n  \
         The two are never mixed: each crossings file says which it holds.\n\n\
         CSV files\n  Each starts with a UTF-8 byte-order mark; data rows come first, then note lines starting \"#\" (the source and how to cite, each in one quoted cell).\n  \
         pandas: pd.read_csv(path, comment=\"#\"); R: read.csv(path, comment.char = \"#\", fileEncoding = \"UTF-8-BOM\").\n\nFiles\n",
        title = dataset.title,
        description = dataset.description,
        cite_as = crate::citation::cite_dataset(dataset, fingerprint),
    );
    for name in file_names {
        text.push_str(&format!("  {name}\n"));
    }
    text.push_str("  README.txt (this file)\n");
    text
}

/// Every file of the pack, in order: the README, the dataset file, the crossings, the records.
pub fn data_pack_files(
    dataset: &Dataset,
    fingerprint: &str,
    dataset_bytes: &[u8],
) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("dataset.json".to_string(), dataset_bytes.to_vec())];
    files.extend(series_files(dataset));
    files.extend(records_files(dataset));
    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    files.insert(
        0,
        (
            "README.txt".to_string(),
            readme(dataset, fingerprint, &names).into_bytes(),
        ),
    );
    files
}

/// The files as one ZIP, stored without compression.
pub fn zip_files(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in files {
        writer
            .start_file(name.as_str(), options)
            .map_err(|error| format!("{name}: {error}"))?;
        writer
            .write_all(bytes)
            .map_err(|error| format!("{name}: {error}"))?;
    }
    writer
        .finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|error| format!("finishing the ZIP: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{dataset_from, date, tree_with_days};

    #[test]
    fn the_pack_holds_every_series_and_record_the_dataset_file_and_a_readme() {
        let tree = tree_with_days(date(2024, 1, 1), &[3; 40], &[1; 40]);
        let bytes = serde_json::to_vec(&tree).unwrap();
        let dataset = dataset_from(&tree);
        let files = data_pack_files(&dataset, "abc123", &bytes);
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "README.txt",
                "dataset.json",
                "crossings-day-provisional.csv",
                "crossings-week-provisional.csv",
                "crossings-month-provisional.csv",
                "crossings-year-provisional.csv",
                "crossings-month-official.csv",
                "crossings-year-official.csv",
                "announcements.csv",
                "funding.csv",
                "figures.csv",
                "sources.csv",
                "where-sources-differ.csv",
            ]
        );
        assert_eq!(files[1].1, bytes, "the dataset file exactly as read");
        let text = |name: &str| {
            String::from_utf8(
                files
                    .iter()
                    .find(|(file, _)| file == name)
                    .unwrap()
                    .1
                    .clone(),
            )
            .unwrap()
        };
        let readme = text("README.txt");
        assert!(
            readme.contains("fingerprint (SHA-256 of dataset.json): abc123"),
            "{readme}"
        );
        // 40 days from 1 January 2024: the citation says where the crossings end.
        assert!(
            readme.contains(&format!(
                "How to cite\n  {}, “{}”, data as at ",
                crate::APP_NAME,
                dataset.title
            )) && readme.contains("crossings to 9 February 2024, fingerprint abc123."),
            "{readme}"
        );
        assert!(readme.contains("Open Government Licence v3.0"));
        assert!(
            readme.contains("Provisional figures are the Home Office's daily operational counts")
        );
        let daily = text("crossings-day-provisional.csv");
        // The header, one row per day, then notes.
        let data_rows = daily
            .lines()
            .skip(1)
            .filter(|line| !line.starts_with('#'))
            .count();
        assert_eq!(data_rows, 40);
        let funding = text("funding.csv");
        assert!(funding.contains("counted in totals"), "{funding}");
        assert_eq!(
            funding
                .lines()
                .filter(|line| !line.starts_with('#'))
                .count(),
            1 + dataset.funding.len()
        );
    }

    #[test]
    fn the_zip_is_stored_and_lists_every_file() {
        let files = vec![
            ("README.txt".to_string(), b"hello".to_vec()),
            ("a.csv".to_string(), b"x,y\r\n1,2\r\n".to_vec()),
        ];
        let zipped = zip_files(&files).unwrap();
        assert_eq!(&zipped[..4], b"PK\x03\x04", "a local file header first");
        // Stored: each file's bytes appear as they are.
        assert!(zipped.windows(5).any(|window| window == b"hello"));
        assert!(
            zipped.windows(4).any(|window| window == b"PK\x05\x06"),
            "an end of central directory"
        );
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
        assert_eq!(archive.len(), 2);
        let mut content = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("a.csv").unwrap(), &mut content)
            .unwrap();
        assert_eq!(content, "x,y\r\n1,2\r\n");
    }
}
