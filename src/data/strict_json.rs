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
    /// The paths of keys given twice, in the order met.
    duplicates: &'d RefCell<Vec<String>>,
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
                duplicates: self.duplicates,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = Segment::Key(self.at, &key);
            let value = map.next_value_seed(Seed {
                at: &at,
                duplicates: self.duplicates,
            })?;
            if object.contains_key(&key) {
                self.duplicates.borrow_mut().push(at.path());
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// The tree of a JSON text and the paths of any keys given twice in one object.
pub fn parse_strict(text: &str) -> Result<(Value, Vec<String>), serde_json::Error> {
    let duplicates = RefCell::new(Vec::new());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let tree = Seed {
        at: &Segment::Root,
        duplicates: &duplicates,
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok((tree, duplicates.into_inner()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_is_named_with_its_path() {
        let (tree, duplicates) =
            parse_strict(r#"{"funding": [{"id": "f1", "amount_gbp": 1, "amount_gbp": 2}], "title": "a", "title": "b"}"#).unwrap();
        assert_eq!(duplicates, ["funding[0].amount_gbp", "title"]);
        assert_eq!(tree["title"], "b");
        let (same, none) = parse_strict(r#"{"a": [1, 2.5, -3, null, true, {"b": "c"}]}"#).unwrap();
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
}
