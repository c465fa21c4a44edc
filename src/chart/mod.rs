//! Charts drawn with plotters into SVG strings: pure geometry (scales, ticks, positions) and drawing.
//!
//! The geometry is computed here, not by plotters' chart builder, because that builder measures text
//! through the DOM on wasm32. Text reaches the SVG only through plotters' `Text` element, which
//! escapes it. The same geometry positions the keyboard and hover layer in the UI.

use chrono::{Datelike, NaiveDate};

use crate::text::format_number;
use plotters::prelude::*;

/// UK government Analysis Function categorical palette (dark blue, turquoise, dark pink, orange, dark
/// grey, light purple), in the order it recommends. Orange and light purple are under 3:1 against white,
/// so the charts here use dark blue, dark pink, turquoise and dark grey for lines and bars.
pub static PALETTE: [RGBColor; 6] = [
    RGBColor(0x12, 0x43, 0x6D),
    RGBColor(0x28, 0xA1, 0x97),
    RGBColor(0x80, 0x16, 0x50),
    RGBColor(0xF4, 0x6A, 0x25),
    RGBColor(0x3D, 0x3D, 0x3D),
    RGBColor(0xA2, 0x85, 0xD1),
];
const AXIS_TEXT: RGBColor = RGBColor(0x0B, 0x0C, 0x0C);
const GRID: RGBColor = RGBColor(0xD8, 0xD8, 0xD8);
const EVENT_LINE: RGBColor = RGBColor(0x80, 0x16, 0x50);
const FONT: &str = "sans-serif";
/// How opaque the fill of a partial period's bar is (its outline is full colour).
const PARTIAL_BAR_OPACITY: f64 = 0.35;
/// About how wide a character of a marker's label is, and the least room between two labels.
const EVENT_LABEL_CHAR_PX: f64 = 7.5;
const EVENT_LABEL_GAP_PX: f64 = 6.0;
/// The least vertical room between two labels at the ends of lines: one line of the axis text.
pub const MIN_END_LABEL_GAP_PX: f64 = 14.0;
/// Line ends closer than this horizontally put their labels in one column, kept apart vertically.
const END_LABEL_COLUMN_PX: f64 = 40.0;
/// How far right of a line's end its label starts.
const END_LABEL_OFFSET_PX: i32 = 8;

/// A chart's drawing size in SVG pixels (it scales with the page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartSize {
    pub width_px: u32,
    pub height_px: u32,
}

/// How the main series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Bars,
    Line,
}

/// One series of values, one per x position; `None` leaves a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct PlotSeries {
    /// Shown in the direct label and the legend.
    pub label: String,
    /// One value per x position.
    pub values: Vec<Option<f64>>,
    /// Index into `PALETTE`.
    pub colour_idx: usize,
    /// Bars or a line.
    pub mark: Mark,
    /// Write the label at the line's last point (distinguishes lines without colour).
    pub label_at_end: bool,
}

/// A numbered marker on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMarker {
    /// The x position (index) it stands at.
    pub x_idx: usize,
    /// Its number, shown on the chart and in the list under it.
    pub number: usize,
}

/// Everything needed to draw a chart over a sequence of periods.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesChart {
    /// The first day of each x position, oldest first.
    pub x_dates: Vec<NaiveDate>,
    /// Tick labels for the x axis, when the positions are not dates (days of the year, say).
    pub x_tick_override: Option<Vec<(usize, String)>>,
    /// The series, drawn in order (bars first, then lines).
    pub series: Vec<PlotSeries>,
    /// Numbered event markers.
    pub events: Vec<EventMarker>,
    /// True at positions that stand for part of a period only (cut by the date range or the end of the
    /// data): their bars are drawn pale with an outline. Empty when every position is whole.
    pub x_is_partial: Vec<bool>,
    /// The size to draw at.
    pub size: ChartSize,
}

/// Where things are in a drawn chart, in SVG pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartGeometry {
    pub size: ChartSize,
    pub plot_left_px: f64,
    pub plot_right_px: f64,
    pub plot_top_px: f64,
    pub plot_bottom_px: f64,
    /// The top of the value axis (a nice round number at or above the largest value).
    pub y_max: f64,
    /// The bottom of the value axis: 0, or a nice round number at or below the smallest value when
    /// some value is negative (bars then stand on a zero line inside the plot).
    pub y_min: f64,
    /// Value-axis ticks: the value and its label.
    pub y_ticks: Vec<(f64, String)>,
    /// Time-axis ticks: x position index and label.
    pub x_ticks: Vec<(usize, String)>,
    /// The number of x positions.
    pub n_positions: usize,
}

impl ChartGeometry {
    /// The centre of x position `x_idx`.
    pub fn x_px_from_idx(&self, x_idx: usize) -> f64 {
        self.plot_left_px + (x_idx as f64 + 0.5) * self.step_px()
    }

    /// The width each x position has.
    pub fn step_px(&self) -> f64 {
        (self.plot_right_px - self.plot_left_px) / self.n_positions.max(1) as f64
    }

    /// The y of a value (SVG y grows downwards).
    pub fn y_px_from_value(&self, value: f64) -> f64 {
        let span = self.y_max - self.y_min;
        let share = if span > 0.0 {
            ((value - self.y_min) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.plot_bottom_px - share * (self.plot_bottom_px - self.plot_top_px)
    }

    /// The x position nearest to an x in SVG pixels.
    pub fn idx_from_x_px(&self, x_px: f64) -> Option<usize> {
        if self.n_positions == 0 {
            return None;
        }
        let raw = ((x_px - self.plot_left_px) / self.step_px()).floor();
        Some(raw.clamp(0.0, (self.n_positions - 1) as f64) as usize)
    }
}

/// A drawn chart: the SVG text and where everything is.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnChart {
    pub svg: String,
    pub geometry: ChartGeometry,
}

/// Round tick values from 0 to at least `max_value`, about `target_count` of them.
pub fn nice_ticks(max_value: f64, target_count: usize) -> Vec<f64> {
    nice_ticks_between(0.0, max_value, target_count)
}

/// Round tick values from at most `min_value` (or 0, if it is above 0) to at least `max_value`, about
/// `target_count` of them, 0 always among them.
pub fn nice_ticks_between(min_value: f64, max_value: f64, target_count: usize) -> Vec<f64> {
    let min_value = if min_value.is_finite() {
        min_value.min(0.0)
    } else {
        0.0
    };
    let max_value = if max_value.is_finite() {
        max_value.max(0.0)
    } else {
        0.0
    };
    let range = max_value - min_value;
    if range <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw_step = range / target_count.max(1) as f64;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|factor| factor * magnitude)
        .find(|candidate| *candidate >= raw_step)
        .unwrap_or(10.0 * magnitude);
    let n_steps_below = (-min_value / step).ceil() as i64;
    let n_steps_above = if max_value > 0.0 || n_steps_below == 0 {
        (max_value / step).ceil().max(1.0) as i64
    } else {
        0
    };
    (-n_steps_below..=n_steps_above)
        .map(|step_idx| step_idx as f64 * step)
        .collect()
}

/// Time-axis ticks: years when the span is long, months when short, days for a few weeks.
pub fn date_ticks(x_dates: &[NaiveDate], max_ticks: usize) -> Vec<(usize, String)> {
    let (Some(first), Some(last)) = (x_dates.first(), x_dates.last()) else {
        return Vec::new();
    };
    let span_days = (*last - *first).num_days();
    let mut ticks: Vec<(usize, String)> = if span_days > 3 * 365 {
        // The dates are in order, so a new year is one that differs from the date before it; one pass,
        // however long the series.
        x_dates
            .iter()
            .enumerate()
            .filter(|(x_idx, date)| {
                let is_new = *x_idx == 0 || x_dates[x_idx - 1].year() != date.year();
                is_new && (date.ordinal() <= 7 || date == &first)
            })
            .map(|(x_idx, date)| (x_idx, date.year().to_string()))
            .collect()
    } else if span_days > 62 {
        let month_key = |date: &NaiveDate| (date.year(), date.month());
        x_dates
            .iter()
            .enumerate()
            .filter(|(x_idx, date)| {
                let is_new = *x_idx == 0 || month_key(&x_dates[x_idx - 1]) != month_key(date);
                is_new && (date.day() <= 7 || date == &first)
            })
            .map(|(x_idx, date)| (x_idx, crate::dates::short_month_year(*date)))
            .collect()
    } else {
        x_dates
            .iter()
            .enumerate()
            .map(|(x_idx, date)| (x_idx, crate::dates::day_short_month(*date)))
            .collect()
    };
    if ticks.len() > max_ticks {
        let keep_every = ticks.len().div_ceil(max_ticks);
        ticks = ticks
            .into_iter()
            .enumerate()
            .filter(|(tick_idx, _)| tick_idx % keep_every == 0)
            .map(|(_, tick)| tick)
            .collect();
    }
    ticks
}

/// Works out the geometry of a chart without drawing it.
pub fn layout(chart: &SeriesChart) -> ChartGeometry {
    let values = || {
        chart
            .series
            .iter()
            .flat_map(|series| series.values.iter().flatten())
    };
    let max_value = values().fold(0.0f64, |max, value| max.max(*value));
    let min_value = values().fold(0.0f64, |min, value| min.min(*value));
    let y_values = nice_ticks_between(min_value, max_value, 5);
    let y_max = y_values.last().copied().unwrap_or(1.0);
    let y_min = y_values.first().copied().unwrap_or(0.0);
    let decimals = if y_values.iter().any(|value| value.fract() != 0.0) {
        1
    } else {
        0
    };
    let y_ticks = y_values
        .iter()
        .map(|value| (*value, format_number(*value, decimals)))
        .collect();
    let widest_label_chars = format_number(y_max, decimals)
        .chars()
        .count()
        .max(format_number(y_min, decimals).chars().count()) as f64;
    let has_end_labels = chart.series.iter().any(|series| series.label_at_end);
    let max_x_ticks = (chart.size.width_px / 90).max(2) as usize;
    let plot_left_px = 14.0 + widest_label_chars * 8.0;
    let plot_right_px = f64::from(chart.size.width_px) - if has_end_labels { 56.0 } else { 16.0 };
    let x_ticks = match &chart.x_tick_override {
        Some(ticks) => every_nth_that_fits(ticks, plot_right_px - plot_left_px),
        None => date_ticks(&chart.x_dates, max_x_ticks),
    };
    ChartGeometry {
        size: chart.size,
        plot_left_px,
        plot_right_px,
        plot_top_px: if chart.events.is_empty() { 16.0 } else { 34.0 },
        plot_bottom_px: f64::from(chart.size.height_px) - 34.0,
        y_max,
        y_min,
        y_ticks,
        x_ticks,
        n_positions: chart.x_dates.len(),
    }
}

/// Given axis labels, thinned to every second, third… one when they would not fit side by side in
/// `plot_width_px` (about 8 px a character and 16 px between labels); the first label is always kept.
fn every_nth_that_fits(ticks: &[(usize, String)], plot_width_px: f64) -> Vec<(usize, String)> {
    let widest_px = ticks
        .iter()
        .map(|(_, label)| label.chars().count() as f64 * 8.0 + 16.0)
        .fold(1.0, f64::max);
    let fitting = ((plot_width_px / widest_px).floor() as usize).max(1);
    let step = ticks.len().div_ceil(fitting).max(1);
    ticks.iter().step_by(step).cloned().collect()
}

/// Where each label at a line's end goes (its centre's y, in the order given): at the line's end, or
/// moved up or down just enough that labels in one column are `MIN_END_LABEL_GAP_PX` apart. They keep
/// the order of their lines' ends, and stay between `top_px` and `bottom_px` when the column fits there.
pub fn spread_end_labels(line_ends_px: &[(f64, f64)], top_px: f64, bottom_px: f64) -> Vec<f64> {
    let mut label_y_px: Vec<f64> = line_ends_px.iter().map(|(_, y_px)| *y_px).collect();
    let mut by_x: Vec<usize> = (0..line_ends_px.len()).collect();
    crate::sorting::sort_by(&mut by_x, |a, b| {
        line_ends_px[*a].0.total_cmp(&line_ends_px[*b].0)
    });
    let mut columns: Vec<Vec<usize>> = Vec::new();
    let mut previous_x_px = f64::NEG_INFINITY;
    for label_idx in by_x {
        let x_px = line_ends_px[label_idx].0;
        match columns.last_mut() {
            Some(column) if x_px - previous_x_px < END_LABEL_COLUMN_PX => column.push(label_idx),
            _ => columns.push(vec![label_idx]),
        }
        previous_x_px = x_px;
    }
    for mut column in columns {
        // Top to bottom; equal ends keep the order given.
        crate::sorting::sort_by(&mut column, |a, b| {
            line_ends_px[*a].1.total_cmp(&line_ends_px[*b].1)
        });
        let push_down = |label_y_px: &mut Vec<f64>| {
            for pair in column.windows(2) {
                label_y_px[pair[1]] =
                    label_y_px[pair[1]].max(label_y_px[pair[0]] + MIN_END_LABEL_GAP_PX);
            }
        };
        push_down(&mut label_y_px);
        // Anything pushed below the plot comes back up, taking the labels above it along.
        if let Some(&lowest) = column.last() {
            label_y_px[lowest] = label_y_px[lowest].min(bottom_px.max(line_ends_px[lowest].1));
        }
        for pair in column.windows(2).rev() {
            label_y_px[pair[0]] =
                label_y_px[pair[0]].min(label_y_px[pair[1]] - MIN_END_LABEL_GAP_PX);
        }
        // A column taller than the plot starts at its top and keeps its gaps.
        if let Some(&highest) = column.first() {
            if label_y_px[highest] < top_px {
                label_y_px[highest] = top_px.min(line_ends_px[highest].1);
                push_down(&mut label_y_px);
            }
        }
    }
    label_y_px
}

/// Below this many pixels per position, bars are drawn touching, as one shape per run of values.
pub const DENSE_BAR_STEP_PX: f64 = 3.0;

mod draw;
pub mod readout;

pub use draw::{draw, marker_positions};

#[cfg(test)]
mod tests;
