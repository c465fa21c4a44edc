//! Malformed and hostile datasets: one table of cases, each an edit of the one minimal valid dataset (or raw bytes) and the exact message it must produce.
//!
//! A schema change means changing `tests/fixtures/minimal-valid.json` once; every case below is a small
//! edit of it at a JSON path, so each reads as what is wrong and what the reader is told.

use border_security_explorer::data::{parse_dataset, MAX_DATASET_BYTES};
use serde_json::Value;

const MINIMAL_VALID: &str = include_str!("fixtures/minimal-valid.json");

/// One change to the minimal dataset, at a JSON pointer ("/funding/0/amount_gbp"; "" is the whole file).
enum Edit {
    /// Put this JSON at the path (adding the key or replacing what is there).
    Set(&'static str, &'static str),
    /// Take the key or item at the path away.
    Remove(&'static str),
    /// Append this JSON to the list at the path.
    Push(&'static str, &'static str),
}

/// What a case feeds the parser.
enum Input {
    /// The minimal dataset with these edits.
    Edits(&'static [Edit]),
    /// These bytes as they are.
    Bytes(&'static [u8]),
    /// Bytes too large to write here, made by a function.
    Make(fn() -> Vec<u8>),
}

struct Case {
    name: &'static str,
    input: Input,
    /// One of the messages the parser must give, exactly.
    expected: &'static str,
}

/// JSON nested 200 lists deep: over the parser's recursion limit.
fn deeply_nested() -> Vec<u8> {
    format!("{}{}", "[".repeat(200), "]".repeat(200)).into_bytes()
}

/// 1,500 announcements with an unreadable date: more problems than are listed.
/// The minimal dataset with its first source's publisher given twice.
fn key_given_twice() -> Vec<u8> {
    MINIMAL_VALID
        .replacen(
            "\"publisher\": \"Home Office\",",
            "\"publisher\": \"Someone else\", \"publisher\": \"Home Office\",",
            1,
        )
        .into_bytes()
}

fn too_many_problems() -> Vec<u8> {
    let mut tree: Value = serde_json::from_str(MINIMAL_VALID).unwrap();
    tree["announcements"] = (0..1_500)
        .map(|announcement_idx| {
            serde_json::json!({"id": format!("a{announcement_idx}"), "date": "not-a-date", "title": "T",
                "summary": "S", "actors": ["A"], "themes": ["prepare"], "source_ids": ["s1"]})
        })
        .collect();
    tree.to_string().into_bytes()
}

/// The parent of a JSON pointer and its last part.
fn split_pointer(pointer: &str) -> (&str, &str) {
    pointer.rsplit_once('/').expect("a pointer below the root")
}

fn apply(tree: &mut Value, edit: &Edit) {
    match *edit {
        Edit::Set("", json) => *tree = serde_json::from_str(json).unwrap(),
        Edit::Set(pointer, json) => {
            let (parent, last) = split_pointer(pointer);
            let value: Value = serde_json::from_str(json).unwrap();
            match tree
                .pointer_mut(parent)
                .unwrap_or_else(|| panic!("no {parent}"))
            {
                Value::Object(object) => {
                    object.insert(last.to_string(), value);
                }
                Value::Array(items) => items[last.parse::<usize>().unwrap()] = value,
                _ => panic!("{parent} holds neither an object nor a list"),
            }
        }
        Edit::Remove(pointer) => {
            let (parent, last) = split_pointer(pointer);
            match tree
                .pointer_mut(parent)
                .unwrap_or_else(|| panic!("no {parent}"))
            {
                Value::Object(object) => {
                    object
                        .remove(last)
                        .unwrap_or_else(|| panic!("no {pointer}"));
                }
                Value::Array(items) => {
                    items.remove(last.parse::<usize>().unwrap());
                }
                _ => panic!("{parent} holds neither an object nor a list"),
            }
        }
        Edit::Push(pointer, json) => tree
            .pointer_mut(pointer)
            .and_then(Value::as_array_mut)
            .unwrap_or_else(|| panic!("no list at {pointer}"))
            .push(serde_json::from_str(json).unwrap()),
    }
}

fn bytes_of(input: &Input) -> Vec<u8> {
    match input {
        Input::Edits(edits) => {
            let mut tree: Value = serde_json::from_str(MINIMAL_VALID).unwrap();
            for edit in *edits {
                apply(&mut tree, edit);
            }
            serde_json::to_vec_pretty(&tree).unwrap()
        }
        Input::Bytes(bytes) => bytes.to_vec(),
        Input::Make(make) => make(),
    }
}

const CASES: &[Case] = &[
    Case {
        name: "source-via-not-text",
        input: Input::Edits(&[Edit::Set("/sources/0/via", r#"{"name": "a transcription"}"#)]),
        expected: "sources[0].via: expected text, found an object",
    },
    Case {
        name: "row-alternative-with-dangling-source",
        input: Input::Edits(&[Edit::Set("/crossings/annual/0/rows/1/alternatives", r#"[{"people": 36800, "source_ids": ["s2"]}]"#)]),
        expected: "crossings.annual[0].rows[1].alternatives[0].source_ids[0]: no source has the id \"s2\"",
    },
    Case {
        name: "row-alternative-with-no-count",
        input: Input::Edits(&[Edit::Set("/crossings/monthly/0/rows/0/alternatives", r#"[{"source_ids": ["s1"], "note": "says nothing"}]"#)]),
        expected: "crossings.monthly[0].rows[0].alternatives[0]: gives neither people nor boats: an alternative needs at least one",
    },
    Case {
        name: "row-alternative-count-as-text",
        input: Input::Edits(&[Edit::Set("/crossings/monthly/0/rows/0/alternatives", r#"[{"boats": "two", "source_ids": ["s1"]}]"#)]),
        expected: "crossings.monthly[0].rows[0].alternatives[0].boats: expected a whole number of boats (zero or more), found \"two\"",
    },
    Case {
        name: "row-alternative-unknown-field",
        input: Input::Edits(&[Edit::Set("/crossings/annual/0/rows/0/alternatives", r#"[{"people": 5, "value": 5, "source_ids": ["s1"]}]"#)]),
        expected: "crossings.annual[0].rows[0].alternatives[0].value: unknown field (check the spelling against docs/DATA.md)",
    },
    Case {
        name: "alternative-with-dangling-source",
        input: Input::Edits(&[Edit::Set("/figures/0/alternatives", r#"[{"value": 250, "source_ids": ["s2"]}]"#)]),
        expected: "figures[0].alternatives[0].source_ids[0]: no source has the id \"s2\"",
    },
    Case {
        name: "amount-as-text",
        input: Input::Edits(&[Edit::Set("/funding/0/amount_gbp", r#""-5""#)]),
        expected: "funding[0].amount_gbp: expected a whole number of pounds (zero or more), found \"-5\"",
    },
    Case {
        name: "announcement-after-as-of",
        input: Input::Edits(&[Edit::Set("/announcements/0/date", r#""2025-03""#)]),
        expected: "announcements[0].date: 2025-03 is after the dataset's as-of date 2025-01-31",
    },
    Case {
        name: "announcements-not-a-list",
        input: Input::Edits(&[Edit::Set("/announcements", r#"{"a": 1}"#)]),
        expected: "announcements: expected a list, found an object",
    },
    Case {
        name: "as-of-not-iso",
        input: Input::Edits(&[Edit::Set("/as_of", r#""20/08/2026""#)]),
        expected: "as_of: expected a date written YYYY-MM-DD, found \"20/08/2026\"",
    },
    Case {
        name: "binary-file",
        input: Input::Bytes(b"\x89PNG\xff\xfe\x00\x00binary"),
        expected: "the file is not UTF-8 text (a binary file?): invalid byte at offset 0",
    },
    Case {
        name: "crossings-missing",
        input: Input::Edits(&[Edit::Remove("/crossings")]),
        expected: "crossings: is required but missing",
    },
    Case {
        name: "daily-lengths-differ",
        input: Input::Edits(&[Edit::Set("/crossings/daily/boats", r#"[0, 1]"#)]),
        expected: "crossings.daily.boats: has 2 entries but people has 3; every list must have one entry per period",
    },
    Case {
        name: "daily-negative-count",
        input: Input::Edits(&[Edit::Set("/crossings/daily/people/1", r#"-3"#)]),
        expected: "crossings.daily.people[1]: expected a whole number zero or more, found -3",
    },
    Case {
        name: "daily-null-people",
        input: Input::Edits(&[Edit::Set("/crossings/daily/people/0", r#"null"#)]),
        expected: "crossings.daily.people[0]: expected a whole number zero or more, found null",
    },
    Case {
        name: "dangling-source-reference",
        input: Input::Edits(&[Edit::Set("/announcements/0/source_ids/0", r#""nope""#)]),
        expected: "announcements[0].source_ids[0]: no source has the id \"nope\"",
    },
    Case {
        name: "data-link",
        input: Input::Edits(&[Edit::Set("/sources/0/url", r#""data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==""#)]),
        expected: "sources[0].url: only https links are allowed, found \"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"",
    },
    Case {
        name: "deeply-nested",
        input: Input::Make(deeply_nested),
        expected: "…[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: the file is not valid JSON: recursion limit exceeded at line 1 column 128, near “[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[⟪here⟫[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[”",
    },
    Case {
        name: "duplicate-funding-id",
        input: Input::Edits(&[Edit::Set("/funding/1/id", r#""f1""#)]),
        expected: "funding[1].id: the id \"f1\" is used by an earlier funding record",
    },
    Case {
        name: "duplicate-source-id",
        input: Input::Edits(&[Edit::Push("/sources", r#"{"id": "s1", "title": "A release", "publisher": "Home Office", "published": "2024-07", "url": "https://www.gov.uk/a", "kind": "press_release"}"#)]),
        expected: "sources[1].id: the id \"s1\" is used by an earlier source",
    },
    Case {
        name: "empty-file",
        input: Input::Bytes(b""),
        expected: "the file is empty",
    },
    Case {
        name: "empty-title",
        input: Input::Edits(&[Edit::Set("/title", r#""   ""#)]),
        expected: "title: must not be empty",
    },
    Case {
        name: "figure-with-date-and-period",
        input: Input::Edits(&[Edit::Set("/figures/0/period", r#""2024-01/2024-12""#)]),
        expected: "figures[0]: give either a date or a period, not both",
    },
    Case {
        name: "flag-as-text",
        input: Input::Edits(&[Edit::Set("/funding/0/for_bsc", r#""yes""#)]),
        expected: "funding[0].for_bsc: expected true or false, found \"yes\"",
    },
    Case {
        name: "fractional-amount",
        input: Input::Edits(&[Edit::Set("/funding/0/amount_gbp", r#"75000000.5"#)]),
        expected: "funding[0].amount_gbp: expected a whole number of pounds (zero or more), found 75000000.5",
    },
    Case {
        name: "http-link",
        input: Input::Edits(&[Edit::Set("/sources/0/url", r#""http://www.gov.uk/a""#)]),
        expected: "sources[0].url: only https links are allowed, found \"http://www.gov.uk/a\"",
    },
    Case {
        name: "impossible-date",
        input: Input::Edits(&[Edit::Set("/announcements/0/date", r#""2023-02-29""#)]),
        expected: "announcements[0].date: \"2023-02-29\" is written as a date, but no such day or month exists",
    },
    Case {
        name: "impossible-month",
        input: Input::Edits(&[Edit::Set("/announcements/0/date", r#""2024-13""#)]),
        expected: "announcements[0].date: \"2024-13\" is written as a date, but no such day or month exists",
    },
    Case {
        name: "impossible-full-date",
        input: Input::Edits(&[Edit::Set("/as_of", r#""2025-02-29""#)]),
        expected: "as_of: \"2025-02-29\" is written as a date, but no such day or month exists",
    },
    Case {
        name: "key-given-twice",
        input: Input::Make(key_given_twice),
        expected: "sources[0].publisher: is given twice in the same object; each key may appear once (a reader would keep only the second value)",
    },
    Case {
        name: "javascript-link",
        input: Input::Edits(&[Edit::Set("/sources/0/url", r#""javascript:alert(document.cookie)""#)]),
        expected: "sources[0].url: only https links are allowed, found \"javascript:alert(document.cookie)\"",
    },
    Case {
        name: "missing-schema-version",
        input: Input::Edits(&[Edit::Remove("/schema_version")]),
        expected: "schema_version: is required but missing",
    },
    Case {
        name: "missing-title",
        input: Input::Edits(&[Edit::Remove("/title")]),
        expected: "title: is required but missing",
    },
    Case {
        name: "month-gap",
        input: Input::Edits(&[Edit::Set("/crossings/monthly/0/rows/1/month", r#""2024-03""#)]),
        expected: "crossings.monthly[0].rows[1].month: months must run in order with no gaps: 2024-03 follows 2024-01",
    },
    Case {
        name: "month-written-as-day",
        input: Input::Edits(&[Edit::Set("/crossings/monthly/0/rows/0/month", r#""2024-01-01""#)]),
        expected: "crossings.monthly[0].rows[0].month: expected a month written YYYY-MM, found \"2024-01-01\"",
    },
    Case {
        name: "negative-amount",
        input: Input::Edits(&[Edit::Set("/funding/0/amount_gbp", r#"-5"#)]),
        expected: "funding[0].amount_gbp: expected a whole number of pounds (zero or more), found -5",
    },
    Case {
        name: "negative-figure",
        input: Input::Edits(&[Edit::Set("/figures/0/value", r#"-1"#)]),
        expected: "figures[0].value: expected a number zero or more, found -1",
    },
    Case {
        name: "no-source-cited",
        input: Input::Edits(&[Edit::Set("/announcements/0/source_ids", r#"[]"#)]),
        expected: "announcements[0].source_ids: every record must cite at least one source",
    },
    Case {
        name: "not-json",
        input: Input::Bytes(b"schema_version = 1\n"),
        expected: "the file is not valid JSON: expected value at line 1 column 1, near “⟪here⟫schema_version = 1”",
    },
    Case {
        name: "period-backwards",
        input: Input::Edits(&[Edit::Remove("/figures/0/date"), Edit::Set("/figures/0/period", r#""2025-01/2024-01""#)]),
        expected: "figures[0].period: the period ends before it starts: \"2025-01/2024-01\"",
    },
    Case {
        name: "pounds-with-pence",
        input: Input::Edits(&[Edit::Set("/figures/0/value", r#"1.5"#), Edit::Set("/figures/0/unit", r#""GBP""#)]),
        expected: "figures[0].value: expected a whole number of pounds, found 1.5",
    },
    Case {
        name: "reannouncement-before-original",
        input: Input::Edits(&[Edit::Set("/funding/0/relation/kind", r#""reannouncement""#), Edit::Set("/funding/0/relation/of", r#""f2""#)]),
        expected: "funding[0].relation.of: a re-announcement must come after what it repeats, but \"f2\" was announced later (2024-11-04)",
    },
    Case {
        name: "relation-to-itself",
        input: Input::Edits(&[Edit::Set("/funding/1/relation/kind", r#""reannouncement""#), Edit::Set("/funding/1/relation/of", r#""f2""#)]),
        expected: "funding[1].relation.of: a funding record cannot refer to itself",
    },
    Case {
        name: "relation-to-missing-record",
        input: Input::Edits(&[Edit::Set("/funding/2/relation/of/1", r#""f9""#)]),
        expected: "funding[2].relation.of: no funding record has the id \"f9\"",
    },
    Case {
        name: "schema-version-as-text",
        input: Input::Edits(&[Edit::Set("/schema_version", r#""1""#)]),
        expected: "schema_version: this app reads schema version 1, found \"1\"",
    },
    Case {
        name: "series-after-as-of",
        input: Input::Edits(&[Edit::Set("/crossings/annual/0/as_of", r#""2025-12-31""#)]),
        expected: "crossings.annual[0].as_of: 2025-12-31 is after the dataset's as-of date 2025-01-31",
    },
    Case {
        name: "title-wrong-type",
        input: Input::Edits(&[Edit::Set("/title", r#"42"#)]),
        expected: "title: expected text, found 42",
    },
    Case {
        name: "too-many-problems",
        input: Input::Make(too_many_problems),
        expected: "…and 500 more problems not listed",
    },
    Case {
        name: "top-level-list",
        input: Input::Edits(&[Edit::Set("", r#"[{"schema_version": 1}]"#)]),
        expected: "expected an object, found a list of 1 items",
    },
    Case {
        name: "total-does-not-add-up",
        input: Input::Edits(&[Edit::Set("/funding/2/amount_gbp", r#"160000000"#)]),
        expected: "funding[2].amount_gbp: the total is £160000000 but its parts add up to £150000000",
    },
    Case {
        name: "truncated-json",
        input: Input::Bytes(b"{\"schema_version\": 1, \""),
        expected: "the file is not valid JSON: EOF while parsing a string at line 1 column 23, near “{\"schema_version\": 1, ⟪here⟫\"”",
    },
    Case {
        name: "unknown-amount-basis",
        input: Input::Edits(&[Edit::Set("/funding/0/amount_basis", r#""approximately""#)]),
        expected: "funding[0].amount_basis: expected one of exact, up_to, nearly, around, at_least, found \"approximately\"",
    },
    Case {
        name: "unknown-relation-kind",
        input: Input::Edits(&[Edit::Set("/funding/0/relation/kind", r#""extra""#)]),
        expected: "funding[0].relation.kind: expected one of new, reannouncement, part_of, total_of, found \"extra\"",
    },
    Case {
        name: "changelog-date-not-a-date",
        input: Input::Edits(&[Edit::Set("/changelog", r#"[{"date": "last week", "summary": "Days added."}]"#)]),
        expected: "changelog[0].date: expected a date written YYYY-MM-DD, found \"last week\"",
    },
    Case {
        name: "changelog-summary-empty",
        input: Input::Edits(&[Edit::Set("/changelog", r#"[{"date": "2025-01-31", "summary": " "}]"#)]),
        expected: "changelog[0].summary: must not be empty",
    },
    Case {
        name: "changelog-unknown-field",
        input: Input::Edits(&[Edit::Set("/changelog", r#"[{"date": "2025-01-31", "summary": "S.", "by": "me"}]"#)]),
        expected: "changelog[0].by: unknown field (check the spelling against docs/DATA.md)",
    },
    Case {
        name: "unknown-schema-version",
        input: Input::Edits(&[Edit::Set("/schema_version", r#"2"#)]),
        expected: "schema_version: this app reads schema version 1, found 2",
    },
    Case {
        name: "unknown-source-kind",
        input: Input::Edits(&[Edit::Set("/sources/0/kind", r#""blog""#)]),
        expected: "sources[0].kind: expected one of statistics, press_release, parliamentary_record, news_report, organisation_page, seed_document, found \"blog\"",
    },
    Case {
        name: "unknown-status",
        input: Input::Edits(&[Edit::Set("/crossings/daily/status", r#""final""#)]),
        expected: "crossings.daily.status: expected one of provisional, official, found \"final\"",
    },
    Case {
        name: "unknown-theme",
        input: Input::Edits(&[Edit::Set("/announcements/0/themes/0", r#""Pursue""#)]),
        expected: "announcements[0].themes[0]: expected one of prevent, pursue, protect, prepare, funding, staffing, legislation, international, technology, found \"Pursue\"",
    },
    Case {
        name: "unknown-top-level-field",
        input: Input::Edits(&[Edit::Set("/titel", r#""x""#)]),
        expected: "titel: unknown field (check the spelling against docs/DATA.md)",
    },
    Case {
        name: "week-not-ending-sunday",
        input: Input::Edits(&[Edit::Set("/crossings/weekly/first_week_ending", r#""2024-01-08""#)]),
        expected: "crossings.weekly.first_week_ending: weeks end on a Sunday, but 2024-01-08 is a Mon",
    },
    Case {
        name: "whitespace-only",
        input: Input::Bytes(b"  \n\t\n"),
        expected: "the file is empty",
    },
    Case {
        name: "years-out-of-order",
        input: Input::Edits(&[Edit::Set("/crossings/annual/0/rows/1/year", r#"2022"#)]),
        expected: "crossings.annual[0].rows[1].year: years must run in order with no gaps: 2022 follows 2023",
    },
];

#[test]
fn the_minimal_dataset_is_valid() {
    parse_dataset(MINIMAL_VALID.as_bytes()).expect("every case starts from a valid dataset");
}

#[test]
fn every_malformed_case_gets_its_clear_error() {
    let mut failures = Vec::new();
    for case in CASES {
        match parse_dataset(&bytes_of(&case.input)) {
            Ok(_) => failures.push(format!("{}: was accepted", case.name)),
            Err(errors) => {
                let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
                if !messages.iter().any(|message| message == case.expected) {
                    failures.push(format!(
                        "{}:\n  expected: {}\n  found:    {}",
                        case.name,
                        case.expected,
                        messages.join("\n            ")
                    ));
                }
            }
        }
    }
    assert!(
        CASES.len() >= 53,
        "the table should keep every case, found {}",
        CASES.len()
    );
    let mut names: Vec<&str> = CASES.iter().map(|case| case.name).collect();
    border_security_explorer::sorting::sort_and_dedup(&mut names);
    assert_eq!(names.len(), CASES.len(), "case names are unique");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_over_the_cap_is_refused_before_parsing() {
    let oversized = vec![b' '; MAX_DATASET_BYTES + 1];
    let errors = parse_dataset(&oversized).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        format!(
            "the file is {} bytes, more than the {MAX_DATASET_BYTES} bytes a dataset may be",
            MAX_DATASET_BYTES + 1
        )
    );
}
