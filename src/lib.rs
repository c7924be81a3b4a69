//! Bousla (بوصلة, "compass"): matches a Moroccan project holder's answers against an embedded
//! catalog of support programs, entirely on the device.
//!
//! Layers, dependencies pointing one way: `ui` → `i18n` → `engine` → `catalog`.

pub mod catalog;
pub mod config;
pub mod engine;
pub mod i18n;
pub mod questionnaire;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod timing;
#[cfg(target_arch = "wasm32")]
pub mod ui;
