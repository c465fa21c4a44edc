//! View-model tests on a small fixture: headline figures, generated sentences, chart tables, sources and citations.
//!
//! Every expected number is the fixture's own (or summed from its days here); the real dataset is
//! checked against published figures in `tests/real_data.rs`.

use super::*;
use crate::export::Cell;
use crate::testing::{dataset_from, date, tree_with_days};
use crate::text::{format_number, money};
use crate::view_state::Period;

/// 1 January 2023 to 31 January 2025, so 2023 and 2024 are whole years and 2025 is partial: day n
/// has n % 11 people and a boat every third day. Figures for both recruitment headlines; the minimal
/// dataset's funding (up to £75m, £75m and their £150m total) and a yearly rate.
fn briefing_fixture() -> Dataset {
    let n_days = 365 + 366 + 31;
    let people: Vec<u32> = (0..n_days).map(|day_idx| (day_idx % 11) as u32).collect();
    let boats: Vec<u32> = (0..n_days)
        .map(|day_idx| u32::from(day_idx % 3 == 0))
        .collect();
    let mut tree = tree_with_days(date(2023, 1, 1), &people, &boats);
    tree["figures"][0]["metric"] = "bsc_staff_to_be_recruited".into();
    tree["figures"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "g3", "metric": "nca_specialist_investigators_and_intelligence_officers", "label": "NCA officers",
        "value": 100, "unit": "people", "value_basis": "exact", "date": "2024-11-04", "source_ids": ["s1"]
    }));
    tree["funding"][0]["amount_basis"] = "up_to".into();
    tree["funding"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "f4", "announced": "2024-12-01", "amount_gbp": 280000000, "amount_basis": "up_to",
        "amount_is_per_year": true, "for_bsc": true, "recipient": "BSC", "purpose": "A yearly rate",
        "period": "Spending Review 2025", "relation": {"kind": "new"}, "source_ids": ["s1"]
    }));
    dataset_from(&tree)
}

/// People and boats of the fixture from `first` to `last`, summed here.
fn fixture_sum(first: NaiveDate, last: NaiveDate) -> (u64, u64) {
    let start = date(2023, 1, 1);
    let first_idx = (first - start).num_days() as u64;
    let last_idx = (last - start).num_days() as u64;
    (first_idx..=last_idx).fold((0, 0), |(people, boats), day_idx| {
        (people + day_idx % 11, boats + u64::from(day_idx % 3 == 0))
    })
}

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
            "year-to-date"
        ]
    );
    assert_eq!(headlines[0].value, "Up to £150 million");
    assert_eq!(headlines[1].value, "300");
    assert_eq!(headlines[2].value, "100");
    let (people_2023, _) = fixture_sum(date(2023, 1, 1), date(2023, 12, 31));
    let (people_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 12, 31));
    assert_eq!(headlines[3].value, format_number(people_2024 as f64, 0));
    let change = (people_2024 as f64 - people_2023 as f64) / people_2023 as f64 * 100.0;
    assert_eq!(
        headlines[3].label,
        format!(
            "People crossing in small boats in 2024, {} {}% on 2023 ({})",
            if change >= 0.0 { "up" } else { "down" },
            format_number(change.abs(), 0),
            format_number(people_2023 as f64, 0)
        )
    );
    assert_eq!(headlines[3].status, "Provisional");
    let (ytd_2025, _) = fixture_sum(date(2025, 1, 1), date(2025, 1, 31));
    let (ytd_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 1, 31));
    assert_eq!(headlines[4].value, format_number(ytd_2025 as f64, 0));
    assert!(headlines[4].claim.starts_with(&format!(
        "{} people crossed the English Channel in small boats between 1 January and 31 January 2025, against {} by the same day of 2024",
        format_number(ytd_2025 as f64, 0),
        format_number(ytd_2024 as f64, 0)
    )));
    assert!(headlines
        .iter()
        .all(|headline| !headline.source_ids.is_empty()));
}

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
    assert!(!total_row.is_counted);
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
fn crossings_chart_has_title_source_summary_and_matching_table() {
    let dataset = briefing_fixture();
    let chart = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    assert_eq!(
        chart.title,
        "People crossing the English Channel in small boats, by month"
    );
    assert_eq!(
        chart.source_line,
        "Source: Home Office, “A release” (provisional, data to 31 January 2025)."
    );
    let (people, boats) = fixture_sum(date(2023, 1, 1), date(2025, 1, 31));
    assert!(
        chart.summary.starts_with(&format!(
            "From 1 January 2023 to 31 January 2025, {} people crossed in {} boats (provisional figures).",
            format_number(people as f64, 0),
            format_number(boats as f64, 0)
        )),
        "{}",
        chart.summary
    );
    let table = chart.table.build();
    assert_eq!(table.rows.len(), 25);
    assert_eq!(table.rows.len(), chart.drawn.geometry.n_positions);
    assert_eq!(chart.point_texts.len(), table.rows.len());
    // The readout line for a month, made on demand, says its value, status and publisher.
    let (august_2024, _) = fixture_sum(date(2024, 8, 1), date(2024, 8, 31));
    let august_idx = table
        .rows
        .iter()
        .position(|row| row[0].shown == "August 2024")
        .expect("a row for August 2024");
    assert_eq!(
        chart.point_texts.get(august_idx),
        Some(format!(
            "August 2024: {} people (provisional, Home Office)",
            format_number(august_2024 as f64, 0)
        ))
    );
    assert_eq!(chart.point_texts.get(table.rows.len()), None);
    // The fixture's one announcement (8 July 2024) is marked on July 2024.
    assert_eq!(chart.events.len(), 1);
    assert_eq!(
        (
            chart.events[0].number,
            chart.events[0].announcement_id.as_str()
        ),
        (1, "a1")
    );
}

#[test]
fn year_on_year_lines_end_at_each_year_total() {
    let dataset = briefing_fixture();
    let chart = crossings_chart(
        &dataset,
        &ViewState {
            compare_years: true,
            ..ViewState::initial()
        },
        WIDE_CHART_SIZE,
    );
    let (ytd_2025, _) = fixture_sum(date(2025, 1, 1), date(2025, 1, 31));
    let (ytd_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 1, 31));
    assert_eq!(
        chart.summary,
        format!(
            "By 31 January, {} people had crossed in 2025, against {} by 31 January 2024 (provisional figures).",
            format_number(ytd_2025 as f64, 0),
            format_number(ytd_2024 as f64, 0)
        )
    );
    let table = chart.table.build();
    let rows: Vec<(&str, &str)> = table
        .rows
        .iter()
        .map(|row| (row[0].shown.as_str(), row[2].shown.as_str()))
        .collect();
    let (people_2023, _) = fixture_sum(date(2023, 1, 1), date(2023, 12, 31));
    let (people_2024, _) = fixture_sum(date(2024, 1, 1), date(2024, 12, 31));
    assert_eq!(
        rows,
        vec![
            ("2023", format_number(people_2023 as f64, 0).as_str()),
            ("2024", format_number(people_2024 as f64, 0).as_str()),
            ("2025", "no data"),
        ]
    );
}

#[test]
fn a_narrow_chart_draws_the_same_values_with_fewer_axis_labels() {
    let dataset = briefing_fixture();
    for state in [
        ViewState::initial(),
        ViewState {
            compare_years: true,
            ..ViewState::initial()
        },
    ] {
        let wide = crossings_chart(&dataset, &state, WIDE_CHART_SIZE);
        let narrow = crossings_chart(&dataset, &state, NARROW_CHART_SIZE);
        assert!(narrow.drawn.svg.contains(r#"viewBox="0 0 360 320""#));
        assert_eq!(
            narrow.drawn.geometry.n_positions,
            wide.drawn.geometry.n_positions
        );
        assert_eq!(narrow.table.build().rows, wide.table.build().rows);
        let (narrow_ticks, wide_ticks) =
            (&narrow.drawn.geometry.x_ticks, &wide.drawn.geometry.x_ticks);
        assert!(narrow_ticks.len() < wide_ticks.len(), "{narrow_ticks:?}");
        // Each label has room: about 8 px a character and a gap, between neighbouring ticks.
        let geometry = &narrow.drawn.geometry;
        for pair in narrow_ticks.windows(2) {
            let room_px = (pair[1].0 - pair[0].0) as f64 * geometry.step_px();
            assert!(
                room_px >= pair[0].1.chars().count() as f64 * 8.0,
                "{narrow_ticks:?}"
            );
        }
    }
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
fn money_reads_naturally() {
    assert_eq!(money(75_000_000), "£75 million");
    assert_eq!(money(66_500_000), "£66.5 million");
    assert_eq!(money(800_000), "£800,000");
}

#[test]
fn weekly_summary_reads_as_a_sentence() {
    let chart = crossings_chart(
        &briefing_fixture(),
        &ViewState {
            period: Period::Week,
            ..ViewState::initial()
        },
        WIDE_CHART_SIZE,
    );
    assert!(
        chart
            .summary
            .contains("The highest whole week was the week ending "),
        "{}",
        chart.summary
    );
    assert!(
        !chart.summary.contains(", Week ending"),
        "{}",
        chart.summary
    );
}

#[test]
fn the_editions_paragraph_names_every_month_the_series_differ_in() {
    // The fixture's official rows (January and February 2024; 2023 and 2024) are not its days' sums.
    let dataset = briefing_fixture();
    let paragraph = editions_view(&dataset, WIDE_CHART_SIZE).paragraph;
    assert!(
        paragraph
            .contains("Of the 2 whole months both cover, they differ in 2 months: January 2024 and February 2024; the table")
            && paragraph.contains("By year they differ in 2023 and 2024."),
        "{paragraph}"
    );
    let mut tree = tree_with_days(date(2024, 1, 1), &[1; 60], &[1; 60]);
    tree["crossings"]["monthly"][0]["rows"] = serde_json::json!([
        {"month": "2024-01", "people": 31, "boats": 31},
        {"month": "2024-02", "people": 32, "boats": 30}
    ]);
    let paragraph = editions_view(&dataset_from(&tree), WIDE_CHART_SIZE).paragraph;
    assert!(
        paragraph.contains("Of the 2 whole months both cover, they differ in 1 month: February 2024; the table below gives each difference."),
        "{paragraph}"
    );
}

#[test]
fn the_editions_table_and_chart_give_each_difference_with_its_sign() {
    // 60 days of one person in one boat: January sums to 31, February (2024, a leap year) to 29.
    let mut tree = tree_with_days(date(2024, 1, 1), &[1; 60], &[1; 60]);
    tree["crossings"]["monthly"][0]["rows"] = serde_json::json!([
        {"month": "2024-01", "people": 31, "boats": 31},
        {"month": "2024-02", "people": 20, "boats": 30}
    ]);
    let view = editions_view(&dataset_from(&tree), WIDE_CHART_SIZE);
    let differences = view.differences.expect("February differs");
    let shown = |row: &[Cell]| {
        row.iter()
            .map(|cell| cell.shown.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(differences.rows.len(), 1, "only February differs");
    assert_eq!(
        shown(&differences.rows[0]),
        ["February 2024", "29", "20", "−9", "29", "30", "+1"]
    );
    assert_eq!(
        differences.rows[0][3].csv, "-9",
        "the CSV keeps a plain minus for spreadsheets"
    );
    let chart = view.chart.expect("two months are in both series");
    assert_eq!(
        chart.table.build().rows.len(),
        2,
        "the chart's table has every month compared"
    );
    assert_eq!(chart.drawn.geometry.n_positions, 2);
    assert!(
        chart.drawn.geometry.y_min < 0.0,
        "the fall below zero is on the axis"
    );
    assert_eq!(
        chart.summary,
        "Of the 2 whole months both series cover, 1 differs in people; the largest difference is −9 people, in February 2024."
    );
    assert_eq!(
        chart.point_texts.get(0).as_deref(),
        Some("January 2024: 31 people provisional, 31 official (0); boats agree")
    );
    assert_eq!(
        chart.point_texts.get(1).as_deref(),
        Some("February 2024: 29 people provisional, 20 official (−9); 29 boats provisional, 30 official (+1)")
    );
    // Where the official figures agree, there is no table of differences, and the chart says so.
    tree["crossings"]["monthly"][0]["rows"][1]["people"] = serde_json::json!(29);
    tree["crossings"]["monthly"][0]["rows"][1]["boats"] = serde_json::json!(29);
    let agreeing = editions_view(&dataset_from(&tree), WIDE_CHART_SIZE);
    assert_eq!(agreeing.differences, None);
    assert!(agreeing
        .paragraph
        .contains("They agree in all 2 whole months both cover."));
    assert_eq!(
        agreeing.chart.map(|chart| chart.summary),
        Some(
            "The two series give the same number of people in all 2 whole months both cover."
                .to_string()
        )
    );
    // With no official month inside the daily series, nothing is compared or drawn.
    tree["crossings"]["monthly"][0]["rows"] =
        serde_json::json!([{"month": "2023-06", "people": 5, "boats": 1}]);
    let apart = editions_view(&dataset_from(&tree), WIDE_CHART_SIZE);
    assert_eq!((apart.differences, apart.chart.is_none()), (None, true));
    assert!(
        apart.paragraph.contains("No whole month is in both series"),
        "{}",
        apart.paragraph
    );
}

#[test]
fn a_csv_footer_cites_the_chart_and_its_sources() {
    let dataset = briefing_fixture();
    let chart = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    let footer = chart.csv_footer();
    assert_eq!(footer[1], chart.source_line);
    assert_eq!(
        footer[2],
        "Cite as: Border Security Briefing Explorer, “People crossing the English Channel in small boats, by month”, Home Office, “A release” (provisional, data to 31 January 2025)"
    );
    let funding = funding_view(&dataset, &ViewState::initial(), WIDE_CHART_SIZE).chart;
    let funding_footer = funding.csv_footer();
    assert_eq!(
        funding_footer[1], "The table's amounts are in pounds (£), not £ million as on the chart.",
        "the CSV says the unit of its own columns"
    );
    assert_eq!(
        funding_footer[2], "Sources: Home Office, “A release”.",
        "the sources themselves, not a ledger the CSV does not hold"
    );
    assert!(!funding_footer[3].contains("Sources: "));
}

#[test]
fn match_counts_agree_in_number() {
    assert_eq!(match_count_sentence(0), "0 announcements match.");
    assert_eq!(match_count_sentence(1), "1 announcement matches.");
    assert_eq!(match_count_sentence(1_200), "1,200 announcements match.");
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
        .rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.shown.as_str()).collect())
        .collect();
    let thousands = |count: u64| format_number(count as f64, 0);
    let percent = |now: u64, before: u64| {
        let change = (now as f64 - before as f64) / before as f64 * 100.0;
        let rounded = format_number(change.abs(), 0);
        if rounded == "0" {
            "0%".to_string()
        } else if change > 0.0 {
            format!("+{rounded}%")
        } else {
            format!("−{rounded}%")
        }
    };
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
    assert_eq!(
        key.row_claims[1].claim,
        format!(
            "In 2024, {} people crossed the English Channel in small boats in {} boats (provisional figures); the official statistics give 36,816 people in 695 boats.",
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

#[test]
fn words_wrap_to_the_width_and_long_words_are_cut() {
    assert_eq!(
        wrap_words("one two three four", 9),
        ["one two", "three", "four"]
    );
    assert_eq!(wrap_words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    assert_eq!(wrap_words("  ", 4), Vec::<String>::new());
    assert_eq!(
        xml_text("<b>\"A&B\"</b>\u{7}'"),
        "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &apos;"
    );
}

#[test]
fn a_downloaded_figure_carries_its_title_subtitle_key_and_source_on_an_opaque_background() {
    let mut tree = tree_with_days(date(2024, 6, 1), &[3; 120], &[1; 120]);
    tree["announcements"][0]["title"] = "Launch <script>alert(1)</script> & \"more\"".into();
    tree["announcements"][0]["date"] = "2024-07-05".into();
    let dataset = dataset_from(&tree);
    let chart = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    assert!(
        !chart.events.is_empty(),
        "the fixture's announcement is marked"
    );
    let figure = standalone_figure(&chart);
    assert_eq!(figure.width_px, WIDE_CHART_SIZE.width_px);
    assert!(
        figure.height_px > WIDE_CHART_SIZE.height_px + 60,
        "room above and below the drawing: {}",
        figure.height_px
    );
    let svg = &figure.svg;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(&format!(
        "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        figure.width_px, figure.height_px
    )));
    assert!(svg.contains(&xml_text(&chart.title)));
    // The subtitle may wrap: the text lines, joined, give it back whole.
    let text_lines: Vec<&str> = svg
        .split("<text ")
        .skip(1)
        .filter_map(|text| {
            text.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(line, _)| line)
        .collect();
    assert!(
        text_lines.join(" ").contains(&xml_text(&chart.subtitle)),
        "{text_lines:?}"
    );
    assert!(svg.contains("Source: Home Office"), "{svg}");
    assert!(
        svg.contains(
            "1. 5 July 2024 — Launch &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"
        ),
        "{svg}"
    );
    assert!(!svg.contains("<script>"));
    assert!(
        svg.contains(&chart.drawn.svg),
        "the drawing itself, unchanged"
    );
}

#[test]
fn the_readout_names_the_announcements_marked_in_its_period() {
    let mut tree = tree_with_days(date(2024, 6, 1), &[3; 120], &[1; 120]);
    tree["announcements"][0]["title"] = "Command launched.".into();
    tree["announcements"][0]["date"] = "2024-07-05".into();
    let dataset = dataset_from(&tree);
    let chart = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    let july = chart.point_texts.get(1).unwrap();
    assert!(july.starts_with("July 2024: 93 people"), "{july}");
    assert!(july.ends_with(" Marked: 1. Command launched."), "{july}");
    assert!(
        !chart.point_texts.get(0).unwrap().contains("Marked"),
        "June has none"
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

#[test]
fn two_identical_files_have_no_differences_even_when_written_differently() {
    let tree = tree_with_days(date(2024, 1, 1), &[5, 6, 7], &[1, 1, 1]);
    let old = dataset_from(&tree);
    // The same content, pretty-printed and read again: another fingerprint, no differences.
    let pretty = serde_json::to_vec_pretty(&tree).unwrap();
    let new = crate::data::parse_dataset(&pretty).unwrap();
    let diff = crate::analysis::diff::diff_datasets(&old, &new);
    assert!(diff.is_empty(), "{diff:?}");
    let view = diff_view(std::sync::Arc::new(old), std::sync::Arc::new(new));
    assert_eq!(view.lines[0], "Both are data as at 31 January 2025.");
    assert!(
        view.lines[1].starts_with("No differences"),
        "{:?}",
        view.lines
    );
    assert!(view.table().rows.is_empty());
    assert_eq!(view.row_count, 0);
}

#[test]
fn a_newer_file_is_compared_record_by_record_and_day_by_day() {
    let old_tree = tree_with_days(date(2024, 1, 1), &[5, 6, 7], &[1, 1, 1]);
    let mut new_tree = tree_with_days(date(2024, 1, 1), &[5, 9, 7, 2, 3], &[1, 2, 1, 1, 1]);
    new_tree["as_of"] = "2025-02-28".into();
    new_tree["announcements"][0]["summary"] = "A new summary.".into();
    new_tree["announcements"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "a2", "date": "2024-12", "title": "Second", "summary": "S.", "actors": ["Home Office"],
        "themes": ["pursue"], "source_ids": ["s1"]
    }));
    new_tree["figures"].as_array_mut().unwrap().remove(1);
    new_tree["crossings"]["monthly"][0]["rows"][0]["people"] = 44.into();
    new_tree["crossings"]["monthly"][0]["rows"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"month": "2024-03", "people": 1, "boats": 1}));
    new_tree["crossings"]["monthly"][0]["as_of"] = "2024-03-31".into();
    let (old, new) = (dataset_from(&old_tree), dataset_from(&new_tree));
    assert!(!crate::analysis::diff::diff_datasets(&old, &new).is_empty());
    let view = diff_view(std::sync::Arc::new(old), std::sync::Arc::new(new));
    let table = view.table();
    assert_eq!(table.rows.len(), view.row_count);
    assert_eq!(
        view.lines,
        [
            "The data on screen were as at 31 January 2025; the file opened is as at 28 February 2025.",
            "Announcements: 1 added (Second (December 2024)) and 1 changed (T (8 July 2024): summary).",
            "Figures: 1 removed (People per boat (January 2024 to December 2024)).",
            "Daily crossings (provisional): 2 days added (4 January 2024 to 5 January 2024) and 1 day revised, by +3 people and +1 boat in all, in January 2024; the largest: 2 January 2024 (6 to 9 people).",
            "Official monthly statistics: 1 month added (March 2024) and 1 month revised (January 2024: 42 to 44 people).",
        ]
    );
    let shown = |row: &[Cell]| {
        row.iter()
            .map(|cell| cell.shown.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        shown(&table.rows[0]),
        [
            "announcement",
            "T (8 July 2024) [a1]",
            "changed",
            "summary",
            "S",
            "A new summary."
        ]
    );
    assert_eq!(
        table.rows.len(),
        7,
        "{:?}",
        table.rows.iter().map(|row| shown(row)).collect::<Vec<_>>()
    );
}

#[test]
fn the_changelog_is_listed_newest_first_or_said_to_be_missing() {
    let mut tree = tree_with_days(date(2024, 1, 1), &[1; 3], &[1; 3]);
    assert!(changelog_entries(&dataset_from(&tree))
        .unwrap_err()
        .starts_with("This file keeps no changelog"));
    tree["changelog"] = serde_json::json!([
        {"date": "2025-01-10", "summary": "Older."},
        {"date": "2025-01-31", "summary": "Newer."}
    ]);
    assert_eq!(
        changelog_entries(&dataset_from(&tree)).unwrap(),
        [
            ("31 January 2025".to_string(), "Newer.".to_string()),
            ("10 January 2025".to_string(), "Older.".to_string())
        ]
    );
}
