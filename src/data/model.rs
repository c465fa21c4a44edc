//! The dataset's record types: dates as dates, money as whole pounds, enums for closed sets.

use chrono::NaiveDate;

use crate::closed_set::ClosedSet;

use super::Crossings;

/// A date known to the year, the month or the day, as the source gives it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct PartialDate {
    /// The first day the date could mean; ordering and filtering use it.
    #[serde(with = "crate::dates::day_number")]
    pub first_day: NaiveDate,
    /// How precisely the source dates it.
    pub precision: DatePrecision,
}

/// How precisely a date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum DatePrecision {
    /// Only the day is known.
    Day,
    /// Only the month is known.
    Month,
    /// Only the year is known.
    Year,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is `None`.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let (first_day, precision) = match text.len() {
            4 => (
                NaiveDate::from_ymd_opt(text.parse().ok()?, 1, 1)?,
                DatePrecision::Year,
            ),
            7 => (
                crate::dates::parse_iso_date(&format!("{text}-01"))?,
                DatePrecision::Month,
            ),
            10 => (crate::dates::parse_iso_date(text)?, DatePrecision::Day),
            _ => return None,
        };
        // A four-character year may not be signed ("+202" parses as a number); require four digits.
        if !text.as_bytes().iter().take(4).all(u8::is_ascii_digit) {
            return None;
        }
        Some(PartialDate {
            first_day,
            precision,
        })
    }

    /// The last day the date could mean.
    pub fn last_day(&self) -> NaiveDate {
        match self.precision {
            DatePrecision::Day => self.first_day,
            DatePrecision::Month => crate::calendar::month_end(self.first_day),
            DatePrecision::Year => crate::calendar::year_end(self.first_day),
        }
    }

    /// The date written back in the form it was read.
    pub fn iso(&self) -> String {
        match self.precision {
            DatePrecision::Day => crate::dates::iso_date(self.first_day),
            DatePrecision::Month => crate::dates::iso_month(self.first_day),
            DatePrecision::Year => crate::dates::year(self.first_day),
        }
    }

    /// The date for people: "8 July 2024", "July 2024" or "2024".
    pub fn display(&self) -> String {
        match self.precision {
            DatePrecision::Day => crate::dates::day_month_year(self.first_day),
            DatePrecision::Month => crate::dates::month_year(self.first_day),
            DatePrecision::Year => crate::dates::year(self.first_day),
        }
    }
}

/// One update of the dataset file: when, and what it added and revised, in numbers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChangelogEntry {
    /// The day the update was made.
    #[serde(with = "crate::dates::day_number")]
    pub date: NaiveDate,
    /// What it changed, in a sentence or two.
    pub summary: String,
}

/// The whole dataset, checked.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Dataset {
    /// The schema version the file declares (always the supported one once parsed).
    pub schema_version: u64,
    /// The dataset's title, shown at the top of the page.
    pub title: String,
    /// The date the data describe the world as at; no record may be dated after it.
    #[serde(with = "crate::dates::day_number")]
    pub as_of: NaiveDate,
    /// What the dataset holds and where it comes from, in a sentence or two.
    pub description: String,
    /// Every publication a record cites.
    pub sources: Vec<Source>,
    /// What each update of the file added and revised, newest first; empty in files made before the
    /// changelog was kept.
    pub changelog: Vec<ChangelogEntry>,
    /// Small-boat arrivals: the provisional daily and weekly series and the official monthly and annual ones.
    pub crossings: Crossings,
    /// Dated announcements, milestones and agreements.
    pub announcements: Vec<Announcement>,
    /// Money announced, with how each amount relates to earlier ones.
    pub funding: Vec<Funding>,
    /// Other sourced numbers: staffing, interceptions, people per boat, deaths.
    pub figures: Vec<Figure>,
    /// The sources' positions in id order, for looking one up by id; made on the first look-up.
    #[serde(skip)]
    pub(crate) sources_by_id: SourcesById,
}

/// Positions in `Dataset::sources`, sorted by source id (made once, on first use). Ids are unique in a
/// checked dataset, so a binary search finds the one source with an id; a long file cites tens of
/// thousands, and every sentence and card looks its sources up.
#[derive(Clone, Default)]
pub(crate) struct SourcesById(std::sync::OnceLock<Vec<usize>>);

impl std::fmt::Debug for SourcesById {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("SourcesById")
    }
}

/// A look-up aid, made from the sources: two datasets with the same sources are equal whether or not
/// either has made it yet.
impl PartialEq for SourcesById {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl Dataset {
    /// The source with this id, if the dataset holds it (the first listed, if a file names an id twice).
    pub fn source(&self, source_id: &str) -> Option<&Source> {
        let order = self.sources_by_id.0.get_or_init(|| {
            let mut order: Vec<usize> = (0..self.sources.len()).collect();
            // Stable: among equal ids the first listed comes first.
            crate::sorting::sort_by(&mut order, |&left, &right| {
                self.sources[left]
                    .source_id
                    .cmp(&self.sources[right].source_id)
            });
            order
        });
        // A dataset's sources are not changed once it is loaded; one changed since (a test's) is
        // searched in full rather than through an outdated order.
        if order.len() != self.sources.len() {
            return self
                .sources
                .iter()
                .find(|source| source.source_id == source_id);
        }
        let first_not_before = order
            .partition_point(|&source_idx| self.sources[source_idx].source_id.as_str() < source_id);
        order
            .get(first_not_before)
            .map(|&source_idx| &self.sources[source_idx])
            .filter(|source| source.source_id == source_id)
    }

    /// The sources with these ids, in that order; ids the dataset does not hold are left out.
    pub fn sources_of<'a>(
        &'a self,
        source_ids: &'a [String],
    ) -> impl Iterator<Item = &'a Source> + 'a {
        source_ids
            .iter()
            .filter_map(|source_id| self.source(source_id))
    }
}

/// One publication that records cite.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// Short stable identifier that records use to cite this source.
    pub source_id: String,
    /// The publication's title, quoted.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Who republished it, where the copy read and linked is not the publisher's own (a transcription
    /// of an official table): cited as "via …".
    pub via: Option<String>,
    /// When it was published, as precisely as known.
    pub published: Option<PartialDate>,
    /// Where to read it: always `https`.
    pub url: Option<String>,
    /// What sort of publication it is.
    pub kind: SourceKind,
    /// For example where the copy read was a republication.
    pub note: Option<String>,
}

/// The sort of publication a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SourceKind {
    /// Official or operational statistics.
    Statistics,
    /// A government press release or statement.
    PressRelease,
    /// Hansard, a bill, an Act or a written answer.
    ParliamentaryRecord,
    /// A press or broadcast report.
    NewsReport,
    /// An organisation's own page about itself (a GOV.UK "About us", say).
    OrganisationPage,
    /// Read from files of datasets made before the kinds above were complete: one of the documents the
    /// project started from. New records name what the document is instead.
    SeedDocument,
}

impl ClosedSet for SourceKind {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("statistics", SourceKind::Statistics),
        ("press_release", SourceKind::PressRelease),
        ("parliamentary_record", SourceKind::ParliamentaryRecord),
        ("news_report", SourceKind::NewsReport),
        ("organisation_page", SourceKind::OrganisationPage),
        ("seed_document", SourceKind::SeedDocument),
    ];

    fn label(self) -> &'static str {
        match self {
            SourceKind::Statistics => "Statistics",
            SourceKind::PressRelease => "News release",
            SourceKind::ParliamentaryRecord => "Parliamentary record",
            SourceKind::NewsReport => "Press report",
            SourceKind::OrganisationPage => "Organisation page",
            SourceKind::SeedDocument => "Document",
        }
    }
}

/// One dated announcement, milestone or agreement.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Announcement {
    /// Short stable identifier.
    pub announcement_id: String,
    /// When it happened, as precisely as the sources say.
    pub date: PartialDate,
    /// A short title in our own words.
    pub title: String,
    /// A summary in our own words.
    pub summary: String,
    /// Who acted (Home Office, NCA, CPS, Border Force, …).
    pub actors: Vec<String>,
    /// What it is about.
    pub themes: Vec<Theme>,
    /// The sources that state it.
    pub source_ids: Vec<String>,
    /// Other dates or details given by other sources.
    pub alternatives: Vec<Alternative>,
    /// Caveats.
    pub note: Option<String>,
}

/// The closed set of themes: the four CONTEST-style strands and five cross-cutting topics.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Theme {
    Prevent,
    Pursue,
    Protect,
    Prepare,
    Funding,
    Staffing,
    Legislation,
    International,
    Technology,
}

impl ClosedSet for Theme {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("prevent", Theme::Prevent),
        ("pursue", Theme::Pursue),
        ("protect", Theme::Protect),
        ("prepare", Theme::Prepare),
        ("funding", Theme::Funding),
        ("staffing", Theme::Staffing),
        ("legislation", Theme::Legislation),
        ("international", Theme::International),
        ("technology", Theme::Technology),
    ];

    fn label(self) -> &'static str {
        match self {
            Theme::Prevent => "Prevent",
            Theme::Pursue => "Pursue",
            Theme::Protect => "Protect",
            Theme::Prepare => "Prepare",
            Theme::Funding => "Funding",
            Theme::Staffing => "Staffing",
            Theme::Legislation => "Legislation",
            Theme::International => "International",
            Theme::Technology => "Technology",
        }
    }
}

/// Whether a series is the publisher's provisional or official one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Status {
    /// Operational data, subject to change.
    Provisional,
    /// Official statistics ("final and authoritative", still revised between editions).
    Official,
}

impl ClosedSet for Status {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("provisional", Status::Provisional),
        ("official", Status::Official),
    ];

    fn label(self) -> &'static str {
        match self {
            Status::Provisional => "Provisional",
            Status::Official => "Official",
        }
    }
}

/// How exactly a stated amount is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum AmountBasis {
    /// The amount as stated.
    Exact,
    /// "Up to": an upper bound.
    UpTo,
    /// "Nearly" or "almost": an upper bound, close to it.
    Nearly,
    /// "Around" or "about": approximate.
    Around,
    /// "More than" or "at least": a lower bound.
    AtLeast,
}

impl ClosedSet for AmountBasis {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("exact", AmountBasis::Exact),
        ("up_to", AmountBasis::UpTo),
        ("nearly", AmountBasis::Nearly),
        ("around", AmountBasis::Around),
        ("at_least", AmountBasis::AtLeast),
    ];

    fn label(self) -> &'static str {
        match self {
            AmountBasis::Exact => "Exact",
            AmountBasis::UpTo => "Up to",
            AmountBasis::Nearly => "Nearly",
            AmountBasis::Around => "Around",
            AmountBasis::AtLeast => "At least",
        }
    }
}

impl AmountBasis {
    /// The word put before the number ("up to £75m"); empty for an exact amount.
    pub fn qualifier(self) -> &'static str {
        match self {
            AmountBasis::Exact => "",
            AmountBasis::UpTo => "up to ",
            AmountBasis::Nearly => "nearly ",
            AmountBasis::Around => "around ",
            AmountBasis::AtLeast => "at least ",
        }
    }

    /// True for "up to" and "nearly": the amount is a ceiling, so a total that includes it is one too.
    pub fn is_upper_bound(self) -> bool {
        matches!(self, AmountBasis::UpTo | AmountBasis::Nearly)
    }
}

/// One amount of money announced.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Funding {
    /// Short stable identifier.
    pub funding_id: String,
    /// When it was announced.
    pub announced: PartialDate,
    /// The amount in whole pounds.
    pub amount_gbp: u64,
    /// Whether the amount is exact or a bound.
    pub amount_basis: AmountBasis,
    /// True when the amount is a yearly rate rather than a sum.
    pub amount_is_per_year: bool,
    /// True when the money is committed to the Border Security Command itself.
    pub for_bsc: bool,
    /// Who receives it.
    pub recipient: String,
    /// What it pays for, in our own words.
    pub purpose: String,
    /// The period it covers, as stated.
    pub period: String,
    /// How it relates to other funding records, so nothing is counted twice.
    pub relation: FundingRelation,
    /// The sources that state it.
    pub source_ids: Vec<String>,
    /// Other amounts given by other sources.
    pub alternatives: Vec<Alternative>,
    /// Caveats.
    pub note: Option<String>,
}

impl Funding {
    /// True when the amount is added into one-off totals: new money, not a yearly rate. The one rule
    /// for "each pound counted once".
    pub fn is_counted_once(&self) -> bool {
        self.relation.is_new_money() && !self.amount_is_per_year
    }
}

/// How a funding record relates to others. Only `New` records are added into totals.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FundingRelation {
    /// Money not announced before: counted.
    New,
    /// The same money announced again: not counted.
    Reannouncement { of_funding_id: String },
    /// A share of a larger stated total that is itself recorded: not counted (the total is).
    PartOf { of_funding_id: String },
    /// A stated total of records already in the dataset: not counted (its parts are).
    TotalOf { of_funding_ids: Vec<String> },
}

impl FundingRelation {
    /// True for money not announced before (a record's amount then goes into totals unless it is a
    /// yearly rate: `Funding::is_counted_once`).
    pub fn is_new_money(&self) -> bool {
        matches!(self, FundingRelation::New)
    }
}

/// A figure, amount or date that another source gives differently.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Alternative {
    /// The other value, as that source gives it.
    pub value: String,
    /// That value as a number, where it is one (JSON's number grammar), read when the file is read: the
    /// app's module then needs no number reader of its own to show it in a figure's unit.
    pub number: Option<f64>,
    /// The sources that give it.
    pub source_ids: Vec<String>,
    /// Why it differs, where known.
    pub note: Option<String>,
}

/// The time a figure refers to: a date or a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FigureTime {
    /// A date (as at, or announced on).
    On(PartialDate),
    /// A period from the start of one date to the end of another.
    Between(PartialDate, PartialDate),
}

impl FigureTime {
    /// The first day the figure refers to.
    pub fn first_day(&self) -> NaiveDate {
        match self {
            FigureTime::On(date) | FigureTime::Between(date, _) => date.first_day,
        }
    }

    /// The last day the figure refers to.
    pub fn last_day(&self) -> NaiveDate {
        match self {
            FigureTime::On(date) | FigureTime::Between(_, date) => date.last_day(),
        }
    }

    /// For people: "4 November 2024" or "May 2024 to April 2025".
    pub fn display(&self) -> String {
        match self {
            FigureTime::On(date) => date.display(),
            // A span that begins and ends on the same date is that date.
            FigureTime::Between(from, to) if from == to => from.display(),
            FigureTime::Between(from, to) => format!("{} to {}", from.display(), to.display()),
        }
    }
}

/// One other sourced number.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// Short stable identifier.
    pub figure_id: String,
    /// A machine name for what is measured; figures with the same metric form a series.
    pub metric: String,
    /// What the number is, for people.
    pub label: String,
    /// The number.
    pub value: f64,
    /// Its unit ("people", "percent", "GBP", "people per boat", …).
    pub unit: String,
    /// Whether the number is exact or a bound.
    pub value_basis: AmountBasis,
    /// When it applies.
    pub time: FigureTime,
    /// The sources that state it.
    pub source_ids: Vec<String>,
    /// Other values given by other sources.
    pub alternatives: Vec<Alternative>,
    /// Caveats.
    pub note: Option<String>,
}
