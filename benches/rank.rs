//! Ranking one profile against synthetic catalogs of 100 to 100,000 programs: with the
//! catalog's index built once (`indexed_*`, what the app does through `rank_static`), with
//! the reference `rank` that reads every program record (`rank_*`), and the index's build.
//! Run: `cargo bench --bench rank`; divide the median by the size for the time per program.

use bousla::catalog::{Date, Region};
use bousla::engine::synthetic::{catalog, full_profile};
use bousla::engine::{Index, Profile, count_fits, rank};

const TODAY: Date = Date::ymd(2026, 11, 30);

fn main() {
    divan::main();
}

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];

#[divan::bench(args = SIZES)]
fn rank_full_results(bencher: divan::Bencher, n: usize) {
    let cat = catalog(n);
    let profile = full_profile();
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| rank(divan::black_box(&cat), divan::black_box(&profile), TODAY));
}

#[divan::bench(args = SIZES)]
fn live_count(bencher: divan::Bencher, n: usize) {
    let cat = catalog(n);
    let profile = Profile {
        age: Some(24),
        region: Some(Region::Oriental),
        ..Profile::default()
    };
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| count_fits(divan::black_box(&cat), divan::black_box(&profile), TODAY));
}

#[divan::bench]
fn rank_real_catalog(bencher: divan::Bencher) {
    let cat = bousla::catalog::embedded();
    let profile = full_profile();
    bencher.bench(|| rank(divan::black_box(cat), divan::black_box(&profile), TODAY));
}

#[divan::bench(args = SIZES)]
fn indexed_full_results(bencher: divan::Bencher, n: usize) {
    let cat = catalog(n);
    let index = Index::new(&cat);
    let profile = full_profile();
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| divan::black_box(&index).rank(divan::black_box(&profile), TODAY));
}

#[divan::bench]
fn indexed_real_catalog(bencher: divan::Bencher) {
    let index = Index::new(bousla::catalog::embedded());
    let profile = full_profile();
    bencher.bench(|| divan::black_box(&index).rank(divan::black_box(&profile), TODAY));
}

#[divan::bench(args = SIZES)]
fn index_build(bencher: divan::Bencher, n: usize) {
    let cat = catalog(n);
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| Index::new(divan::black_box(&cat)));
}
