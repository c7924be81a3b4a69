//! The wasm cut into chunks fetched on first use (`src/ui/chunk.rs`): what Trunk cannot do.
//! Trunk builds the page, the styles and the wasm with the `split` feature; then, from cargo's
//! own wasm (linked with `--emit-relocs`), wasm-split writes the main module, one wasm per chunk
//! and the JavaScript that loads them; wasm-bindgen and wasm-opt run on the main module, wasm-opt
//! on each chunk, and Trunk's two files are replaced by these, every name carrying one hash of
//! the whole set (a new build never mixes with chunks of an older one in a cache).

use std::fs;
use std::path::{Path, PathBuf};

use crate::chunk_groups;
use crate::run::{Result, cmd, run};

/// cargo's wasm for the release build (Trunk's `--release`).
const CARGO_WASM: &str = "target/wasm32-unknown-unknown/release/bousla.wasm";
/// Scratch space, rebuilt on every run.
const WORK: &str = "target/bousla-split";
/// wasm-opt's options for every module: the features of index.html's Trunk link.
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--strip-debug",
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// What the split build's other steps need to know.
pub struct Split {
    /// The main wasm's integrity (`sha384-…`), which the boot script's fetch carries (see
    /// [`without_integrity`]).
    pub wasm_integrity: String,
    /// The wasm files the results' screen loads (its chunk's group and the shared group it waits for):
    /// the size report counts them in the first load.
    pub results: Vec<String>,
    /// The wasm chunks a holder's screens load (the results' and the extras'): the service
    /// worker precaches them; it keeps the others (the adviser's page, the office counts) when
    /// used.
    pub for_holders: Vec<String>,
}

pub fn split(dist: &Path) -> Result<Split> {
    let stem = trunk_stem(dist)?;
    let work = Path::new(WORK);
    let _ = fs::remove_dir_all(work);
    let (chunks_dir, bound) = (work.join("split"), work.join("bound"));
    fs::create_dir_all(&chunks_dir).map_err(|e| e.to_string())?;
    run(cmd(
        "wasm-split-cli",
        &[CARGO_WASM, path(&chunks_dir)?, "--out-name", "main"],
    ))?;
    let link_path = chunks_dir.join("__wasm_split.js");
    let loader = chunk_groups::parse(&fs::read_to_string(&link_path).map_err(|e| e.to_string())?)?;
    let groups = loader.groups();
    let features: Vec<&str> = WASM_OPT
        .iter()
        .copied()
        .filter(|o| o.starts_with("--enable-"))
        .collect();
    chunk_groups::merge(&chunks_dir, &groups, &features)?;
    fs::write(&link_path, loader.render(&groups)).map_err(|e| e.to_string())?;
    run(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--no-demangle",
            "--out-name",
            "main",
            "--out-dir",
            path(&bound)?,
            path(&chunks_dir.join("main.wasm"))?,
        ],
    ))?;
    let main_wasm = bound.join("main_bg.wasm");
    trim_glue(&bound.join("main.js"), &main_wasm)?;
    optimise(&main_wasm)?;
    let chunks = chunk_files(&chunks_dir)?;
    for c in &chunks {
        optimise(c)?;
    }

    let read = |p: &Path| fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let (main_js, link_js) = (bound.join("main.js"), chunks_dir.join("__wasm_split.js"));
    let mut all = Vec::new();
    for p in [&main_wasm, &main_js, &link_js].into_iter().chain(&chunks) {
        all.extend(read(p)?);
    }
    let id = &crate::dist::fnv(&all)[..16];
    let names = Names::new(id, &chunks)?;

    let text = |p: &Path| String::from_utf8(read(p)?).map_err(|e| e.to_string());
    // Only the import statements: the imports object keeps the module name the wasm asks for.
    let main_js = text(&main_js)?
        .replace(
            "from \"./__wasm_split.js\"",
            &format!("from \"./{}\"", names.link_js),
        )
        .replace("main_bg.wasm", &names.main_wasm);
    let mut link_js = text(&link_js)?.replace("./main.js", &format!("./{}", names.main_js));
    for (chunk, renamed) in chunks.iter().zip(&names.chunks) {
        let file = chunk
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        link_js = link_js.replace(&format!("\"./{file}\""), &format!("\"./{renamed}\""));
    }
    if main_js.contains("from \"./__wasm_split.js\"") || link_js.contains("./main.js") {
        return Err(
            "wasm-split or wasm-bindgen changed its file names: update xtask/src/split.rs".into(),
        );
    }

    let write =
        |name: &str, bytes: &[u8]| fs::write(dist.join(name), bytes).map_err(|e| e.to_string());
    for old in [format!("{stem}.js"), format!("{stem}_bg.wasm")] {
        fs::remove_file(dist.join(old)).map_err(|e| e.to_string())?;
    }
    let module = crate::minify::Script::Module;
    write(
        &names.main_js,
        crate::minify::js(&main_js, module, "main.js")?.as_bytes(),
    )?;
    write(&names.main_wasm, &read(&main_wasm)?)?;
    write(
        &names.link_js,
        crate::minify::js(&link_js, module, "link.js")?.as_bytes(),
    )?;
    for (chunk, renamed) in chunks.iter().zip(&names.chunks) {
        write(renamed, &read(chunk)?)?;
    }
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| e.to_string())?;
    let mut html = html
        .replace(&format!("{stem}_bg.wasm"), &names.main_wasm)
        .replace(&format!("{stem}.js"), &names.main_js);
    html = with_integrity(&html, &names.main_js, &sha384(&dist.join(&names.main_js))?)?;
    let wasm_integrity = format!("sha384-{}", sha384(&dist.join(&names.main_wasm))?);
    html = without_integrity(&html, &names.main_wasm)?;
    let shipped = |entry: &str| -> Result<Vec<String>> {
        let renamed = |file: &String| {
            chunks
                .iter()
                .zip(&names.chunks)
                .find(|(c, _)| c.file_name().is_some_and(|n| n == file.as_str()))
                .map(|(_, r)| r.clone())
                .ok_or_else(|| format!("the {entry} chunk's file {file} was not written"))
        };
        loader.loads(&groups, entry).iter().map(renamed).collect()
    };
    let (results, extras) = (shipped("results")?, shipped("extras")?);
    fs::write(&index, with_results_preload(&html, &results, &extras)?)
        .map_err(|e| e.to_string())?;
    let mut for_holders = results.clone();
    for_holders.extend(extras.into_iter().filter(|f| !results.contains(f)));
    Ok(Split {
        wasm_integrity,
        results,
        for_holders,
    })
}

/// A page opened on the results (a share link, a reload on the review, the results or a
/// program's page, with or without a shared link's answers riding along: `results&a=…`) fetches
/// the results' chunks beside the main wasm instead of after it: the loader script asks for
/// them before it starts the app. Other pages fetch them at the first question
/// (`src/ui/chunk.rs`).
/// The pages that open on the results (JavaScript, tested against `location.hash`): a share
/// link, the review, the results (either with a shared link's answers after it) and a
/// program's page. The results' chunks here, and the program texts in the boot script
/// (`dist::with_first_paint`), are fetched beside the main wasm on these pages.
pub const OPENS_ON_RESULTS: &str = "/^#(a=|(review|results)(&|$)|p=)/";

/// Among those, the pages that open on the review or a program's page: they fetch the extras'
/// chunks (`src/ui/chunk.rs`) early instead of the results'.
pub const OPENS_ON_EXTRAS: &str = "/^#(review(&|$)|p=)/";

fn with_results_preload(html: &str, results: &[String], extras: &[String]) -> Result<String> {
    let open = "<script type=\"module\">";
    let at = html
        .find(open)
        .map(|i| i + open.len())
        .ok_or("dist/index.html has no inline module script (Trunk's loader)")?;
    let list = |files: &[String]| {
        let quoted: Vec<String> = files.iter().map(|c| format!("'./{c}'")).collect();
        quoted.join(", ")
    };
    let prelude = format!(
        "\nif ({OPENS_ON_RESULTS}.test(location.hash)) \
         for (const href of {OPENS_ON_EXTRAS}.test(location.hash) ? [{}] : [{}]) {{\n  \
         const l = document.createElement('link');\n  \
         Object.assign(l, {{ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }});\n  \
         document.head.append(l);\n}}",
        list(extras),
        list(results)
    );
    Ok(format!("{}{prelude}{}", &html[..at], &html[at..]))
}

/// Trunk's `<link … href="./name" … integrity="sha384-…">` with the digest of the file now there.
pub fn with_integrity(html: &str, name: &str, digest: &str) -> Result<String> {
    Ok(match integrity_value(html, name)? {
        Some((value, close)) => format!("{}sha384-{digest}{}", &html[..value], &html[close..]),
        None => html.to_string(),
    })
}

/// Trunk's `<link rel="preload" href="./name" …>` without its integrity. Chromium ignores the
/// integrity of a `preload` of this kind (and warns), and wasm-bindgen's own fetch of the wasm
/// carries none, so the wasm was never checked: the boot script's `fetch` carries it instead,
/// and takes over the preloaded download (`dist::with_first_paint`).
fn without_integrity(html: &str, name: &str) -> Result<String> {
    const ATTR: &str = " integrity=\"";
    Ok(match integrity_value(html, name)? {
        Some((value, close)) => format!("{}{}", &html[..value - ATTR.len()], &html[close + 1..]),
        None => html.to_string(),
    })
}

/// Where the value of the `integrity` attribute of the `<link>` of `name` is (from, to the
/// closing quote), if it has one.
fn integrity_value(html: &str, name: &str) -> Result<Option<(usize, usize)>> {
    let at = html
        .find(&format!("href=\"./{name}\""))
        .ok_or_else(|| format!("dist/index.html does not link {name}"))?;
    let end = at
        + html[at..]
            .find('>')
            .ok_or("unterminated <link> in dist/index.html")?;
    let Some(attr) = html[at..end].find(" integrity=\"") else {
        return Ok(None);
    };
    let value = at + attr + " integrity=\"".len();
    let close = value
        + html[value..]
            .find('"')
            .ok_or("unterminated integrity attribute")?;
    Ok(Some((value, close)))
}

/// Base64 SHA-384 of a file, by node (installed for the tests; xtask stays std-only).
pub fn sha384(file: &Path) -> Result<String> {
    const SCRIPT: &str = "process.stdout.write(require('crypto').createHash('sha384')\
        .update(require('fs').readFileSync(process.argv[1])).digest('base64'))";
    crate::run::output("node", &["-e", SCRIPT, path(file)?])
        .filter(|d| !d.is_empty())
        .ok_or_else(|| format!("cannot hash {}", file.display()))
}

/// A chunk no holder's screen needs (only the adviser's page or the office counts load it):
/// the service worker keeps it when it is used, and a kiosk keeps all of them. `for_holders`
/// ([`Split::for_holders`]) are precached with the app.
pub fn is_kept_when_used(name: &str, for_holders: &[String]) -> bool {
    name.ends_with(".wasm")
        && !name.starts_with("bousla-")
        && !for_holders.iter().any(|f| f == name)
}

/// The names shipped: `bousla-<id>.js`, `bousla-<id>_bg.wasm`, `split-<id>.js` and
/// `<chunk>-<id>.wasm`, which the nginx configuration caches as immutable.
struct Names {
    main_js: String,
    main_wasm: String,
    link_js: String,
    chunks: Vec<String>,
}

impl Names {
    fn new(id: &str, chunks: &[PathBuf]) -> Result<Self> {
        let chunks = chunks
            .iter()
            .map(|c| {
                let stem = c
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .ok_or("chunk without a name")?;
                Ok(format!("{}-{id}.wasm", stem.replace('.', "_")))
            })
            .collect::<Result<_>>()?;
        Ok(Self {
            main_js: format!("bousla-{id}.js"),
            main_wasm: format!("bousla-{id}_bg.wasm"),
            link_js: format!("split-{id}.js"),
            chunks,
        })
    }
}

/// `bousla-<hash>` from Trunk's `bousla-<hash>_bg.wasm`.
fn trunk_stem(dist: &Path) -> Result<String> {
    let mut stems = fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix("_bg.wasm").map(str::to_string))
        .collect::<Vec<_>>();
    match (stems.pop(), stems.is_empty()) {
        (Some(stem), true) => Ok(stem),
        _ => Err("dist/ should hold exactly one Trunk-built `*_bg.wasm`".into()),
    }
}

/// The chunks wasm-split wrote beside `main.wasm`, sorted by name.
fn chunk_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut chunks: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm") && !p.ends_with("main.wasm"))
        .collect();
    chunks.sort();
    Ok(chunks)
}

/// The glue and the main module without the classes JavaScript can never reach (see
/// `dead_classes.rs`), then with short names for what they share (`short_names.rs`), before
/// wasm-opt drops the code only those classes used.
fn trim_glue(js: &Path, wasm: &Path) -> Result<()> {
    let glue = fs::read_to_string(js).map_err(|e| e.to_string())?;
    let module = fs::read(wasm).map_err(|e| e.to_string())?;
    let pruned = crate::dead_classes::prune(&glue, &module)?;
    let short = crate::short_names::shorten(&pruned.js, &pruned.wasm)?;
    let cut = match pruned.classes.is_empty() {
        true => "none".to_string(),
        false => pruned.classes.join(", "),
    };
    println!(
        "unreachable classes cut: {cut} ({} wasm exports); short names: {} imports, {} exports",
        pruned.exports.len(),
        short.imports,
        short.exports
    );
    fs::write(js, short.js).map_err(|e| e.to_string())?;
    fs::write(wasm, short.wasm).map_err(|e| e.to_string())
}

/// wasm-opt's `-Oz`, then the functions sorted for brotli (`code_order.rs`).
fn optimise(wasm: &Path) -> Result<()> {
    let p = path(wasm)?;
    let mut args = vec![p, "-o", p];
    args.extend_from_slice(WASM_OPT);
    run(cmd("wasm-opt", &args))?;
    let named = crate::code_order::name_by_body(&fs::read(wasm).map_err(|e| e.to_string())?)?;
    fs::write(wasm, named).map_err(|e| e.to_string())?;
    let mut args = vec![p, "-o", p, "--reorder-functions-by-name"];
    args.extend(WASM_OPT.iter().filter(|o| **o != "-Oz"));
    run(cmd("wasm-opt", &args))
}

fn path(p: &Path) -> Result<&str> {
    p.to_str()
        .ok_or_else(|| format!("not a UTF-8 path: {}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_name_carries_the_build_id_where_nginx_caches_hashed_files() {
        let chunks = [
            PathBuf::from("x/split_detail.wasm"),
            PathBuf::from("x/chunk_0_a.b.wasm"),
        ];
        let n = Names::new("0123456789abcdef", &chunks).unwrap();
        let immutable = |name: &str| {
            let (head, ext) = name.rsplit_once('.').unwrap();
            let head = head.strip_suffix("_bg").unwrap_or(head);
            let (_, hash) = head.rsplit_once('-').unwrap();
            ["js", "wasm"].contains(&ext)
                && hash.len() == 16
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
        };
        for name in [&n.main_js, &n.main_wasm, &n.link_js]
            .into_iter()
            .chain(&n.chunks)
        {
            assert!(immutable(name), "{name}");
        }
        assert_eq!(
            n.chunks,
            [
                "split_detail-0123456789abcdef.wasm",
                "chunk_0_a_b-0123456789abcdef.wasm"
            ]
        );
    }

    #[test]
    fn only_the_chunks_of_rare_screens_wait_until_used() {
        let for_holders = [
            "split_results-0123456789abcdef.wasm",
            "split_extras-0123456789abcdef.wasm",
            "chunk_5-0123456789abcdef.wasm",
        ]
        .map(String::from);
        let kept = |name: &str| is_kept_when_used(name, &for_holders);
        assert!(kept("split_adviser-0123456789abcdef.wasm"));
        assert!(kept("split_counts-0123456789abcdef.wasm"));
        assert!(!kept("split_results-0123456789abcdef.wasm"));
        assert!(!kept("split_extras-0123456789abcdef.wasm"));
        assert!(!kept("chunk_5-0123456789abcdef.wasm"));
        assert!(!kept("split-0123456789abcdef.js"));
        // A shared chunk only the adviser's page and the office counts load waits too; the
        // main wasm never does.
        assert!(kept("chunk_9-0123456789abcdef.wasm"));
        assert!(!kept("bousla-0123456789abcdef_bg.wasm"));
    }

    #[test]
    fn the_integrity_of_a_replaced_file_is_its_new_digest() {
        let html = "<link rel=\"modulepreload\" href=\"./a.js\" crossorigin=\"anonymous\" integrity=\"sha384-old\"><link href=\"./b.css\" integrity=\"sha384-css\">";
        let out = with_integrity(html, "a.js", "new").unwrap();
        assert!(
            out.contains("href=\"./a.js\" crossorigin=\"anonymous\" integrity=\"sha384-new\">")
        );
        assert!(out.contains("integrity=\"sha384-css\""));
        assert!(with_integrity(html, "c.js", "x").is_err());
    }

    #[test]
    fn the_wasm_preload_loses_the_integrity_the_browser_ignores_there() {
        let page = "<head><link rel=\"modulepreload\" href=\"./a.js\" integrity=\"sha384-js\"><link rel=\"preload\" href=\"./a_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-wasm\" as=\"fetch\" type=\"application/wasm\"></head>";
        let html = without_integrity(page, "a_bg.wasm").unwrap();
        assert_eq!(
            html,
            "<head><link rel=\"modulepreload\" href=\"./a.js\" integrity=\"sha384-js\"><link rel=\"preload\" href=\"./a_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\"></head>"
        );
        assert_eq!(without_integrity(&html, "a_bg.wasm").unwrap(), html);
        assert!(without_integrity(page, "b_bg.wasm").is_err());
    }

    #[test]
    fn a_page_opened_on_the_results_asks_for_their_chunks_first_and_one_on_the_review_or_a_program_for_the_extras()
     {
        let html = "<head><script type=\"module\">\nimport init from './a.js';\n</script></head>";
        let results = [
            "split_results-1.wasm".to_string(),
            "chunk_7-1.wasm".to_string(),
        ];
        let extras = [
            "split_extras-1.wasm".to_string(),
            "chunk_7-1.wasm".to_string(),
        ];
        let out = with_results_preload(html, &results, &extras).unwrap();
        let pre = out.find("'./split_results-1.wasm'").unwrap();
        assert!(pre < out.find("import init").unwrap());
        assert!(out.contains("if (/^#(a=|(review|results)(&|$)|p=)/.test(location.hash))"));
        // Which page is which is the browser's to test (tests/e2e/chunks.spec.ts).
        assert!(out.contains(
            "/^#(review(&|$)|p=)/.test(location.hash) ? ['./split_extras-1.wasm', './chunk_7-1.wasm'] : ['./split_results-1.wasm', './chunk_7-1.wasm']"
        ));
        assert!(with_results_preload("<head></head>", &results, &extras).is_err());
    }
}
