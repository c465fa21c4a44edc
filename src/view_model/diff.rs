//! What changed between the data on screen and a file opened, in sentences and as a table to download.

use std::collections::BTreeSet;

use crate::analysis::diff::{Change, DatasetDiff, RecordChange, RecordKind, Revision};
use crate::export::{Cell, Column, DataTable};
use crate::text::{count_of, format_number, join_words, signed_number};

/// How many records or months a sentence names before "and N more".
const MAX_NAMED: usize = 4;

/// The comparison as shown beside the "opened" notice: sentences, and the full list as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffView {
    /// One sentence per kind of change, or one saying there is none.
    pub lines: Vec<String>,
    /// Every change, one row each, for the CSV.
    pub table: DataTable,
}

/// "A, B, C, D and 3 more".
fn named_some(names: &[String]) -> String {
    if names.len() <= MAX_NAMED {
        return join_words(names);
    }
    let mut shown: Vec<String> = names[..MAX_NAMED].to_vec();
    shown.push(format!("{} more", names.len() - MAX_NAMED));
    join_words(&shown)
}

/// "Announcements: 2 added (…), 1 changed (… : summary, sources) and 1 removed (…)."
fn records_line(kind: RecordKind, changes: &[&RecordChange]) -> Option<String> {
    if changes.is_empty() {
        return None;
    }
    let of = |wanted: fn(&Change) -> bool| -> Vec<&RecordChange> {
        changes
            .iter()
            .copied()
            .filter(|change| wanted(&change.change))
            .collect()
    };
    let added = of(|change| matches!(change, Change::Added));
    let changed = of(|change| matches!(change, Change::Changed(_)));
    let removed = of(|change| matches!(change, Change::Removed));
    let mut parts = Vec::new();
    let names = |records: &[&RecordChange]| {
        records
            .iter()
            .map(|record| record.name.clone())
            .collect::<Vec<_>>()
    };
    if !added.is_empty() {
        parts.push(format!(
            "{} added ({})",
            added.len(),
            named_some(&names(&added))
        ));
    }
    if !changed.is_empty() {
        let described: Vec<String> = changed
            .iter()
            .map(|record| match &record.change {
                Change::Changed(fields) => format!(
                    "{}: {}",
                    record.name,
                    fields
                        .iter()
                        .map(|field| field.field)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                _ => record.name.clone(),
            })
            .collect();
        parts.push(format!(
            "{} changed ({})",
            changed.len(),
            named_some(&described)
        ));
    }
    if !removed.is_empty() {
        parts.push(format!(
            "{} removed ({})",
            removed.len(),
            named_some(&names(&removed))
        ));
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
    let names: Vec<String> = months.into_iter().map(crate::dates::month_year).collect();
    named_some(&names)
}

fn days_line(diff: &DatasetDiff) -> Option<String> {
    let mut parts = Vec::new();
    if let Some((first, last, count)) = diff.days_added {
        parts.push(format!(
            "{} added ({})",
            count_of(count, "day", "days"),
            super::days_text(first, last)
        ));
    }
    if let Some((first, last, count)) = diff.days_removed {
        parts.push(format!(
            "{} no longer in the file ({})",
            count_of(count, "day", "days"),
            super::days_text(first, last)
        ));
    }
    if !diff.days_revised.is_empty() {
        let net_people: i64 = diff.days_revised.iter().map(Revision::people_change).sum();
        let net_boats: i64 = diff.days_revised.iter().map(Revision::boats_change).sum();
        let mut largest: Vec<&Revision> = diff.days_revised.iter().collect();
        largest.sort_by_key(|revision| std::cmp::Reverse(revision.people_change().abs()));
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
        let names: Vec<String> = diff
            .official_months_added
            .iter()
            .map(|month| crate::dates::month_year(*month))
            .collect();
        parts.push(format!(
            "{} added ({})",
            count_of(names.len(), "month", "months"),
            named_some(&names)
        ));
    }
    if !diff.official_months_revised.is_empty() {
        let names: Vec<String> = diff
            .official_months_revised
            .iter()
            .map(|revision| {
                format!(
                    "{}: {} to {} people",
                    crate::dates::month_year(revision.date),
                    format_number(f64::from(revision.old_people), 0),
                    format_number(f64::from(revision.new_people), 0)
                )
            })
            .collect();
        parts.push(format!(
            "{} revised ({})",
            count_of(names.len(), "month", "months"),
            named_some(&names)
        ));
    }
    (!parts.is_empty()).then(|| format!("Official monthly statistics: {}.", join_words(&parts)))
}

/// The sentences and the table for a comparison of the data on screen with a file opened.
pub fn diff_view(diff: &DatasetDiff) -> DiffView {
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
        lines.extend(records_line(kind, &of_kind));
    }
    lines.extend(days_line(diff));
    lines.extend(official_line(diff));
    DiffView {
        lines,
        table: diff_table(diff),
    }
}

/// Every change, one row each: what, which, how, and the old and new values.
fn diff_table(diff: &DatasetDiff) -> DataTable {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut push = |what: &str, which: &str, how: &str, field: &str, old: String, new: String| {
        rows.push(vec![
            Cell::text(what),
            Cell::text(which),
            Cell::text(how),
            Cell::text(field),
            Cell::text(&old),
            Cell::text(&new),
        ]);
    };
    for record in &diff.records {
        let what = record.kind.noun();
        let which = format!("{} [{}]", record.name, record.record_id);
        match &record.change {
            Change::Added => push(what, &which, "added", "", String::new(), String::new()),
            Change::Removed => push(what, &which, "removed", "", String::new(), String::new()),
            Change::Changed(fields) => {
                for field in fields {
                    push(
                        what,
                        &which,
                        "changed",
                        field.field,
                        field.old.clone(),
                        field.new.clone(),
                    );
                }
            }
        }
    }
    let figures = |revision: &Revision, of_new: bool| {
        let (people, boats) = if of_new {
            (revision.new_people, revision.new_boats)
        } else {
            (revision.old_people, revision.old_boats)
        };
        format!("{people} people, {boats} boats")
    };
    for revision in &diff.days_revised {
        let day = crate::dates::iso_date(revision.date);
        push(
            "day (provisional)",
            &day,
            "revised",
            "people and boats",
            figures(revision, false),
            figures(revision, true),
        );
    }
    // Days only the new file has, and days only the old one had: each a run of dates.
    for (how, days) in [("added", diff.days_added), ("removed", diff.days_removed)] {
        if let Some((first, last, count)) = days {
            let span = format!(
                "{} to {}",
                crate::dates::iso_date(first),
                crate::dates::iso_date(last)
            );
            push(
                "days (provisional)",
                &span,
                how,
                &format!("{count} days"),
                String::new(),
                String::new(),
            );
        }
    }
    for month in &diff.official_months_added {
        push(
            "month (official)",
            &crate::dates::iso_month(*month),
            "added",
            "",
            String::new(),
            String::new(),
        );
    }
    for revision in &diff.official_months_revised {
        let month = crate::dates::iso_month(revision.date);
        push(
            "month (official)",
            &month,
            "revised",
            "people and boats",
            figures(revision, false),
            figures(revision, true),
        );
    }
    let column = |heading: &str| Column {
        heading: heading.to_string(),
        is_numeric: false,
    };
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
        rows,
    }
}
