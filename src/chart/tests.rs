//! Chart tests: ticks, number formats, geometry, and the structure of the drawn SVG, with hostile labels.

use super::*;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn months(n: usize) -> Vec<NaiveDate> {
    (0..n)
        .map(|month_idx| {
            date(
                2018 + (month_idx / 12) as i32,
                1 + (month_idx % 12) as u32,
                1,
            )
        })
        .collect()
}

fn bar_chart(values: Vec<Option<f64>>, label: &str) -> SeriesChart {
    SeriesChart {
        x_dates: months(values.len()),
        x_tick_override: None,
        series: vec![PlotSeries {
            label: label.to_string(),
            values,
            colour_idx: 0,
            mark: Mark::Bars,
            label_at_end: false,
        }],
        events: vec![EventMarker {
            x_idx: 1,
            number: 1,
        }],
        x_is_partial: Vec::new(),
        size: ChartSize {
            width_px: 800,
            height_px: 360,
        },
    }
}

#[test]
fn ticks_are_round_and_cover_the_data() {
    assert_eq!(
        nice_ticks(8_631.0, 5),
        vec![0.0, 2_000.0, 4_000.0, 6_000.0, 8_000.0, 10_000.0]
    );
    assert_eq!(
        nice_ticks(45_774.0, 5),
        vec![0.0, 10_000.0, 20_000.0, 30_000.0, 40_000.0, 50_000.0]
    );
    assert_eq!(nice_ticks(52.97, 5), vec![0.0, 20.0, 40.0, 60.0]);
    assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
    assert_eq!(nice_ticks(f64::NAN, 5), vec![0.0, 1.0]);
    assert_eq!(nice_ticks(7.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
}

#[test]
fn numbers_get_thousands_separators() {
    assert_eq!(format_number(45_774.0, 0), "45,774");
    assert_eq!(format_number(1_234_567.0, 0), "1,234,567");
    assert_eq!(format_number(999.0, 0), "999");
    assert_eq!(format_number(52.97, 1), "53");
    assert_eq!(format_number(61.71, 1), "61.7");
    assert_eq!(format_number(-1_500.0, 0), "-1,500");
    assert_eq!(format_number(0.0, 0), "0");
}

#[test]
fn date_ticks_choose_years_or_months() {
    let long = months(100);
    let ticks = date_ticks(&long, 20);
    assert_eq!(ticks[0], (0, "2018".to_string()));
    assert_eq!(ticks[1], (12, "2019".to_string()));
    let short = months(6);
    assert_eq!(date_ticks(&short, 20)[1], (1, "Feb 2018".to_string()));
    assert!(date_ticks(&months(100), 4).len() <= 4);
}

#[test]
fn geometry_maps_values_and_positions_both_ways() {
    let geometry = layout(&bar_chart(
        vec![Some(100.0), Some(50.0), None, Some(0.0)],
        "People",
    ));
    assert_eq!(geometry.y_max, 100.0);
    assert_eq!(geometry.y_px_from_value(100.0), geometry.plot_top_px);
    assert_eq!(geometry.y_px_from_value(0.0), geometry.plot_bottom_px);
    for x_idx in 0..4 {
        assert_eq!(
            geometry.idx_from_x_px(geometry.x_px_from_idx(x_idx)),
            Some(x_idx)
        );
    }
    assert_eq!(geometry.idx_from_x_px(-50.0), Some(0));
    assert_eq!(geometry.idx_from_x_px(5_000.0), Some(3));
}

#[test]
fn negative_values_get_an_axis_below_zero_and_bars_that_hang_from_zero() {
    assert_eq!(
        nice_ticks_between(-19.0, 3.0, 5),
        vec![-20.0, -15.0, -10.0, -5.0, 0.0, 5.0]
    );
    assert_eq!(
        nice_ticks_between(-7.0, 0.0, 5),
        vec![-8.0, -6.0, -4.0, -2.0, 0.0]
    );
    assert_eq!(
        nice_ticks_between(2.0, 7.0, 5),
        nice_ticks(7.0, 5),
        "a positive minimum still starts at 0"
    );
    let chart = bar_chart(vec![Some(4.0), Some(-19.0), Some(0.0)], "Difference");
    let geometry = layout(&chart);
    assert_eq!((geometry.y_min, geometry.y_max), (-20.0, 5.0));
    assert_eq!(geometry.y_px_from_value(-20.0), geometry.plot_bottom_px);
    let zero_px = geometry.y_px_from_value(0.0);
    assert!(zero_px > geometry.plot_top_px && zero_px < geometry.plot_bottom_px);
    let svg = draw(&chart).svg;
    // Each bar is a rect from its value to the zero line, so its top or its bottom lies on that line.
    let rect_spans: Vec<(f64, f64)> = svg
        .split("<rect")
        .skip(1)
        .map(|rect| {
            let attribute = |name: &str| -> f64 {
                let start = rect.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
                rect[start..].split('"').next().unwrap().parse().unwrap()
            };
            (attribute("y"), attribute("y") + attribute("height"))
        })
        .collect();
    assert_eq!(rect_spans.len(), 3, "{svg}");
    let zero_px = zero_px.round();
    assert!(
        (rect_spans[0].1 - zero_px).abs() <= 1.0,
        "positive bar ends on the zero line: {rect_spans:?}"
    );
    assert!(
        (rect_spans[1].0 - zero_px).abs() <= 1.0,
        "negative bar starts on the zero line: {rect_spans:?}"
    );
    assert!(
        rect_spans[1].1 > rect_spans[1].0 + 50.0,
        "and hangs below it"
    );
}

#[test]
fn drawn_svg_has_one_bar_per_value_and_no_style_attributes() {
    let drawn = draw(&bar_chart(
        vec![Some(7.0), Some(0.0), None, Some(299.0)],
        "People",
    ));
    let svg = &drawn.svg;
    assert!(svg.starts_with("<svg"), "{}", &svg[..60]);
    // Three values (the gap draws nothing); plotters draws each bar as one filled rect.
    assert_eq!(svg.matches("<rect").count(), 3, "{svg}");
    assert!(
        !svg.contains("style="),
        "a strict CSP blocks inline style attributes"
    );
    assert!(
        svg.contains(">\n300\n</text>"),
        "the top tick is 300: {svg}"
    );
    assert!(
        svg.contains(">\n1\n</text>"),
        "the event number is drawn: {svg}"
    );
}

#[test]
fn hostile_label_text_comes_out_escaped() {
    let hostile = "<script>alert(1)</script>&\"'";
    let mut chart = bar_chart(vec![Some(1.0), Some(2.0)], hostile);
    chart.series[0].mark = Mark::Line;
    chart.series[0].label_at_end = true;
    chart.x_tick_override = Some(vec![(0, "<img src=x onerror=alert(2)>".to_string())]);
    let svg = draw(&chart).svg;
    assert!(!svg.contains("<script>"), "{svg}");
    assert!(!svg.contains("<img"), "{svg}");
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&apos;"),
        "{svg}"
    );
    assert!(svg.contains("&lt;img src=x onerror=alert(2)&gt;"), "{svg}");
}

#[test]
fn a_line_with_gaps_is_drawn_in_segments() {
    let mut chart = bar_chart(
        vec![Some(1.0), Some(2.0), None, Some(3.0), Some(4.0)],
        "Rolling",
    );
    chart.series[0].mark = Mark::Line;
    chart.events.clear();
    let svg = draw(&chart).svg;
    // Two data segments, plus the gridlines and axis paths.
    let n_axis_paths = layout(&chart).y_ticks.len() + 1 + layout(&chart).x_ticks.len();
    assert_eq!(svg.matches("<polyline").count(), n_axis_paths + 2, "{svg}");
}

#[test]
fn crowded_event_markers_keep_one_line_per_position_and_readable_numbers() {
    let mut chart = bar_chart(vec![Some(1.0); 100], "People");
    chart.events = (0..30)
        .map(|number| EventMarker {
            x_idx: 50 + number / 3,
            number: number + 1,
        })
        .collect();
    let drawn = draw(&chart);
    let geometry = &drawn.geometry;
    // One gridline per value tick, the baseline, one tick mark per time tick.
    let n_grid_and_axis = geometry.y_ticks.len() + 1 + geometry.x_ticks.len();
    let n_event_lines = drawn.svg.matches("<polyline").count() - n_grid_and_axis;
    assert_eq!(n_event_lines, 10, "30 events on 10 positions draw 10 lines");
    // Each position is labelled once, with the range of its three numbers, where the label clears the
    // one before it; the first position always is.
    assert_eq!(marker_positions(&chart.events)[0], (50, 1, 3));
    let drawn_labels: Vec<(usize, String)> = (0..10)
        .map(|position| {
            (
                50 + position,
                format!("{}–{}", position * 3 + 1, position * 3 + 3),
            )
        })
        .filter(|(_, label)| drawn.svg.contains(&format!(">\n{label}\n</text>")))
        .collect();
    assert_eq!(drawn_labels[0], (50, "1–3".to_string()));
    assert!(drawn_labels.len() >= 2, "{drawn_labels:?}");
    for pair in drawn_labels.windows(2) {
        let half_width_px = |label: &str| label.chars().count() as f64 * EVENT_LABEL_CHAR_PX / 2.0;
        let room_px = geometry.x_px_from_idx(pair[1].0) - geometry.x_px_from_idx(pair[0].0);
        assert!(
            room_px >= half_width_px(&pair[0].1) + half_width_px(&pair[1].1) + EVENT_LABEL_GAP_PX,
            "labels {pair:?} overlap"
        );
    }
    assert!(
        !drawn.svg.contains(">\n2\n</text>"),
        "no number is drawn on its own where it shares a position"
    );
}

#[test]
fn dense_bars_draw_every_value_in_one_outline_per_run() {
    let mut values: Vec<Option<f64>> = (0..2_000)
        .map(|idx| Some((idx % 97) as f64 * 10.0))
        .collect();
    values[1_000] = None;
    let drawn = draw(&bar_chart(values, "People"));
    assert!(drawn.geometry.step_px() < DENSE_BAR_STEP_PX);
    let outlines: Vec<&str> = drawn
        .svg
        .split("<polygon")
        .skip(1)
        .map(|element| {
            element
                .split_once("points=\"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(points, _)| points)
                .expect("an outline has points")
        })
        .collect();
    assert_eq!(outlines.len(), 2, "one outline either side of the gap");
    // Two corners per value (its top-left and top-right) and two at the baseline per run: no value is
    // dropped or merged, however thin the bars.
    let n_points: usize = outlines
        .iter()
        .map(|points| points.split_whitespace().count())
        .sum();
    assert_eq!(n_points, 2 * 1_999 + 2 * 2);
    let tallest_top_px = drawn.geometry.y_px_from_value(960.0).round() as i32;
    assert!(
        outlines[0].contains(&format!(",{tallest_top_px} ")),
        "the tallest bar reaches its value"
    );
}

#[test]
fn wide_bars_stay_separate_rectangles() {
    let drawn = draw(&bar_chart(vec![Some(5.0); 24], "People"));
    assert!(drawn.geometry.step_px() >= DENSE_BAR_STEP_PX);
    assert!(!drawn.svg.contains("<polygon"));
    assert_eq!(drawn.svg.matches("<rect").count(), 24);
}

#[test]
fn end_labels_in_one_column_are_kept_apart_in_order() {
    let gap_px = MIN_END_LABEL_GAP_PX;
    // (line end, expected behaviour): ends already far apart stay where they are.
    assert_eq!(
        spread_end_labels(&[(700.0, 100.0), (700.0, 200.0)], 16.0, 346.0),
        vec![100.0, 200.0]
    );
    // Ends 5 px apart: the lower label moves down, the order stays.
    let placed_y_px = spread_end_labels(&[(700.0, 105.0), (702.0, 100.0)], 16.0, 346.0);
    assert_eq!(placed_y_px[1], 100.0);
    assert!(placed_y_px[0] - placed_y_px[1] >= gap_px, "{placed_y_px:?}");
    // At the bottom of the plot the labels move up instead of off the plot.
    let placed_y_px = spread_end_labels(
        &[(700.0, 346.0), (700.0, 343.0), (700.0, 200.0)],
        16.0,
        346.0,
    );
    assert_eq!(placed_y_px[0], 346.0);
    assert!(placed_y_px[0] - placed_y_px[1] >= gap_px, "{placed_y_px:?}");
    assert_eq!(placed_y_px[2], 200.0, "a label far above is left alone");
    // Ends far apart horizontally are different columns: the same height is no clash.
    assert_eq!(
        spread_end_labels(&[(300.0, 150.0), (700.0, 150.0)], 16.0, 346.0),
        vec![150.0, 150.0]
    );
    // More labels than the plot has room for: from the top, each a gap below the last.
    let crowded: Vec<(f64, f64)> = (0..10)
        .map(|label_idx| (700.0, 30.0 + label_idx as f64))
        .collect();
    let placed_y_px = spread_end_labels(&crowded, 16.0, 60.0);
    assert_eq!(placed_y_px[0], 16.0);
    for pair in placed_y_px.windows(2) {
        assert!(pair[1] - pair[0] >= gap_px, "{placed_y_px:?}");
    }
}

/// The y of the `<text>` element whose content is `label`.
fn text_y_px(svg: &str, label: &str) -> f64 {
    let tag = svg
        .split("<text ")
        .skip(1)
        .find(|tag| {
            tag.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
                .is_some_and(|(content, _)| content.trim() == label)
        })
        .unwrap_or_else(|| panic!("no text {label:?} in {svg}"));
    let y_start = tag.find(" y=\"").expect("a y attribute") + 4;
    let y_len = tag[y_start..].find('"').expect("a closing quote");
    tag[y_start..y_start + y_len].parse().expect("a number")
}

#[test]
fn drawn_end_labels_of_lines_ending_together_do_not_overlap() {
    let mut chart = bar_chart(vec![Some(1.0); 12], "unused");
    chart.events.clear();
    chart.series = [29_300.0, 28_300.0, 45_700.0, 1_800.0, 300.0]
        .iter()
        .enumerate()
        .map(|(series_idx, last_value)| PlotSeries {
            label: format!("{}", 2018 + series_idx),
            values: (1..=12)
                .map(|month| Some(last_value * f64::from(month) / 12.0))
                .collect(),
            colour_idx: 4,
            mark: Mark::Line,
            label_at_end: true,
        })
        .collect();
    let svg = draw(&chart).svg;
    let mut label_y_px: Vec<f64> = (2018..2023)
        .map(|year| text_y_px(&svg, &year.to_string()))
        .collect();
    crate::sorting::sort_by(&mut label_y_px, f64::total_cmp);
    for pair in label_y_px.windows(2) {
        assert!(pair[1] - pair[0] >= MIN_END_LABEL_GAP_PX, "{label_y_px:?}");
    }
}
