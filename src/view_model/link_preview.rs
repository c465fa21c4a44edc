//! What a link to the site shows where it is pasted (a chat, a social post): a title, a description that states the latest answer with its source, and a preview image (the key chart with the headline figure, the date the data are as at, and the source), made at build time from the same code as the page.

use super::chart_image::{framed_chart_image, ImageFrame};
use super::funding::{bsc_total_sentence, funding_in_range};
use super::{
    answers, briefing_chart, briefing_summary, crossings_chart, ChartImage, ChartView,
    WIDE_CHART_SIZE,
};
use crate::chart::ChartSize;
use crate::data::Dataset;
use crate::view_state::{Tab, ViewState};

/// The preview image in SVG pixels: rasterised at twice this, 1,200 × 630, the size link previews use.
pub const LINK_PREVIEW_SIZE: ChartSize = ChartSize {
    width_px: 600,
    height_px: 315,
};

/// How the preview's room is shared: its words come first and the drawing keeps what is left. The
/// image would grow past the preview's size only if the words left the drawing under 100 px; the short
/// words below leave it about 160 (the browser test checks the PNG is 1,200 × 630).
const LINK_PREVIEW_FRAME: ImageFrame = ImageFrame {
    size: LINK_PREVIEW_SIZE,
    max_marker_key_rows: 0,
    min_chart_height_px: 100,
};

/// A link's preview: the words and the image.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkPreview {
    /// The page's name.
    pub title: String,
    /// The latest answer as a sentence, with its source: "15,897 people crossed … (provisional
    /// figures). Source: Home Office.", or what the site is where the data have no year to date.
    pub description: String,
    pub image: ChartImage,
    /// The image in words, for those who cannot see it.
    pub image_alt: String,
}

/// The preview of the site's first view: this year so far against the same days last year, and the
/// key chart as the Briefing first shows it.
pub fn link_preview(dataset: &Dataset) -> LinkPreview {
    let state = ViewState::initial();
    let chart = briefing_chart(dataset, &state, LINK_PREVIEW_SIZE);
    let answer = answers(dataset).into_iter().next();
    let as_of = format!("data as at {}", crate::dates::day_month_year(dataset.as_of));
    let (headline, description, publishers) = match &answer {
        Some(answer) => {
            let publishers: Vec<&str> = answer
                .source_ids
                .iter()
                .filter_map(|source_id| dataset.source(source_id))
                .map(|source| source.publisher.as_str())
                .collect();
            let publishers = publishers.join(", ");
            (
                format!(
                    "{} people crossed in small boats, {}",
                    answer.value, answer.period
                ),
                format!("{} Source: {publishers}.", answer.claim),
                publishers,
            )
        }
        None => (
            chart.title.clone(),
            dataset.description.clone(),
            chart.source_line.clone(),
        ),
    };
    // Short words, so the drawing keeps its room in a preview's fixed size: the figure and its
    // period, what the chart shows and how fresh, the source, the app's name.
    let words = ChartView {
        title: headline.clone(),
        subtitle: format!("{}; provisional figures, {as_of}", chart.title),
        source_line: format!("Source: {publishers}"),
        notes: Vec::new(),
        events: Vec::new(),
        ..chart.clone()
    };
    let image = framed_chart_image(
        &words,
        |size| briefing_chart(dataset, &state, size),
        LINK_PREVIEW_FRAME,
    );
    LinkPreview {
        title: crate::APP_NAME.to_string(),
        description,
        image_alt: format!("{headline}. {}. {}", chart.title, chart.summary),
        image,
    }
}

/// What "Share" on a phone passes on with the view's address: the view's own sentence (its summary
/// under the view's filters), cited to the app with how fresh its data are.
pub fn share_text(dataset: &Dataset, state: &ViewState) -> String {
    let sentence = match state.tab {
        Tab::Briefing => briefing_summary(dataset, state),
        Tab::Crossings => crossings_chart(dataset, state, WIDE_CHART_SIZE).summary,
        // The Funding view's own sentence, without drawing its chart.
        Tab::Funding => bsc_total_sentence(dataset, &funding_in_range(dataset, state)),
        Tab::Announcements => {
            let filter = state.announcement_filter();
            let n_matches =
                crate::analysis::filter::filter_announcements(&dataset.announcements, &filter)
                    .len();
            format!(
                "{} about the Border Security Command, {}.",
                crate::text::count_of(n_matches, "announcement", "announcements"),
                super::date_range_text(state)
            )
        }
        Tab::Sources => "Every source behind the figures, and how they are worked out.".to_string(),
    };
    format!(
        "{sentence} Source: {}, {}.",
        crate::APP_NAME,
        crate::citation::data_freshness(dataset)
    )
}
