//! Comparing periods on the Briefing: the figures of each period, the change, and a sentence with both periods, the edition and the source.

use super::source_names;
use crate::analysis::compare::{span_figures, SpanFigures};
use crate::analysis::people_per_boat;
use crate::citation::Cited;
use crate::data::Dataset;
use crate::dates::days_text;
use crate::export::{Cell, Column, DataTable};
use crate::text::{count_of, format_number};
use crate::view_state::ViewState;

/// A comparison as shown: a table of the periods and a sentence, or a plain message saying why the
/// periods cannot be compared.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareView {
    Figures {
        /// One row per period, oldest first.
        table: DataTable,
        /// Both (or the latest two) periods, the change, the edition and the source.
        sentence: String,
        /// The same without the source names, for copying with its sources cited in full.
        cited: Cited,
        /// How the change is worked out.
        notes: Vec<String>,
    },
    Problem(String),
}

/// "5 July 2024 to 4 July 2025 (the 12 months from the Command's launch)", for the table.
fn span_words(figures: &SpanFigures) -> String {
    let days = days_text(figures.span.first, figures.span.last);
    if figures.span.name.is_empty() {
        days
    } else {
        format!("{days} ({})", figures.span.name)
    }
}

/// "from 5 July 2024 to 4 July 2025 (the 12 months from the Command's launch; 44,359 in 365 days)", for a
/// sentence; `extra` goes in the brackets after the name.
fn span_phrase(figures: &SpanFigures, extra: Option<String>) -> String {
    let days = if figures.span.first == figures.span.last {
        format!("on {}", crate::dates::day_month_year(figures.span.first))
    } else {
        format!("from {}", days_text(figures.span.first, figures.span.last))
    };
    let bracket: Vec<String> = [
        (!figures.span.name.is_empty()).then(|| figures.span.name.clone()),
        extra,
    ]
    .into_iter()
    .flatten()
    .collect();
    if bracket.is_empty() {
        days
    } else {
        format!("{days} ({})", bracket.join("; "))
    }
}

/// "up 13,280 (43%)", "down 5 (2%)", "unchanged"; `None` where the earlier figure is zero.
fn change_words(later: f64, earlier: f64, decimals: usize) -> Option<String> {
    let percent = crate::text::percent_change(later, earlier)?;
    let difference = later - earlier;
    let rounded_difference = format_number(difference.abs(), decimals);
    if rounded_difference == "0" {
        return Some("unchanged".to_string());
    }
    Some(format!(
        "{} {rounded_difference} ({})",
        if difference > 0.0 { "up" } else { "down" },
        crate::text::percent_words(percent)
    ))
}

/// The comparison the view asks for, if any.
pub fn compare_view(dataset: &Dataset, state: &ViewState) -> Option<CompareView> {
    let comparison = state.compare?;
    let figures = comparison
        .spans(dataset, &state.dates())
        .and_then(|spans| span_figures(dataset, &spans));
    let figures = match figures {
        Ok(figures) => figures,
        Err(problem) => return Some(CompareView::Problem(problem.0)),
    };
    let sources = source_names(dataset, &dataset.crossings.daily.info.source_ids);
    let [.., earlier, later] = figures.as_slice() else {
        return Some(CompareView::Problem(
            "A comparison needs two periods.".to_string(),
        ));
    };
    let same_length = earlier.n_days == later.n_days;
    let change = if same_length {
        change_words(later.people as f64, earlier.people as f64, 0)
    } else {
        change_words(later.people_per_day(), earlier.people_per_day(), 1)
            .map(|change| change.replacen(" (", " a day (", 1))
    };
    let compared = if same_length {
        format!(
            "{} crossed {}, against {} {}",
            crate::text::count_of(later.people as usize, "person", "people"),
            span_phrase(later, None),
            // "against none", not "against 0".
            match earlier.people {
                0 => "none".to_string(),
                people => format_number(people as f64, 0),
            },
            span_phrase(earlier, None)
        )
    } else {
        let in_days = |figures: &SpanFigures| {
            Some(format!(
                "{} in {}",
                format_number(figures.people as f64, 0),
                count_of(figures.n_days as usize, "day", "days")
            ))
        };
        format!(
            "{} people a day crossed {}, against {} a day {}",
            crate::text::format_fixed(later.people_per_day(), 1),
            span_phrase(later, in_days(later)),
            crate::text::format_fixed(earlier.people_per_day(), 1),
            span_phrase(earlier, in_days(earlier)),
        )
    };
    let change_text = change.unwrap_or_else(|| {
        "no one crossed in the earlier period, so there is no percentage change".to_string()
    });
    let claim = format!("{compared}: {change_text}; provisional figures.");
    let sentence = format!("{compared}: {change_text}. Provisional figures: {sources}.");
    let mut notes = vec!["Provisional figures, summed from the Home Office's daily series; official statistics are published by whole month and year and are not mixed in.".to_string()];
    if !same_length {
        notes.push(
            "The periods differ in length, so their daily averages are compared.".to_string(),
        );
    }
    Some(CompareView::Figures {
        table: compare_table(&figures),
        sentence,
        cited: Cited::new(claim, dataset.crossings.daily.info.source_ids.clone()),
        notes,
    })
}

fn compare_table(figures: &[SpanFigures]) -> DataTable {
    let column = |heading: &str, is_numeric: bool| Column::shown(heading, is_numeric);
    DataTable {
        caption: "Periods compared (provisional figures)".to_string(),
        columns: vec![
            column("Period", false),
            column("Days", true),
            column("People", true),
            column("Boats", true),
            column("People per boat", true),
            column("People a day", true),
            column("Announcements", true),
        ],
        rows: figures
            .iter()
            .map(|figures| {
                vec![
                    Cell::text_sorted_by(
                        &span_words(figures),
                        &crate::dates::iso_date(figures.span.first),
                    ),
                    Cell::number(Some(f64::from(figures.n_days)), 0),
                    Cell::number(Some(figures.people as f64), 0),
                    Cell::number(Some(figures.boats as f64), 0),
                    Cell::number(people_per_boat(figures.people, figures.boats), 1),
                    Cell::number(Some(figures.people_per_day()), 1),
                    Cell::number(Some(figures.n_announcements as f64), 0),
                ]
            })
            .collect(),
    }
}
