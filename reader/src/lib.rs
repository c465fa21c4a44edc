//! The dataset reader as a WebAssembly module of its own, with what changed against a file opened and the data pack, so the page's first module holds none of them.
//!
//! A caller writes each input at an address [`bse_reader_input`] gives, in order, calls one task and
//! reads back [`bse_reader_output_len`] bytes at the address the task returned. The tasks:
//! [`bse_reader_check`] reads and checks a dataset file and hands over the outcome as the page decodes
//! it (`data::handover`); [`bse_reader_changes`] and [`bse_reader_changes_csv`] compare two datasets as
//! handed over; [`bse_reader_data_pack`] makes the data pack (`on_request`). The parsing worker
//! (`src/ui/parse_worker.js`) runs them; the module touches nothing but the pure core and imports
//! nothing, so the page can also run it itself where no worker starts. `xtask dist` builds it beside the
//! app and names it by its hash, so a page only ever meets the reader of its own build.

use std::cell::RefCell;

use border_security_explorer::data::handover::check_file_to_handover;
use border_security_explorer::on_request::{changes_answer, changes_csv_answer, data_pack_answer};

thread_local! {
    /// The inputs of the next task, in the order they were written.
    static INPUTS: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
    /// The last task's output, read by the caller after the task.
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Makes room for the next input, `len_bytes` long, and returns where to write it.
#[no_mangle]
pub extern "C" fn bse_reader_input(len_bytes: usize) -> *mut u8 {
    INPUTS.with(|inputs| {
        let mut inputs = inputs.borrow_mut();
        inputs.push(vec![0; len_bytes]);
        inputs
            .last_mut()
            .map_or(std::ptr::null_mut(), |input| input.as_mut_ptr())
    })
}

/// Runs `task` on the inputs written (an input not written is empty, which every task refuses in
/// words), forgets them, and returns where the output is.
fn run(task: impl FnOnce(&[Vec<u8>]) -> Vec<u8>) -> *const u8 {
    let mut inputs = INPUTS.with(|inputs| std::mem::take(&mut *inputs.borrow_mut()));
    inputs.resize(2, Vec::new());
    let output = task(&inputs);
    OUTPUT.with(|kept| {
        let mut kept = kept.borrow_mut();
        *kept = output;
        kept.as_ptr()
    })
}

/// Checks the file written as the input; the output is its handover.
#[no_mangle]
pub extern "C" fn bse_reader_check() -> *const u8 {
    run(|inputs| check_file_to_handover(&inputs[0]))
}

/// What changed from the first input (the data on screen, handed over) to the second (a file opened).
#[no_mangle]
pub extern "C" fn bse_reader_changes() -> *const u8 {
    run(|inputs| changes_answer(&inputs[0], &inputs[1]))
}

/// The full list of those changes, as CSV.
#[no_mangle]
pub extern "C" fn bse_reader_changes_csv() -> *const u8 {
    run(|inputs| changes_csv_answer(&inputs[0], &inputs[1]))
}

/// The data pack of the first input (a dataset handed over), whose file is the second.
#[no_mangle]
pub extern "C" fn bse_reader_data_pack() -> *const u8 {
    run(|inputs| data_pack_answer(&inputs[0], &inputs[1]))
}

/// The length in bytes of the last task's output.
#[no_mangle]
pub extern "C" fn bse_reader_output_len() -> usize {
    OUTPUT.with(|output| output.borrow().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use border_security_explorer::data::handover::{check_file, outcome_from_handover};
    use border_security_explorer::on_request::read_answer;

    const MINIMAL: &[u8] = include_bytes!("../../tests/fixtures/minimal-valid.json");

    /// One of the module's task exports.
    type Task = extern "C" fn() -> *const u8;

    /// What the worker script does, in the same order, against the module's own memory.
    fn run_as_the_worker_does(task: Task, inputs: &[&[u8]]) -> Vec<u8> {
        for input in inputs {
            let input_address = bse_reader_input(input.len());
            // SAFETY: `bse_reader_input` made room for exactly `input.len()` bytes at that address.
            unsafe { std::ptr::copy_nonoverlapping(input.as_ptr(), input_address, input.len()) };
        }
        let output_address = task();
        // SAFETY: the output lives in OUTPUT, `bse_reader_output_len` bytes long, until the next task.
        unsafe { std::slice::from_raw_parts(output_address, bse_reader_output_len()) }.to_vec()
    }

    #[test]
    fn a_file_checked_through_the_exports_decodes_to_what_the_core_finds() {
        for file in [MINIMAL, br#"{"schema_version": 1, "title": 5}"#, b""] {
            let handover = run_as_the_worker_does(bse_reader_check, &[file]);
            assert_eq!(outcome_from_handover(&handover), Ok(check_file(file)));
        }
    }

    #[test]
    fn each_task_through_the_exports_answers_as_the_core_does() {
        let handover = check_file_to_handover(MINIMAL);
        let inputs = [&handover[..], &handover[..]];
        for (task, expected) in [
            (
                bse_reader_changes as Task,
                changes_answer(&handover, &handover),
            ),
            (
                bse_reader_changes_csv,
                changes_csv_answer(&handover, &handover),
            ),
        ] {
            let output = run_as_the_worker_does(task, &inputs);
            assert!(read_answer(&output).is_ok(), "{:?}", read_answer(&output));
            assert_eq!(output, expected);
        }
        let output = run_as_the_worker_does(bse_reader_data_pack, &[&handover, MINIMAL]);
        assert!(read_answer(&output).is_ok(), "{:?}", read_answer(&output));
        assert_eq!(output, data_pack_answer(&handover, MINIMAL));
    }

    #[test]
    fn a_task_given_too_few_inputs_answers_why_and_forgets_them() {
        let output = run_as_the_worker_does(bse_reader_changes, &[MINIMAL]);
        assert!(read_answer(&output).is_err());
        // The next task starts from no inputs.
        let handover = run_as_the_worker_does(bse_reader_check, &[MINIMAL]);
        assert_eq!(outcome_from_handover(&handover), Ok(check_file(MINIMAL)));
    }
}
