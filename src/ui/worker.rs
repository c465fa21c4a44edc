//! The reader module's tasks: checking a file a person opens, what changed against the data before it, and the data pack, in a Web Worker, or on the page where no worker starts.
//!
//! The reader (the strict JSON reader, the checks and the fingerprint, the comparison of two datasets and
//! the data pack) is a WebAssembly module of its own (`reader/`), so the app's module holds none of
//! it. The build names it in the page: its file on the hosted site, fetched when first needed; its
//! bytes (gzip, in base64) in the offline edition. The page compiles it once, posts it with a task's
//! inputs to `parse_worker.js` (started from a blob: URL), and reads the output the worker sends back.
//! Where no worker can start, the page runs the same module itself.

use std::cell::RefCell;
use std::sync::Arc;

use js_sys::{Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::data::handover::{outcome_from_handover, CheckOutcome};
use crate::page::READER_ELEMENT_ID;

/// The worker's script.
const PARSE_WORKER_JS: &str = include_str!("parse_worker.js");

/// What the worker answers when a later file stopped it: that check's outcome is not wanted.
const SUPERSEDED: &str = "superseded";

thread_local! {
    /// The reader, compiled once.
    static READER_MODULE: RefCell<Option<WebAssembly::Module>> = const { RefCell::new(None) };
    /// The worker checking the latest file a person opened, while it runs, and how to settle it.
    static CHECKING_WORKER: RefCell<Option<(web_sys::Worker, js_sys::Function)>> = const { RefCell::new(None) };
}

/// A task of the reader module; each is its export `bse_reader_<name>` (`reader/src/lib.rs`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ReaderTask {
    /// A dataset file: read, checked and handed over.
    Check,
    /// What changed from one dataset handed over to another, in sentences.
    Changes,
    /// The full list of those changes, as CSV.
    ChangesCsv,
    /// The data pack of a dataset handed over, and its file.
    DataPack,
}

impl ReaderTask {
    fn name(self) -> &'static str {
        match self {
            ReaderTask::Check => "check",
            ReaderTask::Changes => "changes",
            ReaderTask::ChangesCsv => "changes_csv",
            ReaderTask::DataPack => "data_pack",
        }
    }
}

/// A checked outcome and where the check ran.
pub struct ReaderOutcome {
    pub outcome: CheckOutcome,
    /// The outcome as handed over, which the reader's other tasks take as their input.
    pub handover: Arc<[u8]>,
    /// True when a worker checked it; false when the page did, because no worker could start.
    pub checked_in_worker: bool,
}

/// Checks `file_bytes` with the reader, in a worker if one starts, else on the page. An error says why no
/// check could run (the reader could not be loaded or failed); `Ok(None)` means a later file stopped it.
pub async fn check_with_reader(file_bytes: &Uint8Array) -> Result<Option<ReaderOutcome>, String> {
    let module = reader_module().await?;
    let inputs = [file_bytes.clone()];
    let (handover, checked_in_worker) = match in_worker(&module, ReaderTask::Check, &inputs).await {
        WorkerAnswer::Output(handover) => (handover, true),
        WorkerAnswer::Superseded => return Ok(None),
        WorkerAnswer::NoWorker => (on_page(&module, ReaderTask::Check, &inputs).await?, false),
    };
    // Decoded in a task of its own: a large file's outcome takes a while to decode, and showing it
    // takes another task, so neither holds the page for both.
    super::browser::next_task().await;
    let handover: Arc<[u8]> = handover.to_vec().into();
    let outcome = outcome_from_handover(&handover)?;
    Ok(Some(ReaderOutcome {
        outcome,
        handover,
        checked_in_worker,
    }))
}

/// Runs one of the reader's tasks other than checking on `inputs`, in a worker if one starts, else on
/// the page, and returns its output (an answer `on_request` reads). An error says why it could not run.
pub async fn ask_reader(task: ReaderTask, inputs: &[&[u8]]) -> Result<Vec<u8>, String> {
    let module = reader_module().await?;
    let inputs: Vec<Uint8Array> = inputs
        .iter()
        .map(|&bytes| Uint8Array::from(bytes))
        .collect();
    let output = match in_worker(&module, task, &inputs).await {
        WorkerAnswer::Output(output) => output,
        // Only a check is ever stopped by a later one.
        WorkerAnswer::Superseded | WorkerAnswer::NoWorker => {
            on_page(&module, task, &inputs).await?
        }
    };
    Ok(output.to_vec())
}

/// The reader module, compiled from the bytes the page names (fetched once, or decoded from base64).
async fn reader_module() -> Result<WebAssembly::Module, String> {
    if let Some(module) = READER_MODULE.with(|module| module.borrow().clone()) {
        return Ok(module);
    }
    let element = super::browser::element_by_id(READER_ELEMENT_ID)
        .ok_or("this page does not include the explorer's data reader; download the page again.")?;
    let reader_bytes: Vec<u8> = if let Some(href) = element.get_attribute("content") {
        const READER: &str = "the explorer's data reader";
        super::browser::fetch_site_file(&href, READER)
            .await
            .map_err(|message| {
                format!("{READER} could not be downloaded from this site: {message}")
            })?
    } else {
        super::browser::inline_gzip_bytes(&element).await.ok_or(
            "the explorer's data reader inside this file is damaged; download the file again.",
        )?
    };
    let module: WebAssembly::Module = JsFuture::from(WebAssembly::compile(&Uint8Array::from(
        reader_bytes.as_slice(),
    )))
    .await
    .map_err(|_| "this browser could not start the explorer's data reader.".to_string())?
    .unchecked_into();
    READER_MODULE.with(|cached| *cached.borrow_mut() = Some(module.clone()));
    Ok(module)
}

enum WorkerAnswer {
    Output(Uint8Array),
    Superseded,
    NoWorker,
}

/// Runs `task` in a worker; `NoWorker` when none starts or it fails, so the page runs it instead.
async fn in_worker(
    module: &WebAssembly::Module,
    task: ReaderTask,
    inputs: &[Uint8Array],
) -> WorkerAnswer {
    let script = js_sys::Array::of1(&JsValue::from_str(PARSE_WORKER_JS));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let Some(url) = web_sys::Blob::new_with_str_sequence_and_options(&script, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .ok()
    else {
        return WorkerAnswer::NoWorker;
    };
    let Ok(worker) = web_sys::Worker::new(&url) else {
        web_sys::Url::revoke_object_url(&url).ok();
        return WorkerAnswer::NoWorker;
    };
    // The first of the answer, an error, a failed post or a later file settles it.
    let mut settle_with = None;
    let answered = js_sys::Promise::new(&mut |resolve, _reject| settle_with = Some(resolve));
    let Some(settle) = settle_with else {
        return WorkerAnswer::NoWorker;
    };
    // One file is checked at a time: a file opened later stops the check of the one before (whose
    // result would be dropped anyway), so a large earlier file never holds the machine.
    if task == ReaderTask::Check {
        let earlier =
            CHECKING_WORKER.with(|slot| slot.replace(Some((worker.clone(), settle.clone()))));
        if let Some((earlier_worker, earlier_settle)) = earlier {
            earlier_worker.terminate();
            earlier_settle
                .call1(&JsValue::NULL, &JsValue::from_str(SUPERSEDED))
                .ok();
        }
    }
    let settle_on_message = settle.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // A `failure` message has no output: the page runs the task instead.
            let output =
                Reflect::get(&event.data(), &JsValue::from_str("output")).unwrap_or_default();
            settle_on_message.call1(&JsValue::NULL, &output).ok();
        });
    let settle_on_error = settle.clone();
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_event: web_sys::Event| {
        settle_on_error
            .call1(&JsValue::NULL, &JsValue::UNDEFINED)
            .ok();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let message = js_sys::Object::new();
    let input_list: js_sys::Array = inputs.iter().collect();
    let posted = Reflect::set(&message, &JsValue::from_str("module"), module)
        .and_then(|_| Reflect::set(&message, &JsValue::from_str("task"), &task.name().into()))
        .and_then(|_| {
            // Posted without a transfer list, so the worker gets a copy made by the post itself and
            // the caller keeps its bytes (for the data pack, or to run the task on the page).
            Reflect::set(&message, &JsValue::from_str("inputs"), &input_list)
        })
        .and_then(|_| worker.post_message(&message));
    if posted.is_err() {
        settle.call1(&JsValue::NULL, &JsValue::UNDEFINED).ok();
    }
    let answer = JsFuture::from(answered).await.unwrap_or_default();
    worker.terminate();
    web_sys::Url::revoke_object_url(&url).ok();
    CHECKING_WORKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot
            .as_ref()
            .is_some_and(|(checking_worker, _)| checking_worker == &worker)
        {
            *slot = None;
        }
    });
    // The handlers are dropped here; the worker is gone, so nothing calls them again.
    drop((on_message, on_error));
    if answer.as_string().as_deref() == Some(SUPERSEDED) {
        WorkerAnswer::Superseded
    } else {
        answer
            .dyn_into::<Uint8Array>()
            .map_or(WorkerAnswer::NoWorker, WorkerAnswer::Output)
    }
}

/// Runs `task` on the page: the same module and the same calls as the worker's script.
async fn on_page(
    module: &WebAssembly::Module,
    task: ReaderTask,
    inputs: &[Uint8Array],
) -> Result<Uint8Array, String> {
    let failed =
        |_| "the explorer's data reader stopped with an error in this browser.".to_string();
    let instance: WebAssembly::Instance = JsFuture::from(WebAssembly::instantiate_module(
        module,
        &stub_imports(module),
    ))
    .await
    .map_err(failed)?
    .unchecked_into();
    let exports = instance.exports();
    let call = |name: &str, arguments: &js_sys::Array| -> Result<u32, String> {
        Reflect::get(&exports, &JsValue::from_str(name))
            .and_then(|function| function.dyn_into::<js_sys::Function>())
            .and_then(|function| function.apply(&JsValue::NULL, arguments))
            .map_err(failed)?
            .as_f64()
            .map(|number| number as u32)
            .ok_or_else(|| format!("the explorer's data reader gave no answer to {name}."))
    };
    let memory_buffer = || -> Result<JsValue, String> {
        Reflect::get(&exports, &JsValue::from_str("memory"))
            .and_then(|memory| memory.dyn_into::<WebAssembly::Memory>())
            .map(|memory| memory.buffer())
            .map_err(failed)
    };
    for input in inputs {
        let input_address = call(
            "bse_reader_input",
            &js_sys::Array::of1(&input.length().into()),
        )?;
        Uint8Array::new_with_byte_offset_and_length(
            &memory_buffer()?,
            input_address,
            input.length(),
        )
        .set(input, 0);
    }
    let output_address = call(
        &format!("bse_reader_{}", task.name()),
        &js_sys::Array::new(),
    )?;
    let output_len = call("bse_reader_output_len", &js_sys::Array::new())?;
    // Read after the task: the module's memory may have grown, which replaces its buffer.
    Ok(
        Uint8Array::new_with_byte_offset_and_length(&memory_buffer()?, output_address, output_len)
            .slice(0, output_len),
    )
}

/// What the reader imports, each a function that throws if called, as the worker's script gives them:
/// wasm-bindgen leaves an import or two behind for paths the checks never take.
fn stub_imports(module: &WebAssembly::Module) -> js_sys::Object {
    thread_local! {
        static REFUSE: Closure<dyn Fn()> = Closure::new(|| {
            wasm_bindgen::throw_str("the explorer's data reader called the page, which it never should")
        });
    }
    let imports = js_sys::Object::new();
    for import in WebAssembly::Module::imports(module).iter() {
        let field =
            |name: &str| Reflect::get(&import, &JsValue::from_str(name)).unwrap_or_default();
        let module_name = field("module");
        let namespace = Reflect::get(&imports, &module_name)
            .ok()
            .filter(JsValue::is_object)
            .unwrap_or_else(|| {
                let namespace = js_sys::Object::new().into();
                Reflect::set(&imports, &module_name, &namespace).ok();
                namespace
            });
        REFUSE.with(|refuse| {
            Reflect::set(&namespace, &field("name"), refuse.as_ref().unchecked_ref()).ok()
        });
    }
    imports
}
