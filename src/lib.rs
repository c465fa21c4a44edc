//! Border Security Briefing Explorer: a pure core (data, analysis, charts, view state) and a thin Leptos shell.
//!
//! Modules are listed alphabetically. Everything except `ui` is pure: no DOM, no signals, no browser
//! APIs, no clock. `tests/architecture.rs` enforces that.

// The app's view types nest deeply (the App chooses between the explorer and the embed page), and the
// release build's layout queries go past the default depth of 128.
#![recursion_limit = "256"]

/// The app's name, as its header, the browser tab, citations, images, the data pack and the command line
/// give it.
pub const APP_NAME: &str = "Border Security Briefing Explorer";

/// The app's version (from `Cargo.toml`), shown in the Sources view and named by a release.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod analysis;
pub mod calendar;
pub mod chart;
pub mod citation;
pub mod closed_set;
pub mod data;
pub mod data_pack;
pub mod dates;
pub mod export;
pub mod on_request;
pub mod page;
pub mod sorting;
#[cfg(any(test, feature = "bench-data"))]
pub mod synthetic;
#[cfg(test)]
pub mod testing;
pub mod text;
#[cfg(feature = "ui")]
pub mod ui;
pub mod view_model;
pub mod view_state;
