//! The sentences people read and copy, at the edges where wording slips: one day, a cut week, dates with
//! no data, money that adds to nothing, and changes of nothing or almost nothing.

use super::*;
use crate::analysis::compare::{ComparePreset, Comparison};

/// Phrases that must never reach a reader, whatever the range: plurals with one, a change that rounds
/// to "0%" though it is not nothing, "£0" for money that adds to nothing, a range of one day written as
/// two, "In those dates" for a single day.
const SLIPS: [&str; 8] = [
    "In those dates, ",
    " 1 days",
    " 1 boats",
    "(0%)",
    "up 0%",
    "down 0%",
    "£0 ",
    "8 July 2024 to 8 July 2024",
];

fn one_day(day: NaiveDate) -> ViewState {
    ViewState {
        date_from: Some(day),
        date_to: Some(day),
        ..ViewState::initial()
    }
}

/// The sentence comparing the dates from `first` to `last` with the same days a year earlier.
fn against_a_year_earlier(dataset: &Dataset, first: NaiveDate, last: NaiveDate) -> String {
    let compared = compare_view(
        dataset,
        &ViewState {
            compare: Some(Comparison::Preset(ComparePreset::SameSpanLastYear)),
            date_from: Some(first),
            date_to: Some(last),
            ..ViewState::initial()
        },
    );
    match compared {
        Some(CompareView::Figures { sentence, .. }) => sentence,
        other => panic!("{first} to {last} has figures to compare: {other:?}"),
    }
}

fn assert_reads_well(what: &str, sentence: &str) {
    for slip in SLIPS {
        assert!(!sentence.contains(slip), "{what}: {slip:?} in {sentence:?}");
    }
}

#[test]
fn one_day_reads_as_prose_alone_and_compared() {
    let dataset = briefing_fixture();
    let day = date(2024, 7, 8);
    let (people, boats) = fixture_sum(day, day);

    // One day: its own opening and "That day", one boat or none said in the singular.
    let summary = briefing_summary(&dataset, &one_day(day));
    assert!(summary.starts_with("On 8 July 2024, "), "{summary}");
    assert!(
        summary.contains(&format!(
            "That day, {} crossed in {}",
            crate::text::count_of(people as usize, "person", "people"),
            crate::text::count_of(boats as usize, "boat", "boats")
        )),
        "{summary}"
    );
    assert_reads_well("one day", &summary);

    // One day against the same day a year earlier.
    let sentence = against_a_year_earlier(&dataset, day, day);
    assert!(
        sentence.contains("the same day a year earlier"),
        "{sentence}"
    );
    assert_reads_well("one day compared", &sentence);

    // A day when no one crossed a year earlier: "against none", never "against 0".
    let quiet_day_before = date(2024, 7, 7);
    assert_eq!(fixture_sum(date(2023, 7, 7), date(2023, 7, 7)).0, 0);
    let sentence = against_a_year_earlier(&dataset, quiet_day_before, quiet_day_before);
    assert!(sentence.contains(", against none "), "{sentence}");
    assert!(!sentence.contains("against 0"), "{sentence}");
}

#[test]
fn cut_periods_and_dates_outside_the_data_read_as_prose() {
    let dataset = briefing_fixture();
    let day = date(2024, 7, 8);
    // Dates running past the data are compared over the days the data hold, as other views cut them.
    let sentence = against_a_year_earlier(&dataset, date(2025, 1, 1), date(2025, 12, 31));
    assert!(
        sentence.contains("1 January 2025 to 31 January 2025")
            && sentence.contains("1 January 2024 to 31 January 2024"),
        "{sentence}"
    );
    assert!(!sentence.contains("not wholly inside"), "{sentence}");

    // A week the dates cut to one day: "1 of its 7 days is counted".
    let cut_week = crossings_chart(
        &dataset,
        &ViewState {
            period: Period::Week,
            // A Monday: the week ending Sunday 14 July 2024 is cut to its first day.
            ..one_day(day)
        },
        WIDE_CHART_SIZE,
    );
    assert!(
        cut_week
            .notes
            .iter()
            .any(|note| note.contains("only 1 of its 7 days is counted")),
        "{:?}",
        cut_week.notes
    );
    for note in &cut_week.notes {
        assert_reads_well("cut week", note);
    }

    // Dates with no crossings data: said, with the span the data do cover.
    let no_data = ViewState {
        date_from: Some(date(2030, 1, 1)),
        date_to: Some(date(2030, 12, 31)),
        ..ViewState::initial()
    };
    let summary = briefing_summary(&dataset, &no_data);
    assert!(
        summary.contains("No small-boat crossings data fall in these dates (the provisional series runs from 1 January 2023 to 31 January 2025)."),
        "{summary}"
    );
    assert_reads_well("a year with no data", &summary);
}

#[test]
fn a_yearly_rate_alone_and_tiny_changes_read_as_prose() {
    let dataset = briefing_fixture();
    // Only a yearly rate in the dates: nothing adds to a one-off total, and it is said so.
    let rate_only = funding_view(&dataset, &one_day(date(2024, 12, 1)), WIDE_CHART_SIZE);
    let all_total = rate_only
        .all_total_sentence
        .expect("one record in the dates");
    assert_eq!(
        all_total,
        "No new one-off money in these dates: 1 money record is a yearly rate, a repeat or a share or total of money counted elsewhere."
    );
    assert_reads_well("a yearly rate alone", &all_total);
    assert_eq!(rate_only.per_year_sentences.len(), 1);

    // A change of nothing and a change of almost nothing, by the one rule.
    assert_eq!(
        crate::text::percent_change_words(100, 100).as_deref(),
        Some("unchanged")
    );
    assert_eq!(
        crate::text::percent_change_words(10_004, 10_000).as_deref(),
        Some("up less than 1%")
    );
    assert_eq!(crate::text::percent_words(0.2), "less than 1%");
    assert_eq!(crate::text::percent_words(0.0), "0%");
}

#[test]
fn every_printed_page_says_what_it_is_how_fresh_when_printed_and_where() {
    let dataset = briefing_fixture();
    let footer = print_footer(
        &dataset,
        date(2026, 12, 6),
        Some("https://example.org/explorer/#v=1&tab=briefing"),
    );
    assert_eq!(
        footer,
        [
            format!(
                "Border Security Briefing Explorer · {} · printed 6 December 2026",
                crate::citation::data_freshness(&dataset)
            ),
            "https://example.org/explorer/#v=1&tab=briefing".to_string()
        ]
    );
    assert!(
        footer[0].contains("crossings to 31 January 2025"),
        "{footer:?}"
    );
    let offline = print_footer(&dataset, date(2026, 12, 6), None);
    assert_eq!(offline[1], "printed from an offline copy");
}
