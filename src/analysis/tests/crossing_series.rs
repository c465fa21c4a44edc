//! Crossing series tests: periods, rolling means, measures and year-on-year lines.

use crate::analysis::request::{DateRange, Measure, SeriesChoice, SeriesRequest};
use crate::analysis::series::{crossings_series, cumulative_by_year};
use crate::calendar::Period;
use crate::data::{Dataset, Status};
use crate::testing::{date, with_days};

/// 2024 whole (366 days) and January 2025: day n of the series has n % 7 people in one boat,
/// and no boat on Sundays.
fn thirteen_months() -> Dataset {
    let n_days = 366 + 31;
    let first = date(2024, 1, 1);
    let people: Vec<u32> = (0..n_days).map(|day_idx| (day_idx % 7) as u32).collect();
    let boats: Vec<u32> = (0..n_days)
        .map(|day_idx| {
            let day = first + chrono::Days::new(day_idx as u64);
            u32::from(chrono::Datelike::weekday(&day) != chrono::Weekday::Sun)
        })
        .collect();
    with_days(first, &people, &boats)
}

fn request(
    period: Period,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> SeriesRequest {
    SeriesRequest {
        period,
        dates: DateRange { from, to },
        ..SeriesRequest::default()
    }
}

#[test]
fn each_period_labels_its_points_for_people() {
    let dataset = thirteen_months();
    // 1 August 2024 is a Thursday.
    for (period, first_label, last_label, first_in_sentence) in [
        (
            Period::Day,
            "1 August 2024",
            "31 August 2024",
            "1 August 2024",
        ),
        (
            Period::Week,
            "Week ending 4 August 2024 (1–4 August)",
            "Week ending 1 September 2024 (26–31 August)",
            "the week ending 4 August 2024 (1–4 August)",
        ),
        (Period::Month, "August 2024", "August 2024", "August 2024"),
        (
            Period::Year,
            "2024 (1–31 August)",
            "2024 (1–31 August)",
            "2024 (1–31 August)",
        ),
    ] {
        let series = crossings_series(
            &dataset,
            &request(period, Some(date(2024, 8, 1)), Some(date(2024, 8, 31))),
        );
        let labels: Vec<String> = series.points.iter().map(|point| point.label()).collect();
        assert_eq!(
            labels.first().map(String::as_str),
            Some(first_label),
            "{period:?}"
        );
        assert_eq!(
            labels.last().map(String::as_str),
            Some(last_label),
            "{period:?}"
        );
        assert_eq!(series.points[0].label_in_sentence(), first_in_sentence);
    }
}

#[test]
fn official_months_come_from_the_official_rows() {
    // The minimal dataset's official months: January 2024 with 42 people, February with none.
    let dataset = thirteen_months();
    let provisional = crossings_series(
        &dataset,
        &request(
            Period::Month,
            Some(date(2024, 1, 1)),
            Some(date(2024, 1, 31)),
        ),
    );
    let january_people: u64 = (0..31).map(|day_idx| (day_idx % 7) as u64).sum();
    assert_eq!(provisional.points[0].people, january_people);
    let official = crossings_series(
        &dataset,
        &SeriesRequest {
            edition: SeriesChoice::Official,
            ..request(
                Period::Month,
                Some(date(2024, 1, 1)),
                Some(date(2024, 1, 31)),
            )
        },
    );
    assert_eq!(official.status, Status::Official);
    assert_eq!(official.points[0].people, 42);
    assert_eq!(official.source_ids, vec!["s1"]);
}

#[test]
fn official_by_day_falls_back_and_says_so() {
    let dataset = thirteen_months();
    let series = crossings_series(
        &dataset,
        &SeriesRequest {
            edition: SeriesChoice::Official,
            ..request(Period::Day, None, None)
        },
    );
    assert_eq!(series.status, Status::Provisional);
    assert_eq!(series.points.len(), dataset.crossings.daily.people.len());
    assert!(series.notes[0].starts_with("Official statistics are published by month and year only"));
}

#[test]
fn yearly_people_per_boat_and_partial_year() {
    let dataset = thirteen_months();
    let series = crossings_series(
        &dataset,
        &SeriesRequest {
            measure: Measure::PeoplePerBoat,
            ..request(Period::Year, None, None)
        },
    );
    let daily = &dataset.crossings.daily;
    let (people_2024, boats_2024) = (0..366).fold((0u64, 0u64), |(people, boats), day_idx| {
        (
            people + u64::from(daily.people[day_idx]),
            boats + u64::from(daily.boats[day_idx]),
        )
    });
    assert_eq!(
        series.points[0].value,
        Some(people_2024 as f64 / boats_2024 as f64)
    );
    assert!(series.points[0].is_complete);
    assert!(!series.points[1].is_complete);
    assert!(
        series.notes.iter().any(|note| note
            == "2025 is partial: only 31 of its 365 days are counted (1–31 January), because the data end on 31 January 2025."),
        "{:?}",
        series.notes
    );
}

#[test]
fn rolling_average_uses_whole_periods_before_the_range() {
    let dataset = thirteen_months();
    let series = crossings_series(
        &dataset,
        &SeriesRequest {
            rolling_periods: 3,
            ..request(
                Period::Month,
                Some(date(2024, 3, 1)),
                Some(date(2024, 4, 15)),
            )
        },
    );
    let month_people = |first_idx: usize, n_days: usize| -> u64 {
        (first_idx..first_idx + n_days)
            .map(|day_idx| (day_idx % 7) as u64)
            .sum()
    };
    let (january, february, march) = (
        month_people(0, 31),
        month_people(31, 29),
        month_people(60, 31),
    );
    assert_eq!(
        series.points[0].rolling,
        Some((january + february + march) as f64 / 3.0),
        "March averages January to March"
    );
    assert_eq!(series.points[1].rolling, None, "April is cut by the range");
}

#[test]
fn cumulative_lines_end_at_each_year_total() {
    let dataset = thirteen_months();
    let lines = cumulative_by_year(&dataset);
    let total_2024: u64 = (0..366).map(|day_idx| (day_idx % 7) as u64).sum();
    assert_eq!(lines[0].cumulative_people.len(), 366);
    assert_eq!(lines[0].last_day(), Some((date(2024, 12, 31), total_2024)));
    assert!(lines[0].is_complete && !lines[1].is_complete);
    // In 2025, position 59 (29 February in a leap year) holds the total to 28 February.
    assert_eq!(
        lines[1].people_by_position(59),
        None,
        "no data in February 2025"
    );
    assert_eq!(
        lines[0].people_by_position(59).map(|(day, _)| day),
        Some(date(2024, 2, 29))
    );
}
