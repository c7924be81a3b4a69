//! The browser app's entry point: only mounts. Everything else lives in the library.
//!
//! In the browser there is no Rust `main`: wasm-bindgen's start function is the entry, so the
//! wasm carries none of the standard library's start-up and shut-down (its `lang_start`, and
//! stdout's buffer flushed at exit), which a page never uses.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    bousla::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "bousla is a browser app: run `cargo xtask serve`. The catalog tool is `cargo run --bin catalog -- --help`."
    );
}
