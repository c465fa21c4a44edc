//! What changed between the data on screen and a file opened, in sentences and as a table to download.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::analysis::diff::{
    diff_datasets, Change, DatasetDiff, RecordChange, RecordKind, Revision,
};
use crate::data::Dataset;
use crate::export::{Cell, Column, DataTable};
use crate::text::{count_of, format_number, join_words, signed_number};

/// How many records or months a sentence names before "and N more".
const MAX_NAMED: usize = 4;

/// The comparison as shown beside the "opened" notice: sentences, and the full list as a table made
/// when it is downloaded (at 100 times the data it would hold tens of thousands of rows nobody asked for).
#[derive(Debug, Clone)]
pub struct DiffView {
    /// One sentence per kind of change, or one saying there is none.
    pub lines: Vec<String>,
    /// How many rows the full list has.
    pub row_count: usize,
    before: Arc<Dataset>,
    after: Arc<Dataset>,
    diff: Arc<DatasetDiff>,
}

/// What the page shows of a comparison: the sentences and how many rows the full list has. The reader
/// module works it out and hands it to the page (`on_request`), which then asks for the list itself only
/// when it is downloaded.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChangesSummary {
    /// One sentence per kind of change, or one saying there is none.
    pub lines: Vec<String>,
    /// How many rows the full list has.
    pub row_count: usize,
}

impl DiffView {
    /// The sentences and the full list's size, as the page shows them.
    pub fn summary(&self) -> ChangesSummary {
        ChangesSummary {
            lines: self.lines.clone(),
            row_count: self.row_count,
        }
    }

    /// Every change, one row each, for the CSV.
    pub fn table(&self) -> DataTable {
        diff_table(&self.diff, &self.before, &self.after)
    }
}

/// Compares the data on screen (`before`) with a file opened (`after`).
pub fn diff_view(before: Arc<Dataset>, after: Arc<Dataset>) -> DiffView {
    let diff = diff_datasets(&before, &after);
    DiffView {
        lines: diff_lines(&diff, &before, &after),
        row_count: diff_row_count(&diff),
        before,
        after,
        diff: Arc::new(diff),
    }
}

/// "A, B, C, D and 3 more": names the first few items only.
fn named_some<T>(items: &[T], name: impl Fn(&T) -> String) -> String {
    let mut shown: Vec<String> = items.iter().take(MAX_NAMED).map(name).collect();
    if items.len() > MAX_NAMED {
        shown.push(format!("{} more", items.len() - MAX_NAMED));
    }
    join_words(&shown)
}

/// "Announcements: 2 added (…), 1 changed (… : summary, sources) and 1 removed (…)."
fn records_line(
    kind: RecordKind,
    changes: &[&RecordChange],
    before: &Dataset,
    after: &Dataset,
) -> Option<String> {
    if changes.is_empty() {
        return None;
    }
    let name = |record: &RecordChange| record.id_and_name(before, after).1;
    let mut parts = Vec::new();
    for (how, wanted) in [
        ("added", Change::is_added as fn(&Change) -> bool),
        ("changed", Change::is_changed),
        ("removed", Change::is_removed),
    ] {
        let of_how: Vec<&RecordChange> = changes
            .iter()
            .copied()
            .filter(|change| wanted(&change.change))
            .collect();
        if of_how.is_empty() {
            continue;
        }
        let named = named_some(&of_how, |record| match &record.change {
            Change::Changed(fields) => format!(
                "{}: {}",
                name(record),
                fields
                    .iter()
                    .map(|field| field.field)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => name(record),
        });
        parts.push(format!("{} {how} ({named})", of_how.len()));
    }
    let heading = match kind {
        RecordKind::Announcement => "Announcements",
        RecordKind::Funding => "Funding records",
        RecordKind::Figure => "Figures",
        RecordKind::Source => "Sources",
    };
    Some(format!("{heading}: {}.", join_words(&parts)))
}

/// "July 2026 and August 2026": the months some dates fall in.
fn months_of(revisions: &[Revision]) -> String {
    let months: BTreeSet<chrono::NaiveDate> = revisions
        .iter()
        .map(|revision| crate::calendar::month_start(revision.date))
        .collect();
    let months: Vec<chrono::NaiveDate> = months.into_iter().collect();
    named_some(&months, |month| crate::dates::month_year(*month))
}

fn days_line(diff: &DatasetDiff) -> Option<String> {
    let mut parts = Vec::new();
    if let Some((first, last, count)) = diff.days_added {
        parts.push(format!(
            "{} added ({})",
            count_of(count, "day", "days"),
            crate::dates::days_text(first, last)
        ));
    }
    if let Some((first, last, count)) = diff.days_removed {
        parts.push(format!(
            "{} no longer in the file ({})",
            count_of(count, "day", "days"),
            crate::dates::days_text(first, last)
        ));
    }
    if !diff.days_revised.is_empty() {
        let net_people: i64 = diff.days_revised.iter().map(Revision::people_change).sum();
        let net_boats: i64 = diff.days_revised.iter().map(Revision::boats_change).sum();
        let mut largest: Vec<&Revision> = diff.days_revised.iter().collect();
        crate::sorting::sort_by_key(&mut largest, |revision| {
            std::cmp::Reverse(revision.people_change().abs())
        });
        let largest_named: Vec<String> = largest
            .iter()
            .take(3)
            .map(|revision| {
                format!(
                    "{} ({} to {} people)",
                    crate::dates::day_month_year(revision.date),
                    format_number(f64::from(revision.old_people), 0),
                    format_number(f64::from(revision.new_people), 0)
                )
            })
            .collect();
        let signed_count = |change: i64, singular: &str, plural: &str| {
            format!(
                "{} {}",
                signed_number(change as f64, 0),
                if change.abs() == 1 { singular } else { plural }
            )
        };
        parts.push(format!(
            "{} revised, by {} and {} in all, in {}; the largest: {}",
            count_of(diff.days_revised.len(), "day", "days"),
            signed_count(net_people, "person", "people"),
            signed_count(net_boats, "boat", "boats"),
            months_of(&diff.days_revised),
            join_words(&largest_named)
        ));
    }
    (!parts.is_empty()).then(|| format!("Daily crossings (provisional): {}.", join_words(&parts)))
}

fn official_line(diff: &DatasetDiff) -> Option<String> {
    let mut parts = Vec::new();
    if !diff.official_months_added.is_empty() {
        let added = &diff.official_months_added;
        parts.push(format!(
            "{} added ({})",
            count_of(added.len(), "month", "months"),
            named_some(added, |month| crate::dates::month_year(*month))
        ));
    }
    if !diff.official_months_revised.is_empty() {
        let revised = &diff.official_months_revised;
        let named = named_some(revised, |revision| {
            format!(
                "{}: {} to {} people",
                crate::dates::month_year(revision.date),
                format_number(f64::from(revision.old_people), 0),
                format_number(f64::from(revision.new_people), 0)
            )
        });
        parts.push(format!(
            "{} revised ({named})",
            count_of(revised.len(), "month", "months"),
        ));
    }
    (!parts.is_empty()).then(|| format!("Official monthly statistics: {}.", join_words(&parts)))
}

/// The sentences for a comparison of the data on screen (`before`) with a file opened (`after`).
pub fn diff_lines(diff: &DatasetDiff, before: &Dataset, after: &Dataset) -> Vec<String> {
    let show = crate::dates::day_month_year;
    let mut lines = vec![if diff.old_as_of == diff.new_as_of {
        format!("Both are data as at {}.", show(diff.new_as_of))
    } else {
        format!(
            "The data on screen were as at {}; the file opened is as at {}.",
            show(diff.old_as_of),
            show(diff.new_as_of)
        )
    }];
    if diff.is_empty() {
        lines.push("No differences: the two files hold the same records and figures (a different fingerprint comes only from how the file is written).".to_string());
    }
    for kind in [
        RecordKind::Announcement,
        RecordKind::Funding,
        RecordKind::Figure,
        RecordKind::Source,
    ] {
        let of_kind: Vec<&RecordChange> = diff
            .records
            .iter()
            .filter(|record| record.kind == kind)
            .collect();
        lines.extend(records_line(kind, &of_kind, before, after));
    }
    lines.extend(days_line(diff));
    lines.extend(official_line(diff));
    lines
}

/// How many rows `diff_table` gives, without making them.
pub fn diff_row_count(diff: &DatasetDiff) -> usize {
    diff.records
        .iter()
        .map(RecordChange::row_count)
        .sum::<usize>()
        + diff.days_revised.len()
        + usize::from(diff.days_added.is_some())
        + usize::from(diff.days_removed.is_some())
        + diff.official_months_added.len()
        + diff.official_months_revised.len()
}

/// The rows of the full list, six text cells each.
#[derive(Default)]
struct ChangeRows(Vec<Vec<Cell>>);

impl ChangeRows {
    fn push(&mut self, what: &str, which: &str, how: &str, field: &str, old: &str, new: &str) {
        self.0.push(
            [what, which, how, field, old, new]
                .into_iter()
                .map(Cell::text)
                .collect(),
        );
    }

    /// One row per record added or removed, and one per field of a record changed.
    fn add_records(&mut self, diff: &DatasetDiff, before: &Dataset, after: &Dataset) {
        for record in &diff.records {
            let what = record.kind.noun();
            let (record_id, name) = record.id_and_name(before, after);
            let which = format!("{name} [{record_id}]");
            match &record.change {
                Change::Added => self.push(what, &which, "added", "", "", ""),
                Change::Removed => self.push(what, &which, "removed", "", "", ""),
                Change::Changed(fields) => {
                    for field in fields {
                        self.push(what, &which, "changed", field.field, &field.old, &field.new);
                    }
                }
            }
        }
    }

    /// One row for a day or month whose figures were revised.
    fn add_revision(&mut self, what: &str, when: &str, revision: &Revision) {
        let figures = |people: u32, boats: u32| {
            format!(
                "{}, {}",
                crate::text::count_of(people as usize, "person", "people"),
                crate::text::count_of(boats as usize, "boat", "boats")
            )
        };
        self.push(
            what,
            when,
            "revised",
            "people and boats",
            &figures(revision.old_people, revision.old_boats),
            &figures(revision.new_people, revision.new_boats),
        );
    }

    /// Days revised one by one, days added or gone as runs, and official months added or revised.
    fn add_series(&mut self, diff: &DatasetDiff) {
        for revision in &diff.days_revised {
            let day = crate::dates::iso_date(revision.date);
            self.add_revision("day (provisional)", &day, revision);
        }
        // Days only the new file has, and days only the old one had: each a run of dates.
        for (how, days) in [("added", diff.days_added), ("removed", diff.days_removed)] {
            if let Some((first, last, count)) = days {
                let span = format!(
                    "{} to {}",
                    crate::dates::iso_date(first),
                    crate::dates::iso_date(last)
                );
                let field = crate::text::count_of(count, "day", "days");
                self.push("days (provisional)", &span, how, &field, "", "");
            }
        }
        for month in &diff.official_months_added {
            let month = crate::dates::iso_month(*month);
            self.push("month (official)", &month, "added", "", "", "");
        }
        for revision in &diff.official_months_revised {
            let month = crate::dates::iso_month(revision.date);
            self.add_revision("month (official)", &month, revision);
        }
    }
}

/// Every change, one row each: what, which, how, and the old and new values.
pub fn diff_table(diff: &DatasetDiff, before: &Dataset, after: &Dataset) -> DataTable {
    let mut rows = ChangeRows::default();
    rows.add_records(diff, before, after);
    rows.add_series(diff);
    let column = |heading: &str| Column::shown(heading, false);
    DataTable {
        caption: "What changed between the data on screen and the file opened".to_string(),
        columns: [
            "What",
            "Which (id)",
            "Change",
            "Field",
            "Old value",
            "New value",
        ]
        .into_iter()
        .map(column)
        .collect(),
        rows: rows.0,
    }
}
