//! What a maintainer most often gets wrong that the checks allow: a date after today, and the same money counted twice (a repeat, or a stated total, entered as new money). Warnings for `cargo xtask check-data`, never a reason to refuse a file.

use chrono::NaiveDate;

use super::{Dataset, Funding, FundingRelation};

/// Two counted amounts for one recipient, equal and announced this close together, are taken for
/// the same money announced twice unless a recorded total lists both.
const SAME_MONEY_WINDOW_DAYS: i64 = 92;

/// Every warning, each starting with its place in the file ("funding[4]: …"), for `today`.
pub fn upkeep_warnings(dataset: &Dataset, today: NaiveDate) -> Vec<String> {
    let mut warnings = dates_after_today(dataset, today);
    warnings.extend(money_counted_twice(dataset));
    warnings
}

fn dates_after_today(dataset: &Dataset, today: NaiveDate) -> Vec<String> {
    let after_today = |place: String, day: NaiveDate| {
        (day > today).then(|| {
            format!(
                "{place}: {} is after today ({}); a record is dated when it was announced or published",
                crate::dates::iso_date(day),
                crate::dates::iso_date(today)
            )
        })
    };
    let mut warnings = Vec::new();
    warnings.extend(after_today("as_of".to_string(), dataset.as_of));
    for (source_idx, source) in dataset.sources.iter().enumerate() {
        if let Some(published) = source.published {
            warnings.extend(after_today(
                format!("sources[{source_idx}].published"),
                published.first_day,
            ));
        }
    }
    for (announcement_idx, announcement) in dataset.announcements.iter().enumerate() {
        warnings.extend(after_today(
            format!("announcements[{announcement_idx}].date"),
            announcement.date.first_day,
        ));
    }
    for (funding_idx, funding) in dataset.funding.iter().enumerate() {
        warnings.extend(after_today(
            format!("funding[{funding_idx}].announced"),
            funding.announced.first_day,
        ));
    }
    for (figure_idx, figure) in dataset.figures.iter().enumerate() {
        warnings.extend(after_today(
            format!("figures[{figure_idx}].date"),
            figure.time.first_day(),
        ));
    }
    warnings
}

/// Counted records that look like money already counted: an equal amount for the same recipient
/// shortly before (a repeat not marked `reannouncement`), or the sum of earlier counted records for
/// the same recipient (a stated total not marked `total_of`).
fn money_counted_twice(dataset: &Dataset) -> Vec<String> {
    let counted: Vec<(usize, &Funding)> = dataset
        .funding
        .iter()
        .enumerate()
        .filter(|(_, funding)| funding.is_counted_once())
        .collect();
    let in_a_recorded_total = |funding_id: &str| {
        dataset.funding.iter().any(|total| match &total.relation {
            FundingRelation::TotalOf { of_funding_ids } => {
                of_funding_ids.iter().any(|part| part == funding_id)
            }
            _ => false,
        })
    };
    let mut warnings = Vec::new();
    for (position, &(funding_idx, funding)) in counted.iter().enumerate() {
        let earlier: Vec<&Funding> = counted
            .iter()
            .filter(|&&(other_idx, other)| {
                other_idx != funding_idx
                    && other.recipient == funding.recipient
                    && other.announced.first_day <= funding.announced.first_day
            })
            .map(|&(_, other)| other)
            .collect();
        let repeat = counted[..position].iter().find(|&&(_, other)| {
            other.recipient == funding.recipient
                && other.amount_gbp == funding.amount_gbp
                && (funding.announced.first_day - other.announced.first_day)
                    .num_days()
                    .abs()
                    <= SAME_MONEY_WINDOW_DAYS
                && !(in_a_recorded_total(&other.funding_id)
                    && in_a_recorded_total(&funding.funding_id))
        });
        if let Some(&(_, other)) = repeat {
            warnings.push(format!(
                "funding[{funding_idx}]: {} for {} on {} is the same amount as {:?} on {}; if it is the same money announced again, give it the relation reannouncement of {:?} so it is counted once",
                crate::text::money(funding.amount_gbp),
                funding.recipient,
                funding.announced.iso(),
                other.funding_id,
                other.announced.iso(),
                other.funding_id
            ));
            continue;
        }
        if let Some(parts) = parts_summing_to(&earlier, funding.amount_gbp) {
            let ids: Vec<String> = parts
                .iter()
                .map(|part| format!("{:?}", part.funding_id))
                .collect();
            warnings.push(format!(
                "funding[{funding_idx}]: {} for {} is the sum of {}, already counted; if it is their stated total, give it the relation total_of [{}] so it is counted once",
                crate::text::money(funding.amount_gbp),
                funding.recipient,
                ids.join(" and "),
                ids.join(", ")
            ));
        }
    }
    warnings
}

/// Two or more of `records` whose amounts add up to `amount_gbp`: a pair, or all of them.
fn parts_summing_to<'a>(records: &[&'a Funding], amount_gbp: u64) -> Option<Vec<&'a Funding>> {
    for (first_idx, first) in records.iter().enumerate() {
        for second in &records[first_idx + 1..] {
            if first.amount_gbp.checked_add(second.amount_gbp) == Some(amount_gbp) {
                return Some(vec![first, second]);
            }
        }
    }
    let all_gbp: u64 = records.iter().map(|record| record.amount_gbp).sum();
    (records.len() > 2 && all_gbp == amount_gbp).then(|| records.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{dataset_from, date};

    /// The minimal valid dataset: two £75m records for the Command and their recorded £150m total.
    fn minimal_tree() -> serde_json::Value {
        serde_json::from_str(include_str!("../../tests/fixtures/minimal-valid.json")).unwrap()
    }

    const TODAY: fn() -> NaiveDate = || date(2025, 2, 1);

    #[test]
    fn a_tidy_file_gives_no_warning() {
        assert_eq!(
            upkeep_warnings(&dataset_from(&minimal_tree()), TODAY()),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_date_after_today_is_named_by_its_place() {
        let tree = minimal_tree();
        let dataset = dataset_from(&tree);
        let warnings = upkeep_warnings(&dataset, date(2024, 10, 1));
        assert!(
            warnings.iter().any(|warning| warning.starts_with("as_of: 2025-01-31 is after today (2024-10-01)")),
            "{warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .any(|warning| warning
                    .starts_with("funding[1].announced: 2024-11-04 is after today")),
            "{warnings:?}"
        );
        assert!(
            !warnings
                .iter()
                .any(|warning| warning.starts_with("funding[0].")),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_stated_total_entered_as_new_money_is_warned_of_with_its_parts() {
        let mut tree = minimal_tree();
        tree["funding"][2]["relation"] = serde_json::json!({ "kind": "new" });
        let warnings = upkeep_warnings(&dataset_from(&tree), TODAY());
        // With no recorded total listing them, the two parts also look like one amount repeated.
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with(
            "funding[1]: £75 million for BSC on 2024-11-04 is the same amount as \"f1\""
        ));
        assert_eq!(
            warnings[1..],
            ["funding[2]: £150 million for BSC is the sum of \"f1\" and \"f2\", already counted; if it is their stated total, give it the relation total_of [\"f1\", \"f2\"] so it is counted once"]
        );
    }

    #[test]
    fn the_same_amount_again_soon_after_is_warned_of_unless_a_total_lists_both() {
        let mut tree = minimal_tree();
        // Without the total that lists them, two equal amounts 48 days apart look like one repeated.
        tree["funding"].as_array_mut().unwrap().truncate(2);
        let warnings = upkeep_warnings(&dataset_from(&tree), TODAY());
        assert_eq!(
            warnings,
            ["funding[1]: £75 million for BSC on 2024-11-04 is the same amount as \"f1\" on 2024-09-17; if it is the same money announced again, give it the relation reannouncement of \"f1\" so it is counted once"]
        );
        // Marked as a repeat, it is not counted, and nothing is said.
        tree["funding"][1]["relation"] =
            serde_json::json!({ "kind": "reannouncement", "of": "f1" });
        assert_eq!(
            upkeep_warnings(&dataset_from(&tree), TODAY()),
            Vec::<String>::new()
        );
    }
}
