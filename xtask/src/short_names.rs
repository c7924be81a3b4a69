//! Short names for what the main module and its JavaScript call each other by.
//!
//! wasm-bindgen names each JavaScript import after its Rust binding and a 16-hex-digit hash
//! (`__wbg_setAttribute_9bad76f39609daac`), and exports each closure's trampoline under its
//! mangled Rust symbol (150 characters). Every name is written twice, in the wasm and in the
//! glue, and the hashes are random digits that compression cannot shrink: 174 imports and 8
//! exports cost 3.9 KB brotli of the first screen (measured on 2026-12-01: the glue 7.6 → 5.8
//! KB, the wasm 134.2 → 132.0 KB with one- or two-letter names). Binaryen's own
//! `--minify-imports` renames only the `env` module's imports (Emscripten's), none of ours.
//!
//! Each name is replaced in both files at once, and only where the glue's shape is the one this
//! was written for: an import is a key `name: function(` of the glue's imports object, written
//! once; an export is called as `wasm.name`. Anything else is an error, so a new wasm-bindgen
//! fails the build instead of shipping a page that cannot start.

use crate::js_words::{replace_words, whole_words, words};
use crate::run::Result;
use crate::wasm_bin::{Entry, entries, put_entries, rebuild};

/// The module name wasm-bindgen gives the glue's imports (`--out-name main`).
const GLUE_MODULE: &str = "./main_bg.js";

/// The glue and the module with short names, and how many of each were renamed.
pub struct Shortened {
    pub js: String,
    pub wasm: Vec<u8>,
    pub imports: usize,
    pub exports: usize,
}

pub fn shorten(js: &str, wasm: &[u8]) -> Result<Shortened> {
    let mut short = Names::default();
    let mut js = js.to_string();
    let (mut imports, mut exports) = (0, 0);
    let wasm = rebuild(wasm, |id, body| {
        let renamed = match id {
            2 => &mut imports,
            7 => &mut exports,
            _ => return Ok(body.to_vec()),
        };
        let mut out = Vec::new();
        for e in entries(body, id == 2)? {
            let new = rename(&e, &mut js, &mut short)?;
            *renamed += usize::from(new.is_some());
            out.push((e, new));
        }
        Ok(put_entries(out.iter().map(|(e, new)| Entry {
            name: new.as_deref().unwrap_or(e.name),
            ..*e
        })))
    })?;
    Ok(Shortened {
        js,
        wasm,
        imports,
        exports,
    })
}

/// The short name of an import of the glue's module, or of an export under a mangled Rust
/// name (`_R…`: a closure's trampoline the glue calls), renamed in `js` too; None for the rest.
fn rename(e: &Entry, js: &mut String, short: &mut Names) -> Result<Option<String>> {
    match e.module {
        Some(GLUE_MODULE) => {
            let key = |n: &str| format!("\n        {n}: function(");
            if js.matches(&key(e.name)).count() != 1 {
                return Err(format!("the glue does not define import `{}` once", e.name));
            }
            let new = short.next(js);
            *js = js.replacen(&key(e.name), &key(&new), 1);
            if words(js, e.name) != 0 {
                return Err(format!("the glue names import `{}` elsewhere too", e.name));
            }
            Ok(Some(new))
        }
        None if e.name.starts_with("_R") => {
            // The glue calls it as `wasm.name` and wraps it in a function of the same name.
            if !named_as_code(js, e.name) {
                return Err(format!(
                    "the glue names export `{}` in a string or not at all",
                    e.name
                ));
            }
            let new = short.next(js);
            *js = replace_words(js, e.name, &new);
            Ok(Some(new))
        }
        _ => Ok(None),
    }
}

/// Whether `js` names `ident`, and only as code: never right after a quote or a bracket, where
/// it would be a string a rename cannot follow.
fn named_as_code(js: &str, ident: &str) -> bool {
    let at: Vec<usize> = whole_words(js, ident).collect();
    !at.is_empty()
        && at
            .iter()
            .all(|&i| !js[..i].ends_with(['"', '\'', '`', '[']))
}

/// One- and two-character JavaScript identifiers, in order, skipping keywords and any the
/// glue already names.
#[derive(Default)]
struct Names(usize);

impl Names {
    fn next(&mut self, js: &str) -> String {
        const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const REST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        loop {
            let k = self.0;
            self.0 += 1;
            let name = if k < FIRST.len() {
                char::from(FIRST[k]).to_string()
            } else {
                let k = k - FIRST.len();
                let (a, b) = (k / REST.len(), k % REST.len());
                format!(
                    "{}{}",
                    char::from(FIRST[a % FIRST.len()]),
                    char::from(REST[b])
                )
            };
            if !["do", "if", "in"].contains(&name.as_str()) && words(js, &name) == 0 {
                return name;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_bin::{put_name, uleb};

    /// A module importing `imports` (module, name) as functions of type 0, with a memory
    /// import, and exporting function 0 under each of `exports`.
    fn module(imports: &[(&str, &str)], exports: &[&str]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([1, 4, 1, 0x60, 0, 0]);
        let mut body = uleb(imports.len() as u32 + 1);
        for (module, field) in imports {
            put_name(&mut body, module);
            put_name(&mut body, field);
            body.extend([0, 0]);
        }
        put_name(&mut body, "env");
        put_name(&mut body, "memory");
        body.extend([2, 1, 1, 2]);
        m.push(2);
        m.extend(uleb(body.len() as u32));
        m.extend(body);
        let mut body = uleb(exports.len() as u32);
        for e in exports {
            put_name(&mut body, e);
            body.extend([0, 0]);
        }
        m.push(7);
        m.extend(uleb(body.len() as u32));
        m.extend(body);
        m
    }

    const GLUE: &str = "\
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_setAttribute_9bad76f39609daac: function(arg0, arg1) {
            arg0.setAttribute(arg1);
        },
        __wbg_a_0123456789abcdef: function() {
            wasm._RNvCs123_closure_invoke(1);
        },
    };
}
function later() { wasm._RNvCs123_closure_invoke(2); wasm.__wbindgen_malloc(3); }
function _RNvCs123_closure_invoke(x) { return wasm._RNvCs123_closure_invoke(x); }
later(_RNvCs123_closure_invoke);
const a = wasm._RNvCs123_closure_invoke_more;
";

    #[test]
    fn imports_and_closure_exports_get_short_names_in_both_files() {
        let wasm = module(
            &[
                (GLUE_MODULE, "__wbg_setAttribute_9bad76f39609daac"),
                (GLUE_MODULE, "__wbg_a_0123456789abcdef"),
                ("./__wasm_split.js", "__wasm_split_load_results"),
            ],
            &[
                "_RNvCs123_closure_invoke",
                "__wbindgen_malloc",
                "_RNvCs123_closure_invoke_more",
            ],
        );
        let s = shorten(GLUE, &wasm).unwrap();
        assert_eq!((s.imports, s.exports), (2, 2));
        assert_eq!(
            s.wasm,
            module(
                &[
                    (GLUE_MODULE, "b"),
                    (GLUE_MODULE, "c"),
                    ("./__wasm_split.js", "__wasm_split_load_results")
                ],
                &["d", "__wbindgen_malloc", "e"],
            ),
            "`a` is a word the glue already uses"
        );
        assert!(s.js.contains("\n        b: function(arg0, arg1) {"));
        assert!(s.js.contains("\n        c: function() {\n            wasm.d(1);"));
        assert!(s.js.contains("wasm.d(2); wasm.__wbindgen_malloc(3);"));
        assert!(s.js.contains("const a = wasm.e;"));
        assert!(s.js.contains("function d(x) { return wasm.d(x); }\nlater(d);"));
        assert!(!s.js.contains("9bad76f") && !s.js.contains("_RNv"));
    }

    #[test]
    fn a_glue_of_another_shape_is_an_error_not_a_broken_page() {
        let missing = module(&[(GLUE_MODULE, "__wbg_gone_0000000000000000")], &[]);
        assert!(shorten(GLUE, &missing).is_err());
        let twice = GLUE.replace(
            "function later() {",
            "const alias = import0.__wbg_setAttribute_9bad76f39609daac;\nfunction later() {",
        );
        let one = module(&[(GLUE_MODULE, "__wbg_setAttribute_9bad76f39609daac")], &[]);
        assert!(shorten(&twice, &one).is_err());
        let by_string = format!("{GLUE}instance.exports[\"_RNvCs123_closure_invoke_x\"]();\n");
        let exported = module(&[], &["_RNvCs123_closure_invoke_x"]);
        assert!(shorten(&by_string, &exported).is_err());
        assert!(shorten(GLUE, b"\0asm").is_err());
    }
}
