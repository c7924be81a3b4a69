//! The release build: trunk, then what a strict Content-Security-Policy and offline use need
//! (Trunk's inline loader moved into a file, the service worker told which files to cache),
//! precompressed copies for the web server, and the size report.

use std::fs;
use std::path::Path;

use crate::run::{Result, cmd, run};

/// First-load budget, brotli bytes (HTML, JS, wasm, CSS: the catalog is inside the wasm).
pub const BUDGET_BYTES: u64 = 150 * 1024;

pub fn serve() -> Result<()> {
    run(cmd(
        "trunk",
        &[
            "serve",
            "--offline",
            "--address",
            "127.0.0.1",
            "--port",
            "8080",
        ],
    ))
}

pub struct SizeReport {
    pub first_load_brotli: u64,
}

pub fn dist() -> Result<SizeReport> {
    run(cmd("trunk", &["build", "--release", "--offline"]))?;
    let dist = Path::new("dist");
    externalise_loader(dist)?;
    fill_service_worker(dist)?;
    size_report(dist)
}

/// FNV-1a: a stable short name for content, no dependency needed.
fn fnv(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Moves Trunk's inline `<script type="module">` into `boot-<hash>.js`, so the page runs
/// under `script-src 'self'` with no 'unsafe-inline'.
fn externalise_loader(dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    let open = "<script type=\"module\">";
    let Some(start) = html.find(open) else {
        return Ok(());
    };
    let body_start = start + open.len();
    let end = html[body_start..]
        .find("</script>")
        .map(|i| body_start + i)
        .ok_or("unterminated inline script in dist/index.html")?;
    let script = html[body_start..end].trim().to_string();
    let name = format!("boot-{}.js", &fnv(script.as_bytes())[..12]);
    fs::write(dist.join(&name), format!("{script}\n")).map_err(|e| e.to_string())?;
    let tag = format!("<script type=\"module\" src=\"./{name}\"></script>");
    let html = format!(
        "{}{tag}{}",
        &html[..start],
        &html[end + "</script>".len()..]
    );
    fs::write(&index, html).map_err(|e| e.to_string())
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

fn fill_service_worker(dist: &Path) -> Result<()> {
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
    let list: Vec<String> = std::iter::once("\"./\"".to_string())
        .chain(names.iter().map(|n| format!("\"./{n}\"")))
        .collect();
    let filled = template
        .replace("__BOUSLA_VERSION__", &fnv(&fingerprint)[..12])
        .replace("__BOUSLA_ASSETS__", &format!("[{}]", list.join(", ")));
    fs::write(&sw, filled).map_err(|e| e.to_string())
}

/// Raw, gzip -9 and brotli -q 11 sizes of every file (node's zlib, already installed for the
/// tests), the precompressed .gz/.br copies nginx serves, and the first-load total.
fn size_report(dist: &Path) -> Result<SizeReport> {
    const SCRIPT: &str = r#"
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const dir = process.argv[1];
const files = fs.readdirSync(dir).filter(f => fs.statSync(path.join(dir, f)).isFile() && !/\.(br|gz)$/.test(f) && f !== 'size-report.json').sort();
const rows = files.map(f => {
  const raw = fs.readFileSync(path.join(dir, f));
  const gz = zlib.gzipSync(raw, { level: 9 });
  const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  if (/\.(html|js|css|wasm|svg|json|webmanifest|txt)$/.test(f)) { fs.writeFileSync(path.join(dir, f + '.gz'), gz); fs.writeFileSync(path.join(dir, f + '.br'), br); }
  // The catalog's text is one file per language; a holder loads one (the Arabic one, the largest, is counted).
  const firstLoad = /\.(html|css|wasm)$/.test(f) || (/\.js$/.test(f) && f !== 'sw.js' && f !== 'embed.js') || /^catalog-.*\.ar\.txt$/.test(f);
  return { file: f, raw: raw.length, gzip: gz.length, brotli: br.length, first_load: firstLoad };
});
const total = (k) => rows.filter(r => r.first_load).reduce((s, r) => s + r[k], 0);
const report = { files: rows, first_load: { raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') } };
fs.writeFileSync(path.join(dir, 'size-report.json'), JSON.stringify(report, null, 2));
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
console.log('file'.padEnd(40) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
for (const r of rows) console.log((r.first_load ? '* ' : '  ') + r.file.padEnd(38) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
console.log('first load (*)'.padEnd(40) + kb(report.first_load.raw) + kb(report.first_load.gzip) + kb(report.first_load.brotli));
console.log('FIRST_LOAD_BROTLI=' + report.first_load.brotli);
"#;
    let out = cmd("node", &["-e", SCRIPT, &dist.display().to_string()])
        .output()
        .map_err(|e| format!("cannot run node for the size report: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "size report failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut first_load_brotli = 0;
    for line in text.lines() {
        match line.strip_prefix("FIRST_LOAD_BROTLI=") {
            Some(n) => first_load_brotli = n.trim().parse().unwrap_or(0),
            None => println!("{line}"),
        }
    }
    println!(
        "first-load budget: {:.1} KB brotli",
        BUDGET_BYTES as f64 / 1024.0
    );
    Ok(SizeReport { first_load_brotli })
}
