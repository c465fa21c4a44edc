//! Provisional against official: the months and years where the two series the dataset holds disagree, and by how much.

use chrono::NaiveDate;

use super::{annual_totals, monthly_totals, PeriodTotal};
use crate::data::Dataset;

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
    /// Whole months both series cover.
    pub n_months_compared: usize,
    /// Those where people or boats differ, oldest first.
    pub differing_months: Vec<EditionDifference>,
    /// Whole years both series cover.
    pub n_years_compared: usize,
    /// Those where people or boats differ, oldest first.
    pub differing_years: Vec<EditionDifference>,
}

/// Compares the official monthly and yearly series with the provisional daily series summed over the
/// same whole periods. Periods the daily series covers only in part are not compared.
pub fn compare_editions(dataset: &Dataset) -> EditionComparison {
    let daily = &dataset.crossings.daily;
    let (n_months_compared, differing_months) = dataset
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
    let (n_years_compared, differing_years) = dataset
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
    EditionComparison {
        n_months_compared,
        differing_months,
        n_years_compared,
        differing_years,
    }
}

/// How many official periods (first day, people, boats) have a whole provisional total to compare
/// with, and those that differ.
fn compare_periods(
    official_rows: impl Iterator<Item = (NaiveDate, u32, u32)>,
    provisional: &[PeriodTotal],
) -> (usize, Vec<EditionDifference>) {
    let mut n_compared = 0;
    let mut differing = Vec::new();
    for (period_start, official_people, official_boats) in official_rows {
        let Some(total) = provisional
            .iter()
            .find(|total| total.period_start == period_start && total.is_complete)
        else {
            continue;
        };
        n_compared += 1;
        if (total.people, total.boats) != (official_people.into(), official_boats.into()) {
            differing.push(EditionDifference {
                period_start,
                provisional_people: total.people,
                official_people: official_people.into(),
                provisional_boats: total.boats,
                official_boats: official_boats.into(),
            });
        }
    }
    (n_compared, differing)
}
