//! What changed between two editions of the dataset: records added, removed and changed (with each field's old and new value), crossing days added and revised, official months added and revised.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::closed_set::ClosedSet;
use crate::data::{
    Announcement, DailySeries, Dataset, Figure, Funding, FundingRelation, MonthRow, Source,
};

/// The kinds of record a dataset holds, in the order a summary gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Announcement,
    Funding,
    Figure,
    Source,
}

impl RecordKind {
    /// "announcement", for sentences.
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Announcement => "announcement",
            RecordKind::Funding => "funding record",
            RecordKind::Figure => "figure",
            RecordKind::Source => "source",
        }
    }
}

/// One field of a record that differs: its name and both values, as people read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// What happened to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    Changed(Vec<FieldChange>),
}

impl Change {
    pub fn is_added(&self) -> bool {
        matches!(self, Change::Added)
    }
    pub fn is_changed(&self) -> bool {
        matches!(self, Change::Changed(_))
    }
    pub fn is_removed(&self) -> bool {
        matches!(self, Change::Removed)
    }
}

/// A record added, removed or changed. It is found by its place in the file that holds it (the old
/// file for a record removed, the new one otherwise), so that a comparison of large files makes no
/// text for records nobody reads; `id_and_name` names it when asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordChange {
    pub kind: RecordKind,
    /// Index into the list of its kind, in the file that holds the record.
    pub record_idx: usize,
    pub change: Change,
}

impl RecordChange {
    /// The record's id and its name, such as "Border Security Command established (5 July 2024)".
    pub fn id_and_name(&self, old: &Dataset, new: &Dataset) -> (String, String) {
        let holder = if self.change == Change::Removed {
            old
        } else {
            new
        };
        fn named<T: Compared>(records: &[T], record_idx: usize) -> (String, String) {
            records
                .get(record_idx)
                .map(|record| (record.record_id().to_string(), record.name()))
                .unwrap_or_default()
        }
        match self.kind {
            RecordKind::Announcement => named(&holder.announcements, self.record_idx),
            RecordKind::Funding => named(&holder.funding, self.record_idx),
            RecordKind::Figure => named(&holder.figures, self.record_idx),
            RecordKind::Source => named(&holder.sources, self.record_idx),
        }
    }

    /// How many rows the record takes in the full list: one per field changed, else one.
    pub fn row_count(&self) -> usize {
        match &self.change {
            Change::Changed(fields) => fields.len(),
            Change::Added | Change::Removed => 1,
        }
    }
}

/// People and boats on one day (or in one month), before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision {
    pub date: NaiveDate,
    pub old_people: u32,
    pub new_people: u32,
    pub old_boats: u32,
    pub new_boats: u32,
}

impl Revision {
    /// New people less old.
    pub fn people_change(&self) -> i64 {
        i64::from(self.new_people) - i64::from(self.old_people)
    }

    /// New boats less old.
    pub fn boats_change(&self) -> i64 {
        i64::from(self.new_boats) - i64::from(self.old_boats)
    }
}

/// Everything that differs between two datasets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetDiff {
    pub old_as_of: NaiveDate,
    pub new_as_of: NaiveDate,
    /// Records added, removed or changed, by kind, then as the new file (then the old) lists them.
    pub records: Vec<RecordChange>,
    /// Days in the new daily series and not the old: the first and last, and how many.
    pub days_added: Option<(NaiveDate, NaiveDate, usize)>,
    /// Days in the old daily series and not the new.
    pub days_removed: Option<(NaiveDate, NaiveDate, usize)>,
    /// Days in both whose people or boats differ, oldest first.
    pub days_revised: Vec<Revision>,
    /// Official months in the new edition and not the old.
    pub official_months_added: Vec<NaiveDate>,
    /// Official months in both whose figures differ.
    pub official_months_revised: Vec<Revision>,
}

impl DatasetDiff {
    /// True when the two files agree in everything compared (their fingerprints may still differ, for
    /// example in spacing or the order of fields).
    pub fn is_empty(&self) -> bool {
        self.old_as_of == self.new_as_of
            && self.records.is_empty()
            && self.days_added.is_none()
            && self.days_removed.is_none()
            && self.days_revised.is_empty()
            && self.official_months_added.is_empty()
            && self.official_months_revised.is_empty()
    }
}

/// A record's fields as people read them, in a fixed order, and its name.
trait Compared: PartialEq {
    const KIND: RecordKind;
    fn record_id(&self) -> &str;
    fn name(&self) -> String;
    fn fields(&self) -> Vec<(&'static str, String)>;
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn optional(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

impl Compared for Announcement {
    const KIND: RecordKind = RecordKind::Announcement;
    fn record_id(&self) -> &str {
        &self.announcement_id
    }
    fn name(&self) -> String {
        format!("{} ({})", self.title, self.date.display())
    }
    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("date", self.date.display()),
            ("title", self.title.clone()),
            ("summary", self.summary.clone()),
            ("actors", list(&self.actors)),
            (
                "themes",
                self.themes
                    .iter()
                    .map(|theme| theme.label())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("sources", list(&self.source_ids)),
            ("note", optional(&self.note)),
        ]
    }
}

fn relation_text(relation: &FundingRelation) -> String {
    match relation {
        FundingRelation::New => "new money".to_string(),
        FundingRelation::Reannouncement { of_funding_id } => {
            format!("re-announcement of {of_funding_id}")
        }
        FundingRelation::PartOf { of_funding_id } => format!("part of {of_funding_id}"),
        FundingRelation::TotalOf { of_funding_ids } => format!("total of {}", list(of_funding_ids)),
    }
}

impl Compared for Funding {
    const KIND: RecordKind = RecordKind::Funding;
    fn record_id(&self) -> &str {
        &self.funding_id
    }
    fn name(&self) -> String {
        format!(
            "{}{} for {} ({})",
            self.amount_basis.qualifier(),
            crate::text::money(self.amount_gbp),
            self.recipient,
            self.announced.display()
        )
    }
    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("announced", self.announced.display()),
            (
                "amount",
                format!(
                    "{}{}",
                    self.amount_basis.qualifier(),
                    crate::text::money(self.amount_gbp)
                ),
            ),
            (
                "a yearly rate",
                if self.amount_is_per_year { "yes" } else { "no" }.to_string(),
            ),
            (
                "for the Command",
                if self.for_bsc { "yes" } else { "no" }.to_string(),
            ),
            ("recipient", self.recipient.clone()),
            ("purpose", self.purpose.clone()),
            ("period", self.period.clone()),
            ("relation", relation_text(&self.relation)),
            ("sources", list(&self.source_ids)),
            ("note", optional(&self.note)),
        ]
    }
}

impl Compared for Figure {
    const KIND: RecordKind = RecordKind::Figure;
    fn record_id(&self) -> &str {
        &self.figure_id
    }
    fn name(&self) -> String {
        format!("{} ({})", self.label, self.time.display())
    }
    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("label", self.label.clone()),
            (
                "value",
                format!(
                    "{}{}",
                    self.value_basis.qualifier(),
                    crate::text::format_number(self.value, 2)
                ),
            ),
            ("unit", self.unit.clone()),
            ("time", self.time.display()),
            ("sources", list(&self.source_ids)),
            ("note", optional(&self.note)),
        ]
    }
}

impl Compared for Source {
    const KIND: RecordKind = RecordKind::Source;
    fn record_id(&self) -> &str {
        &self.source_id
    }
    fn name(&self) -> String {
        format!("{}, “{}”", self.publisher, self.title)
    }
    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("title", self.title.clone()),
            ("publisher", self.publisher.clone()),
            (
                "published",
                self.published
                    .map(|date| date.display())
                    .unwrap_or_default(),
            ),
            ("link", optional(&self.url)),
            ("kind", self.kind.label().to_string()),
            ("note", optional(&self.note)),
        ]
    }
}

/// The fields that differ between two versions of one record, or `None` when they read the same.
fn changed_fields<T: Compared>(before: &T, after: &T) -> Option<Change> {
    // Most records are unchanged: equal records are passed over before any text is made.
    if before == after {
        return None;
    }
    let changed: Vec<FieldChange> = before
        .fields()
        .into_iter()
        .zip(after.fields())
        .filter(|((_, old_value), (_, new_value))| old_value != new_value)
        .map(|((field, old_value), (_, new_value))| FieldChange {
            field,
            old: old_value,
            new: new_value,
        })
        .collect();
    (!changed.is_empty()).then_some(Change::Changed(changed))
}

/// The records of one kind added (in the new file's order), changed, and removed (in the old file's).
fn diff_records<T: Compared>(old: &[T], new: &[T], out: &mut Vec<RecordChange>) {
    let push = |out: &mut Vec<RecordChange>, record_idx: usize, change: Change| {
        out.push(RecordChange {
            kind: T::KIND,
            record_idx,
            change,
        })
    };
    // An edition usually lists the same records in the same order: then they pair up by place, with
    // no lookup by id.
    let same_order = old.len() == new.len()
        && old
            .iter()
            .zip(new)
            .all(|(before, after)| before.record_id() == after.record_id());
    if same_order {
        for (record_idx, (before, after)) in old.iter().zip(new).enumerate() {
            if let Some(change) = changed_fields(before, after) {
                push(out, record_idx, change);
            }
        }
        return;
    }
    let old_by_id: HashMap<&str, &T> = old
        .iter()
        .map(|record| (record.record_id(), record))
        .collect();
    let new_ids: std::collections::HashSet<&str> = new.iter().map(Compared::record_id).collect();
    for (record_idx, record) in new.iter().enumerate() {
        let change = match old_by_id.get(record.record_id()) {
            None => Some(Change::Added),
            Some(before) => changed_fields(*before, record),
        };
        if let Some(change) = change {
            push(out, record_idx, change);
        }
    }
    for (record_idx, record) in old.iter().enumerate() {
        if !new_ids.contains(record.record_id()) {
            push(out, record_idx, Change::Removed);
        }
    }
}

fn official_months(dataset: &Dataset) -> BTreeMap<NaiveDate, &MonthRow> {
    dataset
        .crossings
        .monthly
        .first()
        .map(|series| series.rows.iter().map(|row| (row.month, row)).collect())
        .unwrap_or_default()
}

/// The days only one series has (as first, last and count) and the days both have with other figures.
/// Both series run day by day without gaps, so the days they share line up by an offset.
#[allow(clippy::type_complexity)]
fn diff_days(
    old: &DailySeries,
    new: &DailySeries,
) -> (
    Option<(NaiveDate, NaiveDate, usize)>,
    Option<(NaiveDate, NaiveDate, usize)>,
    Vec<Revision>,
) {
    let days_in = |series: &DailySeries| series.people.len();
    // The days of `series` before `other` starts and after it ends: at most two runs of entries.
    let only_in = |series: &DailySeries, other: &DailySeries| {
        let n_days = days_in(series) as i64;
        let Some(other_last) = other.last_date() else {
            return (n_days > 0).then(|| {
                (
                    series.first_date,
                    series.date_of(n_days as usize - 1),
                    n_days as usize,
                )
            });
        };
        let before_end = (other.first_date - series.first_date)
            .num_days()
            .clamp(0, n_days);
        let after_start = ((other_last - series.first_date).num_days() + 1).clamp(0, n_days);
        let runs = [(0, before_end), (after_start, n_days)];
        let runs: Vec<(i64, i64)> = runs
            .into_iter()
            .filter(|(start, end)| start < end)
            .collect();
        let first_idx = runs.first()?.0 as usize;
        let last_idx = runs.last()?.1 as usize - 1;
        let count = runs.iter().map(|(start, end)| (end - start) as usize).sum();
        Some((series.date_of(first_idx), series.date_of(last_idx), count))
    };
    let mut revised = Vec::new();
    if let (Some(old_last), Some(new_last)) = (old.last_date(), new.last_date()) {
        let first_shared = old.first_date.max(new.first_date);
        let last_shared = old_last.min(new_last);
        if first_shared <= last_shared {
            let old_start = (first_shared - old.first_date).num_days() as usize;
            let new_start = (first_shared - new.first_date).num_days() as usize;
            let n_shared = (last_shared - first_shared).num_days() as usize + 1;
            for offset in 0..n_shared {
                let (old_idx, new_idx) = (old_start + offset, new_start + offset);
                if old.people[old_idx] != new.people[new_idx]
                    || old.boats[old_idx] != new.boats[new_idx]
                {
                    revised.push(Revision {
                        date: new.date_of(new_idx),
                        old_people: old.people[old_idx],
                        new_people: new.people[new_idx],
                        old_boats: old.boats[old_idx],
                        new_boats: new.boats[new_idx],
                    });
                }
            }
        }
    }
    (only_in(new, old), only_in(old, new), revised)
}

/// Compares two datasets: `old` (the one on screen, or the older file) against `new`.
pub fn diff_datasets(old: &Dataset, new: &Dataset) -> DatasetDiff {
    let mut records = Vec::new();
    diff_records(&old.announcements, &new.announcements, &mut records);
    diff_records(&old.funding, &new.funding, &mut records);
    diff_records(&old.figures, &new.figures, &mut records);
    diff_records(&old.sources, &new.sources, &mut records);
    let (days_added, days_removed, days_revised) =
        diff_days(&old.crossings.daily, &new.crossings.daily);
    let (old_months, new_months) = (official_months(old), official_months(new));
    let official_months_added = new_months
        .keys()
        .filter(|month| !old_months.contains_key(month))
        .copied()
        .collect();
    let official_months_revised = new_months
        .values()
        .filter_map(|new_row| {
            let old_row = old_months.get(&new_row.month)?;
            // A revision is a changed count; another source's figure added beside it is not.
            (old_row.people != new_row.people || old_row.boats != new_row.boats).then_some(
                Revision {
                    date: new_row.month,
                    old_people: old_row.people,
                    new_people: new_row.people,
                    old_boats: old_row.boats,
                    new_boats: new_row.boats,
                },
            )
        })
        .collect();
    DatasetDiff {
        old_as_of: old.as_of,
        new_as_of: new.as_of,
        records,
        days_added,
        days_removed,
        days_revised,
        official_months_added,
        official_months_revised,
    }
}
