//! The release build: trunk, then what a strict Content-Security-Policy and offline use need
//! (Trunk's inline loader moved into a file, the service worker told which files to cache),
//! then the size report (which also writes the precompressed copies).

use std::fs;
use std::path::Path;

use crate::minify::{self, Script};
use crate::run::{Result, cmd, run};
use crate::size::{self, SizeReport};

pub fn dist() -> Result<SizeReport> {
    // The `split` feature marks the chunks (`src/ui/chunk.rs`); the symbols stay for wasm-split,
    // and wasm-opt strips them from what ships (`split.rs`).
    let mut trunk = cmd(
        "trunk",
        &["build", "--release", "--offline", "--features", "split"],
    );
    trunk.env("CARGO_PROFILE_RELEASE_STRIP", "false");
    crate::tools::shipped_wasm(&mut trunk)?;
    run(trunk)?;
    let dist = Path::new("dist");
    let split = crate::split::split(dist)?;
    externalise_loader(dist, &split.wasm_integrity)?;
    add_meta_csp(dist)?;
    minify_styles(dist)?;
    minify::js_file(&dist.join("embed.js"), Script::Classic)?;
    fill_service_worker(dist, &split.for_holders)?;
    minify::js_file(&dist.join("sw.js"), Script::Classic)?;
    size::report(dist, &split.results)
}

/// FNV-1a: a stable short name for content, no dependency needed.
pub fn fnv(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Moves Trunk's inline `<script type="module">`, with the first paint and the wasm's checked
/// fetch added ([`with_first_paint`]), into `boot-<hash>.js`, so the page runs under
/// `script-src 'self'` with no 'unsafe-inline'.
fn externalise_loader(dist: &Path, wasm_integrity: &str) -> Result<()> {
    let index = dist.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    // build.rs writes the words in the same run that builds the wasm.
    let words = fs::read_to_string("target/bousla-text/first-paint.json")
        .map_err(|e| format!("cannot read target/bousla-text/first-paint.json: {e}"))?;
    let Some((html, name, script)) = split_loader(&html, &words, wasm_integrity)? else {
        return Ok(());
    };
    // Named after its source, which decides what the pinned terser writes.
    let script = minify::js(&script, Script::Module, &name)?;
    fs::write(dist.join(&name), script).map_err(|e| e.to_string())?;
    fs::write(&index, html).map_err(|e| e.to_string())
}

/// Trunk's styles minified, and the page's integrity for them written again.
fn minify_styles(dist: &Path) -> Result<()> {
    let css = minify::one(dist, "main-", ".css")?;
    minify::css_file(&css)?;
    let name = css.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| e.to_string())?;
    let html = crate::split::with_integrity(&html, name, &crate::split::sha384(&css)?)?;
    fs::write(&index, html).map_err(|e| e.to_string())
}

/// The page without its inline loader, and the loader's file name and text (with the first
/// paint, see [`with_first_paint`]); None when the page has no inline module script (already
/// external).
fn split_loader(
    html: &str,
    words: &str,
    integrity: &str,
) -> Result<Option<(String, String, String)>> {
    let open = "<script type=\"module\">";
    let Some(start) = html.find(open) else {
        return Ok(None);
    };
    let body_start = start + open.len();
    let end = html[body_start..]
        .find("</script>")
        .map(|i| body_start + i)
        .ok_or("unterminated inline script in dist/index.html")?;
    let script = with_first_paint(html[body_start..end].trim(), words, integrity)?;
    let name = format!("boot-{}.js", &fnv(script.as_bytes())[..12]);
    // Relative, like Trunk's own links (public_url "./"): the build may live under a sub-path.
    let tag = format!("<script type=\"module\" src=\"./{name}\"></script>");
    let page = format!(
        "{}{tag}{}",
        &html[..start],
        &html[end + "</script>".len()..]
    );
    if page.contains(open) {
        return Err("dist/index.html has more than one inline module script".into());
    }
    Ok(Some((page, name, format!("{script}\n"))))
}

/// The script that draws the page before the wasm arrives (`first_paint.js`), with its words.
const FIRST_PAINT: &str = include_str!("first_paint.js");

/// Trunk's loader with the first paint in it: the wasm's checked fetch starts, the welcome is
/// drawn while the app's JavaScript and wasm download, and a failure to load either shows a
/// message with "Try again" instead of a blank page. Trunk's static `import` would run
/// nothing of this script if the app's JavaScript failed to load, so it becomes a dynamic
/// `import()` in a `try`.
fn with_first_paint(loader: &str, words: &str, integrity: &str) -> Result<String> {
    let import = "import init, * as bindings from '";
    let start = "const wasm = await init(";
    let (Some(i), Some(w)) = (loader.find(import), loader.find(start)) else {
        return Err(
            "Trunk's loader has changed: no `import init, * as bindings` and \
                    `await init(` to wrap (xtask/src/dist.rs)"
                .into(),
        );
    };
    let js_end = loader[i + import.len()..]
        .find("';")
        .map(|e| i + import.len() + e)
        .ok_or("Trunk's loader: unterminated import")?;
    let js = &loader[i + import.len()..js_end];
    let args_end = loader[w..]
        .find(");")
        .map(|e| w + e)
        .ok_or("Trunk's loader: unterminated init call")?;
    let args = &loader[w + start.len()..args_end];
    if w < js_end || loader[js_end..w].trim() != "';" {
        return Err("Trunk's loader has changed: the init call does not follow the import".into());
    }
    let wasm = args
        .trim()
        .strip_prefix("{ module_or_path: '")
        .and_then(|a| a.strip_suffix("' }"))
        .filter(|w| w.ends_with("_bg.wasm") && !w.contains('\''))
        .ok_or("Trunk's loader has changed: init's argument is not `{ module_or_path: '…' }`")?;
    // The wasm's download starts first, and carries its integrity, which the browser checks
    // before the app compiles a byte.
    let fetch = format!("const bouslaWasm = fetch('{wasm}', {{ integrity: '{integrity}' }});\n");
    let started = format!(
        "let wasm, bindings;\ntry {{\n  bindings = await import('{js}');\n  \
         wasm = await bindings.default({{ module_or_path: bouslaWasm }});\n\
         }} catch (e) {{\n  bouslaFirstPaint.failed();\n  throw e;\n}}"
    );
    let opens_on_results = "/*OPENS_ON_RESULTS*/false";
    if !FIRST_PAINT.contains(opens_on_results) {
        return Err(format!(
            "xtask/src/first_paint.js has no `{opens_on_results}` to fill"
        ));
    }
    let paint = FIRST_PAINT.replace("/*WORDS*/null", words.trim()).replace(
        opens_on_results,
        &format!("{}.test(location.hash)", crate::split::OPENS_ON_RESULTS),
    );
    // Trunk's first lines (the results' chunks' preloads) start their downloads first.
    Ok(format!(
        "{}{fetch}{paint}{started}{}",
        &loader[..i],
        &loader[args_end + 2..]
    ))
}

/// The Content-Security-Policy of deploy/nginx.conf, as far as a `<meta>` element can carry it
/// (`frame-ancestors` works only as a header), for static hosts that send no such header. Not
/// in the source index.html: `trunk serve` injects inline scripts (its loader, live reload)
/// that this policy would block.
pub const META_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'";

fn add_meta_csp(dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    fs::write(&index, with_meta_csp(&html)?).map_err(|e| e.to_string())
}

/// The page with the policy right after `<meta charset>`, before any script or style.
fn with_meta_csp(html: &str) -> Result<String> {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Ok(html.to_string());
    }
    let charset = "<meta charset=\"utf-8\">";
    let at = html
        .find(charset)
        .map(|i| i + charset.len())
        .ok_or("dist/index.html has no <meta charset=\"utf-8\">")?;
    if html[..at].contains("<script") || html[..at].contains("<link") {
        return Err("dist/index.html loads something before <meta charset>".into());
    }
    Ok(format!(
        "{}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{META_CSP}\">{}",
        &html[..at],
        &html[at..]
    ))
}

fn asset_names(dist: &Path) -> Result<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            !n.ends_with(".br") && !n.ends_with(".gz") && n != "sw.js" && n != "size-report.json"
        })
        .collect();
    names.sort();
    Ok(names)
}

/// A text table of one language: `catalog-<hash>.<lang>.txt`.
fn is_language_table(name: &str) -> bool {
    name.starts_with("catalog-") && name.ends_with(".txt")
}

/// `for_holders`: the wasm chunks a holder's screens load ([`crate::split::Split::for_holders`]).
fn fill_service_worker(dist: &Path, for_holders: &[String]) -> Result<()> {
    let sw = dist.join("sw.js");
    let Ok(template) = fs::read_to_string(&sw) else {
        return Ok(());
    };
    let names = asset_names(dist)?;
    let mut fingerprint = Vec::new();
    for n in &names {
        fingerprint.extend_from_slice(n.as_bytes());
        fingerprint.extend(fs::read(dist.join(n)).map_err(|e| e.to_string())?);
    }
    // The texts of each language, and the wasm of the adviser's page and of the office counts,
    // are cached when used (see static/sw.js), not precached: a first visit downloads one
    // language and what a holder's screens need, not everything.
    let (tables, shell): (Vec<&String>, Vec<&String>) = names
        .iter()
        .partition(|n| is_language_table(n) || crate::split::is_kept_when_used(n, for_holders));
    let quoted = |n: &String| format!("\"./{n}\"");
    let list: Vec<String> = std::iter::once("\"./\"".to_string())
        .chain(shell.into_iter().map(quoted))
        .collect();
    let tables: Vec<String> = tables.into_iter().map(quoted).collect();
    let filled = template
        .replace("__BOUSLA_VERSION__", &fnv(&fingerprint)[..12])
        .replace("__BOUSLA_ASSETS__", &format!("[{}]", list.join(", ")))
        .replace("__BOUSLA_TABLES__", &format!("[{}]", tables.join(", ")));
    fs::write(&sw, filled).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = "\nimport init, * as bindings from './a.js';\nconst wasm = await init({ module_or_path: './a_bg.wasm' });\n\nwindow.wasmBindings = bindings;\n";

    #[test]
    fn the_inline_loader_becomes_a_hashed_file() {
        let page = format!(
            "<head>\n<script type=\"module\">{LOADER}</script>\n<link rel=\"stylesheet\" href=\"./m.css\"/></head>"
        );
        let (html, name, script) = split_loader(&page, "{}", "sha384-x").unwrap().unwrap();
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert!(script.contains("bindings = await import('./a.js');"));
        assert!(html.contains(&format!(
            "<script type=\"module\" src=\"./{name}\"></script>"
        )));
        assert!(!html.contains("import init"));
        assert!(html.contains("./m.css"));
        assert!(split_loader(&html, "{}", "sha384-x").unwrap().is_none());
    }

    #[test]
    fn the_first_paint_comes_first_and_a_failed_start_reaches_it() {
        let out = with_first_paint(LOADER.trim(), "{\"ar\":{}}\n", "sha384-abc").unwrap();
        assert!(out.contains("const WORDS = {\"ar\":{}};"), "{out}");
        // The program texts are fetched early on the pages whose chunks are.
        let early = format!(
            "if ({}.test(location.hash)) {{",
            crate::split::OPENS_ON_RESULTS
        );
        assert!(out.contains(&early), "{out}");
        assert!(
            !out.contains("import init"),
            "no static import: it would run nothing on a 404"
        );
        let paint = out.find("const bouslaFirstPaint").unwrap();
        let fetch = out
            .find("fetch('./a_bg.wasm', { integrity: 'sha384-abc' })")
            .unwrap();
        let import = out.find("await import('./a.js')").unwrap();
        let init = out
            .find("wasm = await bindings.default({ module_or_path: bouslaWasm });")
            .unwrap();
        let failed = out.find("bouslaFirstPaint.failed();").unwrap();
        assert!(fetch < paint && paint < import, "{out}");
        assert!(import < init && init < failed, "{out}");
        assert!(out.contains("window.wasmBindings = bindings;"));
        // Trunk changed its loader: the build says so rather than ship a page that never starts.
        assert!(with_first_paint("import init from './a.js';", "{}", "sha384-x").is_err());
        let swapped = "const wasm = await init();\nimport init, * as bindings from './a.js';";
        assert!(with_first_paint(swapped, "{}", "sha384-x").is_err());
        let by_url =
            "import init, * as bindings from './a.js';\nconst wasm = await init(new URL('x'));";
        assert!(with_first_paint(by_url, "{}", "sha384-x").is_err());
    }

    #[test]
    fn the_meta_policy_comes_first_and_once() {
        let page = "<html><head>\n<meta charset=\"utf-8\">\n<script src=\"./a.js\"></script></head></html>";
        let out = with_meta_csp(page).unwrap();
        let meta = out.find("http-equiv=\"Content-Security-Policy\"").unwrap();
        assert!(meta < out.find("<script").unwrap());
        assert!(out.contains("base-uri 'none'; form-action 'none'"));
        assert!(!out.contains("frame-ancestors"));
        assert_eq!(with_meta_csp(&out).unwrap(), out);
        assert!(with_meta_csp("<head><script></script><meta charset=\"utf-8\">").is_err());
    }

    #[test]
    fn the_worker_precaches_the_shell_and_lists_the_language_tables_apart() {
        let dir = std::env::temp_dir().join(format!("bousla-sw-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let files = [
            "index.html",
            "bousla-1_bg.wasm",
            "catalog-abc.ar.txt",
            "catalog-abc.fr.txt",
            "catalog-def.ary-ui.txt",
            "catalog-abc.ar.txt.br",
        ];
        for f in files {
            fs::write(dir.join(f), f).unwrap();
        }
        fs::write(
            dir.join("sw.js"),
            "V=__BOUSLA_VERSION__;A=__BOUSLA_ASSETS__;T=__BOUSLA_TABLES__;",
        )
        .unwrap();
        fill_service_worker(&dir, &[]).unwrap();
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert!(
            sw.contains(r#"A=["./", "./bousla-1_bg.wasm", "./index.html"];"#),
            "{sw}"
        );
        assert!(
            sw.contains(
                r#"T=["./catalog-abc.ar.txt", "./catalog-abc.fr.txt", "./catalog-def.ary-ui.txt"];"#
            ),
            "{sw}"
        );
    }

    #[test]
    fn the_hash_follows_the_content() {
        assert_ne!(fnv(b"a"), fnv(b"b"));
        assert_eq!(fnv(b"a"), fnv(b"a"));
    }
}
