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

mod filtering;

mod crossing_series;

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

    #[test]
    fn another_value_that_cites_the_days_is_warned_of_once_the_days_no_longer_sum_to_it() {
        use crate::analysis::editions::stale_sums_of_days;
        let mut tree = tree_with_days(date(2024, 1, 1), &[1; 60], &[1; 60]);
        let daily_source = tree["crossings"]["daily"]["source_ids"][0].clone();
        tree["crossings"]["monthly"][0]["rows"] = serde_json::json!([
            {"month": "2024-01", "people": 31, "boats": 31, "alternatives": [
                {"people": 31, "boats": 31, "source_ids": [daily_source], "note": "The days summed"}]},
            {"month": "2024-02", "people": 29, "boats": 29, "alternatives": [
                {"people": 30, "source_ids": [daily_source], "note": "The days summed, before a revision"},
                {"people": 35, "source_ids": ["s-other"], "note": "Another source's count"}]}
        ]);
        tree["sources"].as_array_mut().unwrap().push(serde_json::json!(
            {"id": "s-other", "title": "Another count", "publisher": "A paper", "url": "https://example.org/", "kind": "news_report"}));
        assert_eq!(
            stale_sums_of_days(&dataset_from(&tree)),
            ["crossings.monthly[0].rows[1].alternatives[0]: gives 30 people for February 2024 from the daily series' source, but its days now sum to 29 people and 29 boats; update it"]
        );
        tree["crossings"]["monthly"][0]["rows"][1]["alternatives"][0]["people"] =
            serde_json::json!(29);
        assert!(stale_sums_of_days(&dataset_from(&tree)).is_empty());
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
