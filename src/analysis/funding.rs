//! Money announced, counted once: totals, by recipient and cumulative by month, each pound added only where it is new.

use chrono::NaiveDate;

use crate::calendar::{month_start, next_month_start};
use crate::data::{Funding, FundingRelation};

/// Money announced, counted so that nothing is added twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingTotal {
    /// The sum of the counted records, in whole pounds.
    pub counted_gbp: u64,
    /// True when at least one counted amount is an upper bound ("up to", "nearly"), so the total is one too.
    pub is_upper_bound: bool,
    /// The records added in, in dataset order.
    pub counted_ids: Vec<String>,
    /// Records left out because they repeat, sum or belong to counted ones.
    pub left_out_ids: Vec<String>,
    /// Yearly rates, never added to one-off sums.
    pub per_year_ids: Vec<String>,
}

/// Adds up one-off funding records that pass `include`, counting only new money.
///
/// Totals of earlier records, re-announcements and parts of recorded totals are left out, and yearly
/// rates are listed apart, so the sum never counts the same pound twice.
pub fn funding_total<'a>(records: impl IntoIterator<Item = &'a Funding>) -> FundingTotal {
    let mut total = FundingTotal {
        counted_gbp: 0,
        is_upper_bound: false,
        counted_ids: Vec::new(),
        left_out_ids: Vec::new(),
        per_year_ids: Vec::new(),
    };
    for funding in records {
        if funding.amount_is_per_year {
            total.per_year_ids.push(funding.funding_id.clone());
        } else if funding.is_counted_once() {
            total.counted_gbp += funding.amount_gbp;
            total.is_upper_bound |= funding.amount_basis.is_upper_bound();
            total.counted_ids.push(funding.funding_id.clone());
        } else {
            total.left_out_ids.push(funding.funding_id.clone());
        }
    }
    total
}

/// Why a funding record is or is not in the totals, for people.
pub fn funding_count_reason(funding: &Funding, all: &[Funding]) -> String {
    if funding.amount_is_per_year {
        return "A yearly rate: shown beside the totals, never added to one-off sums.".to_string();
    }
    // Records are named as people know them, by amount and date; ids stay in the data and CSV.
    let named = |funding_id: &str| {
        all.iter()
            .find(|other| other.funding_id == funding_id)
            .map_or_else(
                || "another record".to_string(),
                |other| {
                    format!(
                        "the {}{} announced {}",
                        other.amount_basis.qualifier(),
                        crate::text::money(other.amount_gbp),
                        other.announced.display()
                    )
                },
            )
    };
    match &funding.relation {
        FundingRelation::New => "New money: counted once.".to_string(),
        FundingRelation::Reannouncement { of_funding_id } => {
            format!(
                "A re-announcement of {}: not counted again.",
                named(of_funding_id)
            )
        }
        FundingRelation::PartOf { of_funding_id } => {
            format!(
                "Part of {}, which is counted: not counted again.",
                named(of_funding_id)
            )
        }
        FundingRelation::TotalOf { of_funding_ids } => {
            let parts: Vec<String> = of_funding_ids
                .iter()
                .map(|part_id| named(part_id))
                .collect();
            format!(
                "A total of {}: its parts are counted, so it is not.",
                crate::text::join_words(&parts)
            )
        }
    }
}

/// One recipient's new one-off money, counted once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientTotal {
    pub recipient: String,
    /// The sum of its counted records, in whole pounds.
    pub amount_gbp: u64,
    /// How many records were added.
    pub n_records: usize,
    /// True when one of them is an upper bound ("up to", "nearly").
    pub includes_upper_bound: bool,
}

/// Counted one-off money by recipient, largest first (then by name).
pub fn funding_by_recipient<'a>(
    records: impl IntoIterator<Item = &'a Funding>,
) -> Vec<RecipientTotal> {
    let mut totals: Vec<RecipientTotal> = Vec::new();
    for funding in records
        .into_iter()
        .filter(|funding| funding.is_counted_once())
    {
        let is_upper_bound = funding.amount_basis.is_upper_bound();
        match totals
            .iter_mut()
            .find(|total| total.recipient == funding.recipient)
        {
            Some(total) => {
                total.amount_gbp += funding.amount_gbp;
                total.n_records += 1;
                total.includes_upper_bound |= is_upper_bound;
            }
            None => totals.push(RecipientTotal {
                recipient: funding.recipient.clone(),
                amount_gbp: funding.amount_gbp,
                n_records: 1,
                includes_upper_bound: is_upper_bound,
            }),
        }
    }
    crate::sorting::sort_by(&mut totals, |left, right| {
        right
            .amount_gbp
            .cmp(&left.amount_gbp)
            .then_with(|| left.recipient.cmp(&right.recipient))
    });
    totals
}

/// Counted one-off money up to the end of one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthCumulative {
    /// The month's first day.
    pub month: NaiveDate,
    /// For the Border Security Command, in whole pounds.
    pub bsc_gbp: u64,
    /// For every recipient, in whole pounds.
    pub all_gbp: u64,
}

/// Counted one-off money by month of announcement, added up, every month from the first
/// announcement's to the last's (months with none repeat the running total).
pub fn cumulative_by_month<'a>(
    records: impl IntoIterator<Item = &'a Funding>,
) -> Vec<MonthCumulative> {
    let counted: Vec<&Funding> = records
        .into_iter()
        .filter(|funding| funding.is_counted_once())
        .collect();
    let month_of = |funding: &Funding| month_start(funding.announced.first_day);
    let (Some(first), Some(last)) = (
        counted.iter().map(|funding| month_of(funding)).min(),
        counted.iter().map(|funding| month_of(funding)).max(),
    ) else {
        return Vec::new();
    };
    let mut months = Vec::new();
    let (mut bsc_gbp, mut all_gbp) = (0u64, 0u64);
    let mut month = Some(first);
    while let Some(current) = month.filter(|current| *current <= last) {
        for funding in counted
            .iter()
            .filter(|funding| month_of(funding) == current)
        {
            all_gbp += funding.amount_gbp;
            if funding.for_bsc {
                bsc_gbp += funding.amount_gbp;
            }
        }
        months.push(MonthCumulative {
            month: current,
            bsc_gbp,
            all_gbp,
        });
        month = next_month_start(current);
    }
    months
}
