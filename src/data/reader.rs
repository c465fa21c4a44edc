//! A checked reader over a JSON tree that records every problem with its path instead of stopping at the first.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{DataError, PartialDate};

/// Reads the fields of one JSON object, pushing an error for each field that is missing or wrong.
///
/// Every getter returns `None` when the field is unusable; the error has then already been recorded,
/// so callers only decide what a missing value means for the record as a whole.
pub(crate) struct Fields<'a> {
    object: &'a Map<String, Value>,
    path: String,
}

/// Describes a JSON value for an error message, shortened so hostile input cannot flood the report.
pub(crate) fn describe(value: &Value) -> String {
    let text = match value {
        Value::Null => return "null".to_string(),
        Value::Bool(flag) => return flag.to_string(),
        Value::Number(number) => number_text(number),
        Value::String(text) => format!("{text:?}"),
        Value::Array(items) => return format!("a list of {} items", items.len()),
        Value::Object(_) => return "an object".to_string(),
    };
    shorten(&text, 60)
}

/// A JSON number as text: whole numbers as written, others through the standard library's float
/// formatting (serde_json's own float printer would add its tables to the browser build).
pub(crate) fn number_text(number: &serde_json::Number) -> String {
    if let Some(whole) = number.as_i64() {
        whole.to_string()
    } else if let Some(whole) = number.as_u64() {
        whole.to_string()
    } else {
        number.as_f64().unwrap_or(f64::NAN).to_string()
    }
}

/// Cuts text to at most `max_chars` characters, marking the cut, with any control or direction
/// character written out (`\u{1b}`), so a message quoting a file never carries them.
pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    let text = crate::text::escape_control_characters(text);
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max_chars).collect();
        cut.push('…');
        cut
    }
}

impl<'a> Fields<'a> {
    /// Starts reading `value` as an object at `path`; records an error and returns `None` if it is not one.
    pub(crate) fn new(value: &'a Value, path: &str, errors: &mut Vec<DataError>) -> Option<Self> {
        match value.as_object() {
            Some(object) => Some(Fields {
                object,
                path: path.to_string(),
            }),
            None => {
                errors.push(DataError::new(
                    path,
                    format!("expected an object, found {}", describe(value)),
                ));
                None
            }
        }
    }

    /// The path of a field of this object, for error messages.
    pub(crate) fn path_of(&self, field: &str) -> String {
        if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        }
    }

    /// Records an error for every field not in `known`, so typos in field names are caught.
    pub(crate) fn reject_unknown(&self, known: &[&str], errors: &mut Vec<DataError>) {
        for key in self.object.keys() {
            if !known.contains(&key.as_str()) {
                errors.push(DataError::new(
                    &self.path_of(&shorten(key, 40)),
                    "unknown field (check the spelling against docs/DATA.md)".to_string(),
                ));
            }
        }
    }

    /// The raw value of a field, or `None` when it is absent or null.
    pub(crate) fn raw(&self, field: &str) -> Option<&'a Value> {
        match self.object.get(field) {
            None | Some(Value::Null) => None,
            Some(value) => Some(value),
        }
    }

    fn required(&self, field: &str, errors: &mut Vec<DataError>) -> Option<&'a Value> {
        let value = self.raw(field);
        if value.is_none() {
            errors.push(DataError::new(
                &self.path_of(field),
                "is required but missing".to_string(),
            ));
        }
        value
    }

    /// A required, non-empty string, trimmed.
    pub(crate) fn text(&self, field: &str, errors: &mut Vec<DataError>) -> Option<String> {
        let value = self.required(field, errors)?;
        self.text_from(field, value, errors)
    }

    /// An optional string: absent or null is `None`; present but not a non-empty string is an error.
    pub(crate) fn optional_text(&self, field: &str, errors: &mut Vec<DataError>) -> Option<String> {
        let value = self.raw(field)?;
        self.text_from(field, value, errors)
    }

    fn text_from(&self, field: &str, value: &Value, errors: &mut Vec<DataError>) -> Option<String> {
        match value.as_str().map(crate::text::without_control_characters) {
            Some(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
            Some(_) => {
                errors.push(DataError::new(
                    &self.path_of(field),
                    "must not be empty".to_string(),
                ));
                None
            }
            None => {
                errors.push(DataError::new(
                    &self.path_of(field),
                    format!("expected text, found {}", describe(value)),
                ));
                None
            }
        }
    }

    /// A required whole number that is zero or more.
    pub(crate) fn count(
        &self,
        field: &str,
        what: &str,
        errors: &mut Vec<DataError>,
    ) -> Option<u64> {
        let value = self.required(field, errors)?;
        count_from(value, &self.path_of(field), what, errors)
    }

    /// A required full calendar date (`YYYY-MM-DD`).
    pub(crate) fn date(&self, field: &str, errors: &mut Vec<DataError>) -> Option<NaiveDate> {
        let value = self.required(field, errors)?;
        date_from(value, &self.path_of(field), errors)
    }

    /// A required `true` or `false`.
    pub(crate) fn flag(&self, field: &str, errors: &mut Vec<DataError>) -> Option<bool> {
        let value = self.required(field, errors)?;
        let flag = value.as_bool();
        if flag.is_none() {
            errors.push(DataError::new(
                &self.path_of(field),
                format!("expected true or false, found {}", describe(value)),
            ));
        }
        flag
    }

    /// A required date of known precision (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub(crate) fn partial_date(
        &self,
        field: &str,
        errors: &mut Vec<DataError>,
    ) -> Option<PartialDate> {
        let value = self.required(field, errors)?;
        partial_date_from(value, &self.path_of(field), errors)
    }

    /// An optional date of known precision.
    pub(crate) fn optional_partial_date(
        &self,
        field: &str,
        errors: &mut Vec<DataError>,
    ) -> Option<PartialDate> {
        let value = self.raw(field)?;
        partial_date_from(value, &self.path_of(field), errors)
    }

    /// A required list; each item is handed to `read_item` with its own path.
    pub(crate) fn list<T>(
        &self,
        field: &str,
        errors: &mut Vec<DataError>,
        mut read_item: impl FnMut(&'a Value, &str, &mut Vec<DataError>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = self.required(field, errors)?;
        let Some(items) = value.as_array() else {
            errors.push(DataError::new(
                &self.path_of(field),
                format!("expected a list, found {}", describe(value)),
            ));
            return None;
        };
        let base = self.path_of(field);
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(item_idx, item)| {
                    read_item(item, &format!("{base}[{item_idx}]"), errors)
                })
                .collect(),
        )
    }

    /// A required list of non-empty strings.
    pub(crate) fn text_list(
        &self,
        field: &str,
        errors: &mut Vec<DataError>,
    ) -> Option<Vec<String>> {
        self.list(field, errors, |item, path, errors| {
            match item.as_str().map(crate::text::without_control_characters) {
                Some(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
                _ => {
                    errors.push(DataError::new(
                        path,
                        format!("expected non-empty text, found {}", describe(item)),
                    ));
                    None
                }
            }
        })
    }

    /// A required value from a closed set of names; the error lists the names allowed.
    pub(crate) fn choice<T: Copy>(
        &self,
        field: &str,
        allowed: &[(&str, T)],
        errors: &mut Vec<DataError>,
    ) -> Option<T> {
        let value = self.required(field, errors)?;
        choice_from(value, &self.path_of(field), allowed, errors)
    }
}

/// Reads a whole number that is zero or more, with `what` naming the unit in the error.
pub(crate) fn count_from(
    value: &Value,
    path: &str,
    what: &str,
    errors: &mut Vec<DataError>,
) -> Option<u64> {
    match value.as_u64() {
        Some(number) => Some(number),
        None => {
            errors.push(DataError::new(
                path,
                format!(
                    "expected a whole number of {what} (zero or more), found {}",
                    describe(value)
                ),
            ));
            None
        }
    }
}

/// True for text shaped like "2025-02-29" or "2025-13" (digits and dashes in date places), whether
/// or not the date exists.
fn is_date_shaped(text: &str) -> bool {
    let bytes = text.as_bytes();
    matches!(bytes.len(), 7 | 10)
        && bytes.iter().enumerate().all(|(idx, byte)| {
            if idx == 4 || idx == 7 {
                *byte == b'-'
            } else {
                byte.is_ascii_digit()
            }
        })
}

/// The message for text written as a date that does not exist ("2025-02-29", "2024-13").
fn no_such_date(text: &str) -> String {
    format!("{text:?} is written as a date, but no such day or month exists")
}

/// Reads a full calendar date in ISO form.
pub(crate) fn date_from(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<NaiveDate> {
    let parsed = value
        .as_str()
        .filter(|text| text.len() == 10)
        .and_then(crate::dates::parse_iso_date);
    if parsed.is_none() {
        let message = match value.as_str() {
            Some(text) if text.len() == 10 && is_date_shaped(text) => no_such_date(text),
            _ => format!(
                "expected a date written YYYY-MM-DD, found {}",
                describe(value)
            ),
        };
        errors.push(DataError::new(path, message));
    }
    parsed
}

/// Reads a date of year, month or day precision.
pub(crate) fn partial_date_from(
    value: &Value,
    path: &str,
    errors: &mut Vec<DataError>,
) -> Option<PartialDate> {
    let parsed = value.as_str().and_then(PartialDate::parse);
    if parsed.is_none() {
        let message = match value.as_str() {
            Some(text) if is_date_shaped(text) => no_such_date(text),
            _ => format!(
                "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found {}",
                describe(value)
            ),
        };
        errors.push(DataError::new(path, message));
    }
    parsed
}

/// Reads one name from a closed set.
pub(crate) fn choice_from<T: Copy>(
    value: &Value,
    path: &str,
    allowed: &[(&str, T)],
    errors: &mut Vec<DataError>,
) -> Option<T> {
    let found = value.as_str().and_then(|text| {
        allowed
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, item)| *item)
    });
    if found.is_none() {
        let names: Vec<&str> = allowed.iter().map(|(name, _)| *name).collect();
        errors.push(DataError::new(
            path,
            format!(
                "expected one of {}, found {}",
                names.join(", "),
                describe(value)
            ),
        ));
    }
    found
}
