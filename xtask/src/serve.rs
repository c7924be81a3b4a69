//! `cargo xtask serve`: trunk's development server with live reload, on loopback only.

use crate::run::{Result, cmd, run};

pub const ADDRESS: &str = "127.0.0.1";
pub const PORT: &str = "8080";

pub fn serve() -> Result<()> {
    eprintln!("xtask: serving on http://{ADDRESS}:{PORT}/ (Ctrl-C to stop)");
    // --offline: a tool trunk cannot find on PATH is an error, never a download.
    run(cmd(
        "trunk",
        &["serve", "--offline", "--address", ADDRESS, "--port", PORT],
    ))
}
