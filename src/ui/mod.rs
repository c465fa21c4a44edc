//! The Leptos shell: loads the dataset, holds signals over the pure model, and renders views.

mod load;

use leptos::prelude::*;

use crate::data::Dataset;
use load::{load_bundled_dataset, LoadError};

/// The whole app: a header, then the loaded dataset or a clear message about why it could not load.
#[component]
pub fn App() -> impl IntoView {
    let bundled = LocalResource::new(load_bundled_dataset);
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        <header class="site-header">
            <div class="site-header__inner">
                <span class="site-header__name">"Border Security Briefing Explorer"</span>
            </div>
        </header>
        <main id="main" class="page" tabindex="-1">
            <Suspense fallback=|| view! { <p class="loading" role="status">"Loading the dataset…"</p> }>
                {move || bundled.get().map(|result| match result {
                    Ok(dataset) => view! { <DatasetHeader dataset=dataset/> }.into_any(),
                    Err(error) => view! { <LoadFailure error=error/> }.into_any(),
                })}
            </Suspense>
        </main>
    }
}

/// The dataset's title, as-of date and description.
#[component]
fn DatasetHeader(
    /// The loaded dataset.
    dataset: Dataset,
) -> impl IntoView {
    let as_of_display = dataset.as_of.format("%-d %B %Y").to_string();
    let as_of_iso = dataset.as_of.format("%Y-%m-%d").to_string();
    view! {
        <h1 data-testid="dataset-title">{dataset.title.clone()}</h1>
        <p class="as-of">
            "Data as at "
            <time data-testid="dataset-as-of" datetime=as_of_iso>{as_of_display}</time>
        </p>
        <p class="lede">{dataset.description.clone()}</p>
        <p data-testid="record-counts">
            {format!(
                "{} announcements from {} sources.",
                dataset.announcements.len(),
                dataset.sources.len()
            )}
        </p>
    }
}

/// Says why the dataset could not be loaded, listing every problem.
#[component]
fn LoadFailure(
    /// What went wrong.
    error: LoadError,
) -> impl IntoView {
    view! {
        <div class="error-summary" role="alert" tabindex="-1">
            <h2 class="error-summary__title">"The dataset could not be loaded"</h2>
            <p>{error.summary.clone()}</p>
            <ul>
                {error.problems.iter().map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view()}
            </ul>
        </div>
    }
}
