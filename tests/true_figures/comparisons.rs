//! Periods compared: every preset and typed periods give the sums of their days, and bad periods a clear message.

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

/// The people column of a comparison's table, read back.
fn people_counts(view: &CompareView) -> Vec<u64> {
    people_rows(view).iter().map(|row| row.1).collect()
}

#[test]
fn the_launch_preset_gives_the_sums_of_its_days_as_daily_averages() {
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
    assert_eq!(people_counts(&launch), vec![before, after]);
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
}

#[test]
fn the_election_and_same_days_presets_give_the_sums_of_their_days() {
    let dataset = bundled();
    // Before and after the election: different lengths, so daily averages.
    let election = compared(
        &dataset,
        Comparison::Preset(ComparePreset::Election),
        None,
        None,
    );
    let first_half = daily_sum(&dataset, date(2024, 1, 1), date(2024, 7, 4)).0;
    let second_half = daily_sum(&dataset, date(2024, 7, 5), date(2024, 12, 31)).0;
    assert_eq!(people_counts(&election), vec![first_half, second_half]);
    assert!(sentence(&election).contains(&format!("people a day crossed from 5 July 2024 to 31 December 2024 (the rest of 2024; {} in 180 days)", thousands(second_half))), "{}", sentence(&election));
    // The same days a year earlier, for a chosen range.
    let last_year = compared(
        &dataset,
        Comparison::Preset(ComparePreset::SameSpanLastYear),
        Some(date(2025, 3, 1)),
        Some(date(2025, 5, 31)),
    );
    assert_eq!(
        people_counts(&last_year),
        vec![
            daily_sum(&dataset, date(2024, 3, 1), date(2024, 5, 31)).0,
            daily_sum(&dataset, date(2025, 3, 1), date(2025, 5, 31)).0
        ]
    );
}

#[test]
fn year_to_date_gives_every_year_from_1_january_to_the_latest_day_s_date() {
    let dataset = bundled();
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
        let through = same_day_in(year, last);
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
        people_counts(&view),
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
