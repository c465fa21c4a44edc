//! A dataset file the person opens: reading and checking it, what changed against the data on screen, every problem found, and the way back to the bundled data.
//!
//! What only a person's own asking reaches (reading and checking a file, what changed, the notice of
//! the file shown, the data pack) is a part of the wasm of its own, `bse_your_data` (see
//! `lazy_views.rs` for how the build splits there), fetched the first time a file is opened or the
//! pack asked for. The panel, the file button and every problem's list stay in the first module: they
//! say what happened even when that part could not be fetched.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::JsCast;

use super::browser;
use super::lazy_views::PART_MISSING;
use super::load::{read_dataset_file, DatasetOrigin, LoadError, LoadedDataset};
use super::worker::{ask_reader, ReaderTask};
use crate::on_request::{changes_from_answer, read_answer};
use crate::view_model::ChangesSummary;

/// What changed between the data that were on screen and a file opened, as the reader module worked
/// it out, with both datasets as handed over, from which it makes the full list when that is asked for.
#[derive(Clone)]
pub struct Changes {
    summary: ChangesSummary,
    before: Arc<[u8]>,
    after: Arc<[u8]>,
}

/// What changed against the data that were on screen, as far as it has been worked out.
#[derive(Clone)]
pub enum ChangesState {
    /// Nothing to compare: no file shown, or no data on screen before it.
    NotCompared,
    /// The reader module is comparing the two: the notice says so, in the room the answer will take.
    Working,
    /// The answer, or why it could not be worked out.
    Worked(Result<Changes, String>),
}

/// The bundled dataset as the app loads it.
pub type BundledResource = LocalResource<Result<LoadedDataset, LoadError>>;

/// Making the data pack, awaited by the task the click started.
type PackTask = Pin<Box<dyn Future<Output = ()>>>;

/// The code for a person's own data, in its part.
#[derive(Clone, Copy)]
struct YourDataCode {
    /// Reads and checks a file, and shows it or every problem found.
    open: fn(FileState, web_sys::File, BundledResource),
    /// Which file is shown, what changed, and the way back.
    opened_notice: fn(LoadedDataset, FileState, bool) -> AnyView,
    /// Makes the data pack of the data shown and downloads it, saying how it went in the status.
    data_pack: fn(LoadedDataset, RwSignal<String>) -> PackTask,
}

#[wasm_split(bse_your_data, wasm_split_path = ::leptos::wasm_split, fallible)]
fn your_data_code() -> Result<YourDataCode, SplitLoaderError> {
    Ok(YourDataCode {
        open: FileState::open_now,
        opened_notice: |loaded, file_state, bundled_ok| {
            view! { <OpenedNotice loaded=loaded file_state=file_state bundled_ok=bundled_ok/> }
                .into_any()
        },
        data_pack: |loaded, status| Box::pin(make_data_pack(loaded, status)),
    })
}

/// Makes the data pack of `loaded` when asked for, in one task, saying in `status` how it went.
pub fn download_data_pack(loaded: LoadedDataset, status: RwSignal<String>) {
    leptos::task::spawn_local(async move {
        match your_data_code().await {
            Ok(code) => (code.data_pack)(loaded, status).await,
            Err(_) => status.set(format!("The download failed: {PART_MISSING}")),
        }
    });
}

/// Every series and record as CSV, the dataset file and a README, in a ZIP made by the reader module.
async fn make_data_pack(loaded: LoadedDataset, status: RwSignal<String>) {
    // The hosted site's own dataset file is fetched now: the page started without it. The reader
    // module makes the pack, from the dataset as it handed it over and the file.
    let file_name = crate::data_pack::data_pack_file_name(&loaded.dataset);
    status.set(format!("Making {file_name}…"));
    let downloaded = match loaded.file_bytes().await {
        Ok(file_bytes) => {
            let inputs = [&loaded.handover[..], &file_bytes[..]];
            ask_reader(ReaderTask::DataPack, &inputs)
                .await
                .and_then(|answer| {
                    let zipped = read_answer(&answer)?;
                    browser::download_bytes(&file_name, "application/zip", zipped)
                })
        }
        Err(message) => Err(message),
    };
    status.set(match downloaded {
        Ok(()) => format!("Downloading {file_name}"),
        Err(message) => format!("The download failed: {message}"),
    });
}

/// Everything about a file the person opened. The file replaces the bundled data only once it has
/// passed every check; a file that fails leaves the data on screen as they were.
#[derive(Clone, Copy)]
pub struct FileState {
    pub opened: RwSignal<Option<LoadedDataset>>,
    pub open_error: RwSignal<Option<LoadError>>,
    /// The file being opened, and the whole percent of it read; 100 while it is checked.
    pub read_progress: RwSignal<Option<(String, u32)>>,
    /// Counts the files opened: only the latest one's progress and result are heeded.
    open_generation: StoredValue<u64>,
    /// What changed between the data that were on screen and the file just opened, or why that could
    /// not be worked out.
    pub changes: RwSignal<ChangesState>,
    /// The code for a person's own data, once its part is here.
    code: StoredValue<Option<YourDataCode>>,
}

impl FileState {
    pub fn new() -> Self {
        FileState {
            opened: RwSignal::new(None),
            open_error: RwSignal::new(None),
            read_progress: RwSignal::new(None),
            changes: RwSignal::new(ChangesState::NotCompared),
            open_generation: StoredValue::new(0),
            code: StoredValue::new(None),
        }
    }

    /// Opens `file` (see `open_now`) once the part for a person's own data is here; the file's name
    /// shows at once. Where the part cannot be fetched, that is said as the file's problem, and the
    /// data on screen stay.
    pub fn open(self, file: web_sys::File, bundled: BundledResource) {
        let name = file.name();
        self.open_error.set(None);
        self.read_progress.set(Some((name.clone(), 0)));
        leptos::task::spawn_local(async move {
            match your_data_code().await {
                Ok(code) => {
                    self.code.set_value(Some(code));
                    (code.open)(self, file, bundled);
                }
                Err(_) => {
                    self.read_progress.set(None);
                    self.open_error.set(Some(LoadError {
                        summary: format!("{name} could not be opened: {PART_MISSING}."),
                        problems: Vec::new(),
                        can_retry: false,
                    }));
                    super::focus_element("open-error-summary");
                }
            }
        });
    }

    /// Reads and checks `file`; shows it if it passes, else every problem found. The last file opened
    /// wins: a file opened before it is dropped, whenever its reading or checking ends (its worker is
    /// stopped), so its data or its errors never replace the later file's.
    fn open_now(self, file: web_sys::File, bundled: BundledResource) {
        self.open_generation
            .update_value(|generation| *generation += 1);
        let generation = self.open_generation.get_value();
        let is_latest = move || self.open_generation.get_value() == generation;
        let name = file.name();
        self.open_error.set(None);
        self.read_progress.set(Some((name.clone(), 0)));
        read_dataset_file(
            file,
            move |percent| {
                if is_latest() {
                    self.read_progress.set(Some((name.clone(), percent)));
                }
            },
            move |result| {
                if !is_latest() {
                    return;
                }
                self.read_progress.set(None);
                match result {
                    Ok(loaded) => self.show(loaded, bundled),
                    Err(error) => {
                        self.open_error.set(Some(error));
                        super::focus_element("open-error-summary");
                    }
                }
            },
        );
    }

    /// Shows a checked file at once, then compares it with the data that were on screen.
    fn show(self, loaded: LoadedDataset, bundled: BundledResource) {
        let on_screen = self
            .opened
            .get_untracked()
            .or_else(|| bundled.get_untracked().and_then(Result::ok))
            .map(|shown| shown.handover);
        let opened_handover = loaded.handover.clone();
        self.changes.set(if on_screen.is_some() {
            ChangesState::Working
        } else {
            ChangesState::NotCompared
        });
        self.opened.set(Some(loaded));
        let Some(before) = on_screen else {
            return;
        };
        // The comparison runs in the reader module, after the new data are drawn; marked, so the bench
        // can time it.
        leptos::task::spawn_local(async move {
            browser::next_task().await;
            browser::mark_performance("bse-diff-start");
            let inputs = [&before[..], &opened_handover[..]];
            let changes = ask_reader(ReaderTask::Changes, &inputs)
                .await
                .and_then(|answer| changes_from_answer(&answer))
                .map(|summary| Changes {
                    summary,
                    before: before.clone(),
                    after: opened_handover.clone(),
                });
            browser::mark_performance("bse-diff-end");
            // Only while the file compared is still the one shown (not closed, nor replaced by another).
            let still_shown = self
                .opened
                .get_untracked()
                .is_some_and(|shown| Arc::ptr_eq(&shown.handover, &opened_handover));
            if still_shown {
                self.changes.set(ChangesState::Worked(changes));
            }
        });
    }

    /// Back to the bundled data, forgetting the file and anything said about it.
    fn close(self) {
        self.opened.set(None);
        self.open_error.set(None);
        self.changes.set(ChangesState::NotCompared);
    }
}

/// Opens a file dropped anywhere on the page.
pub fn listen_for_dropped_files(open_file: impl Fn(web_sys::File) + Clone + 'static) {
    let dragover = window_event_listener(ev::dragover, |event| event.prevent_default());
    let drop = window_event_listener(ev::drop, move |event: ev::DragEvent| {
        event.prevent_default();
        if let Some(file) = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0))
        {
            open_file(file);
        }
    });
    // For the page's whole life.
    std::mem::forget((dragover, drop));
}

/// "Open data file" in the page's header: a button-styled label for a file box only screen readers
/// and the keyboard meet, so it takes no room under the title.
#[component]
pub fn OpenFileButton(
    /// Called with the chosen file.
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let on_change = move |event: ev::Event| {
        let input: Option<web_sys::HtmlInputElement> =
            event.target().and_then(|target| target.dyn_into().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.run(file);
            }
            // Choosing the same file again must fire another change.
            input.set_value("");
        }
    };
    view! {
        <span class="open-file">
            <input type="file" id="dataset-file" class="open-file__input" data-testid="open-dataset"
                accept=".json,application/json" on:change=on_change/>
            <label class="open-file__label" for="dataset-file" title="A dataset file (JSON, at most 32 MB); you can also drop it on the page">
                "Open data file"
            </label>
        </span>
    }
}

/// What happens to a file opened: progress, which file is shown and what changed, every problem,
/// and the way back.
#[component]
pub fn DataPanel(
    file_state: FileState,
    /// Whether the bundled dataset loaded, so there is something to go back to.
    bundled_ok: bool,
) -> impl IntoView {
    let FileState {
        opened,
        open_error,
        read_progress,
        ..
    } = file_state;
    view! {
        <section class="data-panel" aria-label="Your data">
            {move || read_progress.get().map(|(name, percent)| {
                let is_reading = percent < 100;
                view! {
                    <p role="status" data-testid="read-progress">
                        <label for="read-progress-bar">
                            {if is_reading { format!("Reading {name}… {percent}%") } else { format!("Checking {name}…") }}
                        </label>
                        // While checking, no value: the bar shows work under way without claiming how much is left.
                        <progress id="read-progress-bar" max="100" value=is_reading.then_some(percent)></progress>
                    </p>
                }
            })}
            // A file is shown only once its part is here, which draws its notice.
            {move || opened.get().and_then(|loaded| {
                file_state.code.get_value().map(|code| (code.opened_notice)(loaded, file_state, bundled_ok))
            })}
            {move || open_error.get().map(|error| view! { <OpenErrorSummary error=error/> })}
        </section>
    }
}

/// Which file is shown, what changed against the data before it, and the way back.
#[component]
fn OpenedNotice(loaded: LoadedDataset, file_state: FileState, bundled_ok: bool) -> impl IntoView {
    let changes = file_state.changes;
    view! {
        <div class="notice" role="status" data-testid="opened-dataset"
            data-checked-in=if loaded.checked_in_worker { "worker" } else { "page" }>
            <p>
                "Showing "<strong>{loaded.dataset.title.clone()}</strong>
                " from "{origin_text(&loaded.origin)}", data as at "{crate::dates::day_month_year(loaded.dataset.as_of)}
                ", fingerprint "<code>{loaded.fingerprint.chars().take(16).collect::<String>()}"…"</code>"."
            </p>
            {move || match changes.get() {
                ChangesState::NotCompared => None,
                ChangesState::Working => Some(view! {
                    <ChangesBox test_id="what-changed-working">
                        <p>"Comparing this file with the data shown before it…"</p>
                    </ChangesBox>
                }.into_any()),
                ChangesState::Worked(changes) => Some(view! { <WhatChanged changes=changes/> }.into_any()),
            }}
            <Show when=move || bundled_ok>
                <button type="button" class="button button--secondary" data-testid="back-to-bundled"
                    on:click=move |_| file_state.close()>"Back to the bundled data"</button>
            </Show>
        </div>
    }
}

/// The sentences of a comparison, and the full list to download (made by the reader only when asked for).
#[component]
fn WhatChanged(changes: Result<Changes, String>) -> impl IntoView {
    let changes = match changes {
        Ok(changes) => changes,
        Err(message) => {
            return view! {
                <ChangesBox test_id="what-changed">
                    <p>{format!("What changed could not be worked out: {message}")}</p>
                </ChangesBox>
            }
            .into_any()
        }
    };
    let row_count = changes.summary.row_count;
    let lines = changes.summary.lines.clone();
    let status = RwSignal::new(String::new());
    let download = move |_| {
        let inputs = (changes.before.clone(), changes.after.clone());
        leptos::task::spawn_local(async move {
            let downloaded = ask_reader(ReaderTask::ChangesCsv, &[&inputs.0[..], &inputs.1[..]])
                .await
                .and_then(|answer| {
                    let csv = read_answer(&answer)?;
                    browser::download_bytes("what-changed.csv", "text/csv;charset=utf-8", csv)
                });
            status.set(match downloaded {
                Ok(()) => "Downloading what-changed.csv".to_string(),
                Err(message) => format!("The download failed: {message}"),
            });
        });
    };
    view! {
        <ChangesBox test_id="what-changed">
            <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            {(row_count > 0).then(|| view! {
                <button type="button" class="button button--secondary" data-testid="download-changes"
                    on:click=download>{format!("Download the full list ({}, CSV)", crate::text::count_of(row_count, "row", "rows"))}</button>
                <span class="visually-hidden" role="status" data-testid="download-changes-status">{move || status.get()}</span>
            })}
        </ChangesBox>
    }
    .into_any()
}

/// The box "What changed" is said in, the same while it is worked out as once it is, so the answer
/// takes the place the wait held.
#[component]
fn ChangesBox(test_id: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="changes" data-testid=test_id>
            <h3>"What changed"</h3>
            {children()}
        </div>
    }
}

/// Every problem found in a file that failed its check; the data on screen stay as they were.
#[component]
fn OpenErrorSummary(error: LoadError) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" tabindex="-1" id="open-error-summary" data-testid="open-error">
            <h2 class="error-summary__title">"There is a problem with the file"</h2>
            <p>{error.summary.clone()}" The data shown below has not changed."</p>
            <ul class="error-summary__list">
                {error.problems.iter().take(100).map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view()}
            </ul>
            {(error.problems.len() > 100).then(|| view! {
                <p>{format!("…and {} more. Run `cargo xtask check-data FILE` to list them all.", error.problems.len() - 100)}</p>
            })}
        </div>
    }
}

/// "your file newer.json".
pub fn origin_text(origin: &DatasetOrigin) -> String {
    match origin {
        DatasetOrigin::Bundled => "the data bundled with this app".to_string(),
        DatasetOrigin::File(name) => format!("your file {name}"),
    }
}
