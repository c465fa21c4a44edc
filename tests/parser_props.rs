//! Property tests: the dataset parser never panics, whatever it is given, within a bounded number of cases.

use border_security_explorer::data::parse_dataset;
use proptest::prelude::*;
use serde_json::Value;

const MINIMAL_VALID: &str = include_str!("fixtures/minimal-valid.json");

fn config() -> ProptestConfig {
    // Bounded so the whole file runs in a few seconds on two cores.
    ProptestConfig {
        cases: 1_500,
        ..ProptestConfig::default()
    }
}

/// One small edit of a text: delete a span, insert a character, or replace one.
#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, character: char },
    Replace { at: usize, character: char },
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut characters: Vec<char> = text.chars().collect();
    for edit in edits {
        let n = characters.len().max(1);
        match *edit {
            Edit::Delete { at, len } => {
                let start = at % n;
                let end = (start + len).min(characters.len());
                characters.drain(start.min(end)..end);
            }
            Edit::Insert { at, character } => {
                characters.insert(at % (characters.len() + 1), character)
            }
            Edit::Replace { at, character } => {
                if let Some(slot) = characters.get_mut(at % n) {
                    *slot = character;
                }
            }
        }
    }
    characters.into_iter().collect()
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let json_ish = prop_oneof![
        Just('"'),
        Just('{'),
        Just('}'),
        Just('['),
        Just(']'),
        Just(','),
        Just(':'),
        Just('-'),
        Just('0'),
        Just('9'),
        Just('.'),
        Just('e'),
        Just('n'),
        Just('\\'),
        any::<char>(),
    ];
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), json_ish.clone())
            .prop_map(|(at, character)| Edit::Insert { at, character }),
        (any::<usize>(), json_ish).prop_map(|(at, character)| Edit::Replace { at, character }),
    ]
}

fn json_tree() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        Just(Value::String("2024-07-08".to_string())),
        Just(Value::String("s1".to_string())),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("schema_version".to_string()),
                        Just("title".to_string()),
                        Just("sources".to_string()),
                        Just("crossings".to_string()),
                        Just("daily".to_string()),
                        Just("funding".to_string()),
                        Just("relation".to_string()),
                        Just("id".to_string()),
                        "[a-z_]{1,8}".prop_map(|key| key),
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2_048)) {
        let _ = parse_dataset(&bytes);
    }

    #[test]
    fn edited_valid_files_never_panic(edits in prop::collection::vec(edit_strategy(), 1..6)) {
        let edited = apply(MINIMAL_VALID, &edits);
        if let Err(errors) = parse_dataset(edited.as_bytes()) {
            // Every refusal explains itself.
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|error| !error.message.is_empty()));
        }
    }

    #[test]
    fn arbitrary_json_trees_never_panic(tree in json_tree(), schema_version in prop_oneof![Just(1u64), any::<u64>()]) {
        let mut tree = tree;
        if let Value::Object(fields) = &mut tree {
            fields.insert("schema_version".to_string(), Value::from(schema_version));
        }
        let _ = parse_dataset(serde_json::to_string(&tree).unwrap().as_bytes());
    }

    #[test]
    fn the_valid_fixture_survives_whitespace(padding in "[ \t\n]{0,20}") {
        let padded = format!("{padding}{MINIMAL_VALID}{padding}");
        prop_assert!(parse_dataset(padded.as_bytes()).is_ok());
    }
}
