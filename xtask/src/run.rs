//! Running commands with a readable trace, and finding things on PATH.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Result<T> = std::result::Result<T, String>;

pub fn repo_root() -> PathBuf {
    // xtask/ sits at the root of the repository.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// PATH with the project's npm binaries (wasm-opt from npm `binaryen`) first.
pub fn path_with_node_bin() -> String {
    let bin = repo_root().join("node_modules/.bin");
    let old = std::env::var("PATH").unwrap_or_default();
    format!("{}:{old}", bin.display())
}

pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args)
        .env("PATH", path_with_node_bin())
        .stdin(Stdio::null());
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
