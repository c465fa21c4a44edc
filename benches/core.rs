//! Benchmarks of the pure core (parse, filter, aggregate, diff, draw) on the real dataset and on synthetic ones 10 and 100 times its size.

use std::hint::black_box;

use border_security_explorer::analysis::diff::diff_datasets;
use border_security_explorer::analysis::filter::{filter_announcements, AnnouncementFilter};
use border_security_explorer::analysis::series::crossings_series;
use border_security_explorer::data::{parse_dataset, Theme};
use border_security_explorer::synthetic::scaled_dataset_json;
use border_security_explorer::view_model::{crossings_chart, diff_view, WIDE_CHART_SIZE};
use border_security_explorer::view_state::{Period, ViewState};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

const BASE: &str = include_str!("../public/data/dataset.json");
const FACTORS: [usize; 3] = [1, 10, 100];

fn core_benchmarks(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("core");
    group.sample_size(10);
    for factor in FACTORS {
        let text = scaled_dataset_json(BASE, factor);
        let dataset = parse_dataset(text.as_bytes()).unwrap_or_else(|errors| {
            panic!("{factor}x: {} problems, first {}", errors.len(), errors[0])
        });
        group.bench_with_input(BenchmarkId::new("parse", factor), &text, |bencher, text| {
            bencher.iter(|| {
                parse_dataset(black_box(text.as_bytes())).map(|dataset| dataset.announcements.len())
            })
        });
        let themes = [Theme::Funding, Theme::Pursue];
        let filter = AnnouncementFilter {
            date_from: None,
            date_to: None,
            actors: &[],
            themes: &themes,
            search: "summit",
        };
        group.bench_with_input(
            BenchmarkId::new("filter", factor),
            &dataset,
            |bencher, dataset| {
                bencher
                    .iter(|| filter_announcements(black_box(&dataset.announcements), &filter).len())
            },
        );
        let monthly = ViewState {
            period: Period::Month,
            rolling_periods: 3,
            ..ViewState::initial()
        };
        group.bench_with_input(
            BenchmarkId::new("aggregate", factor),
            &dataset,
            |bencher, dataset| {
                bencher.iter(|| {
                    crossings_series(black_box(dataset), &monthly.series_request())
                        .points
                        .len()
                })
            },
        );
        // Opening a newer file compares it with the data on screen: here the same data with its last
        // day revised and one announcement's summary changed.
        let mut newer = dataset.clone();
        if let Some(last) = newer.crossings.daily.people.last_mut() {
            *last += 1;
        }
        newer.announcements[0].summary.push_str(" Revised.");
        group.bench_with_input(
            BenchmarkId::new("diff", factor),
            &(dataset.clone(), newer),
            |bencher, (old, new)| {
                bencher.iter(|| diff_datasets(black_box(old), black_box(new)).records.len())
            },
        );
        // What the page does when this file is opened over the bundled data: compare and write the
        // sentences (the full list is made only when downloaded).
        let bundled =
            std::sync::Arc::new(parse_dataset(BASE.as_bytes()).expect("the bundled data load"));
        let opened = std::sync::Arc::new(dataset.clone());
        group.bench_with_input(
            BenchmarkId::new("diff-shown-over-bundled", factor),
            &(bundled, opened),
            |bencher, (bundled, opened)| {
                bencher.iter(|| {
                    diff_view(black_box(bundled.clone()), black_box(opened.clone()))
                        .lines
                        .len()
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("draw", factor),
            &dataset,
            |bencher, dataset| {
                bencher.iter(|| {
                    crossings_chart(black_box(dataset), &monthly, WIDE_CHART_SIZE)
                        .drawn
                        .svg
                        .len()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, core_benchmarks);
criterion_main!(benches);
