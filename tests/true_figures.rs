//! Every figure true for every date range: periods the range cuts, the last partial week, leap years, sentences.
//!
//! Expectations are worked out here from the bundled daily series with plain loops (ISO weeks and
//! chrono's own calendar, not the app's period code), never typed in, so a data update breaks nothing
//! that is right. The official series is checked against its own rows the same way.

use border_security_explorer::analysis::series::{
    crossings_series, cumulative_by_year, CrossingsSeries,
};
use border_security_explorer::closed_set::ClosedSet;
use border_security_explorer::data::{parse_dataset, Dataset, Status};
use border_security_explorer::export::to_csv;
use border_security_explorer::text::format_number;
use border_security_explorer::view_model::{
    briefing_summary, crossings_chart, filter_line, funding_view, WIDE_CHART_SIZE,
};
use border_security_explorer::view_state::{Measure, Period, SeriesChoice, ViewState};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

fn series_of(dataset: &Dataset, state: &ViewState) -> CrossingsSeries {
    crossings_series(dataset, &state.series_request())
}

fn bundled() -> Dataset {
    parse_dataset(include_bytes!("../public/data/dataset.json")).expect("the bundled dataset loads")
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn iso(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn last_day(dataset: &Dataset) -> NaiveDate {
    dataset.crossings.daily.last_date().unwrap()
}

fn thousands(count: u64) -> String {
    format_number(count as f64, 0)
}

/// People and boats of every day from `first` to `last` that the daily series has.
fn daily_sum(dataset: &Dataset, first: NaiveDate, last: NaiveDate) -> (u64, u64) {
    let daily = &dataset.crossings.daily;
    (0..daily.people.len())
        .filter(|&day_idx| (first..=last).contains(&daily.date_of(day_idx)))
        .fold((0, 0), |(people, boats), day_idx| {
            (
                people + u64::from(daily.people[day_idx]),
                boats + u64::from(daily.boats[day_idx]),
            )
        })
}

/// What a point must be: first and last day counted, people, boats, whole period or not.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    start: NaiveDate,
    end: NaiveDate,
    people: u64,
    boats: u64,
    is_complete: bool,
}

/// Which period a day is in, by chrono's calendar: ISO weeks run Monday to Sunday, as the data's do.
fn period_key(period: Period, day: NaiveDate) -> (i32, u32, u32) {
    match period {
        Period::Day => (day.year(), day.ordinal(), 0),
        Period::Week => (day.iso_week().year(), day.iso_week().week(), 0),
        Period::Month => (day.year(), day.month(), 0),
        Period::Year => (day.year(), 0, 0),
    }
}

fn period_length_days(period: Period, day: NaiveDate) -> u32 {
    match period {
        Period::Day => 1,
        Period::Week => 7,
        Period::Month => {
            let next = if day.month() == 12 {
                date(day.year() + 1, 1, 1)
            } else {
                date(day.year(), day.month() + 1, 1)
            };
            (next - date(day.year(), day.month(), 1)).num_days() as u32
        }
        Period::Year => {
            if NaiveDate::from_ymd_opt(day.year(), 2, 29).is_some() {
                366
            } else {
                365
            }
        }
    }
}

/// The provisional points a range must give, grouped here by plain iteration over the days.
fn expected_points(
    dataset: &Dataset,
    period: Period,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<Expected> {
    let daily = &dataset.crossings.daily;
    let mut points: Vec<(Expected, (i32, u32, u32), u32)> = Vec::new();
    for day_idx in 0..daily.people.len() {
        let day = daily.date_of(day_idx);
        if from.is_some_and(|from| day < from) || to.is_some_and(|to| day > to) {
            continue;
        }
        let key = period_key(period, day);
        let (people, boats) = (
            u64::from(daily.people[day_idx]),
            u64::from(daily.boats[day_idx]),
        );
        match points.last_mut() {
            Some((point, last_key, n_days)) if *last_key == key => {
                point.end = day;
                point.people += people;
                point.boats += boats;
                *n_days += 1;
            }
            _ => points.push((
                Expected {
                    start: day,
                    end: day,
                    people,
                    boats,
                    is_complete: false,
                },
                key,
                1,
            )),
        }
    }
    points
        .into_iter()
        .map(|(mut point, _, n_days)| {
            point.is_complete = n_days == period_length_days(period, point.start);
            point
        })
        .collect()
}

fn got_points(series: &CrossingsSeries) -> Vec<Expected> {
    series
        .points
        .iter()
        .map(|point| Expected {
            start: point.start,
            end: point.end,
            people: point.people,
            boats: point.boats,
            is_complete: point.is_complete,
        })
        .collect()
}

fn view(period: Period, from: Option<NaiveDate>, to: Option<NaiveDate>) -> ViewState {
    ViewState {
        tab: border_security_explorer::view_state::Tab::Crossings,
        period,
        date_from: from,
        date_to: to,
        ..ViewState::initial()
    }
}

/// Boundaries: start and end mid-period, on period edges, one day, one week (aligned and not), a year
/// end, leap days, open ends, and ranges partly or wholly outside the data.
fn boundary_ranges(dataset: &Dataset) -> Vec<(Option<NaiveDate>, Option<NaiveDate>)> {
    let last = last_day(dataset);
    let first = dataset.crossings.daily.first_date;
    vec![
        (Some(date(2024, 7, 5)), Some(date(2025, 7, 4))),
        (Some(date(2024, 7, 1)), Some(date(2025, 6, 30))),
        (Some(date(2022, 1, 1)), Some(date(2022, 12, 31))),
        (Some(date(2022, 9, 3)), Some(date(2022, 9, 3))),
        (Some(date(2025, 6, 9)), Some(date(2025, 6, 15))),
        (Some(date(2025, 6, 11)), Some(date(2025, 6, 17))),
        (Some(date(2025, 12, 15)), Some(date(2026, 1, 10))),
        (Some(date(2024, 2, 29)), Some(date(2024, 2, 29))),
        (Some(date(2024, 2, 28)), Some(date(2024, 3, 1))),
        (Some(date(2023, 2, 28)), Some(date(2023, 3, 1))),
        (Some(date(2025, 6, 15)), None),
        (None, Some(date(2019, 3, 14))),
        (None, None),
        (
            Some(last - chrono::Days::new(40)),
            Some(last + chrono::Days::new(200)),
        ),
        (
            Some(first - chrono::Days::new(10)),
            Some(first + chrono::Days::new(10)),
        ),
        (Some(date(2010, 1, 1)), Some(date(2011, 1, 1))),
        (Some(last + chrono::Days::new(1)), None),
    ]
}

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
            let chart = crossings_chart(&dataset, &state, WIDE_CHART_SIZE);
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
    }
}

fn day_month_year(day: NaiveDate) -> String {
    border_security_explorer::dates::day_month_year(day)
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
fn the_issue_examples_read_true() {
    let dataset = bundled();
    // A range from 5 July 2024 to 4 July 2025, by month.
    let state = view(
        Period::Month,
        Some(date(2024, 7, 5)),
        Some(date(2025, 7, 4)),
    );
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
            let end = if start.month() == 12 {
                date(start.year() + 1, 1, 1)
            } else {
                date(start.year(), start.month() + 1, 1)
            }
            .pred_opt()
            .unwrap();
            (start, daily_sum(&dataset, start, end).0)
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
    // By year the same range gives two partial years, counted over their days.
    let by_year = series_of(
        &dataset,
        &view(Period::Year, state.date_from, state.date_to),
    );
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

    // One day, by every period.
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

    // The subtitle and the filter line state the range the reader chose.
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

#[test]
fn compare_years_reads_each_date_in_its_own_calendar() {
    let dataset = bundled();
    let through = |day: NaiveDate| daily_sum(&dataset, date(day.year(), 1, 1), day).0;
    let lines = cumulative_by_year(&dataset);
    for line in &lines {
        for position in 0..366 {
            let template = date(2024, 1, 1) + chrono::Days::new(position as u64);
            let own_day = NaiveDate::from_ymd_opt(line.year, template.month(), template.day())
                .unwrap_or_else(|| date(line.year, 2, 28));
            match line.people_by_position(position) {
                Some((day, people)) => {
                    assert_eq!(day, own_day);
                    assert_eq!(people, through(own_day), "{day}");
                }
                None => assert!(own_day > last_day(&dataset)),
            }
        }
    }
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
            thousands(through(
                NaiveDate::from_ymd_opt(last.year() - 1, last.month(), last.day()).unwrap_or(date(
                    last.year() - 1,
                    2,
                    28
                ))
            )),
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

fn bundled_once() -> &'static Dataset {
    static DATASET: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATASET.get_or_init(bundled)
}

mod comparisons {
    use super::*;
    use border_security_explorer::analysis::compare::{ComparePreset, Comparison};
    use border_security_explorer::view_model::{compare_view, CompareView};

    fn compared(
        dataset: &Dataset,
        comparison: Comparison,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> CompareView {
        let state = ViewState {
            compare: Some(comparison),
            ..view(Period::Month, from, to)
        };
        compare_view(dataset, &state).expect("a comparison was asked for")
    }

    /// The table's people column, read back.
    fn people_rows(view: &CompareView) -> Vec<(String, u64)> {
        match view {
            CompareView::Figures { table, .. } => table
                .rows
                .iter()
                .map(|row| (row[0].shown.clone(), row[2].csv.parse().unwrap()))
                .collect(),
            CompareView::Problem(problem) => panic!("{problem}"),
        }
    }

    fn sentence(view: &CompareView) -> String {
        match view {
            CompareView::Figures { sentence, .. } => sentence.clone(),
            CompareView::Problem(problem) => panic!("{problem}"),
        }
    }

    #[test]
    fn every_preset_gives_the_sums_of_its_days() {
        let dataset = bundled();
        // The 12 months to 4 July 2024 against the 12 months from 5 July 2024.
        let launch = compared(
            &dataset,
            Comparison::Preset(ComparePreset::CommandLaunch),
            None,
            None,
        );
        let before = daily_sum(&dataset, date(2023, 7, 5), date(2024, 7, 4)).0;
        let after = daily_sum(&dataset, date(2024, 7, 5), date(2025, 7, 4)).0;
        assert_eq!(
            people_rows(&launch)
                .iter()
                .map(|row| row.1)
                .collect::<Vec<_>>(),
            vec![before, after]
        );
        // 2024 has a 29 February, so the year before the launch is a day longer: daily averages.
        let (after_per_day, before_per_day) = (after as f64 / 365.0, before as f64 / 366.0);
        let change = after_per_day - before_per_day;
        assert_eq!(
            sentence(&launch),
            format!(
                "{} people a day crossed from 5 July 2024 to 4 July 2025 (the 12 months from the Command's launch; {} in 365 days), against {} a day from 5 July 2023 to 4 July 2024 (the 12 months before the Command's launch; {} in 366 days): {} {} a day ({}%). Provisional figures: Home Office, “Migrants detected crossing the English Channel in small boats – time series”.",
                format_number(after_per_day, 1),
                thousands(after),
                format_number(before_per_day, 1),
                thousands(before),
                if change > 0.0 { "up" } else { "down" },
                format_number(change.abs(), 1),
                format_number((change / before_per_day * 100.0).abs(), 0)
            )
        );
        // Before and after the election: different lengths, so daily averages.
        let election = compared(
            &dataset,
            Comparison::Preset(ComparePreset::Election),
            None,
            None,
        );
        let first_half = daily_sum(&dataset, date(2024, 1, 1), date(2024, 7, 4)).0;
        let second_half = daily_sum(&dataset, date(2024, 7, 5), date(2024, 12, 31)).0;
        assert_eq!(
            people_rows(&election)
                .iter()
                .map(|row| row.1)
                .collect::<Vec<_>>(),
            vec![first_half, second_half]
        );
        assert!(sentence(&election).contains(&format!("people a day crossed from 5 July 2024 to 31 December 2024 (the rest of 2024; {} in 180 days)", thousands(second_half))), "{}", sentence(&election));
        // The same days a year earlier, for a chosen range.
        let last_year = compared(
            &dataset,
            Comparison::Preset(ComparePreset::SameSpanLastYear),
            Some(date(2025, 3, 1)),
            Some(date(2025, 5, 31)),
        );
        assert_eq!(
            people_rows(&last_year)
                .iter()
                .map(|row| row.1)
                .collect::<Vec<_>>(),
            vec![
                daily_sum(&dataset, date(2024, 3, 1), date(2024, 5, 31)).0,
                daily_sum(&dataset, date(2025, 3, 1), date(2025, 5, 31)).0
            ]
        );
        // Year to date: every year from 1 January to the latest day's date.
        let last = last_day(&dataset);
        let ytd = compared(
            &dataset,
            Comparison::Preset(ComparePreset::YearToDate),
            None,
            None,
        );
        let rows = people_rows(&ytd);
        assert_eq!(
            rows.len() as i32,
            last.year() - dataset.crossings.daily.first_date.year() + 1
        );
        for (label, people) in &rows {
            let year: i32 = label[label.len() - 4..]
                .parse()
                .unwrap_or_else(|_| label.split(' ').nth(2).unwrap().parse().unwrap());
            let through = NaiveDate::from_ymd_opt(year, last.month(), last.day())
                .unwrap_or(date(year, 2, 28));
            assert_eq!(
                *people,
                daily_sum(&dataset, date(year, 1, 1), through).0,
                "{label}"
            );
        }
        assert!(
            sentence(&ytd).contains(&format!(
                "from 1 January {} to {}",
                last.year(),
                border_security_explorer::dates::day_month_year(last)
            )),
            "{}",
            sentence(&ytd)
        );
    }

    #[test]
    fn typed_periods_and_bad_periods() {
        let dataset = bundled();
        let typed = Comparison::Typed {
            a: (Some(date(2023, 1, 1)), Some(date(2023, 3, 31))),
            b: (Some(date(2025, 1, 1)), Some(date(2025, 3, 31))),
        };
        let view = compared(&dataset, typed, None, None);
        assert_eq!(
            people_rows(&view)
                .iter()
                .map(|row| row.1)
                .collect::<Vec<_>>(),
            vec![
                daily_sum(&dataset, date(2023, 1, 1), date(2023, 3, 31)).0,
                daily_sum(&dataset, date(2025, 1, 1), date(2025, 3, 31)).0
            ]
        );
        for (comparison, message) in [
            (
                Comparison::Typed {
                    a: (Some(date(2023, 3, 31)), Some(date(2023, 1, 1))),
                    b: (Some(date(2025, 1, 1)), Some(date(2025, 3, 31))),
                },
                "ends before it starts",
            ),
            (
                Comparison::Typed {
                    a: (Some(date(2010, 1, 1)), Some(date(2010, 3, 31))),
                    b: (Some(date(2025, 1, 1)), Some(date(2025, 3, 31))),
                },
                "is not wholly inside the daily figures",
            ),
            (
                Comparison::Typed {
                    a: (None, Some(date(2023, 3, 31))),
                    b: (Some(date(2025, 1, 1)), Some(date(2025, 3, 31))),
                },
                "Give both the first and the last day of period A",
            ),
        ] {
            match compared(&dataset, comparison, None, None) {
                CompareView::Problem(problem) => assert!(problem.contains(message), "{problem}"),
                CompareView::Figures { sentence, .. } => {
                    panic!("expected a problem, got {sentence}")
                }
            }
        }
        // No figure is ever NaN or infinite, even for periods with no crossings.
        let quiet = Comparison::Typed {
            a: (Some(date(2018, 2, 1)), Some(date(2018, 2, 28))),
            b: (Some(date(2018, 3, 1)), Some(date(2018, 3, 31))),
        };
        let text = sentence(&compared(&dataset, quiet, None, None));
        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    }
}
