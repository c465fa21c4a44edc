//! The handover between the parsing worker and the page: a file's checked outcome as compact bytes.
//!
//! Every dataset (the bundled one and a person's own file) is parsed, checked and fingerprinted by the
//! reader module (`reader/`, this same core built on its own), in a Web Worker so the page stays
//! responsive; it sends back the outcome encoded with postcard, and the page only decodes it. Both sides
//! are built together and the reader's file is named by its hash, so the format needs no versioning.

use super::{fingerprint, parse_dataset, DataError, Dataset};

/// A dataset that passed every check, with the SHA-256 fingerprint of the file's bytes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CheckedFile {
    pub dataset: Dataset,
    pub fingerprint: String,
}

/// What checking a file produced: the dataset, or every problem found.
pub type CheckOutcome = Result<CheckedFile, Vec<DataError>>;

/// Parses, checks and fingerprints `file_bytes`, as the page would on its own.
pub fn check_file(file_bytes: &[u8]) -> CheckOutcome {
    parse_dataset(file_bytes).map(|dataset| CheckedFile {
        dataset,
        fingerprint: fingerprint(file_bytes),
    })
}

/// The outcome of checking `file_bytes`, encoded for the page (the worker's side).
pub fn check_file_to_handover(file_bytes: &[u8]) -> Vec<u8> {
    // Encoding owned, well-formed values to a growable buffer cannot fail; should it ever, the page is
    // told so rather than given an empty dataset.
    postcard::to_allocvec(&check_file(file_bytes)).unwrap_or_default()
}

/// Decodes what [`check_file_to_handover`] produced (the page's side). Bytes that are not such an
/// outcome give an error message rather than a panic.
pub fn outcome_from_handover(handover_bytes: &[u8]) -> Result<CheckOutcome, String> {
    postcard::from_bytes(handover_bytes).map_err(|error| {
        format!("the checked dataset could not be read back from the worker ({error})")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &[u8] = include_bytes!("../../public/data/dataset.json");

    #[test]
    fn a_valid_file_survives_the_handover_unchanged() {
        let direct = check_file(BUNDLED);
        assert!(direct.is_ok(), "the bundled dataset is valid");
        let handed_over = outcome_from_handover(&check_file_to_handover(BUNDLED)).expect("decodes");
        assert_eq!(handed_over, direct);
    }

    #[test]
    fn problems_survive_the_handover_unchanged() {
        let broken = br#"{"schema_version": 1, "title": 5}"#;
        let direct = check_file(broken);
        assert!(direct.as_ref().is_err_and(|problems| problems.len() > 1));
        let handed_over = outcome_from_handover(&check_file_to_handover(broken)).expect("decodes");
        assert_eq!(handed_over, direct);
    }

    #[test]
    fn damaged_handover_bytes_give_an_error_not_a_panic() {
        let encoded = check_file_to_handover(BUNDLED);
        assert!(outcome_from_handover(&[]).is_err());
        assert!(outcome_from_handover(&encoded[..encoded.len() / 2]).is_err());
        assert!(outcome_from_handover(&[0xff; 64]).is_err());
    }
}
