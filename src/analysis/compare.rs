//! Comparing periods of the provisional daily series: presets (the Command's launch, the July 2024 election, the same span a year earlier, year to date) or two typed spans.

use chrono::{Datelike, NaiveDate};

use super::request::DateRange;
use crate::closed_set::ClosedSet;
use crate::data::Dataset;

/// The day the Border Security Command was established (its "About us" page and the government's
/// statement), from which "before and after the launch" is counted.
pub const COMMAND_LAUNCH: NaiveDate = match NaiveDate::from_ymd_opt(2024, 7, 5) {
    Some(day) => day,
    None => panic!("a real date"),
};

/// The day of the July 2024 general election: "before" runs to it, "after" from the next day.
pub const ELECTION_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2024, 7, 4) {
    Some(day) => day,
    None => panic!("a real date"),
};

/// A ready-made comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComparePreset {
    /// The chosen dates (or the latest 12 months) against the same days a year earlier.
    SameSpanLastYear,
    /// The 12 months before the Command's launch against the 12 months from it.
    CommandLaunch,
    /// 2024 before the July election against 2024 after it.
    Election,
    /// This year to date against the same days of each earlier year.
    YearToDate,
}

impl ClosedSet for ComparePreset {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("last-year", ComparePreset::SameSpanLastYear),
        ("launch", ComparePreset::CommandLaunch),
        ("election", ComparePreset::Election),
        ("ytd", ComparePreset::YearToDate),
    ];

    fn label(self) -> &'static str {
        match self {
            ComparePreset::SameSpanLastYear => "The same days a year earlier",
            ComparePreset::CommandLaunch => "12 months either side of the launch",
            ComparePreset::Election => "2024 either side of the election",
            ComparePreset::YearToDate => "Year to date, every year",
        }
    }
}

/// A span of days, both ends included, with a name for sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedSpan {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// "the 12 months before the launch", or empty for a typed span.
    pub name: String,
}

/// The spans a preset compares, oldest first, for a dataset and the view's dates.
pub fn preset_spans(preset: ComparePreset, dataset: &Dataset, dates: &DateRange) -> Vec<NamedSpan> {
    let daily = &dataset.crossings.daily;
    let Some(data_last) = daily.last_date() else {
        return Vec::new();
    };
    let span = |first: NaiveDate, last: NaiveDate, name: &str| NamedSpan {
        first,
        last,
        name: name.to_string(),
    };
    let year_before =
        |day: NaiveDate| crate::calendar::same_day_in_year(day, day.year() - 1).unwrap_or(day);
    match preset {
        ComparePreset::CommandLaunch => vec![
            span(
                year_before(COMMAND_LAUNCH),
                COMMAND_LAUNCH - chrono::Days::new(1),
                "the 12 months before the Command's launch",
            ),
            span(
                COMMAND_LAUNCH,
                next_year_less_a_day(COMMAND_LAUNCH),
                "the 12 months from the Command's launch",
            ),
        ],
        ComparePreset::Election => vec![
            span(
                NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or(ELECTION_DAY),
                ELECTION_DAY,
                "2024 up to the general election",
            ),
            span(
                ELECTION_DAY + chrono::Days::new(1),
                NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or(ELECTION_DAY),
                "the rest of 2024",
            ),
        ],
        ComparePreset::SameSpanLastYear => {
            // Dates running past the data are cut to its last day, as every other view cuts them; the
            // year before is then the same days.
            let (last, first) = match (dates.from, dates.to) {
                (Some(from), Some(to)) => (to.min(data_last), from),
                (Some(from), None) => (data_last, from),
                _ => {
                    let last = dates.to.unwrap_or(data_last).min(data_last);
                    (last, year_before(last) + chrono::Days::new(1))
                }
            };
            vec![
                span(
                    year_before(first),
                    year_before(last),
                    if first == last {
                        "the same day a year earlier"
                    } else {
                        "the same days a year earlier"
                    },
                ),
                span(first, last, ""),
            ]
        }
        ComparePreset::YearToDate => (daily.first_date.year()..=data_last.year())
            .filter_map(|year| {
                let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
                let last = crate::calendar::same_day_in_year(data_last, year)?;
                (first >= daily.first_date).then(|| span(first, last, ""))
            })
            .collect(),
    }
}

/// The day before the same date a year on: 5 July 2024 gives 4 July 2025, and 29 February 2024 gives
/// 28 February 2025 (the year on from a 29 February starts on 1 March).
fn next_year_less_a_day(day: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(day.year() + 1, day.month(), day.day())
        .or_else(|| NaiveDate::from_ymd_opt(day.year() + 1, 3, 1))
        .map_or(day, |next| next - chrono::Days::new(1))
}

/// What happened in one span.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanFigures {
    pub span: NamedSpan,
    /// Days from first to last.
    pub n_days: u32,
    pub people: u64,
    pub boats: u64,
    /// Announcements dated (any part of) the span.
    pub n_announcements: usize,
}

impl SpanFigures {
    /// People per day over the span.
    pub fn people_per_day(&self) -> f64 {
        self.people as f64 / f64::from(self.n_days.max(1))
    }
}

/// Why a comparison cannot be made, in words for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareProblem(pub String);

/// The figures for each span, or why they cannot be given: a span that ends before it starts, or
/// that the daily series does not cover in full (a comparison of part of a span would mislead).
pub fn span_figures(
    dataset: &Dataset,
    spans: &[NamedSpan],
) -> Result<Vec<SpanFigures>, CompareProblem> {
    let daily = &dataset.crossings.daily;
    let data_last = daily
        .last_date()
        .ok_or_else(|| CompareProblem("The dataset has no daily crossings figures.".to_string()))?;
    if spans.len() < 2 {
        return Err(CompareProblem(
            "A comparison needs two periods.".to_string(),
        ));
    }
    spans
        .iter()
        .map(|span| {
            let shown = crate::dates::day_month_year;
            if span.last < span.first {
                return Err(CompareProblem(format!(
                    "The period from {} to {} ends before it starts.",
                    shown(span.first),
                    shown(span.last)
                )));
            }
            if span.first < daily.first_date || span.last > data_last {
                return Err(CompareProblem(format!(
                    "The period from {} to {} is not wholly inside the daily figures, which run from {} to {}.",
                    shown(span.first),
                    shown(span.last),
                    shown(daily.first_date),
                    shown(data_last)
                )));
            }
            let (people, boats) = super::sum_between(daily, span.first, span.last);
            let range = DateRange {
                from: Some(span.first),
                to: Some(span.last),
            };
            Ok(SpanFigures {
                span: span.clone(),
                n_days: crate::calendar::n_days_inclusive(span.first, span.last),
                people,
                boats,
                n_announcements: dataset
                    .announcements
                    .iter()
                    .filter(|announcement| {
                        range.overlaps(announcement.date.first_day, announcement.date.last_day())
                    })
                    .count(),
            })
        })
        .collect()
}

/// What the reader asked to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// A ready-made comparison.
    Preset(ComparePreset),
    /// Two typed spans: A (earlier, or the baseline) and B; a missing date is asked for in words.
    Typed {
        a: (Option<NaiveDate>, Option<NaiveDate>),
        b: (Option<NaiveDate>, Option<NaiveDate>),
    },
}

impl Comparison {
    /// The spans to compare, or what is missing.
    pub fn spans(
        &self,
        dataset: &Dataset,
        dates: &DateRange,
    ) -> Result<Vec<NamedSpan>, CompareProblem> {
        match *self {
            Comparison::Preset(preset) => Ok(preset_spans(preset, dataset, dates)),
            Comparison::Typed { a, b } => {
                let typed =
                    |(first, last): (Option<NaiveDate>, Option<NaiveDate>), name: &str| match (
                        first, last,
                    ) {
                        (Some(first), Some(last)) => Ok(NamedSpan {
                            first,
                            last,
                            name: String::new(),
                        }),
                        _ => Err(CompareProblem(format!(
                            "Give both the first and the last day of period {name}."
                        ))),
                    };
                Ok(vec![typed(a, "A")?, typed(b, "B")?])
            }
        }
    }
}
