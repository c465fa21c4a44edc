//! Analysis on small fixtures made for each test: totals, year to date, funding counted once, filters, series and editions.
//!
//! Checks of the real dataset against published figures are in `tests/real_data.rs`.

use super::*;
use crate::testing::{date, with_days};

#[test]
fn monthly_and_annual_totals_sum_the_days_and_mark_partial_periods() {
    // 1 January 2024 to 10 March 2024: one person a day, a boat every other day.
    let people = vec![1; 70];
    let boats: Vec<u32> = (0..70).map(|day_idx| u32::from(day_idx % 2 == 0)).collect();
    let dataset = with_days(date(2024, 1, 1), &people, &boats);
    let months = monthly_totals(&dataset.crossings.daily);
    let summary: Vec<(NaiveDate, u64, u64, u32, bool)> = months
        .iter()
        .map(|total| {
            (
                total.period_start,
                total.people,
                total.boats,
                total.n_days_covered,
                total.is_complete,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (date(2024, 1, 1), 31, 16, 31, true),
            (date(2024, 2, 1), 29, 14, 29, true),
            (date(2024, 3, 1), 10, 5, 10, false),
        ]
    );
    let years = annual_totals(&dataset.crossings.daily);
    assert_eq!(years.len(), 1);
    assert_eq!((years[0].people, years[0].is_complete), (70, false));
    assert_eq!(
        sum_between(
            &dataset.crossings.daily,
            date(2024, 2, 28),
            date(2024, 3, 1)
        ),
        (3, 2)
    );
    assert_eq!(
        sum_between(&dataset.crossings.daily, date(2023, 1, 1), date(2030, 1, 1)),
        (70, 35),
        "clipped to the series"
    );
}

#[test]
fn year_to_date_compares_the_same_span_of_each_year() {
    // 1 January 2023 to 10 March 2024, one person a day.
    let n_days = 365 + 70;
    let dataset = with_days(date(2023, 1, 1), &vec![1; n_days], &vec![1; n_days]);
    let comparison = year_to_date_comparison(&dataset.crossings.daily);
    let summary: Vec<(i32, NaiveDate, u64)> = comparison
        .iter()
        .map(|entry| (entry.year, entry.through, entry.people))
        .collect();
    assert_eq!(
        summary,
        vec![(2023, date(2023, 3, 10), 69), (2024, date(2024, 3, 10), 70)]
    );
}

#[test]
fn year_to_date_on_29_february_uses_28_february_in_other_years() {
    let n_days = 365 + 60;
    let dataset = with_days(date(2023, 1, 1), &vec![1; n_days], &vec![1; n_days]);
    assert_eq!(dataset.crossings.daily.last_date(), Some(date(2024, 2, 29)));
    let comparison = year_to_date_comparison(&dataset.crossings.daily);
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
fn funding_is_counted_once() {
    // The minimal dataset: f1 and f2 (£75m each, new) and f3, their £150m total.
    let mut tree = crate::testing::minimal_tree();
    tree["funding"][0]["amount_basis"] = "up_to".into();
    tree["funding"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "f4", "announced": "2024-12-01", "amount_gbp": 280000000, "amount_basis": "up_to",
        "amount_is_per_year": true, "for_bsc": true, "recipient": "BSC", "purpose": "A yearly rate",
        "period": "Spending Review 2025", "relation": {"kind": "new"}, "source_ids": ["s1"]
    }));
    let dataset = crate::testing::dataset_from(&tree);
    let total = funding_total(&dataset.funding);
    assert_eq!(total.counted_gbp, 150_000_000);
    assert!(total.is_upper_bound, "f1 is 'up to'");
    assert_eq!(total.counted_ids, vec!["f1", "f2"]);
    assert_eq!(total.left_out_ids, vec!["f3"]);
    assert_eq!(total.per_year_ids, vec!["f4"]);
    assert_eq!(
        funding_count_reason(&dataset.funding[2], &dataset.funding),
        "A total of the up to £75 million announced 17 September 2024 and the £75 million announced 4 November 2024: its parts are counted, so it is not."
    );
    assert!(dataset.funding[0].is_counted_once() && !dataset.funding[2].is_counted_once());
    assert!(!dataset.funding[3].is_counted_once(), "a yearly rate");
}

mod filtering {
    use crate::analysis::filter::{
        facet_counts, filter_announcements, group_by_month, highlight_matches, AnnouncementFilter,
    };
    use crate::data::Theme;
    use crate::testing::{date, with_announcements};

    fn no_filter() -> AnnouncementFilter<'static> {
        AnnouncementFilter {
            date_from: None,
            date_to: None,
            actors: &[],
            themes: &[],
            search: "",
        }
    }

    fn ids(dataset: &crate::data::Dataset, matches: &[usize]) -> Vec<String> {
        matches
            .iter()
            .map(|&idx| dataset.announcements[idx].announcement_id.clone())
            .collect()
    }

    #[test]
    fn a_timeline_groups_runs_of_the_same_month_in_order() {
        let dataset = with_announcements();
        let order = filter_announcements(&dataset.announcements, &no_filter());
        let groups = group_by_month(&dataset.announcements, &order);
        let months: Vec<(&str, usize)> = groups
            .iter()
            .map(|(month, members)| (month.as_str(), members.len()))
            .collect();
        assert_eq!(
            months,
            vec![
                ("January 2025", 1),
                ("November 2024", 1),
                ("September 2024", 1),
                ("July 2024", 2)
            ]
        );
        let flattened: Vec<usize> = groups
            .iter()
            .flat_map(|(_, members)| members.clone())
            .collect();
        assert_eq!(flattened, order, "every announcement once, in order");
    }

    #[test]
    fn filters_combine_and_sort_newest_first() {
        let dataset = with_announcements();
        let everything = filter_announcements(&dataset.announcements, &no_filter());
        assert_eq!(
            ids(&dataset, &everything),
            vec![
                "bill-introduced",
                "interpol-speech",
                "funding-75m",
                "statement",
                "kings-speech"
            ]
        );
        let legislation = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                themes: &[Theme::Legislation],
                ..no_filter()
            },
        );
        assert_eq!(
            ids(&dataset, &legislation),
            vec!["bill-introduced", "statement", "kings-speech"]
        );
        let actors = ["NCA".to_string(), "Home Secretary".to_string()];
        let by_actor = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                actors: &actors,
                ..no_filter()
            },
        );
        assert_eq!(
            ids(&dataset, &by_actor),
            vec!["interpol-speech", "statement"]
        );
        // A month-only date counts when any part of its month is in range.
        let late_july = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                date_from: Some(date(2024, 7, 25)),
                date_to: Some(date(2024, 7, 31)),
                ..no_filter()
            },
        );
        assert_eq!(ids(&dataset, &late_july), vec!["kings-speech"]);
        let both = filter_announcements(
            &dataset.announcements,
            &AnnouncementFilter {
                date_from: Some(date(2024, 7, 1)),
                date_to: Some(date(2024, 12, 31)),
                themes: &[Theme::Legislation],
                ..no_filter()
            },
        );
        assert_eq!(ids(&dataset, &both), vec!["statement", "kings-speech"]);
    }

    #[test]
    fn search_is_case_insensitive_over_title_summary_and_actors() {
        let dataset = with_announcements();
        let search = |text: &str| {
            ids(
                &dataset,
                &filter_announcements(
                    &dataset.announcements,
                    &AnnouncementFilter {
                        search: text,
                        ..no_filter()
                    },
                ),
            )
        };
        assert_eq!(search("interpol"), vec!["interpol-speech", "funding-75m"]);
        assert_eq!(search("prime minister"), vec!["interpol-speech"]);
        assert!(search("zzz-no-match").is_empty());
    }

    #[test]
    fn facet_counts_ignore_their_own_facet() {
        let dataset = with_announcements();
        let themes = [Theme::Legislation];
        let counts = facet_counts(
            &dataset.announcements,
            &AnnouncementFilter {
                themes: &themes,
                ..no_filter()
            },
        );
        let theme_count = |wanted: Theme| {
            counts
                .themes
                .iter()
                .find(|(theme, _)| *theme == wanted)
                .unwrap()
                .1
        };
        assert_eq!(theme_count(Theme::Legislation), 3);
        assert_eq!(
            theme_count(Theme::Funding),
            1,
            "theme counts ignore the theme selection itself"
        );
        let parliament = counts
            .actors
            .iter()
            .find(|(actor, _)| actor == "Parliament")
            .unwrap()
            .1;
        assert_eq!(parliament, 3, "actor counts apply the theme selection");
        assert!(
            counts
                .actors
                .iter()
                .all(|(actor, count)| actor != "NCA" || *count == 0),
            "an actor with no legislation announcement counts none"
        );
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
        assert!(
            series.notes[0].starts_with("Official statistics are published by month and year only")
        );
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
}

mod editions {
    use crate::analysis::editions::compare_editions;
    use crate::testing::{dataset_from, date, tree_with_days};
    use chrono::NaiveDate;

    /// Sixty days of one person in one boat (January and February 2024), and official months of which
    /// February differs by `february_extra_people`.
    fn two_months(february_extra_people: u32) -> crate::data::Dataset {
        let mut tree = tree_with_days(date(2024, 1, 1), &[1; 60], &[1; 60]);
        tree["crossings"]["monthly"][0]["rows"] = serde_json::json!([
            {"month": "2024-01", "people": 31, "boats": 31},
            {"month": "2024-02", "people": 29 + february_extra_people, "boats": 29}
        ]);
        dataset_from(&tree)
    }

    #[test]
    fn only_months_that_differ_are_listed_with_both_values() {
        let agreeing = compare_editions(&two_months(0));
        assert_eq!(agreeing.months.len(), 2);
        assert!(agreeing.differing_months().is_empty());
        let revised = compare_editions(&two_months(3));
        assert_eq!(revised.months.len(), 2);
        assert_eq!(revised.differing_months().len(), 1);
        let february = revised.differing_months()[0];
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
        assert_eq!(revised.years.len(), 0);
    }
}

#[test]
fn a_figure_topic_is_read_from_the_words_of_its_metric() {
    use crate::analysis::figures::FigureTopic;
    for (metric, topic) in [
        ("deaths_reported_small_boat_crossings", FigureTopic::Deaths),
        (
            "nca_small_boats_and_engines_seized",
            FigureTopic::Enforcement,
        ),
        (
            "people_smuggling_sanctions_first_wave_targets",
            FigureTopic::Enforcement,
        ),
        ("bsc_staff_to_be_recruited", FigureTopic::Staff),
        (
            "uk_france_pilot_people_returned_to_france",
            FigureTopic::Partners,
        ),
        ("average_people_per_boat", FigureTopic::Crossings),
        ("red_days_jan_to_apr_2025", FigureTopic::Crossings),
        ("cocaine_tonnes", FigureTopic::Other),
        // Whole words only: "boatyard" is not "boat", and "staffing" is not "staff".
        ("boatyard_staffing", FigureTopic::Other),
    ] {
        assert_eq!(FigureTopic::of(metric), topic, "{metric}");
    }
}

#[test]
fn days_only_one_series_has_are_told_apart_from_days_revised() {
    use crate::analysis::diff::diff_datasets;
    use crate::testing::with_days;
    // Old: 3 to 6 January. New: 1 to 8 January, with 5 January revised.
    let old = with_days(date(2024, 1, 3), &[1, 1, 1, 1], &[1, 1, 1, 1]);
    let new = with_days(
        date(2024, 1, 1),
        &[1, 1, 1, 1, 4, 1, 1, 1],
        &[1, 1, 1, 1, 1, 1, 1, 1],
    );
    let diff = diff_datasets(&old, &new);
    assert_eq!(
        diff.days_added,
        Some((date(2024, 1, 1), date(2024, 1, 8), 4)),
        "two days before and two after"
    );
    assert_eq!(diff.days_removed, None);
    assert_eq!(diff.days_revised.len(), 1);
    assert_eq!(
        (
            diff.days_revised[0].date,
            diff.days_revised[0].people_change()
        ),
        (date(2024, 1, 5), 3)
    );
    // The other way round, the outer days are the ones no longer there.
    let back = diff_datasets(&new, &old);
    assert_eq!(
        back.days_removed,
        Some((date(2024, 1, 1), date(2024, 1, 8), 4))
    );
    assert_eq!(back.days_added, None);
    // Series that do not meet share no day.
    let later = with_days(date(2024, 2, 1), &[2, 2], &[1, 1]);
    let apart = diff_datasets(&old, &later);
    assert_eq!(
        apart.days_added,
        Some((date(2024, 2, 1), date(2024, 2, 2), 2))
    );
    assert_eq!(
        apart.days_removed,
        Some((date(2024, 1, 3), date(2024, 1, 6), 4))
    );
    assert!(apart.days_revised.is_empty());
}

#[test]
fn records_pair_up_by_id_whether_or_not_the_order_is_kept() {
    use crate::analysis::diff::{diff_datasets, Change};
    use crate::testing::with_announcements;
    let old = with_announcements();
    // Same order, one summary changed: paired by place, one change naming the field and its record.
    let mut edited = old.clone();
    edited.announcements[2].summary = "Changed.".to_string();
    let diff = diff_datasets(&old, &edited);
    assert_eq!(diff.records.len(), 1);
    assert_eq!(diff.records[0].record_idx, 2);
    assert!(
        matches!(&diff.records[0].change, Change::Changed(fields) if fields.len() == 1 && fields[0].field == "summary")
    );
    assert_eq!(
        diff.records[0].id_and_name(&old, &edited).0,
        old.announcements[2].announcement_id
    );
    // The same records in another order: no change at all.
    let mut reordered = old.clone();
    reordered.announcements.reverse();
    assert!(diff_datasets(&old, &reordered).records.is_empty());
    // Reordered and one dropped: one removal, named from the old file.
    let mut fewer = reordered.clone();
    let dropped = fewer.announcements.remove(0);
    let diff = diff_datasets(&old, &fewer);
    assert_eq!(diff.records.len(), 1);
    assert_eq!(diff.records[0].change, Change::Removed);
    assert_eq!(
        diff.records[0].id_and_name(&old, &fewer).0,
        dropped.announcement_id
    );
}
