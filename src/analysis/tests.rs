//! Hand-checked analysis results on the real bundled dataset and on small fixtures.

use chrono::NaiveDate;

use super::*;
use crate::data::{parse_dataset, Dataset, SeriesInfo, Status};

fn bundled_dataset() -> Dataset {
    parse_dataset(include_bytes!("../../public/data/dataset.json"))
        .expect("the bundled dataset must be valid")
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn daily_fixture(first_date: NaiveDate, people: &[u32], boats: &[u32]) -> DailySeries {
    DailySeries {
        info: SeriesInfo {
            series_id: "fixture".to_string(),
            label: "Fixture".to_string(),
            status: Status::Provisional,
            as_of: first_date,
            source_ids: vec!["s".to_string()],
            note: None,
        },
        first_date,
        people: people.to_vec(),
        boats: boats.to_vec(),
        uncontrolled_boats: vec![None; people.len()],
    }
}

#[test]
fn annual_totals_match_the_published_provisional_figures() {
    let dataset = bundled_dataset();
    let annual = annual_totals(&dataset.crossings.daily);
    let published = include_str!("../../tests/reference/crossings_annual.csv");
    let mut n_checked = 0;
    for line in published
        .lines()
        .skip(1)
        .filter(|line| line.contains(",provisional,"))
    {
        let columns: Vec<&str> = line.split(',').collect();
        let (year, people, boats): (i32, u64, u64) = (
            columns[0].parse().unwrap(),
            columns[1].parse().unwrap(),
            columns[2].parse().unwrap(),
        );
        let total = annual
            .iter()
            .find(|total| total.period_start == date(year, 1, 1))
            .unwrap();
        assert_eq!((total.people, total.boats), (people, boats), "year {year}");
        assert!(total.is_complete);
        n_checked += 1;
    }
    assert_eq!(n_checked, 8, "2018 to 2025");
    // 2026 is partial: the series ends on 20 August.
    let last = annual.last().unwrap();
    assert_eq!(
        (last.period_start, last.people, last.boats, last.is_complete),
        (date(2026, 1, 1), 15_897, 234, false)
    );
}

#[test]
fn monthly_totals_match_the_published_monthly_sums() {
    let dataset = bundled_dataset();
    let monthly = monthly_totals(&dataset.crossings.daily);
    let published = include_str!("../../tests/reference/long_uk_small_boats_monthly.csv");
    let mut n_checked = 0;
    for line in published.lines().skip(1) {
        let columns: Vec<&str> = line.split(',').collect();
        let month = NaiveDate::parse_from_str(columns[0], "%Y-%m-%d").unwrap();
        let as_count = |text: &str| {
            if text.is_empty() {
                0
            } else {
                text.parse::<u64>().unwrap()
            }
        };
        let total = monthly
            .iter()
            .find(|total| total.period_start == month)
            .unwrap();
        assert_eq!(
            (total.people, total.boats),
            (as_count(columns[4]), as_count(columns[5])),
            "{month}"
        );
        n_checked += 1;
    }
    assert!(n_checked >= 103, "checked {n_checked} months");
    assert_eq!(
        monthly.iter().filter(|total| !total.is_complete).count(),
        1,
        "only August 2026 is partial"
    );
}

#[test]
fn hand_picked_days_and_months() {
    let dataset = bundled_dataset();
    let daily = &dataset.crossings.daily;
    // The press reported 1,295 on 22 August 2022; the current sheet has 1,137 in 25 boats.
    assert_eq!(
        sum_between(daily, date(2022, 8, 22), date(2022, 8, 22)),
        (1_137, 25)
    );
    assert_eq!(
        sum_between(daily, date(2022, 9, 3), date(2022, 9, 3)).0,
        1_305
    );
    // Either side of the general election (PA): 13,574 and 23,242.
    assert_eq!(
        sum_between(daily, date(2024, 1, 1), date(2024, 7, 4)).0,
        13_574
    );
    assert_eq!(
        sum_between(daily, date(2024, 7, 5), date(2024, 12, 31)).0,
        23_242
    );
    // 4 July to 16 September 2024 (Epoch Times): 10,024.
    assert_eq!(
        sum_between(daily, date(2024, 7, 4), date(2024, 9, 16)).0,
        10_024
    );
    // Official and provisional differ for August 2022 and are kept apart.
    let official = &dataset.crossings.monthly[0];
    assert_eq!(official.info.status, Status::Official);
    let august_2022 = official
        .rows
        .iter()
        .find(|row| row.month == date(2022, 8, 1))
        .unwrap();
    assert_eq!(august_2022.people, 8_574);
    let provisional_august = monthly_totals(daily)
        .into_iter()
        .find(|total| total.period_start == date(2022, 8, 1))
        .unwrap();
    assert_eq!(provisional_august.people, 8_631);
    let official_2022 = dataset.crossings.annual[0]
        .rows
        .iter()
        .find(|row| row.year == 2022)
        .unwrap();
    assert_eq!((official_2022.people, official_2022.boats), (45_774, 1_110));
}

#[test]
fn year_to_date_compares_the_same_span_of_each_year() {
    let dataset = bundled_dataset();
    let comparison = year_to_date_comparison(&dataset.crossings.daily);
    assert_eq!(comparison.len(), 9, "2018 to 2026");
    let this_year = comparison.last().unwrap();
    assert_eq!(
        (
            this_year.year,
            this_year.through,
            this_year.people,
            this_year.boats
        ),
        (2026, date(2026, 8, 20), 15_897, 234)
    );
    let last_year = &comparison[comparison.len() - 2];
    assert_eq!(
        (
            last_year.year,
            last_year.through,
            last_year.people,
            last_year.boats
        ),
        (2025, date(2025, 8, 20), 27_997, 471)
    );
}

#[test]
fn year_to_date_on_29_february_uses_28_february_in_other_years() {
    let daily = daily_fixture(date(2023, 1, 1), &vec![1; 365 + 60], &vec![1; 365 + 60]);
    assert_eq!(daily.last_date(), Some(date(2024, 2, 29)));
    let comparison = year_to_date_comparison(&daily);
    assert_eq!(comparison[0].through, date(2023, 2, 28));
    assert_eq!(comparison[0].people, 59);
    assert_eq!(comparison[1].people, 60);
}

#[test]
fn rolling_means_are_exact() {
    assert_eq!(
        rolling_mean(&[2, 4, 6, 8], 2),
        vec![None, Some(3.0), Some(5.0), Some(7.0)]
    );
    assert_eq!(rolling_mean(&[1, 2, 3], 3), vec![None, None, Some(2.0)]);
    assert_eq!(
        rolling_mean(&[5, 5], 7),
        vec![None, None],
        "a window longer than the data never fills"
    );
    assert_eq!(rolling_mean(&[5], 0), vec![None]);
    // The running sum gives the same answer as summing each window afresh.
    let dataset = bundled_dataset();
    let people = &dataset.crossings.daily.people;
    let means = rolling_mean(people, 7);
    let day_idx = 1_700;
    let direct: u32 = people[day_idx - 6..=day_idx].iter().sum();
    assert_eq!(means[day_idx], Some(f64::from(direct) / 7.0));
}

#[test]
fn people_per_boat_needs_boats() {
    assert_eq!(
        people_per_boat(36_816, 695).map(|ratio| (ratio * 10.0).round() / 10.0),
        Some(53.0)
    );
    assert_eq!(people_per_boat(7, 0), None);
    let dataset = bundled_dataset();
    let year_2025 = annual_totals(&dataset.crossings.daily)
        .into_iter()
        .find(|total| total.period_start == date(2025, 1, 1))
        .unwrap();
    // 41,472 people in 672 boats: 61.7 per boat (PA rounds the year to 62).
    assert_eq!(
        year_2025
            .people_per_boat()
            .map(|ratio| (ratio * 10.0).round() / 10.0),
        Some(61.7)
    );
}

#[test]
fn funding_for_the_command_is_counted_once() {
    let dataset = bundled_dataset();
    let for_bsc = funding_total(dataset.funding.iter().filter(|funding| funding.for_bsc));
    // Up to £75m (Sep 2024) + £75m (Nov 2024) + £30m (Mar 2025) + £100m (Aug 2025); the £150m
    // two-year total is not added again, and the Spending Review's £280m a year is a rate, not a sum.
    assert_eq!(for_bsc.counted_gbp, 280_000_000);
    assert!(for_bsc.is_upper_bound, "the first £75m is 'up to'");
    assert_eq!(for_bsc.left_out_ids, vec!["bsc-150m-two-years"]);
    assert_eq!(for_bsc.per_year_ids, vec!["bsc-sr-280m-per-year-2025-06"]);

    let everything = funding_total(&dataset.funding);
    assert_eq!(everything.counted_gbp, 324_800_000);
    assert_eq!(
        everything.left_out_ids,
        vec![
            "bsc-150m-two-years",
            "iraq-package-800k-2024-11",
            "oic-summit-33m-2025-03"
        ]
    );
    let total_record = dataset
        .funding
        .iter()
        .find(|funding| funding.funding_id == "bsc-150m-two-years")
        .unwrap();
    assert_eq!(
        funding_count_reason(total_record),
        "A total of bsc-75m-2024-09, bsc-75m-2024-11: its parts are counted, so it is not."
    );
}
