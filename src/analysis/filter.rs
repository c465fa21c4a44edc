//! Filtering announcements by date, actor, theme and search text, with facet counts and search highlights.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::closed_set::ClosedSet;
use crate::data::{Announcement, Theme};

/// The part of a view that filters announcements.
#[derive(Debug, Clone, Copy)]
pub struct AnnouncementFilter<'a> {
    /// The first day shown, if limited.
    pub date_from: Option<NaiveDate>,
    /// The last day shown, if limited.
    pub date_to: Option<NaiveDate>,
    /// Any of these actors; empty means all.
    pub actors: &'a [String],
    /// Any of these themes; empty means all.
    pub themes: &'a [Theme],
    /// Text every match contains (case-insensitive); empty means all.
    pub search: &'a str,
}

impl<'a> AnnouncementFilter<'a> {
    fn matches_dates(&self, announcement: &Announcement) -> bool {
        // A month- or year-precision date is shown when any part of it falls in the range.
        self.date_from
            .is_none_or(|from| announcement.date.last_day() >= from)
            && self
                .date_to
                .is_none_or(|to| announcement.date.first_day <= to)
    }

    fn matches_actors(&self, announcement: &Announcement) -> bool {
        self.actors.is_empty()
            || announcement
                .actors
                .iter()
                .any(|actor| self.actors.contains(actor))
    }

    fn matches_themes(&self, announcement: &Announcement) -> bool {
        self.themes.is_empty()
            || announcement
                .themes
                .iter()
                .any(|theme| self.themes.contains(theme))
    }

    fn matches_search(&self, announcement: &Announcement) -> bool {
        if self.search.is_empty() {
            return true;
        }
        let needle = self.search.to_lowercase();
        [&announcement.title, &announcement.summary]
            .into_iter()
            .chain(&announcement.actors)
            .any(|text| text.to_lowercase().contains(&needle))
    }

    /// True when the announcement passes every part of the filter.
    pub fn matches(&self, announcement: &Announcement) -> bool {
        self.matches_dates(announcement)
            && self.matches_actors(announcement)
            && self.matches_themes(announcement)
            && self.matches_search(announcement)
    }
}

/// The positions of announcements that pass the filter, newest first.
pub fn filter_announcements(
    announcements: &[Announcement],
    filter: &AnnouncementFilter,
) -> Vec<usize> {
    let mut matching: Vec<usize> = (0..announcements.len())
        .filter(|&announcement_idx| filter.matches(&announcements[announcement_idx]))
        .collect();
    crate::sorting::sort_by(&mut matching, |&left, &right| {
        announcements[right].date.cmp(&announcements[left].date)
    });
    matching
}

/// How many announcements each facet value would show, given the other filters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetCounts {
    /// Each actor, alphabetically, with its count.
    pub actors: Vec<(String, usize)>,
    /// Each theme, in theme order, with its count.
    pub themes: Vec<(Theme, usize)>,
}

/// Counts per facet value. Each facet's counts apply every filter but that facet's own, so a count says
/// how many announcements ticking that value would add or keep (the usual faceted-search convention).
pub fn facet_counts(announcements: &[Announcement], filter: &AnnouncementFilter) -> FacetCounts {
    let without_actors = AnnouncementFilter {
        actors: &[],
        ..*filter
    };
    let without_themes = AnnouncementFilter {
        themes: &[],
        ..*filter
    };
    let mut actor_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut theme_counts: BTreeMap<Theme, usize> = Theme::all().map(|theme| (theme, 0)).collect();
    for announcement in announcements {
        for actor in &announcement.actors {
            actor_counts.entry(actor).or_insert(0);
        }
        if without_actors.matches(announcement) {
            for actor in &announcement.actors {
                *actor_counts.entry(actor).or_insert(0) += 1;
            }
        }
        if without_themes.matches(announcement) {
            for theme in &announcement.themes {
                *theme_counts.entry(*theme).or_insert(0) += 1;
            }
        }
    }
    FacetCounts {
        actors: actor_counts
            .into_iter()
            .map(|(actor, count)| (actor.to_string(), count))
            .collect(),
        themes: theme_counts.into_iter().collect(),
    }
}

/// Splits `text` into pieces, marking those that match `query` (case-insensitive), for highlighting.
pub fn highlight_matches(text: &str, query: &str) -> Vec<(String, bool)> {
    let query = query.trim();
    if query.is_empty() {
        return vec![(text.to_string(), false)];
    }
    let lower_text = text.to_lowercase();
    let lower_query = query.to_lowercase();
    // Lower-casing can change byte lengths for some letters; highlight only when it does not.
    if lower_text.len() != text.len() || lower_query.len() != query.len() {
        return vec![(text.to_string(), false)];
    }
    let mut pieces = Vec::new();
    let mut position = 0;
    while let Some(offset) = lower_text[position..].find(&lower_query) {
        let start = position + offset;
        let end = start + lower_query.len();
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            break;
        }
        if start > position {
            pieces.push((text[position..start].to_string(), false));
        }
        pieces.push((text[start..end].to_string(), true));
        position = end;
    }
    if position < text.len() {
        pieces.push((text[position..].to_string(), false));
    }
    pieces
}

/// Announcements (by index, in the order given) grouped under their month for a timeline: "July 2024"
/// and the indices dated in it. A month-only date is grouped under its month; consecutive runs only, so
/// the order given is kept.
pub fn group_by_month(
    announcements: &[Announcement],
    ordered_idxs: &[usize],
) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for &announcement_idx in ordered_idxs {
        let month = crate::dates::month_year(announcements[announcement_idx].date.first_day);
        match groups.last_mut() {
            Some((current, members)) if *current == month => members.push(announcement_idx),
            _ => groups.push((month, vec![announcement_idx])),
        }
    }
    groups
}
