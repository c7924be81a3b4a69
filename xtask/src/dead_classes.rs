//! Classes the app can never reach, out of the main module and its JavaScript.
//!
//! Leptos pulls in `server_fn`, and through it `wasm-streams`, whose `#[wasm_bindgen]` classes
//! (`IntoUnderlyingSource`, `IntoUnderlyingSink`, `IntoUnderlyingByteSource`) wasm-bindgen
//! exports from the wasm and the JavaScript whether or not anything uses them. An export is a
//! root for wasm-opt, so their code (futures, promises, stream adapters) stayed in the first
//! load: 1.0 KB brotli of wasm and 0.6 KB of JavaScript, measured on 2026-12-01.
//!
//! A class is unreachable when JavaScript can get no instance of it: the glue has no
//! constructor for it, Rust never hands one over (no `Class.__wrap`), and once its own
//! definition is gone nothing names it. Such classes are cut from the JavaScript, and the
//! wasm exports only they called are cut from the wasm before wasm-opt, which then drops the
//! code behind them. A class anything still names is kept, so a future use keeps working.
//! The linker already leaves out wasm-streams' classes' exports (`link_filter.rs`, which also
//! drops the code their closures keep in the function table); the glue's classes go here, and
//! a glue that still calls an export the module lacks fails the build.

use crate::js_words::words;
use crate::run::Result;
use crate::wasm_bin::{entries, put_entries, rebuild};

/// What [`prune`] cut.
#[derive(Debug, PartialEq)]
pub struct Pruned {
    pub js: String,
    pub wasm: Vec<u8>,
    pub classes: Vec<String>,
    /// The exports cut from the wasm here (not those the linker already left out).
    pub exports: Vec<String>,
}

/// The glue `js` and module `wasm` without the classes JavaScript can never reach.
pub fn prune(js: &str, wasm: &[u8]) -> Result<Pruned> {
    let mut js = js.to_string();
    let mut classes = Vec::new();
    let mut removed = String::new();
    for name in exported_classes(&js) {
        let Some(cut) = without_class(&js, &name) else {
            continue;
        };
        if names(&cut.rest, &name) {
            continue;
        }
        js = cut.rest;
        removed.push_str(&cut.removed);
        classes.push(name);
    }
    js = without_unused_enums(&js);
    let mut unused: Vec<String> = wasm_calls(&removed)
        .into_iter()
        .filter(|e| !js.contains(&format!("wasm.{e}(")))
        .collect();
    unused.sort();
    unused.dedup();
    let (wasm, exports) = without_exports(wasm, &unused)?;
    let lacking = lacking(&js, &wasm)?;
    if !lacking.is_empty() {
        return Err(format!(
            "the glue calls wasm exports the module lacks: {lacking:?}"
        ));
    }
    Ok(Pruned {
        js,
        wasm,
        classes,
        exports,
    })
}

fn exported_classes(js: &str) -> Vec<String> {
    js.lines()
        .filter_map(|l| l.strip_prefix("export class ")?.strip_suffix(" {"))
        .map(str::to_string)
        .collect()
}

struct Cut {
    rest: String,
    removed: String,
}

/// `js` without class `name`'s block, its `Symbol.dispose` line and its finalization
/// registry; `None` when the class has a constructor or is handed over by Rust, or when the
/// glue's shape is not the one this was written for (then nothing is cut).
fn without_class(js: &str, name: &str) -> Option<Cut> {
    if js.contains(&format!("{name}.__wrap")) {
        return None;
    }
    let (block, after_block) = span(js, &format!("export class {name} {{\n"), "\n}\n")?;
    if block.contains("constructor(") {
        return None;
    }
    let mut rest = format!("{}{}", &js[..after_block - block.len()], &js[after_block..]);
    let mut removed = block.to_string();
    for (start, end) in [
        (format!("if (Symbol.dispose) {name}.prototype"), ";\n"),
        (format!("const {name}Finalization = "), ";\n"),
    ] {
        let (part, after) = span(&rest, &start, end)?;
        removed.push_str(part);
        rest = format!("{}{}", &rest[..after - part.len()], &rest[after..]);
    }
    Some(Cut { rest, removed })
}

/// The first text from a line starting with `start` to the next `end` (included), and the
/// offset just after it.
fn span<'a>(js: &'a str, start: &str, end: &str) -> Option<(&'a str, usize)> {
    let from = if js.starts_with(start) {
        0
    } else {
        js.find(&format!("\n{start}"))? + 1
    };
    let to = from + js[from..].find(end)? + end.len();
    Some((&js[from..to], to))
}

fn names(js: &str, ident: &str) -> bool {
    words(js, ident) > 0
}

/// wasm-bindgen's enum tables (`const __wbindgen_enum_X = [...];`) nothing reads any more.
fn without_unused_enums(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    for line in js.split_inclusive('\n') {
        let unused = line
            .strip_prefix("const ")
            .and_then(|l| l.split_once(" = "))
            .is_some_and(|(n, _)| n.starts_with("__wbindgen_enum_") && words(js, n) == 1);
        if !unused {
            out.push_str(line);
        }
    }
    out
}

/// The wasm exports `js` calls (`wasm.name(`).
fn wasm_calls(js: &str) -> Vec<String> {
    js.match_indices("wasm.")
        .filter_map(|(i, _)| {
            let tail = &js[i + 5..];
            let len = tail.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
            tail[len..]
                .starts_with('(')
                .then(|| tail[..len].to_string())
        })
        .collect()
}

/// `wasm` without the exports named in `drop`, and those it had (the linker may already have
/// left some out).
fn without_exports(wasm: &[u8], drop: &[String]) -> Result<(Vec<u8>, Vec<String>)> {
    let mut gone = Vec::new();
    let out = rebuild(wasm, |id, body| {
        if id != 7 {
            return Ok(body.to_vec());
        }
        let (cut, kept): (Vec<_>, Vec<_>) = entries(body, false)?
            .into_iter()
            .partition(|e| drop.iter().any(|d| d == e.name));
        gone.extend(cut.into_iter().map(|e| e.name.to_string()));
        Ok(put_entries(kept))
    })?;
    Ok((out, gone))
}

/// The exports `js` calls that `wasm` does not have.
fn lacking(js: &str, wasm: &[u8]) -> Result<Vec<String>> {
    let mut exported = Vec::new();
    rebuild(wasm, |id, body| {
        if id == 7 {
            exported.extend(
                entries(body, false)?
                    .into_iter()
                    .map(|e| e.name.to_string()),
            );
        }
        Ok(body.to_vec())
    })?;
    let mut lacking: Vec<String> = wasm_calls(js)
        .into_iter()
        .filter(|c| !exported.contains(c))
        .collect();
    lacking.sort();
    lacking.dedup();
    Ok(lacking)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_bin::uleb;

    /// A module of three functions, exporting the ones named, in order.
    fn module(exports: &[&str]) -> Vec<u8> {
        let numbered: Vec<_> = exports
            .iter()
            .enumerate()
            .map(|(k, e)| (*e, k as u8))
            .collect();
        module_exporting(&numbered)
    }

    /// A module of three functions and the exports given (name, function index).
    fn module_exporting(exports: &[(&str, u8)]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([1, 4, 1, 0x60, 0, 0]); // one type: [] -> []
        m.extend([3, 4, 3, 0, 0, 0]); // three functions of it
        let mut body = uleb(exports.len() as u32);
        for (e, k) in exports {
            body.extend(uleb(e.len() as u32));
            body.extend(e.as_bytes());
            body.extend([0, *k]);
        }
        m.push(7);
        m.extend(uleb(body.len() as u32));
        m.extend(body);
        m.extend([10, 10, 3, 2, 0, 0x0b, 2, 0, 0x0b, 2, 0, 0x0b]);
        m
    }

    const GLUE: &str = "\
export class Unused {
    free() {
        wasm.__wbg_unused_free(this.__wbg_ptr, 0);
    }
    get type() {
        return __wbindgen_enum_Kind[wasm.unused_type(this.__wbg_ptr)];
    }
}
if (Symbol.dispose) Unused.prototype[Symbol.dispose] = Unused.prototype.free;

export class Handed {
    free() {
        wasm.handed_free(this.__wbg_ptr);
    }
}

export function run() {
    wasm.run();
}
function make(ptr) { return Handed.__wrap(ptr); }
const __wbindgen_enum_Kind = [\"bytes\"];
const UnusedFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_unused_free(ptr, 1));
const HandedFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.handed_free(ptr, 1));
";

    #[test]
    fn a_class_javascript_cannot_reach_leaves_the_glue_and_the_wasm() {
        let wasm = module(&["__wbg_unused_free", "unused_type", "run", "handed_free"]);
        let p = prune(GLUE, &wasm).unwrap();
        assert_eq!(p.classes, ["Unused"]);
        assert_eq!(p.exports, ["__wbg_unused_free", "unused_type"]);
        assert!(!p.js.contains("Unused") && !p.js.contains("__wbindgen_enum_Kind"));
        assert!(p.js.contains("export class Handed {") && p.js.contains("HandedFinalization"));
        assert_eq!(p.wasm, module_exporting(&[("run", 2), ("handed_free", 3)]));
    }

    #[test]
    fn a_class_whose_exports_the_linker_left_out_leaves_the_glue_too() {
        let wasm = module(&["run", "handed_free"]);
        let p = prune(GLUE, &wasm).unwrap();
        assert_eq!(p.classes, ["Unused"]);
        assert!(p.exports.is_empty());
        assert!(!p.js.contains("Unused"));
        assert_eq!(p.wasm, wasm);
    }

    #[test]
    fn a_class_rust_hands_over_or_javascript_builds_stays() {
        let built = GLUE.replace(
            "    free() {\n        wasm.__wbg_unused",
            "    constructor() {}\n    free() {\n        wasm.__wbg_unused",
        );
        let named = format!("{GLUE}export function check(x) {{ return x instanceof Unused; }}\n");
        for glue in [built, named] {
            let wasm = module(&["__wbg_unused_free", "unused_type", "run", "handed_free"]);
            let p = prune(&glue, &wasm).unwrap();
            assert!(p.classes.is_empty() && p.exports.is_empty(), "{glue}");
            assert_eq!(p.js, glue);
            assert_eq!(p.wasm, wasm);
        }
    }

    #[test]
    fn an_export_the_glue_still_calls_but_the_module_lacks_is_an_error() {
        // `Handed` stays (Rust hands it over): its `free` must be exported.
        let wasm = module(&["__wbg_unused_free", "unused_type", "run"]);
        let err = prune(GLUE, &wasm).unwrap_err();
        assert!(err.contains("handed_free"), "{err}");
        // A class JavaScript can reach whose exports the linker left out.
        let built = GLUE.replace(
            "    free() {\n        wasm.__wbg_unused",
            "    constructor() {}\n    free() {\n        wasm.__wbg_unused",
        );
        let err = prune(&built, &module(&["run", "handed_free"])).unwrap_err();
        assert!(err.contains("__wbg_unused_free"), "{err}");
        assert!(prune(GLUE, b"not wasm").is_err());
    }
}
