//! The dataset reader as a WebAssembly module of its own, so the page's first module holds no JSON reader or checks.
//!
//! The parsing worker (`src/ui/parse_worker.js`) instantiates this module, writes a file's bytes at
//! [`bse_reader_input`], calls [`bse_reader_check`] and reads back [`bse_reader_handover_len`] bytes: the
//! checked outcome, encoded as the page decodes it (`data::handover`). The module touches nothing but the
//! pure core and imports nothing, so the page can also run it itself where no worker starts. `xtask dist`
//! builds it beside the app and names it by its hash, so a page only ever meets the reader of its own build.

use std::cell::RefCell;

use border_security_explorer::data::handover::check_file_to_handover;

thread_local! {
    /// The file's bytes, written by the caller before checking.
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The encoded outcome, read by the caller after checking.
    static HANDOVER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Makes room for a file of `len_bytes` bytes and returns where to write it.
#[no_mangle]
pub extern "C" fn bse_reader_input(len_bytes: usize) -> *mut u8 {
    INPUT.with(|input| {
        let mut input = input.borrow_mut();
        *input = vec![0; len_bytes];
        input.as_mut_ptr()
    })
}

/// Checks the bytes written at [`bse_reader_input`] and returns where the encoded outcome is.
#[no_mangle]
pub extern "C" fn bse_reader_check() -> *const u8 {
    let encoded =
        INPUT.with(|input| check_file_to_handover(&std::mem::take(&mut *input.borrow_mut())));
    HANDOVER.with(|handover| {
        let mut handover = handover.borrow_mut();
        *handover = encoded;
        handover.as_ptr()
    })
}

/// The length in bytes of the outcome [`bse_reader_check`] produced.
#[no_mangle]
pub extern "C" fn bse_reader_handover_len() -> usize {
    HANDOVER.with(|handover| handover.borrow().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use border_security_explorer::data::handover::{check_file, outcome_from_handover};

    /// What the worker script does, in the same order, against the module's own memory.
    fn check_as_the_worker_does(file_bytes: &[u8]) -> Vec<u8> {
        let input_address = bse_reader_input(file_bytes.len());
        // SAFETY: `bse_reader_input` made room for exactly `file_bytes.len()` bytes at that address.
        unsafe {
            std::ptr::copy_nonoverlapping(file_bytes.as_ptr(), input_address, file_bytes.len())
        };
        let handover_address = bse_reader_check();
        // SAFETY: the outcome lives in HANDOVER, `bse_reader_handover_len` bytes long, until the next check.
        unsafe { std::slice::from_raw_parts(handover_address, bse_reader_handover_len()) }.to_vec()
    }

    #[test]
    fn a_file_checked_through_the_exports_decodes_to_what_the_core_finds() {
        for file in [
            &include_bytes!("../../tests/fixtures/minimal-valid.json")[..],
            br#"{"schema_version": 1, "title": 5}"#,
            b"",
        ] {
            let handover = check_as_the_worker_does(file);
            assert_eq!(outcome_from_handover(&handover), Ok(check_file(file)));
        }
    }
}
