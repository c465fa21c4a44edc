//! The whole view (tab, filters, chart options) as a value, and the operations that change it; its URL-fragment encoding is in `view_state/fragment.rs`.
//!
//! `parse_fragment` never fails and never panics: it reads what it can, falls back to the default for
//! anything else, and returns a note for everything it ignored, so an old or damaged link still opens.

use chrono::NaiveDate;

use crate::analysis::compare::{ComparePreset, Comparison};
use crate::analysis::figures::FigureTopic;
use crate::analysis::filter::AnnouncementFilter;
use crate::analysis::request::{DateRange, SeriesRequest};
pub use crate::analysis::request::{Measure, SeriesChoice};
pub use crate::calendar::Period;
use crate::closed_set::ClosedSet;
use crate::data::{shorten, Theme};

/// The fragment version this build writes.
pub const FRAGMENT_VERSION: u32 = 1;

/// The longest fragment read; anything longer is cut (a real view is far shorter).
pub const MAX_FRAGMENT_CHARS: usize = 4_096;

/// The most actors a view may select.
const MAX_ACTORS: usize = 32;

/// The longest search text kept.
pub const MAX_SEARCH_CHARS: usize = 200;

/// The view's tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    /// Headline figures and the latest announcements.
    #[default]
    Briefing,
    /// Small-boat arrivals over time.
    Crossings,
    /// Money announced, counted once.
    Funding,
    /// The timeline of announcements.
    Announcements,
    /// Every source and how figures are worked out.
    Sources,
}

impl ClosedSet for Tab {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("briefing", Tab::Briefing),
        ("crossings", Tab::Crossings),
        ("funding", Tab::Funding),
        ("announcements", Tab::Announcements),
        ("sources", Tab::Sources),
    ];

    fn label(self) -> &'static str {
        match self {
            Tab::Briefing => "Briefing",
            Tab::Crossings => "Crossings",
            Tab::Funding => "Funding",
            Tab::Announcements => "Announcements",
            Tab::Sources => "Sources and method",
        }
    }
}

impl Tab {
    /// True when the date range changes what this tab shows (every tab but Sources and method).
    pub fn uses_dates(self) -> bool {
        self != Tab::Sources
    }

    /// True when the announcement search changes what this tab shows: the Briefing (its count and
    /// latest announcements), the Crossings markers and the Announcements timeline.
    pub fn uses_search(self) -> bool {
        matches!(self, Tab::Briefing | Tab::Crossings | Tab::Announcements)
    }

    /// The label as (the words a phone shows, the rest): "Sources" and " and method". A phone keeps the
    /// rest for screen readers, so the tab's name is the same everywhere.
    pub fn label_parts(self) -> (&'static str, &'static str) {
        let label = self.label();
        match label.find(" and ") {
            Some(split_idx) => label.split_at(split_idx),
            None => (label, ""),
        }
    }

    /// The browser tab's title for this view: "Funding · Border Security Briefing Explorer".
    pub fn page_title(self) -> String {
        format!("{} · {}", self.label(), crate::APP_NAME)
    }
}

/// Everything that makes up a view. Its `Default` is the view a fresh visit starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// The colours an embedding page asks for (`colours=dark`); by default the reader's own setting.
    pub colours: Option<ColourScheme>,
    /// The tab shown.
    pub tab: Tab,
    /// The first day shown, if limited.
    pub date_from: Option<NaiveDate>,
    /// The last day shown, if limited.
    pub date_to: Option<NaiveDate>,
    /// Actors selected in the announcements facets, sorted, no repeats; empty means all.
    pub actors: Vec<String>,
    /// Themes selected, sorted, no repeats; empty means all.
    pub themes: Vec<Theme>,
    /// Free-text search over announcements.
    pub search: String,
    /// Crossings grouping.
    pub period: Period,
    /// Crossings measure.
    pub measure: Measure,
    /// Rolling average over this many periods; 0 is off.
    pub rolling_periods: u32,
    /// Provisional or official crossings.
    pub series: SeriesChoice,
    /// One line per year over the calendar.
    pub compare_years: bool,
    /// Announcement markers on the crossings chart.
    pub show_events: bool,
    /// The Briefing's key chart: by month or by year.
    pub briefing_period: Period,
    /// Two or more periods compared on the Briefing, if asked for.
    pub compare: Option<Comparison>,
    /// Charts whose table is open instead of the chart, by chart id, sorted.
    pub open_tables: Vec<String>,
    /// The record this view was opened at (an announcement or a funding row), scrolled into view and
    /// focused; a link of its own.
    pub item: Option<String>,
    /// The topic the Briefing's key facts are narrowed to, if any.
    pub fact_topic: Option<FigureTopic>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            tab: Tab::default(),
            date_from: None,
            date_to: None,
            actors: Vec::new(),
            themes: Vec::new(),
            search: String::new(),
            period: Period::default(),
            measure: Measure::default(),
            rolling_periods: 0,
            series: SeriesChoice::default(),
            compare_years: false,
            show_events: true,
            briefing_period: Period::Month,
            compare: None,
            open_tables: Vec::new(),
            item: None,
            fact_topic: None,
            colours: None,
        }
    }
}

/// The colours an embedding page asks its chart to be drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourScheme {
    Light,
    Dark,
}

impl ClosedSet for ColourScheme {
    const NAMES: &'static [(&'static str, Self)] = &[("light", Self::Light), ("dark", Self::Dark)];

    fn label(self) -> &'static str {
        match self {
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}

/// The periods the Briefing's key chart offers.
pub const BRIEFING_PERIODS: [Period; 2] = [Period::Month, Period::Year];

/// Rolling-average window lengths offered, in periods.
pub const ROLLING_CHOICES: [u32; 6] = [0, 3, 4, 7, 12, 28];

impl ViewState {
    /// The view's dates as a range.
    pub fn dates(&self) -> DateRange {
        DateRange {
            from: self.date_from,
            to: self.date_to,
        }
    }

    /// The crossings series this view asks for.
    pub fn series_request(&self) -> SeriesRequest {
        SeriesRequest {
            period: self.period,
            measure: self.measure,
            edition: self.series,
            rolling_periods: self.rolling_periods,
            dates: self.dates(),
        }
    }

    /// Provisional people by `period` over the view's dates, with no rolling average: what the Briefing's
    /// key chart (by its own period) and its summary (by year: it reads only the totals) ask for.
    pub fn provisional_people_request(&self, period: Period) -> SeriesRequest {
        SeriesRequest {
            period,
            measure: Measure::People,
            edition: SeriesChoice::Provisional,
            rolling_periods: 0,
            dates: self.dates(),
        }
    }

    /// The filter this view puts on announcements.
    pub fn announcement_filter(&self) -> AnnouncementFilter<'_> {
        AnnouncementFilter {
            date_from: self.date_from,
            date_to: self.date_to,
            actors: &self.actors,
            themes: &self.themes,
            search: self.search.trim(),
        }
    }

    /// The state a fresh visit starts from (the same as `ViewState::default()`).
    pub fn initial() -> ViewState {
        ViewState::default()
    }

    /// Selects a theme if it is not selected, and unselects it if it is.
    pub fn toggle_theme(&mut self, theme: Theme) {
        toggle_in(&mut self.themes, theme);
    }

    /// Selects an actor if not selected, and unselects it if it is.
    pub fn toggle_actor(&mut self, actor: &str) {
        toggle_in(&mut self.actors, actor.to_string());
    }

    /// Opens a chart's table in place of the chart, or closes it.
    pub fn toggle_table(&mut self, chart_id: &str) {
        toggle_in(&mut self.open_tables, chart_id.to_string());
    }

    /// True when a chart's table is open.
    pub fn is_table_open(&self, chart_id: &str) -> bool {
        self.open_tables.iter().any(|open| open == chart_id)
    }

    /// Shows another tab; a record opened on the old one is let go.
    pub fn show_tab(&mut self, tab: Tab) {
        if self.tab != tab {
            self.item = None;
        }
        self.tab = tab;
    }

    /// The view that opens one record on its tab, with nothing else narrowing it, so the record is
    /// always there: the link of its own that an announcement or a funding row gives.
    pub fn opening_item(tab: Tab, item_id: &str) -> ViewState {
        ViewState {
            tab,
            item: Some(item_id.to_string()),
            ..ViewState::initial()
        }
    }

    /// The comparison chosen, by the key the link and the picker use: a preset's key, "typed" for two
    /// typed periods, "none" for none.
    pub fn comparison_key(&self) -> &'static str {
        match self.compare {
            None => "none",
            Some(Comparison::Preset(preset)) => preset.key(),
            Some(Comparison::Typed { .. }) => "typed",
        }
    }

    /// Chooses a comparison by its key ("none", a preset's, or "typed", which keeps any typed dates
    /// already set). False, with nothing changed, for a key that is none of these.
    pub fn pick_comparison(&mut self, key: &str) -> bool {
        self.compare = match key {
            "none" => None,
            "typed" => Some(match self.compare {
                Some(typed @ Comparison::Typed { .. }) => typed,
                _ => Comparison::Typed {
                    a: (None, None),
                    b: (None, None),
                },
            }),
            _ => match ComparePreset::from_key(key) {
                Some(preset) => Some(Comparison::Preset(preset)),
                None => return false,
            },
        };
        true
    }

    /// The four typed dates in the order of `TYPED_DATE_KEYS` (A from, A to, B from, B to), when two
    /// typed periods are being compared.
    pub fn typed_dates(&self) -> Option<[Option<NaiveDate>; 4]> {
        match self.compare {
            Some(Comparison::Typed { a, b }) => Some([a.0, a.1, b.0, b.1]),
            _ => None,
        }
    }

    /// Sets one typed date (its index in `TYPED_DATE_KEYS`), switching to typed periods if another
    /// comparison was chosen.
    pub fn set_typed_date(&mut self, which: usize, date: Option<NaiveDate>) {
        let [mut a_from, mut a_to, mut b_from, mut b_to] = self.typed_dates().unwrap_or([None; 4]);
        match which {
            0 => a_from = date,
            1 => a_to = date,
            2 => b_from = date,
            _ => b_to = date,
        }
        self.compare = Some(Comparison::Typed {
            a: (a_from, a_to),
            b: (b_from, b_to),
        });
    }

    /// True when dates, search, actors or themes narrow what is shown.
    pub fn has_filters(&self) -> bool {
        self.date_from.is_some()
            || self.date_to.is_some()
            || !self.search.is_empty()
            || !self.actors.is_empty()
            || !self.themes.is_empty()
    }

    /// Removes dates, search, actors and themes; chart options and the tab stay.
    pub fn clear_filters(&mut self) {
        self.date_from = None;
        self.date_to = None;
        self.search.clear();
        self.actors.clear();
        self.themes.clear();
    }

    /// Puts lists in their canonical order so equal views encode equally.
    pub fn normalise(&mut self) {
        crate::sorting::sort_and_dedup(&mut self.actors);
        crate::sorting::sort_and_dedup(&mut self.themes);
        crate::sorting::sort_and_dedup(&mut self.open_tables);
        if let (Some(from), Some(to)) = (self.date_from, self.date_to) {
            if from > to {
                std::mem::swap(&mut self.date_from, &mut self.date_to);
            }
        }
    }
}

/// Removes `item` from a sorted list without repeats if it is there, or inserts it in order.
fn toggle_in<T: Ord>(list: &mut Vec<T>, item: T) {
    match list.binary_search(&item) {
        Ok(found_idx) => {
            list.remove(found_idx);
        }
        Err(insert_idx) => list.insert(insert_idx, item),
    }
}

mod fragment;
mod quick_ranges;
mod shortcuts;
pub use fragment::{
    fragment_to_write, parse_fragment, to_fragment, ParsedFragment, TYPED_DATE_KEYS,
};
pub use quick_ranges::{whole_years, QuickRange};
pub use shortcuts::{shortcut_for_key, Shortcut, SHORTCUT_LIST};

#[cfg(test)]
mod tests;
