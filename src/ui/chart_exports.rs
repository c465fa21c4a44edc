//! What a chart's tools make when asked (its CSV, SVG and PNG downloads, and the image on the clipboard), in a part of the wasm of its own that the page fetches when a person first reaches for the tools.
//!
//! The part is marked by a `wasm_split` function that hands back the exports (see `lazy_views.rs` for
//! how the build splits there); pointing at or focusing a chart's tools fetches it, so it is usually
//! here by the click. Copy image asks the clipboard at once, in the click, with the image to come from
//! the part: the browser still counts the click however long the part takes.

use leptos::wasm_split::{wasm_split, SplitLoaderError};
use wasm_bindgen::JsValue;

use crate::chart::ChartSize;
use crate::export::{file_stem, to_csv};
use crate::view_model::{chart_image, ChartView, ImageShape};

use super::browser;
use super::lazy_views::PART_MISSING;

/// What a person asked a chart's tools for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    Svg,
    Png,
}

impl ExportKind {
    /// The file name's extension.
    fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Svg => "svg",
            Self::Png => "png",
        }
    }
}

/// Draws the chart at a size (for an image in a shape whatever the screen).
type ChartAt<'a> = &'a dyn Fn(ChartSize) -> ChartView;

/// The chart exports' code, in its part.
#[derive(Clone, Copy)]
struct ChartExports {
    /// Downloads the chart as a kind of file, and says what happened.
    download: fn(&ChartView, ChartAt, ImageShape, ExportKind) -> String,
    /// A promise of the chart as a PNG in the shape.
    png: fn(&ChartView, ChartAt, ImageShape) -> Result<js_sys::Promise, String>,
}

#[wasm_split(
    bse_chart_exports,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_chart_exports)
)]
fn chart_exports() -> Result<ChartExports, SplitLoaderError> {
    Ok(ChartExports {
        download: download_chart,
        png: |chart, chart_at, shape| {
            let image = chart_image(chart, chart_at, shape);
            browser::png_of_svg(&image.svg, image.width_px, image.height_px)
        },
    })
}

/// Starts fetching the exports' part (a person is pointing at or focusing a chart's tools).
pub fn fetch_chart_exports() {
    leptos::task::spawn_local(async {
        // A failure is said when the person clicks, and fetched afresh then.
        preload_chart_exports().await.ok();
    });
}

/// Downloads `chart` as `kind` (an image in `shape`, drawn by `chart_at`) and says what happened.
pub async fn download(
    chart: ChartView,
    chart_at: impl Fn(ChartSize) -> ChartView,
    shape: ImageShape,
    kind: ExportKind,
) -> String {
    match chart_exports().await {
        Ok(exports) => (exports.download)(&chart, &chart_at, shape, kind),
        Err(_) => format!("The download failed: {PART_MISSING}"),
    }
}

/// Puts `chart`, as a PNG in `shape`, on the clipboard, and says what happened. Called in the click:
/// the clipboard is asked before anything is awaited.
pub async fn copy_image(
    chart: ChartView,
    chart_at: impl Fn(ChartSize) -> ChartView + 'static,
    shape: ImageShape,
) -> String {
    let png = wasm_bindgen_futures::future_to_promise(async move {
        let exports = chart_exports()
            .await
            .map_err(|_| JsValue::from_str(PART_MISSING))?;
        let png =
            (exports.png)(&chart, &chart_at, shape).map_err(|error| JsValue::from_str(&error))?;
        wasm_bindgen_futures::JsFuture::from(png).await
    });
    match browser::copy_png(png).await {
        Ok(()) => "Image copied: paste it into a document.".to_string(),
        Err(message) => format!("Not copied: {message}."),
    }
}

/// Downloads the chart as CSV (its table with the source and citation), SVG or PNG (a standalone
/// image in the chosen shape), and says what happened, for the status line.
fn download_chart(
    chart: &ChartView,
    chart_at: ChartAt,
    shape: ImageShape,
    kind: ExportKind,
) -> String {
    let stem = file_stem(&chart.title);
    let file_name = format!("{stem}.{}", kind.extension());
    let result = match kind {
        ExportKind::Csv => browser::download_text(
            &file_name,
            "text/csv;charset=utf-8",
            &to_csv(&chart.table.build(), &chart.csv_footer()),
        ),
        ExportKind::Svg => browser::download_text(
            &file_name,
            "image/svg+xml",
            &chart_image(chart, chart_at, shape).svg,
        ),
        ExportKind::Png => {
            let image = chart_image(chart, chart_at, shape);
            browser::download_svg_as_png(&file_name, &image.svg, image.width_px, image.height_px)
        }
    };
    match result {
        Ok(()) => format!("Downloading {file_name}"),
        Err(message) => format!("The download failed: {message}"),
    }
}
