//! A hook for measuring the engine inside the browser: the end-to-end tests call it through
//! the wasm exports (`window.wasmBindings.bousla_time_rank`) and report the figures. The
//! measuring is in the results' wasm chunk, with the ranking the results use: an export is
//! always in the main module, so this one only fetches that chunk and calls into it.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::catalog::{Catalog, decoded, embedded};
use crate::engine::{Profile, rank};
use crate::ui::ChunkFailed;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The real programs repeated (under new ids) up to `size`: real rule mixes at any scale,
/// with almost no code in the shipped wasm.
fn scaled(size: usize) -> Catalog {
    let mut c = decoded();
    let mut programs = std::mem::take(&mut c.programs);
    let real = programs.len();
    programs.truncate(size);
    // Further copies decoded rather than cloned: the catalog's `Clone` stays out of the wasm.
    while real > 0 && programs.len() < size {
        programs.extend(decoded().programs.into_iter().take(size - programs.len()));
    }
    for (i, p) in programs.iter_mut().enumerate() {
        p.id = format!("{i:06}-{}", p.id);
    }
    c.programs = programs;
    c
}

/// Mean milliseconds of `runs` rankings of a catalog of `size` programs (the real ones
/// repeated), or of the real catalog when `size` is 0; NaN if the results' chunk could not be
/// fetched. The profile is the one of `docs/examples/azilal-informal-woman.json`.
#[wasm_bindgen]
pub async fn bousla_time_rank(size: usize, runs: usize) -> f64 {
    time_rank(size, runs).await.unwrap_or(f64::NAN)
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(results, fallible)]
fn time_rank(size: usize, runs: usize) -> Result<f64, ChunkFailed> {
    Ok(measure(size, runs))
}

#[cfg(not(feature = "split"))]
async fn time_rank(size: usize, runs: usize) -> Result<f64, ChunkFailed> {
    Ok(measure(size, runs))
}

fn measure(size: usize, runs: usize) -> f64 {
    let scaled = (size > 0).then(|| scaled(size));
    let cat = scaled.as_ref().unwrap_or_else(|| embedded());
    let profile = crate::engine::codec::decode_stored(
        "1.r-beni_mellal_khenifra.p-azilal.s-informal.y-2023.c-handicraft.a-24.g-female.z-rural.h-morocco.n-financing+coaching.m-30000.i-0",
        2026,
    )
    .unwrap_or_else(|_| Profile::default());
    // One window over all runs: performance.now() is coarsened (0.1 ms) in browsers.
    let runs = runs.max(1);
    let start = now_ms();
    for _ in 0..runs {
        std::hint::black_box(rank(cat, &profile, crate::catalog::Date::ymd(2026, 11, 30)));
    }
    (now_ms() - start) / runs as f64
}
