//! Announcement filter tests: dates, actors, themes and search.

use crate::analysis::filter::{
    facet_counts, filter_announcements, group_by_month, highlight_matches, AnnouncementFilter,
};
use crate::data::Theme;
use crate::testing::{date, with_announcements};

fn no_filter() -> AnnouncementFilter<'static> {
    AnnouncementFilter {
        date_from: None,
        date_to: None,
        actors: &[],
        themes: &[],
        search: "",
    }
}

fn ids(dataset: &crate::data::Dataset, matches: &[usize]) -> Vec<String> {
    matches
        .iter()
        .map(|&idx| dataset.announcements[idx].announcement_id.clone())
        .collect()
}

#[test]
fn a_timeline_groups_runs_of_the_same_month_in_order() {
    let dataset = with_announcements();
    let order = filter_announcements(&dataset.announcements, &no_filter());
    let groups = group_by_month(&dataset.announcements, &order);
    let months: Vec<(&str, usize)> = groups
        .iter()
        .map(|(month, members)| (month.as_str(), members.len()))
        .collect();
    assert_eq!(
        months,
        vec![
            ("January 2025", 1),
            ("November 2024", 1),
            ("September 2024", 1),
            ("July 2024", 2)
        ]
    );
    let flattened: Vec<usize> = groups
        .iter()
        .flat_map(|(_, members)| members.clone())
        .collect();
    assert_eq!(flattened, order, "every announcement once, in order");
}

#[test]
fn filters_combine_and_sort_newest_first() {
    let dataset = with_announcements();
    let everything = filter_announcements(&dataset.announcements, &no_filter());
    assert_eq!(
        ids(&dataset, &everything),
        vec![
            "bill-introduced",
            "interpol-speech",
            "funding-75m",
            "statement",
            "kings-speech"
        ]
    );
    let legislation = filter_announcements(
        &dataset.announcements,
        &AnnouncementFilter {
            themes: &[Theme::Legislation],
            ..no_filter()
        },
    );
    assert_eq!(
        ids(&dataset, &legislation),
        vec!["bill-introduced", "statement", "kings-speech"]
    );
    let actors = ["NCA".to_string(), "Home Secretary".to_string()];
    let by_actor = filter_announcements(
        &dataset.announcements,
        &AnnouncementFilter {
            actors: &actors,
            ..no_filter()
        },
    );
    assert_eq!(
        ids(&dataset, &by_actor),
        vec!["interpol-speech", "statement"]
    );
    // A month-only date counts when any part of its month is in range.
    let late_july = filter_announcements(
        &dataset.announcements,
        &AnnouncementFilter {
            date_from: Some(date(2024, 7, 25)),
            date_to: Some(date(2024, 7, 31)),
            ..no_filter()
        },
    );
    assert_eq!(ids(&dataset, &late_july), vec!["kings-speech"]);
    let both = filter_announcements(
        &dataset.announcements,
        &AnnouncementFilter {
            date_from: Some(date(2024, 7, 1)),
            date_to: Some(date(2024, 12, 31)),
            themes: &[Theme::Legislation],
            ..no_filter()
        },
    );
    assert_eq!(ids(&dataset, &both), vec!["statement", "kings-speech"]);
}

#[test]
fn search_is_case_insensitive_over_title_summary_and_actors() {
    let dataset = with_announcements();
    let search = |text: &str| {
        ids(
            &dataset,
            &filter_announcements(
                &dataset.announcements,
                &AnnouncementFilter {
                    search: text,
                    ..no_filter()
                },
            ),
        )
    };
    assert_eq!(search("interpol"), vec!["interpol-speech", "funding-75m"]);
    assert_eq!(search("prime minister"), vec!["interpol-speech"]);
    assert!(search("zzz-no-match").is_empty());
}

#[test]
fn facet_counts_ignore_their_own_facet() {
    let dataset = with_announcements();
    let themes = [Theme::Legislation];
    let counts = facet_counts(
        &dataset.announcements,
        &AnnouncementFilter {
            themes: &themes,
            ..no_filter()
        },
    );
    let theme_count = |wanted: Theme| {
        counts
            .themes
            .iter()
            .find(|(theme, _)| *theme == wanted)
            .unwrap()
            .1
    };
    assert_eq!(theme_count(Theme::Legislation), 3);
    assert_eq!(
        theme_count(Theme::Funding),
        1,
        "theme counts ignore the theme selection itself"
    );
    let parliament = counts
        .actors
        .iter()
        .find(|(actor, _)| actor == "Parliament")
        .unwrap()
        .1;
    assert_eq!(parliament, 3, "actor counts apply the theme selection");
    assert!(
        counts
            .actors
            .iter()
            .all(|(actor, count)| actor != "NCA" || *count == 0),
        "an actor with no legislation announcement counts none"
    );
}

#[test]
fn highlights_split_text_at_matches() {
    assert_eq!(
        highlight_matches("INTERPOL General Assembly and Interpol", "interpol"),
        vec![
            ("INTERPOL".to_string(), true),
            (" General Assembly and ".to_string(), false),
            ("Interpol".to_string(), true)
        ]
    );
    assert_eq!(
        highlight_matches("abc", ""),
        vec![("abc".to_string(), false)]
    );
    assert_eq!(
        highlight_matches("£75m", "75"),
        vec![
            ("£".to_string(), false),
            ("75".to_string(), true),
            ("m".to_string(), false)
        ]
    );
}
