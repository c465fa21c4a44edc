//! Provisional against official: the months and years where the two series the dataset holds disagree, and by how much.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::{annual_totals, monthly_totals, PeriodTotal};
use crate::data::{Dataset, RowAlternative};

/// One period where the official figures differ from the provisional daily series summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditionDifference {
    /// The first day of the month or year.
    pub period_start: NaiveDate,
    /// People, provisional (the daily series summed over the whole period).
    pub provisional_people: u64,
    /// People, official.
    pub official_people: u64,
    /// Boats, provisional.
    pub provisional_boats: u64,
    /// Boats, official.
    pub official_boats: u64,
}

impl EditionDifference {
    /// Official people less provisional people.
    pub fn people_change(&self) -> i64 {
        self.official_people as i64 - self.provisional_people as i64
    }

    /// Official boats less provisional boats.
    pub fn boats_change(&self) -> i64 {
        self.official_boats as i64 - self.provisional_boats as i64
    }
}

/// Where the two editions can be compared and how they differ, by month and by year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EditionComparison {
    /// Every whole month both series cover, agreeing or not, oldest first.
    pub months: Vec<EditionDifference>,
    /// Every whole year both series cover, oldest first.
    pub years: Vec<EditionDifference>,
}

impl EditionDifference {
    /// True when people or boats differ.
    pub fn differs(&self) -> bool {
        self.people_change() != 0 || self.boats_change() != 0
    }
}

impl EditionComparison {
    /// The months where people or boats differ, oldest first.
    pub fn differing_months(&self) -> Vec<EditionDifference> {
        self.months
            .iter()
            .copied()
            .filter(EditionDifference::differs)
            .collect()
    }

    /// The years where people or boats differ, oldest first.
    pub fn differing_years(&self) -> Vec<EditionDifference> {
        self.years
            .iter()
            .copied()
            .filter(EditionDifference::differs)
            .collect()
    }
}

/// Compares the official monthly and yearly series with the provisional daily series summed over the
/// same whole periods. Periods the daily series covers only in part are not compared.
pub fn compare_editions(dataset: &Dataset) -> EditionComparison {
    let daily = &dataset.crossings.daily;
    let months = dataset
        .crossings
        .monthly
        .first()
        .map(|official| {
            let rows = official
                .rows
                .iter()
                .map(|row| (row.month, row.people, row.boats));
            compare_periods(rows, &monthly_totals(daily))
        })
        .unwrap_or_default();
    let years = dataset
        .crossings
        .annual
        .first()
        .map(|official| {
            let rows = official.rows.iter().filter_map(|row| {
                Some((
                    NaiveDate::from_ymd_opt(row.year, 1, 1)?,
                    row.people,
                    row.boats,
                ))
            });
            compare_periods(rows, &annual_totals(daily))
        })
        .unwrap_or_default();
    EditionComparison { months, years }
}

/// Each official period (first day, people, boats) that has a whole provisional total to compare with,
/// with both figures.
fn compare_periods(
    official_rows: impl Iterator<Item = (NaiveDate, u32, u32)>,
    provisional: &[PeriodTotal],
) -> Vec<EditionDifference> {
    // Looked up by first day, not searched: a long series has tens of thousands of months.
    let whole_totals: HashMap<NaiveDate, &PeriodTotal> = provisional
        .iter()
        .filter(|total| total.is_complete)
        .map(|total| (total.period_start, total))
        .collect();
    official_rows
        .filter_map(|(period_start, official_people, official_boats)| {
            let total = whole_totals.get(&period_start)?;
            Some(EditionDifference {
                period_start,
                provisional_people: total.people,
                official_people: official_people.into(),
                provisional_boats: total.boats,
                official_boats: official_boats.into(),
            })
        })
        .collect()
}

/// Other values of official months and years that cite the daily series' own source (its sum over
/// the period, recorded beside the official figure) but no longer equal the days summed, as after a
/// refresh revised some of those days: one warning each, with its place in the file, for `cargo xtask
/// check-data` and the refresh.
pub fn stale_sums_of_days(dataset: &Dataset) -> Vec<String> {
    let comparison = compare_editions(dataset);
    let daily_sources = &dataset.crossings.daily.info.source_ids;
    let cites_the_days = |alternative: &RowAlternative| {
        alternative
            .source_ids
            .iter()
            .any(|source_id| daily_sources.contains(source_id))
    };
    let mut warnings = Vec::new();
    let mut check = |place: String,
                     alternative: &RowAlternative,
                     days: Option<&EditionDifference>,
                     period: String| {
        let Some(days) = days.filter(|_| cites_the_days(alternative)) else {
            return;
        };
        let stale_people = alternative
            .people
            .is_some_and(|people| u64::from(people) != days.provisional_people);
        let stale_boats = alternative
            .boats
            .is_some_and(|boats| u64::from(boats) != days.provisional_boats);
        if stale_people || stale_boats {
            warnings.push(format!(
                "{place}: gives {} for {period} from the daily series' source, but its days now sum to {} people and {} boats; update it",
                [
                    alternative.people.map(|people| format!("{people} people")),
                    alternative.boats.map(|boats| format!("{boats} boats")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" and "),
                days.provisional_people,
                days.provisional_boats
            ));
        }
    };
    for (series_idx, series) in dataset.crossings.annual.iter().enumerate() {
        for (row_idx, row) in series.rows.iter().enumerate() {
            let days = comparison
                .years
                .iter()
                .find(|year| year.period_start.year() == row.year);
            for (alternative_idx, alternative) in row.alternatives.iter().enumerate() {
                check(
                    format!("crossings.annual[{series_idx}].rows[{row_idx}].alternatives[{alternative_idx}]"),
                    alternative,
                    days,
                    row.year.to_string(),
                );
            }
        }
    }
    for (series_idx, series) in dataset.crossings.monthly.iter().enumerate() {
        for (row_idx, row) in series.rows.iter().enumerate() {
            let days = comparison
                .months
                .iter()
                .find(|month| month.period_start == row.month);
            for (alternative_idx, alternative) in row.alternatives.iter().enumerate() {
                check(
                    format!("crossings.monthly[{series_idx}].rows[{row_idx}].alternatives[{alternative_idx}]"),
                    alternative,
                    days,
                    crate::dates::month_year(row.month),
                );
            }
        }
    }
    warnings
}
