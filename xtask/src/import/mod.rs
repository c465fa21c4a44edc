//! `cargo xtask import-crossings FILE.ods`: reads the Home Office small-boat time series into the dataset's crossings.
//!
//! Sheet SB_01 gives one row per day, SB_02 one row per week. Any layout the importer does not expect
//! (a renamed sheet, a moved or renamed column, a non-numeric cell, a missing day) stops it with a
//! message naming the sheet, row and column, so a changed publication is never half-read.

use std::path::Path;

use calamine::{open_workbook, Data, Ods, Reader};
use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::{json, Value};

use border_security_explorer::data::{DailySeries, SeriesInfo, Status, WeeklySeries};

/// The daily sheet's name and headings, column A onwards.
const DAILY_SHEET: &str = "SB_01";
pub const DAILY_HEADINGS: [&str; 4] = [
    "Date",
    "Migrants arrived",
    "Boats arrived",
    "Boats arrived - involved in uncontrolled landings",
];
/// The weekly sheet's name and headings, column A onwards.
const WEEKLY_SHEET: &str = "SB_02";
pub const WEEKLY_HEADINGS: [&str; 6] = [
    "Week ending",
    "Migrants arrived",
    "Boats arrived",
    "Boats arrived - involved in uncontrolled landings",
    "Migrants prevented",
    "Events prevented",
];
/// The reference copy of the time series the importer's tests check the bundled crossings against.
pub const REFERENCE_SPREADSHEET: &str = "tests/reference/data_small_boats_time_series.ods";

/// The source id the imported series cite (see the dataset's `sources`).
pub const TIME_SERIES_SOURCE_ID: &str = "ho-time-series";

/// The importer's description of each series it writes: the same every time it runs, with the as-of
/// date set to the last day read.
fn time_series_info(series_id: &str, label: &str, note: &str) -> SeriesInfo {
    SeriesInfo {
        series_id: series_id.to_string(),
        label: label.to_string(),
        status: Status::Provisional,
        as_of: NaiveDate::MIN,
        source_ids: vec![TIME_SERIES_SOURCE_ID.to_string()],
        note: Some(note.to_string()),
    }
}

/// Reads both sheets of the spreadsheet at `path`.
pub fn read_time_series(path: &Path) -> Result<(DailySeries, WeeklySeries), String> {
    let mut workbook: Ods<_> = open_workbook(path).map_err(|error| {
        format!(
            "{}: not a readable ODS spreadsheet: {error}",
            path.display()
        )
    })?;
    let daily = read_daily(&sheet_rows(&mut workbook, DAILY_SHEET)?)?;
    let mut weekly = read_weekly(&sheet_rows(&mut workbook, WEEKLY_SHEET)?)?;
    weekly.info.note = Some(weekly_note(&weekly, daily.info.as_of));
    Ok((daily, weekly))
}

/// The cells of one sheet as rows starting at spreadsheet row 1, column A.
fn sheet_rows<R: std::io::Read + std::io::Seek>(
    workbook: &mut Ods<R>,
    sheet: &str,
) -> Result<Vec<Vec<Data>>, String> {
    if !workbook.sheet_names().iter().any(|name| name == sheet) {
        return Err(format!(
            "sheet {sheet}: not found; the spreadsheet has {}",
            workbook.sheet_names().join(", ")
        ));
    }
    let range = workbook
        .worksheet_range(sheet)
        .map_err(|error| format!("sheet {sheet}: could not be read: {error}"))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Data>> = vec![Vec::new(); first_row as usize];
    for row in range.rows() {
        let mut cells = vec![Data::Empty; first_column as usize];
        cells.extend(row.iter().cloned());
        rows.push(cells);
    }
    Ok(rows)
}

/// A place in a sheet, for messages: "sheet SB_01, row 5, column B".
fn place(sheet: &str, row_idx: usize, column_idx: usize) -> String {
    let column_letter = char::from(b'A' + column_idx as u8);
    format!("sheet {sheet}, row {}, column {column_letter}", row_idx + 1)
}

fn cell(row: &[Data], column_idx: usize) -> &Data {
    row.get(column_idx).unwrap_or(&Data::Empty)
}

fn check_headings(sheet: &str, rows: &[Vec<Data>], headings: &[&str]) -> Result<(), String> {
    let header = rows.first().map(Vec::as_slice).unwrap_or(&[]);
    for (column_idx, expected) in headings.iter().enumerate() {
        let found = match cell(header, column_idx) {
            Data::String(text) => text.trim().to_string(),
            Data::Empty => String::new(),
            other => other.to_string(),
        };
        if !found.eq_ignore_ascii_case(expected) {
            return Err(format!(
                "{}: expected the heading {expected:?}, found {found:?}; the publication's layout has changed",
                place(sheet, 0, column_idx)
            ));
        }
    }
    Ok(())
}

fn date_cell(
    sheet: &str,
    row: &[Data],
    row_idx: usize,
    column_idx: usize,
) -> Result<NaiveDate, String> {
    let value = cell(row, column_idx);
    let parsed = match value {
        Data::DateTimeIso(text) => {
            NaiveDate::parse_from_str(text.get(..10).unwrap_or(text), "%Y-%m-%d").ok()
        }
        // A spreadsheet date serial counts days from 30 December 1899.
        Data::DateTime(excel_date) if excel_date.as_f64() >= 1.0 => {
            NaiveDate::from_ymd_opt(1899, 12, 30).and_then(|epoch| {
                epoch.checked_add_days(chrono::Days::new(excel_date.as_f64() as u64))
            })
        }
        Data::String(text) => NaiveDate::parse_from_str(text.trim(), "%d/%m/%Y").ok(),
        _ => None,
    };
    parsed.ok_or_else(|| {
        format!(
            "{}: expected a date, found {value:?}",
            place(sheet, row_idx, column_idx)
        )
    })
}

fn count_cell(sheet: &str, row: &[Data], row_idx: usize, column_idx: usize) -> Result<u32, String> {
    let value = cell(row, column_idx);
    let number = match value {
        Data::Int(number) => Some(*number as f64),
        Data::Float(number) => Some(*number),
        _ => None,
    };
    match number {
        Some(number) if number >= 0.0 && number.fract() == 0.0 && number <= f64::from(u32::MAX) => {
            Ok(number as u32)
        }
        _ => Err(format!(
            "{}: expected a whole number zero or more, found {value:?}",
            place(sheet, row_idx, column_idx)
        )),
    }
}

/// A count where "-" (or an empty cell) means "not recorded".
fn optional_count_cell(
    sheet: &str,
    row: &[Data],
    row_idx: usize,
    column_idx: usize,
) -> Result<Option<u32>, String> {
    match cell(row, column_idx) {
        Data::Empty => Ok(None),
        Data::String(text) if text.trim() == "-" => Ok(None),
        _ => count_cell(sheet, row, row_idx, column_idx).map(Some),
    }
}

/// The data rows: from row 2 until the first row with an empty first cell.
fn data_rows(rows: &[Vec<Data>]) -> impl Iterator<Item = (usize, &Vec<Data>)> {
    rows.iter()
        .enumerate()
        .skip(1)
        .take_while(|(_, row)| !matches!(cell(row, 0), Data::Empty))
}

fn read_daily(rows: &[Vec<Data>]) -> Result<DailySeries, String> {
    check_headings(DAILY_SHEET, rows, &DAILY_HEADINGS)?;
    let mut daily: Option<DailySeries> = None;
    for (row_idx, row) in data_rows(rows) {
        let date = date_cell(DAILY_SHEET, row, row_idx, 0)?;
        let people = count_cell(DAILY_SHEET, row, row_idx, 1)?;
        let boats = count_cell(DAILY_SHEET, row, row_idx, 2)?;
        let uncontrolled = optional_count_cell(DAILY_SHEET, row, row_idx, 3)?;
        let series = daily.get_or_insert_with(|| DailySeries {
            info: time_series_info(
                "ho-daily-provisional",
                "Small-boat arrivals by day (Home Office time series, sheet SB_01)",
                "Provisional operational data, subject to change. A day with no detected arrivals is 0. Boats in uncontrolled landings are null where not recorded.",
            ),
            first_date: date,
            people: Vec::new(),
            boats: Vec::new(),
            uncontrolled_boats: Vec::new(),
        });
        let expected = series.first_date + chrono::Days::new(series.people.len() as u64);
        if date != expected {
            return Err(format!(
                "{}: expected the next day, {expected}, found {date}; days must run in order with none missing",
                place(DAILY_SHEET, row_idx, 0)
            ));
        }
        series.people.push(people);
        series.boats.push(boats);
        series.uncontrolled_boats.push(uncontrolled);
    }
    let mut daily =
        daily.ok_or_else(|| format!("sheet {DAILY_SHEET}: has no data rows under its headings"))?;
    daily.info.as_of = daily.last_date().unwrap_or(daily.first_date);
    Ok(daily)
}

fn read_weekly(rows: &[Vec<Data>]) -> Result<WeeklySeries, String> {
    check_headings(WEEKLY_SHEET, rows, &WEEKLY_HEADINGS)?;
    let mut weekly: Option<WeeklySeries> = None;
    for (row_idx, row) in data_rows(rows) {
        let week_ending = date_cell(WEEKLY_SHEET, row, row_idx, 0)?;
        if week_ending.weekday() != Weekday::Sun {
            return Err(format!(
                "{}: weeks end on a Sunday, but {week_ending} is a {:?}",
                place(WEEKLY_SHEET, row_idx, 0),
                week_ending.weekday()
            ));
        }
        let people = count_cell(WEEKLY_SHEET, row, row_idx, 1)?;
        let boats = count_cell(WEEKLY_SHEET, row, row_idx, 2)?;
        let uncontrolled = optional_count_cell(WEEKLY_SHEET, row, row_idx, 3)?;
        let people_prevented = optional_count_cell(WEEKLY_SHEET, row, row_idx, 4)?;
        let events_prevented = optional_count_cell(WEEKLY_SHEET, row, row_idx, 5)?;
        let series = weekly.get_or_insert_with(|| WeeklySeries {
            info: time_series_info(
                "ho-weekly-provisional",
                "Small-boat arrivals and French preventions by week (Home Office time series, sheet SB_02)",
                "Provisional operational data. Preventions are French operational estimates, null before recording began. Weeks end on Sundays.",
            ),
            first_week_ending: week_ending,
            people: Vec::new(),
            boats: Vec::new(),
            uncontrolled_boats: Vec::new(),
            people_prevented: Vec::new(),
            events_prevented: Vec::new(),
        });
        let expected = series.first_week_ending + chrono::Days::new(7 * series.people.len() as u64);
        if week_ending != expected {
            return Err(format!(
                "{}: expected the next week ending {expected}, found {week_ending}",
                place(WEEKLY_SHEET, row_idx, 0)
            ));
        }
        series.people.push(people);
        series.boats.push(boats);
        series.uncontrolled_boats.push(uncontrolled);
        series.people_prevented.push(people_prevented);
        series.events_prevented.push(events_prevented);
    }
    let mut weekly = weekly
        .ok_or_else(|| format!("sheet {WEEKLY_SHEET}: has no data rows under its headings"))?;
    // The sheet holds whole weeks only: it runs to its last Sunday, whatever day the daily sheet reaches.
    weekly.info.as_of = weekly.week_ending(weekly.people.len() - 1);
    Ok(weekly)
}

/// The weekly series' note: what it is, and where the days after its last week are.
fn weekly_note(weekly: &WeeklySeries, daily_last_day: NaiveDate) -> String {
    let last_week_ending = weekly.info.as_of;
    let after = if daily_last_day > last_week_ending {
        let first_after = last_week_ending + chrono::Days::new(1);
        let first_words = if first_after.year() == daily_last_day.year() {
            border_security_explorer::dates::day_month(first_after)
        } else {
            border_security_explorer::dates::day_month_year(first_after)
        };
        format!(
            " The days after it, {first_words} to {}, are in the daily series only.",
            border_security_explorer::dates::day_month_year(daily_last_day)
        )
    } else {
        String::new()
    };
    format!(
        "Provisional operational data. Preventions are French operational estimates, null before recording began. Weeks end on Sundays; every week is whole, and the last ends on {}.{after}",
        border_security_explorer::dates::day_month_year(last_week_ending)
    )
}

/// The dataset's `crossings.daily` and `crossings.weekly` objects for the series read, each with its
/// own as-of date: the daily sheet's last day, the weekly sheet's last Sunday.
pub fn crossings_json(daily: &DailySeries, weekly: &WeeklySeries) -> (Value, Value) {
    let info_json = |info: &SeriesInfo| {
        json!({
            "id": info.series_id,
            "label": info.label,
            "status": "provisional",
            "as_of": info.as_of.format("%Y-%m-%d").to_string(),
            "source_ids": info.source_ids,
            "note": info.note,
        })
    };
    let mut daily_json = info_json(&daily.info);
    let mut weekly_json = info_json(&weekly.info);
    for (key, value) in [
        (
            "first_date",
            json!(daily.first_date.format("%Y-%m-%d").to_string()),
        ),
        ("people", json!(daily.people)),
        ("boats", json!(daily.boats)),
        ("uncontrolled_boats", json!(daily.uncontrolled_boats)),
    ] {
        daily_json[key] = value;
    }
    for (key, value) in [
        (
            "first_week_ending",
            json!(weekly.first_week_ending.format("%Y-%m-%d").to_string()),
        ),
        ("people", json!(weekly.people)),
        ("boats", json!(weekly.boats)),
        ("uncontrolled_boats", json!(weekly.uncontrolled_boats)),
        ("people_prevented", json!(weekly.people_prevented)),
        ("events_prevented", json!(weekly.events_prevented)),
    ] {
        weekly_json[key] = value;
    }
    (daily_json, weekly_json)
}

/// Replaces the crossings' daily and weekly series in a dataset tree, keeping everything else.
///
/// The dataset's own as-of date moves forward to the new data's last day if that is later.
pub fn update_dataset_tree(
    tree: &mut Value,
    daily: &DailySeries,
    weekly: &WeeklySeries,
) -> Result<(), String> {
    let (daily_json, weekly_json) = crossings_json(daily, weekly);
    let top = tree
        .as_object_mut()
        .ok_or("the dataset file is not a JSON object")?;
    let crossings = top
        .entry("crossings")
        .or_insert_with(|| json!({"monthly": [], "annual": []}))
        .as_object_mut()
        .ok_or("the dataset's crossings is not an object")?;
    crossings.insert("daily".to_string(), daily_json);
    crossings.insert("weekly".to_string(), weekly_json);
    let last_day = daily.info.as_of;
    let dataset_as_of = top
        .get("as_of")
        .and_then(Value::as_str)
        .and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok());
    if dataset_as_of.is_none_or(|as_of| as_of < last_day) {
        top.insert(
            "as_of".to_string(),
            json!(last_day.format("%Y-%m-%d").to_string()),
        );
    }
    Ok(())
}

/// Writes JSON readably: objects one field per line, lists of plain values on one line.
pub fn to_dataset_json_text(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, 0, &mut out);
    out.push('\n');
    out
}

fn write_value(value: &Value, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth + 1);
    let closing_indent = "  ".repeat(depth);
    match value {
        Value::Object(object) if !object.is_empty() => {
            let all_plain = object
                .values()
                .all(|field| !field.is_object() && !field.is_array());
            if all_plain && depth >= 2 {
                // Small records (table rows) stay on one line.
                out.push_str(&serde_json::to_string(value).unwrap_or_default());
                return;
            }
            out.push_str("{\n");
            for (field_idx, (key, field)) in object.iter().enumerate() {
                out.push_str(&indent);
                out.push_str(&serde_json::to_string(key).unwrap_or_default());
                out.push_str(": ");
                write_value(field, depth + 1, out);
                if field_idx + 1 < object.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&closing_indent);
            out.push('}');
        }
        Value::Array(items) if items.iter().any(|item| item.is_object() || item.is_array()) => {
            out.push_str("[\n");
            for (item_idx, item) in items.iter().enumerate() {
                out.push_str(&indent);
                write_value(item, depth + 1, out);
                if item_idx + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&closing_indent);
            out.push(']');
        }
        plain => out.push_str(&serde_json::to_string(plain).unwrap_or_default()),
    }
}

/// "Imported the Home Office small-boat time series. Daily crossings (provisional): 7 days added …": what
/// an import changed, in the app's own sentences (without the as-of line).
pub fn changelog_summary(
    diff: &border_security_explorer::analysis::diff::DatasetDiff,
    before: &border_security_explorer::data::Dataset,
    after: &border_security_explorer::data::Dataset,
) -> String {
    let lines = border_security_explorer::view_model::diff_lines(diff, before, after);
    let mut summary = "Imported the Home Office small-boat time series.".to_string();
    for line in lines.iter().skip(1) {
        summary.push(' ');
        summary.push_str(line);
    }
    summary
}

/// Puts an entry at the top of the dataset's changelog, making the list if the file has none.
pub fn add_changelog_entry(tree: &mut Value, date: &str, summary: &str) {
    let entry = serde_json::json!({"date": date, "summary": summary});
    match tree.get_mut("changelog").and_then(Value::as_array_mut) {
        Some(entries) => entries.insert(0, entry),
        None => {
            if let Some(top) = tree.as_object_mut() {
                top.insert("changelog".to_string(), Value::Array(vec![entry]));
            }
        }
    }
}

/// The task: read the spreadsheet, update the dataset file in place, and check the result.
pub fn import_crossings(spreadsheet: &Path, dataset_path: &Path) -> Result<(), String> {
    let (daily, weekly) = read_time_series(spreadsheet)?;
    let text = std::fs::read_to_string(dataset_path)
        .map_err(|error| format!("reading {}: {error}", dataset_path.display()))?;
    let mut tree: Value = serde_json::from_str(&text)
        .map_err(|error| format!("{}: not valid JSON: {error}", dataset_path.display()))?;
    update_dataset_tree(&mut tree, &daily, &weekly)?;
    let checked =
        |text: &str| crate::check_data::checked_before_writing(text, "the updated dataset");
    let after = checked(&to_dataset_json_text(&tree))?;
    // What the import changes, as the app shows it when a newer file is opened; recorded in the
    // dataset's changelog, newest first, when it changes anything.
    if let Ok(before) = border_security_explorer::data::parse_dataset(text.as_bytes()) {
        crate::check_data::print_changes(&before, &after);
        let diff = border_security_explorer::analysis::diff::diff_datasets(&before, &after);
        if !diff.is_empty() {
            add_changelog_entry(
                &mut tree,
                &crate::dist::today_utc(),
                &changelog_summary(&diff, &before, &after),
            );
        }
    }
    let updated = to_dataset_json_text(&tree);
    checked(&updated)?;
    std::fs::write(dataset_path, updated)
        .map_err(|error| format!("writing {}: {error}", dataset_path.display()))?;
    println!(
        "Imported {} days ({} to {}) and {} weeks into {}.",
        daily.people.len(),
        daily.first_date,
        daily.info.as_of,
        weekly.people.len(),
        dataset_path.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests;
