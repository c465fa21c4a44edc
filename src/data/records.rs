//! Readers for each kind of record: JSON tree in, typed record out, every problem recorded with its path.

use crate::closed_set::ClosedSet;
use chrono::{Datelike, Weekday};
use serde_json::Value;

use super::reader::{choice_from, describe, Fields};
use super::{
    is_safe_https_url, Alternative, AmountBasis, Announcement, AnnualSeries, Crossings,
    DailySeries, DataError, Figure, FigureTime, Funding, FundingRelation, MonthRow, MonthlySeries,
    PartialDate, SeriesInfo, Source, SourceKind, Status, Theme, WeeklySeries, YearRow,
};

/// The most entries a daily or weekly series may hold; with the file-size cap, bounds hostile files
/// while leaving room for synthetic benchmark data a hundred times today's length.
const MAX_SERIES_LENGTH: usize = 1_000_000;

pub(crate) fn source_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<Source> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(
        &[
            "id",
            "title",
            "publisher",
            "published",
            "url",
            "kind",
            "note",
        ],
        errors,
    );
    let source_id = fields.text("id", errors);
    let title = fields.text("title", errors);
    let publisher = fields.text("publisher", errors);
    let published = fields.optional_partial_date("published", errors);
    let url = fields.optional_text("url", errors).and_then(|url| {
        if is_safe_https_url(&url) {
            Some(url)
        } else {
            errors.push(DataError::new(
                &fields.path_of("url"),
                format!(
                    "only https links are allowed, found {}",
                    describe(&Value::String(url))
                ),
            ));
            None
        }
    });
    let kind = fields.choice("kind", SourceKind::NAMES, errors);
    let note = fields.optional_text("note", errors);
    Some(Source {
        source_id: source_id?,
        title: title?,
        publisher: publisher?,
        published,
        url,
        kind: kind?,
        note,
    })
}

pub(crate) fn announcement_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<Announcement> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(
        &[
            "id",
            "date",
            "title",
            "summary",
            "actors",
            "themes",
            "source_ids",
            "alternatives",
            "note",
        ],
        errors,
    );
    let announcement_id = fields.text("id", errors);
    let date = fields.partial_date("date", errors);
    let title = fields.text("title", errors);
    let summary = fields.text("summary", errors);
    let actors = fields.text_list("actors", errors);
    let themes = fields.list("themes", errors, |item, path, errors| {
        choice_from(item, path, Theme::NAMES, errors)
    });
    let source_ids = fields.text_list("source_ids", errors);
    let alternatives = optional_alternatives(&fields, errors);
    let note = fields.optional_text("note", errors);
    Some(Announcement {
        announcement_id: announcement_id?,
        date: date?,
        title: title?,
        summary: summary?,
        actors: actors?,
        themes: themes?,
        source_ids: source_ids?,
        alternatives: alternatives?,
        note,
    })
}

pub(crate) fn funding_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<Funding> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(
        &[
            "id",
            "announced",
            "amount_gbp",
            "amount_basis",
            "amount_is_per_year",
            "for_bsc",
            "recipient",
            "purpose",
            "period",
            "relation",
            "source_ids",
            "alternatives",
            "note",
        ],
        errors,
    );
    let funding_id = fields.text("id", errors);
    let announced = fields.partial_date("announced", errors);
    let amount_gbp = fields.count("amount_gbp", "pounds", errors);
    let amount_basis = fields.choice("amount_basis", AmountBasis::NAMES, errors);
    let amount_is_per_year = fields.flag("amount_is_per_year", errors);
    let for_bsc = fields.flag("for_bsc", errors);
    let recipient = fields.text("recipient", errors);
    let purpose = fields.text("purpose", errors);
    let period = fields.text("period", errors);
    let relation = match fields.raw("relation") {
        Some(relation_value) => {
            funding_relation_from_tree(relation_value, &fields.path_of("relation"), errors)
        }
        None => {
            errors.push(DataError::new(
                &fields.path_of("relation"),
                "is required but missing".to_string(),
            ));
            None
        }
    };
    let source_ids = fields.text_list("source_ids", errors);
    let alternatives = optional_alternatives(&fields, errors);
    let note = fields.optional_text("note", errors);
    Some(Funding {
        funding_id: funding_id?,
        announced: announced?,
        amount_gbp: amount_gbp?,
        amount_basis: amount_basis?,
        amount_is_per_year: amount_is_per_year?,
        for_bsc: for_bsc?,
        recipient: recipient?,
        purpose: purpose?,
        period: period?,
        relation: relation?,
        source_ids: source_ids?,
        alternatives: alternatives?,
        note,
    })
}

fn funding_relation_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<FundingRelation> {
    #[derive(Clone, Copy)]
    enum Kind {
        New,
        Reannouncement,
        PartOf,
        TotalOf,
    }
    let fields = Fields::new(value, path, errors)?;
    let kind = fields.choice(
        "kind",
        &[
            ("new", Kind::New),
            ("reannouncement", Kind::Reannouncement),
            ("part_of", Kind::PartOf),
            ("total_of", Kind::TotalOf),
        ],
        errors,
    )?;
    match kind {
        Kind::New => {
            fields.reject_unknown(&["kind"], errors);
            Some(FundingRelation::New)
        }
        Kind::Reannouncement => {
            fields.reject_unknown(&["kind", "of"], errors);
            Some(FundingRelation::Reannouncement {
                of_funding_id: fields.text("of", errors)?,
            })
        }
        Kind::PartOf => {
            fields.reject_unknown(&["kind", "of"], errors);
            Some(FundingRelation::PartOf {
                of_funding_id: fields.text("of", errors)?,
            })
        }
        Kind::TotalOf => {
            fields.reject_unknown(&["kind", "of"], errors);
            let of_funding_ids = fields.text_list("of", errors)?;
            if of_funding_ids.len() < 2 {
                errors.push(DataError::new(
                    &fields.path_of("of"),
                    "a total must name at least two funding records".to_string(),
                ));
                return None;
            }
            Some(FundingRelation::TotalOf { of_funding_ids })
        }
    }
}

pub(crate) fn figure_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<Figure> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(
        &[
            "id",
            "metric",
            "label",
            "value",
            "unit",
            "value_basis",
            "date",
            "period",
            "source_ids",
            "alternatives",
            "note",
        ],
        errors,
    );
    let figure_id = fields.text("id", errors);
    let metric = fields.text("metric", errors);
    let label = fields.text("label", errors);
    let unit = fields.text("unit", errors);
    let value = match fields.raw("value") {
        Some(Value::Number(number)) => match number.as_f64() {
            Some(value) if value.is_finite() && value >= 0.0 => Some(value),
            _ => {
                errors.push(DataError::new(
                    &fields.path_of("value"),
                    format!("expected a number zero or more, found {number}"),
                ));
                None
            }
        },
        Some(other) => {
            errors.push(DataError::new(
                &fields.path_of("value"),
                format!("expected a number, found {}", describe(other)),
            ));
            None
        }
        None => {
            errors.push(DataError::new(
                &fields.path_of("value"),
                "is required but missing".to_string(),
            ));
            None
        }
    };
    if let (Some(value), Some(unit)) = (value, unit.as_deref()) {
        if unit == "GBP" && value.fract() != 0.0 {
            errors.push(DataError::new(
                &fields.path_of("value"),
                format!("expected a whole number of pounds, found {value}"),
            ));
        }
    }
    let value_basis = fields.choice("value_basis", AmountBasis::NAMES, errors);
    let time = match (fields.raw("date"), fields.raw("period")) {
        (Some(_), None) => fields.partial_date("date", errors).map(FigureTime::On),
        (None, Some(period)) => period_from_tree(period, &fields.path_of("period"), errors),
        (Some(_), Some(_)) => {
            errors.push(DataError::new(
                path,
                "give either a date or a period, not both".to_string(),
            ));
            None
        }
        (None, None) => {
            errors.push(DataError::new(path, "needs a date or a period".to_string()));
            None
        }
    };
    let source_ids = fields.text_list("source_ids", errors);
    let alternatives = optional_alternatives(&fields, errors);
    let note = fields.optional_text("note", errors);
    Some(Figure {
        figure_id: figure_id?,
        metric: metric?,
        label: label?,
        value: value?,
        unit: unit?,
        value_basis: value_basis?,
        time: time?,
        source_ids: source_ids?,
        alternatives: alternatives?,
        note,
    })
}

/// Reads a period written `FROM/TO`, each a date of year, month or day precision.
fn period_from_tree(value: &Value, path: &str, errors: &mut Vec<DataError>) -> Option<FigureTime> {
    let parsed = value.as_str().and_then(|text| {
        let (from_text, to_text) = text.split_once('/')?;
        Some((PartialDate::parse(from_text)?, PartialDate::parse(to_text)?))
    });
    match parsed {
        Some((from, to)) if from.first_day <= to.last_day() => Some(FigureTime::Between(from, to)),
        Some(_) => {
            errors.push(DataError::new(
                path,
                format!("the period ends before it starts: {}", describe(value)),
            ));
            None
        }
        None => {
            errors.push(DataError::new(
                path,
                format!(
                    "expected a period written FROM/TO (for example 2024-05/2025-04), found {}",
                    describe(value)
                ),
            ));
            None
        }
    }
}

fn optional_alternatives(fields: &Fields, errors: &mut Vec<DataError>) -> Option<Vec<Alternative>> {
    if fields.raw("alternatives").is_none() {
        return Some(Vec::new());
    }
    fields.list("alternatives", errors, |item, path, errors| {
        let alternative = Fields::new(item, path, errors)?;
        alternative.reject_unknown(&["value", "source_ids", "note"], errors);
        let value = match alternative.raw("value") {
            Some(Value::Number(number)) => Some(super::reader::number_text(number)),
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.trim().to_string()),
            Some(other) => {
                errors.push(DataError::new(
                    &alternative.path_of("value"),
                    format!("expected a number or text, found {}", describe(other)),
                ));
                None
            }
            None => {
                errors.push(DataError::new(
                    &alternative.path_of("value"),
                    "is required but missing".to_string(),
                ));
                None
            }
        };
        let source_ids = alternative.text_list("source_ids", errors);
        let note = alternative.optional_text("note", errors);
        Some(Alternative {
            value: value?,
            source_ids: source_ids?,
            note,
        })
    })
}

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
        row.reject_unknown(&["month", "people", "boats"], errors);
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
        Some(MonthRow {
            month: month?,
            people: people?,
            boats: boats?,
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

/// The first day of the month after the one `month` starts.
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
        row.reject_unknown(&["year", "people", "boats"], errors);
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
        Some(YearRow {
            year: year?,
            people: people?,
            boats: boats?,
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
