//! Synthetic datasets N times the size of a real one, for benchmarks only (never shipped, never shown).
//!
//! The real dataset is repeated deterministically: the daily and weekly series run N times as long, the
//! official monthly series gets N times the rows, and every record is copied N times with new ids. The result
//! passes the same checks as real data, so benchmarks measure the real code paths.

use serde_json::{json, Value};

/// The JSON text of `base` scaled `factor` times. `base` must be a valid dataset.
pub fn scaled_dataset_json(base: &str, factor: usize) -> String {
    let mut tree: Value = serde_json::from_str(base).expect("the base dataset is valid JSON");
    let factor = factor.max(1);
    if factor > 1 {
        scale(&mut tree, factor);
    }
    tree.to_string()
}

fn repeat_list(value: &mut Value, factor: usize) {
    if let Some(items) = value.as_array_mut() {
        let original = items.clone();
        for _ in 1..factor {
            items.extend(original.iter().cloned());
        }
    }
}

fn with_suffix(value: &Value, suffix: &str) -> Value {
    json!(format!("{}{suffix}", value.as_str().unwrap_or_default()))
}

fn scale(tree: &mut Value, factor: usize) {
    let crossings = &mut tree["crossings"];
    for series in ["daily", "weekly"] {
        for list in [
            "people",
            "boats",
            "uncontrolled_boats",
            "people_prevented",
            "events_prevented",
        ] {
            if crossings[series].get(list).is_some() {
                repeat_list(&mut crossings[series][list], factor);
            }
        }
    }
    let n_days = crossings["daily"]["people"].as_array().map_or(0, Vec::len) as u64;
    let first_date = chrono::NaiveDate::parse_from_str(
        crossings["daily"]["first_date"].as_str().unwrap_or(""),
        "%Y-%m-%d",
    )
    .expect("the base dataset has a first date");
    let last_day = first_date + chrono::Days::new(n_days.saturating_sub(1));
    let last_day_text = last_day.format("%Y-%m-%d").to_string();
    crossings["daily"]["as_of"] = json!(last_day_text);
    crossings["weekly"]["as_of"] = json!(last_day_text);
    for edition in crossings["monthly"].as_array_mut().into_iter().flatten() {
        let rows = edition["rows"].as_array().cloned().unwrap_or_default();
        let mut all_rows = Vec::with_capacity(rows.len() * factor);
        let mut month = chrono::NaiveDate::parse_from_str(
            &format!("{}-01", rows[0]["month"].as_str().unwrap_or("2018-01")),
            "%Y-%m-%d",
        )
        .expect("months are YYYY-MM");
        for _ in 0..factor {
            for row in &rows {
                let mut row = row.clone();
                row["month"] = json!(month.format("%Y-%m").to_string());
                all_rows.push(row);
                month = crate::calendar::next_month_start(month).expect("months stay in range");
            }
        }
        edition["rows"] = json!(all_rows);
        edition["as_of"] = json!(last_day_text);
    }
    // Annual rows stay as they are: a hundred times as many years would leave the plausible range, and
    // the annual series is a handful of rows either way.
    let dataset_as_of = tree["as_of"].as_str().unwrap_or("").to_string();
    if last_day_text > dataset_as_of {
        tree["as_of"] = json!(last_day_text);
    }
    for collection in ["sources", "announcements", "funding", "figures"] {
        repeat_records(&mut tree[collection], factor);
    }
}

/// Repeats a list of records `factor` times, each copy's id and every id it refers to (sources,
/// alternatives' sources, the records a relation is of) suffixed so references stay within the copy.
fn repeat_records(records: &mut Value, factor: usize) {
    let originals = records.as_array().cloned().unwrap_or_default();
    let mut copies = originals.clone();
    for copy_idx in 1..factor {
        let suffix = format!("-copy{copy_idx}");
        for original in &originals {
            let mut copy = original.clone();
            copy["id"] = with_suffix(&copy["id"], &suffix);
            if let Some(source_ids) = copy.get_mut("source_ids").and_then(Value::as_array_mut) {
                for source_id in source_ids.iter_mut() {
                    *source_id = with_suffix(source_id, &suffix);
                }
            }
            if let Some(alternatives) = copy.get_mut("alternatives").and_then(Value::as_array_mut) {
                for alternative in alternatives {
                    for source_id in alternative["source_ids"]
                        .as_array_mut()
                        .into_iter()
                        .flatten()
                    {
                        *source_id = with_suffix(source_id, &suffix);
                    }
                }
            }
            if let Some(of) = copy
                .get_mut("relation")
                .and_then(|relation| relation.get_mut("of"))
            {
                match of {
                    Value::Array(targets) => {
                        for target in targets.iter_mut() {
                            *target = with_suffix(target, &suffix);
                        }
                    }
                    target => *target = with_suffix(target, &suffix),
                }
            }
            copies.push(copy);
        }
    }
    *records = json!(copies);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse_dataset;

    #[test]
    fn scaled_datasets_pass_every_check_and_grow_as_asked() {
        let base = include_str!("../public/data/dataset.json");
        let real = parse_dataset(base.as_bytes()).unwrap();
        for factor in [1, 10] {
            let scaled_text = scaled_dataset_json(base, factor);
            let scaled = parse_dataset(scaled_text.as_bytes())
                .unwrap_or_else(|errors| panic!("{:?}", &errors[..3.min(errors.len())]));
            assert_eq!(
                scaled.announcements.len(),
                real.announcements.len() * factor
            );
            assert_eq!(
                scaled.crossings.daily.people.len(),
                real.crossings.daily.people.len() * factor
            );
            assert_eq!(
                scaled.crossings.monthly[0].rows.len(),
                real.crossings.monthly[0].rows.len() * factor
            );
        }
        assert_eq!(
            scaled_dataset_json(base, 3),
            scaled_dataset_json(base, 3),
            "deterministic"
        );
    }
}
