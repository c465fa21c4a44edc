//! The crossings series' types: provisional days and weeks, official months and years, each with its description.

use chrono::NaiveDate;

use super::Status;

/// What every crossings series says about itself.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SeriesInfo {
    /// Short stable identifier.
    pub series_id: String,
    /// What the series is, for people.
    pub label: String,
    /// Provisional or official.
    pub status: Status,
    /// The last date the series covers.
    #[serde(with = "crate::dates::day_number")]
    pub as_of: NaiveDate,
    /// The sources the figures are read from.
    pub source_ids: Vec<String>,
    /// Caveats, in a sentence or two.
    pub note: Option<String>,
}

/// All small-boat arrival series. Provisional and official are kept apart and never blended.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Crossings {
    /// People and boats arriving each day (provisional), from `first_date` with no gaps.
    pub daily: DailySeries,
    /// Weekly arrivals and French preventions (provisional), weeks ending on consecutive Sundays.
    pub weekly: WeeklySeries,
    /// Official monthly totals (one or more editions).
    pub monthly: Vec<MonthlySeries>,
    /// Official annual totals (one or more editions).
    pub annual: Vec<AnnualSeries>,
}

/// Daily arrivals, one entry per day from `first_date`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DailySeries {
    /// The series' status, sources and as-of date.
    pub info: SeriesInfo,
    /// The day the first entry is for.
    #[serde(with = "crate::dates::day_number")]
    pub first_date: NaiveDate,
    /// People detected arriving each day.
    pub people: Vec<u32>,
    /// Boats detected arriving each day.
    pub boats: Vec<u32>,
    /// Boats involved in uncontrolled landings each day; `None` where not recorded.
    pub uncontrolled_boats: Vec<Option<u32>>,
}

impl DailySeries {
    /// The date of entry `day_idx`.
    pub fn date_of(&self, day_idx: usize) -> NaiveDate {
        self.first_date + chrono::Days::new(day_idx as u64)
    }

    /// The last day with an entry, if any.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.people
            .len()
            .checked_sub(1)
            .map(|last_idx| self.date_of(last_idx))
    }

    /// The first and last day the series covers (the first day twice when it holds no day yet): the
    /// limits of the date boxes.
    pub fn covered_days(&self) -> (NaiveDate, NaiveDate) {
        (self.first_date, self.last_date().unwrap_or(self.first_date))
    }
}

/// Weekly arrivals and preventions, one entry per week ending on a Sunday.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WeeklySeries {
    /// The series' status, sources and as-of date.
    pub info: SeriesInfo,
    /// The Sunday the first week ends on.
    #[serde(with = "crate::dates::day_number")]
    pub first_week_ending: NaiveDate,
    /// People detected arriving each week.
    pub people: Vec<u32>,
    /// Boats detected arriving each week.
    pub boats: Vec<u32>,
    /// Boats in uncontrolled landings; `None` where not recorded.
    pub uncontrolled_boats: Vec<Option<u32>>,
    /// People prevented from crossing by the French authorities (their estimates); `None` where not recorded.
    pub people_prevented: Vec<Option<u32>>,
    /// Crossing attempts (events) prevented; `None` where not recorded.
    pub events_prevented: Vec<Option<u32>>,
}

impl WeeklySeries {
    /// The Sunday week `week_idx` ends on.
    pub fn week_ending(&self, week_idx: usize) -> NaiveDate {
        self.first_week_ending + chrono::Days::new(7 * week_idx as u64)
    }
}

/// One edition of monthly totals.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MonthlySeries {
    /// The series' status, sources and as-of date.
    pub info: SeriesInfo,
    /// One row per month, in order, no gaps.
    pub rows: Vec<MonthRow>,
}

/// People and boats in one calendar month.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MonthRow {
    /// The first day of the month.
    #[serde(with = "crate::dates::day_number")]
    pub month: NaiveDate,
    /// People detected arriving.
    pub people: u32,
    /// Boats detected arriving.
    pub boats: u32,
    /// What other sources give for the same month, each with its sources.
    pub alternatives: Vec<RowAlternative>,
}

/// One edition of annual totals.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AnnualSeries {
    /// The series' status, sources and as-of date.
    pub info: SeriesInfo,
    /// One row per calendar year, in order.
    pub rows: Vec<YearRow>,
}

/// People and boats in one calendar year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct YearRow {
    /// The calendar year.
    pub year: i32,
    /// People detected arriving.
    pub people: u32,
    /// Boats detected arriving.
    pub boats: u32,
    /// What other sources give for the same year, each with its sources.
    pub alternatives: Vec<RowAlternative>,
}

/// Another source's count for a month or year of an official series: people, boats or both, as that
/// source gives them. It is shown beside the official figure and never replaces it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RowAlternative {
    /// People, where that source gives them.
    pub people: Option<u32>,
    /// Boats, where that source gives them.
    pub boats: Option<u32>,
    /// The sources that give these counts.
    pub source_ids: Vec<String>,
    /// Why it differs, where known.
    pub note: Option<String>,
}
