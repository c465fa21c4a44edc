//! The Funding view: money announced, counted once, as a cumulative chart, a ledger and totals by recipient.

use super::{source_names, ChartView, LazyTable, PointTexts};
use crate::analysis::funding::{
    cumulative_by_month, funding_by_recipient, funding_count_reason, funding_total, MonthCumulative,
};
use crate::chart::{self, ChartSize, Mark, PlotSeries, SeriesChart};
use crate::citation::Cited;
use crate::data::{Dataset, Funding};
use crate::dates::days_text;
use crate::export::{Cell, Column, DataTable};
use crate::text::{capitalise, count_of, format_number, join_words, money};
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
    /// Whether the amount is added into totals (`Funding::is_counted_once`).
    pub is_counted_once: bool,
    pub count_reason: String,
    pub source_ids: Vec<String>,
    /// Caveats, and the amounts other sources give, each a sentence.
    pub notes: Vec<String>,
    /// The row as a claim in words, for "Copy citation".
    pub cited: Cited,
}

/// The funding view: the cumulative chart, the ledger, and how the totals were counted.
#[derive(Debug, Clone, PartialEq)]
pub struct FundingView {
    pub chart: ChartView,
    pub rows: Vec<FundingRow>,
    /// "Up to £280 million committed to the Border Security Command…"
    pub bsc_total_sentence: String,
    /// The same for every funding record in range, naming the partners funded; None when no record
    /// falls in range (the sentence above then says so).
    pub all_total_sentence: Option<String>,
    /// Yearly rates shown beside the totals.
    pub per_year_sentences: Vec<String>,
    /// Counted one-off money by recipient, largest first.
    pub by_recipient: DataTable,
}

/// The funding records announced within the view's dates (any part of a month- or year-dated one).
pub(super) fn funding_in_range<'a>(dataset: &'a Dataset, state: &ViewState) -> Vec<&'a Funding> {
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

/// "the funding records run from 17 September 2024 to 9 October 2025": what the dataset holds, for a
/// range that holds none of it.
pub(super) fn funding_records_span(dataset: &Dataset) -> String {
    let first = dataset
        .funding
        .iter()
        .map(|funding| funding.announced.first_day)
        .min();
    let last = dataset
        .funding
        .iter()
        .map(|funding| funding.announced.last_day())
        .max();
    match first.zip(last) {
        Some((first, last)) => format!("the funding records run from {}", days_text(first, last)),
        None => "the dataset has no funding records".to_string(),
    }
}

/// The sentence giving the Border Security Command's one-off funding in these records, counted once,
/// or saying plainly that none was announced in these dates and which dates the records cover.
pub(super) fn bsc_total_sentence(dataset: &Dataset, in_range: &[&Funding]) -> String {
    let bsc = funding_total(in_range.iter().copied().filter(|funding| funding.for_bsc));
    if bsc.counted_ids.is_empty() && bsc.left_out_ids.is_empty() {
        return format!(
            "No one-off funding for the Border Security Command was announced in these dates; {}.",
            funding_records_span(dataset)
        );
    }
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
    let records = match in_range.len() {
        1 => "in the one money record".to_string(),
        n_records => format!(
            "across all {} money records",
            format_number(n_records as f64, 0)
        ),
    };
    let all_total_sentence = (!in_range.is_empty()).then(|| {
        // Nothing to add up is said as such, not as "£0".
        if all.counted_ids.is_empty() {
            return format!(
                "No new one-off money in these dates: {} {} a yearly rate, a repeat or a share or total of money counted elsewhere.",
                count_of(in_range.len(), "money record", "money records"),
                if in_range.len() == 1 { "is" } else { "are each" }
            );
        }
        format!(
            "{}{} {records} in these dates, again counted once{}.",
            capitalise(upper_bound_qualifier(all.is_upper_bound)),
            money(all.counted_gbp),
            partners_clause(&in_range)
        )
    });
    FundingView {
        by_recipient: by_recipient_table(&in_range),
        chart: funding_chart(dataset, &in_range, chart_size),
        rows: in_range
            .iter()
            .map(|funding| ledger_row(funding, dataset))
            .collect(),
        bsc_total_sentence: bsc_total_sentence(dataset, &in_range),
        all_total_sentence,
        per_year_sentences: in_range
            .iter()
            .filter(|funding| funding.amount_is_per_year)
            .map(|funding| per_year_sentence(funding))
            .collect(),
    }
}

/// The most partners a sentence names before saying how many more there are.
const MAX_PARTNERS_NAMED: usize = 3;

/// ", including money for INTERPOL, the Crown Prosecution Service and Iraq (and 2 more recipients)": the
/// recipients other than the Command of the money counted in these records, largest first, or nothing
/// when all of it went to the Command.
fn partners_clause(in_range: &[&Funding]) -> String {
    // Largest first, the one rule for money by recipient.
    let partners = crate::analysis::funding::funding_by_recipient(
        in_range.iter().copied().filter(|funding| !funding.for_bsc),
    );
    if partners.is_empty() {
        return String::new();
    }
    let named: Vec<String> = partners
        .iter()
        .take(MAX_PARTNERS_NAMED)
        .map(|partner| partner.recipient.clone())
        .collect();
    let n_more = partners.len().saturating_sub(MAX_PARTNERS_NAMED);
    let more = if n_more == 0 {
        String::new()
    } else {
        let noun = if n_more == 1 {
            "recipient"
        } else {
            "recipients"
        };
        format!(" (and {} more {noun})", format_number(n_more as f64, 0))
    };
    format!(", including money for {}{more}", join_words(&named))
}

/// "Also announced: up to £280 million more per year for …": a yearly rate, beside the totals.
fn per_year_sentence(funding: &Funding) -> String {
    format!(
        "Also announced: {}{} more per year for {} ({}, {}). A yearly rate, so not added to the totals above.",
        funding.amount_basis.qualifier(),
        money(funding.amount_gbp),
        funding.recipient,
        crate::text::in_sentence(&funding.period),
        funding.announced.display()
    )
}

/// One ledger row: the record as announced and how it was counted.
fn ledger_row(funding: &Funding, dataset: &Dataset) -> FundingRow {
    let all = &dataset.funding;
    let amount_display = format!(
        "{}{}{}",
        capitalise(funding.amount_basis.qualifier()),
        money(funding.amount_gbp),
        if funding.amount_is_per_year {
            " a year"
        } else {
            ""
        }
    );
    let count_reason = funding_count_reason(funding, all);
    let claim = format!(
        "{amount_display} for {}, announced {}: {} (period: {}). How it is counted: {count_reason}",
        funding.recipient.trim(),
        funding.announced.display(),
        funding.purpose.trim().trim_end_matches('.'),
        funding.period.trim()
    );
    FundingRow {
        funding_id: funding.funding_id.clone(),
        announced_display: funding.announced.display(),
        amount_display,
        recipient: funding.recipient.clone(),
        purpose: funding.purpose.clone(),
        period: funding.period.clone(),
        is_counted_once: funding.is_counted_once(),
        count_reason,
        source_ids: funding.source_ids.clone(),
        notes: super::where_sources_differ::record_notes(
            funding.note.as_deref(),
            &super::where_sources_differ::funding_others(dataset, funding),
        ),
        cited: Cited::new(claim, funding.source_ids.clone()),
    }
}

/// New one-off money by recipient, counted once, as a table.
fn by_recipient_table(in_range: &[&Funding]) -> DataTable {
    let column = |heading: &str, is_numeric: bool| Column::shown(heading, is_numeric);
    DataTable {
        caption: "New one-off money by recipient, counted once".to_string(),
        columns: vec![
            column("Recipient", false),
            column("Amount, £", true),
            column("Announcements", true),
            column("Includes upper bounds", false),
        ],
        rows: funding_by_recipient(in_range.iter().copied())
            .into_iter()
            .map(|total| {
                vec![
                    Cell::text(&total.recipient),
                    Cell::number(Some(total.amount_gbp as f64), 0),
                    Cell::number(Some(total.n_records as f64), 0),
                    Cell::text(if total.includes_upper_bound {
                        "Yes (\"up to\" or \"nearly\")"
                    } else {
                        "No"
                    }),
                ]
            })
            .collect(),
    }
}

/// Money announced by month, added up: the Command's and everyone's, two lines in £ million.
fn funding_chart(dataset: &Dataset, in_range: &[&Funding], chart_size: ChartSize) -> ChartView {
    let months = cumulative_by_month(in_range.iter().copied());
    let to_millions = |gbp: u64| Some(gbp as f64 / 1_000_000.0);
    let line = |label: &str, colour_idx: usize, values: Vec<Option<f64>>| PlotSeries {
        label: label.to_string(),
        values,
        colour_idx,
        mark: Mark::Line,
        label_at_end: true,
    };
    let drawn = chart::draw(&SeriesChart {
        x_dates: months.iter().map(|month| month.month).collect(),
        x_tick_override: None,
        series: vec![
            line(
                "All",
                1,
                months
                    .iter()
                    .map(|month| to_millions(month.all_gbp))
                    .collect(),
            ),
            line(
                "BSC",
                0,
                months
                    .iter()
                    .map(|month| to_millions(month.bsc_gbp))
                    .collect(),
            ),
        ],
        events: Vec::new(),
        x_is_partial: Vec::new(),
        size: chart_size,
    });
    let point_texts = months
        .iter()
        .map(|month| {
            format!(
                "By the end of {}: {} for the Border Security Command, {} in all (one-off amounts, counted once)",
                crate::dates::month_year(month.month),
                money(month.bsc_gbp),
                money(month.all_gbp)
            )
        })
        .collect();
    let counted: Vec<&&Funding> = in_range
        .iter()
        .filter(|funding| funding.is_counted_once())
        .collect();
    let mut source_ids: Vec<&String> = counted
        .iter()
        .flat_map(|funding| &funding.source_ids)
        .collect();
    crate::sorting::sort_and_dedup(&mut source_ids);
    let title = "Funding announced, cumulative, counted once".to_string();
    let source_ids: Vec<String> = source_ids.into_iter().cloned().collect();
    let cited_sources = if source_ids.is_empty() {
        "no funding records in these dates".to_string()
    } else {
        source_names(dataset, &source_ids)
    };
    ChartView {
        chart_id: "funding".to_string(),
        title: title.clone(),
        subtitle: "Cumulative one-off amounts announced, £ million, by month of announcement; totals and re-announcements left out".to_string(),
        source_line: super::chart_source_line(dataset, &cited_sources, &source_ids),
        cited_sources,
        source_ids,
        summary: funding_summary(&months),
        drawn,
        point_texts: PointTexts::from_lines(point_texts),
        table: LazyTable::ready(funding_table(&months, title)),
        events: Vec::new(),
        notes: vec!["Amounts stated as \"up to\" or \"nearly\" are counted at their upper bound, so totals that include them are upper bounds too.".to_string()],
        table_note: Some("The table's amounts are in pounds (£), not £ million as on the chart.".to_string()),
    }
}

/// "From September 2024 to August 2025, one-off announcements added up to …", or "In …" for one month.
fn funding_summary(months: &[MonthCumulative]) -> String {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return "No funding was announced in the selected dates.".to_string();
    };
    let span = if first.month == last.month {
        format!("In {}", crate::dates::month_year(first.month))
    } else {
        format!(
            "From {} to {}",
            crate::dates::month_year(first.month),
            crate::dates::month_year(last.month)
        )
    };
    format!(
        "{span}, one-off announcements added up to {} for the Border Security Command and {} in all, each pound counted once.",
        money(last.bsc_gbp),
        money(last.all_gbp)
    )
}

fn funding_table(months: &[MonthCumulative], caption: String) -> DataTable {
    let column = |heading: &str, is_numeric: bool| Column::shown(heading, is_numeric);
    DataTable {
        caption,
        columns: vec![
            column("Month", false),
            column("Border Security Command, £ (cumulative)", true),
            column("All recipients, £ (cumulative)", true),
        ],
        rows: months
            .iter()
            .map(|month| {
                vec![
                    Cell::text_sorted_by(
                        &crate::dates::month_year(month.month),
                        &crate::dates::iso_month(month.month),
                    ),
                    Cell::number(Some(month.bsc_gbp as f64), 0),
                    Cell::number(Some(month.all_gbp as f64), 0),
                ]
            })
            .collect(),
    }
}
