//! A chart as a figure that stands alone (the SVG and PNG downloads): title, subtitle, the drawing, the key to its numbered markers and its source, on an opaque background.

use super::ChartView;

/// A standalone figure: one SVG document and its size in SVG pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub svg: String,
    pub width_px: u32,
    pub height_px: u32,
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

/// Writes `text` wrapped to the figure's width from `top_px`, and returns the y below it.
fn write_text(svg: &mut String, text: &str, style: &TextStyle, width_px: u32, top_px: u32) -> u32 {
    let usable_px = f64::from(width_px.saturating_sub(2 * MARGIN_PX));
    let max_chars = (usable_px / style.char_width_px).floor() as usize;
    let mut y_px = top_px;
    for line in wrap_words(text, max_chars) {
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

/// The marker key's columns and rows: at most this many markers are named, so the figure keeps a
/// slide's shape whatever the number of markers; the rest are counted.
const MARKER_KEY_COLUMNS: usize = 3;
const MARKER_KEY_ROWS: usize = 3;

/// Writes the key to the numbered markers in columns ("1. Border Security Command launched"), each
/// entry cut to its column with "…", and "and N more" past what fits; returns the y below it.
fn write_marker_key(svg: &mut String, entries: &[String], width_px: u32, top_px: u32) -> u32 {
    let n_named = MARKER_KEY_COLUMNS * MARKER_KEY_ROWS;
    let (named, more) = if entries.len() > n_named {
        // The last place says how many more there are.
        (&entries[..n_named - 1], entries.len() - (n_named - 1))
    } else {
        (entries, 0)
    };
    let mut y_px = write_text(svg, "Numbered markers:", &SMALL, width_px, top_px);
    let column_px = f64::from(width_px.saturating_sub(2 * MARGIN_PX)) / MARKER_KEY_COLUMNS as f64;
    let max_chars = ((column_px - 12.0) / SMALL.char_width_px).floor().max(4.0) as usize;
    let mut cells: Vec<String> = named.iter().map(|entry| cut_to(entry, max_chars)).collect();
    if more > 0 {
        cells.push(format!("and {more} more (listed in the explorer)"));
    }
    let n_rows = cells.len().div_ceil(MARKER_KEY_COLUMNS);
    for (cell_idx, cell) in cells.iter().enumerate() {
        // Down each column, then across, as a reader scans a numbered key.
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
    y_px
}

/// The text cut to at most `max_chars` characters, ending "…" when cut.
fn cut_to(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let kept: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// The chart with everything a reader needs around it, so the image can be used on its own: title,
/// subtitle, the drawing, the numbered markers' key, the notes and the source line, on white.
pub fn standalone_figure(chart: &ChartView) -> Figure {
    let width_px = chart.drawn.geometry.size.width_px;
    let chart_height_px = chart.drawn.geometry.size.height_px;
    let mut body = String::new();
    let mut y_px = write_text(&mut body, &chart.title, &TITLE, width_px, 8);
    y_px = write_text(&mut body, &chart.subtitle, &SUBTITLE, width_px, y_px) + 8;
    body.push_str(&format!(
        "<g transform=\"translate(0 {y_px})\">{}</g>",
        chart.drawn.svg
    ));
    y_px += chart_height_px + 4;
    if !chart.events.is_empty() {
        let entries: Vec<String> = chart
            .events
            .iter()
            .map(|event| format!("{}. {}", event.number, event.title))
            .collect();
        y_px = write_marker_key(&mut body, &entries, width_px, y_px) + 4;
    }
    for note in &chart.notes {
        y_px = write_text(&mut body, note, &SMALL, width_px, y_px);
    }
    y_px = write_text(&mut body, &chart.source_line, &SMALL, width_px, y_px);
    y_px = write_text(&mut body, crate::APP_NAME, &SMALL, width_px, y_px);
    let height_px = y_px + MARGIN_PX;
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width_px}\" height=\"{height_px}\" viewBox=\"0 0 {width_px} {height_px}\">\
         <title>{}</title><rect width=\"{width_px}\" height=\"{height_px}\" fill=\"{BACKGROUND}\"/>{body}</svg>",
        xml_text(&chart.title)
    );
    Figure {
        svg,
        width_px,
        height_px,
    }
}
