//! Data-driven checks of dataset parsing: one `check` helper, many one-line cases.

use super::*;
use crate::closed_set::ClosedSet;
use chrono::NaiveDate;

/// The one minimal valid dataset (`tests/fixtures/minimal-valid.json`, shared with the malformed-case
/// table and the parser's property tests), as JSON, for cases to modify.
fn minimal_dataset_json() -> serde_json::Value {
    serde_json::from_str(include_str!("../../tests/fixtures/minimal-valid.json")).unwrap()
}

/// Applies `edit` to the minimal dataset and checks that parsing reports exactly `expected` errors.
#[track_caller]
fn check_errors(edit: impl FnOnce(&mut serde_json::Value), expected: &[&str]) {
    let mut tree = minimal_dataset_json();
    edit(&mut tree);
    let bytes = serde_json::to_vec(&tree).unwrap();
    let errors = parse_dataset(&bytes).expect_err("the dataset should be refused");
    let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(found, expected);
}

#[test]
fn minimal_dataset_parses() {
    let bytes = serde_json::to_vec(&minimal_dataset_json()).unwrap();
    let dataset = parse_dataset(&bytes).unwrap();
    assert_eq!(dataset.title, "Test data");
    assert_eq!(dataset.as_of, NaiveDate::from_ymd_opt(2025, 1, 31).unwrap());
    assert_eq!(
        dataset.sources[0].published.unwrap().precision,
        DatePrecision::Month
    );
    assert_eq!(dataset.announcements[0].themes, vec![Theme::Prepare]);
    assert_eq!(dataset.crossings.daily.people, vec![0, 12, 30]);
    assert_eq!(
        dataset.crossings.daily.uncontrolled_boats,
        vec![None, Some(0), Some(1)]
    );
    assert_eq!(
        dataset.crossings.daily.last_date(),
        NaiveDate::from_ymd_opt(2024, 1, 3)
    );
    assert_eq!(
        dataset.crossings.monthly[0].rows[1].month,
        NaiveDate::from_ymd_opt(2024, 2, 1).unwrap()
    );
    assert_eq!(
        dataset.funding[2].relation,
        FundingRelation::TotalOf {
            of_funding_ids: vec!["f1".to_string(), "f2".to_string()]
        }
    );
    assert_eq!(dataset.figures[0].alternatives[0].value, "250");
    assert_eq!(dataset.figures[0].alternatives[1].value, "262.5");
    assert_eq!(
        dataset.figures[1].time.display(),
        "January 2024 to December 2024"
    );
}

#[test]
fn wrong_schema_version_is_refused_alone() {
    check_errors(
        |tree| {
            tree["schema_version"] = 2.into();
            tree["title"] = 5.into();
        },
        &["schema_version: this app reads schema version 1, found 2"],
    );
}

#[test]
fn every_problem_is_reported() {
    check_errors(
        |tree| {
            tree["as_of"] = "31/01/2025".into();
            tree["sources"][0]["url"] = "javascript:alert(1)".into();
            tree["announcements"][0]["themes"][0] = "nonsense".into();
        },
        &[
            "as_of: expected a date written YYYY-MM-DD, found \"31/01/2025\"",
            "sources[0].url: only https links are allowed, found \"javascript:alert(1)\"",
            "announcements[0].themes[0]: expected one of prevent, pursue, protect, prepare, funding, staffing, legislation, international, technology, found \"nonsense\"",
        ],
    );
}

#[test]
fn dangling_citation_and_future_date_are_named() {
    check_errors(
        |tree| {
            tree["announcements"][0]["source_ids"][0] = "s9".into();
            tree["announcements"][0]["date"] = "2025-02".into();
        },
        &[
            "announcements[0].date: 2025-02 is after the dataset's as-of date 2025-01-31",
            "announcements[0].source_ids[0]: no source has the id \"s9\"",
        ],
    );
}

#[test]
fn file_level_problems_are_plain_sentences() {
    let cases: [(&[u8], &str); 3] = [
        (b"", "the file is empty"),
        (
            b"\xff\xfe\x00binary",
            "the file is not UTF-8 text (a binary file?): invalid byte at offset 0",
        ),
        (
            b"[1, 2",
            "[2]: the file is not valid JSON: EOF while parsing a list at line 1 column 5, near “[1, ⟪here⟫2”",
        ),
    ];
    for (bytes, expected) in cases {
        let errors = parse_dataset(bytes).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].to_string(), expected);
    }
}

#[test]
fn partial_dates_parse_with_their_precision() {
    let july = PartialDate::parse("2024-07").unwrap();
    assert_eq!(
        july.last_day(),
        NaiveDate::from_ymd_opt(2024, 7, 31).unwrap()
    );
    assert_eq!(july.display(), "July 2024");
    assert_eq!(
        PartialDate::parse("2024").unwrap().last_day().to_string(),
        "2024-12-31"
    );
    assert_eq!(
        PartialDate::parse("2024-02-29").unwrap().display(),
        "29 February 2024"
    );
    for bad in [
        "",
        "24",
        "2024-13",
        "2023-02-29",
        "+202-01",
        "2024-1-01",
        "2024/07/01",
    ] {
        assert_eq!(PartialDate::parse(bad), None, "{bad:?} should not parse");
    }
}

#[test]
fn only_plain_https_links_are_safe() {
    for good in [
        "https://www.gov.uk/government/news/x",
        "https://example.org:8443/a?b=c#d",
    ] {
        assert!(is_safe_https_url(good), "{good}");
    }
    for bad in [
        "http://www.gov.uk",
        "javascript:alert(1)",
        "data:text/html,<script>",
        "HTTPS://x",
        "https://",
        "https://a b",
        "https://x/\"onmouseover=\"",
        " https://x",
    ] {
        assert!(!is_safe_https_url(bad), "{bad}");
    }
}

#[test]
fn fingerprints_are_sha256_hex() {
    // The SHA-256 of "abc" from FIPS 180-2, appendix B.1.
    assert_eq!(
        fingerprint(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_ne!(fingerprint(b"abc "), fingerprint(b"abc"));
}

#[test]
fn a_refused_record_is_not_reported_again_as_a_missing_reference() {
    // The source's kind is unknown and f1's amount is not a number: each is refused for that, and the
    // records that cite s1 or refer to f1 are not also told that no such record exists.
    check_errors(
        |tree| {
            tree["sources"][0]["kind"] = "blog".into();
            tree["funding"][0]["amount_gbp"] = "lots".into();
        },
        &[
            "sources[0].kind: expected one of statistics, press_release, parliamentary_record, news_report, organisation_page, seed_document, found \"blog\"",
            "funding[0].amount_gbp: expected a whole number of pounds (zero or more), found \"lots\"",
        ],
    );
    // A reference to an id that is nowhere in the file is still reported.
    check_errors(
        |tree| tree["announcements"][0]["source_ids"][0] = "nowhere".into(),
        &["announcements[0].source_ids[0]: no source has the id \"nowhere\""],
    );
}

#[test]
fn a_source_of_the_older_seed_document_kind_still_loads_under_a_plain_label() {
    let mut tree = minimal_dataset_json();
    tree["sources"][0]["kind"] = "seed_document".into();
    let dataset = parse_dataset(&serde_json::to_vec(&tree).unwrap()).expect("older kinds load");
    assert_eq!(dataset.sources[0].kind, SourceKind::SeedDocument);
    assert_eq!(dataset.sources[0].kind.label(), "Document");
    tree["sources"][0]["kind"] = "organisation_page".into();
    let dataset = parse_dataset(&serde_json::to_vec(&tree).unwrap()).unwrap();
    assert_eq!(dataset.sources[0].kind.label(), "Organisation page");
}

#[test]
fn the_changelog_is_read_when_present_and_empty_in_older_files() {
    let older = minimal_dataset_json();
    assert!(
        older.get("changelog").is_none(),
        "the fixture stands for a file made before the changelog"
    );
    let dataset = parse_dataset(&serde_json::to_vec(&older).unwrap()).unwrap();
    assert!(dataset.changelog.is_empty());
    let mut newer = minimal_dataset_json();
    newer["changelog"] = serde_json::json!([
        {"date": "2025-01-31", "summary": "7 days added; 2 days revised."},
        {"date": "2025-01-24", "summary": "First import."}
    ]);
    let dataset = parse_dataset(&serde_json::to_vec(&newer).unwrap()).unwrap();
    assert_eq!(dataset.changelog.len(), 2);
    assert_eq!(
        dataset.changelog[0].date,
        NaiveDate::from_ymd_opt(2025, 1, 31).unwrap()
    );
    assert_eq!(dataset.changelog[1].summary, "First import.");
}

#[test]
fn a_byte_order_mark_at_the_start_is_read_past_and_the_fingerprint_is_of_the_bytes_as_given() {
    let plain = serde_json::to_vec(&minimal_dataset_json()).unwrap();
    let mut with_mark = vec![0xEF, 0xBB, 0xBF];
    with_mark.extend_from_slice(&plain);
    assert_eq!(
        parse_dataset(&with_mark).unwrap(),
        parse_dataset(&plain).unwrap()
    );
    assert_ne!(fingerprint(&with_mark), fingerprint(&plain));
    // Only at the start: a mark inside the text is not whitespace to JSON.
    let mut inside = plain.clone();
    inside.splice(1..1, [0xEF, 0xBB, 0xBF]);
    assert!(parse_dataset(&inside).is_err());
}
