//! What each view shows, as plain values: charts with titles, sources, summaries and tables; headline figures.
//!
//! The UI renders these and nothing else, so every number a person sees is worked out here, on the host,
//! under test. One file per view or part of one (`briefing` with `key_numbers`, `key_facts` and `compare`;
//! `crossings` with `year_on_year`; `funding`; `announcements`; `sources`), what changed between two files
//! (`what_changed`), where sources differ (`where_sources_differ`) and a chart as an image (`chart_image`); this one holds what
//! they share: the chart view with its lazily made readout and table, source names and lines, a figure's
//! value, the print footer and the date-range wording.

mod announcements;
mod briefing;
mod chart_image;
mod compare;
mod crossings;
mod embed;
mod funding;
mod key_facts;
mod key_numbers;
mod link_preview;
mod sources;
mod what_changed;
mod where_sources_differ;
mod year_on_year;

use std::sync::Arc;

use chrono::NaiveDate;

pub use announcements::{announcement_claim, facets_summary, match_count_sentence};
pub use briefing::{answers, briefing_summary, headlines, Headline};
pub use chart_image::{chart_image, wrap_words, xml_text, ChartImage, ImageShape};
pub use compare::{compare_view, CompareView};
pub use crossings::{briefing_chart, crossings_chart};
pub use embed::{
    embed_address, embed_code, embedded_chart, full_view_address, EmbeddedChart, EMBED_HEIGHT_PX,
};
pub use funding::{funding_view, FundingRow, FundingView};
pub use key_facts::{key_facts, KeyFact, KeyFacts, KEY_FACTS_SHOWN_FIRST};
pub use key_numbers::{key_numbers, KeyNumbers};
pub use link_preview::{link_preview, share_text, LinkPreview, LINK_PREVIEW_SIZE};
pub use sources::{
    changelog_entries, editions_chart_view, editions_view, method_notes, source_links,
    EditionsView, SourceLink,
};
pub use what_changed::{
    diff_lines, diff_row_count, diff_table, diff_view, ChangesSummary, DiffView,
};
pub use where_sources_differ::{
    announcement_others, record_notes, source_differences, OtherValue, SourceDifference,
};

use crate::chart::{ChartSize, DrawnChart};
use crate::data::{Dataset, Status};
use crate::export::DataTable;
use crate::view_state::{Measure, ViewState};

/// The drawing size of a chart on a wide screen (the SVG scales to the page), and of every download.
pub const WIDE_CHART_SIZE: ChartSize = ChartSize {
    width_px: 880,
    height_px: 380,
};

/// The drawing size of a chart on a phone: drawn for its width, so the text stays readable without
/// scrolling sideways (fewer axis labels, the same values).
pub const NARROW_CHART_SIZE: ChartSize = ChartSize {
    width_px: 360,
    height_px: 320,
};

/// A chart with everything around it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// Stable id, used in the URL for an open table and in file names.
    pub chart_id: String,
    /// What the chart shows.
    pub title: String,
    /// Measure, place and period.
    pub subtitle: String,
    /// Source and status, written under the chart.
    pub source_line: String,
    /// The sources as cited in a citation: the source line without its "Source:" and full stop.
    pub cited_sources: String,
    /// The ids of the sources behind the chart, for the summary copied with its citation.
    pub source_ids: Vec<String>,
    /// A generated one-sentence summary (also the chart's accessible description).
    pub summary: String,
    /// The drawing.
    pub drawn: DrawnChart,
    /// One line per x position for the readout: "March 2024: 1,234 people", made when asked for.
    pub point_texts: PointTexts,
    /// The data shown, as a table, made when asked for.
    pub table: LazyTable,
    /// Numbered event markers and what they stand for.
    pub events: Vec<EventNote>,
    /// Caveats to show under the chart.
    pub notes: Vec<String>,
    /// What the table's figures are in, where that differs from the chart's subtitle (the chart in
    /// £ million, the table in pounds), for the CSV's notes.
    pub table_note: Option<String>,
}

impl ChartView {
    /// False when nothing falls in the view's dates: the panel then gives the summary, which says what
    /// is missing and which dates the data cover, instead of empty axes.
    pub fn has_data(&self) -> bool {
        self.drawn.geometry.n_positions > 0
    }

    /// The lines under a CSV's data: what it is, its source, and how to cite it.
    pub fn csv_footer(&self) -> Vec<String> {
        let mut footer = vec![format!("{}. {}.", self.title, self.subtitle)];
        footer.extend(self.table_note.clone());
        footer.push(self.source_line.clone());
        footer.push(crate::citation::cite_as(&self.title, &self.cited_sources));
        footer
    }
}

/// A chart's readout line for each position, made only when one is read.
#[derive(Clone)]
pub struct PointTexts {
    n_points: usize,
    text_at: Arc<dyn Fn(usize) -> String + Send + Sync>,
}

impl PointTexts {
    /// Lines made by `text_at(point_idx)` for `point_idx` in `0..n_points`.
    pub fn new(n_points: usize, text_at: impl Fn(usize) -> String + Send + Sync + 'static) -> Self {
        PointTexts {
            n_points,
            text_at: Arc::new(text_at),
        }
    }

    /// Lines already made.
    pub fn from_lines(lines: Vec<String>) -> Self {
        let n_points = lines.len();
        PointTexts::new(n_points, move |point_idx| lines[point_idx].clone())
    }

    /// The line for one position; None past the end.
    pub fn get(&self, point_idx: usize) -> Option<String> {
        (point_idx < self.n_points).then(|| (self.text_at)(point_idx))
    }

    pub fn len(&self) -> usize {
        self.n_points
    }

    pub fn is_empty(&self) -> bool {
        self.n_points == 0
    }
}

/// Two charts' lines are the same only if made by the same maker: a recomputed chart counts as changed.
impl PartialEq for PointTexts {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.text_at, &other.text_at)
    }
}

impl std::fmt::Debug for PointTexts {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "PointTexts({} points)", self.n_points)
    }
}

/// A chart's table, made only when someone opens it or downloads it.
#[derive(Clone)]
pub struct LazyTable {
    make: Arc<dyn Fn() -> DataTable + Send + Sync>,
}

impl LazyTable {
    pub fn new(make: impl Fn() -> DataTable + Send + Sync + 'static) -> Self {
        LazyTable {
            make: Arc::new(make),
        }
    }

    /// A table already made.
    pub fn ready(table: DataTable) -> Self {
        LazyTable::new(move || table.clone())
    }

    /// Makes the table.
    pub fn build(&self) -> DataTable {
        (self.make)()
    }
}

/// As for [`PointTexts`]: equal only if made by the same maker.
impl PartialEq for LazyTable {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.make, &other.make)
    }
}

impl std::fmt::Debug for LazyTable {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "LazyTable")
    }
}

/// An announcement marked on a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventNote {
    /// The chart position (period) it is marked at.
    pub x_idx: usize,
    pub number: usize,
    pub date_display: String,
    pub title: String,
    pub announcement_id: String,
}

/// How many marked announcements the list under a chart shows before "Show all".
pub const EVENTS_SHOWN: usize = 5;

/// The marked announcements to list under a chart: the `count` nearest the readout's position when it
/// is open, else the latest `count`; as indexes into `events`, in their order on the chart.
pub fn nearest_events(
    events: &[EventNote],
    readout_x_idx: Option<usize>,
    count: usize,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = match readout_x_idx {
        None => (events.len().saturating_sub(count)..events.len()).collect(),
        Some(x_idx) => {
            let mut by_distance: Vec<usize> = (0..events.len()).collect();
            // Nearest first; of two as near, the earlier.
            crate::sorting::sort_by_key(&mut by_distance, |&event_idx| {
                (events[event_idx].x_idx.abs_diff(x_idx), event_idx)
            });
            by_distance.truncate(count);
            by_distance
        }
    };
    crate::sorting::sort(&mut chosen);
    chosen
}

/// The names of sources for a source line: "Home Office, “title”".
pub fn source_names(dataset: &Dataset, source_ids: &[String]) -> String {
    let names: Vec<String> = dataset
        .sources_of(source_ids)
        .map(|source| format!("{}, “{}”", source.publisher, source.title))
        .collect();
    names.join("; ")
}

/// The most source addresses a chart's source line gives: a chart drawn from more sources names them
/// and leaves their addresses to the Sources view, so its image keeps a slide's shape.
const MAX_LINKS_IN_SOURCE_LINE: usize = 2;

/// The line under a chart, in its image and under its CSV: "Source: Home Office, “…” (provisional, data
/// to 20 August 2026). https://www.gov.uk/…", with the sources' addresses when there are at most two,
/// so a printed page or a slide says where to find the figures.
pub(crate) fn chart_source_line(
    dataset: &Dataset,
    cited_sources: &str,
    source_ids: &[String],
) -> String {
    let mut links: Vec<&str> = Vec::new();
    for url in dataset
        .sources_of(source_ids)
        .filter_map(|source| source.url.as_deref())
        .filter(|url| crate::data::is_safe_https_url(url))
    {
        if !links.contains(&url) {
            links.push(url);
        }
    }
    let word = if dataset.sources_of(source_ids).count() > 1 {
        "Sources"
    } else {
        "Source"
    };
    let mut line = format!("{word}: {cited_sources}.");
    if links.len() <= MAX_LINKS_IN_SOURCE_LINE {
        for url in links {
            line.push(' ');
            line.push_str(url);
        }
    }
    line
}

/// The two lines at the foot of every printed page: what the page is, how fresh its data are and when
/// it was printed; then where to find the same view ("printed from an offline copy" when no web address
/// is known: a path on the reader's disk is never printed). The address has a line of its own, so it is
/// not broken across two.
pub fn print_footer(
    dataset: &Dataset,
    printed_on: NaiveDate,
    view_address: Option<&str>,
) -> [String; 2] {
    [
        format!(
            "{} · {} · printed {}",
            crate::APP_NAME,
            crate::citation::data_freshness(dataset),
            crate::dates::day_month_year(printed_on),
        ),
        view_address
            .unwrap_or("printed from an offline copy")
            .to_string(),
    ]
}

/// A figure's value as written: money in pounds, a percentage, or a count, with its qualifier (for the
/// key facts and for where sources differ).
pub(crate) fn value_display(value: f64, unit: &str, basis: crate::data::AmountBasis) -> String {
    let decimals = if value.fract() == 0.0 { 0 } else { 1 };
    let number = match unit {
        "GBP" if value >= 0.0 && value.fract() == 0.0 => crate::text::money(value as u64),
        "percent" => format!("{}%", crate::text::format_number(value, decimals)),
        _ => crate::text::format_number(value, decimals),
    };
    crate::text::capitalise(&format!("{}{number}", basis.qualifier()))
}

pub(crate) fn first_publisher(dataset: &Dataset, source_ids: &[String]) -> String {
    dataset.sources_of(source_ids).next().map_or_else(
        || "source not recorded".to_string(),
        |source| source.publisher.clone(),
    )
}

pub(crate) fn status_word(status: Status) -> &'static str {
    match status {
        Status::Provisional => "provisional",
        Status::Official => "official",
    }
}

pub(crate) fn measure_unit(measure: Measure) -> &'static str {
    match measure {
        Measure::People => "people",
        Measure::Boats => "boats",
        Measure::PeoplePerBoat => "people per boat",
    }
}

pub(crate) fn decimals_for(measure: Measure) -> usize {
    if measure == Measure::PeoplePerBoat {
        1
    } else {
        0
    }
}

/// The view's date range in words: "all dates", "from 1 July 2024", "1 July 2024 to 30 June 2025".
pub fn date_range_text(state: &ViewState) -> String {
    let show = crate::dates::day_month_year;
    match (state.date_from, state.date_to) {
        (None, None) => "all dates in the dataset".to_string(),
        (Some(from), None) => format!("from {}", show(from)),
        (None, Some(to)) => format!("up to {}", show(to)),
        (Some(from), Some(to)) => format!("{} to {}", show(from), show(to)),
    }
}

/// What the filters and chart options of the open view are set to, as the one line a closed
/// disclosure shows on a phone: "All dates · by month · people".
pub fn controls_summary(state: &ViewState) -> String {
    use crate::closed_set::ClosedSet;
    use crate::view_state::{SeriesChoice, Tab};
    let dates = match (state.date_from, state.date_to) {
        (None, None) => "All dates".to_string(),
        _ => crate::text::capitalise(&date_range_text(state)),
    };
    let mut parts = vec![dates];
    match state.tab {
        Tab::Briefing => parts.push(format!("by {}", state.briefing_period.label())),
        Tab::Crossings => {
            parts.push(format!("by {}", state.period.label()));
            parts.push(state.measure.label().to_lowercase());
            parts.push(
                match state.series {
                    SeriesChoice::Provisional => "provisional",
                    SeriesChoice::Official => "official",
                }
                .to_string(),
            );
            if state.rolling_periods > 0 {
                parts.push(format!("{}-period average", state.rolling_periods));
            }
            if state.compare_years {
                parts.push("years compared".to_string());
            }
            if state.show_events {
                parts.push("announcements marked".to_string());
            }
        }
        Tab::Announcements if !state.search.is_empty() => {
            parts.push(format!("search “{}”", state.search));
        }
        _ => {}
    }
    parts.join(" · ")
}

/// The view's date range as the opening of a sentence: "Across all dates in the dataset", "From 1 January
/// 2025 onwards", "Up to 31 December 2024", "From 1 July 2024 to 30 June 2025".
pub fn date_range_opening(state: &ViewState) -> String {
    let show = crate::dates::day_month_year;
    match (state.date_from, state.date_to) {
        (None, None) => "Across all dates in the dataset".to_string(),
        (Some(from), None) => format!("From {} onwards", show(from)),
        (None, Some(to)) => format!("Up to {}", show(to)),
        (Some(from), Some(to)) if from == to => format!("On {}", show(from)),
        (Some(from), Some(to)) => format!("From {} to {}", show(from), show(to)),
    }
}

/// The line under the filters: the dates asked for and, where the crossings data cover less of them,
/// the days they do cover, so it states the same span as the charts.
pub fn filter_line(dataset: &Dataset, state: &ViewState) -> String {
    let asked = date_range_text(state);
    let daily = &dataset.crossings.daily;
    let Some(data_last) = daily.last_date() else {
        return format!("Showing {asked}.");
    };
    let data_first = daily.first_date;
    let (first, last) = state.dates().clipped_to(data_first, data_last);
    let covered_by_data = (state.date_from.is_none_or(|from| from >= data_first))
        && (state.date_to.is_none_or(|to| to <= data_last));
    if state.date_from.is_none() && state.date_to.is_none() {
        format!(
            "Showing {asked}; crossings data cover {}.",
            crate::dates::days_text(data_first, data_last)
        )
    } else if covered_by_data {
        format!("Showing {asked}.")
    } else if first > last {
        format!(
            "Showing {asked}; no crossings data fall in these dates (they cover {}).",
            crate::dates::days_text(data_first, data_last)
        )
    } else {
        format!(
            "Showing {asked}; crossings data cover {} of these dates.",
            crate::dates::days_text(first, last)
        )
    }
}

/// A note under a date box whose date is outside the daily crossings data ("No crossings data before 1
/// January 2018"); `None` inside them. The date is kept as typed: the view says what it covers.
pub fn date_outside_data_note(
    date: NaiveDate,
    data_first: NaiveDate,
    data_last: NaiveDate,
) -> Option<String> {
    if date < data_first {
        Some(format!(
            "No crossings data before {}.",
            crate::dates::day_month_year(data_first)
        ))
    } else if date > data_last {
        Some(format!(
            "No crossings data after {}.",
            crate::dates::day_month_year(data_last)
        ))
    } else {
        None
    }
}

/// The notice of a newer release that has taken over the page: what it brings, and what reloading does
/// to a file the person opened.
pub fn new_release_notice(as_of: Option<NaiveDate>, file_opened: bool) -> String {
    let edition = match as_of {
        Some(day) => format!(
            "A newer edition of the explorer is available, with data as at {}.",
            crate::dates::day_month_year(day)
        ),
        None => "A newer edition of the explorer is available.".to_string(),
    };
    if file_opened {
        format!("{edition} Reloading shows it in place of the file you opened, which you can open again.")
    } else {
        format!("{edition} Reload to see it.")
    }
}

/// A note when the link opens a record (`item=`) that the view's dataset does not have, so the person
/// knows why nothing is brought into view; `None` when it has it, or the view opens no record.
pub fn missing_record_note(dataset: &Dataset, state: &ViewState) -> Option<String> {
    use crate::view_state::Tab;
    let item_id = state.item.as_deref()?;
    let (found, what) = match state.tab {
        Tab::Announcements => (
            dataset
                .announcements
                .iter()
                .any(|announcement| announcement.announcement_id == item_id),
            "announcement",
        ),
        Tab::Funding => (
            dataset
                .funding
                .iter()
                .any(|funding| funding.funding_id == item_id),
            "funding record",
        ),
        Tab::Briefing => (
            dataset
                .figures
                .iter()
                .any(|figure| figure.figure_id == item_id),
            "figure",
        ),
        Tab::Crossings | Tab::Sources => return None,
    };
    (!found).then(|| {
        format!(
            "The link opens the {what} “{}”, which these data do not have (it may have been removed or renamed); everything else is shown.",
            crate::data::shorten(item_id, 60)
        )
    })
}

/// How many items of a long list (announcements, funding records, sources) are drawn at once: a file
/// with thousands of records is shown a page at a time, so drawing it never holds the page for long.
pub const ITEMS_SHOWN_AT_ONCE: usize = 100;

/// How many of `total` items to draw when `asked` have been asked for (a multiple of
/// `ITEMS_SHOWN_AT_ONCE`), always including the item at `must_include` (a record a link opens).
pub fn items_to_draw(total: usize, asked: usize, must_include: Option<usize>) -> usize {
    asked
        .max(must_include.map_or(0, |item_idx| item_idx + 1))
        .min(total)
}

/// How many rows of a table are drawn at once (a table of every day since 2018 has over 3,000; an
/// opened file's can have hundreds of thousands). The CSV always holds every row.
pub const TABLE_ROWS_SHOWN_AT_ONCE: usize = 500;

/// The "Show more" button's words, or `None` when every item is drawn: "Show 100 more (3,500 of 3,600
/// announcements not shown yet)", for a list drawn `page_size` at a time.
pub fn show_more_label(
    drawn: usize,
    total: usize,
    page_size: usize,
    plural: &str,
) -> Option<String> {
    (drawn < total).then(|| {
        let hidden = total - drawn;
        format!(
            "Show {} more ({} of {} {plural} not shown yet)",
            crate::text::format_number(hidden.min(page_size) as f64, 0),
            crate::text::format_number(hidden as f64, 0),
            crate::text::format_number(total as f64, 0),
        )
    })
}

#[cfg(test)]
mod tests;
