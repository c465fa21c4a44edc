//! Finds the bundled dataset: the inline JSON block of the offline edition, else `data/dataset.json` by same-origin fetch.

use crate::data::{parse_dataset, DataError, Dataset};

/// The id of the inline JSON block that the offline edition carries.
pub const INLINE_DATASET_ELEMENT_ID: &str = "bse-dataset";

/// The dataset's address relative to `index.html`, so the site works under any sub-path.
pub const HOSTED_DATASET_PATH: &str = "data/dataset.json";

/// Why loading failed: a one-line summary and each problem found.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// What failed, for people.
    pub summary: String,
    /// Each problem, with its place in the file where known.
    pub problems: Vec<DataError>,
}

/// Loads and checks the dataset that ships with the app.
pub async fn load_bundled_dataset() -> Result<Dataset, LoadError> {
    if let Some(inline_json) = inline_dataset_text() {
        return parse_dataset(inline_json.as_bytes()).map_err(|problems| LoadError {
            summary: "The dataset inside this file has problems.".to_string(),
            problems,
        });
    }
    let bytes = fetch_hosted_dataset().await.map_err(|message| LoadError {
        summary: format!("The dataset at {HOSTED_DATASET_PATH} could not be fetched: {message}"),
        problems: Vec::new(),
    })?;
    parse_dataset(&bytes).map_err(|problems| LoadError {
        summary: format!("The dataset at {HOSTED_DATASET_PATH} has problems."),
        problems,
    })
}

fn inline_dataset_text() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document
        .get_element_by_id(INLINE_DATASET_ELEMENT_ID)?
        .text_content()
}

async fn fetch_hosted_dataset() -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(HOSTED_DATASET_PATH)
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    response.binary().await.map_err(|error| error.to_string())
}
