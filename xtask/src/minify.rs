//! Scripts and styles without comments and spaces, and with short local names, in the release
//! build: terser for JavaScript, clean-css for the styles (both from npm, pinned in
//! package-lock.json). Measured on 2026-12-01, brotli: the glue 5.4 → 3.7 KB, the boot
//! script 3.7 → 2.6 KB, the chunks' loader 0.9 → 0.5 KB, the styles 5.0 → 3.5 KB; the service
//! worker 1.3 → 0.7 KB and the partners' embed script 1.1 → 0.5 KB.
//!
//! Trunk's own `minify = "on_release"` (lightningcss) gave the same styles, but it minifies the
//! page too, and the page's inline loader (`<script type=module>`) is then no longer the one
//! `dist.rs` moves into the boot script.

use std::fs;
use std::path::{Path, PathBuf};

use crate::run::{Result, cmd, run};

/// How a script is loaded: a module's top-level names are its own, a classic script's are
/// globals another script may read, so only a module's are shortened.
#[derive(Clone, Copy)]
pub enum Script {
    Module,
    Classic,
}

const WORK: &str = "target/bousla-min";

/// `source` minified by terser.
pub fn js(source: &str, kind: Script, name: &str) -> Result<String> {
    let dir = Path::new(WORK);
    fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let (from, to) = (dir.join(name), dir.join(format!("min-{name}")));
    fs::write(&from, source).map_err(|e| e.to_string())?;
    let mut args = vec![text(&from)?, "--compress", "--mangle", "-o", text(&to)?];
    if let Script::Module = kind {
        args.push("--module");
    }
    run(cmd("terser", &args))?;
    let out = fs::read_to_string(&to).map_err(|e| e.to_string())?;
    if out.trim().is_empty() {
        return Err(format!("terser wrote nothing for {name}"));
    }
    Ok(out)
}

/// The file at `path` minified in place by terser.
pub fn js_file(path: &Path, kind: Script) -> Result<()> {
    let source = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("a script without a name")?;
    fs::write(path, js(&source, kind, name)?).map_err(|e| e.to_string())
}

/// The styles at `path` minified in place by clean-css, at level 1 only: level 2 merges and
/// reorders rules, which can change what wins in the cascade.
pub fn css_file(path: &Path) -> Result<()> {
    let p = text(path)?;
    run(cmd("cleancss", &["-O1", "-o", p, p]))?;
    let out = fs::metadata(path).map_err(|e| e.to_string())?;
    if out.len() == 0 {
        return Err(format!("clean-css wrote nothing for {p}"));
    }
    Ok(())
}

/// The one file of `dir` whose name starts with `prefix` and ends with `suffix`.
pub fn one(dir: &Path, prefix: &str, suffix: &str) -> Result<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(suffix))
        })
        .collect();
    match (found.pop(), found.is_empty()) {
        (Some(p), true) => Ok(p),
        _ => Err(format!(
            "{} should hold exactly one {prefix}…{suffix}",
            dir.display()
        )),
    }
}

fn text(p: &Path) -> Result<&str> {
    p.to_str()
        .ok_or_else(|| format!("{} is not UTF-8", p.display()))
}
