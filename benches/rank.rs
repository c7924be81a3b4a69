//! Ranking one profile against synthetic catalogs of 100 to 100,000 programs.
//! Run: `cargo bench --bench rank`. Divide the median by the size for the time per program.

#[path = "../tests/support/mod.rs"]
mod support;

use bousla::catalog::*;
use bousla::engine::{Profile, count_fits, rank};
use support::*;

fn main() {
    divan::main();
}

/// A catalog whose programs cycle through realistic rule mixes, so every branch of the
/// evaluation runs.
fn synthetic(n: usize) -> Catalog {
    let kinds = [SupportKind::Loan, SupportKind::HonourLoan, SupportKind::Coaching, SupportKind::Incubation, SupportKind::MarketAccess, SupportKind::Microcredit];
    let programs = (0..n)
        .map(|i| {
            let region = Region::ALL[i % 12];
            let criteria = match i % 5 {
                0 => Criteria { min_age: Some(18), max_age: Some(35), ..Criteria::default() },
                1 => Criteria { regions: vec![region], stages: vec![StageKind::Idea, StageKind::Creating], ..Criteria::default() },
                2 => Criteria { legal_forms: vec![LegalForm::AutoEntrepreneur, LegalForm::Cooperative], max_amount: Some(150_000), ..Criteria::default() },
                3 => Criteria { max_business_age: Some(5), max_revenue: Some(10_000_000), excluded_sectors: vec![Sector::RealEstate, Sector::HighSeaFishing], ..Criteria::default() },
                _ => Criteria { gender: Some(Gender::Female), area: Some(Area::Rural), innovative: Some(i % 2 == 0), ..Criteria::default() },
            };
            program(&format!("p{i:06}"), &[kinds[i % kinds.len()]], criteria)
        })
        .collect();
    catalog(programs)
}

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];

#[divan::bench(args = SIZES)]
fn rank_full_results(bencher: divan::Bencher, n: usize) {
    let cat = synthetic(n);
    let profile = full_profile();
    bencher.counter(divan::counter::ItemsCount::new(n)).bench(|| rank(divan::black_box(&cat), divan::black_box(&profile), YEAR));
}

#[divan::bench(args = SIZES)]
fn live_count(bencher: divan::Bencher, n: usize) {
    let cat = synthetic(n);
    let profile = Profile { age: Some(24), region: Some(Region::Oriental), ..Profile::default() };
    bencher.counter(divan::counter::ItemsCount::new(n)).bench(|| count_fits(divan::black_box(&cat), divan::black_box(&profile), YEAR));
}
