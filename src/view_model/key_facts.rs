//! Key facts: the dataset's other figures (deaths, seizures, staff, returns…) by topic and date, each as a value with its unit, period and a claim to cite.

use crate::analysis::figures::FigureTopic;
use crate::citation::Cited;
use crate::closed_set::ClosedSet;
use crate::data::{Dataset, Figure};
use crate::text::format_number;
use crate::view_state::ViewState;

/// How many facts the Briefing lists before "Show all": the newest, so the page stays short.
pub const KEY_FACTS_SHOWN_FIRST: usize = 6;

/// One fact as shown and as copied.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFact {
    pub figure_id: String,
    pub topic: FigureTopic,
    /// "8,631", "£800,000", "35%", with "up to" or "around" where the source says so.
    pub value_display: String,
    /// What the number counts: the figure's label and unit.
    pub label: String,
    /// When it applies: "4 November 2024" or "May 2024 to April 2025".
    pub time_display: String,
    /// Caveats and other values given by other sources.
    pub notes: Vec<String>,
    pub source_ids: Vec<String>,
    pub cited: Cited,
}

/// The key facts in the view's dates and topic, newest first, and how many there are in each topic
/// (in the dates) for the topic picker.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFacts {
    pub facts: Vec<KeyFact>,
    pub topic_counts: Vec<(FigureTopic, usize)>,
    /// What the list holds, or why it is empty, in a sentence.
    pub summary: String,
}

/// The unit after the label where the label does not already say it: "(people per boat)".
fn label_with_unit(figure: &Figure) -> String {
    let unit = figure.unit.trim();
    let label = figure.label.trim();
    if matches!(unit, "GBP" | "percent") || label.to_lowercase().contains(&unit.to_lowercase()) {
        label.to_string()
    } else {
        format!("{label} ({unit})")
    }
}

fn key_fact(figure: &Figure, topic: FigureTopic, dataset: &Dataset) -> KeyFact {
    let value = super::value_display(figure.value, &figure.unit, figure.value_basis);
    let label = label_with_unit(figure);
    let time_display = figure.time.display();
    let notes = super::where_sources_differ::record_notes(
        figure.note.as_deref(),
        &super::where_sources_differ::figure_others(dataset, figure),
    );
    KeyFact {
        figure_id: figure.figure_id.clone(),
        topic,
        cited: Cited::new(
            format!("{label}: {value} ({time_display})."),
            figure.source_ids.clone(),
        ),
        value_display: value,
        label,
        time_display,
        notes,
        source_ids: figure.source_ids.clone(),
    }
}

/// The figures whose time overlaps the view's dates, in the chosen topic, newest first.
pub fn key_facts(dataset: &Dataset, state: &ViewState) -> KeyFacts {
    // Each figure's topic is read from its metric once: a long file holds tens of thousands.
    let in_dates: Vec<(&Figure, FigureTopic)> = dataset
        .figures
        .iter()
        .filter(|figure| {
            state
                .date_from
                .is_none_or(|from| figure.time.last_day() >= from)
                && state.date_to.is_none_or(|to| figure.time.first_day() <= to)
        })
        .map(|figure| (figure, FigureTopic::of(&figure.metric)))
        .collect();
    let topic_counts: Vec<(FigureTopic, usize)> = FigureTopic::all()
        .map(|topic| {
            let count = in_dates
                .iter()
                .filter(|(_, figure_topic)| *figure_topic == topic)
                .count();
            (topic, count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    let mut chosen: Vec<(&Figure, FigureTopic)> = in_dates
        .into_iter()
        .filter(|(_, figure_topic)| state.fact_topic.is_none_or(|topic| *figure_topic == topic))
        .collect();
    crate::sorting::sort_by_key(&mut chosen, |(figure, _)| {
        std::cmp::Reverse((figure.time.last_day(), figure.time.first_day()))
    });
    let facts: Vec<KeyFact> = chosen
        .into_iter()
        .map(|(figure, topic)| key_fact(figure, topic, dataset))
        .collect();
    let topic_words = state
        .fact_topic
        .map(|topic| format!(" on {}", topic.label().to_lowercase()))
        .unwrap_or_default();
    let summary = match facts.len() {
        0 => format!(
            "No other figures{topic_words} fall in these dates; the dataset's {} figures run from {}.",
            dataset.figures.len(),
            figures_span(dataset)
        ),
        1 => format!("1 figure{topic_words} in these dates."),
        n_facts => format!("{} figures{topic_words} in these dates, newest first.", format_number(n_facts as f64, 0)),
    };
    KeyFacts {
        facts,
        topic_counts,
        summary,
    }
}

/// "2018 to 20 August 2026": the span the figures cover.
fn figures_span(dataset: &Dataset) -> String {
    let first = dataset
        .figures
        .iter()
        .map(|figure| figure.time.first_day())
        .min();
    let last = dataset
        .figures
        .iter()
        .map(|figure| figure.time.last_day())
        .max();
    match first.zip(last) {
        Some((first, last)) => crate::dates::days_text(first, last),
        None => "no dates".to_string(),
    }
}
