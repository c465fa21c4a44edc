//! The Announcements view's generated text: the count of matches as a sentence, and each announcement as a claim to cite.

use crate::citation::Cited;
use crate::data::Announcement;
use crate::text::count_of;
use crate::view_state::ViewState;

/// "5 July 2024: Border Security Command established. The Command is set up…": an announcement as a
/// claim in our words (its title and summary are ours), with its sources, for "Copy citation".
pub fn announcement_claim(announcement: &Announcement) -> Cited {
    let title = announcement.title.trim().trim_end_matches('.');
    Cited::new(
        format!(
            "{}: {title}. {}",
            announcement.date.display(),
            announcement.summary.trim()
        ),
        announcement.source_ids.clone(),
    )
}

/// What the theme and actor facets are set to, as the one line their closed disclosure shows on a
/// phone: "All themes · anyone", "Prevent, Pursue · NCA", "3 themes · 4 actors".
pub fn facets_summary(state: &ViewState) -> String {
    use crate::closed_set::ClosedSet;
    let chosen = |names: Vec<String>, all: &str, singular: &str, plural: &str| match names.len() {
        0 => all.to_string(),
        1 | 2 => names.join(", "),
        n => count_of(n, singular, plural),
    };
    format!(
        "{} · {}",
        chosen(
            state
                .themes
                .iter()
                .map(|theme| theme.label().to_string())
                .collect(),
            "All themes",
            "theme",
            "themes"
        ),
        chosen(state.actors.clone(), "anyone", "actor", "actors")
    )
}

/// "1 announcement matches.", "12 announcements match."
pub fn match_count_sentence(n_matches: usize) -> String {
    format!(
        "{} {}.",
        count_of(n_matches, "announcement", "announcements"),
        if n_matches == 1 { "matches" } else { "match" }
    )
}
