//! Briefing view-model tests: headline figures, the summary, the key chart, key numbers and other figures.

use super::*;

#[test]
fn headlines_carry_value_period_status_and_sources() {
    let dataset = briefing_fixture();
    let headlines = headlines(&dataset, &ViewState::initial());
    let ids: Vec<&str> = headlines
        .iter()
        .map(|headline| headline.headline_id.as_str())
        .collect();
    assert_eq!(
        ids,
        vec![
            "bsc-funding",
            "bsc-staff-to-be-recruited",
            "nca-specialist-investigators-and-intelligence-officers",
            "latest-full-year",
        ]
    );
    assert_eq!(headlines[0].value, "Up to £150 million");
    assert_eq!(headlines[1].value, "300");
    assert_eq!(headlines[2].value, "100");
    let (people_2023, _) = fixture_sum(date(2023, 1, 1), date(2023, 12, 31));
    let (people_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 12, 31));
    assert_eq!(headlines[3].value, format_number(people_2024 as f64, 0));
    // The fixture's two years differ by under 1%: said so, never "up 0%".
    let change =
        crate::text::percent_change_words(people_2024, people_2023).expect("2023 has people");
    assert!(change.ends_with("less than 1%"), "{change}");
    assert_eq!(
        headlines[3].label,
        format!(
            "People crossing in small boats in 2024, {change} on 2023 ({})",
            format_number(people_2023 as f64, 0)
        )
    );
    assert_eq!(headlines[3].status, "Provisional");
    assert!(headlines
        .iter()
        .all(|headline| !headline.source_ids.is_empty()));
}

#[test]
fn the_briefing_opens_with_this_year_so_far_and_the_latest_whole_month_against_a_year_earlier() {
    let dataset = briefing_fixture();
    let answers = answers(&dataset);
    let ids: Vec<&str> = answers
        .iter()
        .map(|answer| answer.headline_id.as_str())
        .collect();
    assert_eq!(ids, ["year-to-date", "latest-month"]);
    let (ytd_2025, _) = fixture_sum(date(2025, 1, 1), date(2025, 1, 31));
    let (ytd_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 1, 31));
    assert_eq!(answers[0].value, format_number(ytd_2025 as f64, 0));
    assert_eq!(
        answers[0].label,
        format!(
            "People crossing in small boats in 2025 to 31 January, {} on the same days of 2024 ({})",
            crate::text::percent_change_words(ytd_2025, ytd_2024).unwrap(),
            format_number(ytd_2024 as f64, 0)
        )
    );
    // The fixture's last whole month is January 2025 (its data end on 31 January 2025).
    let (january_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 1, 31));
    assert_eq!(answers[1].value, format_number(ytd_2025 as f64, 0));
    assert_eq!(
        answers[1].claim,
        format!(
            "{} people crossed the English Channel in small boats in January 2025, against {} in January 2024 (provisional figures).",
            format_number(ytd_2025 as f64, 0),
            format_number(january_2024 as f64, 0)
        )
    );
    assert_eq!(
        answers[1].period,
        "1 to 31 January 2025, the latest whole month"
    );
    for answer in &answers {
        assert_eq!(answer.status, "Provisional");
        assert!(!answer.source_ids.is_empty());
    }
    assert!(answers[0].claim.starts_with(&format!(
        "{} people crossed the English Channel in small boats between 1 January and 31 January 2025, against {} by the same day of 2024",
        format_number(ytd_2025 as f64, 0),
        format_number(ytd_2024 as f64, 0)
    )));
}

#[test]
fn the_briefing_summary_is_generated_from_the_filters() {
    let dataset = briefing_fixture();
    let state = ViewState {
        date_from: Some(date(2024, 7, 5)),
        date_to: Some(date(2024, 12, 31)),
        ..ViewState::initial()
    };
    let summary = briefing_summary(&dataset, &state);
    let (people, boats) = fixture_sum(date(2024, 7, 5), date(2024, 12, 31));
    assert!(summary.starts_with(&format!(
        "From 5 July 2024 to 31 December 2024, 1 announcement matches the filters. In those dates, {} people crossed in {} boats ({} per boat; provisional figures).",
        format_number(people as f64, 0),
        format_number(boats as f64, 0),
        format_number(people as f64 / boats as f64, 1)
    )), "{summary}");
    // The funding sentence is the Funding view's own, for the same dates.
    let funding = funding_view(&dataset, &state, WIDE_CHART_SIZE);
    assert!(summary.ends_with(&funding.bsc_total_sentence), "{summary}");
    // Dates past the data say which days the data cover.
    let to_june = briefing_summary(
        &dataset,
        &ViewState {
            date_from: Some(date(2025, 1, 1)),
            date_to: Some(date(2025, 6, 30)),
            ..ViewState::initial()
        },
    );
    assert!(
        to_june.contains("Crossings data cover 1 January 2025 to 31 January 2025: in those days, "),
        "{to_june}"
    );
}

#[test]
fn key_numbers_give_every_year_in_both_editions_with_a_sentence_each() {
    let dataset = briefing_fixture();
    let key = key_numbers(&dataset);
    let (people_2023, boats_2023) = fixture_sum(date(2023, 1, 1), date(2023, 12, 31));
    let (people_2024, boats_2024) = fixture_sum(date(2024, 1, 1), date(2024, 12, 31));
    let (people_2025, _) = fixture_sum(date(2025, 1, 1), date(2025, 1, 31));
    let (january_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 1, 31));
    let shown: Vec<Vec<&str>> = key
        .table
        .on_screen_rows()
        .into_iter()
        .map(|row| row.into_iter().map(|cell| cell.shown.as_str()).collect())
        .collect();
    let thousands = |count: u64| format_number(count as f64, 0);
    let percent = expected_change_percent;
    // The minimal dataset's official years: 2023 (29,437 in 602 boats) and 2024 (36,816 in 695).
    assert_eq!(
        shown[0][..5],
        [
            "2023",
            &thousands(people_2023),
            "29,437",
            &thousands(boats_2023),
            "602"
        ]
    );
    assert_eq!(shown[0][6], "no year before");
    assert_eq!(
        shown[1][..5],
        [
            "2024",
            &thousands(people_2024),
            "36,816",
            &thousands(boats_2024),
            "695"
        ]
    );
    assert_eq!(shown[1][6], percent(people_2024, people_2023));
    assert_eq!(shown[2][0], "2025 (to 31 January)");
    assert_eq!(
        (shown[2][2], shown[2][4]),
        ("not yet published", "not yet published")
    );
    assert_eq!(
        shown[2][6],
        percent(people_2025, january_2024),
        "a partial year against the same days"
    );
}

/// "+12%", "−3%" or "0%": the change from `before` to `now` as the key-numbers table writes it.
fn expected_change_percent(now: u64, before: u64) -> String {
    let change = (now as f64 - before as f64) / before as f64 * 100.0;
    let rounded = format_number(change.abs(), 0);
    if rounded == "0" && change != 0.0 {
        // A change that rounds to nothing keeps its sign.
        if change > 0.0 { "+<1%" } else { "−<1%" }.to_string()
    } else if rounded == "0" {
        "0%".to_string()
    } else if change > 0.0 {
        format!("+{rounded}%")
    } else {
        format!("−{rounded}%")
    }
}

#[test]
fn each_key_numbers_row_has_a_sentence_citing_both_editions_and_partial_years_are_noted() {
    let dataset = briefing_fixture();
    let key = key_numbers(&dataset);
    let thousands = |count: u64| format_number(count as f64, 0);
    let (people_2024, boats_2024) = fixture_sum(date(2024, 1, 1), date(2024, 12, 31));
    assert_eq!(
        key.row_claims[1].claim,
        format!(
            "In 2024, {} people crossed the English Channel in {} small boats (provisional figures); the official statistics give 36,816 people in 695 boats.",
            thousands(people_2024),
            thousands(boats_2024)
        )
    );
    let daily_ids = &dataset.crossings.daily.info.source_ids;
    let annual_ids = &dataset.crossings.annual[0].info.source_ids;
    assert_eq!(
        key.row_claims[1].source_ids,
        [daily_ids.clone(), annual_ids.clone()].concat(),
        "both editions' sources, provisional first"
    );
    assert!(key.row_claims[2]
        .claim
        .starts_with("From 1 January 2025 to 31 January 2025, "));
    assert!(key.row_claims[2]
        .claim
        .ends_with("official statistics for 2025 are not yet published."));
    assert_eq!(
        &key.row_claims[2].source_ids, daily_ids,
        "a year without official figures cites only the provisional sources"
    );
    assert!(key
        .notes
        .iter()
        .any(|note| note.starts_with("2025 is partial: the daily series ends on 31 January 2025")));
    // The CSV leaves a missing official figure empty and keeps the change as a plain number.
    let csv = crate::export::to_csv(&key.table, &key.csv_footer);
    assert!(csv.contains("2025 (to 31 January),"), "{csv}");
    assert!(
        csv.lines().nth(3).is_some_and(|line| line.contains(",,")),
        "{csv}"
    );
}

#[test]
fn the_briefing_chart_is_people_by_month_or_year_naming_the_latest_whole_period() {
    let dataset = briefing_fixture();
    let by_month = briefing_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    assert_eq!(by_month.chart_id, "briefing-crossings");
    assert_eq!(
        by_month.title,
        "People crossing the English Channel in small boats, by month"
    );
    assert_eq!(by_month.drawn.geometry.n_positions, 25);
    let (january, _) = fixture_sum(date(2025, 1, 1), date(2025, 1, 31));
    assert!(
        by_month.summary.ends_with(&format!(
            "the latest whole month, January 2025, had {} people.",
            format_number(january as f64, 0)
        )),
        "{}",
        by_month.summary
    );
    assert!(by_month.events.is_empty(), "no markers on the key chart");
    let by_year = briefing_chart(
        &dataset,
        &ViewState {
            briefing_period: Period::Year,
            measure: crate::view_state::Measure::Boats,
            series: crate::view_state::SeriesChoice::Official,
            ..ViewState::initial()
        },
        WIDE_CHART_SIZE,
    );
    let (people_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 12, 31));
    assert_eq!(by_year.drawn.geometry.n_positions, 3);
    assert!(
        by_year.summary.ends_with(&format!(
            "the latest whole year, 2024, had {} people.",
            format_number(people_2024 as f64, 0)
        )),
        "the Crossings view's measure and edition do not change it: {}",
        by_year.summary
    );
}

#[test]
fn key_facts_follow_the_dates_and_topic_and_say_what_each_number_is() {
    let mut tree = tree_with_days(date(2024, 1, 1), &[1; 10], &[1; 10]);
    tree["as_of"] = "2025-12-31".into();
    let figures = tree["figures"].as_array_mut().unwrap();
    figures.push(serde_json::json!({
        "id": "d1", "metric": "deaths_reported", "label": "Deaths reported", "value": 78, "unit": "deaths",
        "value_basis": "at_least", "date": "2024", "source_ids": ["s1"], "note": "As counted by one charity."
    }));
    figures.push(serde_json::json!({
        "id": "m1", "metric": "exports_to_iraq", "label": "Equipment exports", "value": 800000, "unit": "GBP",
        "value_basis": "up_to", "date": "2025-01-14", "source_ids": ["s1"]
    }));
    let dataset = dataset_from(&tree);
    let mut state = ViewState::initial();
    let all = key_facts(&dataset, &state);
    let ids: Vec<&str> = all
        .facts
        .iter()
        .map(|fact| fact.figure_id.as_str())
        .collect();
    // Newest first by the last day each refers to; g2 (all 2024) and d1 (2024) tie and keep the file's order.
    assert_eq!(ids, ["m1", "g2", "d1", "g1"]);
    let money_fact = &all.facts[0];
    assert_eq!(
        (money_fact.value_display.as_str(), money_fact.label.as_str()),
        ("Up to £800,000", "Equipment exports")
    );
    assert_eq!(
        money_fact.cited.claim,
        "Equipment exports: Up to £800,000 (14 January 2025)."
    );
    let deaths = &all.facts[2];
    assert_eq!(
        (deaths.value_display.as_str(), deaths.label.as_str()),
        ("At least 78", "Deaths reported")
    );
    assert_eq!(deaths.notes, ["As counted by one charity."]);
    let staff = &all.facts[3];
    assert_eq!(staff.label, "Staff (people)");
    assert_eq!(
        staff.notes,
        ["Home Office gives 250.", "Home Office gives 262.5."]
    );
    assert_eq!(all.summary, "4 figures in these dates, newest first.");
    state.fact_topic = Some(crate::analysis::figures::FigureTopic::Deaths);
    state.date_from = Some(date(2024, 6, 1));
    state.date_to = Some(date(2024, 12, 31));
    let deaths_only = key_facts(&dataset, &state);
    assert_eq!(deaths_only.facts.len(), 1);
    assert_eq!(deaths_only.summary, "1 figure on deaths in these dates.");
    assert!(deaths_only
        .topic_counts
        .contains(&(crate::analysis::figures::FigureTopic::Staff, 1)));
    state.date_from = Some(date(2030, 1, 1));
    state.date_to = None;
    let none = key_facts(&dataset, &state);
    assert!(none.facts.is_empty());
    assert!(none.summary.starts_with("No other figures on deaths fall in these dates; the dataset's 4 figures run from 1 January 2024 to"), "{}", none.summary);
}
