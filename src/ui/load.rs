//! Finds datasets: the bundled one as checked at build time (and its file for the data pack: inside the offline edition, else `data/dataset.json` by same-origin fetch) and a file a person opens, checked for size before it is read.

use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::worker;
use crate::data::handover::outcome_from_handover;
use crate::data::{DataError, Dataset, MAX_DATASET_BYTES};
use crate::page::{CHECKED_DATASET_ELEMENT_ID, INLINE_DATASET_ELEMENT_ID};

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
    /// The dataset as the reader handed it over, which the reader's later tasks (what changed, the
    /// data pack) take back rather than reading the file again.
    pub handover: Arc<[u8]>,
    /// The file exactly as read, for the data pack; `None` for the bundled dataset, which the page
    /// starts from as checked at build time and reads as a file only when the pack is made.
    pub source_bytes: Option<Arc<[u8]>>,
}

impl LoadedDataset {
    /// The dataset file's bytes: as read, or for the bundled dataset, the offline edition's inline copy
    /// (gzip, in base64) or the hosted site's file.
    pub async fn file_bytes(&self) -> Result<Arc<[u8]>, String> {
        if let Some(bytes) = &self.source_bytes {
            return Ok(bytes.clone());
        }
        match super::browser::element_by_id(INLINE_DATASET_ELEMENT_ID) {
            // The offline edition carries the file's exact bytes, compressed.
            Some(element) => super::browser::inline_gzip_bytes(&element)
                .await
                .map(Arc::from)
                .ok_or_else(|| {
                    "the dataset inside this file is damaged; download the file again".to_string()
                }),
            None => fetch_hosted_dataset().await.map(Arc::from),
        }
    }
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

/// Checks a person's file with the dataset reader (in a worker where one starts); `what` names it in messages.
/// `Ok(None)` when a later file stopped the check.
async fn check_with_reader(
    file_bytes: js_sys::Uint8Array,
    origin: DatasetOrigin,
    what: &str,
) -> Result<Option<LoadedDataset>, LoadError> {
    let checked = worker::check_with_reader(&file_bytes)
        .await
        .map_err(|message| LoadError {
            summary: format!("{what} could not be checked: {message}"),
            problems: Vec::new(),
            can_retry: false,
        })?;
    let Some(checked) = checked else {
        return Ok(None);
    };
    match checked.outcome {
        Ok(file) => {
            // The file's bytes are kept for the data pack in a task after the one that decoded the
            // outcome: for a large file, copying them and building the view are long enough on their own.
            super::browser::next_task().await;
            Ok(Some(LoadedDataset {
                dataset: Arc::new(file.dataset),
                fingerprint: file.fingerprint,
                origin,
                checked_in_worker: checked.checked_in_worker,
                handover: checked.handover,
                source_bytes: Some(file_bytes.to_vec().into()),
            }))
        }
        Err(problems) => Err(problems_found(what, problems)),
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

/// Loads the dataset that ships with the app, as the reader handed it over when the site was built: the
/// page only decodes it, so it needs neither the JSON nor the reader to start. The hosted page names
/// its file; the offline edition carries it inline (gzip, in base64).
pub async fn load_bundled_dataset() -> Result<LoadedDataset, LoadError> {
    let what = "The dataset of this page";
    let failed = |summary: String, can_retry: bool| LoadError {
        summary,
        problems: Vec::new(),
        can_retry,
    };
    let element = super::browser::element_by_id(CHECKED_DATASET_ELEMENT_ID).ok_or_else(|| {
        failed(
            format!("{what} is missing; download the page again."),
            false,
        )
    })?;
    let handover = match element.get_attribute("href") {
        Some(href) => super::browser::fetch_site_file(&href, "the data")
            .await
            .map_err(|message| {
                failed(
                    format!("The figures could not be downloaded from this site: {message}"),
                    true,
                )
            })?,
        None => super::browser::inline_gzip_bytes(&element)
            .await
            .ok_or_else(|| {
                failed(
                    format!("{what} is damaged; download the file again."),
                    false,
                )
            })?,
    };
    super::browser::next_task().await;
    let file = outcome_from_handover(&handover)
        .map_err(|message| {
            failed(
                format!("{what} could not be read: {message}. Reloading the page may help."),
                true,
            )
        })?
        .map_err(|problems| problems_found(what, problems))?;
    // Building the view gets a task of its own, so no one task holds the page for long while it starts.
    super::browser::next_task().await;
    Ok(LoadedDataset {
        dataset: Arc::new(file.dataset),
        fingerprint: file.fingerprint,
        origin: DatasetOrigin::Bundled,
        checked_in_worker: false,
        handover: handover.into(),
        source_bytes: None,
    })
}

/// The as-of date of the dataset a newer release serves (its worker now answers for this site), read
/// from the file's `as_of` alone; `None` when it cannot be read.
pub async fn new_release_as_of() -> Option<chrono::NaiveDate> {
    // The browser's own JSON reader: the app's module carries none (the dataset reader is a module of
    // its own), and only one field is wanted.
    let text = String::from_utf8(fetch_hosted_dataset().await.ok()?).ok()?;
    let tree = js_sys::JSON::parse(&text).ok()?;
    let as_of = js_sys::Reflect::get(&tree, &wasm_bindgen::JsValue::from_str("as_of")).ok()?;
    crate::dates::parse_iso_date(&as_of.as_string()?)
}

async fn fetch_hosted_dataset() -> Result<Vec<u8>, String> {
    super::browser::fetch_site_file(HOSTED_DATASET_PATH, "the data").await
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
        let file_bytes = js_sys::Uint8Array::new(&buffer);
        leptos::task::spawn_local(async move {
            let what = name.clone();
            let origin = DatasetOrigin::File(name);
            let checked = check_with_reader(file_bytes, origin, &what).await;
            // A later file stopped this check: its outcome is the later file's to give.
            if let Some(checked) = checked.transpose() {
                on_done(checked);
            }
        });
    });
    reader.set_onloadend(Some(load.unchecked_ref()));
    // Reading a local file only fails to start if the browser refuses outright; the load-end
    // handler then never runs and the page keeps its data.
    reader.read_as_array_buffer(&file).ok();
}
