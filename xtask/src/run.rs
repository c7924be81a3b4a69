//! Running commands with a readable trace, and finding things on PATH.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub type Result<T> = std::result::Result<T, String>;

pub fn repo_root() -> PathBuf {
    // xtask/ sits at the root of the repository.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// PATH with the project's npm binaries first (wasm-opt from npm `binaryen`, so trunk never
/// downloads its own), then cargo's install directory (a fresh shell may not have it yet, and
/// trunk and wasm-bindgen land there).
pub fn tool_path() -> String {
    let mut dirs = vec![repo_root().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(old) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&old));
    }
    std::env::join_paths(dirs)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A command with the tool PATH and no stdin: nothing may wait on a prompt (CI has no stdin).
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).env("PATH", tool_path()).stdin(Stdio::null());
    c
}

/// Runs a command, streaming its output; an error names the command.
pub fn run(mut c: Command) -> Result<()> {
    let shown = shown(&c);
    eprintln!("xtask: $ {shown}");
    let status = c
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// The command as typed, without its environment.
pub fn shown(c: &Command) -> String {
    let args: Vec<String> = c
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    format!("{} {}", c.get_program().to_string_lossy(), args.join(" "))
}

/// Runs a command and returns its standard output, or None when it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program, args).stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|s| s.trim() == "0")
}

/// Seconds since `start`, for the step timings the test summary prints.
pub fn secs(start: Instant) -> f64 {
    start.elapsed().as_secs_f64()
}
