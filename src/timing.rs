//! A hook for measuring the engine inside the browser: the end-to-end tests call it through
//! the wasm exports (`window.wasmBindings.bousla_time_rank`) and report the figures.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::catalog::embedded;
use crate::engine::rank;
use crate::engine::synthetic::{catalog, full_profile};

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Median milliseconds of `runs` rankings of a synthetic catalog of `size` programs, or of the
/// real embedded catalog when `size` is 0.
#[wasm_bindgen]
pub fn bousla_time_rank(size: usize, runs: usize) -> f64 {
    let synthetic = (size > 0).then(|| catalog(size));
    let cat = synthetic.as_ref().unwrap_or_else(|| embedded());
    let profile = full_profile();
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = now_ms();
            let r = rank(cat, &profile, 2026);
            let elapsed = now_ms() - start;
            std::hint::black_box(r);
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
