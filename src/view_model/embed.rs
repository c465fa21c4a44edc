//! A chart for other sites to embed: which chart a view's link shows on its own (its title, subtitle, status and source), and the `iframe` code that puts it on another page.

use super::{
    briefing_chart, crossings_chart, editions_chart_view, funding_view, xml_text, ChartView,
};
use crate::analysis::request::SeriesChoice;
use crate::chart::ChartSize;
use crate::data::Dataset;
use crate::view_state::{Tab, ViewState};

/// The page that shows one chart alone, beside `index.html`.
pub use crate::page::EMBED_FILE_NAME;

/// The height the `iframe` code asks for: the chart with its title, status, source and link.
pub const EMBED_HEIGHT_PX: u32 = 560;

/// One view's chart as an embed shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbeddedChart {
    pub chart: ChartView,
    /// "Provisional", "Official", "Announced" or "Provisional and official": what kind of figures.
    pub status: &'static str,
}

/// The chart a view's link embeds: the Briefing's key chart, the Crossings chart, the Funding chart, or
/// the provisional-against-official chart of Sources; the Announcements view has none.
/// Announcement markers are left out: their key is not part of an embed.
pub fn embedded_chart(
    dataset: &Dataset,
    state: &ViewState,
    size: ChartSize,
) -> Option<EmbeddedChart> {
    let state = &ViewState {
        show_events: false,
        ..state.clone()
    };
    let (chart, status) = match state.tab {
        Tab::Briefing => (briefing_chart(dataset, state, size), "Provisional"),
        Tab::Crossings => (
            crossings_chart(dataset, state, size),
            match state.series {
                SeriesChoice::Provisional => "Provisional",
                SeriesChoice::Official => "Official",
            },
        ),
        Tab::Funding => (funding_view(dataset, state, size).chart, "Announced"),
        Tab::Sources => (
            editions_chart_view(dataset, size)?,
            "Provisional and official",
        ),
        Tab::Announcements => return None,
    };
    Some(EmbeddedChart { chart, status })
}

/// The embed page's address for a view, from the view's own web address (`…/#v=1&tab=…` or
/// `…/index.html#…`): the same folder's embed page with the same fragment.
pub fn embed_address(view_link: &str) -> String {
    let (folder, fragment) = folder_and_fragment(view_link);
    format!("{folder}/{EMBED_FILE_NAME}#{fragment}")
}

/// A page's folder (without its file name or the last `/`) and its fragment (without `#`).
fn folder_and_fragment(link: &str) -> (&str, &str) {
    let (page, fragment) = link.split_once('#').unwrap_or((link, ""));
    let folder = page.rsplit_once('/').map_or(page, |(folder, _)| folder);
    (folder, fragment)
}

/// The HTML to paste into another page: an `iframe` of the embed page, as wide as its column, titled
/// with the chart's title, lazily loaded, with no border.
pub fn embed_code(view_link: &str, chart_title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{EMBED_HEIGHT_PX}\" style=\"border: 0;\" loading=\"lazy\"></iframe>",
        xml_text(&embed_address(view_link)),
        xml_text(chart_title)
    )
}

/// The full view's address from the embed page's own: the same folder's explorer, same fragment.
pub fn full_view_address(embed_link: &str) -> String {
    let (folder, fragment) = folder_and_fragment(embed_link);
    format!("{folder}/#{fragment}")
}
