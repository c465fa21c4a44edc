//! How a change of view enters the browser's history: one entry per edit, so Back undoes a whole typed date or search, never one keystroke of it.

use std::cell::Cell;

use leptos::prelude::*;

use super::browser;

thread_local! {
    /// Set by an edit that has already added its history entry: the next write replaces that entry.
    static REPLACE_NEXT_WRITE: Cell<bool> = const { Cell::new(false) };
}

/// Writes the view's fragment: a new history entry, or in place of the current one when an edit in
/// progress already added one.
pub fn write_fragment(fragment: &str) {
    if REPLACE_NEXT_WRITE.with(|replace| replace.replace(false)) {
        browser::replace_fragment(fragment);
    } else {
        browser::set_fragment(fragment);
    }
}

/// One person's edit of one box, from focusing it to leaving it: its first change adds a history
/// entry and each later change replaces that entry.
#[derive(Clone, Copy)]
pub struct EditSession {
    has_committed: StoredValue<bool>,
}

impl EditSession {
    pub fn new() -> Self {
        EditSession {
            has_committed: StoredValue::new(false),
        }
    }

    /// The box has been focused: the next change starts a new history entry.
    pub fn start(&self) {
        self.has_committed.set_value(false);
    }

    /// Applies a change made in this edit (`apply` updates the view state).
    pub fn commit(&self, apply: impl FnOnce()) {
        if self.has_committed.get_value() {
            REPLACE_NEXT_WRITE.with(|replace| replace.set(true));
        }
        self.has_committed.set_value(true);
        apply();
    }
}
