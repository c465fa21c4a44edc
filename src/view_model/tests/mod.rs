//! View-model tests on a small fixture: headline figures, generated sentences, chart tables, sources and citations.
//!
//! Every expected number is the fixture's own (or summed from its days here); the real dataset is
//! checked against published figures in `tests/real_data.rs`.

use super::*;
use crate::export::Cell;
use crate::testing::{dataset_from, date, tree_with_days};
use crate::text::{format_number, money};
use crate::view_state::Period;

mod briefing;
mod chart_images;
mod editions;
mod funding;
mod sentences;
mod where_sources_differ;

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
fn crossings_chart_has_title_source_summary_and_matching_table() {
    let dataset = briefing_fixture();
    let chart = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    assert_eq!(
        chart.title,
        "People crossing the English Channel in small boats, by month"
    );
    assert_eq!(
        chart.source_line,
        "Source: Home Office, “A release” (provisional, data to 31 January 2025). https://www.gov.uk/a"
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
        .on_screen_rows()
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
        funding_footer[2], "Source: Home Office, “A release”. https://www.gov.uk/a",
        "the sources themselves with their address, not a ledger the CSV does not hold"
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
fn the_controls_line_says_what_is_set_on_the_open_view() {
    use crate::view_state::{Measure, Tab};
    let mut state = ViewState::initial();
    state.tab = Tab::Crossings;
    state.period = Period::Month;
    state.measure = Measure::People;
    state.rolling_periods = 0;
    state.compare_years = false;
    state.show_events = false;
    assert_eq!(
        controls_summary(&state),
        "All dates · by month · people · provisional"
    );
    state.date_from = Some(date(2024, 1, 1));
    state.rolling_periods = 3;
    state.show_events = true;
    assert_eq!(
        controls_summary(&state),
        "From 1 January 2024 · by month · people · provisional · 3-period average · announcements marked"
    );
    state.tab = Tab::Briefing;
    state.briefing_period = Period::Year;
    assert_eq!(controls_summary(&state), "From 1 January 2024 · by year");
    state.tab = Tab::Announcements;
    state.search = "summit".to_string();
    assert_eq!(
        controls_summary(&state),
        "From 1 January 2024 · search “summit”"
    );
}

#[test]
fn the_facets_line_names_a_few_choices_and_counts_more() {
    use crate::closed_set::ClosedSet;
    use crate::data::Theme;
    let mut state = ViewState::initial();
    assert_eq!(facets_summary(&state), "All themes · anyone");
    state.toggle_theme(Theme::Pursue);
    state.toggle_actor("NCA");
    assert_eq!(
        facets_summary(&state),
        format!("{} · NCA", Theme::Pursue.label())
    );
    state.toggle_theme(Theme::Prevent);
    state.toggle_theme(Theme::Funding);
    state.toggle_actor("Home Office");
    assert_eq!(
        facets_summary(&state),
        "3 themes · Home Office, NCA",
        "kept sorted"
    );
    state.toggle_actor("France");
    assert_eq!(facets_summary(&state), "3 themes · 3 actors");
}

#[test]
fn the_list_under_a_chart_names_the_announcements_nearest_the_readout_or_else_the_latest() {
    let events: Vec<EventNote> = [0, 2, 2, 5, 9, 14, 20]
        .into_iter()
        .enumerate()
        .map(|(event_idx, x_idx)| EventNote {
            x_idx,
            number: event_idx + 1,
            date_display: String::new(),
            title: format!("event {event_idx}"),
            announcement_id: format!("a{event_idx}"),
        })
        .collect();
    assert_eq!(
        nearest_events(&events, None, 3),
        [4, 5, 6],
        "the latest three"
    );
    assert_eq!(
        nearest_events(&events, Some(4), 3),
        [1, 2, 3],
        "positions 2, 2 and 5 are nearest 4"
    );
    assert_eq!(
        nearest_events(&events, Some(11), 2),
        [4, 5],
        "9 and 14 are each within 3 of 11"
    );
    assert_eq!(
        nearest_events(&events, Some(0), 10).len(),
        events.len(),
        "never more than there are"
    );
    assert!(nearest_events(&[], Some(3), 5).is_empty());
}

#[test]
fn a_date_outside_the_daily_data_gets_a_note_and_one_inside_none() {
    let (first, last) = (date(2018, 1, 1), date(2026, 8, 20));
    assert_eq!(
        date_outside_data_note(date(2017, 12, 31), first, last).as_deref(),
        Some("No crossings data before 1 January 2018.")
    );
    assert_eq!(
        date_outside_data_note(date(2026, 8, 21), first, last).as_deref(),
        Some("No crossings data after 20 August 2026.")
    );
    for inside in [first, last, date(2022, 6, 1)] {
        assert_eq!(date_outside_data_note(inside, first, last), None);
    }
}

#[test]
fn a_new_release_notice_names_its_data_and_what_reloading_does_to_an_opened_file() {
    assert_eq!(
        new_release_notice(Some(date(2026, 12, 4)), false),
        "A newer edition of the explorer is available, with data as at 4 December 2026. Reload to see it."
    );
    assert!(new_release_notice(None, true).ends_with(
        "Reloading shows it in place of the file you opened, which you can open again."
    ));
}

#[test]
fn a_link_to_a_record_these_data_do_not_have_is_named() {
    let dataset = briefing_fixture();
    let opening = |tab, item_id: &str| ViewState::opening_item(tab, item_id);
    let note = missing_record_note(
        &dataset,
        &opening(crate::view_state::Tab::Announcements, "no-such-record"),
    )
    .unwrap();
    assert!(
        note.starts_with(
            "The link opens the announcement “no-such-record”, which these data do not have"
        ),
        "{note}"
    );
    let known = dataset.funding[0].funding_id.clone();
    assert_eq!(
        missing_record_note(&dataset, &opening(crate::view_state::Tab::Funding, &known)),
        None
    );
    assert!(missing_record_note(&dataset, &ViewState::initial()).is_none());
}

#[test]
fn a_long_list_is_drawn_a_page_at_a_time_and_always_holds_the_record_a_link_opens() {
    assert_eq!(items_to_draw(45, ITEMS_SHOWN_AT_ONCE, None), 45);
    assert_eq!(items_to_draw(3_600, ITEMS_SHOWN_AT_ONCE, None), 100);
    assert_eq!(items_to_draw(3_600, 200, None), 200);
    assert_eq!(items_to_draw(3_600, 100, Some(2_500)), 2_501);
    assert_eq!(items_to_draw(3_600, 100, Some(10)), 100);
    assert_eq!(show_more_label(45, 45, 100, "announcements"), None);
    assert_eq!(
        show_more_label(100, 3_600, ITEMS_SHOWN_AT_ONCE, "announcements").as_deref(),
        Some("Show 100 more (3,500 of 3,600 announcements not shown yet)")
    );
    assert_eq!(
        show_more_label(3_550, 3_600, ITEMS_SHOWN_AT_ONCE, "sources").as_deref(),
        Some("Show 50 more (50 of 3,600 sources not shown yet)")
    );
    assert_eq!(
        show_more_label(500, 8_042, TABLE_ROWS_SHOWN_AT_ONCE, "rows").as_deref(),
        Some("Show 500 more (7,542 of 8,042 rows not shown yet)")
    );
}

#[test]
fn shared_text_is_the_views_own_sentence_cited_to_the_app_with_its_freshness() {
    use crate::view_state::Tab;
    let dataset = briefing_fixture();
    let cited_end = format!(
        " Source: {}, {}.",
        crate::APP_NAME,
        crate::citation::data_freshness(&dataset)
    );
    let mut state = ViewState::initial();
    for tab in [
        Tab::Briefing,
        Tab::Crossings,
        Tab::Funding,
        Tab::Announcements,
        Tab::Sources,
    ] {
        state.tab = tab;
        let text = share_text(&dataset, &state);
        assert!(text.ends_with(&cited_end), "{tab:?}: {text}");
        let own = match tab {
            Tab::Briefing => briefing_summary(&dataset, &state),
            Tab::Crossings => crossings_chart(&dataset, &state, WIDE_CHART_SIZE).summary,
            Tab::Funding => funding_view(&dataset, &state, WIDE_CHART_SIZE).bsc_total_sentence,
            Tab::Announcements => format!(
                "{} about the Border Security Command, all dates in the dataset.",
                crate::text::count_of(dataset.announcements.len(), "announcement", "announcements")
            ),
            Tab::Sources => {
                "Every source behind the figures, and how they are worked out.".to_string()
            }
        };
        assert_eq!(text, format!("{own}{cited_end}"), "{tab:?}");
    }
}

#[test]
fn the_embed_page_sits_beside_the_explorer_and_its_code_is_escaped() {
    for (view_link, embed) in [
        (
            "https://example.org/explorer/#v=1&tab=crossings",
            "https://example.org/explorer/embed.html#v=1&tab=crossings",
        ),
        (
            "https://example.org/explorer/index.html#v=1&tab=funding",
            "https://example.org/explorer/embed.html#v=1&tab=funding",
        ),
        (
            "http://127.0.0.1:8080/#v=1",
            "http://127.0.0.1:8080/embed.html#v=1",
        ),
    ] {
        assert_eq!(embed_address(view_link), embed);
    }
    assert_eq!(
        full_view_address("https://example.org/explorer/embed.html#v=1&tab=crossings&colours=dark"),
        "https://example.org/explorer/#v=1&tab=crossings&colours=dark"
    );
    let code = embed_code(
        "https://example.org/#v=1&tab=crossings&q=a%22b",
        "People \"crossing\" <by month>",
    );
    assert_eq!(
        code,
        format!("<iframe src=\"https://example.org/embed.html#v=1&amp;tab=crossings&amp;q=a%22b\" title=\"People &quot;crossing&quot; &lt;by month&gt;\" width=\"100%\" height=\"{EMBED_HEIGHT_PX}\" style=\"border: 0;\" loading=\"lazy\"></iframe>")
    );
}

#[test]
fn each_view_embeds_its_own_chart_with_what_kind_of_figures_it_shows() {
    use crate::view_state::Tab;
    let dataset = briefing_fixture();
    let mut state = ViewState::initial();
    let embedded = |state: &ViewState| {
        embedded_chart(&dataset, state, WIDE_CHART_SIZE)
            .map(|shown| (shown.chart.title, shown.status))
    };
    assert_eq!(
        embedded(&state),
        Some((
            briefing_chart(&dataset, &state, WIDE_CHART_SIZE).title,
            "Provisional"
        ))
    );
    state.tab = Tab::Crossings;
    assert_eq!(
        embedded(&state),
        Some((
            crossings_chart(&dataset, &state, WIDE_CHART_SIZE).title,
            "Provisional"
        ))
    );
    state.series = crate::analysis::request::SeriesChoice::Official;
    assert_eq!(embedded(&state).map(|(_, status)| status), Some("Official"));
    state.tab = Tab::Funding;
    assert_eq!(
        embedded(&state),
        Some((
            funding_view(&dataset, &state, WIDE_CHART_SIZE).chart.title,
            "Announced"
        ))
    );
    state.tab = Tab::Announcements;
    assert_eq!(embedded(&state), None, "the timeline has no chart");
}
