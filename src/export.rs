//! Tables behind charts: cells with shown text, CSV text and sort key; sorting; CSV export with a source and citation footer.

use std::cmp::Ordering;

/// One column of a data table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The heading, with its unit.
    pub heading: String,
    /// Numbers are right-aligned and sort numerically.
    pub is_numeric: bool,
    /// False for a column only the CSV has: the ISO dates, numeric year and days covered an analyst's
    /// tools read, beside the label in words that the page shows.
    pub on_screen: bool,
}

impl Column {
    /// A column shown on the page and written to CSV.
    pub fn shown(heading: impl Into<String>, is_numeric: bool) -> Column {
        Column {
            heading: heading.into(),
            is_numeric,
            on_screen: true,
        }
    }

    /// A column written to CSV only (`date`, `period_start`, `year`, `days_covered`, `partial`).
    pub fn csv_only(heading: impl Into<String>) -> Column {
        Column {
            heading: heading.into(),
            is_numeric: false,
            on_screen: false,
        }
    }
}

/// One cell: what is shown, and how it sorts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The text shown (numbers with thousands separators; "no data" where missing).
    pub shown: String,
    /// The plain value written to CSV (no separators; empty where missing).
    pub csv: String,
    /// The sort key.
    pub sort_key: SortKey,
}

/// How a cell sorts: missing values always last.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    Number(f64),
    Text(String),
    Missing,
}

impl Cell {
    /// A text cell.
    pub fn text(text: &str) -> Cell {
        Cell {
            shown: text.to_string(),
            csv: text.to_string(),
            sort_key: SortKey::Text(text.to_lowercase()),
        }
    }

    /// A text cell that sorts by a different key (a date shown in words, sorted by ISO date).
    pub fn text_sorted_by(text: &str, sort_text: &str) -> Cell {
        Cell {
            shown: text.to_string(),
            csv: text.to_string(),
            sort_key: SortKey::Text(sort_text.to_string()),
        }
    }

    /// A calendar year: shown and written as "2024" (no thousands separator), sorted as a number.
    pub fn year(year: i32) -> Cell {
        Cell {
            shown: year.to_string(),
            csv: year.to_string(),
            sort_key: SortKey::Number(f64::from(year)),
        }
    }

    /// A cell with no value, saying why ("not yet published"); empty in CSV, sorted last.
    pub fn missing(shown: &str) -> Cell {
        Cell {
            shown: shown.to_string(),
            csv: String::new(),
            sort_key: SortKey::Missing,
        }
    }

    /// A number cell with `decimals` decimals at most; `None` is shown as missing.
    pub fn number(value: Option<f64>, decimals: usize) -> Cell {
        match value {
            Some(value) => Cell {
                shown: crate::text::format_number(value, decimals),
                csv: crate::text::plain_number(value, decimals),
                sort_key: SortKey::Number(value),
            },
            None => Cell {
                shown: "no data".to_string(),
                csv: String::new(),
                sort_key: SortKey::Missing,
            },
        }
    }
}

/// A table: the accessible alternative to a chart, and what its CSV holds.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    /// What the table shows (used as its caption).
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl DataTable {
    /// Each row's cells in the columns the page shows, in order.
    pub fn on_screen_rows(&self) -> Vec<Vec<&Cell>> {
        let columns = self.on_screen_columns();
        self.rows
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .filter_map(|&column_idx| row.get(column_idx))
                    .collect()
            })
            .collect()
    }

    /// The positions of the columns the page shows (the CSV has every column); the first is the row's
    /// heading.
    pub fn on_screen_columns(&self) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|&column_idx| self.columns[column_idx].on_screen)
            .collect()
    }

    /// The rows sorted by one column, missing values last in either direction.
    pub fn sorted(&self, column_idx: usize, ascending: bool) -> Vec<Vec<Cell>> {
        self.sorted_order(column_idx, ascending)
            .into_iter()
            .map(|row_idx| self.rows[row_idx].clone())
            .collect()
    }

    /// The row indices in the order `sorted` gives, for showing something kept beside each row.
    pub fn sorted_order(&self, column_idx: usize, ascending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        crate::sorting::sort_by(&mut order, |&left_idx, &right_idx| {
            let (Some(left), Some(right)) = (
                self.rows[left_idx].get(column_idx),
                self.rows[right_idx].get(column_idx),
            ) else {
                return Ordering::Equal;
            };
            match (&left.sort_key, &right.sort_key) {
                (SortKey::Missing, SortKey::Missing) => Ordering::Equal,
                (SortKey::Missing, _) => Ordering::Greater,
                (_, SortKey::Missing) => Ordering::Less,
                (SortKey::Number(a), SortKey::Number(b)) => {
                    let order = a.partial_cmp(b).unwrap_or(Ordering::Equal);
                    if ascending {
                        order
                    } else {
                        order.reverse()
                    }
                }
                (a, b) => {
                    let order = sort_text(a).cmp(sort_text(b));
                    if ascending {
                        order
                    } else {
                        order.reverse()
                    }
                }
            }
        });
        order
    }
}

fn sort_text(key: &SortKey) -> &str {
    match key {
        SortKey::Text(text) => text,
        _ => "",
    }
}

/// The byte-order mark a CSV starts with, so spreadsheets read it as UTF-8 ("£", curly quotes).
pub const UTF8_BOM: char = '\u{feff}';

/// What starts a line of notes under a CSV's data: a "#" cell, then the note as one quoted cell. pandas
/// (`comment="#"`) and R (`comment.char = "#"`) skip the line, so the data rows stay clean; a spreadsheet
/// shows "#" and the note beside it, and never splits the note at its commas into cells it might run
/// as formulas.
pub const CSV_NOTE_PREFIX: &str = "#,";

/// The table as CSV (RFC 4180 quoting, CRLF line ends) after a UTF-8 byte-order mark: a header row, the
/// data rows, then each footer line (the source and a citation) as a note line: `#,"Source: …"`,
/// quoted and defused as a data cell is.
pub fn to_csv(table: &DataTable, footer_lines: &[String]) -> String {
    let mut csv = String::from(UTF8_BOM);
    let heading_cells: Vec<String> = table
        .columns
        .iter()
        .map(|column| csv_field(&column.heading))
        .collect();
    csv.push_str(&heading_cells.join(","));
    csv.push_str("\r\n");
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|cell| csv_field(&cell.csv)).collect();
        csv.push_str(&cells.join(","));
        csv.push_str("\r\n");
    }
    for line in footer_lines {
        // A note is one line: any line break in it becomes a space.
        let one_line: String = line
            .chars()
            .map(|character| {
                if matches!(character, '\r' | '\n') {
                    ' '
                } else {
                    character
                }
            })
            .collect();
        csv.push_str(CSV_NOTE_PREFIX);
        csv.push_str(&quoted_field(&defused(&one_line)));
        csv.push_str("\r\n");
    }
    csv
}

/// The characters a spreadsheet may read as the start of a formula when a cell begins with them.
const FORMULA_LEADS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Quotes a CSV field when it needs it (a comma, quote, line break, or the note mark "#"), and defuses
/// text a spreadsheet would run as a formula by putting an apostrophe before it; a plain signed number
/// such as "-12" is left as it is.
fn csv_field(text: &str) -> String {
    let defused = defused(text);
    if defused.contains([',', '"', '\n', '\r', '#']) {
        quoted_field(&defused)
    } else {
        defused
    }
}

/// The text with an apostrophe before it when a spreadsheet would run it as a formula.
fn defused(text: &str) -> String {
    if text.starts_with(FORMULA_LEADS) && !is_signed_decimal(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The text as one quoted CSV field, its quotes doubled.
fn quoted_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// "-12", "+3.5", "-0.25": a sign, digits, and at most one decimal point with digits either side. (A
/// strict shape rather than `str::parse::<f64>`, which would let "-inf" through and add the standard
/// library's float reader and its tables to the browser build.)
fn is_signed_decimal(text: &str) -> bool {
    let all_digits =
        |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    match unsigned.split_once('.') {
        Some((whole, fraction)) => all_digits(whole) && all_digits(fraction),
        None => all_digits(unsigned),
    }
}

/// A file name for a download: lower-case words joined by hyphens.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for character in title.chars() {
        if character.is_ascii_alphanumeric() {
            stem.push(character.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    stem.trim_end_matches('-').chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> DataTable {
        DataTable {
            caption: "Arrivals".to_string(),
            columns: vec![Column::shown("Month", false), Column::shown("People", true)],
            rows: vec![
                vec![
                    Cell::text_sorted_by("January 2024", "2024-01"),
                    Cell::number(Some(358.0), 0),
                ],
                vec![
                    Cell::text_sorted_by("February 2024", "2024-02"),
                    Cell::number(None, 0),
                ],
                vec![
                    Cell::text_sorted_by("March 2024", "2024-03"),
                    Cell::number(Some(12_345.0), 0),
                ],
            ],
        }
    }

    #[test]
    fn sorting_keeps_missing_values_last() {
        let descending = table().sorted(1, false);
        let shown: Vec<&str> = descending.iter().map(|row| row[1].shown.as_str()).collect();
        assert_eq!(shown, vec!["12,345", "358", "no data"]);
        let ascending = table().sorted(1, true);
        let shown: Vec<&str> = ascending.iter().map(|row| row[1].shown.as_str()).collect();
        assert_eq!(shown, vec!["358", "12,345", "no data"]);
        let by_month = table().sorted(0, false);
        assert_eq!(by_month[0][0].shown, "March 2024");
    }

    #[test]
    fn csv_has_a_byte_order_mark_a_header_rows_and_source_notes() {
        let csv = to_csv(
            &table(),
            &[
                "Source: Home Office, \"time series\"".to_string(),
                "Cite as: a title\nover two lines".to_string(),
            ],
        );
        assert_eq!(
            csv,
            "\u{feff}Month,People\r\nJanuary 2024,358\r\nFebruary 2024,\r\nMarch 2024,12345\r\n#,\"Source: Home Office, \"\"time series\"\"\"\r\n#,\"Cite as: a title over two lines\"\r\n"
        );
        // Every line that is not a note has as many fields as the header.
        for line in csv
            .trim_start_matches(UTF8_BOM)
            .lines()
            .filter(|line| !line.starts_with('#'))
        {
            assert_eq!(line.matches(',').count(), 1, "{line}");
        }
    }

    #[test]
    fn a_field_with_the_note_mark_is_quoted_so_readers_keep_it() {
        assert_eq!(csv_field("#1 priority"), "\"#1 priority\"");
        assert_eq!(csv_field("Week 3 (#2)"), "\"Week 3 (#2)\"");
    }

    #[test]
    fn csv_defuses_formulas_but_not_negative_numbers() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-5"), "-5");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\t=1+1"), "'\t=1+1");
        assert_eq!(csv_field("\r=1+1"), "\"'\r=1+1\"");
        assert_eq!(csv_field("+44 20 7035 4848"), "'+44 20 7035 4848");
        assert_eq!(csv_field("+3.5"), "+3.5");
        assert_eq!(csv_field("-0.25"), "-0.25");
        for formula_like in ["-inf", "+NaN", "-1e5", "-.5", "-5.", "-", "+1+1", "-2-3"] {
            assert_eq!(
                csv_field(formula_like),
                format!("'{formula_like}"),
                "{formula_like}"
            );
        }
    }

    #[test]
    fn file_stems_are_plain() {
        assert_eq!(
            file_stem("People crossing by month, 2018–2026"),
            "people-crossing-by-month-2018-2026"
        );
    }
}
