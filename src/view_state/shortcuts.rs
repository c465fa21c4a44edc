//! Keyboard shortcuts as values: which key does what, and the one rule they add to the view (stepping the date range by a period). The shell only listens and applies them.

use chrono::{Days, Months, NaiveDate};

use super::{Tab, ViewState};
use crate::calendar::{month_end, period_bounds, Period};
use crate::closed_set::ClosedSet;

/// What a shortcut asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// 1 to 5: a view, in the order of the tabs.
    ShowTab(Tab),
    /// "/": the announcements search box.
    Search,
    /// "t": the table of the chart that has focus (or the first chart of the view).
    ToggleTable,
    /// "[" and "]": the date range a period earlier or later.
    StepDates { forward: bool },
    /// "?": the list of shortcuts.
    Help,
}

/// Every shortcut with its key and what it does, for the "?" list.
pub const SHORTCUT_LIST: [(&str, &str); 6] = [
    (
        "1 to 5",
        "Show a view: Briefing, Crossings, Funding, Announcements, Sources and method",
    ),
    ("/", "Search the announcements"),
    (
        "t",
        "Show the table of the chart you are on, or the chart again",
    ),
    (
        "[",
        "Move the dates back by a period (the chart's grouping: a day, week, month or year)",
    ),
    ("]", "Move the dates forward by a period"),
    ("?", "Show or hide this list (Esc closes it)"),
];

/// The shortcut for a key pressed outside any text box, with no Ctrl, Alt or Meta held; `None` for
/// every other key.
pub fn shortcut_for_key(key: &str) -> Option<Shortcut> {
    Some(match key {
        "/" => Shortcut::Search,
        "t" | "T" => Shortcut::ToggleTable,
        "[" => Shortcut::StepDates { forward: false },
        "]" => Shortcut::StepDates { forward: true },
        "?" => Shortcut::Help,
        digit => {
            let view_idx = digit.parse::<usize>().ok()?.checked_sub(1)?;
            Shortcut::ShowTab(Tab::NAMES.get(view_idx)?.1)
        }
    })
}

/// Moves `date` by one `period`; a month's last day stays a month's last day (30 April, then 31 May).
fn shifted(date: NaiveDate, period: Period, forward: bool) -> Option<NaiveDate> {
    let by_months = |months: u32| {
        let moved = if forward {
            date.checked_add_months(Months::new(months))
        } else {
            date.checked_sub_months(Months::new(months))
        }?;
        Some(if date == month_end(date) {
            month_end(moved)
        } else {
            moved
        })
    };
    let by_days = |days: u64| {
        if forward {
            date.checked_add_days(Days::new(days))
        } else {
            date.checked_sub_days(Days::new(days))
        }
    };
    match period {
        Period::Day => by_days(1),
        Period::Week => by_days(7),
        Period::Month => by_months(1),
        Period::Year => by_months(12),
    }
}

impl ViewState {
    /// The period "[" and "]" step by: the open chart's grouping (a month elsewhere).
    pub fn stepping_period(&self) -> Period {
        match self.tab {
            Tab::Crossings => self.period,
            Tab::Briefing => self.briefing_period,
            _ => Period::Month,
        }
    }

    /// Moves the date range a period earlier or later. With no dates set, the range becomes the
    /// whole period that holds `data_last` (the last day with data), to step on from there.
    pub fn step_dates(&mut self, forward: bool, data_last: NaiveDate) {
        let period = self.stepping_period();
        if self.date_from.is_none() && self.date_to.is_none() {
            let (first, last) = period_bounds(period, data_last);
            self.date_from = Some(first);
            self.date_to = Some(last);
            return;
        }
        let step = |date: Option<NaiveDate>| {
            date.map(|date| shifted(date, period, forward).unwrap_or(date))
        };
        self.date_from = step(self.date_from);
        self.date_to = step(self.date_to);
        self.normalise();
    }
}
