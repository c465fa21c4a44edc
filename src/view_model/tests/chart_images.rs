//! Chart images: each shape's size, the marker key cut to fit, the image grown rather than a line dropped, and text escaped.

use super::*;

/// The crossings chart of a dataset, drawn at any size, as the app's views hand it to `chart_image`.
fn crossings_at(dataset: &Dataset) -> impl Fn(crate::chart::ChartSize) -> ChartView + '_ {
    move |size| crossings_chart(dataset, &ViewState::initial(), size)
}

/// The image of the crossings chart as a phone shows it: the words are the shown chart's, the
/// drawing is made again for the image.
fn crossings_image(dataset: &Dataset, shape: ImageShape) -> ChartImage {
    let shown = crossings_chart(dataset, &ViewState::initial(), NARROW_CHART_SIZE);
    chart_image(&shown, crossings_at(dataset), shape)
}

/// The text of every `<text>` node, in order.
fn text_lines(svg: &str) -> Vec<&str> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|text| {
            text.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(line, _)| line)
        .collect()
}

/// A year of days and `n_announcements` announcements with long titles spread over it.
fn dataset_with_markers(n_announcements: usize) -> Dataset {
    let mut tree = tree_with_days(date(2024, 1, 1), &[3; 366], &[1; 366]);
    let template = tree["announcements"][0].clone();
    let announcements: Vec<serde_json::Value> = (0..n_announcements)
        .map(|announcement_idx| {
            let mut announcement = template.clone();
            announcement["id"] = format!("a{announcement_idx}").into();
            announcement["date"] = format!(
                "2024-{:02}-{:02}",
                1 + announcement_idx % 12,
                1 + announcement_idx / 12
            )
            .into();
            announcement["title"] =
                format!("Announcement number {announcement_idx} with a long title that runs on")
                    .into();
            announcement
        })
        .collect();
    tree["announcements"] = announcements.into();
    dataset_from(&tree)
}

#[test]
fn an_image_carries_its_title_subtitle_key_and_source_on_an_opaque_background() {
    let mut tree = tree_with_days(date(2024, 6, 1), &[3; 120], &[1; 120]);
    tree["announcements"][0]["title"] = "Launch <script>alert(1)</script> & \"more\"".into();
    tree["announcements"][0]["date"] = "2024-07-05".into();
    let dataset = dataset_from(&tree);
    let image = crossings_image(&dataset, ImageShape::Slide);
    let chart = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    assert!(
        !chart.events.is_empty(),
        "the fixture's announcement is marked"
    );
    let svg = &image.svg;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(&format!(
        "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        image.width_px, image.height_px
    )));
    assert!(svg.contains(&xml_text(&chart.title)));
    // The subtitle may wrap: the text lines, joined, give it back whole.
    assert!(
        text_lines(svg)
            .join(" ")
            .contains(&xml_text(&chart.subtitle)),
        "{:?}",
        text_lines(svg)
    );
    assert!(svg.contains("Source: Home Office"), "{svg}");
    assert!(svg.contains(&format!(">{}</text>", crate::APP_NAME)));
    assert!(
        svg.contains("1. Launch &lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
        "the key names the marker by number and title, escaped and cut to its column: {svg}"
    );
    assert!(!svg.contains("<script>"));
}

#[test]
fn each_shape_gives_its_own_size_and_the_drawing_the_height_the_text_leaves() {
    let dataset = dataset_with_markers(4);
    for (shape, (width_px, height_px)) in [
        (ImageShape::Slide, (960, 540)),
        (ImageShape::Square, (720, 720)),
        (ImageShape::Portrait, (720, 900)),
    ] {
        let image = crossings_image(&dataset, shape);
        assert_eq!(
            (image.width_px, image.height_px),
            (width_px, height_px),
            "{shape:?}"
        );
        assert_eq!(shape.size_px().width_px, width_px);
        assert_eq!(shape.size_px().height_px, height_px);
        // The drawing inside is the image's width and is drawn for the room left, not at a fixed size.
        let drawn_height_px = image
            .svg
            .split("<g transform=\"translate(0 ")
            .nth(1)
            .and_then(|rest| rest.split_once("\">"))
            .map(|(_, drawing)| drawing.to_string())
            .expect("the drawing is placed in the image");
        assert!(
            drawn_height_px.starts_with(&format!("<svg width=\"{width_px}\""))
                || drawn_height_px.contains(&format!("width=\"{width_px}\"")),
            "{shape:?}: the drawing is as wide as the image"
        );
        for marker_idx in 0..4 {
            assert!(
                image.svg.contains(&format!(
                    "{}. Announcement number {marker_idx}",
                    marker_idx + 1
                )),
                "{shape:?}: four markers are all named"
            );
        }
        assert!(
            !image.svg.contains("more (listed in the explorer)"),
            "{shape:?}"
        );
    }
}

#[test]
fn a_long_marker_key_names_what_fits_the_shape_and_counts_the_rest() {
    let dataset = dataset_with_markers(45);
    let n_markers = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE)
        .events
        .len();
    assert!(
        n_markers > 20,
        "more markers than any shape names: {n_markers}"
    );
    // Three columns: a slide has two rows, a square three, a portrait five; the last place counts the rest.
    for (shape, n_places) in [
        (ImageShape::Slide, 6),
        (ImageShape::Square, 9),
        (ImageShape::Portrait, 15),
    ] {
        let image = crossings_image(&dataset, shape);
        assert_eq!(
            (image.width_px, image.height_px),
            (shape.size_px().width_px, shape.size_px().height_px),
            "{shape:?} keeps its shape"
        );
        let n_named = n_places - 1;
        assert!(
            image.svg.contains(&format!(
                "and {} more (listed in the explorer)",
                n_markers - n_named
            )),
            "{shape:?}: {}",
            image.svg
        );
        assert!(
            image.svg.contains(&format!(">{n_named}. Announcement")),
            "{shape:?}"
        );
        assert!(
            !image
                .svg
                .contains(&format!(">{}. Announcement", n_named + 1)),
            "{shape:?}: the last place counts the rest"
        );
        assert!(
            image.svg.contains("…"),
            "{shape:?}: a long title is cut to its column"
        );
    }
}

#[test]
fn an_image_grows_taller_rather_than_drop_a_note_or_the_source() {
    let dataset = dataset_with_markers(2);
    let long_note = "A note that goes on and on about how the figures were counted. ".repeat(60);
    let mut shown = crossings_chart(&dataset, &ViewState::initial(), WIDE_CHART_SIZE);
    shown.notes.push(long_note.clone());
    let image = chart_image(&shown, crossings_at(&dataset), ImageShape::Slide);
    assert_eq!(image.width_px, 960);
    assert!(image.height_px > 540, "grown: {}", image.height_px);
    let lines = text_lines(&image.svg);
    assert!(
        lines.join(" ").contains(long_note.trim()),
        "the whole note is there"
    );
    assert!(image.svg.contains("Source: Home Office"));
    assert_eq!(lines.last().copied(), Some(crate::APP_NAME));
    // The drawing keeps a readable height.
    let drawing_top_px: u32 = image
        .svg
        .split("<g transform=\"translate(0 ")
        .nth(1)
        .and_then(|rest| rest.split_once(')'))
        .and_then(|(top, _)| top.parse().ok())
        .unwrap();
    assert!(drawing_top_px + 200 < image.height_px);
}

#[test]
fn the_link_preview_states_the_latest_answer_and_is_exactly_its_size() {
    // 500 days from 1 January 2023: 2024 runs to 14 May, against the same days of 2023.
    let mut tree = tree_with_days(date(2023, 1, 1), &[2; 500], &[1; 500]);
    tree["sources"][0]["publisher"] = "Home Office & <Partners>".into();
    let dataset = dataset_from(&tree);
    let preview = link_preview(&dataset);
    let answer = &answers(&dataset)[0];
    assert_eq!(
        preview.description,
        format!("{} Source: Home Office & <Partners>.", answer.claim)
    );
    assert!(
        answer.claim.starts_with("270 people crossed") && answer.claim.contains("against 268"),
        "{}",
        answer.claim
    );
    assert_eq!(
        (preview.image.width_px, preview.image.height_px),
        (LINK_PREVIEW_SIZE.width_px, LINK_PREVIEW_SIZE.height_px)
    );
    assert!(preview
        .image
        .svg
        .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"315\""));
    let lines = text_lines(&preview.image.svg).join(" ");
    assert!(
        lines.contains("270 people crossed in small boats, 1 January to 14 May 2024"),
        "{lines}"
    );
    assert!(
        lines.contains(&xml_text(&crate::dates::day_month_year(dataset.as_of))),
        "{lines}"
    );
    assert!(
        lines.contains("Source: Home Office &amp; &lt;Partners&gt;"),
        "the source, escaped: {lines}"
    );
    assert!(!preview.image.svg.contains("<Partners>"));
    assert!(preview
        .image_alt
        .starts_with("270 people crossed in small boats, 1 January to 14 May 2024. "));
}
