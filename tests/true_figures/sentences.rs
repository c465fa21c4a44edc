//! Sentences for every range: no broken phrase, the right opening, and funding sentences that read on.

use super::*;

#[test]
fn summaries_are_sentences_for_every_range() {
    let dataset = bundled();
    let first = dataset.crossings.daily.first_date;
    let mut n_outside = 0;
    for (from, to) in boundary_ranges(&dataset) {
        let state = view(Period::Month, from, to);
        let briefing = briefing_summary(&dataset, &state);
        for broken in [
            "For from",
            "For up to",
            "no period selected",
            "1 announcements",
            "1 totals",
            "1 boats",
            " 1 people",
        ] {
            assert!(!briefing.contains(broken), "{broken}: {briefing}");
        }
        if to.is_some_and(|to| to < first) || from.is_some_and(|from| from > last_day(&dataset)) {
            n_outside += 1;
            assert!(
                briefing.contains("No small-boat crossings data fall in these dates"),
                "{briefing}"
            );
        }
    }
    assert!(
        n_outside > 0,
        "the boundary ranges include ranges outside the data"
    );
    let briefing = briefing_summary(&dataset, &view(Period::Month, Some(date(2025, 1, 1)), None));
    assert!(
        briefing.starts_with("From 1 January 2025 onwards, "),
        "{briefing}"
    );
    let briefing = briefing_summary(
        &dataset,
        &view(Period::Month, None, Some(date(2024, 12, 31))),
    );
    assert!(
        briefing.starts_with("Up to 31 December 2024, "),
        "{briefing}"
    );
    // A funding chart of one month says "In", and a yearly rate's period continues its sentence (its
    // names keep their capitals).
    let (mut n_one_month, mut n_per_year) = (0, 0);
    for funding in &dataset.funding {
        let (from, to) = (funding.announced.first_day, funding.announced.last_day());
        let view = funding_view(
            &dataset,
            &view(Period::Month, Some(from), Some(to)),
            WIDE_CHART_SIZE,
        );
        assert!(!view.chart.summary.contains(" to November 2024 to "));
        let first_month = view.chart.table.build().rows.len() == 1;
        if first_month {
            n_one_month += 1;
            assert!(
                view.chart.summary.starts_with("In "),
                "{}",
                view.chart.summary
            );
        }
        if funding.amount_is_per_year {
            n_per_year += 1;
            assert!(
                view.per_year_sentences
                    .iter()
                    .any(|sentence| sentence.contains(
                        &border_security_explorer::text::in_sentence(&funding.period)
                    )),
                "{:?}",
                view.per_year_sentences
            );
        }
    }
    // The checks above ran: a data update cannot make them pass by skipping.
    assert!(n_one_month > 0, "a funding record's dates cover one month");
    assert!(n_per_year > 0, "a funding record is a yearly rate");
}
