//! JSON text to a tree, strictly: a key given twice in one object is reported with its path, where a plain reader keeps the second value and silently drops the first.

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Where a value is in the file, kept as a chain on the stack and written out only for a problem.
enum Segment<'a> {
    Root,
    Key(&'a Segment<'a>, &'a str),
    Index(&'a Segment<'a>, usize),
}

impl Segment<'_> {
    /// "funding[3].amount_gbp", as every other problem names its place.
    fn path(&self) -> String {
        match self {
            Segment::Root => String::new(),
            Segment::Key(parent, key) => {
                let parent = parent.path();
                if parent.is_empty() {
                    (*key).to_string()
                } else {
                    format!("{parent}.{key}")
                }
            }
            Segment::Index(parent, idx) => format!("{}[{idx}]", parent.path()),
        }
    }
}

struct Seed<'a, 'd> {
    at: &'a Segment<'a>,
    /// The paths of keys given twice, in the order met, and where reading stopped if the text broke off.
    found: &'d RefCell<Found>,
}

#[derive(Default)]
struct Found {
    duplicates: Vec<String>,
    /// The path of the innermost value being read when the text stopped being JSON.
    failed_at: Option<String>,
}

impl Found {
    fn failed_at(cell: &RefCell<Found>, at: &Segment<'_>) {
        let mut found = cell.borrow_mut();
        if found.failed_at.is_none() {
            found.failed_at = Some(at.path());
        }
    }
}

/// A JSON text that could not be read: serde_json's error, and the place reached in the tree
/// ("funding[3].amount_gbp") when it was inside a value.
#[derive(Debug)]
pub struct JsonFailure {
    pub error: serde_json::Error,
    pub failed_at: Option<String>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let at = Segment::Index(self.at, items.len());
            let seed = Seed {
                at: &at,
                found: self.found,
            };
            match seq.next_element_seed(seed) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Value::Array(items)),
                Err(error) => {
                    Found::failed_at(self.found, &at);
                    return Err(error);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        loop {
            let key = match map.next_key::<String>() {
                Ok(Some(key)) => key,
                Ok(None) => break,
                Err(error) => {
                    Found::failed_at(self.found, self.at);
                    return Err(error);
                }
            };
            let at = Segment::Key(self.at, &key);
            let value = match map.next_value_seed(Seed {
                at: &at,
                found: self.found,
            }) {
                Ok(value) => value,
                Err(error) => {
                    Found::failed_at(self.found, &at);
                    return Err(error);
                }
            };
            if object.contains_key(&key) {
                self.found.borrow_mut().duplicates.push(at.path());
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// The tree of a JSON text and the paths of any keys given twice in one object.
pub fn parse_strict(text: &str) -> Result<(Value, Vec<String>), JsonFailure> {
    let found = RefCell::new(Found::default());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let read = Seed {
        at: &Segment::Root,
        found: &found,
    }
    .deserialize(&mut deserializer)
    .and_then(|tree| deserializer.end().map(|()| tree));
    let found = found.into_inner();
    match read {
        Ok(tree) => Ok((tree, found.duplicates)),
        Err(error) => Err(JsonFailure {
            error,
            failed_at: found
                .failed_at
                .filter(|path| !path.is_empty())
                .map(|path| shortened_path(&path)),
        }),
    }
}

/// A place at most 60 characters long, its start cut ("…[0][0]") when the nesting is deep.
fn shortened_path(path: &str) -> String {
    const MAX_PATH_CHARS: usize = 60;
    let n_chars = path.chars().count();
    if n_chars <= MAX_PATH_CHARS {
        path.to_string()
    } else {
        let kept: String = path.chars().skip(n_chars - MAX_PATH_CHARS).collect();
        format!("…{kept}")
    }
}

/// A short stretch of `text` around line `line`, column `column` (both from 1, as serde_json counts),
/// with the place marked "⟪here⟫" and any control character written out: enough to find it in an
/// editor when the file is one long line.
pub fn excerpt_around(text: &str, line: usize, column: usize) -> String {
    const CHARS_EACH_SIDE: usize = 30;
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut at = column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(at) {
        at -= 1;
    }
    let (before, after) = line_text.split_at(at);
    let before_chars: Vec<char> = before.chars().rev().take(CHARS_EACH_SIDE).collect();
    let before: String = before_chars.into_iter().rev().collect();
    let after: String = after.chars().take(CHARS_EACH_SIDE).collect();
    crate::text::escape_control_characters(&format!("{before}⟪here⟫{after}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_is_named_with_its_path() {
        let (tree, duplicates) =
            parse_strict(r#"{"funding": [{"id": "f1", "amount_gbp": 1, "amount_gbp": 2}], "title": "a", "title": "b"}"#).map_err(|failure| failure.error).unwrap();
        assert_eq!(duplicates, ["funding[0].amount_gbp", "title"]);
        assert_eq!(tree["title"], "b");
        let (same, none) = parse_strict(r#"{"a": [1, 2.5, -3, null, true, {"b": "c"}]}"#)
            .map_err(|failure| failure.error)
            .unwrap();
        assert!(none.is_empty());
        assert_eq!(
            same,
            serde_json::json!({"a": [1, 2.5, -3, null, true, {"b": "c"}]})
        );
        assert!(parse_strict(r#"{"a": 1} trailing"#).is_err());
        assert!(
            parse_strict(&"[".repeat(200)).is_err(),
            "deep nesting is still refused"
        );
    }

    #[test]
    fn a_broken_text_says_where_in_the_tree_and_shows_the_text_around_it() {
        let text = r#"{"funding": [{"id": "f1"}, {"id": "f2", "amount_gbp": , "note": "x"}]}"#;
        let failure = parse_strict(text).unwrap_err();
        assert_eq!(failure.failed_at.as_deref(), Some("funding[1].amount_gbp"));
        let excerpt = excerpt_around(text, failure.error.line(), failure.error.column());
        assert!(
            excerpt.contains("\"amount_gbp\": ⟪here⟫, \"note\""),
            "{excerpt}"
        );
        let at_top = parse_strict("{\"a\": 1,,}").unwrap_err();
        assert_eq!(at_top.failed_at, None);
        assert_eq!(excerpt_around("ab\u{1b}cd", 1, 4), "ab\\u{1b}⟪here⟫cd");
    }
}
