//! Drawing a laid-out chart into an SVG string with plotters: axes, bars, lines, end labels and event markers.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::*;

/// Draws a chart to an SVG string with plotters.
pub fn draw(chart: &SeriesChart) -> DrawnChart {
    let geometry = layout(chart);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (chart.size.width_px, chart.size.height_px))
            .into_drawing_area();
        // Drawing into a string cannot fail; an error here would be a bug in the geometry, and the
        // chart is then left incomplete rather than stopping the page.
        draw_into(&root, chart, &geometry).ok();
        root.present().ok();
    }
    DrawnChart { svg, geometry }
}

type DrawError = DrawingAreaErrorKind<<SVGBackend<'static> as DrawingBackend>::ErrorType>;
type DrawResult = Result<(), DrawError>;
/// A line's label and where its line ends, in SVG pixels.
type EndLabel<'a> = (&'a str, (i32, i32));
type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn px(value: f64) -> i32 {
    value.round() as i32
}

fn draw_into(root: &Area<'_>, chart: &SeriesChart, geometry: &ChartGeometry) -> DrawResult {
    draw_axes(root, geometry)?;
    draw_bars(root, chart, geometry)?;
    let end_labels = draw_lines(root, chart, geometry)?;
    draw_end_labels(root, end_labels, geometry)?;
    draw_events(root, chart, geometry)
}

/// Axis text: plotters writes font-size as the given size divided by 1.24, so 16 gives about 13 px.
fn small_text(colour: &'static RGBColor, pos: Pos) -> TextStyle<'static> {
    TextStyle::from((FONT, 16).into_font())
        .color(colour)
        .pos(pos)
}

/// Value-axis gridlines and labels; the time axis's baseline, ticks and labels.
fn draw_axes(root: &Area<'_>, geometry: &ChartGeometry) -> DrawResult {
    // Value axis: gridlines and labels.
    for (value, label) in &geometry.y_ticks {
        let y_px = px(geometry.y_px_from_value(*value));
        root.draw(&PathElement::new(
            vec![
                (px(geometry.plot_left_px), y_px),
                (px(geometry.plot_right_px), y_px),
            ],
            GRID.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            label.clone(),
            (px(geometry.plot_left_px) - 6, y_px),
            small_text(&AXIS_TEXT, Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    // With negative values, the zero line inside the plot is drawn as strongly as the time axis.
    if geometry.y_min < 0.0 {
        let zero_px = px(geometry.y_px_from_value(0.0));
        root.draw(&PathElement::new(
            vec![
                (px(geometry.plot_left_px), zero_px),
                (px(geometry.plot_right_px), zero_px),
            ],
            AXIS_TEXT.stroke_width(1),
        ))?;
    }
    // Time axis: baseline, ticks and labels.
    let baseline_px = px(geometry.plot_bottom_px);
    root.draw(&PathElement::new(
        vec![
            (px(geometry.plot_left_px), baseline_px),
            (px(geometry.plot_right_px), baseline_px),
        ],
        AXIS_TEXT.stroke_width(1),
    ))?;
    for (x_idx, label) in &geometry.x_ticks {
        let x_px = px(geometry.plot_left_px + *x_idx as f64 * geometry.step_px());
        root.draw(&PathElement::new(
            vec![(x_px, baseline_px), (x_px, baseline_px + 5)],
            AXIS_TEXT.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            label.clone(),
            (x_px, baseline_px + 9),
            small_text(&AXIS_TEXT, Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    Ok(())
}

/// Bar series, drawn first so lines go on top; partial periods pale with an outline. Bars stand on the
/// zero line: up for a positive value, down for a negative one.
fn draw_bars(root: &Area<'_>, chart: &SeriesChart, geometry: &ChartGeometry) -> DrawResult {
    let zero_px = geometry.y_px_from_value(0.0);
    // Bars first, then lines on top.
    for series in chart
        .series
        .iter()
        .filter(|series| series.mark == Mark::Bars)
    {
        let colour = PALETTE[series.colour_idx % PALETTE.len()];
        if geometry.step_px() < DENSE_BAR_STEP_PX {
            draw_dense_bars(root, &series.values, geometry, colour)?;
            continue;
        }
        let bar_width_px = (geometry.step_px() * 0.8).max(1.0);
        for (x_idx, value) in series.values.iter().enumerate() {
            let Some(value) = value else { continue };
            let centre_px = geometry.x_px_from_idx(x_idx);
            let value_px = geometry.y_px_from_value(*value);
            let corners = [
                (
                    px(centre_px - bar_width_px / 2.0),
                    px(value_px.min(zero_px)),
                ),
                (
                    px(centre_px + bar_width_px / 2.0),
                    px(value_px.max(zero_px)),
                ),
            ];
            if chart.x_is_partial.get(x_idx).copied().unwrap_or(false) {
                root.draw(&Rectangle::new(
                    corners,
                    colour.mix(PARTIAL_BAR_OPACITY).filled(),
                ))?;
                root.draw(&Rectangle::new(corners, colour.stroke_width(1)))?;
            } else {
                root.draw(&Rectangle::new(corners, colour.filled()))?;
            }
        }
    }
    Ok(())
}

/// Line series, each broken where a value is missing; returns the labels to write at their ends.
fn draw_lines<'chart>(
    root: &Area<'_>,
    chart: &'chart SeriesChart,
    geometry: &ChartGeometry,
) -> Result<Vec<EndLabel<'chart>>, DrawError> {
    // Labels go on after every line, so no line is drawn across one.
    let mut end_labels: Vec<(&str, (i32, i32))> = Vec::new();
    for series in chart
        .series
        .iter()
        .filter(|series| series.mark == Mark::Line)
    {
        let colour = &PALETTE[series.colour_idx % PALETTE.len()];
        let mut segment: Vec<(i32, i32)> = Vec::new();
        let mut last_point = None;
        for (x_idx, value) in series.values.iter().enumerate() {
            match value {
                Some(value) => {
                    let point = (
                        px(geometry.x_px_from_idx(x_idx)),
                        px(geometry.y_px_from_value(*value)),
                    );
                    segment.push(point);
                    last_point = Some(point);
                }
                None if !segment.is_empty() => {
                    root.draw(&PathElement::new(
                        std::mem::take(&mut segment),
                        colour.stroke_width(2),
                    ))?;
                }
                None => {}
            }
        }
        if segment.len() == 1 {
            root.draw(&Circle::new(segment[0], 2, colour.filled()))?;
        } else if !segment.is_empty() {
            root.draw(&PathElement::new(segment, colour.stroke_width(2)))?;
        }
        if let (true, Some(line_end_px)) = (series.label_at_end, last_point) {
            end_labels.push((&series.label, line_end_px));
        }
    }
    Ok(end_labels)
}

/// Labels at the ends of lines, spread a text line apart and tied back to their lines when moved.
fn draw_end_labels(
    root: &Area<'_>,
    end_labels: Vec<EndLabel<'_>>,
    geometry: &ChartGeometry,
) -> DrawResult {
    let line_ends_px: Vec<(f64, f64)> = end_labels
        .iter()
        .map(|(_, (x_px, y_px))| (f64::from(*x_px), f64::from(*y_px)))
        .collect();
    let label_y_px =
        spread_end_labels(&line_ends_px, geometry.plot_top_px, geometry.plot_bottom_px);
    for ((label, (x_px, y_px)), label_y_px) in end_labels.into_iter().zip(label_y_px) {
        let label_y_px = px(label_y_px);
        if label_y_px != y_px {
            // A label moved off its line's end is tied back to it by a short stroke.
            root.draw(&PathElement::new(
                vec![
                    (x_px + 2, y_px),
                    (x_px + END_LABEL_OFFSET_PX - 2, label_y_px),
                ],
                AXIS_TEXT.stroke_width(1),
            ))?;
        }
        // Direct labels are text, so they use the axis colour (4.5:1 contrast), not the line colour.
        root.draw(&Text::new(
            label.to_string(),
            (x_px + END_LABEL_OFFSET_PX, label_y_px),
            small_text(&AXIS_TEXT, Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// Event markers: one thin line per position, however many announcements fall in it, labelled with its
/// number ("7") or, for several, the range of their numbers ("12–14") where there is room beside the
/// label before; every marker is also in the numbered list under the chart and named in the readout for
/// its period.
fn draw_events(root: &Area<'_>, chart: &SeriesChart, geometry: &ChartGeometry) -> DrawResult {
    let baseline_px = px(geometry.plot_bottom_px);
    let mut last_label_right_px = f64::NEG_INFINITY;
    for (x_idx, first_number, last_number) in marker_positions(&chart.events) {
        let x_px = geometry.x_px_from_idx(x_idx);
        root.draw(&PathElement::new(
            vec![
                (px(x_px), px(geometry.plot_top_px) - 2),
                (px(x_px), baseline_px),
            ],
            EVENT_LINE.mix(0.45).stroke_width(1),
        ))?;
        let label = if first_number == last_number {
            first_number.to_string()
        } else {
            format!("{first_number}–{last_number}")
        };
        let half_width_px = label.chars().count() as f64 * EVENT_LABEL_CHAR_PX / 2.0;
        if x_px - half_width_px >= last_label_right_px + EVENT_LABEL_GAP_PX {
            root.draw(&Text::new(
                label,
                (px(x_px), px(geometry.plot_top_px) - 4),
                small_text(&EVENT_LINE, Pos::new(HPos::Center, VPos::Bottom)),
            ))?;
            last_label_right_px = x_px + half_width_px;
        }
    }
    Ok(())
}

/// Each position with markers, once, left to right: (position, first number, last number).
pub fn marker_positions(events: &[EventMarker]) -> Vec<(usize, usize, usize)> {
    let mut sorted: Vec<&EventMarker> = events.iter().collect();
    crate::sorting::sort_by_key(&mut sorted, |event| (event.x_idx, event.number));
    let mut positions: Vec<(usize, usize, usize)> = Vec::new();
    for event in sorted {
        match positions.last_mut() {
            Some((x_idx, _, last)) if *x_idx == event.x_idx => *last = event.number,
            _ => positions.push((event.x_idx, event.number, event.number)),
        }
    }
    positions
}

/// Bars too thin to show gaps between them: each run of present values becomes one filled outline that
/// steps across the top of every bar, so every value is still drawn at its own height (nothing is
/// sampled or averaged away), while the page holds one element per run instead of one per bar. A missing
/// value ends a run and leaves a gap at the baseline.
fn draw_dense_bars(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    values: &[Option<f64>],
    geometry: &ChartGeometry,
    colour: RGBColor,
) -> DrawResult {
    let baseline_px = px(geometry.y_px_from_value(0.0));
    let half_step_px = geometry.step_px() / 2.0;
    let mut outline: Vec<(i32, i32)> = Vec::new();
    for (x_idx, value) in values.iter().enumerate() {
        let centre_px = geometry.x_px_from_idx(x_idx);
        match value {
            Some(value) => {
                let (left_px, right_px) =
                    (px(centre_px - half_step_px), px(centre_px + half_step_px));
                let top_px = px(geometry.y_px_from_value(*value));
                if outline.is_empty() {
                    outline.push((left_px, baseline_px));
                }
                outline.push((left_px, top_px));
                outline.push((right_px, top_px));
            }
            None => close_dense_run(root, &mut outline, baseline_px, colour)?,
        }
    }
    close_dense_run(root, &mut outline, baseline_px, colour)
}

fn close_dense_run(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    outline: &mut Vec<(i32, i32)>,
    baseline_px: i32,
    colour: RGBColor,
) -> DrawResult {
    if let Some(&(right_px, _)) = outline.last() {
        outline.push((right_px, baseline_px));
        root.draw(&Polygon::new(std::mem::take(outline), colour.filled()))?;
    }
    Ok(())
}
