//! Checking a person's file in a Web Worker: the worker's entry points and the page's side of the handover.
//!
//! The worker (`parse_worker.js`, started from a blob: URL) runs this same WebAssembly module without its
//! browser bindings and calls the three `bse_worker_*` exports; they touch nothing but the pure core. The
//! page posts the module and the file's bytes, and decodes the outcome the worker sends back.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::data::handover::{check_file_to_handover, outcome_from_handover, CheckOutcome};

/// The worker's script.
const PARSE_WORKER_JS: &str = include_str!("parse_worker.js");

thread_local! {
    /// In the worker: the file's bytes, written by the script before checking.
    static WORKER_INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// In the worker: the encoded outcome, read by the script after checking.
    static WORKER_HANDOVER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Worker side: makes room for a file of `len_bytes` bytes and returns where to write it.
#[no_mangle]
pub extern "C" fn bse_worker_input(len_bytes: usize) -> *mut u8 {
    WORKER_INPUT.with(|input| {
        let mut input = input.borrow_mut();
        *input = vec![0; len_bytes];
        input.as_mut_ptr()
    })
}

/// Worker side: checks the bytes written at [`bse_worker_input`] and returns where the encoded outcome is.
#[no_mangle]
pub extern "C" fn bse_worker_check() -> *const u8 {
    let encoded = WORKER_INPUT
        .with(|input| check_file_to_handover(&std::mem::take(&mut *input.borrow_mut())));
    WORKER_HANDOVER.with(|handover| {
        let mut handover = handover.borrow_mut();
        *handover = encoded;
        handover.as_ptr()
    })
}

/// Worker side: the length in bytes of the outcome [`bse_worker_check`] produced.
#[no_mangle]
pub extern "C" fn bse_worker_handover_len() -> usize {
    WORKER_HANDOVER.with(|handover| handover.borrow().len())
}

thread_local! {
    /// The worker checking the latest file opened, while it runs.
    static CHECKING_WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
}

/// Page side: checks `file_bytes` in a worker and calls `on_result` exactly once, with the outcome, or
/// with `None` if no worker could start or it failed. The caller then checks on the page: the bytes are
/// copied to the worker, so the caller still has them.
pub fn check_in_worker(
    file_bytes: &js_sys::ArrayBuffer,
    on_result: impl FnOnce(Option<CheckOutcome>) + 'static,
) {
    let script = js_sys::Array::of1(&JsValue::from_str(PARSE_WORKER_JS));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let Some(url) = web_sys::Blob::new_with_str_sequence_and_options(&script, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .ok()
    else {
        on_result(None);
        return;
    };
    let worker = match web_sys::Worker::new(&url) {
        Ok(worker) => worker,
        Err(_) => {
            web_sys::Url::revoke_object_url(&url).ok();
            on_result(None);
            return;
        }
    };
    // One file is checked at a time: a file opened later stops the check of the one before (whose
    // result would be dropped anyway), so a large earlier file never holds the machine.
    if let Some(earlier) = CHECKING_WORKER.with(|checking| checking.replace(Some(worker.clone()))) {
        earlier.terminate();
    }

    // Whichever comes first (the answer, an error, a failed post) settles; the rest find the slot empty.
    type OnResult = Box<dyn FnOnce(Option<CheckOutcome>)>;
    let slot: Rc<RefCell<Option<OnResult>>> = Rc::new(RefCell::new(Some(Box::new(on_result))));
    let settle = {
        let worker = worker.clone();
        move |outcome: Option<CheckOutcome>| {
            if let Some(on_result) = slot.borrow_mut().take() {
                worker.terminate();
                CHECKING_WORKER.with(|checking| {
                    let mut checking = checking.borrow_mut();
                    if checking.as_ref() == Some(&worker) {
                        *checking = None;
                    }
                });
                web_sys::Url::revoke_object_url(&url).ok();
                on_result(outcome);
            }
        }
    };

    let settle_on_message = settle.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // A `failure` message (or anything unexpected) has no handover: the page checks instead.
            let handover = js_sys::Reflect::get(&event.data(), &JsValue::from_str("handover"))
                .ok()
                .and_then(|handover| handover.dyn_into::<js_sys::Uint8Array>().ok());
            // Decoded in a task of its own: a large file's outcome takes a while to decode, and showing
            // it takes another task, so neither holds the page for both.
            let settle_on_message = settle_on_message.clone();
            leptos::task::spawn_local(async move {
                crate::ui::browser::next_task().await;
                let outcome =
                    handover.and_then(|handover| outcome_from_handover(&handover.to_vec()).ok());
                settle_on_message(outcome);
            });
        });
    let settle_on_error = settle.clone();
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_event: web_sys::Event| {
        settle_on_error(None);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Two small handlers per file opened; after settling they hold nothing but an empty slot.
    on_message.forget();
    on_error.forget();

    let message = js_sys::Object::new();
    let posted = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("module"),
        &wasm_bindgen::module(),
    )
    .and_then(|_| js_sys::Reflect::set(&message, &JsValue::from_str("fileBytes"), file_bytes))
    .and_then(|_| worker.post_message(&message));
    if posted.is_err() {
        settle(None);
    }
}
