//! Bousla (بوصلة, "compass"): matches a Moroccan project holder's answers against an embedded
//! catalog of support programs, entirely on the device.
//!
//! Layers, dependencies pointing one way: `ui` → `i18n` → `engine` → `catalog`.

pub mod catalog;
pub mod config;
pub mod counts;
pub mod engine;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod flow;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod officer;
pub mod questionnaire;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
pub mod results_view;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod timing;
#[cfg(target_arch = "wasm32")]
pub mod ui;
