//! The corpus of malformed and hostile datasets: each `tests/malformed/NAME.json` must be refused with the error in `NAME.expected`.

use std::fs;
use std::path::Path;

use border_security_explorer::data::{parse_dataset, MAX_DATASET_BYTES};

#[test]
fn every_malformed_file_gets_its_clear_error() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut n_cases = 0;
    let mut failures = Vec::new();
    let mut names: Vec<_> = fs::read_dir(&corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    names.sort();
    for path in names {
        n_cases += 1;
        let bytes = fs::read(&path).unwrap();
        let expected = fs::read_to_string(path.with_extension("expected")).unwrap();
        let expected = expected.trim_end();
        match parse_dataset(&bytes) {
            Ok(_) => failures.push(format!("{}: was accepted", path.display())),
            Err(errors) => {
                let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
                if !messages.iter().any(|message| message == expected) {
                    failures.push(format!(
                        "{}:\n  expected: {expected}\n  found:    {}",
                        path.display(),
                        messages.join("\n            ")
                    ));
                }
            }
        }
    }
    assert!(
        n_cases >= 30,
        "the corpus should hold at least 30 cases, found {n_cases}"
    );
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

#[test]
fn the_bundled_dataset_is_valid() {
    let bytes =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/dataset.json")).unwrap();
    let dataset = parse_dataset(&bytes).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(dataset.sources.len() >= 70);
    assert!(dataset.announcements.len() >= 45);
}
