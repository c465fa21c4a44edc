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

/// Page side: checks `file_bytes` in a worker and calls `on_checked` with the outcome.
///
/// Returns `Err(())` without calling anything if no worker could be started (the caller then checks on
/// the page). If the worker fails once started, `on_failed` is called with why, so the caller can fall
/// back the same way; the bytes are copied to the worker, so the caller still has them.
pub fn check_in_worker(
    file_bytes: &js_sys::ArrayBuffer,
    on_checked: impl FnOnce(CheckOutcome) + 'static,
    on_failed: impl FnOnce(String) + 'static,
) -> Result<(), ()> {
    let script = js_sys::Array::of1(&JsValue::from_str(PARSE_WORKER_JS));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&script, &options).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let worker = web_sys::Worker::new(&url).map_err(|_| ())?;

    type Settle = Box<dyn FnOnce(Result<CheckOutcome, String>)>;
    let settle: Rc<RefCell<Option<Settle>>> = Rc::new(RefCell::new(None));
    let worker_for_settle = worker.clone();
    let url_for_settle = url.clone();
    *settle.borrow_mut() = Some(Box::new(move |result| {
        worker_for_settle.terminate();
        web_sys::Url::revoke_object_url(&url_for_settle).ok();
        match result {
            Ok(outcome) => on_checked(outcome),
            Err(why) => on_failed(why),
        }
    }));
    let settle_once = move |settle: &Rc<RefCell<Option<Settle>>>, result| {
        if let Some(settle) = settle.borrow_mut().take() {
            settle(result);
        }
    };

    let settle_for_message = settle.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let handover = js_sys::Reflect::get(&data, &JsValue::from_str("handover"))
                .unwrap_or(JsValue::UNDEFINED);
            let result = if let Some(handover) = handover.dyn_ref::<js_sys::Uint8Array>() {
                outcome_from_handover(&handover.to_vec())
            } else {
                let failure = js_sys::Reflect::get(&data, &JsValue::from_str("failure"))
                    .ok()
                    .and_then(|failure| failure.as_string());
                Err(failure.unwrap_or_else(|| "the worker sent an unexpected message".to_string()))
            };
            settle_once(&settle_for_message, result);
        });
    let settle_for_error = settle;
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_event: web_sys::Event| {
        settle_once(
            &settle_for_error,
            Err("the worker could not run".to_string()),
        );
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Two small handlers per file opened; after settling they hold nothing but empty slots.
    on_message.forget();
    on_error.forget();

    let message = js_sys::Object::new();
    js_sys::Reflect::set(
        &message,
        &JsValue::from_str("module"),
        &wasm_bindgen::module(),
    )
    .map_err(|_| ())?;
    js_sys::Reflect::set(&message, &JsValue::from_str("fileBytes"), file_bytes).map_err(|_| ())?;
    if worker.post_message(&message).is_err() {
        worker.terminate();
        return Err(());
    }
    Ok(())
}
