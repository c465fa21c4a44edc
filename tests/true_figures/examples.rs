//! The worked examples: a year from the launch by month and by year, one day, a year of weeks, and the range as the reader typed it.

use super::*;

/// From 5 July 2024 to 4 July 2025: the 12 months from the Command's launch.
fn launch_year(period: Period) -> ViewState {
    view(period, Some(date(2024, 7, 5)), Some(date(2025, 7, 4)))
}

/// The last day of the month `start` is in.
fn month_end(start: NaiveDate) -> NaiveDate {
    let next_month = if start.month() == 12 {
        date(start.year() + 1, 1, 1)
    } else {
        date(start.year(), start.month() + 1, 1)
    };
    next_month.pred_opt().unwrap()
}

#[test]
fn a_year_from_the_launch_by_month_cuts_its_first_and_last_months() {
    let dataset = bundled();
    let state = launch_year(Period::Month);
    let chart = crossings_chart(&dataset, &state, WIDE_CHART_SIZE);
    let table = chart.table.build();
    let shown_rows = table.on_screen_rows();
    let first_row = &shown_rows[0];
    assert_eq!(first_row[0].shown, "July 2024 (5–31 July)");
    assert_eq!(first_row[1].shown, "27");
    assert_eq!(
        first_row[2].shown,
        thousands(daily_sum(&dataset, date(2024, 7, 5), date(2024, 7, 31)).0)
    );
    let last_row = shown_rows.last().unwrap();
    assert_eq!(last_row[0].shown, "July 2025 (1–4 July)");
    assert_eq!(
        last_row[2].shown,
        thousands(daily_sum(&dataset, date(2025, 7, 1), date(2025, 7, 4)).0)
    );
    // The highest and latest named are whole months, worked out here.
    let whole_months: Vec<(NaiveDate, u64)> = (0..11u32)
        .map(|offset| {
            let start = date(2024 + ((7 + offset) / 12) as i32, (7 + offset) % 12 + 1, 1);
            (start, daily_sum(&dataset, start, month_end(start)).0)
        })
        .collect();
    let highest = whole_months
        .iter()
        .max_by_key(|(_, people)| *people)
        .unwrap();
    let latest = whole_months.last().unwrap();
    assert_eq!(latest.0, date(2025, 6, 1));
    let month_name = |start: NaiveDate| border_security_explorer::dates::month_year(start);
    assert!(
        chart.summary.contains(&format!(
            "The highest whole month was {} with {} people",
            month_name(highest.0),
            thousands(highest.1)
        )),
        "{}",
        chart.summary
    );
    assert!(
        chart.summary.contains(&format!(
            "the latest whole month, June 2025, had {} people",
            thousands(latest.1)
        )),
        "{}",
        chart.summary
    );
    assert!(
        !chart.summary.contains("month, July 2025") && !chart.summary.contains("was July 2025"),
        "{}",
        chart.summary
    );
}

#[test]
fn the_same_year_by_year_gives_two_partial_years_and_the_briefing_s_total() {
    let dataset = bundled();
    let state = launch_year(Period::Month);
    let by_year = series_of(&dataset, &launch_year(Period::Year));
    assert_eq!(by_year.points.len(), 2);
    assert_eq!(
        by_year.points[0].people,
        daily_sum(&dataset, date(2024, 7, 5), date(2024, 12, 31)).0
    );
    assert_eq!(
        by_year.points[1].people,
        daily_sum(&dataset, date(2025, 1, 1), date(2025, 7, 4)).0
    );
    assert_eq!(by_year.points[0].label(), "2024 (5 July–31 December)");
    // The Briefing, the month table and the year table agree on the total.
    let briefing = briefing_summary(&dataset, &state);
    let total = daily_sum(&dataset, date(2024, 7, 5), date(2025, 7, 4)).0;
    assert!(
        briefing.contains(&format!("{} people crossed", thousands(total))),
        "{briefing}"
    );
    assert_eq!(series_of(&dataset, &state).totals().0, total);
    assert_eq!(by_year.totals().0, total);
}

#[test]
fn one_day_and_a_year_of_weeks_count_their_days() {
    let dataset = bundled();
    for period in Period::all() {
        let series = series_of(
            &dataset,
            &view(period, Some(date(2022, 9, 3)), Some(date(2022, 9, 3))),
        );
        assert_eq!(series.points.len(), 1);
        assert_eq!(
            series.points[0].people,
            daily_sum(&dataset, date(2022, 9, 3), date(2022, 9, 3)).0
        );
    }

    // A whole year by week: the first week is cut at 1 January.
    let weeks_2022 = series_of(
        &dataset,
        &view(
            Period::Week,
            Some(date(2022, 1, 1)),
            Some(date(2022, 12, 31)),
        ),
    );
    assert_eq!(
        weeks_2022.points[0].label(),
        "Week ending 2 January 2022 (1–2 January)"
    );
    assert_eq!(
        weeks_2022.totals().0,
        daily_sum(&dataset, date(2022, 1, 1), date(2022, 12, 31)).0
    );
}

#[test]
fn the_subtitle_and_the_filter_line_state_the_range_the_reader_chose() {
    let dataset = bundled();
    let from_mid_june = view(Period::Month, Some(date(2025, 6, 15)), None);
    let chart = crossings_chart(&dataset, &from_mid_june, WIDE_CHART_SIZE);
    assert!(
        chart.subtitle.contains(&format!(
            "15 June 2025 to {}",
            day_month_year(last_day(&dataset))
        )),
        "{}",
        chart.subtitle
    );
    assert!(filter_line(&dataset, &from_mid_june).starts_with("Showing from 15 June 2025"));
}
