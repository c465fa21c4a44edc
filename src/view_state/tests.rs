//! View-state fragment tests: examples, round trips of every valid state, and arbitrary strings.

use proptest::prelude::*;

use super::*;
use crate::closed_set::ClosedSet;

#[track_caller]
fn check(fragment: &str, expected_fragment: &str, expected_ignored: &[&str]) {
    let parsed = parse_fragment(fragment);
    assert_eq!(to_fragment(&parsed.state), expected_fragment);
    assert_eq!(parsed.ignored, expected_ignored);
}

#[test]
fn empty_fragment_is_the_initial_view() {
    check("", "v=1&tab=briefing", &[]);
    check("#", "v=1&tab=briefing", &[]);
}

#[test]
fn a_full_view_reads_back() {
    check(
        "#v=1&tab=announcements&from=2024-07-01&to=2025-06-30&actor=Home%20Office&actor=NCA&theme=funding&theme=pursue&q=%C2%A375m%20%26%20more",
        "v=1&tab=announcements&from=2024-07-01&to=2025-06-30&actor=Home%20Office&actor=NCA&theme=pursue&theme=funding&q=%C2%A375m%20%26%20more",
        &[],
    );
    check(
        "v=1&tab=crossings&period=week&measure=people-per-boat&roll=4&series=official&yoy=1&events=0&table=crossings-main",
        "v=1&tab=crossings&period=week&measure=people-per-boat&roll=4&series=official&yoy=1&events=0&table=crossings-main",
        &[],
    );
    check(
        "v=1&tab=briefing&bperiod=year",
        "v=1&tab=briefing&bperiod=year",
        &[],
    );
    check(
        "v=1&tab=briefing&bperiod=week",
        "v=1&tab=briefing",
        &["unknown key-chart period \"week\""],
    );
}

#[test]
fn an_embeds_colours_read_back_and_a_hostile_value_is_named() {
    check(
        "v=1&tab=crossings&colours=dark",
        "v=1&tab=crossings&colours=dark",
        &[],
    );
    check(
        "v=1&tab=crossings&colours=%22%3E%3Cscript%3E%E2%80%AE",
        "v=1&tab=crossings",
        // Quoted as written, the direction character written out, never carried through.
        &["colours \"\\\"><script>\\\\u{202e}\""],
    );
}

#[test]
fn bad_parts_fall_back_and_are_named() {
    check(
        "v=1&tab=maps&from=2024-13-01&theme=Funding&roll=5&colour=red&actor=",
        "v=1&tab=briefing",
        &[
            "unknown tab \"maps\"",
            "start date \"2024-13-01\"",
            "unknown theme \"Funding\"",
            "rolling average \"5\"",
            "unknown setting \"colour\"",
            "actor \"\"",
        ],
    );
    check(
        "tab=funding",
        "v=1&tab=funding",
        &["the link has no version; it was read as version 1"],
    );
    check(
        "v=2&tab=sources",
        "v=1&tab=sources",
        &["link version (this app reads version 1; read what it could) \"2\""],
    );
}

#[test]
fn hostile_values_stay_inert_text() {
    let parsed = parse_fragment("v=1&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&table=%3Cimg%3E");
    assert_eq!(parsed.state.search, "<script>alert(1)</script>");
    assert!(parsed.state.open_tables.is_empty());
    assert_eq!(parsed.ignored, vec!["table \"<img>\"".to_string()]);
    assert!(to_fragment(&parsed.state).contains("q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"));
}

#[test]
fn reversed_dates_are_put_in_order() {
    let parsed = parse_fragment("v=1&from=2025-01-01&to=2024-01-01");
    assert_eq!(parsed.state.date_from, NaiveDate::from_ymd_opt(2024, 1, 1));
    assert_eq!(parsed.state.date_to, NaiveDate::from_ymd_opt(2025, 1, 1));
}

#[test]
fn overlong_input_is_cut_and_said() {
    let long = format!("v=1&q={}", "a".repeat(10_000));
    let parsed = parse_fragment(&long);
    assert_eq!(parsed.state.search.len(), MAX_SEARCH_CHARS);
    assert_eq!(parsed.ignored.len(), 2, "{:?}", parsed.ignored);
}

fn arbitrary_state() -> impl Strategy<Value = ViewState> {
    let date = (2018i32..2030, 1u32..13, 1u32..29)
        .prop_map(|(year, month, day)| NaiveDate::from_ymd_opt(year, month, day).unwrap());
    (
        prop::sample::select(Tab::all().collect::<Vec<_>>()),
        prop::option::of(date.clone()),
        prop::option::of(date),
        prop::collection::vec("[A-Za-z &£'’()–-]{1,20}", 0..4),
        prop::collection::vec(
            prop::sample::select(
                Theme::NAMES
                    .iter()
                    .map(|(_, theme)| *theme)
                    .collect::<Vec<_>>(),
            ),
            0..4,
        ),
        ".{0,30}",
        prop::option::of(prop::sample::select(
            ColourScheme::all().collect::<Vec<_>>(),
        )),
        (
            prop::sample::select(Period::all().collect::<Vec<_>>()),
            prop::sample::select(Measure::all().collect::<Vec<_>>()),
            prop::sample::select(ROLLING_CHOICES.to_vec()),
            prop::sample::select(vec![SeriesChoice::Provisional, SeriesChoice::Official]),
            any::<bool>(),
            any::<bool>(),
            prop::collection::vec("[a-z0-9-]{1,20}", 0..3),
            prop::sample::select(BRIEFING_PERIODS.to_vec()),
        ),
    )
        .prop_map(
            |(tab, date_from, date_to, actors, themes, search, colours, options)| {
                let (
                    period,
                    measure,
                    rolling_periods,
                    series,
                    compare_years,
                    show_events,
                    open_tables,
                    briefing_period,
                ) = options;
                let mut state = ViewState {
                    tab,
                    date_from,
                    date_to,
                    actors: actors
                        .into_iter()
                        .map(|actor| actor.trim().to_string())
                        .filter(|actor| !actor.is_empty())
                        .collect(),
                    themes,
                    search,
                    period,
                    measure,
                    rolling_periods,
                    series,
                    compare_years,
                    show_events,
                    briefing_period,
                    compare: None,
                    open_tables,
                    item: None,
                    fact_topic: None,
                    colours,
                };
                state.normalise();
                state
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_state_survives_a_round_trip(state in arbitrary_state()) {
        let parsed = parse_fragment(&to_fragment(&state));
        prop_assert_eq!(&parsed.state, &state);
        prop_assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
    }

    #[test]
    fn any_string_parses_without_panicking(fragment in ".{0,300}") {
        let parsed = parse_fragment(&fragment);
        // Whatever was read encodes and reads back to itself.
        prop_assert_eq!(parse_fragment(&to_fragment(&parsed.state)).state, parsed.state);
    }

    #[test]
    fn fragment_like_strings_parse_without_panicking(
        parts in prop::collection::vec(("[a-z]{1,8}", "[a-zA-Z0-9%=&#-]{0,12}"), 0..12)
    ) {
        let fragment: Vec<String> = parts.into_iter().map(|(key, value)| format!("{key}={value}")).collect();
        let _ = parse_fragment(&fragment.join("&"));
    }
}

#[test]
fn facets_tables_and_filters_toggle_in_the_state() {
    let mut state = ViewState::initial();
    assert!(!state.has_filters());
    state.toggle_theme(Theme::Pursue);
    state.toggle_theme(Theme::Funding);
    let mut expected = vec![Theme::Funding, Theme::Pursue];
    crate::sorting::sort(&mut expected);
    assert_eq!(state.themes, expected);
    state.toggle_theme(Theme::Pursue);
    assert_eq!(state.themes, vec![Theme::Funding]);
    state.toggle_actor("NCA");
    state.toggle_actor("Home Office");
    assert_eq!(
        state.actors,
        vec!["Home Office".to_string(), "NCA".to_string()]
    );
    state.toggle_actor("NCA");
    assert_eq!(state.actors, vec!["Home Office".to_string()]);
    assert!(state.has_filters());
    state.toggle_table("crossings");
    assert!(state.is_table_open("crossings") && !state.is_table_open("funding"));
    state.toggle_table("crossings");
    assert!(!state.is_table_open("crossings"));
    state.date_from = NaiveDate::from_ymd_opt(2024, 1, 1);
    state.search = "boat".to_string();
    state.period = Period::Week;
    state.clear_filters();
    assert!(!state.has_filters());
    assert_eq!(state.period, Period::Week, "chart options are not filters");
    // Toggled lists stay as `normalise` leaves them, so links are stable.
    let mut normalised = state.clone();
    normalised.normalise();
    assert_eq!(normalised, state);
}

#[test]
fn the_default_view_is_the_initial_view() {
    assert_eq!(ViewState::default(), ViewState::initial());
    assert!(
        ViewState::default().show_events,
        "announcements are marked unless turned off"
    );
    assert_eq!(to_fragment(&ViewState::default()), "v=1&tab=briefing");
}

#[test]
fn the_address_is_written_only_when_it_differs_from_the_view() {
    let initial = ViewState::initial();
    assert_eq!(
        fragment_to_write(&initial, ""),
        None,
        "a fresh visit keeps its plain address"
    );
    assert_eq!(fragment_to_write(&initial, "v=1&tab=briefing"), None);
    let crossings = ViewState {
        tab: Tab::Crossings,
        ..ViewState::initial()
    };
    assert_eq!(
        fragment_to_write(&crossings, ""),
        Some("v=1&tab=crossings".to_string())
    );
    assert_eq!(fragment_to_write(&crossings, "v=1&tab=crossings"), None);
    assert_eq!(
        fragment_to_write(&initial, "v=1&tab=crossings"),
        Some("v=1&tab=briefing".to_string()),
        "going back to the briefing writes it"
    );
}

#[test]
fn comparisons_read_back_from_the_link() {
    check(
        "v=1&tab=briefing&cmp=launch",
        "v=1&tab=briefing&cmp=launch",
        &[],
    );
    check(
        "v=1&tab=briefing&cmp=typed&afrom=2023-01-01&ato=2023-03-31&bfrom=2025-01-01&bto=2025-03-31",
        "v=1&tab=briefing&cmp=typed&afrom=2023-01-01&ato=2023-03-31&bfrom=2025-01-01&bto=2025-03-31",
        &[],
    );
    check(
        "v=1&tab=briefing&cmp=typed&afrom=2023-01-01",
        "v=1&tab=briefing&cmp=typed&afrom=2023-01-01",
        &[],
    );
    check(
        "v=1&tab=briefing&cmp=decade&bto=2025-02-30",
        "v=1&tab=briefing",
        &[
            "unknown comparison \"decade\"",
            "comparison date \"2025-02-30\"",
        ],
    );
    // "none" is the picker's own word for no comparison: accepted, the last one given wins.
    check(
        "v=1&tab=crossings&cmp=ytd&cmp=none",
        "v=1&tab=crossings",
        &[],
    );
}

#[test]
fn repeated_link_problems_are_one_note_counted_and_a_repeated_actor_is_one_actor() {
    let repeated = vec!["a=b"; 1_001].join("&");
    let parsed = parse_fragment(&format!("v=1&{repeated}"));
    assert_eq!(parsed.ignored, ["unknown setting \"a\" (1,001 times)"]);
    // 190 repeats fit in the longest link read.
    let actors = vec!["actor=Home%20Office"; 190].join("&");
    let parsed = parse_fragment(&format!("v=1&tab=announcements&{actors}"));
    assert_eq!(parsed.state.actors, ["Home Office"]);
    assert_eq!(parsed.ignored, Vec::<String>::new());
    let actors = vec!["actor=Home%20Office"; 10_000].join("&");
    let parsed = parse_fragment(&format!("v=1&tab=announcements&{actors}"));
    assert!(parsed
        .state
        .actors
        .iter()
        .any(|actor| actor == "Home Office"));
    // Cut at the longest link read: one note says so, and nothing else is wrong.
    assert_eq!(parsed.ignored.len(), 1, "{:?}", parsed.ignored);
    assert!(parsed.ignored[0].starts_with("the link was longer than"));
    let too_many: Vec<String> = (0..40)
        .map(|actor_idx| format!("actor=Actor{actor_idx}"))
        .collect();
    let parsed = parse_fragment(&format!("v=1&{}", too_many.join("&")));
    assert_eq!(parsed.state.actors.len(), 32);
    assert_eq!(parsed.ignored.len(), 8);
}

#[test]
fn picking_a_comparison_keeps_typed_dates_and_refuses_unknown_keys() {
    let date = |text: &str| crate::dates::parse_iso_date(text);
    let mut state = ViewState::initial();
    assert_eq!(state.comparison_key(), "none");
    state.set_typed_date(2, date("2025-01-01"));
    assert_eq!(
        state.comparison_key(),
        "typed",
        "typing a date chooses typed periods"
    );
    assert_eq!(
        state.typed_dates(),
        Some([None, None, date("2025-01-01"), None])
    );
    assert!(state.pick_comparison("launch"));
    assert_eq!(state.typed_dates(), None);
    assert!(state.pick_comparison("typed"));
    assert_eq!(
        state.typed_dates(),
        Some([None; 4]),
        "a preset in between forgets typed dates"
    );
    state.set_typed_date(0, date("2024-01-01"));
    assert!(state.pick_comparison("typed"));
    assert_eq!(
        state.typed_dates().map(|dates| dates[0]),
        Some(date("2024-01-01"))
    );
    assert!(!state.pick_comparison("decade"));
    assert_eq!(
        state.comparison_key(),
        "typed",
        "an unknown key changes nothing"
    );
    assert!(state.pick_comparison("none"));
    assert_eq!(state.compare, None);
}

#[test]
fn each_tab_says_which_filters_change_it_and_titles_the_browser_tab() {
    assert_eq!(
        Tab::Funding.page_title(),
        "Funding · Border Security Briefing Explorer"
    );
    assert_eq!(
        Tab::Sources.page_title(),
        "Sources and method · Border Security Briefing Explorer"
    );
    let with_search: Vec<Tab> = Tab::all().filter(|tab| tab.uses_search()).collect();
    assert_eq!(
        with_search,
        [Tab::Briefing, Tab::Crossings, Tab::Announcements]
    );
    let with_dates: Vec<Tab> = Tab::all().filter(|tab| tab.uses_dates()).collect();
    assert_eq!(
        with_dates,
        [
            Tab::Briefing,
            Tab::Crossings,
            Tab::Funding,
            Tab::Announcements
        ]
    );
}

#[test]
fn a_record_opened_by_link_reads_back_and_is_let_go_on_another_tab() {
    check(
        "v=1&tab=announcements&item=bsc-launch-2024-07-05",
        "v=1&tab=announcements&item=bsc-launch-2024-07-05",
        &[],
    );
    check(
        "v=1&tab=announcements&item=%3Cscript%3E",
        "v=1&tab=announcements",
        &["record \"<script>\""],
    );
    let mut state = ViewState::opening_item(Tab::Funding, "bsc-75m-2024-09");
    assert_eq!(to_fragment(&state), "v=1&tab=funding&item=bsc-75m-2024-09");
    state.show_tab(Tab::Funding);
    assert_eq!(
        state.item.as_deref(),
        Some("bsc-75m-2024-09"),
        "the same tab keeps it"
    );
    state.show_tab(Tab::Briefing);
    assert_eq!(state.item, None);
}

#[test]
fn shortcut_keys_name_views_search_table_steps_and_help_and_nothing_else() {
    use crate::view_state::{shortcut_for_key, Shortcut};
    for (view_idx, (_, tab)) in Tab::NAMES.iter().enumerate() {
        assert_eq!(
            shortcut_for_key(&(view_idx + 1).to_string()),
            Some(Shortcut::ShowTab(*tab))
        );
    }
    assert_eq!(shortcut_for_key("0"), None);
    assert_eq!(shortcut_for_key(&(Tab::NAMES.len() + 1).to_string()), None);
    assert_eq!(shortcut_for_key("/"), Some(Shortcut::Search));
    assert_eq!(shortcut_for_key("t"), Some(Shortcut::ToggleTable));
    assert_eq!(
        shortcut_for_key("["),
        Some(Shortcut::StepDates { forward: false })
    );
    assert_eq!(
        shortcut_for_key("]"),
        Some(Shortcut::StepDates { forward: true })
    );
    assert_eq!(shortcut_for_key("?"), Some(Shortcut::Help));
    for other in ["a", "Enter", "ArrowLeft", " ", "Escape", "-1"] {
        assert_eq!(shortcut_for_key(other), None, "{other}");
    }
}

#[test]
fn stepping_the_dates_moves_both_ends_by_the_charts_period_keeping_month_ends() {
    let data_last = NaiveDate::from_ymd_opt(2026, 8, 20).unwrap();
    let day = |year, month, day| NaiveDate::from_ymd_opt(year, month, day);
    let mut state = ViewState::initial();
    state.tab = Tab::Crossings;
    state.period = Period::Month;
    // No dates yet: the month holding the last day with data.
    state.step_dates(false, data_last);
    assert_eq!(
        (state.date_from, state.date_to),
        (day(2026, 8, 1), day(2026, 8, 31))
    );
    state.step_dates(false, data_last);
    assert_eq!(
        (state.date_from, state.date_to),
        (day(2026, 7, 1), day(2026, 7, 31))
    );
    state.date_from = day(2026, 3, 1);
    state.date_to = day(2026, 4, 30);
    state.step_dates(true, data_last);
    assert_eq!(
        (state.date_from, state.date_to),
        (day(2026, 4, 1), day(2026, 5, 31)),
        "30 April steps to 31 May"
    );
    state.period = Period::Week;
    state.date_from = day(2026, 8, 3);
    state.date_to = None;
    state.step_dates(false, data_last);
    assert_eq!(
        (state.date_from, state.date_to),
        (day(2026, 7, 27), None),
        "an open end stays open"
    );
    state.tab = Tab::Briefing;
    state.briefing_period = Period::Year;
    state.date_from = None;
    state.date_to = None;
    state.step_dates(true, data_last);
    assert_eq!(
        (state.date_from, state.date_to),
        (day(2026, 1, 1), day(2026, 12, 31))
    );
    state.step_dates(false, data_last);
    assert_eq!(
        (state.date_from, state.date_to),
        (day(2025, 1, 1), day(2025, 12, 31))
    );
    state.tab = Tab::Funding;
    assert_eq!(state.stepping_period(), Period::Month);
}

#[test]
fn a_tab_label_splits_into_the_words_a_phone_shows_and_the_rest() {
    assert_eq!(Tab::Sources.label_parts(), ("Sources", " and method"));
    assert_eq!(Tab::Briefing.label_parts(), ("Briefing", ""));
    for tab in Tab::all() {
        let (shown, rest) = tab.label_parts();
        assert_eq!(format!("{shown}{rest}"), tab.label());
    }
}
