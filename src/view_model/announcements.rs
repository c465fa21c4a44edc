//! The Announcements view's generated text: the count of matches as a sentence.

use crate::text::count_of;

/// "1 announcement matches.", "12 announcements match."
pub fn match_count_sentence(n_matches: usize) -> String {
    format!(
        "{} {}.",
        count_of(n_matches, "announcement", "announcements"),
        if n_matches == 1 { "matches" } else { "match" }
    )
}
