//! The Briefing view: headline figures with their citations, and the summary paragraph under the filters.

use chrono::Datelike;

use super::funding::{bsc_total_sentence, funding_in_range, funding_records_span};
use super::{date_range_opening, date_range_text};
use crate::analysis::filter::filter_announcements;
use crate::analysis::series::crossings_series;
use crate::analysis::{funding_total, year_to_date_comparison};
use crate::calendar::Period;
use crate::data::Dataset;
use crate::dates::days_text;
use crate::text::{capitalise, count_of, format_number, money, percent_change_words};
use crate::view_state::ViewState;

/// A headline figure on the briefing view.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// Stable id for tests and the copy button.
    pub headline_id: String,
    /// The figure as shown: "45,774".
    pub value: String,
    /// What it counts, with its unit.
    pub label: String,
    /// The period or date.
    pub period: String,
    /// Provisional, official, or announced.
    pub status: String,
    /// The sources behind it.
    pub source_ids: Vec<String>,
    /// The figure as a sentence in our words, with its period, for copying with its sources.
    pub claim: String,
}

/// The headline figures below the key numbers.
pub fn headlines(dataset: &Dataset, state: &ViewState) -> Vec<Headline> {
    let mut headlines = vec![bsc_funding_headline(dataset, state)];
    headlines.extend(recruitment_headlines(dataset));
    headlines.extend(latest_year_headline(dataset));
    headlines
}

/// The answers the Briefing opens with, whatever the filters: people crossing this year so far against
/// the same days last year, and the latest whole month against the same month a year earlier.
pub fn answers(dataset: &Dataset) -> Vec<Headline> {
    year_to_date_headline(dataset)
        .into_iter()
        .chain(latest_month_headline(dataset))
        .collect()
}

/// New one-off money for the Command in the view's dates, counted once.
fn bsc_funding_headline(dataset: &Dataset, state: &ViewState) -> Headline {
    let in_range = funding_in_range(dataset, state);
    let bsc = funding_total(in_range.iter().copied().filter(|record| record.for_bsc));
    let bsc_source_ids: Vec<String> = in_range
        .iter()
        .filter(|record| bsc.counted_ids.contains(&record.funding_id))
        .flat_map(|record| record.source_ids.clone())
        .collect();
    if bsc.counted_ids.is_empty() {
        // No "£0" card: say that none was announced, and which dates the records cover.
        return Headline {
            headline_id: "bsc-funding".to_string(),
            value: "None".to_string(),
            label: format!(
                "New one-off funding for the Border Security Command announced in these dates; {}",
                funding_records_span(dataset)
            ),
            period: date_range_text(state),
            status: "Announced".to_string(),
            claim: format!(
                "No new one-off funding for the Border Security Command was announced in these dates ({}); {}.",
                date_range_text(state),
                funding_records_span(dataset)
            ),
            source_ids: Vec::new(),
        };
    }
    let amount = format!(
        "{}{}",
        capitalise(if bsc.is_upper_bound { "up to " } else { "" }),
        money(bsc.counted_gbp)
    );
    Headline {
        headline_id: "bsc-funding".to_string(),
        value: amount.clone(),
        label: "New one-off funding for the Border Security Command, each pound counted once".to_string(),
        period: date_range_text(state),
        status: "Announced".to_string(),
        claim: format!(
            "{amount} of new one-off funding was announced for the Border Security Command ({}), counting each pound once.",
            date_range_text(state)
        ),
        source_ids: dedup(bsc_source_ids),
    }
}

/// The recruitment targets the dataset's figures give, where it has them.
fn recruitment_headlines(dataset: &Dataset) -> Vec<Headline> {
    [
        (
            "bsc_staff_to_be_recruited",
            "Border Security Command staff to be recruited",
        ),
        (
            "nca_specialist_investigators_and_intelligence_officers",
            "NCA specialist investigators and intelligence officers to be recruited",
        ),
    ]
    .into_iter()
    .filter_map(|(metric, label)| {
        let figure = dataset
            .figures
            .iter()
            .find(|figure| figure.metric == metric)?;
        Some(Headline {
            headline_id: metric.replace('_', "-"),
            value: format_number(figure.value, 0),
            label: label.to_string(),
            period: format!("Announced {}", figure.time.display()),
            status: "Announced target".to_string(),
            claim: format!(
                "{} {label} (announced {}).",
                format_number(figure.value, 0),
                figure.time.display(),
            ),
            source_ids: figure.source_ids.clone(),
        })
    })
    .collect()
}

/// The latest whole year against the one before, when there are two whole years.
fn latest_year_headline(dataset: &Dataset) -> Option<Headline> {
    let daily = &dataset.crossings.daily;
    let annual = crate::analysis::annual_totals(daily);
    let complete: Vec<_> = annual.iter().filter(|total| total.is_complete).collect();
    let [.., before, latest] = complete.as_slice() else {
        return None;
    };
    let change = crate::text::percent_change_words(latest.people, before.people)?;
    Some(Headline {
        headline_id: "latest-full-year".to_string(),
        value: format_number(latest.people as f64, 0),
        label: format!(
            "People crossing in small boats in {}, {change} on {} ({})",
            latest.period_start.year(),
            before.period_start.year(),
            format_number(before.people as f64, 0)
        ),
        period: format!("1 January to 31 December {}", latest.period_start.year()),
        status: "Provisional".to_string(),
        claim: format!(
            "{} people crossed the English Channel in small boats in {}, against {} in {} (provisional figures).",
            format_number(latest.people as f64, 0),
            latest.period_start.year(),
            format_number(before.people as f64, 0),
            before.period_start.year(),
        ),
        source_ids: daily.info.source_ids.clone(),
    })
}

/// This year to the latest day against the same span of last year.
fn year_to_date_headline(dataset: &Dataset) -> Option<Headline> {
    let daily = &dataset.crossings.daily;
    let ytd = year_to_date_comparison(daily);
    let [.., last_year, this_year] = ytd.as_slice() else {
        return None;
    };
    let change = percent_change_words(this_year.people, last_year.people)
        .map_or(String::new(), |change| format!(", {change}"));
    Some(Headline {
        headline_id: "year-to-date".to_string(),
        value: format_number(this_year.people as f64, 0),
        label: format!(
            "People crossing in small boats in {} to {}{change} on the same days of {} ({})",
            this_year.year,
            crate::dates::day_month(this_year.through),
            last_year.year,
            format_number(last_year.people as f64, 0),
        ),
        period: format!("1 January to {}", crate::dates::day_month_year(this_year.through)),
        status: "Provisional".to_string(),
        claim: format!(
            "{} people crossed the English Channel in small boats between 1 January and {}, against {} by the same day of {} (provisional figures).",
            format_number(this_year.people as f64, 0),
            crate::dates::day_month_year(this_year.through),
            format_number(last_year.people as f64, 0),
            last_year.year,
        ),
        source_ids: daily.info.source_ids.clone(),
    })
}

/// The latest whole month of the daily series against the same month a year earlier (alone when the
/// series does not cover that month whole).
fn latest_month_headline(dataset: &Dataset) -> Option<Headline> {
    let daily = &dataset.crossings.daily;
    let months = crate::analysis::monthly_totals(daily);
    let latest = months.iter().rev().find(|month| month.is_complete)?;
    let year_earlier_start =
        crate::calendar::same_day_in_year(latest.period_start, latest.period_start.year() - 1)?;
    let year_earlier = months
        .iter()
        .find(|month| month.period_start == year_earlier_start && month.is_complete);
    let latest_name = crate::dates::month_year(latest.period_start);
    let latest_people = format_number(latest.people as f64, 0);
    let (label, claim) = match year_earlier {
        Some(earlier) => {
            let earlier_name = crate::dates::month_year(earlier.period_start);
            let earlier_people = format_number(earlier.people as f64, 0);
            let change = percent_change_words(latest.people, earlier.people)
                .map_or(String::new(), |change| format!(", {change}"));
            (
                format!("People crossing in small boats in {latest_name}{change} on {earlier_name} ({earlier_people})"),
                format!("{latest_people} people crossed the English Channel in small boats in {latest_name}, against {earlier_people} in {earlier_name} (provisional figures)."),
            )
        }
        None => (
            format!("People crossing in small boats in {latest_name}; the daily figures do not cover the same month a year earlier"),
            format!("{latest_people} people crossed the English Channel in small boats in {latest_name} (provisional figures)."),
        ),
    };
    let last_day = crate::calendar::month_end(latest.period_start);
    Some(Headline {
        headline_id: "latest-month".to_string(),
        value: latest_people,
        label,
        period: format!(
            "1 to {}, the latest whole month",
            crate::dates::day_month_year(last_day)
        ),
        status: "Provisional".to_string(),
        claim,
        source_ids: daily.info.source_ids.clone(),
    })
}

fn dedup(mut ids: Vec<String>) -> Vec<String> {
    crate::sorting::sort_and_dedup(&mut ids);
    ids
}

/// A short paragraph summarising the data under the current filters, every number worked out here.
pub fn briefing_summary(dataset: &Dataset, state: &ViewState) -> String {
    let filter = state.announcement_filter();
    let n_announcements = filter_announcements(&dataset.announcements, &filter).len();
    let series = crossings_series(
        dataset,
        // Only the totals and the days they span are read: grouped by year, a long daily series gives
        // a few points rather than one per day.
        &state.provisional_people_request(Period::Year),
    );
    let (people, boats) = series.totals();
    // Only the sentence: the funding chart and ledger are not needed here.
    let funding_sentence = bsc_total_sentence(dataset, &funding_in_range(dataset, state));
    let asked_span = state.date_from.zip(state.date_to);
    let crossings_sentence = match series.span() {
        Some((first, last)) => format!(
            "{} {} crossed in {} ({}; provisional figures).",
            if asked_span == Some((first, last)) && first == last {
                "That day,".to_string()
            } else if asked_span == Some((first, last)) {
                "In those dates,".to_string()
            } else {
                format!("Crossings data cover {}: in those days,", days_text(first, last))
            },
            count_of(people as usize, "person", "people"),
            count_of(boats as usize, "boat", "boats"),
            crate::analysis::people_per_boat(people, boats).map_or(
                "no boats, so no average per boat".to_string(),
                |ratio| format!("{} per boat", format_number(ratio, 1))
            ),
        ),
        None => format!(
            "No small-boat crossings data fall in these dates (the provisional series runs from {}).",
            days_text(series.data_first, series.as_of)
        ),
    };
    format!(
        "{}, {} {} the filters. {crossings_sentence} {}",
        date_range_opening(state),
        count_of(n_announcements, "announcement", "announcements"),
        if n_announcements == 1 {
            "matches"
        } else {
            "match"
        },
        funding_sentence
    )
}
