//! The Sources and method view's generated text: how the two editions compare, and how each figure is worked out.

use crate::analysis::editions::{compare_editions, EditionDifference};
use crate::data::Dataset;
use crate::text::{count_of, format_number, join_words};

/// "August 2020 (1,470 provisional, 1,469 official)": one differing period, with boats when they differ.
fn difference_text(difference: &EditionDifference, period_name: String) -> String {
    let people = format!(
        "{} people provisional, {} official",
        format_number(difference.provisional_people as f64, 0),
        format_number(difference.official_people as f64, 0)
    );
    if difference.boats_change() == 0 {
        format!("{period_name} ({people})")
    } else {
        format!(
            "{period_name} ({people}; {} boats provisional, {} official)",
            format_number(difference.provisional_boats as f64, 0),
            format_number(difference.official_boats as f64, 0)
        )
    }
}

/// What provisional and official figures are, and where the two series in the dataset differ, worked
/// out from the series themselves (so it stays true when either is updated).
pub fn editions_paragraph(dataset: &Dataset) -> String {
    let daily = &dataset.crossings.daily;
    let official_label = dataset
        .crossings
        .monthly
        .first()
        .map_or("not in this dataset".to_string(), |series| {
            series.info.label.clone()
        });
    let comparison = compare_editions(dataset);
    let months: Vec<String> = comparison
        .differing_months
        .iter()
        .map(|difference| {
            difference_text(
                difference,
                crate::dates::month_year(difference.period_start),
            )
        })
        .collect();
    let years: Vec<String> = comparison
        .differing_years
        .iter()
        .map(|difference| difference_text(difference, crate::dates::year(difference.period_start)))
        .collect();
    let months_sentence = match months.len() {
        _ if comparison.n_months_compared == 0 => {
            "No whole month is in both series, so they cannot be compared by month.".to_string()
        }
        0 => format!(
            "They agree in all {} whole months both cover.",
            comparison.n_months_compared
        ),
        n_differing => format!(
            "Of the {} whole months both cover, they differ in {}: {}.",
            comparison.n_months_compared,
            count_of(n_differing, "month", "months"),
            join_words(&months)
        ),
    };
    let years_sentence = match years.len() {
        _ if comparison.n_years_compared == 0 => String::new(),
        0 => format!(
            " They agree in all {} whole years both cover.",
            comparison.n_years_compared
        ),
        _ => format!(" By year they differ in {}.", join_words(&years)),
    };
    format!(
        "Provisional figures are the Home Office's weekly operational publication, to {}; the Home Office says they are subject to change. \
         Official figures are the quarterly statistics, revised between editions: {official_label}. The two are never mixed: \
         every chart says which it shows. {months_sentence}{years_sentence}",
        crate::dates::day_month_year(daily.info.as_of)
    )
}

/// How each derived figure is worked out, one sentence each.
pub fn method_notes() -> Vec<&'static str> {
    vec![
        "Weekly, monthly and yearly provisional totals are sums of the daily series. A period the selected dates or the end of the data cut is counted over the days inside only, labelled with those days and marked partial; it is never named the highest or the latest.",
        "Official figures are published by whole month and year and cannot be split by day, so a month or year the selected dates cut is left out, and the chart says which.",
        "Year to date compares 1 January to the latest day with the same span of each earlier year (28 February stands for 29 February). The year-by-year chart places each day by its date in that year's own calendar.",
        "People per boat is people divided by boats for the period; it is not shown where no boat arrived. Rolling people per boat divides the window's sums.",
        "A rolling average over N periods is the mean of the N whole periods ending at each point, including periods before the chosen dates; it is not given for a partial period.",
        "Funding totals add only new money. Totals of earlier announcements, re-announcements and parts of a recorded total are shown but not added; amounts stated as \"up to\" make the total an upper bound; yearly rates are never added to one-off sums.",
        "Nothing is estimated or interpolated: a value the sources do not give is shown as missing.",
    ]
}
