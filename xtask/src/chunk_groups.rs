//! The wasm chunks a holder's screens always load together, merged into one file each.
//!
//! wasm-split writes one shared chunk for every set of split points that use the same code: the
//! results' screen waited for eight files (its own and seven shared with the extras, the
//! adviser's page or the office counts), each compressed apart, so what they have in common
//! (types, the same instruction runs) was paid for eight times. Here the chunks are grouped by
//! which of a holder's two screens, the results and the extras, load them: a group is merged
//! into one module (binaryen's `wasm-merge`), and the loader fetches each group once. Staff
//! screens (the adviser's page, the office counts) are not a reason to keep files apart: they
//! load whole groups, so a little more than they use, and their own chunk stays a file of its
//! own.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::run::{Result, cmd, run};
use crate::wasm_bin::{Entry, entries, imports, put_entries, put_name, rebuild, sections, uleb};

/// The screens a holder opens, in the order they are loaded: the results, then the extras.
const FOR_HOLDERS: [&str; 2] = ["results", "extras"];

/// The module every chunk imports memory, table and globals from (wasm-split's).
const SHARED: &str = "__wasm_split";
/// What the chunks of a group import from instead while they are merged: a module that
/// imports those from [`SHARED`] once and exports them, so the merged module imports each once.
const HUB: &str = "__wasm_split_hub";

/// wasm-split's loader, read: the text before the loaders, how a loader fetches its file, and
/// what each split point waits for.
#[derive(Debug)]
pub struct Loader {
    prelude: String,
    /// A loader's fetcher around its file name: `(before, after)`.
    fetcher: (String, String),
    /// Each split point (`results`, …) and the files it loads: its own first.
    entries: BTreeMap<String, Vec<String>>,
}

/// One file the new loader fetches: a chunk of wasm-split's, or several merged.
#[derive(Debug, PartialEq)]
pub struct Group {
    pub file: String,
    pub parts: Vec<String>,
}

pub fn parse(js: &str) -> Result<Loader> {
    let changed = || "wasm-split's loader changed its form: update xtask/src/chunk_groups.rs";
    const LOAD: &str = "makeLoad(() =>";
    const URL: &str = "new URL(\"./";
    let (mut prelude_end, mut fetcher) = (None, None);
    let (mut chunks, mut split_points) = (BTreeMap::new(), Vec::new());
    let mut from = 0;
    while let Some(found) = js[from..].find(LOAD) {
        let at = from + found;
        let line = js[..at].rfind('\n').map_or(0, |n| n + 1);
        prelude_end.get_or_insert(line);
        let head = &js[line..at];
        let body = at + "makeLoad(".len();
        let end = body + js[body..].find("\n, [").ok_or_else(changed)?;
        let text = &js[body..end];
        let start = text.find(URL).ok_or_else(changed)? + URL.len();
        let stop = start + text[start..].find('"').ok_or_else(changed)?;
        let file = text[start..stop].to_string();
        let shape = (text[..start].to_string(), text[stop..].to_string());
        if *fetcher.get_or_insert_with(|| shape.clone()) != shape {
            return Err(changed().into());
        }
        let deps_at = end + "\n, [".len();
        let deps_end = deps_at + js[deps_at..].find(']').ok_or_else(changed)?;
        let deps: Vec<String> = js[deps_at..deps_end]
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect();
        if let Some(name) = head
            .strip_prefix("export const __wasm_split_load_")
            .and_then(|h| h.strip_suffix(" = wrapAsyncCb("))
        {
            split_points.push((name.to_string(), file, deps));
        } else if let Some(var) = head
            .strip_prefix("const ")
            .and_then(|h| h.strip_suffix(" = "))
            .filter(|_| deps.is_empty())
        {
            chunks.insert(var.to_string(), file);
        } else {
            return Err(changed().into());
        }
        from = deps_end;
    }
    let (Some(prelude_end), Some(fetcher)) = (prelude_end, fetcher) else {
        return Err(changed().into());
    };
    // The comments above the loaders (which split points share a chunk) go with them.
    let mut prelude = js[..prelude_end].trim_end().to_string();
    while let Some(last) = prelude
        .rfind('\n')
        .filter(|&n| prelude[n + 1..].starts_with("/*"))
    {
        prelude.truncate(last);
    }
    let mut entries = BTreeMap::new();
    for (name, own, deps) in split_points {
        let mut files = vec![own];
        for dep in deps {
            files.push(chunks.get(&dep).ok_or_else(changed)?.clone());
        }
        entries.insert(name, files);
    }
    for holder in FOR_HOLDERS {
        if !entries.contains_key(holder) {
            return Err(format!(
                "wasm-split wrote no `{holder}` chunk: see src/ui/chunk.rs"
            ));
        }
    }
    Ok(Loader {
        prelude,
        fetcher,
        entries,
    })
}

impl Loader {
    /// The files to ship: the chunks loaded by the same holder's screens in one group (named
    /// after the split point whose own chunk it holds, or `chunk_<screens>` when shared), and
    /// every chunk no holder's screen loads alone. In the order of [`FOR_HOLDERS`]'s first use.
    pub fn groups(&self) -> Vec<Group> {
        let holders_of = |file: &str| -> Vec<&str> {
            FOR_HOLDERS
                .into_iter()
                .filter(|h| self.entries[*h].iter().any(|f| f == file))
                .collect()
        };
        let mut files: Vec<&String> = self.entries.values().flatten().collect();
        files.sort_by_key(|f| (FOR_HOLDERS.map(|h| !self.entries[h].contains(f)), *f));
        files.dedup();
        let mut groups: Vec<(Vec<&str>, Group)> = Vec::new();
        for file in files {
            let holders = holders_of(file);
            match groups
                .iter_mut()
                .find(|(h, _)| !h.is_empty() && *h == holders)
            {
                Some((_, g)) => g.parts.push(file.clone()),
                None => groups.push((
                    holders,
                    Group {
                        file: String::new(),
                        parts: vec![file.clone()],
                    },
                )),
            }
        }
        groups
            .into_iter()
            .map(|(holders, mut g)| {
                let own = holders
                    .iter()
                    .map(|h| format!("split_{h}.wasm"))
                    .find(|own| g.parts.contains(own));
                g.file = match (g.parts.len(), own) {
                    (1, _) => g.parts[0].clone(),
                    (_, Some(own)) => own,
                    _ => format!("chunk_{}.wasm", holders.join("_")),
                };
                g
            })
            .collect()
    }

    /// The loader fetching `groups`' files: each group once, every split point waiting for
    /// the groups that hold its files. A failed download is forgotten (wasm-split's
    /// `makeLoad`), so asking again fetches anew.
    pub fn render(&self, groups: &[Group]) -> String {
        let mut js = self.prelude.clone();
        let (before, after) = &self.fetcher;
        for (i, g) in groups.iter().enumerate() {
            js += &format!(
                "\nconst __g{i} = makeLoad({before}{}{after}\n, []);",
                g.file
            );
        }
        for (name, files) in &self.entries {
            let calls: Vec<String> = self
                .groups_of(groups, files)
                .iter()
                .map(|i| format!("__g{i}()"))
                .collect();
            js += &format!(
                "\nexport const __wasm_split_load_{name} = wrapAsyncCb(() => Promise.all([{}]));",
                calls.join(", ")
            );
        }
        js + "\n"
    }

    /// The files split point `entry` loads once its chunks are grouped: the group of its own
    /// chunk first.
    pub fn loads(&self, groups: &[Group], entry: &str) -> Vec<String> {
        let files = self
            .entries
            .get(entry)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let order = self.groups_of(groups, files);
        order.into_iter().map(|i| groups[i].file.clone()).collect()
    }

    fn groups_of(&self, groups: &[Group], files: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for f in files {
            if let Some(i) = groups.iter().position(|g| g.parts.contains(f))
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
        out
    }
}

/// Merges each group of more than one chunk in `dir` into its file, the chunks it replaces
/// removed. `features`: wasm-opt's `--enable-…` options, which wasm-merge reads the same.
pub fn merge(dir: &Path, groups: &[Group], features: &[&str]) -> Result<()> {
    for g in groups.iter().filter(|g| g.parts.len() > 1) {
        let read =
            |f: &String| fs::read(dir.join(f)).map_err(|e| format!("cannot read chunk {f}: {e}"));
        let parts = g.parts.iter().map(read).collect::<Result<Vec<_>>>()?;
        let (hub, parts) = through_hub(&parts)?;
        let scratch = dir.join("merge");
        fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
        let mut args = Vec::new();
        let hub_file = scratch.join("hub.wasm");
        fs::write(&hub_file, hub).map_err(|e| e.to_string())?;
        args.push(path_str(&hub_file)?.to_string());
        args.push(HUB.to_string());
        for (i, part) in parts.iter().enumerate() {
            let file = scratch.join(format!("part{i}.wasm"));
            fs::write(&file, part).map_err(|e| e.to_string())?;
            args.push(path_str(&file)?.to_string());
            args.push(format!("part{i}"));
        }
        let out = dir.join(&g.file);
        args.extend(["-o".to_string(), path_str(&out)?.to_string()]);
        args.extend(features.iter().map(|f| f.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(cmd("wasm-merge", &args))?;
        let merged = fs::read(&out).map_err(|e| e.to_string())?;
        fs::write(&out, without_hub_exports(&merged)?).map_err(|e| e.to_string())?;
        for part in g.parts.iter().filter(|p| **p != g.file) {
            fs::remove_file(dir.join(part)).map_err(|e| e.to_string())?;
        }
        fs::remove_dir_all(&scratch).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A module importing, once each, everything `chunks` import from [`SHARED`] and exporting it,
/// and the chunks importing it from that module ([`HUB`]) instead: wasm-merge then joins
/// their imports into the hub's, where it would keep one memory per chunk.
fn through_hub(chunks: &[Vec<u8>]) -> Result<(Vec<u8>, Vec<Vec<u8>>)> {
    let mut shared: Vec<(String, Vec<u8>)> = Vec::new();
    let mut rewritten = Vec::new();
    for chunk in chunks {
        let out = rebuild(chunk, |id, body| {
            if id == 7 && !entries(body, false)?.is_empty() {
                return Err(
                    "a wasm chunk exports something: update xtask/src/chunk_groups.rs".into(),
                );
            }
            if id != 2 {
                return Ok(body.to_vec());
            }
            let imports = entries(body, true)?;
            for e in &imports {
                if e.module != Some(SHARED) {
                    return Err(format!(
                        "a wasm chunk imports from {:?}, not only {SHARED}: update xtask/src/chunk_groups.rs",
                        e.module
                    ));
                }
                match shared.iter().find(|(n, _)| n == e.name) {
                    Some((_, desc)) if desc != e.desc => {
                        return Err(format!(
                            "two wasm chunks import {} as different things",
                            e.name
                        ));
                    }
                    Some(_) => {}
                    None => shared.push((e.name.to_string(), e.desc.to_vec())),
                }
            }
            Ok(put_entries(imports.into_iter().map(|e| Entry {
                module: Some(HUB),
                ..e
            })))
        })?;
        rewritten.push(out);
    }
    let mut hub = b"\0asm\x01\0\0\0".to_vec();
    let imports = put_entries(shared.iter().map(|(name, desc)| Entry {
        module: Some(SHARED),
        name,
        desc,
    }));
    let mut exports = uleb(shared.len() as u32);
    let mut per_kind = [0u32; 5];
    for (name, desc) in &shared {
        let kind = desc[0];
        let index = per_kind
            .get_mut(kind as usize)
            .ok_or("unknown import kind")?;
        put_name(&mut exports, name);
        exports.push(kind);
        exports.extend(uleb(*index));
        *index += 1;
    }
    for (id, body) in [(2u8, imports), (7u8, exports)] {
        hub.push(id);
        hub.extend(uleb(body.len() as u32));
        hub.extend(body);
    }
    Ok((hub, rewritten))
}

/// The merged module without the exports it got from the hub (chunks export nothing: the main
/// module reaches them through the table).
fn without_hub_exports(wasm: &[u8]) -> Result<Vec<u8>> {
    let has_imports_from_hub = imports(&sections(wasm)?)?
        .iter()
        .any(|e| e.module == Some(HUB));
    if has_imports_from_hub {
        return Err(
            "wasm-merge left imports from the hub: update xtask/src/chunk_groups.rs".into(),
        );
    }
    rebuild(wasm, |id, body| match id {
        7 => Ok(put_entries(Vec::<Entry>::new())),
        _ => Ok(body.to_vec()),
    })
}

fn path_str(p: &Path) -> Result<&str> {
    p.to_str()
        .ok_or_else(|| format!("not a UTF-8 path: {}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// wasm-split's loader, as it writes it (a trimmed copy of one of this build's): the
    /// results share chunk 6 with the extras and the adviser's page, chunk 7 with the adviser's
    /// page only; the extras alone use chunk 8.
    const LOADER: &str = r#"import { initSync } from "./main.js";
function makeLoad(fetcher, deps) {
    return fetcher;
}
/* adviser, extras, results */
const __chunk_6 = makeLoad(() => {
    const src = fetch(new URL("./chunk_6.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* adviser, results */
const __chunk_7 = makeLoad(() => {
    const src = fetch(new URL("./chunk_7.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* extras */
const __chunk_8 = makeLoad(() => {
    const src = fetch(new URL("./chunk_8.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_results = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_results.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6, __chunk_7]));
export const __wasm_split_load_extras = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_extras.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6, __chunk_8]));
export const __wasm_split_load_adviser = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_adviser.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6, __chunk_7]));
"#;

    fn group(file: &str, parts: &[&str]) -> Group {
        Group {
            file: file.into(),
            parts: parts.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn each_split_point_loads_its_own_chunk_and_the_shared_chunks_it_waits_for() {
        let loader = parse(LOADER).unwrap();
        assert_eq!(
            loader.entries["results"],
            ["split_results.wasm", "chunk_6.wasm", "chunk_7.wasm"]
        );
        assert_eq!(
            loader.entries["extras"],
            ["split_extras.wasm", "chunk_6.wasm", "chunk_8.wasm"]
        );
        assert_eq!(
            loader.entries["adviser"],
            ["split_adviser.wasm", "chunk_6.wasm", "chunk_7.wasm"]
        );
    }

    #[test]
    fn chunks_the_same_holders_screens_load_are_one_file_and_a_staff_screens_own_stays_alone() {
        let loader = parse(LOADER).unwrap();
        assert_eq!(
            loader.groups(),
            [
                group("chunk_6.wasm", &["chunk_6.wasm"]),
                group(
                    "split_results.wasm",
                    &["chunk_7.wasm", "split_results.wasm"]
                ),
                group("split_extras.wasm", &["chunk_8.wasm", "split_extras.wasm"]),
                group("split_adviser.wasm", &["split_adviser.wasm"]),
            ]
        );
        let groups = loader.groups();
        assert_eq!(
            loader.loads(&groups, "results"),
            ["split_results.wasm", "chunk_6.wasm"]
        );
        assert_eq!(
            loader.loads(&groups, "extras"),
            ["split_extras.wasm", "chunk_6.wasm"]
        );
        // The adviser's page loads the results' whole group for the chunk it shares with them.
        assert_eq!(
            loader.loads(&groups, "adviser"),
            ["split_adviser.wasm", "chunk_6.wasm", "split_results.wasm"]
        );
        assert!(loader.loads(&groups, "counts").is_empty());
    }

    #[test]
    fn the_new_loader_fetches_each_group_once_and_every_split_point_waits_for_all_of_its_groups() {
        let loader = parse(LOADER).unwrap();
        let js = loader.render(&loader.groups());
        assert!(js.starts_with("import { initSync } from \"./main.js\";\nfunction makeLoad"));
        assert!(
            !js.contains("/*"),
            "wasm-split's comments went with its loaders: {js}"
        );
        for (i, file) in ["chunk_6", "split_results", "split_extras", "split_adviser"]
            .iter()
            .enumerate()
        {
            assert_eq!(js.matches(&format!("\"./{file}.wasm\"")).count(), 1, "{js}");
            assert!(js.contains(&format!(
                "const __g{i} = makeLoad(() => {{\n    const src = fetch(new URL(\"./{file}.wasm\""
            )));
        }
        assert!(!js.contains("chunk_7") && !js.contains("chunk_8"));
        assert!(js.contains(
            "export const __wasm_split_load_results = wrapAsyncCb(() => Promise.all([__g1(), __g0()]));"
        ));
        assert!(js.contains(
            "export const __wasm_split_load_adviser = wrapAsyncCb(() => Promise.all([__g3(), __g0(), __g1()]));"
        ));
    }

    #[test]
    fn a_loader_of_another_form_is_an_error_that_says_where_to_look() {
        let renamed = LOADER.replace("const __chunk_7 = makeLoad(", "let __chunk_7 = makeLoad(");
        let err = parse(&renamed).unwrap_err();
        assert!(err.contains("xtask/src/chunk_groups.rs"), "{err}");
        let other_fetch = LOADER.replacen("src.catch(() => {});", "", 1);
        assert!(parse(&other_fetch).is_err());
        let no_extras = &LOADER[..LOADER
            .find("export const __wasm_split_load_extras")
            .unwrap()];
        assert!(parse(no_extras).unwrap_err().contains("extras"));
    }

    /// A module that imports `imports` (module, name, description) and nothing else.
    fn importing(imports: &[(&str, &str, &[u8])]) -> Vec<u8> {
        let body = put_entries(imports.iter().map(|(module, name, desc)| Entry {
            module: Some(module),
            name,
            desc,
        }));
        let mut wasm = b"\0asm\x01\0\0\0\x02".to_vec();
        wasm.extend(uleb(body.len() as u32));
        wasm.extend(body);
        wasm
    }

    const MEMORY: &[u8] = &[2, 0, 18];
    const TABLE: &[u8] = &[1, 0x70, 0, 100];
    const GLOBAL: &[u8] = &[3, 0x7f, 1];

    #[test]
    fn merged_chunks_import_memory_table_and_globals_once_through_the_hub() {
        let a = importing(&[(SHARED, "memory", MEMORY), (SHARED, "table", TABLE)]);
        let b = importing(&[(SHARED, "memory", MEMORY), (SHARED, "shared0", GLOBAL)]);
        let (hub, parts) = through_hub(&[a, b]).unwrap();
        let imports = |wasm: &[u8]| -> Vec<(String, String)> {
            let s = sections(wasm).unwrap();
            let (_, body) = s.iter().find(|(id, _)| *id == 2).unwrap();
            entries(body, true)
                .unwrap()
                .iter()
                .map(|e| (e.module.unwrap().to_string(), e.name.to_string()))
                .collect()
        };
        let hub_imports = imports(&hub);
        assert_eq!(
            hub_imports,
            [(SHARED, "memory"), (SHARED, "table"), (SHARED, "shared0")]
                .map(|(m, n)| (m.to_string(), n.to_string()))
        );
        let s = sections(&hub).unwrap();
        let (_, body) = s.iter().find(|(id, _)| *id == 7).unwrap();
        let exports: Vec<(String, Vec<u8>)> = entries(body, false)
            .unwrap()
            .iter()
            .map(|e| (e.name.to_string(), e.desc.to_vec()))
            .collect();
        // Each export is its kind and the index among the hub's imports of that kind.
        assert_eq!(
            exports,
            [
                ("memory", vec![2, 0]),
                ("table", vec![1, 0]),
                ("shared0", vec![3, 0])
            ]
            .map(|(n, d)| (n.to_string(), d))
        );
        for part in &parts {
            assert!(imports(part).iter().all(|(m, _)| m == HUB));
        }
    }

    #[test]
    fn chunks_that_disagree_on_a_shared_import_or_import_from_elsewhere_are_not_merged() {
        let small = importing(&[(SHARED, "memory", &[2, 0, 17])]);
        let big = importing(&[(SHARED, "memory", MEMORY)]);
        assert!(through_hub(&[small, big.clone()]).is_err());
        let elsewhere = importing(&[("env", "memory", MEMORY)]);
        assert!(
            through_hub(&[big, elsewhere])
                .unwrap_err()
                .contains("chunk_groups.rs")
        );
    }
}
