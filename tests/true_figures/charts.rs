//! Charts over the real data: years compared from 1 January, rolling averages and highest periods, and announcements marked in a day view.

use super::*;

#[test]
fn compare_years_reads_each_date_in_its_own_calendar() {
    let dataset = bundled();
    let through = |day: NaiveDate| daily_sum(&dataset, date(day.year(), 1, 1), day).0;
    let lines = cumulative_by_year(&dataset);
    for line in &lines {
        for position in 0..366 {
            let template = date(2024, 1, 1) + chrono::Days::new(position as u64);
            let own_day = same_day_in(line.year, template);
            match line.people_by_position(position) {
                Some((day, people)) => {
                    assert_eq!(day, own_day);
                    assert_eq!(people, through(own_day), "{day}");
                }
                None => assert!(own_day > last_day(&dataset)),
            }
        }
    }
}

#[test]
fn the_years_compared_chart_reads_each_position_in_each_year_s_calendar() {
    let dataset = bundled();
    let through = |day: NaiveDate| daily_sum(&dataset, date(day.year(), 1, 1), day).0;
    let lines = cumulative_by_year(&dataset);
    let chart = crossings_chart(
        &dataset,
        &ViewState {
            compare_years: true,
            ..view(Period::Month, None, None)
        },
        WIDE_CHART_SIZE,
    );
    let first_march = chart.point_texts.get(60).unwrap();
    assert!(first_march.starts_with("By 1 March: "), "{first_march}");
    for line in lines
        .iter()
        .filter(|line| line.cumulative_people.len() >= 61)
    {
        assert!(
            first_march.contains(&format!(
                "{} {}",
                line.year,
                thousands(through(date(line.year, 3, 1)))
            )),
            "{first_march}"
        );
    }
    let last_position = chart.point_texts.get(365).unwrap();
    assert!(last_position.starts_with("By 31 December: "));
    for line in lines.iter().filter(|line| line.is_complete) {
        assert!(
            last_position.contains(&format!(
                "{} {}",
                line.year,
                thousands(through(date(line.year, 12, 31)))
            )),
            "{last_position}"
        );
    }
    let leap_day = chart.point_texts.get(59).unwrap();
    assert!(leap_day.starts_with("By 29 February: "), "{leap_day}");
    assert!(
        leap_day.contains("2025 (to 28 February, no 29th)"),
        "{leap_day}"
    );
    // The latest year in progress ends at its own last day, and the summary says which.
    let last = last_day(&dataset);
    assert!(
        chart.summary.starts_with(&format!(
            "By {}, {} people had crossed in {}, against {} by {} {}",
            border_security_explorer::dates::day_month(last),
            thousands(through(last)),
            last.year(),
            thousands(through(same_day_in(last.year() - 1, last))),
            border_security_explorer::dates::day_month(last),
            last.year() - 1
        )),
        "{}",
        chart.summary
    );
}

#[test]
fn compare_years_summary_follows_the_range() {
    let dataset = bundled();
    let state = ViewState {
        compare_years: true,
        ..view(
            Period::Month,
            Some(date(2022, 1, 1)),
            Some(date(2022, 12, 31)),
        )
    };
    let chart = crossings_chart(&dataset, &state, WIDE_CHART_SIZE);
    assert_eq!(
        chart.summary,
        format!(
            "In 2022, {} people crossed (provisional figures).",
            thousands(daily_sum(&dataset, date(2022, 1, 1), date(2022, 12, 31)).0)
        )
    );
    let state = ViewState {
        compare_years: true,
        ..view(
            Period::Month,
            Some(date(2021, 3, 1)),
            Some(date(2022, 12, 31)),
        )
    };
    let chart = crossings_chart(&dataset, &state, WIDE_CHART_SIZE);
    assert_eq!(
        chart.summary,
        format!(
            "In 2022, {} people crossed, against {} in 2021 (provisional figures).",
            thousands(daily_sum(&dataset, date(2022, 1, 1), date(2022, 12, 31)).0),
            thousands(daily_sum(&dataset, date(2021, 1, 1), date(2021, 12, 31)).0)
        )
    );
}

#[test]
fn rolling_averages_and_highest_periods_leave_partial_periods_out() {
    let dataset = bundled();
    let state = ViewState {
        rolling_periods: 3,
        ..view(Period::Year, None, None)
    };
    let series = series_of(&dataset, &state);
    let last = series.points.last().unwrap();
    assert!(!last.is_complete);
    assert_eq!(
        last.rolling, None,
        "a window holding the partial latest year gives no average"
    );
    assert!(series
        .notes
        .iter()
        .any(|note| note.starts_with("The 3-year average is of whole years")));
    // The latest month cut on purpose (to its 15th, or the month before's when the data end earlier
    // in the month), so the check runs whatever day a data update ends on.
    let last = last_day(&dataset);
    let cut_to = if last.day() > 15 {
        last.with_day(15).unwrap()
    } else {
        last.with_day(1).unwrap() - chrono::Days::new(1)
    }
    .with_day(15)
    .unwrap();
    let cut_view = view(Period::Month, None, Some(cut_to));
    let per_boat = crossings_chart(
        &dataset,
        &ViewState {
            measure: Measure::PeoplePerBoat,
            ..cut_view.clone()
        },
        WIDE_CHART_SIZE,
    );
    let latest_month = series_of(&dataset, &cut_view)
        .points
        .last()
        .unwrap()
        .clone();
    assert!(
        !latest_month.is_complete,
        "the latest month is cut to its 15th"
    );
    assert!(
        !per_boat
            .summary
            .contains(&format!("was {} with", latest_month.label())),
        "a cut month is never called the latest: {}",
        per_boat.summary
    );
}

#[test]
fn month_only_announcements_are_marked_in_a_day_view() {
    let dataset = bundled();
    let month_only: Vec<_> = dataset
        .announcements
        .iter()
        .filter(|announcement| announcement.date.first_day != announcement.date.last_day())
        .collect();
    assert!(
        !month_only.is_empty(),
        "the dataset has announcements dated by month"
    );
    let mut n_checked = 0;
    for announcement in month_only {
        let from = announcement.date.first_day + chrono::Days::new(4);
        let state = ViewState {
            show_events: true,
            ..view(
                Period::Day,
                Some(from),
                Some(announcement.date.last_day() + chrono::Days::new(30)),
            )
        };
        let chart = crossings_chart(&dataset, &state, WIDE_CHART_SIZE);
        if last_day(&dataset) >= from {
            n_checked += 1;
            assert!(
                chart
                    .events
                    .iter()
                    .any(|event| event.announcement_id == announcement.announcement_id),
                "{}",
                announcement.announcement_id
            );
        }
    }
    assert!(
        n_checked > 0,
        "at least one month-only announcement falls inside the daily figures"
    );
}
