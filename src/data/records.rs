//! Readers for each kind of record: JSON tree in, typed record out, every problem recorded with its path.

use crate::closed_set::ClosedSet;
use serde_json::Value;

use super::reader::{choice_from, describe, Fields};
use super::{
    is_safe_https_url, Alternative, AmountBasis, Announcement, ChangelogEntry, DataError, Figure,
    FigureTime, Funding, FundingRelation, PartialDate, Source, SourceKind, Theme,
};

/// The most entries a daily or weekly series may hold; with the file-size cap, bounds hostile files
/// while leaving room for synthetic benchmark data a hundred times today's length.
pub(super) const MAX_SERIES_LENGTH: usize = 1_000_000;

pub(crate) fn changelog_entry_from_tree(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<ChangelogEntry> {
    let fields = Fields::new(value, path, errors)?;
    fields.reject_unknown(&["date", "summary"], errors);
    let date = fields.date("date", errors);
    let summary = fields.text("summary", errors);
    Some(ChangelogEntry {
        date: date?,
        summary: summary?,
    })
}

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
            "via",
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
    let via = fields.optional_text("via", errors);
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
        via,
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
    let value = figure_value(&fields, unit.as_deref(), errors);
    let value_basis = fields.choice("value_basis", AmountBasis::NAMES, errors);
    let time = figure_time(&fields, path, errors);
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
/// A figure's value: a number zero or more, and whole where the unit is pounds.
fn figure_value(fields: &Fields, unit: Option<&str>, errors: &mut Vec<DataError>) -> Option<f64> {
    let path = fields.path_of("value");
    let value = match fields.raw("value") {
        Some(Value::Number(number)) => match number.as_f64() {
            Some(value) if value.is_finite() && value >= 0.0 => value,
            _ => {
                errors.push(DataError::new(
                    &path,
                    format!("expected a number zero or more, found {number}"),
                ));
                return None;
            }
        },
        Some(other) => {
            errors.push(DataError::new(
                &path,
                format!("expected a number, found {}", describe(other)),
            ));
            return None;
        }
        None => {
            errors.push(DataError::new(&path, "is required but missing".to_string()));
            return None;
        }
    };
    if unit == Some("GBP") && value.fract() != 0.0 {
        errors.push(DataError::new(
            &path,
            format!("expected a whole number of pounds, found {value}"),
        ));
    }
    Some(value)
}

/// When a figure holds: a date or a period, never both.
fn figure_time(fields: &Fields, path: &str, errors: &mut Vec<DataError>) -> Option<FigureTime> {
    match (fields.raw("date"), fields.raw("period")) {
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
    }
}

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
        let value = value?;
        Some(Alternative {
            number: serde_json::from_str::<f64>(&value).ok(),
            value,
            source_ids: source_ids?,
            note,
        })
    })
}
