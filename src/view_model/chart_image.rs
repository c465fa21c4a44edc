//! A chart as an image that stands alone (the SVG and PNG downloads and "Copy image"): title, subtitle, the drawing, the key to its numbered markers, its notes and source, on an opaque background, in a slide's shape unless another is chosen.

use super::ChartView;
use crate::chart::ChartSize;
use crate::closed_set::ClosedSet;

/// A standalone chart image: one SVG document and its size in SVG pixels (the PNG is drawn at twice
/// this size).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartImage {
    pub svg: String,
    pub width_px: u32,
    pub height_px: u32,
}

/// The shape of a downloaded or copied image: a slide's 16:9 unless a person picks another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImageShape {
    #[default]
    Slide,
    Square,
    Portrait,
}

impl ClosedSet for ImageShape {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("slide", Self::Slide),
        ("square", Self::Square),
        ("portrait", Self::Portrait),
    ];

    fn label(self) -> &'static str {
        match self {
            Self::Slide => "Slide (16:9)",
            Self::Square => "Square",
            Self::Portrait => "Portrait (4:5)",
        }
    }
}

impl ImageShape {
    /// The image's size in SVG pixels (the PNG doubles it: 1,920 × 1,080 for a slide).
    pub const fn size_px(self) -> ChartSize {
        match self {
            Self::Slide => ChartSize {
                width_px: 960,
                height_px: 540,
            },
            Self::Square => ChartSize {
                width_px: 720,
                height_px: 720,
            },
            Self::Portrait => ChartSize {
                width_px: 720,
                height_px: 900,
            },
        }
    }

    /// The most rows of the marker key the shape gives room to (three markers a row).
    const fn max_marker_key_rows(self) -> usize {
        match self {
            Self::Slide => 2,
            Self::Square => 3,
            Self::Portrait => 5,
        }
    }
}

/// The room left and right of the text.
const MARGIN_PX: u32 = 16;
/// The page colour behind everything: the chart is drawn on white in both themes, on screen as here.
const BACKGROUND: &str = "#ffffff";
const TEXT: &str = "#0b0c0c";
const MUTED: &str = "#484949";

/// One kind of text line: its size, weight, colour, the height a line takes and about how wide a
/// character is (for wrapping; a little generous, so lines never run off the edge).
struct TextStyle {
    font_size_px: u32,
    is_bold: bool,
    colour: &'static str,
    line_height_px: u32,
    char_width_px: f64,
}

const TITLE: TextStyle = TextStyle {
    font_size_px: 20,
    is_bold: true,
    colour: TEXT,
    line_height_px: 26,
    char_width_px: 12.0,
};
const SUBTITLE: TextStyle = TextStyle {
    font_size_px: 14,
    is_bold: false,
    colour: MUTED,
    line_height_px: 19,
    char_width_px: 8.0,
};
const SMALL: TextStyle = TextStyle {
    font_size_px: 12,
    is_bold: false,
    colour: TEXT,
    line_height_px: 16,
    char_width_px: 7.0,
};

/// Text for an SVG text node or attribute: the five characters XML gives meaning to are escaped, and
/// control characters (which XML does not allow) become spaces.
pub fn xml_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            character if character.is_control() => escaped.push(' '),
            character => escaped.push(character),
        }
    }
    escaped
}

/// Words in lines of at most `max_chars` characters; a word longer than a line is cut.
pub fn wrap_words(text: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max_chars {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..max_chars).collect());
        }
        let word: String = word.into_iter().collect();
        if word.is_empty() {
            continue;
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` wrapped to the image's width in a style.
fn text_lines(text: &str, style: &TextStyle, width_px: u32) -> Vec<String> {
    let usable_px = f64::from(width_px.saturating_sub(2 * MARGIN_PX));
    let max_chars = (usable_px / style.char_width_px).floor() as usize;
    wrap_words(text, max_chars)
}

/// The height `text` takes wrapped to the image's width.
fn text_height_px(text: &str, style: &TextStyle, width_px: u32) -> u32 {
    style.line_height_px * text_lines(text, style, width_px).len() as u32
}

/// Writes `text` wrapped to the image's width from `top_px`, and returns the y below it.
fn write_text(svg: &mut String, text: &str, style: &TextStyle, width_px: u32, top_px: u32) -> u32 {
    let mut y_px = top_px;
    for line in text_lines(text, style, width_px) {
        y_px += style.line_height_px;
        svg.push_str(&format!(
            "<text x=\"{MARGIN_PX}\" y=\"{}\" font-family=\"sans-serif\" font-size=\"{}\"{} fill=\"{}\">{}</text>",
            y_px - style.line_height_px / 4,
            style.font_size_px,
            if style.is_bold { " font-weight=\"700\"" } else { "" },
            style.colour,
            xml_text(&line)
        ));
    }
    y_px
}

/// The marker key's columns: three entries a row, read down each column.
const MARKER_KEY_COLUMNS: usize = 3;

/// The cells of the key to the numbered markers in at most `max_rows` rows: every entry when they
/// fit, otherwise as many as fit with the last place saying how many more there are.
fn marker_key_cells(entries: &[String], max_rows: usize, width_px: u32) -> Vec<String> {
    let n_places = MARKER_KEY_COLUMNS * max_rows.max(1);
    let (named, n_more) = if entries.len() > n_places {
        (&entries[..n_places - 1], entries.len() - (n_places - 1))
    } else {
        (entries, 0)
    };
    let max_chars = ((marker_key_column_px(width_px) - 12.0) / SMALL.char_width_px)
        .floor()
        .max(4.0) as usize;
    let mut cells: Vec<String> = named.iter().map(|entry| cut_to(entry, max_chars)).collect();
    if n_more > 0 {
        cells.push(format!("and {n_more} more (listed in the explorer)"));
    }
    cells
}

fn marker_key_column_px(width_px: u32) -> f64 {
    f64::from(width_px.saturating_sub(2 * MARGIN_PX)) / MARKER_KEY_COLUMNS as f64
}

/// The height the marker key takes: its heading and its rows.
fn marker_key_height_px(cells: &[String], width_px: u32) -> u32 {
    if cells.is_empty() {
        return 0;
    }
    text_height_px(MARKER_KEY_HEADING, &SMALL, width_px)
        + SMALL.line_height_px * cells.len().div_ceil(MARKER_KEY_COLUMNS) as u32
        + KEY_GAP_PX
}

const MARKER_KEY_HEADING: &str = "Numbered markers:";

/// Writes the key to the numbered markers in columns ("1. Border Security Command launched"), down
/// each column then across, as a reader scans a numbered key; returns the y below it.
fn write_marker_key(svg: &mut String, cells: &[String], width_px: u32, top_px: u32) -> u32 {
    if cells.is_empty() {
        return top_px;
    }
    let mut y_px = write_text(svg, MARKER_KEY_HEADING, &SMALL, width_px, top_px);
    let column_px = marker_key_column_px(width_px);
    let n_rows = cells.len().div_ceil(MARKER_KEY_COLUMNS);
    for (cell_idx, cell) in cells.iter().enumerate() {
        let (column_idx, row_idx) = (cell_idx / n_rows, cell_idx % n_rows);
        let x_px = f64::from(MARGIN_PX) + column_px * column_idx as f64;
        let baseline_px =
            y_px + SMALL.line_height_px * (row_idx as u32 + 1) - SMALL.line_height_px / 4;
        svg.push_str(&format!(
            "<text x=\"{x_px:.0}\" y=\"{baseline_px}\" font-family=\"sans-serif\" font-size=\"{}\" fill=\"{}\">{}</text>",
            SMALL.font_size_px,
            SMALL.colour,
            xml_text(cell)
        ));
    }
    y_px += SMALL.line_height_px * n_rows as u32;
    y_px + KEY_GAP_PX
}

/// The text cut to at most `max_chars` characters, ending "…" when cut.
fn cut_to(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let kept: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// Space between the title block and the drawing, and around the marker key.
const TOP_PX: u32 = 8;
const TITLE_GAP_PX: u32 = 8;
const CHART_GAP_PX: u32 = 4;
const KEY_GAP_PX: u32 = 4;
/// The drawing is never squeezed below this height: the image grows taller instead, so no note or
/// source line is ever dropped.
const MIN_CHART_HEIGHT_PX: u32 = 200;

/// The chart with everything a reader needs around it, so the image can be used on its own: title,
/// subtitle, the drawing, the numbered markers' key, the notes, the source line and the app's name, on
/// white, in `shape`. The text is laid out first and the drawing gets the height left over; when that
/// is too little, the marker key names fewer markers, and when it is still too little the image grows
/// taller rather than drop a line. The words come from `chart` (the chart as shown: its words do not
/// depend on its size); `chart_at` draws it once, at the size the image leaves for the drawing.
pub fn chart_image(
    chart: &ChartView,
    chart_at: impl Fn(ChartSize) -> ChartView,
    shape: ImageShape,
) -> ChartImage {
    framed_chart_image(
        chart,
        chart_at,
        ImageFrame {
            size: shape.size_px(),
            max_marker_key_rows: shape.max_marker_key_rows(),
            min_chart_height_px: MIN_CHART_HEIGHT_PX,
        },
    )
}

/// The size an image is laid out for and how its room is shared: the most rows the marker key may
/// take, and the least height the drawing keeps before the image grows taller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageFrame {
    pub size: ChartSize,
    pub max_marker_key_rows: usize,
    pub min_chart_height_px: u32,
}

/// `chart_image` for any frame (a person's choice of shape, or the link preview's fixed one).
pub fn framed_chart_image(
    chart: &ChartView,
    chart_at: impl Fn(ChartSize) -> ChartView,
    frame: ImageFrame,
) -> ChartImage {
    let ChartSize {
        width_px,
        height_px: shape_height_px,
    } = frame.size;
    let words = chart;
    let entries: Vec<String> = words
        .events
        .iter()
        .map(|event| format!("{}. {}", event.number, event.title))
        .collect();
    let text_above_px = TOP_PX
        + text_height_px(&words.title, &TITLE, width_px)
        + text_height_px(&words.subtitle, &SUBTITLE, width_px)
        + TITLE_GAP_PX;
    let text_below_px = CHART_GAP_PX
        + words
            .notes
            .iter()
            .map(|note| text_height_px(note, &SMALL, width_px))
            .sum::<u32>()
        + text_height_px(&words.source_line, &SMALL, width_px)
        + text_height_px(crate::APP_NAME, &SMALL, width_px)
        + MARGIN_PX;
    // The most marker rows that leave the drawing its minimum height, down to one row.
    let mut key_cells = Vec::new();
    for n_rows in (1..=frame.max_marker_key_rows).rev() {
        key_cells = marker_key_cells(&entries, n_rows, width_px);
        let used_px = text_above_px + text_below_px + marker_key_height_px(&key_cells, width_px);
        if used_px + frame.min_chart_height_px <= shape_height_px {
            break;
        }
    }
    let text_px = text_above_px + text_below_px + marker_key_height_px(&key_cells, width_px);
    let chart_height_px = shape_height_px
        .saturating_sub(text_px)
        .max(frame.min_chart_height_px);
    let drawn = chart_at(ChartSize {
        width_px,
        height_px: chart_height_px,
    })
    .drawn;
    let mut body = String::new();
    let mut y_px = write_text(&mut body, &chart.title, &TITLE, width_px, TOP_PX);
    y_px = write_text(&mut body, &chart.subtitle, &SUBTITLE, width_px, y_px) + TITLE_GAP_PX;
    body.push_str(&format!(
        "<g transform=\"translate(0 {y_px})\">{}</g>",
        drawn.svg
    ));
    y_px += drawn.geometry.size.height_px + CHART_GAP_PX;
    y_px = write_marker_key(&mut body, &key_cells, width_px, y_px);
    for note in &chart.notes {
        y_px = write_text(&mut body, note, &SMALL, width_px, y_px);
    }
    y_px = write_text(&mut body, &chart.source_line, &SMALL, width_px, y_px);
    y_px = write_text(&mut body, crate::APP_NAME, &SMALL, width_px, y_px);
    let height_px = (y_px + MARGIN_PX).max(shape_height_px);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width_px}\" height=\"{height_px}\" viewBox=\"0 0 {width_px} {height_px}\">\
         <title>{}</title><rect width=\"{width_px}\" height=\"{height_px}\" fill=\"{BACKGROUND}\"/>{body}</svg>",
        xml_text(&chart.title)
    );
    ChartImage {
        svg,
        width_px,
        height_px,
    }
}
