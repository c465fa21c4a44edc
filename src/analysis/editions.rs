//! Provisional against official: the months and years where the two series the dataset holds disagree, and by how much.

use chrono::NaiveDate;

use super::{annual_totals, monthly_totals};
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
    let mut comparison = EditionComparison::default();
    if let Some(official) = dataset.crossings.monthly.first() {
        let provisional = monthly_totals(daily);
        for row in &official.rows {
            let Some(total) = provisional
                .iter()
                .find(|total| total.period_start == row.month && total.is_complete)
            else {
                continue;
            };
            comparison.n_months_compared += 1;
            if total.people != u64::from(row.people) || total.boats != u64::from(row.boats) {
                comparison.differing_months.push(EditionDifference {
                    period_start: row.month,
                    provisional_people: total.people,
                    official_people: row.people.into(),
                    provisional_boats: total.boats,
                    official_boats: row.boats.into(),
                });
            }
        }
    }
    if let Some(official) = dataset.crossings.annual.first() {
        let provisional = annual_totals(daily);
        for row in &official.rows {
            let Some(total) = provisional.iter().find(|total| {
                chrono::Datelike::year(&total.period_start) == row.year && total.is_complete
            }) else {
                continue;
            };
            comparison.n_years_compared += 1;
            if total.people != u64::from(row.people) || total.boats != u64::from(row.boats) {
                comparison.differing_years.push(EditionDifference {
                    period_start: total.period_start,
                    provisional_people: total.people,
                    official_people: row.people.into(),
                    provisional_boats: total.boats,
                    official_boats: row.boats.into(),
                });
            }
        }
    }
    comparison
}
