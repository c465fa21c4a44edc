//! The view state's versioned URL-fragment encoding: writing a view as `v=1&tab=…`, and reading one back.
//!
//! `parse_fragment` never fails and never panics: it reads what it can, falls back to the default for
//! anything else, and returns a note for everything it ignored, so an old or damaged link still opens.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::*;

/// Characters escaped in fragment values: everything but letters, digits and `-._~`.
const FRAGMENT_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn encode_value(value: &str) -> String {
    utf8_percent_encode(value, FRAGMENT_VALUE).to_string()
}

/// The fragment to write into the address for a view, given the one there now: `None` when the
/// address already shows the view, or shows nothing and the view is the initial one (a fresh visit
/// keeps its plain address).
pub fn fragment_to_write(state: &ViewState, current_fragment: &str) -> Option<String> {
    let fragment = to_fragment(state);
    let initial_view_without_fragment =
        current_fragment.is_empty() && fragment == to_fragment(&ViewState::initial());
    (current_fragment != fragment && !initial_view_without_fragment).then_some(fragment)
}

/// The fragment (without `#`) for a view; default values are left out to keep links short.
pub fn to_fragment(state: &ViewState) -> String {
    let initial = ViewState::initial();
    let mut parts = vec![
        format!("v={FRAGMENT_VERSION}"),
        format!("tab={}", state.tab.key()),
    ];
    if let Some(from) = state.date_from {
        parts.push(format!("from={}", crate::dates::iso_date(from)));
    }
    if let Some(to) = state.date_to {
        parts.push(format!("to={}", crate::dates::iso_date(to)));
    }
    for actor in &state.actors {
        parts.push(format!("actor={}", encode_value(actor)));
    }
    for theme in &state.themes {
        parts.push(format!("theme={}", theme.key()));
    }
    if !state.search.is_empty() {
        parts.push(format!("q={}", encode_value(&state.search)));
    }
    if state.period != initial.period {
        parts.push(format!("period={}", state.period.key()));
    }
    if state.measure != initial.measure {
        parts.push(format!("measure={}", state.measure.key()));
    }
    if state.rolling_periods != initial.rolling_periods {
        parts.push(format!("roll={}", state.rolling_periods));
    }
    if state.series != initial.series {
        parts.push(format!("series={}", state.series.key()));
    }
    if state.compare_years != initial.compare_years {
        parts.push(format!("yoy={}", u8::from(state.compare_years)));
    }
    if state.show_events != initial.show_events {
        parts.push(format!("events={}", u8::from(state.show_events)));
    }
    if state.briefing_period != initial.briefing_period {
        parts.push(format!("bperiod={}", state.briefing_period.key()));
    }
    if state.compare.is_some() {
        parts.push(format!("cmp={}", state.comparison_key()));
    }
    for (key, date) in TYPED_DATE_KEYS
        .iter()
        .zip(state.typed_dates().unwrap_or([None; 4]))
    {
        if let Some(date) = date {
            parts.push(format!("{key}={}", crate::dates::iso_date(date)));
        }
    }
    for chart_id in &state.open_tables {
        parts.push(format!("table={}", encode_value(chart_id)));
    }
    if let Some(topic) = state.fact_topic {
        parts.push(format!("topic={}", topic.key()));
    }
    if let Some(item_id) = &state.item {
        parts.push(format!("item={}", encode_value(item_id)));
    }
    if let Some(colours) = state.colours {
        parts.push(format!("colours={}", colours.key()));
    }
    parts.join("&")
}

/// A fragment read back: the nearest valid view and what was ignored, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFragment {
    /// The view to show.
    pub state: ViewState,
    /// One note per part of the fragment that could not be used.
    pub ignored: Vec<String>,
}

/// Reads a fragment (with or without `#`); never fails.
pub fn parse_fragment(fragment: &str) -> ParsedFragment {
    let mut state = ViewState::initial();
    let mut ignored = Vec::new();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.trim().is_empty() {
        return ParsedFragment { state, ignored };
    }
    let fragment: String = if fragment.chars().count() > MAX_FRAGMENT_CHARS {
        ignored.push(format!(
            "the link was longer than {MAX_FRAGMENT_CHARS} characters; the rest was ignored"
        ));
        fragment.chars().take(MAX_FRAGMENT_CHARS).collect()
    } else {
        fragment.to_string()
    };
    let mut version_seen = false;
    for part in fragment.split('&').filter(|part| !part.is_empty()) {
        let (key, raw_value) = part.split_once('=').unwrap_or((part, ""));
        let value = percent_decode_str(raw_value)
            .decode_utf8_lossy()
            .into_owned();
        version_seen |= key == "v";
        if let Err(what) = apply_part(&mut state, key, value.clone()) {
            ignored.push(match what {
                Some(what) => format!("{what} {:?}", shorten(&value, 40)),
                None => format!("unknown setting {:?}", shorten(key, 40)),
            });
        }
    }
    if !version_seen {
        ignored.push("the link has no version; it was read as version 1".to_string());
    }
    state.normalise();
    ParsedFragment {
        state,
        ignored: counted_once(ignored),
    }
}

/// The notes with repeats folded into one, counted: `unknown setting "a" (1,001 times)`, in the order
/// each first appeared.
fn counted_once(notes: Vec<String>) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for note in notes {
        match counted.iter_mut().find(|(seen, _)| *seen == note) {
            Some((_, count)) => *count += 1,
            None => counted.push((note, 1)),
        }
    }
    counted
        .into_iter()
        .map(|(note, count)| {
            if count == 1 {
                note
            } else {
                format!(
                    "{note} ({} times)",
                    crate::text::format_number(count as f64, 0)
                )
            }
        })
        .collect()
}

/// The link's keys for the typed periods' dates: A from, A to, B from, B to.
pub const TYPED_DATE_KEYS: [&str; 4] = ["afrom", "ato", "bfrom", "bto"];

/// Sets what one `key=value` part of a fragment says. `Err(Some(what))` names a value that could not
/// be used; `Err(None)` is a key this version does not know.
fn apply_part(state: &mut ViewState, key: &str, value: String) -> Result<(), Option<&'static str>> {
    fn known<T>(found: Option<T>, what: &'static str) -> Result<T, Option<&'static str>> {
        found.ok_or(Some(what))
    }
    match key {
        "v" if value == FRAGMENT_VERSION.to_string() => {}
        "v" => {
            return Err(Some(
                "link version (this app reads version 1; read what it could)",
            ))
        }
        "tab" => state.tab = known(Tab::from_key(&value), "unknown tab")?,
        "colours" => state.colours = Some(known(ColourScheme::from_key(&value), "colours")?),
        "from" => {
            state.date_from = Some(known(crate::dates::parse_iso_date(&value), "start date")?)
        }
        "to" => state.date_to = Some(known(crate::dates::parse_iso_date(&value), "end date")?),
        "actor" if value.trim().is_empty() || value.chars().count() > 100 => {
            return Err(Some("actor"))
        }
        // The same actor twice is the same filter: kept once, and not counted against the limit.
        "actor" if state.actors.iter().any(|actor| actor == value.trim()) => {}
        "actor" if state.actors.len() >= MAX_ACTORS => {
            return Err(Some("actor beyond the 32 allowed"))
        }
        "actor" => state.actors.push(value.trim().to_string()),
        "theme" => state
            .themes
            .push(known(Theme::from_key(&value), "unknown theme")?),
        "q" => {
            state.search = value.chars().take(MAX_SEARCH_CHARS).collect();
            if value.chars().count() > MAX_SEARCH_CHARS {
                return Err(Some("search text beyond 200 characters"));
            }
        }
        "period" => state.period = known(Period::from_key(&value), "unknown period")?,
        "measure" => state.measure = known(Measure::from_key(&value), "unknown measure")?,
        "roll" => {
            state.rolling_periods = known(
                value
                    .parse::<u32>()
                    .ok()
                    .filter(|periods| ROLLING_CHOICES.contains(periods)),
                "rolling average",
            )?
        }
        "series" => state.series = known(SeriesChoice::from_key(&value), "unknown series")?,
        "cmp" | "afrom" | "ato" | "bfrom" | "bto" => apply_compare_part(state, key, &value)?,
        "bperiod" => {
            state.briefing_period = known(
                Period::from_key(&value).filter(|period| BRIEFING_PERIODS.contains(period)),
                "unknown key-chart period",
            )?
        }
        "yoy" => state.compare_years = known(switch(&value), "year-on-year switch")?,
        "events" => state.show_events = known(switch(&value), "events switch")?,
        "topic" => state.fact_topic = Some(known(FigureTopic::from_key(&value), "unknown topic")?),
        "item" if is_record_id(&value) => state.item = Some(value),
        "item" => return Err(Some("record")),
        "table" => {
            let is_chart_id = !value.is_empty()
                && value.len() <= 40
                && value
                    .chars()
                    .all(|character| character.is_ascii_alphanumeric() || character == '-');
            if !is_chart_id {
                return Err(Some("table"));
            }
            state.open_tables.push(value);
        }
        _ => return Err(None),
    }
    Ok(())
}

/// Sets what one comparison part of a fragment says: `cmp` (a preset, or `typed`) or one of the typed
/// periods' four dates.
fn apply_compare_part(
    state: &mut ViewState,
    key: &str,
    value: &str,
) -> Result<(), Option<&'static str>> {
    if key == "cmp" {
        return if state.pick_comparison(value) {
            Ok(())
        } else {
            Err(Some("unknown comparison"))
        };
    }
    let date = crate::dates::parse_iso_date(value).ok_or(Some("comparison date"))?;
    let which = TYPED_DATE_KEYS
        .iter()
        .position(|typed_key| *typed_key == key)
        .ok_or(None)?;
    state.set_typed_date(which, Some(date));
    Ok(())
}

/// A record id as datasets write them: letters, digits, "-" and "_", at most 120 characters.
fn is_record_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 120
        && value.chars().all(|character| {
            character.is_ascii_alphanumeric() || character == '-' || character == '_'
        })
}

/// "1" is on and "0" off; anything else is not a switch.
fn switch(value: &str) -> Option<bool> {
    match value {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}
