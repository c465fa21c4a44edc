//! View-model tests on the real dataset: headline figures, generated sentences, chart tables and sources.

use super::*;
use crate::text::{format_number, money};
use crate::view_state::Period;
use chrono::Datelike;

fn bundled() -> Dataset {
    crate::data::parse_dataset(include_bytes!("../../public/data/dataset.json")).unwrap()
}

#[test]
fn headlines_carry_value_period_status_and_sources() {
    let dataset = bundled();
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
    assert_eq!(headlines[0].value, "Up to £280 million");
    assert_eq!(headlines[1].value, "300");
    assert_eq!(headlines[3].value, "41,472");
    assert_eq!(
        headlines[3].label,
        "People crossing in small boats in 2025, up 13% on 2024 (36,816)"
    );
    assert_eq!(headlines[3].status, "Provisional");
    assert_eq!(headlines[4].value, "15,897");
    assert!(headlines
        .iter()
        .all(|headline| !headline.source_ids.is_empty()));
    assert!(headlines[4].citation.starts_with("15,897 people crossed the English Channel in small boats between 1 January and 20 August 2026, against 27,997 by the same day of 2025"));
}

#[test]
fn funding_totals_follow_the_date_range() {
    let dataset = bundled();
    let all_dates = funding_view(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    assert!(all_dates.bsc_total_sentence.starts_with(
        "Up to £280 million of one-off funding announced for the Border Security Command"
    ));
    assert_eq!(all_dates.per_year_sentences.len(), 1);
    assert!(all_dates.per_year_sentences[0]
        .starts_with("Also announced: up to £280 million more per year"));
    let autumn_2024 = ViewState {
        date_from: NaiveDate::from_ymd_opt(2024, 9, 1),
        date_to: NaiveDate::from_ymd_opt(2024, 11, 30),
        ..ViewState::initial()
    };
    let view = funding_view(&dataset, &autumn_2024, WIDE_CHART_SIZE);
    assert!(
        view.bsc_total_sentence.starts_with("Up to £150 million"),
        "{}",
        view.bsc_total_sentence
    );
    let total_row = view
        .rows
        .iter()
        .find(|row| row.funding_id == "bsc-150m-two-years")
        .unwrap();
    assert!(!total_row.is_counted);
    assert_eq!(total_row.amount_display, "£150 million");
    // By recipient, counted once: the £150m total is not a recipient's extra money.
    let first = &all_dates.by_recipient.rows[0];
    assert_eq!(
        (first[0].shown.as_str(), first[1].shown.as_str()),
        (
            "Border Security Command, National Crime Agency, police and other partners",
            "100,000,000"
        )
    );
    let sum: f64 = all_dates
        .by_recipient
        .rows
        .iter()
        .map(|row| match row[1].sort_key {
            crate::export::SortKey::Number(amount) => amount,
            _ => 0.0,
        })
        .sum();
    assert_eq!(
        sum, 324_800_000.0,
        "the recipients add up to the counted total"
    );
}

#[test]
fn crossings_chart_has_title_source_summary_and_matching_table() {
    let dataset = bundled();
    let chart = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    assert_eq!(
        chart.title,
        "People crossing the English Channel in small boats, by month"
    );
    let daily = &dataset.crossings.daily;
    let last_day = daily.last_date().unwrap();
    assert!(chart.source_line.starts_with(&format!("Source: Home Office, “Migrants detected crossing the English Channel in small boats – time series” (provisional, data to {})", crate::dates::day_month_year(last_day))));
    let people: u64 = daily.people.iter().map(|&n| u64::from(n)).sum();
    assert!(
        chart.summary.starts_with(&format!(
            "From {} to {}, {} people crossed in ",
            crate::dates::day_month_year(daily.first_date),
            crate::dates::day_month_year(last_day),
            format_number(people as f64, 0)
        )),
        "{}",
        chart.summary
    );
    assert!(
        chart.summary.contains("The highest whole month was "),
        "{}",
        chart.summary
    );
    let table = chart.table.build();
    assert_eq!(table.rows.len(), chart.drawn.geometry.n_positions);
    assert_eq!(chart.point_texts.len(), table.rows.len());
    // The readout line for a month, made on demand, says its value, status and publisher.
    let august_2022_idx = table
        .rows
        .iter()
        .position(|row| row[0].shown == "August 2022")
        .expect("a row for August 2022");
    assert_eq!(
        chart.point_texts.get(august_2022_idx),
        Some(format!(
            "August 2022: {} people (provisional, Home Office)",
            table.rows[august_2022_idx][2].shown
        ))
    );
    assert_eq!(chart.point_texts.get(table.rows.len()), None);
    assert!(
        chart.events.len() >= 40,
        "announcements marked on the timeline"
    );
    assert_eq!(chart.events[0].number, 1);
    assert_eq!(
        (
            chart.events[0].date_display.as_str(),
            chart.events[0].announcement_id.as_str()
        ),
        ("July 2024", "kings-speech-bill")
    );
}

#[test]
fn year_on_year_lines_end_at_each_year_total() {
    let dataset = bundled();
    let chart = crossings_chart(
        &dataset,
        &ViewState {
            compare_years: true,
            ..ViewState::initial()
        },
        WIDE_CHART_SIZE,
    );
    assert!(chart.summary.starts_with("By "), "{}", chart.summary);
    let table = chart.table.build();
    let row_2022 = table
        .rows
        .iter()
        .find(|row| row[0].shown == "2022")
        .unwrap();
    let people_2022: u64 = (0..dataset.crossings.daily.people.len())
        .filter(|&day_idx| dataset.crossings.daily.date_of(day_idx).year() == 2022)
        .map(|day_idx| u64::from(dataset.crossings.daily.people[day_idx]))
        .sum();
    assert_eq!(row_2022[2].shown, format_number(people_2022 as f64, 0));
    let row_2026 = table
        .rows
        .iter()
        .find(|row| row[0].shown == "2026")
        .unwrap();
    assert_eq!(row_2026[2].shown, "no data", "2026 is not complete");
}

#[test]
fn a_narrow_chart_draws_the_same_values_with_fewer_axis_labels() {
    let dataset = bundled();
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
    let dataset = bundled();
    let state = ViewState {
        date_from: NaiveDate::from_ymd_opt(2024, 7, 5),
        date_to: NaiveDate::from_ymd_opt(2024, 12, 31),
        ..ViewState::initial()
    };
    let summary = briefing_summary(&dataset, &state);
    // 19 announcements: the month-dated King's Speech (July 2024) and G7 plan (October 2024) count too.
    let (people, boats) = crate::analysis::sum_between(
        &dataset.crossings.daily,
        state.date_from.unwrap(),
        state.date_to.unwrap(),
    );
    let n_announcements = dataset
        .announcements
        .iter()
        .filter(|announcement| {
            announcement.date.last_day() >= state.date_from.unwrap()
                && announcement.date.first_day <= state.date_to.unwrap()
        })
        .count();
    assert!(summary.starts_with(&format!(
        "From 5 July 2024 to 31 December 2024, {n_announcements} announcements match the filters. In those dates, {} people crossed in {boats} boats ({} per boat; provisional figures).",
        format_number(people as f64, 0),
        format_number(people as f64 / boats as f64, 1)
    )), "{summary}");
    // The funding sentence is the Funding view's own, for the same dates.
    let funding = funding_view(&dataset, &state, WIDE_CHART_SIZE);
    assert!(summary.ends_with(&funding.bsc_total_sentence), "{summary}");
    assert!(
        funding.bsc_total_sentence.contains("million"),
        "{}",
        funding.bsc_total_sentence
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
        &bundled(),
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
    let dataset = bundled();
    let paragraph = editions_paragraph(&dataset);
    let comparison = crate::analysis::editions::compare_editions(&dataset);
    for difference in &comparison.differing_months {
        assert!(
            paragraph.contains(&format!(
                "{} ({} people provisional, {} official",
                crate::dates::month_year(difference.period_start),
                format_number(difference.provisional_people as f64, 0),
                format_number(difference.official_people as f64, 0)
            )),
            "{paragraph}"
        );
    }
    assert!(paragraph.contains(&format!(
        "Of the {} whole months both cover",
        comparison.n_months_compared
    )));
}

#[test]
fn a_csv_footer_cites_the_chart_and_its_sources() {
    let dataset = bundled();
    let chart = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    let footer = chart.csv_footer();
    assert_eq!(footer[1], chart.source_line);
    assert_eq!(
        footer[2],
        format!(
            "Cite as: Border Security Briefing Explorer, “{}”, {}",
            chart.title, chart.cited_sources
        )
    );
    assert_eq!(
        chart.source_line,
        format!("Source: {}.", chart.cited_sources)
    );
    let funding = funding_view(&dataset, &ViewState::initial(), WIDE_CHART_SIZE).chart;
    assert!(!funding.csv_footer()[2].contains("Sources: "));
}

#[test]
fn match_counts_agree_in_number() {
    assert_eq!(match_count_sentence(0), "0 announcements match.");
    assert_eq!(match_count_sentence(1), "1 announcement matches.");
    assert_eq!(match_count_sentence(1_200), "1,200 announcements match.");
}
