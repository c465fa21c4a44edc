//! Periods a range cuts: every boundary, every period, official periods kept whole, weeks to the last day, and the sums of random ranges.

use super::*;

#[test]
fn every_boundary_counts_only_the_days_in_range_for_every_period() {
    let dataset = bundled();
    for (from, to) in boundary_ranges(&dataset) {
        for period in Period::all() {
            let state = view(period, from, to);
            let series = series_of(&dataset, &state);
            let expected = expected_points(&dataset, period, from, to);
            assert_eq!(got_points(&series), expected, "{period:?} {from:?} {to:?}");
            // The points add up to the days in range.
            let (people, boats) = daily_sum(
                &dataset,
                from.unwrap_or(NaiveDate::MIN),
                to.unwrap_or(NaiveDate::MAX),
            );
            assert_eq!(
                series.totals(),
                (people, boats),
                "{period:?} {from:?} {to:?}"
            );
            for point in &series.points {
                // A partial point names the days it counts; a whole one does not.
                let label = point.label();
                assert_eq!(label.contains(" ("), !point.is_complete, "{label}");
                assert!(
                    from.is_none_or(|from| point.start >= from)
                        && to.is_none_or(|to| point.end <= to)
                );
                if !point.is_complete {
                    assert_eq!(point.rolling, None);
                }
            }
            // Table, CSV, readout, subtitle and summary state the same points and span.
            assert_chart_states_the_series(&dataset, &state, &series, people);
        }
    }
}

/// The chart of a range states the series' points and span in its table, CSV, readout, subtitle and
/// summary; `people` is the range's total worked out from the days.
fn assert_chart_states_the_series(
    dataset: &Dataset,
    state: &ViewState,
    series: &CrossingsSeries,
    people: u64,
) {
    let period = state.period;
    let chart = crossings_chart(dataset, state, WIDE_CHART_SIZE);
    let table = chart.table.build();
    // What the page shows (the CSV has ISO dates and more besides).
    let shown_rows = table.on_screen_rows();
    assert_eq!(table.rows.len(), series.points.len());
    assert_eq!(chart.point_texts.len(), series.points.len());
    for (point_idx, point) in series.points.iter().enumerate() {
        assert_eq!(shown_rows[point_idx][0].shown, point.label());
        let people_column = if period == Period::Day { 1 } else { 2 };
        assert_eq!(
            shown_rows[point_idx][people_column].shown,
            thousands(point.people)
        );
        let readout = chart.point_texts.get(point_idx).unwrap();
        assert!(
            readout.starts_with(&format!(
                "{}: {} people",
                point.label(),
                thousands(point.people)
            )),
            "{readout}"
        );
        assert_eq!(readout.contains("partial"), !point.is_complete, "{readout}");
    }
    let csv = to_csv(&table, &[]);
    let table_sum: u64 = shown_rows
        .iter()
        .map(|row| {
            let people_column = if period == Period::Day { 1 } else { 2 };
            row[people_column]
                .shown
                .replace(',', "")
                .parse::<u64>()
                .unwrap()
        })
        .sum();
    assert_eq!(table_sum, people);
    assert!(csv.lines().count() > table.rows.len());
    for row in &shown_rows {
        assert!(csv.contains(&row[0].shown), "{}", row[0].shown);
    }
    match series.span() {
        Some((first, last)) => {
            let span = if first == last {
                day_month_year(first)
            } else {
                format!("{} to {}", day_month_year(first), day_month_year(last))
            };
            assert!(
                chart.subtitle.contains(&span),
                "{} / {span}",
                chart.subtitle
            );
            assert!(
                chart.summary.contains(&format!(
                    "{span}, {} {} crossed",
                    thousands(people),
                    if people == 1 { "person" } else { "people" }
                )),
                "{}",
                chart.summary
            );
            assert!(
                !chart.summary.contains("No crossings data"),
                "{}",
                chart.summary
            );
        }
        None => {
            assert_eq!(people, 0);
            assert!(
                chart
                    .summary
                    .starts_with("No crossings data fall in the selected dates"),
                "{}",
                chart.summary
            );
        }
    }
}

#[test]
fn official_figures_keep_whole_periods_and_name_the_ones_the_range_cuts() {
    let dataset = bundled();
    for (from, to) in boundary_ranges(&dataset) {
        for period in [Period::Month, Period::Year] {
            let state = ViewState {
                series: SeriesChoice::Official,
                ..view(period, from, to)
            };
            let series = series_of(&dataset, &state);
            assert_eq!(series.status, Status::Official);
            // The expected rows, from the official tables themselves.
            let rows: Vec<(NaiveDate, NaiveDate, u64)> = if period == Period::Month {
                dataset.crossings.monthly[0]
                    .rows
                    .iter()
                    .map(|row| {
                        let next = if row.month.month() == 12 {
                            date(row.month.year() + 1, 1, 1)
                        } else {
                            date(row.month.year(), row.month.month() + 1, 1)
                        };
                        (row.month, next.pred_opt().unwrap(), u64::from(row.people))
                    })
                    .collect()
            } else {
                dataset.crossings.annual[0]
                    .rows
                    .iter()
                    .map(|row| {
                        (
                            date(row.year, 1, 1),
                            date(row.year, 12, 31),
                            u64::from(row.people),
                        )
                    })
                    .collect()
            };
            let inside = |start: NaiveDate, end: NaiveDate| {
                from.is_none_or(|from| start >= from) && to.is_none_or(|to| end <= to)
            };
            let overlaps = |start: NaiveDate, end: NaiveDate| {
                from.is_none_or(|from| end >= from) && to.is_none_or(|to| start <= to)
            };
            let kept: Vec<(NaiveDate, NaiveDate, u64)> = rows
                .iter()
                .copied()
                .filter(|(start, end, _)| inside(*start, *end))
                .collect();
            let got: Vec<(NaiveDate, NaiveDate, u64)> = series
                .points
                .iter()
                .map(|point| (point.start, point.end, point.people))
                .collect();
            assert_eq!(got, kept, "{period:?} {from:?} {to:?}");
            assert!(series.points.iter().all(|point| point.is_complete));
            let n_cut = rows
                .iter()
                .filter(|(start, end, _)| overlaps(*start, *end) && !inside(*start, *end))
                .count();
            assert_eq!(
                series.left_out_cut.len(),
                n_cut,
                "{period:?} {from:?} {to:?}"
            );
            if n_cut > 0 {
                assert!(
                    series
                        .notes
                        .iter()
                        .any(|note| note.starts_with("Official figures cannot be split by day")),
                    "{:?}",
                    series.notes
                );
            }
        }
    }
}

#[test]
fn no_whole_period_is_not_no_data() {
    let dataset = bundled();
    let last = last_day(&dataset);
    for (period, from, to) in [
        (
            Period::Year,
            date(last.year(), 1, 1),
            date(last.year(), 12, 31),
        ),
        (
            Period::Month,
            date(last.year(), last.month(), 1),
            date(last.year(), last.month(), 28),
        ),
    ] {
        let chart = crossings_chart(
            &dataset,
            &view(period, Some(from), Some(to)),
            WIDE_CHART_SIZE,
        );
        let people = daily_sum(&dataset, from, to).0;
        assert!(
            chart
                .summary
                .contains(&format!("{} people crossed", thousands(people))),
            "{}",
            chart.summary
        );
        assert!(
            !chart.summary.contains("No crossings data"),
            "{}",
            chart.summary
        );
    }
    // People per boat over days with no boats says so; with boats it gives the ratio.
    for (from, to) in [
        (date(2025, 12, 29), date(2026, 1, 4)),
        (date(2024, 8, 1), date(2024, 8, 7)),
    ] {
        let state = ViewState {
            measure: Measure::PeoplePerBoat,
            ..view(Period::Day, Some(from), Some(to))
        };
        let chart = crossings_chart(&dataset, &state, WIDE_CHART_SIZE);
        let (people, boats) = daily_sum(&dataset, from, to);
        if boats == 0 {
            assert!(
                chart.summary.contains("no boats were detected arriving"),
                "{}",
                chart.summary
            );
            assert!(chart.point_texts.get(0).unwrap().contains("no boats"));
        } else {
            assert!(
                chart.summary.contains(&format!(
                    "{} per boat",
                    format_number(people as f64 / boats as f64, 1)
                )),
                "{}",
                chart.summary
            );
        }
        assert!(
            !chart.summary.contains("No crossings data"),
            "{}",
            chart.summary
        );
    }
}

#[test]
fn weeks_cover_every_day_of_the_daily_series() {
    let dataset = bundled();
    let daily = &dataset.crossings.daily;
    let series = series_of(&dataset, &view(Period::Week, None, None));
    let last = series.points.last().unwrap();
    assert_eq!(last.end, last_day(&dataset));
    assert_eq!(last.is_complete, last.end.weekday() == chrono::Weekday::Sun);
    let all_people: u64 = daily.people.iter().map(|&n| u64::from(n)).sum();
    assert_eq!(series.totals().0, all_people);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn grouped_sums_equal_the_daily_sum_and_the_briefing(
        start_offset in -40i64..3_300,
        length_days in 0i64..1_500,
        period_idx in 0usize..4,
    ) {
        let dataset = bundled_once();
        let from = iso("2018-01-01") + chrono::Duration::days(start_offset);
        let to = from + chrono::Duration::days(length_days);
        let state = view(Period::NAMES[period_idx].1, Some(from), Some(to));
        let series = series_of(dataset, &state);
        let expected = daily_sum(dataset, from, to);
        prop_assert_eq!(series.totals(), expected);
        let chart = crossings_chart(dataset, &state, WIDE_CHART_SIZE);
        let briefing = briefing_summary(dataset, &state);
        if expected.0 > 1 {
            let crossed = format!("{} people crossed", thousands(expected.0));
            prop_assert!(chart.summary.contains(&crossed), "{}", chart.summary);
            prop_assert!(briefing.contains(&crossed), "{}", briefing);
        }
    }
}
