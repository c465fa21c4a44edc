//! Readers for the crossings series: daily, weekly, monthly and annual, each checked for length, order and dates.

use crate::closed_set::ClosedSet;
use chrono::{Datelike, Weekday};
use serde_json::Value;

use super::reader::{describe, Fields};
use super::records::MAX_SERIES_LENGTH;
use super::{
    AnnualSeries, Crossings, DailySeries, DataError, MonthRow, MonthlySeries, RowAlternative,
    SeriesInfo, Status, WeeklySeries, YearRow,
};

pub(crate) fn crossings_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<Crossings> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(&["daily", "weekly", "monthly", "annual"], errors);
    let daily = required_object(&fields, "daily", errors)
        .and_then(|daily| daily_from_tree(daily, &fields.path_of("daily"), errors));
    let weekly = required_object(&fields, "weekly", errors)
        .and_then(|weekly| weekly_from_tree(weekly, &fields.path_of("weekly"), errors));
    let monthly = fields.list("monthly", errors, monthly_from_tree);
    let annual = fields.list("annual", errors, annual_from_tree);
    Some(Crossings {
        daily: daily?,
        weekly: weekly?,
        monthly: monthly?,
        annual: annual?,
    })
}

fn required_object<'a>(
    fields: &Fields<'a>,
    field: &str,
    errors: &mut Vec<DataError>,
) -> Option<&'a Value> {
    let value = fields.raw(field);
    if value.is_none() {
        errors.push(DataError::new(
            &fields.path_of(field),
            "is required but missing".to_string(),
        ));
    }
    value
}

const SERIES_INFO_FIELDS: [&str; 6] = ["id", "label", "status", "as_of", "source_ids", "note"];

fn series_info_from_fields(fields: &Fields, errors: &mut Vec<DataError>) -> Option<SeriesInfo> {
    let series_id = fields.text("id", errors);
    let label = fields.text("label", errors);
    let status = fields.choice("status", Status::NAMES, errors);
    let as_of = fields.date("as_of", errors);
    let source_ids = fields.text_list("source_ids", errors);
    let note = fields.optional_text("note", errors);
    Some(SeriesInfo {
        series_id: series_id?,
        label: label?,
        status: status?,
        as_of: as_of?,
        source_ids: source_ids?,
        note,
    })
}

fn with_info_fields(extra: &[&'static str]) -> Vec<&'static str> {
    SERIES_INFO_FIELDS.iter().chain(extra).copied().collect()
}

/// Reads a list of counts; `nullable` allows `null` for "not recorded".
fn counts_from_tree(
    fields: &Fields,
    field: &str,
    nullable: bool,
    errors: &mut Vec<DataError>,
) -> Option<Vec<Option<u32>>> {
    let path = fields.path_of(field);
    let Some(value) = fields.raw(field) else {
        errors.push(DataError::new(&path, "is required but missing".to_string()));
        return None;
    };
    let Some(items) = value.as_array() else {
        errors.push(DataError::new(
            &path,
            format!("expected a list, found {}", describe(value)),
        ));
        return None;
    };
    if items.len() > MAX_SERIES_LENGTH {
        errors.push(DataError::new(
            &path,
            format!(
                "has {} entries, more than the {MAX_SERIES_LENGTH} allowed",
                items.len()
            ),
        ));
        return None;
    }
    let mut counts = Vec::with_capacity(items.len());
    let mut all_good = true;
    for (item_idx, item) in items.iter().enumerate() {
        match item {
            Value::Null if nullable => counts.push(None),
            _ => match item.as_u64().and_then(|count| u32::try_from(count).ok()) {
                Some(count) => counts.push(Some(count)),
                None => {
                    all_good = false;
                    // One error per list is enough to find the problem; a thousand would bury it.
                    if errors.len() < 200 {
                        let expected = if nullable {
                            "a whole number zero or more, or null where not recorded"
                        } else {
                            "a whole number zero or more"
                        };
                        errors.push(DataError::new(
                            &format!("{path}[{item_idx}]"),
                            format!("expected {expected}, found {}", describe(item)),
                        ));
                    }
                }
            },
        }
    }
    all_good.then_some(counts)
}

fn required_counts(fields: &Fields, field: &str, errors: &mut Vec<DataError>) -> Option<Vec<u32>> {
    counts_from_tree(fields, field, false, errors)
        .map(|counts| counts.into_iter().flatten().collect())
}

fn check_lengths(
    path: &str,
    lengths: &[(&str, Option<usize>)],
    errors: &mut Vec<DataError>,
) -> bool {
    let known: Vec<(&str, usize)> = lengths
        .iter()
        .filter_map(|(name, len)| len.map(|len| (*name, len)))
        .collect();
    let Some((first_name, first_len)) = known.first().copied() else {
        return false;
    };
    let mut same = known.len() == lengths.len();
    for (name, len) in &known[1..] {
        if *len != first_len {
            same = false;
            errors.push(DataError::new(
                &format!("{path}.{name}"),
                format!("has {len} entries but {first_name} has {first_len}; every list must have one entry per period"),
            ));
        }
    }
    same
}

fn daily_from_tree(value: &Value, path: &str, errors: &mut Vec<DataError>) -> Option<DailySeries> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(
        &with_info_fields(&["first_date", "people", "boats", "uncontrolled_boats"]),
        errors,
    );
    let info = series_info_from_fields(&fields, errors);
    let first_date = fields.date("first_date", errors);
    let people = required_counts(&fields, "people", errors);
    let boats = required_counts(&fields, "boats", errors);
    let uncontrolled_boats = counts_from_tree(&fields, "uncontrolled_boats", true, errors);
    let same_lengths = check_lengths(
        path,
        &[
            ("people", people.as_ref().map(Vec::len)),
            ("boats", boats.as_ref().map(Vec::len)),
            (
                "uncontrolled_boats",
                uncontrolled_boats.as_ref().map(Vec::len),
            ),
        ],
        errors,
    );
    if !same_lengths {
        return None;
    }
    Some(DailySeries {
        info: info?,
        first_date: first_date?,
        people: people?,
        boats: boats?,
        uncontrolled_boats: uncontrolled_boats?,
    })
}

fn weekly_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<WeeklySeries> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(
        &with_info_fields(&[
            "first_week_ending",
            "people",
            "boats",
            "uncontrolled_boats",
            "people_prevented",
            "events_prevented",
        ]),
        errors,
    );
    let info = series_info_from_fields(&fields, errors);
    let first_week_ending = fields.date("first_week_ending", errors).and_then(|date| {
        if date.weekday() == Weekday::Sun {
            Some(date)
        } else {
            errors.push(DataError::new(
                &fields.path_of("first_week_ending"),
                format!(
                    "weeks end on a Sunday, but {date} is a {:?}",
                    date.weekday()
                ),
            ));
            None
        }
    });
    let people = required_counts(&fields, "people", errors);
    let boats = required_counts(&fields, "boats", errors);
    let uncontrolled_boats = counts_from_tree(&fields, "uncontrolled_boats", true, errors);
    let people_prevented = counts_from_tree(&fields, "people_prevented", true, errors);
    let events_prevented = counts_from_tree(&fields, "events_prevented", true, errors);
    let same_lengths = check_lengths(
        path,
        &[
            ("people", people.as_ref().map(Vec::len)),
            ("boats", boats.as_ref().map(Vec::len)),
            (
                "uncontrolled_boats",
                uncontrolled_boats.as_ref().map(Vec::len),
            ),
            ("people_prevented", people_prevented.as_ref().map(Vec::len)),
            ("events_prevented", events_prevented.as_ref().map(Vec::len)),
        ],
        errors,
    );
    if !same_lengths {
        return None;
    }
    Some(WeeklySeries {
        info: info?,
        first_week_ending: first_week_ending?,
        people: people?,
        boats: boats?,
        uncontrolled_boats: uncontrolled_boats?,
        people_prevented: people_prevented?,
        events_prevented: events_prevented?,
    })
}

fn u32_field(fields: &Fields, field: &str, what: &str, errors: &mut Vec<DataError>) -> Option<u32> {
    let count = fields.count(field, what, errors)?;
    match u32::try_from(count) {
        Ok(count) => Some(count),
        Err(_) => {
            errors.push(DataError::new(
                &fields.path_of(field),
                format!("{count} is too large"),
            ));
            None
        }
    }
}

/// A row's optional `alternatives`: other sources' people, boats or both for the same period.
fn row_alternatives(row: &Fields, errors: &mut Vec<DataError>) -> Option<Vec<RowAlternative>> {
    if row.raw("alternatives").is_none() {
        return Some(Vec::new());
    }
    row.list("alternatives", errors, |item, path, errors| {
        let alternative = Fields::new(item, path, errors)?;
        alternative.reject_unknown(&["people", "boats", "source_ids", "note"], errors);
        let optional_count = |field: &str, errors: &mut Vec<DataError>| match alternative.raw(field)
        {
            None => Some(None),
            Some(_) => u32_field(&alternative, field, field, errors).map(Some),
        };
        let people = optional_count("people", errors);
        let boats = optional_count("boats", errors);
        if alternative.raw("people").is_none() && alternative.raw("boats").is_none() {
            errors.push(DataError::new(
                path,
                "gives neither people nor boats: an alternative needs at least one".to_string(),
            ));
            return None;
        }
        let source_ids = alternative.text_list("source_ids", errors);
        let note = alternative.optional_text("note", errors);
        Some(RowAlternative {
            people: people?,
            boats: boats?,
            source_ids: source_ids?,
            note,
        })
    })
}

fn monthly_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<MonthlySeries> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(&with_info_fields(&["rows"]), errors);
    let info = series_info_from_fields(&fields, errors);
    let rows = fields.list("rows", errors, |row_value, row_path, errors| {
        let row = Fields::new(row_value, row_path, errors)?;
        row.reject_unknown(&["month", "people", "boats", "alternatives"], errors);
        let month = row.partial_date("month", errors).and_then(|month| {
            if month.precision == super::DatePrecision::Month {
                Some(month.first_day)
            } else {
                errors.push(DataError::new(
                    &row.path_of("month"),
                    format!("expected a month written YYYY-MM, found {:?}", month.iso()),
                ));
                None
            }
        });
        let people = u32_field(&row, "people", "people", errors);
        let boats = u32_field(&row, "boats", "boats", errors);
        let alternatives = row_alternatives(&row, errors);
        Some(MonthRow {
            month: month?,
            people: people?,
            boats: boats?,
            alternatives: alternatives?,
        })
    });
    let rows = rows?;
    for (row_idx, pair) in rows.windows(2).enumerate() {
        let expected_next = crate::calendar::next_month_start(pair[0].month);
        if Some(pair[1].month) != expected_next {
            errors.push(DataError::new(
                &format!("{path}.rows[{}].month", row_idx + 1),
                format!(
                    "months must run in order with no gaps: {} follows {}",
                    crate::dates::iso_month(pair[1].month),
                    crate::dates::iso_month(pair[0].month)
                ),
            ));
        }
    }
    Some(MonthlySeries { info: info?, rows })
}

fn annual_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<AnnualSeries> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(&with_info_fields(&["rows"]), errors);
    let info = series_info_from_fields(&fields, errors);
    let rows = fields.list("rows", errors, |row_value, row_path, errors| {
        let row = Fields::new(row_value, row_path, errors)?;
        row.reject_unknown(&["year", "people", "boats", "alternatives"], errors);
        let year = row.count("year", "years", errors).and_then(|year| {
            if (1900..=2200).contains(&year) {
                i32::try_from(year).ok()
            } else {
                errors.push(DataError::new(
                    &row.path_of("year"),
                    format!("{year} is not a plausible year"),
                ));
                None
            }
        });
        let people = u32_field(&row, "people", "people", errors);
        let boats = u32_field(&row, "boats", "boats", errors);
        let alternatives = row_alternatives(&row, errors);
        Some(YearRow {
            year: year?,
            people: people?,
            boats: boats?,
            alternatives: alternatives?,
        })
    });
    let rows = rows?;
    for (row_idx, pair) in rows.windows(2).enumerate() {
        if pair[1].year != pair[0].year + 1 {
            errors.push(DataError::new(
                &format!("{path}.rows[{}].year", row_idx + 1),
                format!(
                    "years must run in order with no gaps: {} follows {}",
                    pair[1].year, pair[0].year
                ),
            ));
        }
    }
    Some(AnnualSeries { info: info?, rows })
}
