//! The size report of dist/: raw, gzip -9 and brotli -q 11 bytes of every file, the
//! precompressed .gz/.br copies a web server can send as they are, and the first-load total.
//! Compression runs in node's zlib (installed for the tests anyway), so no gzip or brotli
//! command, and no Rust compression crate, is needed.

use std::path::Path;

use crate::run::{Result, cmd};

/// First-load budget, brotli bytes: what a holder downloads on a first visit (HTML, JS, wasm, CSS,
/// and the catalog's texts in one language; the heaviest language counts, which is Darija: the
/// Arabic program texts plus its own 3 KB table). The project started at 150 KB; it measured 189 KB
/// with 62 programs and 121 desks, 232 KB on 2026-11-30 with 75 programs, 184 desks, the new
/// ranking, doors, share links v2 and text-table hashes, 263.4 KB later that day with office counts
/// (+16 KB), read-aloud (+7 KB), the Darija loader and plural rules (+1 KB), and 280.8 KB with
/// issue 13's flow (history, review page, adviser mode, results opening on the answer: +27.4 KB of
/// shell) less 10.4 KB of sources the browser never showed; 266.9 KB once the programs' sources
/// moved to their own table, fetched with a program's page (-16.5 KB of Arabic texts) and the wasm
/// lost serde, the standard sorts and a copy-heavy Darija loader. The line is held just above that
/// measurement to catch any further growth; issue 14 set out to bring it to 120 KB, which
/// every feature kept on Leptos cannot reach (docs/size.md). Then 295.0 KB: the review, the results and a program's page moved into
/// wasm chunks fetched while the holder answers (the first screen 56.9 KB lighter), which cost 27.9
/// KB on the way to the results (chunks are compressed apart and call the main module through its
/// table). Then 295.4 KB: the app starts in steps of their own and the browser checks the text
/// tables itself (+0.4 KB, for a welcome page whose blocking time in Lighthouse fell from 206–258
/// ms to 37–194 ms). Then 298.2 KB: the boot script draws the welcome in the holder's language
/// before the wasm arrives, with the words of Arabic, French and English (+2.8 KB, for a welcome on
/// screen about a second earlier on slow 4G, and a message with "Try again" where the page stayed
/// blank when the wasm could not be downloaded). Then 279.0 KB: the release wasm built by a pinned
/// nightly with the standard library rebuilt for panics that abort at once, std's
/// `optimize_for_size` and shallow `Debug` (−19.2 KB; `tools::NIGHTLY`). Then 279.7 KB: a page
/// opening on the programs (a share link) downloads its texts beside the wasm rather than after it
/// (+0.7 KB: the tables' names and integrities in the boot script, the app taking its download
/// over; Lighthouse's results page 110–140 ms sooner at its largest paint). Then 261.7 KB: the
/// review, sharing, the printed sheet and a program's page left the results' chunk for one of their
/// own, fetched once the first screen's cards are drawn (−18.0 KB; Lighthouse's results page about
/// 170 ms sooner at its largest paint). Then 254.5 KB: office counts and the staff's screen left
/// the main module for the counts' chunk, which only a counting kiosk fetches, and the ranking's
/// code went with the screens that show it (−7.2 KB). Then 255.4 KB: the in-browser ranking timer
/// (an export, so always in the main module) calls into the results' chunk, and the ranking's code
/// left the main module for good (shell −4.1 KB; +0.9 KB on the way to the results, where it is
/// compressed apart and called through the table). Then 249.9 KB: the interface's words of French
/// and English left the wasm for tables of their own, like Darija's, downloaded with the page in
/// the language shown (the wasm −7.7 KB; a French holder downloads 3.5 KB of French words beside
/// it, an Arabic one nothing): 248.1 KB. Then 246.6 KB: the classes of `wasm-streams` that
/// JavaScript can never reach left the glue and the main module (−1.5 KB; `dead_classes.rs`). Then
/// 241.8 KB: the imports and exports the glue and the main module share got one- or two-letter
/// names instead of wasm-bindgen's hashed and mangled ones (−4.8 KB; `short_names.rs`). Then 237.3
/// KB: scripts and styles minified (terser, clean-css: −4.5 KB; `minify.rs`). Then 230.2 KB: the
/// programs' benefits and steps to apply, which the cards never show, left each language's texts
/// for a details table fetched once the first cards are drawn (−7.1 KB; `src/ui/details.rs`). Then
/// 226.5 KB: a kiosk's QR codes of links on the cards come with sharing's chunk, and with them the
/// QR encoder left the way to the first cards of every holder (−3.7 KB). Then 226.7 KB: the
/// programs' websites joined the details tables and providers' websites, never shown, left the
/// browser (−0.2 KB), and the staff's five taps made before the counts' chunk is here are
/// remembered by the first load (+0.3 KB, as the shortcut already was). Then 221.6 KB: the wasm
/// chunks the same holder's screens load merged into one file each, compressed together (the
/// results' eight files became two: −5.1 KB; `chunk_groups.rs`). Then 218.5 KB: every wasm's
/// functions sorted by how their bodies begin, so alike code sits together for brotli (−2.9 KB;
/// `code_order.rs`), and the panic hook the shipped build never runs left out (−0.1 KB). Then 211.1
/// KB: the program texts, the sources and a chunk's view loaded through effects, signals and tasks
/// instead of `LocalResource` and `Suspend`, whose machinery the main module carried for those
/// alone (−7.4 KB; docs/size.md, "Less of Leptos's machinery"). Then 210.0 KB: `Show` replaced by a
/// memo and a closure (`ui::when`, −1.0 KB). Then 195.8 KB: Leptos's generic code (conditional
/// views, keyed lists, chunked views, effects) compiled once through boxed closures, the inline
/// answer widgets out of the main module, the catalog decoded rather than cloned, programs compared
/// by identity and no libm `pow` (−14.0 KB; docs/size.md, "One copy of Leptos's generic code").
/// Then 195.4 KB: the reasons' lists and bounds worded by one copy of their code, a card's lines
/// and a desk's details drawn by one function each (−0.4 KB; docs/size.md, "Where the results' time
/// goes"), and the start in one more step (+0.1 KB). The same 195.4 KB after the results drawn in
/// smaller tasks (+0.4 KB; docs/size.md, "Compiling in smaller tasks") and no Rust `main` in the
/// browser (−0.3 KB). Then 192.5 KB: wasm-streams' classes left unexported at link time, so their
/// code left the main module (−2.9 KB; `link_filter.rs`). Then 189.2 KB: fewer of Leptos's
/// renderers and no context lookups (−3.3 KB; docs/size.md, "Fewer renderers, and no context
/// lookups").
pub const BUDGET_BYTES: u64 = 189 * 1024 + 256;

/// The app shell (HTML, JS, wasm, CSS): what the first screen needs before anything else
/// (184 KB measured on 2026-11-30 morning, 212.2 KB with office counts and read-aloud, 239.6 KB
/// with issue 13's flow, 241.1 KB with its last parts and the results drawn one card per task,
/// after 11.6 KB of cuts; 184.5 KB with everything past the questions in wasm chunks; 185.2 KB
/// with the start in steps and the tables checked by the browser; 188.1 KB with the welcome
/// drawn by the boot script before the wasm arrives; 171.3 KB with the release wasm built by
/// a pinned nightly, see `tools::NIGHTLY`; 172.1 KB with the texts of a share link downloaded
/// beside the wasm; 161.5 KB with office counts, the staff's screen and the ranking out of the
/// main module; 157.4 KB with the in-browser ranking timer's code in the results' chunk).
/// From here the heaviest language's shell, with the interface words it waits for: 153.8 KB
/// (French; Arabic 150.3 KB) once French and English words are tables like Darija's; 152.2 KB
/// (Arabic 148.7 KB) without the classes JavaScript can never reach; 147.5 KB (Arabic 144.0 KB)
/// with short import and export names; 142.9 KB (Arabic 139.4 KB) with scripts and styles
/// minified; 143.1 KB (Arabic 139.6 KB) with the details tables' digests; 143.3 KB (Arabic
/// 139.8 KB) with the staff's early taps remembered; 141.0 KB (Arabic 137.5 KB) with the
/// functions sorted for brotli and no panic hook; 133.4 KB (Arabic 129.9 KB) without
/// `LocalResource` and `Suspend`; 132.4 KB (Arabic 128.9 KB) without `Show`; 126.2 KB (Arabic
/// 122.7 KB) with Leptos's generic code compiled once and the inline answer widgets in chunks;
/// the same after the start's extra step; 126.0 KB (Arabic 122.5 KB) with no Rust `main` in
/// the browser (std's start-up and shut-down left out); 123.0 KB (Arabic 119.5 KB) with
/// wasm-streams' classes left unexported at link time; 120.2 KB (Arabic 116.6 KB) with fewer
/// renderers and the state in statics rather than contexts.
pub const SHELL_BUDGET_BYTES: u64 = 120 * 1024 + 256;

pub struct SizeReport {
    pub first_load_brotli: u64,
    pub shell_brotli: u64,
}

const SCRIPT: &str = r#"
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const dir = process.argv[1];
const files = fs.readdirSync(dir)
  .filter(f => fs.statSync(path.join(dir, f)).isFile() && !/\.(br|gz)$/.test(f) && f !== 'size-report.json')
  .sort();
// The page, its scripts, styles and main wasm load at once; the embed script and the service
// worker do not (the worker installs after the first screen). The wasm chunks (xtask/src/split.rs)
// load when their view is first drawn: the results' chunk and the shared chunk it waits for
// (argv[2], from the chunks' groups: xtask/src/chunk_groups.rs) count with the results; the extras (the review,
// sharing, the printed sheet, a program's page: drawn after the results' cards or on pages of
// their own), the adviser's page and the office counts do not.
const RESULTS = (process.argv[2] || '').split(',').filter(Boolean);
const resultsChunk = f => RESULTS.includes(f);
const laterChunk = f => /\.wasm$/.test(f) && !f.startsWith('bousla-') && !resultsChunk(f);
const atLoad = f => (/\.(html|css|wasm)$/.test(f) && !laterChunk(f)) || (/\.js$/.test(f) && f !== 'sw.js' && f !== 'embed.js');
// The catalog's texts: one file per language, and a holder downloads only theirs. Darija
// (`ary`) shows the Arabic texts. The interface's own words are in the wasm for Arabic only;
// French, English and Darija download theirs with the page (catalog-<hash>.<lang>-ui.txt),
// which the first screen waits for: they count in that language's shell too.
const isTexts = f => /^catalog-.*\.txt$/.test(f);
const isWords = f => /^catalog-.*-ui\.txt$/.test(f);
const LANGS = { ar: ['ar'], fr: ['fr', 'fr-ui'], en: ['en', 'en-ui'], ary: ['ar', 'ary-ui'] };
const rows = files.map(f => {
  const raw = fs.readFileSync(path.join(dir, f));
  const gz = zlib.gzipSync(raw, { level: 9 });
  const br = zlib.brotliCompressSync(raw, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
  } });
  if (/\.(html|js|css|wasm|svg|json|webmanifest|txt)$/.test(f)) {
    fs.writeFileSync(path.join(dir, f + '.gz'), gz);
    fs.writeFileSync(path.join(dir, f + '.br'), br);
  }
  return { file: f, raw: raw.length, gzip: gz.length, brotli: br.length, first_load: atLoad(f) };
});
// Each language's first load: the shell and that language's tables. Count the heaviest one:
// the budget must hold for every holder.
const shellRows = rows.filter(r => r.first_load);
const tablesOf = l => rows.filter(r => LANGS[l].some(t => r.file.endsWith('.' + t + '.txt') && isTexts(r.file)));
const perLang = Object.keys(LANGS)
  .map(l => ({ lang: l, brotli: [...shellRows, ...tablesOf(l)].reduce((s, r) => s + r.brotli, 0) }))
  .filter(x => tablesOf(x.lang).length > 0);
const heaviest = perLang.slice().sort((a, b) => b.brotli - a.brotli)[0];
if (heaviest) for (const r of tablesOf(heaviest.lang)) r.first_load = true;
const total = k => rows.filter(r => r.first_load).reduce((s, r) => s + r[k], 0);
const report = {
  files: rows,
  first_load: {
    files: rows.filter(r => r.first_load).map(r => r.file),
    raw: total('raw'), gzip: total('gzip'), brotli: total('brotli'),
  },
  first_load_per_language: Object.fromEntries(perLang.map(x => [x.lang, x.brotli])),
};
fs.writeFileSync(path.join(dir, 'size-report.json'), JSON.stringify(report, null, 2) + '\n');
const kb = n => (n / 1024).toFixed(1).padStart(9) + ' KB';
console.log('  ' + 'file'.padEnd(40) + 'raw'.padStart(12) + 'gzip'.padStart(12) + 'brotli'.padStart(12));
for (const r of rows) console.log((r.first_load ? (resultsChunk(r.file) ? '+ ' : '* ') : '  ') + r.file.padEnd(40) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
console.log('  ' + 'first load (* and +)'.padEnd(40) + kb(report.first_load.raw) + kb(report.first_load.gzip) + kb(report.first_load.brotli));
// The shell of each language: what its first screen needs (the page, scripts, styles, main
// wasm, and its interface words unless Arabic); the heaviest counts.
const shellBase = rows.filter(r => atLoad(r.file) && !resultsChunk(r.file)).reduce((s, r) => s + r.brotli, 0);
const shellPerLang = Object.keys(LANGS).map(l => ({ lang: l,
  brotli: shellBase + tablesOf(l).filter(r => isWords(r.file)).reduce((s, r) => s + r.brotli, 0) }));
const shell = Math.max(...shellPerLang.map(x => x.brotli));
report.shell_per_language = Object.fromEntries(shellPerLang.map(x => [x.lang, x.brotli]));
fs.writeFileSync(path.join(dir, 'size-report.json'), JSON.stringify(report, null, 2) + '\n');
console.log('  ' + 'app shell (first screen, heaviest language)'.padEnd(40) + ''.padStart(12) + ''.padStart(12) + kb(shell));
for (const x of shellPerLang) console.log('  ' + ('app shell, ' + x.lang + ' (' + x.brotli + ' B)').padEnd(40) + ''.padStart(12) + ''.padStart(12) + kb(x.brotli));
for (const x of perLang) console.log('  ' + ('first load, ' + x.lang + ' (' + x.brotli + ' B)').padEnd(40) + ''.padStart(12) + ''.padStart(12) + kb(x.brotli));
console.log('FIRST_LOAD_BROTLI=' + report.first_load.brotli);
console.log('SHELL_BROTLI=' + shell);
"#;

/// `results`: the wasm chunks the results' screen loads (`split::Split::results`).
pub fn report(dist: &Path, results: &[String]) -> Result<SizeReport> {
    let out = cmd(
        "node",
        &[
            "-e",
            SCRIPT,
            &dist.display().to_string(),
            &results.join(","),
        ],
    )
    .output()
    .map_err(|e| format!("cannot run node for the size report: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "size report failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut first_load_brotli = None;
    let mut shell_brotli = 0;
    for line in text.lines() {
        if let Some(n) = line.strip_prefix("FIRST_LOAD_BROTLI=") {
            first_load_brotli = n.trim().parse().ok();
        } else if let Some(n) = line.strip_prefix("SHELL_BROTLI=") {
            shell_brotli = n.trim().parse().unwrap_or(0);
        } else {
            println!("{line}");
        }
    }
    let first_load_brotli = first_load_brotli.ok_or("the size report gave no first-load total")?;
    println!(
        "  first-load budget {:.1} KB brotli; report in {}",
        kb(BUDGET_BYTES),
        dist.join("size-report.json").display()
    );
    Ok(SizeReport {
        first_load_brotli,
        shell_brotli,
    })
}

pub fn kb(bytes: u64) -> f64 {
    bytes as f64 / 1024.0
}
