//! Funding view-model tests: totals counted once over the dates, the partners named, and a range with no funding.

use super::*;

#[test]
fn funding_totals_follow_the_date_range() {
    let dataset = briefing_fixture();
    let all_dates = funding_view(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    assert!(all_dates.bsc_total_sentence.starts_with(
        "Up to £150 million of one-off funding announced for the Border Security Command, counting each pound once (2 announcements added; 1 total or repeat left out)."
    ), "{}", all_dates.bsc_total_sentence);
    assert_eq!(
        all_dates.per_year_sentences,
        vec!["Also announced: up to £280 million more per year for BSC (Spending Review 2025, 1 December 2024). A yearly rate, so not added to the totals above."]
    );
    let september = ViewState {
        date_from: Some(date(2024, 9, 1)),
        date_to: Some(date(2024, 9, 30)),
        ..ViewState::initial()
    };
    let view = funding_view(&dataset, &september, WIDE_CHART_SIZE);
    assert!(
        view.bsc_total_sentence.starts_with("Up to £75 million"),
        "{}",
        view.bsc_total_sentence
    );
    assert!(
        view.chart.summary.starts_with("In September 2024, "),
        "{}",
        view.chart.summary
    );
    let total_row = all_dates
        .rows
        .iter()
        .find(|row| row.funding_id == "f3")
        .unwrap();
    assert!(!total_row.is_counted_once);
    assert_eq!(total_row.amount_display, "£150 million");
    // By recipient, counted once: the £150m total is not a recipient's extra money.
    assert_eq!(all_dates.by_recipient.rows.len(), 1);
    let row = &all_dates.by_recipient.rows[0];
    assert_eq!(
        (
            row[0].shown.as_str(),
            row[1].shown.as_str(),
            row[3].shown.as_str()
        ),
        ("BSC", "150,000,000", "Yes (\"up to\" or \"nearly\")")
    );
}

#[test]
fn the_funding_total_names_the_partners_funded_in_the_dates_and_no_others() {
    let mut tree = tree_with_days(date(2024, 1, 1), &[1; 10], &[1; 10]);
    tree["as_of"] = "2025-12-31".into();
    let partner = |id: &str,
                   announced: &str,
                   amount_gbp: u64,
                   recipient: &str,
                   relation: serde_json::Value| {
        serde_json::json!({
            "id": id, "announced": announced, "amount_gbp": amount_gbp, "amount_basis": "exact",
            "amount_is_per_year": false, "for_bsc": false, "recipient": recipient, "purpose": "P",
            "period": "Now", "relation": relation, "source_ids": ["s1"]
        })
    };
    let funding = tree["funding"].as_array_mut().unwrap();
    funding.push(partner(
        "p1",
        "2024-11-04",
        6_000_000,
        "INTERPOL",
        serde_json::json!({"kind": "new"}),
    ));
    funding.push(partner(
        "p2",
        "2024-11-28",
        300_000,
        "Iraq",
        serde_json::json!({"kind": "new"}),
    ));
    funding.push(partner(
        "p3",
        "2025-03-30",
        3_000_000,
        "Crown Prosecution Service",
        serde_json::json!({"kind": "new"}),
    ));
    funding.push(partner(
        "p4",
        "2025-04-01",
        1_000_000,
        "Iraq",
        serde_json::json!({"kind": "new"}),
    ));
    funding.push(partner(
        "p5",
        "2025-10-09",
        10_000_000,
        "FCDO programmes",
        serde_json::json!({"kind": "new"}),
    ));
    // A re-announcement is not money of its own, so it names no partner.
    funding.push(partner(
        "p6",
        "2025-10-10",
        6_000_000,
        "Someone re-announced",
        serde_json::json!({"kind": "reannouncement", "of": "p1"}),
    ));
    let dataset = dataset_from(&tree);
    let sentence = |from: Option<NaiveDate>, to: Option<NaiveDate>| {
        let mut state = ViewState::initial();
        state.date_from = from;
        state.date_to = to;
        funding_view(&dataset, &state, WIDE_CHART_SIZE)
            .all_total_sentence
            .unwrap_or_default()
    };
    assert_eq!(
        sentence(None, None),
        "£170.3 million across all 9 money records in these dates, again counted once, including money for FCDO programmes, INTERPOL and Crown Prosecution Service (and 1 more recipient)."
    );
    assert_eq!(
        sentence(Some(date(2024, 11, 1)), Some(date(2024, 12, 31))),
        "£81.3 million across all 4 money records in these dates, again counted once, including money for INTERPOL and Iraq."
    );
    assert_eq!(
        sentence(Some(date(2024, 9, 1)), Some(date(2024, 9, 30))),
        "£75 million in the one money record in these dates, again counted once."
    );
}

#[test]
fn a_range_with_no_funding_says_so_and_which_dates_the_records_cover() {
    let dataset = briefing_fixture();
    let mut state = ViewState::initial();
    state.date_from = Some(date(2023, 1, 1));
    state.date_to = Some(date(2023, 12, 31));
    let view = funding_view(&dataset, &state, WIDE_CHART_SIZE);
    assert_eq!(
        view.bsc_total_sentence,
        "No one-off funding for the Border Security Command was announced in these dates; the funding records run from 17 September 2024 to 1 December 2024."
    );
    assert_eq!(view.all_total_sentence, None);
    assert!(view.rows.is_empty());
    assert!(!view.chart.has_data(), "no empty axes");
    let card = headlines(&dataset, &state).remove(0);
    assert_eq!(
        (card.headline_id.as_str(), card.value.as_str()),
        ("bsc-funding", "None")
    );
    assert!(
        card.label
            .contains("the funding records run from 17 September 2024"),
        "{}",
        card.label
    );
    assert!(briefing_summary(&dataset, &state).ends_with(&view.bsc_total_sentence));
    // The crossings chart for dates before the data has no axes either, and says what the data cover.
    state.date_from = Some(date(2020, 1, 1));
    state.date_to = Some(date(2020, 12, 31));
    let chart = crossings_chart(&dataset, &state, WIDE_CHART_SIZE);
    assert!(!chart.has_data());
    assert!(
        chart
            .summary
            .starts_with("No crossings data fall in the selected dates"),
        "{}",
        chart.summary
    );
}
