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
fn people_per_boat_needs_boats() {
    assert_eq!(
        people_per_boat(36_816, 695).map(|ratio| (ratio * 10.0).round() / 10.0),
        Some(53.0)
    );
    assert_eq!(people_per_boat(7, 0), None);
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

mod filtering {
    use super::*;
    use crate::analysis::filter::{
        facet_counts, filter_announcements, group_by_month, highlight_matches, AnnouncementFilter,
    };
    use crate::data::Theme;

    fn no_filter() -> AnnouncementFilter<'static> {
        AnnouncementFilter {
            date_from: None,
            date_to: None,
            actors: &[],
            themes: &[],
            search: "",
        }
    }

    #[test]
    fn a_timeline_groups_runs_of_the_same_month_in_order() {
        let dataset = bundled_dataset();
        let order = filter_announcements(&dataset.announcements, &no_filter());
        let groups = group_by_month(&dataset.announcements, &order);
        let flattened: Vec<usize> = groups
            .iter()
            .flat_map(|(_, members)| members.clone())
            .collect();
        assert_eq!(
            flattened, order,
            "every announcement once, in the order given"
        );
        for (month, members) in &groups {
            assert!(!members.is_empty());
            for &announcement_idx in members {
                assert_eq!(
                    &crate::dates::month_year(
                        dataset.announcements[announcement_idx].date.first_day
                    ),
                    month
                );
            }
        }
        for pair in groups.windows(2) {
            assert_ne!(
                pair[0].0, pair[1].0,
                "neighbouring groups are different months"
            );
        }
    }

    #[test]
    fn filters_combine_and_sort_newest_first() {
        let dataset = bundled_dataset();
        let everything = filter_announcements(&dataset.announcements, &no_filter());
        assert_eq!(everything.len(), 45);
        assert_eq!(
            dataset.announcements[everything[0]].announcement_id,
            "bsc-annual-report-2025-26"
        );
        let funding_only = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                themes: &[Theme::Funding],
                ..no_filter()
            },
        );
        let ids: Vec<&str> = funding_only
            .iter()
            .map(|&idx| dataset.announcements[idx].announcement_id.as_str())
            .collect();
        assert!(
            ids.contains(&"funding-75m-sep-2024") && ids.contains(&"spending-review-2025"),
            "{ids:?}"
        );
        assert!(funding_only
            .iter()
            .all(|&idx| dataset.announcements[idx].themes.contains(&Theme::Funding)));
        let in_2024 = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                date_from: Some(date(2024, 1, 1)),
                date_to: Some(date(2024, 12, 31)),
                ..no_filter()
            },
        );
        assert_eq!(in_2024.len(), 19);
        // A month-precision date counts when any part of the month is in range.
        let from_mid_july = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                date_from: Some(date(2024, 7, 20)),
                date_to: Some(date(2024, 7, 31)),
                ..no_filter()
            },
        );
        let ids: Vec<&str> = from_mid_july
            .iter()
            .map(|&idx| dataset.announcements[idx].announcement_id.as_str())
            .collect();
        assert_eq!(
            ids,
            vec!["statement-to-parliament-2024-07", "kings-speech-bill"]
        );
    }

    #[test]
    fn search_is_case_insensitive_over_title_summary_and_actors() {
        let dataset = bundled_dataset();
        let interpol = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                search: "interpol",
                ..no_filter()
            },
        );
        assert_eq!(interpol.len(), 2);
        let none = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                search: "zzz-no-match",
                ..no_filter()
            },
        );
        assert!(none.is_empty());
    }

    #[test]
    fn facet_counts_ignore_their_own_facet() {
        let dataset = bundled_dataset();
        let themes = [Theme::Legislation];
        let counts = facet_counts(
            &dataset.announcements,
            &AnnouncementFilter {
                themes: &themes,
                ..no_filter()
            },
        );
        let legislation = counts
            .themes
            .iter()
            .find(|(theme, _)| *theme == Theme::Legislation)
            .unwrap()
            .1;
        let funding = counts
            .themes
            .iter()
            .find(|(theme, _)| *theme == Theme::Funding)
            .unwrap()
            .1;
        // Counted independently from the JSON: 12 announcements carry legislation, 8 funding, and 7
        // of the legislation ones name Parliament.
        assert_eq!(legislation, 12);
        assert_eq!(funding, 8, "theme counts ignore the theme selection itself");
        let parliament = counts
            .actors
            .iter()
            .find(|(actor, _)| actor == "Parliament")
            .unwrap()
            .1;
        assert_eq!(parliament, 7, "actor counts apply the theme selection");
    }

    #[test]
    fn highlights_split_text_at_matches() {
        assert_eq!(
            highlight_matches("INTERPOL General Assembly and Interpol", "interpol"),
            vec![
                ("INTERPOL".to_string(), true),
                (" General Assembly and ".to_string(), false),
                ("Interpol".to_string(), true)
            ]
        );
        assert_eq!(
            highlight_matches("abc", ""),
            vec![("abc".to_string(), false)]
        );
        assert_eq!(
            highlight_matches("£75m", "75"),
            vec![
                ("£".to_string(), false),
                ("75".to_string(), true),
                ("m".to_string(), false)
            ]
        );
    }
}

mod crossing_series {
    use super::*;
    use crate::analysis::series::{crossings_series, cumulative_by_year};
    use crate::view_state::{Measure, Period, SeriesChoice, ViewState};

    #[test]
    fn each_period_labels_its_points_for_people() {
        let dataset = bundled_dataset();
        let mut state = ViewState::initial();
        state.date_from = Some(date(2022, 8, 1));
        state.date_to = Some(date(2022, 8, 31));
        for (period, first_label, last_label) in [
            (Period::Day, "1 August 2022", "31 August 2022"),
            (
                Period::Week,
                "Week ending 7 August 2022",
                "Week ending 4 September 2022 (29–31 August)",
            ),
            (Period::Month, "August 2022", "August 2022"),
            (Period::Year, "2022 (1–31 August)", "2022 (1–31 August)"),
        ] {
            state.period = period;
            let series = crossings_series(&dataset, &state.series_request());
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
            let in_sentence = series.points[0].label_in_sentence();
            if period == Period::Week {
                assert_eq!(in_sentence, "the week ending 7 August 2022");
            } else {
                assert_eq!(in_sentence, first_label, "{period:?}");
            }
        }
    }

    #[test]
    fn monthly_provisional_and_official_differ_where_the_sources_do() {
        let dataset = bundled_dataset();
        let mut state = ViewState::initial();
        state.date_from = Some(date(2022, 8, 1));
        state.date_to = Some(date(2022, 8, 31));
        let provisional = crossings_series(&dataset, &state.series_request());
        assert_eq!(provisional.points.len(), 1);
        assert_eq!(
            (
                provisional.points[0].label().as_str(),
                provisional.points[0].people
            ),
            ("August 2022", 8_631)
        );
        state.series = SeriesChoice::Official;
        let official = crossings_series(&dataset, &state.series_request());
        assert_eq!(official.status, Status::Official);
        assert_eq!(official.points[0].people, 8_574);
        assert_eq!(official.source_ids, vec!["ho-ier-02a-jun-2026-monthly"]);
    }

    #[test]
    fn official_by_day_falls_back_and_says_so() {
        let dataset = bundled_dataset();
        let state = ViewState {
            period: Period::Day,
            series: SeriesChoice::Official,
            ..ViewState::initial()
        };
        let series = crossings_series(&dataset, &state.series_request());
        assert_eq!(series.status, Status::Provisional);
        assert_eq!(series.points.len(), 3_154);
        assert!(
            series.notes[0].starts_with("Official statistics are published by month and year only")
        );
    }

    #[test]
    fn yearly_people_per_boat_and_partial_year() {
        let dataset = bundled_dataset();
        let state = ViewState {
            period: Period::Year,
            measure: Measure::PeoplePerBoat,
            ..ViewState::initial()
        };
        let series = crossings_series(&dataset, &state.series_request());
        let year_2024 = series
            .points
            .iter()
            .find(|point| point.label() == "2024")
            .unwrap();
        assert_eq!(
            year_2024.value.map(|ratio| (ratio * 100.0).round() / 100.0),
            Some(52.97)
        );
        assert!(!series.points.last().unwrap().is_complete);
        let last_day = dataset.crossings.daily.last_date().unwrap();
        assert!(
            series.notes.iter().any(|note| note.ends_with(&format!(
                "because the data end on {}.",
                crate::dates::day_month_year(last_day)
            ))),
            "{:?}",
            series.notes
        );
    }

    #[test]
    fn rolling_average_uses_data_before_the_range() {
        let dataset = bundled_dataset();
        let state = ViewState {
            rolling_periods: 3,
            date_from: Some(date(2024, 1, 1)),
            date_to: Some(date(2024, 3, 31)),
            ..ViewState::initial()
        };
        let series = crossings_series(&dataset, &state.series_request());
        let months: Vec<u64> = crate::analysis::monthly_totals(&dataset.crossings.daily)
            .iter()
            .filter(|total| {
                total.period_start >= date(2023, 11, 1) && total.period_start <= date(2024, 1, 1)
            })
            .map(|total| total.people)
            .collect();
        let expected = months.iter().sum::<u64>() as f64 / 3.0;
        assert_eq!(
            series.points[0].rolling,
            Some(expected),
            "January 2024 averages Nov, Dec and Jan"
        );
    }

    #[test]
    fn cumulative_lines_end_at_the_annual_totals() {
        let dataset = bundled_dataset();
        let lines = cumulative_by_year(&dataset);
        let line_2024 = lines.iter().find(|line| line.year == 2024).unwrap();
        assert_eq!(line_2024.cumulative_people.len(), 366);
        assert_eq!(*line_2024.cumulative_people.last().unwrap(), 36_816);
        let line_2026 = lines.last().unwrap();
        assert!(!line_2026.is_complete);
        assert_eq!(*line_2026.cumulative_people.last().unwrap(), 15_897);
    }
}

mod editions {
    use crate::analysis::editions::compare_editions;
    use crate::data::parse_dataset;
    use chrono::NaiveDate;

    /// The minimal dataset with 60 days of one person in one boat (January and February 2024), and
    /// official months of which February differs by `february_extra_people`.
    fn two_months(february_extra_people: u32) -> crate::data::Dataset {
        let mut tree: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/minimal-valid.json")).unwrap();
        let crossings = &mut tree["crossings"];
        crossings["daily"]["people"] = serde_json::json!(vec![1; 60]);
        crossings["daily"]["boats"] = serde_json::json!(vec![1; 60]);
        crossings["daily"]["uncontrolled_boats"] =
            serde_json::json!(vec![serde_json::Value::Null; 60]);
        crossings["daily"]["as_of"] = serde_json::json!("2024-02-29");
        crossings["monthly"][0]["rows"] = serde_json::json!([
            {"month": "2024-01", "people": 31, "boats": 31},
            {"month": "2024-02", "people": 29 + february_extra_people, "boats": 29}
        ]);
        parse_dataset(tree.to_string().as_bytes()).expect("the two-month fixture is valid")
    }

    #[test]
    fn only_months_that_differ_are_listed_with_both_values() {
        let agreeing = compare_editions(&two_months(0));
        assert_eq!(agreeing.n_months_compared, 2);
        assert!(agreeing.differing_months.is_empty());
        let revised = compare_editions(&two_months(3));
        assert_eq!(revised.n_months_compared, 2);
        assert_eq!(revised.differing_months.len(), 1);
        let february = revised.differing_months[0];
        assert_eq!(
            february.period_start,
            NaiveDate::from_ymd_opt(2024, 2, 1).unwrap()
        );
        assert_eq!(
            (february.provisional_people, february.official_people),
            (29, 32)
        );
        assert_eq!((february.people_change(), february.boats_change()), (3, 0));
        // 2024 is not whole in the daily series, so no year is compared.
        assert_eq!(revised.n_years_compared, 0);
    }
}
