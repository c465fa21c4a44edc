//! Finds datasets: the bundled one (inline JSON block of the offline edition, else `data/dataset.json` by
//! same-origin fetch) and a file a person opens, checked for size before it is read.

use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::worker;
use crate::data::{fingerprint, parse_dataset, DataError, Dataset, MAX_DATASET_BYTES};
use crate::page::INLINE_DATASET_ELEMENT_ID;

/// The dataset's address relative to `index.html`, so the site works under any sub-path.
pub const HOSTED_DATASET_PATH: &str = "data/dataset.json";

/// Where a loaded dataset came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetOrigin {
    /// Shipped with the app.
    Bundled,
    /// Opened by the person, from a file with this name.
    File(String),
}

/// A checked dataset with what identifies it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedDataset {
    pub dataset: Arc<Dataset>,
    /// SHA-256 of the file's bytes.
    pub fingerprint: String,
    pub origin: DatasetOrigin,
    /// Whether a worker checked it (a person's file, normally) rather than the page itself.
    pub checked_in_worker: bool,
    /// The file exactly as read, for the data pack.
    pub source_bytes: Arc<[u8]>,
}

/// Why loading failed: a one-line summary and each problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// What failed, for people.
    pub summary: String,
    /// Each problem, with its place in the file where known.
    pub problems: Vec<DataError>,
    /// True when trying again may work (the bundled data could not be fetched), so "Try again" is offered.
    pub can_retry: bool,
}

fn check(bytes: &[u8], origin: DatasetOrigin, what: &str) -> Result<LoadedDataset, LoadError> {
    let dataset = parse_dataset(bytes).map_err(|problems| problems_found(what, problems))?;
    Ok(checked_on_page(dataset, bytes, origin))
}

/// Like `check`, with the fingerprint worked out in a task of its own: starting up holds the page in
/// shorter pieces.
async fn check_in_two_tasks(
    bytes: &[u8],
    origin: DatasetOrigin,
    what: &str,
) -> Result<LoadedDataset, LoadError> {
    let dataset = parse_dataset(bytes).map_err(|problems| problems_found(what, problems))?;
    super::browser::next_task().await;
    Ok(checked_on_page(dataset, bytes, origin))
}

fn checked_on_page(dataset: Dataset, bytes: &[u8], origin: DatasetOrigin) -> LoadedDataset {
    LoadedDataset {
        dataset: Arc::new(dataset),
        fingerprint: fingerprint(bytes),
        origin,
        checked_in_worker: false,
        source_bytes: bytes.into(),
    }
}

fn problems_found(what: &str, problems: Vec<DataError>) -> LoadError {
    LoadError {
        summary: format!(
            "{what} has {} problem{}, so it was not loaded.",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ),
        problems,
        can_retry: false,
    }
}

/// Loads and checks the dataset that ships with the app.
pub async fn load_bundled_dataset() -> Result<LoadedDataset, LoadError> {
    // Reading, checking and drawing each get their own task, so none holds the page for long while
    // it starts.
    let checked = if let Some(inline_json) = inline_dataset_text() {
        // The offline bundler escaped every `<` as `\u003c` and refused files where that is ambiguous;
        // undoing it restores the file's exact bytes, so the fingerprint matches the hosted copy.
        let original = inline_json.replace("\\u003c", "<");
        check_in_two_tasks(
            original.as_bytes(),
            DatasetOrigin::Bundled,
            "The dataset inside this file",
        )
        .await
    } else {
        let bytes = fetch_hosted_dataset().await.map_err(|message| LoadError {
            summary: format!("The figures could not be downloaded from this site ({HOSTED_DATASET_PATH}): {message}"),
            problems: Vec::new(),
            can_retry: true,
        })?;
        super::browser::next_task().await;
        check_in_two_tasks(
            &bytes,
            DatasetOrigin::Bundled,
            &format!("The dataset at {HOSTED_DATASET_PATH}"),
        )
        .await
    };
    super::browser::next_task().await;
    checked
}

fn inline_dataset_text() -> Option<String> {
    super::browser::element_by_id(INLINE_DATASET_ELEMENT_ID)?.text_content()
}

/// The as-of date of the dataset a newer release serves (its worker now answers for this site), read
/// from the file's `as_of` alone; `None` when it cannot be read.
pub async fn new_release_as_of() -> Option<chrono::NaiveDate> {
    #[derive(serde::Deserialize)]
    struct AsOf {
        as_of: String,
    }
    let bytes = fetch_hosted_dataset().await.ok()?;
    let read: AsOf = serde_json::from_slice(&bytes).ok()?;
    crate::dates::parse_iso_date(&read.as_of)
}

async fn fetch_hosted_dataset() -> Result<Vec<u8>, String> {
    // The browser gives a network failure only as "Failed to fetch", so it is told in plain words.
    const CONNECTION_FAILED: &str = "the connection failed or was interrupted. You may be offline, or the site may be unreachable for a moment; check your connection and try again.";
    let response = gloo_net::http::Request::get(HOSTED_DATASET_PATH)
        .send()
        .await
        .map_err(|_| CONNECTION_FAILED.to_string())?;
    if !response.ok() {
        return Err(format!(
            "the site answered \"{} {}\" instead of the data. Try again; if it goes on, the site may be being updated.",
            response.status(),
            response.status_text()
        ));
    }
    response
        .binary()
        .await
        .map_err(|_| CONNECTION_FAILED.to_string())
}

type OnDone = Box<dyn FnOnce(Result<LoadedDataset, LoadError>)>;

/// Checks a file's bytes in a worker, so a large file never freezes the page; if no worker can run,
/// checks them on the page instead (the same code, only slower to come back).
fn check_file_off_the_page(buffer: js_sys::ArrayBuffer, name: String, on_done: OnDone) {
    let bytes_for_page = buffer.clone();
    worker::check_in_worker(&buffer, move |outcome| match outcome {
        // Shown in a task after the one that decoded it: copying a large file's bytes and building
        // the view with its data are long enough on their own.
        Some(Ok(checked)) => leptos::task::spawn_local(async move {
            super::browser::next_task().await;
            let source_bytes = js_sys::Uint8Array::new(&bytes_for_page).to_vec().into();
            on_done(Ok(LoadedDataset {
                dataset: Arc::new(checked.dataset),
                fingerprint: checked.fingerprint,
                origin: DatasetOrigin::File(name),
                checked_in_worker: true,
                // The worker was sent a copy, so the page's buffer is still whole.
                source_bytes,
            }));
        }),
        Some(Err(problems)) => on_done(Err(problems_found(&name, problems))),
        None => {
            let bytes = js_sys::Uint8Array::new(&bytes_for_page).to_vec();
            on_done(check(&bytes, DatasetOrigin::File(name.clone()), &name));
        }
    });
}

/// Reads a file the person chose, reporting progress in whole percent (100 once read, while it is
/// checked), and checks it.
///
/// The size is checked before anything is read. `on_done` receives the result; nothing already
/// loaded is touched here.
pub fn read_dataset_file(
    file: web_sys::File,
    on_progress: impl Fn(u32) + 'static,
    on_done: impl FnOnce(Result<LoadedDataset, LoadError>) + 'static,
) {
    let name = file.name();
    let size_bytes = file.size();
    if size_bytes > MAX_DATASET_BYTES as f64 {
        on_done(Err(LoadError {
            summary: format!(
                "{name} is {:.1} MB; a dataset file may be at most {} MB, so it was not read.",
                size_bytes / 1_048_576.0,
                MAX_DATASET_BYTES / 1_048_576
            ),
            problems: Vec::new(),
            can_retry: false,
        }));
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        on_done(Err(LoadError {
            summary: "This browser cannot read files.".to_string(),
            problems: Vec::new(),
            can_retry: false,
        }));
        return;
    };
    let on_progress = Rc::new(on_progress);
    let on_read_progress = on_progress.clone();
    let progress =
        Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                // 100 means "read, now checking", which only the load-end handler may say.
                on_read_progress(((event.loaded() / event.total() * 100.0).floor() as u32).min(99));
            }
        });
    reader.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    // The progress handler lives as long as the reader; one small closure per file opened.
    progress.forget();
    let reader_for_load = reader.clone();
    let load = Closure::once_into_js(move || {
        let Some(buffer) = reader_for_load
            .result()
            .ok()
            .and_then(|result| result.dyn_into::<js_sys::ArrayBuffer>().ok())
        else {
            on_done(Err(LoadError {
                summary: format!("{name} could not be read."),
                problems: Vec::new(),
                can_retry: false,
            }));
            return;
        };
        on_progress(100);
        check_file_off_the_page(buffer, name, Box::new(on_done));
    });
    reader.set_onloadend(Some(load.unchecked_ref()));
    // Reading a local file only fails to start if the browser refuses outright; the load-end
    // handler then never runs and the page keeps its data.
    reader.read_as_array_buffer(&file).ok();
}
