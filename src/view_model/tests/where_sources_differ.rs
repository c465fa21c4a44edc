//! Where sources differ: every other value in a fixture, shown beside the value used, and the same sentences under the records themselves.

use super::*;
use crate::testing::minimal_tree;

/// The minimal dataset with two more sources (one publisher) and other values on an official year, an official month,
/// an announcement's date and a funding amount (its figure already has two).
fn differences_fixture() -> Dataset {
    let mut tree = minimal_tree();
    for source_id in ["s2", "s3"] {
        tree["sources"].as_array_mut().unwrap().push(serde_json::json!({
            "id": source_id, "title": "A report", "publisher": "A newspaper", "kind": "news_report"
        }));
    }
    tree["crossings"]["annual"][0]["rows"][1]["alternatives"] = serde_json::json!([
        {"people": 36800, "boats": 690, "source_ids": ["s2"], "note": "Reported at the time."},
        {"people": 36817, "source_ids": ["s1", "s2"]},
        {"people": 36818, "source_ids": ["s2", "s3"]}
    ]);
    tree["crossings"]["monthly"][0]["rows"][0]["alternatives"] =
        serde_json::json!([{"boats": 1, "source_ids": ["s2"]}]);
    tree["announcements"][0]["alternatives"] =
        serde_json::json!([{"value": "2024-07-07", "source_ids": ["s2"], "note": "A day earlier"}]);
    tree["funding"][0]["alternatives"] =
        serde_json::json!([{"value": 70000000, "source_ids": ["s2"]}]);
    dataset_from(&tree)
}

#[test]
fn every_other_value_is_listed_beside_the_value_used_in_the_files_order() {
    let dataset = differences_fixture();
    let differences = source_differences(&dataset);
    let collections: Vec<&str> = differences.iter().map(|d| d.collection).collect();
    assert_eq!(
        collections,
        [
            "crossings.annual",
            "crossings.monthly",
            "announcements",
            "funding",
            "figures"
        ]
    );
    let year = &differences[0];
    let row = &dataset.crossings.annual[0].rows[1];
    assert_eq!(
        year.subject,
        format!("Small-boat arrivals in {} (official statistics)", row.year)
    );
    assert_eq!(
        year.used_display,
        format!(
            "{} people and {} boats",
            format_number(f64::from(row.people), 0),
            format_number(f64::from(row.boats), 0)
        )
    );
    assert_eq!(year.others.len(), 3);
    assert_eq!(
        year.others[0].sentence(),
        "A newspaper gives 36,800 people and 690 boats (Reported at the time)."
    );
    assert_eq!(
        year.others[1].sentence(),
        "Home Office and A newspaper give 36,817 people."
    );
    // Two sources from one publisher name it once.
    assert_eq!(
        year.others[2].sentence(),
        "A newspaper gives 36,818 people."
    );
    assert_eq!(differences[1].others[0].value_display, "1 boat");
    assert_eq!(differences[2].used_display, "8 July 2024");
    assert_eq!(differences[2].others[0].value_display, "7 July 2024");
    assert_eq!(differences[3].others[0].value_display, money(70_000_000));
    // The figure's other values keep its unit's form; a value that is not a number is shown as written.
    let figure_others: Vec<&str> = differences[4]
        .others
        .iter()
        .map(|other| other.value_display.as_str())
        .collect();
    assert_eq!(figure_others, ["250", "262.5"]);
}

#[test]
fn records_show_their_note_then_each_other_value() {
    let dataset = differences_fixture();
    let announcement = &dataset.announcements[0];
    let notes = record_notes(
        Some(" A caveat. "),
        &announcement_others(&dataset, announcement),
    );
    assert_eq!(
        notes,
        [
            "A caveat.",
            "A newspaper gives 7 July 2024 (A day earlier)."
        ]
    );
    let state = ViewState::initial();
    let ledger = funding_view(&dataset, &state, WIDE_CHART_SIZE);
    assert_eq!(
        ledger.rows[0].notes,
        [format!("A newspaper gives {}.", money(70_000_000))]
    );
}

#[test]
fn a_dataset_without_other_values_lists_none() {
    let mut tree = minimal_tree();
    tree["figures"][0]
        .as_object_mut()
        .unwrap()
        .remove("alternatives");
    assert!(source_differences(&dataset_from(&tree)).is_empty());
}
