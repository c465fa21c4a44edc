//! Checks that no single record can make alone: unique ids, citations and relations that resolve, dates in range.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Alternative, AmountBasis, DataError, Dataset, FundingRelation, SeriesInfo};

/// The ids every source and funding record in the file has, including records that could not be read.
/// A reference to a record that is in the file but was refused for its own problem is not reported
/// again as dangling: that record's own message already says what is wrong.
#[derive(Debug, Default)]
pub(crate) struct IdsInFile {
    pub(crate) source_ids: HashSet<String>,
    pub(crate) funding_ids: HashSet<String>,
}

impl IdsInFile {
    /// The `id` of every object in a list, read from the raw tree.
    pub(crate) fn of_list(list: Option<&serde_json::Value>) -> HashSet<String> {
        list.and_then(serde_json::Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| item.get("id")?.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Records every cross-record problem in `dataset`.
pub(crate) fn check_across_records(
    dataset: &Dataset,
    ids_in_file: &IdsInFile,
    errors: &mut Vec<DataError>,
) {
    let as_of = dataset.as_of;
    let source_ids = unique_ids(
        dataset
            .sources
            .iter()
            .map(|source| source.source_id.as_str()),
        "sources",
        "source",
        errors,
    );
    for (source_idx, source) in dataset.sources.iter().enumerate() {
        if let Some(published) = source.published {
            not_after_shown(
                published.first_day,
                &published.iso(),
                as_of,
                &format!("sources[{source_idx}].published"),
                errors,
            );
        }
    }
    let citations = Citations {
        known: &source_ids,
        in_file: &ids_in_file.source_ids,
    };

    check_crossings(dataset, &citations, errors);

    unique_ids(
        dataset
            .announcements
            .iter()
            .map(|announcement| announcement.announcement_id.as_str()),
        "announcements",
        "announcement",
        errors,
    );
    for (announcement_idx, announcement) in dataset.announcements.iter().enumerate() {
        let path = format!("announcements[{announcement_idx}]");
        not_after_shown(
            announcement.date.first_day,
            &announcement.date.iso(),
            as_of,
            &format!("{path}.date"),
            errors,
        );
        citations.check(&announcement.source_ids, &path, errors);
        citations.check_alternatives(&announcement.alternatives, &path, errors);
    }

    check_funding(dataset, &citations, &ids_in_file.funding_ids, errors);

    unique_ids(
        dataset
            .figures
            .iter()
            .map(|figure| figure.figure_id.as_str()),
        "figures",
        "figure",
        errors,
    );
    for (figure_idx, figure) in dataset.figures.iter().enumerate() {
        let path = format!("figures[{figure_idx}]");
        not_after(
            figure.time.first_day(),
            as_of,
            &format!("{path}.date"),
            errors,
        );
        citations.check(&figure.source_ids, &path, errors);
        citations.check_alternatives(&figure.alternatives, &path, errors);
    }
}

struct Citations<'a> {
    /// Sources that were read.
    known: &'a HashSet<&'a str>,
    /// Every source id in the file, read or refused.
    in_file: &'a HashSet<String>,
}

impl Citations<'_> {
    fn check(&self, cited: &[String], path: &str, errors: &mut Vec<DataError>) {
        if cited.is_empty() {
            errors.push(DataError::new(
                &format!("{path}.source_ids"),
                "every record must cite at least one source".to_string(),
            ));
        }
        for (cite_idx, source_id) in cited.iter().enumerate() {
            if !self.known.contains(source_id.as_str()) && !self.in_file.contains(source_id) {
                errors.push(DataError::new(
                    &format!("{path}.source_ids[{cite_idx}]"),
                    format!("no source has the id {source_id:?}"),
                ));
            }
        }
    }

    fn check_alternatives(
        &self,
        alternatives: &[Alternative],
        path: &str,
        errors: &mut Vec<DataError>,
    ) {
        for (alternative_idx, alternative) in alternatives.iter().enumerate() {
            self.check(
                &alternative.source_ids,
                &format!("{path}.alternatives[{alternative_idx}]"),
                errors,
            );
        }
    }

    /// Every row's alternatives cite known sources.
    fn check_row_alternatives<'r>(
        &self,
        rows: impl Iterator<Item = &'r [super::RowAlternative]>,
        path: &str,
        errors: &mut Vec<DataError>,
    ) {
        for (row_idx, alternatives) in rows.enumerate() {
            for (alternative_idx, alternative) in alternatives.iter().enumerate() {
                self.check(
                    &alternative.source_ids,
                    &format!("{path}.rows[{row_idx}].alternatives[{alternative_idx}]"),
                    errors,
                );
            }
        }
    }

    fn check_series(
        &self,
        info: &SeriesInfo,
        dataset_as_of: NaiveDate,
        path: &str,
        errors: &mut Vec<DataError>,
    ) {
        self.check(&info.source_ids, path, errors);
        not_after(info.as_of, dataset_as_of, &format!("{path}.as_of"), errors);
    }
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    collection: &str,
    record_word: &str,
    errors: &mut Vec<DataError>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (record_idx, record_id) in ids.enumerate() {
        if !seen.insert(record_id) {
            errors.push(DataError::new(
                &format!("{collection}[{record_idx}].id"),
                format!("the id {record_id:?} is used by an earlier {record_word}"),
            ));
        }
    }
    seen
}

fn not_after(date: NaiveDate, as_of: NaiveDate, path: &str, errors: &mut Vec<DataError>) {
    not_after_shown(date, &date.to_string(), as_of, path, errors);
}

/// Like `not_after`, naming the date as the file writes it (`2025-02` rather than `2025-02-01`).
fn not_after_shown(
    first_day: NaiveDate,
    shown: &str,
    as_of: NaiveDate,
    path: &str,
    errors: &mut Vec<DataError>,
) {
    if first_day > as_of {
        errors.push(DataError::new(
            path,
            format!("{shown} is after the dataset's as-of date {as_of}"),
        ));
    }
}

fn check_crossings(dataset: &Dataset, citations: &Citations, errors: &mut Vec<DataError>) {
    let crossings = &dataset.crossings;
    let daily = &crossings.daily;
    citations.check_series(&daily.info, dataset.as_of, "crossings.daily", errors);
    if let Some(last_date) = daily.last_date() {
        not_after(
            last_date,
            daily.info.as_of,
            "crossings.daily.people (last day)",
            errors,
        );
    }
    let weekly = &crossings.weekly;
    citations.check_series(&weekly.info, dataset.as_of, "crossings.weekly", errors);
    let mut series_ids = vec![
        daily.info.series_id.as_str(),
        weekly.info.series_id.as_str(),
    ];
    for (series_idx, series) in crossings.monthly.iter().enumerate() {
        let path = format!("crossings.monthly[{series_idx}]");
        citations.check_series(&series.info, dataset.as_of, &path, errors);
        citations.check_row_alternatives(
            series.rows.iter().map(|row| row.alternatives.as_slice()),
            &path,
            errors,
        );
        if let Some(last) = series.rows.last() {
            not_after(
                last.month,
                series.info.as_of,
                &format!("{path}.rows (last month)"),
                errors,
            );
        }
        series_ids.push(&series.info.series_id);
    }
    for (series_idx, series) in crossings.annual.iter().enumerate() {
        let path = format!("crossings.annual[{series_idx}]");
        citations.check_series(&series.info, dataset.as_of, &path, errors);
        citations.check_row_alternatives(
            series.rows.iter().map(|row| row.alternatives.as_slice()),
            &path,
            errors,
        );
        if let Some(last) = series.rows.last() {
            if let Some(last_year_start) = NaiveDate::from_ymd_opt(last.year, 1, 1) {
                not_after(
                    last_year_start,
                    series.info.as_of,
                    &format!("{path}.rows (last year)"),
                    errors,
                );
            }
        }
        series_ids.push(&series.info.series_id);
    }
    let mut seen = HashSet::new();
    for series_id in series_ids {
        if !seen.insert(series_id) {
            errors.push(DataError::new(
                "crossings",
                format!("two series have the id {series_id:?}"),
            ));
        }
    }
}

fn check_funding(
    dataset: &Dataset,
    citations: &Citations,
    funding_ids_in_file: &HashSet<String>,
    errors: &mut Vec<DataError>,
) {
    unique_ids(
        dataset
            .funding
            .iter()
            .map(|funding| funding.funding_id.as_str()),
        "funding",
        "funding record",
        errors,
    );
    let index_by_id: HashMap<&str, usize> = dataset
        .funding
        .iter()
        .enumerate()
        .map(|(funding_idx, funding)| (funding.funding_id.as_str(), funding_idx))
        .collect();
    for (funding_idx, funding) in dataset.funding.iter().enumerate() {
        let path = format!("funding[{funding_idx}]");
        not_after_shown(
            funding.announced.first_day,
            &funding.announced.iso(),
            dataset.as_of,
            &format!("{path}.announced"),
            errors,
        );
        citations.check(&funding.source_ids, &path, errors);
        citations.check_alternatives(&funding.alternatives, &path, errors);
        let relation_path = format!("{path}.relation.of");
        let resolve = |target_id: &str, errors: &mut Vec<DataError>| -> Option<usize> {
            match index_by_id.get(target_id) {
                Some(&target_idx) if target_idx == funding_idx => {
                    errors.push(DataError::new(
                        &relation_path,
                        "a funding record cannot refer to itself".to_string(),
                    ));
                    None
                }
                Some(&target_idx) => Some(target_idx),
                None if funding_ids_in_file.contains(target_id) => None,
                None => {
                    errors.push(DataError::new(
                        &relation_path,
                        format!("no funding record has the id {target_id:?}"),
                    ));
                    None
                }
            }
        };
        check_relation(dataset, funding, &path, &resolve, errors);
    }
}

/// What a funding record's relation says must hold: a re-announcement comes after what it repeats,
/// a part is no larger than its total (which is new money), a total adds up.
fn check_relation(
    dataset: &Dataset,
    funding: &super::Funding,
    path: &str,
    resolve: &dyn Fn(&str, &mut Vec<DataError>) -> Option<usize>,
    errors: &mut Vec<DataError>,
) {
    let relation_path = format!("{path}.relation.of");
    match &funding.relation {
        FundingRelation::New => {}
        FundingRelation::Reannouncement { of_funding_id } => {
            if let Some(target_idx) = resolve(of_funding_id, errors) {
                let target = &dataset.funding[target_idx];
                if target.announced.first_day > funding.announced.first_day {
                    errors.push(DataError::new(
                        &relation_path,
                        format!(
                            "a re-announcement must come after what it repeats, but {of_funding_id:?} was announced later ({})",
                            target.announced.iso()
                        ),
                    ));
                }
            }
        }
        FundingRelation::PartOf { of_funding_id } => {
            if let Some(target_idx) = resolve(of_funding_id, errors) {
                let target = &dataset.funding[target_idx];
                if target.amount_gbp < funding.amount_gbp {
                    errors.push(DataError::new(
                        &relation_path,
                        format!(
                            "a part (£{}) cannot be larger than the total it belongs to (£{})",
                            funding.amount_gbp, target.amount_gbp
                        ),
                    ));
                }
                if !matches!(target.relation, FundingRelation::New) {
                    errors.push(DataError::new(
                        &relation_path,
                        format!("{of_funding_id:?} must be new money for a part of it to be left out of totals"),
                    ));
                }
            }
        }
        FundingRelation::TotalOf { of_funding_ids } => {
            check_total_of(dataset, funding, of_funding_ids, path, resolve, errors)
        }
    }
}

/// A stated total: each part listed once, resolved, not itself a total, and (where every amount is
/// exact) adding up to the total.
fn check_total_of(
    dataset: &Dataset,
    funding: &super::Funding,
    of_funding_ids: &[String],
    path: &str,
    resolve: &dyn Fn(&str, &mut Vec<DataError>) -> Option<usize>,
    errors: &mut Vec<DataError>,
) {
    let relation_path = format!("{path}.relation.of");
    let mut parts_sum_gbp: u64 = 0;
    let mut all_exact = funding.amount_basis == AmountBasis::Exact;
    let mut seen_parts = HashSet::new();
    for part_id in of_funding_ids {
        if !seen_parts.insert(part_id.as_str()) {
            errors.push(DataError::new(
                &relation_path,
                format!("{part_id:?} is listed twice"),
            ));
            continue;
        }
        let Some(part_idx) = resolve(part_id, errors) else {
            all_exact = false;
            continue;
        };
        let part = &dataset.funding[part_idx];
        if matches!(part.relation, FundingRelation::TotalOf { .. }) {
            errors.push(DataError::new(
                &relation_path,
                format!("{part_id:?} is itself a total; list its parts instead"),
            ));
        }
        all_exact &= part.amount_basis == AmountBasis::Exact;
        parts_sum_gbp = parts_sum_gbp.saturating_add(part.amount_gbp);
    }
    if all_exact && parts_sum_gbp != funding.amount_gbp {
        errors.push(DataError::new(
            &format!("{path}.amount_gbp"),
            format!(
                "the total is £{} but its parts add up to £{parts_sum_gbp}",
                funding.amount_gbp
            ),
        ));
    }
}
