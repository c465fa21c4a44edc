//! The Funding view: money announced, counted once, as a cumulative chart, a ledger and totals by recipient.

use super::{ChartView, LazyTable, PointTexts};
use crate::analysis::{funding_count_reason, funding_total};
use crate::calendar::month_start;
use crate::chart::{self, ChartSize, Mark, PlotSeries, SeriesChart};
use crate::data::Dataset;
use crate::export::{Cell, Column, DataTable};
use crate::text::{capitalise, count_of, money};
use crate::view_state::ViewState;

/// One row of the funding ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingRow {
    pub funding_id: String,
    pub announced_display: String,
    pub amount_display: String,
    pub recipient: String,
    pub purpose: String,
    pub period: String,
    pub is_counted: bool,
    pub count_reason: String,
    pub source_ids: Vec<String>,
}

/// The funding view: the cumulative chart, the ledger, and how the totals were counted.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingView {
    pub chart: ChartView,
    pub rows: Vec<FundingRow>,
    /// "Up to £280 million committed to the Border Security Command…"
    pub bsc_total_sentence: String,
    /// The same for every funding record in range.
    pub all_total_sentence: String,
    /// Yearly rates shown beside the totals.
    pub per_year_sentences: Vec<String>,
    /// Counted one-off money by recipient, largest first.
    pub by_recipient: DataTable,
}

/// The funding records announced within the view's dates (any part of a month- or year-dated one).
pub(super) fn funding_in_range<'a>(
    dataset: &'a Dataset,
    state: &ViewState,
) -> Vec<&'a crate::data::Funding> {
    dataset
        .funding
        .iter()
        .filter(|funding| {
            state
                .date_from
                .is_none_or(|from| funding.announced.last_day() >= from)
                && state
                    .date_to
                    .is_none_or(|to| funding.announced.first_day <= to)
        })
        .collect()
}

/// "up to " before a total that includes an amount stated as an upper bound.
fn upper_bound_qualifier(is_upper_bound: bool) -> &'static str {
    if is_upper_bound {
        "up to "
    } else {
        ""
    }
}

/// The sentence giving the Border Security Command's one-off funding in these records, counted once.
pub(super) fn bsc_total_sentence(in_range: &[&crate::data::Funding]) -> String {
    let bsc = funding_total(in_range.iter().copied().filter(|funding| funding.for_bsc));
    format!(
        "{}{} of one-off funding announced for the Border Security Command, counting each pound once ({} added; {} left out).",
        capitalise(upper_bound_qualifier(bsc.is_upper_bound)),
        money(bsc.counted_gbp),
        count_of(bsc.counted_ids.len(), "announcement", "announcements"),
        count_of(bsc.left_out_ids.len(), "total or repeat", "totals or repeats")
    )
}

/// Builds the funding view for the records announced within the view's dates.
pub fn funding_view(dataset: &Dataset, state: &ViewState, chart_size: ChartSize) -> FundingView {
    let in_range = funding_in_range(dataset, state);
    let all = funding_total(in_range.iter().copied());
    let bsc_total_sentence = bsc_total_sentence(&in_range);
    let all_total_sentence = format!(
        "{}{} across all {} money records in these dates, including partners such as INTERPOL, the CPS and Iraq, again counted once.",
        capitalise(upper_bound_qualifier(all.is_upper_bound)),
        money(all.counted_gbp),
        in_range.len()
    );
    let per_year_sentences = in_range
        .iter()
        .filter(|funding| funding.amount_is_per_year)
        .map(|funding| {
            format!(
                "Also announced: {}{} more per year for {} ({}, {}). A yearly rate, so not added to the totals above.",
                funding.amount_basis.qualifier(),
                money(funding.amount_gbp),
                funding.recipient,
                funding.period,
                funding.announced.display()
            )
        })
        .collect();
    let rows = in_range
        .iter()
        .map(|funding| FundingRow {
            funding_id: funding.funding_id.clone(),
            announced_display: funding.announced.display(),
            amount_display: format!(
                "{}{}{}",
                capitalise(funding.amount_basis.qualifier()),
                money(funding.amount_gbp),
                if funding.amount_is_per_year {
                    " a year"
                } else {
                    ""
                }
            ),
            recipient: funding.recipient.clone(),
            purpose: funding.purpose.clone(),
            period: funding.period.clone(),
            is_counted: funding.is_counted_once(),
            count_reason: funding_count_reason(funding),
            source_ids: funding.source_ids.clone(),
        })
        .collect();
    let mut by_recipient: Vec<(String, u64, usize, bool)> = Vec::new();
    for funding in in_range.iter().filter(|funding| funding.is_counted_once()) {
        match by_recipient
            .iter_mut()
            .find(|(recipient, ..)| *recipient == funding.recipient)
        {
            Some(entry) => {
                entry.1 += funding.amount_gbp;
                entry.2 += 1;
                entry.3 |= funding.amount_basis.is_upper_bound();
            }
            None => by_recipient.push((
                funding.recipient.clone(),
                funding.amount_gbp,
                1,
                funding.amount_basis.is_upper_bound(),
            )),
        }
    }
    by_recipient.sort_by(|left, right| right.1.cmp(&left.1).then_with(|| left.0.cmp(&right.0)));
    let by_recipient = DataTable {
        caption: "New one-off money by recipient, counted once".to_string(),
        columns: vec![
            Column {
                heading: "Recipient".to_string(),
                is_numeric: false,
            },
            Column {
                heading: "Amount, £".to_string(),
                is_numeric: true,
            },
            Column {
                heading: "Announcements".to_string(),
                is_numeric: true,
            },
            Column {
                heading: "Includes upper bounds".to_string(),
                is_numeric: false,
            },
        ],
        rows: by_recipient
            .into_iter()
            .map(|(recipient, amount_gbp, n_records, has_bound)| {
                vec![
                    Cell::text(&recipient),
                    Cell::number(Some(amount_gbp as f64), 0),
                    Cell::number(Some(n_records as f64), 0),
                    Cell::text(if has_bound {
                        "Yes (\"up to\" or \"nearly\")"
                    } else {
                        "No"
                    }),
                ]
            })
            .collect(),
    };
    FundingView {
        by_recipient,
        chart: funding_chart(&in_range, chart_size),
        rows,
        bsc_total_sentence,
        all_total_sentence,
        per_year_sentences,
    }
}

fn funding_chart(in_range: &[&crate::data::Funding], chart_size: ChartSize) -> ChartView {
    // One position per month from the first to the last announcement; two cumulative lines.
    let counted: Vec<_> = in_range
        .iter()
        .filter(|funding| funding.is_counted_once())
        .collect();
    let first_month = counted
        .iter()
        .map(|funding| month_start(funding.announced.first_day))
        .min();
    let last_month = counted
        .iter()
        .map(|funding| month_start(funding.announced.first_day))
        .max();
    let mut months = Vec::new();
    if let (Some(mut month), Some(last)) = (first_month, last_month) {
        while month <= last {
            months.push(month);
            month = crate::calendar::next_month_start(month).unwrap_or(last + chrono::Days::new(1));
        }
    }
    let cumulative = |only_bsc: bool| -> Vec<u64> {
        let mut running = 0u64;
        months
            .iter()
            .map(|month| {
                running += counted
                    .iter()
                    .filter(|funding| {
                        (!only_bsc || funding.for_bsc)
                            && month_start(funding.announced.first_day) == *month
                    })
                    .map(|funding| funding.amount_gbp)
                    .sum::<u64>();
                running
            })
            .collect()
    };
    let bsc_cumulative = cumulative(true);
    let all_cumulative = cumulative(false);
    let to_millions = |values: &[u64]| {
        values
            .iter()
            .map(|&gbp| Some(gbp as f64 / 1_000_000.0))
            .collect::<Vec<_>>()
    };
    let drawn = chart::draw(&SeriesChart {
        x_dates: months.clone(),
        x_tick_override: None,
        series: vec![
            PlotSeries {
                label: "All".to_string(),
                values: to_millions(&all_cumulative),
                colour_idx: 1,
                mark: Mark::Line,
                label_at_end: true,
            },
            PlotSeries {
                label: "BSC".to_string(),
                values: to_millions(&bsc_cumulative),
                colour_idx: 0,
                mark: Mark::Line,
                label_at_end: true,
            },
        ],
        events: Vec::new(),
        x_is_partial: Vec::new(),
        size: chart_size,
    });
    let point_texts = months
        .iter()
        .enumerate()
        .map(|(month_idx, month)| {
            format!(
                "By the end of {}: {} for the Border Security Command, {} in all (one-off amounts, counted once)",
                crate::dates::month_year(*month),
                money(bsc_cumulative[month_idx]),
                money(all_cumulative[month_idx])
            )
        })
        .collect();
    let rows = months
        .iter()
        .enumerate()
        .map(|(month_idx, month)| {
            vec![
                Cell::text_sorted_by(
                    &crate::dates::month_year(*month),
                    &crate::dates::iso_month(*month),
                ),
                Cell::number(Some(bsc_cumulative[month_idx] as f64), 0),
                Cell::number(Some(all_cumulative[month_idx] as f64), 0),
            ]
        })
        .collect();
    let source_ids: Vec<String> = {
        let mut ids: Vec<String> = counted
            .iter()
            .flat_map(|funding| funding.source_ids.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let title = "Funding announced, cumulative, counted once".to_string();
    let cited_sources = format!(
        "{} announcements cited in the ledger below ({} sources)",
        counted.len(),
        source_ids.len()
    );
    let summary = match (months.first(), months.last(), bsc_cumulative.last(), all_cumulative.last()) {
        (Some(first), Some(last), Some(bsc), Some(all)) => format!(
            "{}, one-off announcements added up to {} for the Border Security Command and {} in all, each pound counted once.",
            if first == last {
                format!("In {}", crate::dates::month_year(*first))
            } else {
                format!(
                    "From {} to {}",
                    crate::dates::month_year(*first),
                    crate::dates::month_year(*last)
                )
            },
            money(*bsc),
            money(*all)
        ),
        _ => "No funding was announced in the selected dates.".to_string(),
    };
    ChartView {
        chart_id: "funding".to_string(),
        title: title.clone(),
        subtitle: "Cumulative one-off amounts announced, £ million, by month of announcement; totals and re-announcements left out".to_string(),
        source_line: format!("Sources: {cited_sources}."),
        cited_sources,
        summary,
        drawn,
        point_texts: PointTexts::from_lines(point_texts),
        table: LazyTable::ready(DataTable {
            caption: title,
            columns: vec![
                Column { heading: "Month".to_string(), is_numeric: false },
                Column { heading: "Border Security Command, £ (cumulative)".to_string(), is_numeric: true },
                Column { heading: "All recipients, £ (cumulative)".to_string(), is_numeric: true },
            ],
            rows,
        }),
        events: Vec::new(),
        notes: vec!["Amounts stated as \"up to\" or \"nearly\" are counted at their upper bound, so totals that include them are upper bounds too.".to_string()],
    }
}
