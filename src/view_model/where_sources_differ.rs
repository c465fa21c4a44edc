//! Where sources differ: every figure, amount or date that another source gives differently, beside the value this dataset uses, for the Sources view and the data pack.

use crate::data::{
    Alternative, AmountBasis, Announcement, Dataset, Figure, Funding, PartialDate, RowAlternative,
    Status,
};
use crate::text::{format_number, money};

use super::value_display;

/// One value this dataset uses and the other values other sources give for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDifference {
    /// What the value is: "Small-boat arrivals in 2022 (official statistics)".
    pub subject: String,
    /// Where it lives in the dataset: `crossings.annual`, `announcements`, `funding` or `figures`.
    pub collection: &'static str,
    /// The record's id, or the series id and period for a row of an official series.
    pub record_id: String,
    /// The value used, as shown: "45,774 people and 1,110 boats".
    pub used_display: String,
    pub used_source_ids: Vec<String>,
    pub others: Vec<OtherValue>,
}

/// A value another source gives.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherValue {
    /// As shown: "45,756 people", "10 December 2024", "£70m".
    pub value_display: String,
    pub source_ids: Vec<String>,
    /// The sources' publishers, each once, joined: "The Times and Associated Press (via LatestLY)".
    pub publishers: String,
    /// How many publishers that names.
    pub publisher_count: usize,
    /// Why it differs, where known.
    pub note: Option<String>,
}

impl OtherValue {
    /// "The Times gives 45,756 people (called official figures at the time)."; "give" after two or more publishers.
    pub fn sentence(&self) -> String {
        format!(
            "{} {} {}{}.",
            self.publishers,
            if self.publisher_count > 1 {
                "give"
            } else {
                "gives"
            },
            self.value_display,
            self.note
                .as_deref()
                .map(|note| format!(" ({})", note.trim().trim_end_matches('.')))
                .unwrap_or_default()
        )
    }
}

/// The sources' publishers, each named once, and how many there are.
fn publishers(dataset: &Dataset, source_ids: &[String]) -> (String, usize) {
    let mut names: Vec<String> = Vec::new();
    for source in dataset.sources_of(source_ids) {
        if !names.contains(&source.publisher) {
            names.push(source.publisher.clone());
        }
    }
    if names.is_empty() {
        ("Another source".to_string(), 1)
    } else {
        (crate::text::join_words(&names), names.len())
    }
}

fn other_value(
    dataset: &Dataset,
    value_display: String,
    source_ids: &[String],
    note: &Option<String>,
) -> OtherValue {
    let (publishers, publisher_count) = publishers(dataset, source_ids);
    OtherValue {
        value_display,
        source_ids: source_ids.to_vec(),
        publishers,
        publisher_count,
        note: note.clone(),
    }
}

fn people_and_boats(people: Option<u32>, boats: Option<u32>) -> String {
    let part = |count: Option<u32>, singular: &str, plural: &str| {
        count.map(|count| {
            let word = if count == 1 { singular } else { plural };
            format!("{} {word}", format_number(f64::from(count), 0))
        })
    };
    let parts: Vec<String> = [
        part(people, "person", "people"),
        part(boats, "boat", "boats"),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.join(" and ")
}

fn row_others(dataset: &Dataset, alternatives: &[RowAlternative]) -> Vec<OtherValue> {
    alternatives
        .iter()
        .map(|alternative| {
            other_value(
                dataset,
                people_and_boats(alternative.people, alternative.boats),
                &alternative.source_ids,
                &alternative.note,
            )
        })
        .collect()
}

/// Another source's value as written in the file, shown the way the record's own value is.
fn record_others(
    dataset: &Dataset,
    alternatives: &[Alternative],
    show: impl Fn(&Alternative) -> Option<String>,
) -> Vec<OtherValue> {
    alternatives
        .iter()
        .map(|alternative| {
            other_value(
                dataset,
                show(alternative).unwrap_or_else(|| alternative.value.clone()),
                &alternative.source_ids,
                &alternative.note,
            )
        })
        .collect()
}

/// Other sources' values for a figure, each shown in the figure's unit.
pub(super) fn figure_others(dataset: &Dataset, figure: &Figure) -> Vec<OtherValue> {
    record_others(dataset, &figure.alternatives, |alternative| {
        alternative
            .number
            .map(|number| value_display(number, &figure.unit, AmountBasis::Exact))
    })
}

/// Other sources' amounts for a funding record, in pounds.
pub(super) fn funding_others(dataset: &Dataset, funding: &Funding) -> Vec<OtherValue> {
    record_others(dataset, &funding.alternatives, |alternative| {
        alternative.value.parse::<u64>().ok().map(money)
    })
}

/// Other sources' dates for an announcement.
pub fn announcement_others(dataset: &Dataset, announcement: &Announcement) -> Vec<OtherValue> {
    record_others(dataset, &announcement.alternatives, |alternative| {
        PartialDate::parse(&alternative.value).map(|date| date.display())
    })
}

/// A record's caveat and then one sentence per other value, as listed under the record.
pub fn record_notes(note: Option<&str>, others: &[OtherValue]) -> Vec<String> {
    note.map(|note| note.trim().to_string())
        .into_iter()
        .chain(others.iter().map(OtherValue::sentence))
        .collect()
}

fn status_words(status: Status) -> &'static str {
    match status {
        Status::Official => "official statistics",
        Status::Provisional => "provisional figures",
    }
}

fn series_differences(dataset: &Dataset, out: &mut Vec<SourceDifference>) {
    for series in &dataset.crossings.annual {
        for row in series
            .rows
            .iter()
            .filter(|row| !row.alternatives.is_empty())
        {
            out.push(SourceDifference {
                subject: format!(
                    "Small-boat arrivals in {} ({})",
                    row.year,
                    status_words(series.info.status)
                ),
                collection: "crossings.annual",
                record_id: format!("{} {}", series.info.series_id, row.year),
                used_display: people_and_boats(Some(row.people), Some(row.boats)),
                used_source_ids: series.info.source_ids.clone(),
                others: row_others(dataset, &row.alternatives),
            });
        }
    }
    for series in &dataset.crossings.monthly {
        for row in series
            .rows
            .iter()
            .filter(|row| !row.alternatives.is_empty())
        {
            out.push(SourceDifference {
                subject: format!(
                    "Small-boat arrivals in {} ({})",
                    crate::dates::month_year(row.month),
                    status_words(series.info.status)
                ),
                collection: "crossings.monthly",
                record_id: format!(
                    "{} {}",
                    series.info.series_id,
                    crate::dates::iso_month(row.month)
                ),
                used_display: people_and_boats(Some(row.people), Some(row.boats)),
                used_source_ids: series.info.source_ids.clone(),
                others: row_others(dataset, &row.alternatives),
            });
        }
    }
}

/// Every value another source gives differently, in the order of the file: official years, official
/// months, announcements' dates, funding amounts, then other figures.
pub fn source_differences(dataset: &Dataset) -> Vec<SourceDifference> {
    let mut out = Vec::new();
    series_differences(dataset, &mut out);
    for announcement in dataset
        .announcements
        .iter()
        .filter(|announcement| !announcement.alternatives.is_empty())
    {
        out.push(SourceDifference {
            subject: format!("Date of: {}", announcement.title),
            collection: "announcements",
            record_id: announcement.announcement_id.clone(),
            used_display: announcement.date.display(),
            used_source_ids: announcement.source_ids.clone(),
            others: announcement_others(dataset, announcement),
        });
    }
    for funding in dataset
        .funding
        .iter()
        .filter(|funding| !funding.alternatives.is_empty())
    {
        out.push(SourceDifference {
            subject: format!(
                "Amount announced on {}: {}",
                funding.announced.display(),
                funding.purpose
            ),
            collection: "funding",
            record_id: funding.funding_id.clone(),
            used_display: crate::text::capitalise(&format!(
                "{}{}",
                funding.amount_basis.qualifier(),
                money(funding.amount_gbp)
            )),
            used_source_ids: funding.source_ids.clone(),
            others: funding_others(dataset, funding),
        });
    }
    for figure in dataset
        .figures
        .iter()
        .filter(|figure| !figure.alternatives.is_empty())
    {
        out.push(SourceDifference {
            subject: format!("{} ({})", figure.label, figure.time.display()),
            collection: "figures",
            record_id: figure.figure_id.clone(),
            used_display: value_display(figure.value, &figure.unit, figure.value_basis),
            used_source_ids: figure.source_ids.clone(),
            others: figure_others(dataset, figure),
        });
    }
    out
}
