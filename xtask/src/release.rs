//! `cargo xtask release`: the files a version tag publishes (the offline edition, the dataset, release notes) in `release/`, with a `SHA256SUMS` file, built from a clean tree and a dataset that passes its check.

use std::fs;
use std::path::Path;

use border_security_explorer::data::{fingerprint, parse_dataset};

use crate::dist::{build_dist, OFFLINE_FILE_NAME};
use crate::tools::{output_of, Toolchain};

/// Where the release files are written, at the project's root.
pub const RELEASE_DIR: &str = "release";

/// Refuses when the working tree has changes a release would not contain, naming them.
pub fn refuse_dirty_tree(git_status_porcelain: &str) -> Result<(), String> {
    let changed: Vec<&str> = git_status_porcelain
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    if changed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the working tree is not clean, so the release would not be the commit it names; commit or \
             stash these first:\n  {}",
            changed.join("\n  ")
        ))
    }
}

/// `SHA256SUMS` as `sha256sum` writes it: the hash, two spaces, the file name; one line per file.
pub fn sha256sums(files: &[(&str, &[u8])]) -> String {
    files
        .iter()
        .map(|(name, bytes)| format!("{}  {name}\n", fingerprint(bytes)))
        .collect()
}

/// Builds the release files from a clean tree whose dataset passes its check.
pub fn write_release(project_root: &Path, toolchain: &Toolchain) -> Result<(), String> {
    let status = output_of(
        std::process::Command::new("git")
            .args(["status", "--porcelain", "--untracked-files=normal"])
            .current_dir(project_root),
    )?;
    refuse_dirty_tree(&status)?;
    let dataset_path = project_root.join(crate::DATASET_PATH);
    let dataset_bytes = fs::read(&dataset_path)
        .map_err(|error| format!("reading {}: {error}", dataset_path.display()))?;
    let dataset = parse_dataset(&dataset_bytes).map_err(|problems| {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!(
            "{} fails its check, so no release was written:\n  {}",
            crate::DATASET_PATH,
            listed.join("\n  ")
        )
    })?;
    build_dist(project_root, toolchain)?;
    let offline = fs::read(project_root.join("dist").join(OFFLINE_FILE_NAME))
        .map_err(|error| format!("reading dist/{OFFLINE_FILE_NAME}: {error}"))?;
    let version = border_security_explorer::APP_VERSION;
    let dataset_fingerprint = fingerprint(&dataset_bytes);
    let commit = output_of(
        std::process::Command::new("git")
            .args(["rev-parse", "HEAD"])
            .current_dir(project_root),
    )?;
    let app_name = border_security_explorer::APP_NAME;
    let notes = format!(
        "# {app_name} {version}\n\n\
         - Commit: {commit}\n\
         - Dataset: {title}, data as at {as_of}; fingerprint (SHA-256 of dataset.json) {dataset_fingerprint}\n\
         - Files: {OFFLINE_FILE_NAME} (the offline edition: open it from disk, no network needed), \
         dataset.json (the data it carries), SHA256SUMS (check them with `sha256sum -c SHA256SUMS`).\n\n\
         What changed in the app is in CHANGELOG.md; what changed in the data is in the dataset's own \
         changelog, listed in the app's Sources view.\n",
        commit = commit.trim(),
        title = dataset.title,
        as_of = border_security_explorer::dates::day_month_year(dataset.as_of),
    );
    let release_dir = project_root.join(RELEASE_DIR);
    if release_dir.exists() {
        fs::remove_dir_all(&release_dir)
            .map_err(|error| format!("clearing {RELEASE_DIR}/: {error}"))?;
    }
    fs::create_dir_all(&release_dir)
        .map_err(|error| format!("creating {RELEASE_DIR}/: {error}"))?;
    let files: [(&str, &[u8]); 3] = [
        (OFFLINE_FILE_NAME, &offline),
        ("dataset.json", &dataset_bytes),
        ("RELEASE-NOTES.md", notes.as_bytes()),
    ];
    for (name, bytes) in files {
        fs::write(release_dir.join(name), bytes)
            .map_err(|error| format!("writing {RELEASE_DIR}/{name}: {error}"))?;
    }
    let sums = sha256sums(&files);
    fs::write(release_dir.join("SHA256SUMS"), &sums)
        .map_err(|error| format!("writing {RELEASE_DIR}/SHA256SUMS: {error}"))?;
    println!(
        "Release {version} (commit {}), dataset fingerprint {dataset_fingerprint}, written to {RELEASE_DIR}/:",
        &commit.trim()[..12.min(commit.trim().len())]
    );
    for (name, bytes) in files {
        println!("  {name:<28} {:>10} bytes", bytes.len());
    }
    print!("SHA256SUMS:\n{sums}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dirty_tree_is_refused_naming_each_change() {
        assert!(refuse_dirty_tree("").is_ok());
        let error = refuse_dirty_tree(" M src/lib.rs\n?? notes.txt\n").unwrap_err();
        assert!(error.contains("not clean"), "{error}");
        assert!(
            error.contains("M src/lib.rs") && error.contains("?? notes.txt"),
            "{error}"
        );
    }

    #[test]
    fn checksums_are_written_as_sha256sum_reads_them() {
        let sums = sha256sums(&[("a.txt", b"abc"), ("b.json", b"")]);
        assert_eq!(
            sums,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n\
             e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  b.json\n"
        );
    }
}
