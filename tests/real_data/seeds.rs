//! The figures and announcements of the five seed documents are in the bundled dataset, with their seed as source (part of the real-data checks).

use border_security_explorer::data::{AmountBasis, Dataset, FundingRelation, Theme};

use super::bundled;

#[track_caller]
fn check_figure(dataset: &Dataset, metric: &str, value: f64, basis: AmountBasis, seed: &str) {
    let found = dataset.figures.iter().find(|figure| {
        figure.metric == metric
            && figure.value == value
            && figure.source_ids.iter().any(|id| id == seed)
    });
    let figure = found.unwrap_or_else(|| panic!("no {metric} = {value} citing {seed}"));
    assert_eq!(figure.value_basis, basis, "{metric}");
}

#[track_caller]
fn check_funding(
    dataset: &Dataset,
    funding_id: &str,
    amount_gbp: u64,
    basis: AmountBasis,
    seed: &str,
) {
    let funding = dataset
        .funding
        .iter()
        .find(|funding| funding.funding_id == funding_id)
        .unwrap();
    assert_eq!(
        (funding.amount_gbp, funding.amount_basis),
        (amount_gbp, basis),
        "{funding_id}"
    );
    assert!(
        funding.source_ids.iter().any(|id| id == seed),
        "{funding_id} cites {seed}"
    );
}

#[test]
fn seed_figures_are_recorded() {
    let dataset = bundled();
    check_figure(
        &dataset,
        "bsc_staff_to_be_recruited",
        300.0,
        AmountBasis::Exact,
        "seed-002",
    );
    check_figure(
        &dataset,
        "nca_specialist_investigators_and_intelligence_officers",
        100.0,
        AmountBasis::Exact,
        "seed-002",
    );
    check_figure(
        &dataset,
        "nca_specialist_investigators_added",
        100.0,
        AmountBasis::Exact,
        "seed-001",
    );
    check_figure(
        &dataset,
        "nca_oic_dedicated_personnel_increase",
        25.0,
        AmountBasis::Exact,
        "seed-001",
    );
    check_figure(
        &dataset,
        "uk_officers_at_europol_increase",
        50.0,
        AmountBasis::Exact,
        "seed-001",
    );
    check_figure(
        &dataset,
        "nca_oic_investigations_led",
        70.0,
        AmountBasis::Around,
        "seed-001",
    );
    check_figure(
        &dataset,
        "bulgaria_small_boats_and_engines_intercepted_recent_weeks",
        40.0,
        AmountBasis::AtLeast,
        "seed-003",
    );
    check_figure(
        &dataset,
        "bulgaria_intercepted_equipment_potential_passengers",
        2_400.0,
        AmountBasis::Exact,
        "seed-003",
    );
    check_figure(
        &dataset,
        "arrivals_since_labour_took_office_to_date_of_article",
        8_754.0,
        AmountBasis::Exact,
        "seed-003",
    );
    check_figure(
        &dataset,
        "drug_related_deaths",
        5_000.0,
        AmountBasis::AtLeast,
        "seed-002",
    );
    check_figure(
        &dataset,
        "cocaine_seized_with_us_and_ecuador",
        19.0,
        AmountBasis::Exact,
        "seed-002",
    );
}

#[test]
fn seed_funding_is_recorded_with_its_relations() {
    let dataset = bundled();
    check_funding(
        &dataset,
        "bsc-75m-2024-09",
        75_000_000,
        AmountBasis::UpTo,
        "seed-001",
    );
    check_funding(
        &dataset,
        "bsc-75m-2024-11",
        75_000_000,
        AmountBasis::Exact,
        "seed-002",
    );
    check_funding(
        &dataset,
        "interpol-6m-2024-11",
        6_000_000,
        AmountBasis::Exact,
        "seed-002",
    );
    check_funding(
        &dataset,
        "isoc-24m-2024-11",
        24_000_000,
        AmountBasis::Exact,
        "seed-002",
    );
    check_funding(
        &dataset,
        "bsc-150m-two-years",
        150_000_000,
        AmountBasis::Exact,
        "seed-002",
    );
    let total = dataset
        .funding
        .iter()
        .find(|funding| funding.funding_id == "bsc-150m-two-years")
        .unwrap();
    assert_eq!(
        total.relation,
        FundingRelation::TotalOf {
            of_funding_ids: vec!["bsc-75m-2024-09".to_string(), "bsc-75m-2024-11".to_string()]
        }
    );
}

#[test]
fn seed_announcements_are_recorded() {
    let dataset = bundled();
    let cites = |announcement_id: &str, seed: &str| {
        let announcement = dataset
            .announcements
            .iter()
            .find(|announcement| announcement.announcement_id == announcement_id)
            .unwrap_or_else(|| panic!("no announcement {announcement_id}"));
        assert!(
            announcement.source_ids.iter().any(|id| id == seed),
            "{announcement_id} cites {seed}"
        );
        announcement
    };
    let established = cites("bsc-established", "seed-004");
    assert_eq!(
        established.themes,
        vec![
            Theme::Prevent,
            Theme::Pursue,
            Theme::Protect,
            Theme::Prepare
        ],
        "the CONTEST strands"
    );
    cites("commander-recruitment", "seed-000");
    cites("funding-75m-sep-2024", "seed-001");
    cites("rome-meloni", "seed-001");
    cites("berlin-process-2024", "seed-001");
    cites("summit-nca-hq", "seed-003");
    cites("interpol-general-assembly", "seed-002");
    cites("g7-action-plan", "seed-002");
}
