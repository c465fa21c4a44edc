//! What the reader module works out only when a person asks: what changed against a file opened, its full list as CSV, and the data pack.
//!
//! Each works from checked datasets as the reader handed them over (`data::handover`), so the page's
//! own module holds neither the comparison of two datasets nor the data pack's CSV files and ZIP: the
//! page passes the bytes it already has to the reader module (`reader/`) and gets back an answer. An answer is one
//! byte saying whether it worked, then what was asked for, or a sentence saying why not.

use crate::data::handover::{outcome_from_handover, CheckedFile};
use crate::view_model::{diff_view, ChangesSummary};

/// The first byte of an answer that holds what was asked for.
const ANSWERED: u8 = 0;
/// The first byte of an answer that holds, in UTF-8, why it could not be worked out.
const FAILED: u8 = 1;

fn answer(result: Result<Vec<u8>, String>) -> Vec<u8> {
    let (first, rest) = match result {
        Ok(bytes) => (ANSWERED, bytes),
        Err(message) => (FAILED, message.into_bytes()),
    };
    let mut answer = Vec::with_capacity(rest.len() + 1);
    answer.push(first);
    answer.extend_from_slice(&rest);
    answer
}

/// What an answer holds (the page's side): the bytes asked for, or why there are none.
pub fn read_answer(answer: &[u8]) -> Result<&[u8], String> {
    match answer.split_first() {
        Some((&ANSWERED, bytes)) => Ok(bytes),
        Some((&FAILED, message)) => Err(String::from_utf8_lossy(message).into_owned()),
        _ => Err("the explorer's data reader gave an answer it could not have given".to_string()),
    }
}

/// A dataset as handed over; `which` names it in the message should the bytes not be one.
fn checked_file(handover_bytes: &[u8], which: &str) -> Result<CheckedFile, String> {
    outcome_from_handover(handover_bytes)?.map_err(|problems| {
        format!(
            "{which} did not pass its checks ({} problems)",
            problems.len()
        )
    })
}

fn both_checked(before: &[u8], after: &[u8]) -> Result<(CheckedFile, CheckedFile), String> {
    Ok((
        checked_file(before, "the data on screen")?,
        checked_file(after, "the file opened")?,
    ))
}

/// What changed from `before` (the data on screen) to `after` (a file opened), in sentences; the
/// answer's bytes decode with [`changes_from_answer`].
pub fn changes_answer(before: &[u8], after: &[u8]) -> Vec<u8> {
    answer(both_checked(before, after).and_then(|(before, after)| {
        let summary = diff_view(before.dataset.into(), after.dataset.into()).summary();
        postcard::to_allocvec(&summary).map_err(|error| error.to_string())
    }))
}

/// The sentences [`changes_answer`] worked out (the page's side).
pub fn changes_from_answer(answer: &[u8]) -> Result<ChangesSummary, String> {
    postcard::from_bytes(read_answer(answer)?)
        .map_err(|error| format!("what changed could not be read back ({error})"))
}

/// Every change from `before` to `after`, one row each, as the CSV file "Download the full list" gives.
pub fn changes_csv_answer(before: &[u8], after: &[u8]) -> Vec<u8> {
    answer(both_checked(before, after).map(|(before, after)| {
        let table = diff_view(before.dataset.into(), after.dataset.into()).table();
        crate::export::to_csv(&table, &[format!("{}.", table.caption)]).into_bytes()
    }))
}

/// The data pack (a ZIP) of the dataset handed over as `handover`, whose file is `file_bytes`.
pub fn data_pack_answer(handover: &[u8], file_bytes: &[u8]) -> Vec<u8> {
    answer(
        checked_file(handover, "the data on screen").and_then(|checked| {
            let files = crate::data_pack::data_pack_files(
                &checked.dataset,
                &checked.fingerprint,
                file_bytes,
            );
            crate::data_pack::zip_files(&files)
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::handover::check_file_to_handover;
    use crate::testing::{date, tree_with_days};

    fn handover_of(tree: &serde_json::Value) -> (Vec<u8>, Vec<u8>) {
        let file = serde_json::to_vec(tree).unwrap();
        (check_file_to_handover(&file), file)
    }

    #[test]
    fn what_changed_is_the_same_through_an_answer_as_worked_out_directly() {
        let old_tree = tree_with_days(date(2024, 1, 1), &[5, 6, 7], &[1, 1, 1]);
        let new_tree = tree_with_days(date(2024, 1, 1), &[5, 9, 7, 2], &[1, 2, 1, 1]);
        let ((old, _), (new, _)) = (handover_of(&old_tree), handover_of(&new_tree));
        let direct = diff_view(
            crate::testing::dataset_from(&old_tree).into(),
            crate::testing::dataset_from(&new_tree).into(),
        );
        let summary = changes_from_answer(&changes_answer(&old, &new)).unwrap();
        assert_eq!(summary, direct.summary());
        assert!(summary.row_count > 0);
        let csv = String::from_utf8(
            read_answer(&changes_csv_answer(&old, &new))
                .unwrap()
                .to_vec(),
        )
        .unwrap();
        let table = direct.table();
        assert_eq!(
            csv,
            crate::export::to_csv(&table, &[format!("{}.", table.caption)])
        );
    }

    #[test]
    fn the_data_pack_through_an_answer_is_the_zip_of_the_packs_files() {
        let tree = tree_with_days(date(2024, 1, 1), &[3; 40], &[1; 40]);
        let (handover, file) = handover_of(&tree);
        let checked = checked_file(&handover, "it").unwrap();
        let expected = crate::data_pack::zip_files(&crate::data_pack::data_pack_files(
            &checked.dataset,
            &checked.fingerprint,
            &file,
        ))
        .unwrap();
        assert_eq!(
            read_answer(&data_pack_answer(&handover, &file)).unwrap(),
            expected
        );
        let message = read_answer(&data_pack_answer(b"", &file)).unwrap_err();
        assert!(message.contains("could not be read back"), "{message}");
    }

    #[test]
    fn bytes_that_are_no_checked_dataset_give_a_sentence_not_a_panic() {
        let (good, _) = handover_of(&tree_with_days(date(2024, 1, 1), &[1], &[1]));
        let failed = check_file_to_handover(br#"{"schema_version": 1}"#);
        let message = read_answer(&changes_answer(&good, &failed)).unwrap_err();
        assert!(
            message.starts_with("the file opened did not pass its checks ("),
            "{message}"
        );
        let message = read_answer(&changes_csv_answer(b"\xff\xff", &good)).unwrap_err();
        assert!(message.contains("could not be read back"), "{message}");
        assert!(read_answer(&[]).is_err());
        assert!(read_answer(&[7, 1, 2]).is_err());
        assert_eq!(read_answer(&[ANSWERED, 1, 2]), Ok(&[1u8, 2][..]));
    }
}
