//! The five views, one file each (briefing, crossings, funding, announcements, and sources and method), with the parts two views share or one view keeps apart: the comparison of two periods (`compare.rs`, Briefing and Crossings) and the Briefing's key facts (`key_facts.rs`).

mod announcements;
mod briefing;
mod compare;
mod crossings;
mod funding;
mod key_facts;
mod sources;

pub use announcements::AnnouncementsView;
pub use briefing::{BriefingAnswers, BriefingOptions, BriefingView};
#[cfg(feature = "prerender")]
pub use briefing::{BriefingSummary, HeadlineGrid, KeyChart, KeyNumbersTable};
pub use crossings::{CrossingsOptions, CrossingsView};
pub use funding::FundingView;
pub use sources::SourcesView;
