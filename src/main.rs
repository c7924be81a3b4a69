//! The browser app's entry point: only mounts. Everything else lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bousla::ui::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "bousla is a browser app: run `cargo xtask serve`. The catalog tool is `cargo run --bin catalog -- --help`."
    );
}
