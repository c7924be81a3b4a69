//! Where the wasm's bytes are: the release wasm built again with its function names kept, put
//! through the same wasm-bindgen and `wasm-opt -Oz` as the shipped one (`-g` keeps the names),
//! then read by twiggy. It prints the 20 largest functions and data items and the bytes per
//! crate, and writes both to target/bloat/report.txt, so every change shows its cost.
//!
//! A second build, not the shipped one: the release profile strips names (`strip = true`) and
//! the shipped wasm must stay stripped. Its own target dir keeps trunk's build cached.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::run::{Result, cmd, output, run};
use crate::tools;

const DIR: &str = "target/bloat";
/// The features `index.html` gives wasm-opt for the shipped build.
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn bloat() -> Result<()> {
    tools::ensure_twiggy()?;
    let mut build = cmd(
        "cargo",
        &[
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--bin",
            "bousla",
            "--target-dir",
            DIR,
        ],
    );
    build.env("CARGO_PROFILE_RELEASE_STRIP", "false");
    run(build)?;
    let raw = format!("{DIR}/wasm32-unknown-unknown/release/bousla.wasm");
    let bound = format!("{DIR}/bindgen");
    run(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            &bound,
            &raw,
        ],
    ))?;
    let named = format!("{DIR}/bousla.named.wasm");
    let mut opt = vec![
        "-Oz".to_string(),
        "-g".to_string(),
        format!("{bound}/bousla_bg.wasm"),
        "-o".to_string(),
        named.clone(),
    ];
    opt.extend(WASM_OPT_FEATURES.iter().map(|s| s.to_string()));
    let opt: Vec<&str> = opt.iter().map(String::as_str).collect();
    run(cmd("wasm-opt", &opt))?;

    let top = output("twiggy", &["top", "-n", "20", &named])
        .ok_or("twiggy gave no output for the 20 largest items")?;
    let csv = output("twiggy", &["top", "-a", "--format", "csv", &named])
        .ok_or("twiggy gave no output for the whole list")?;
    let crates = by_crate(&csv)?;
    let total: u64 = crates.iter().map(|(_, b)| b).sum();
    let mut report = String::from("The 20 largest items of the release wasm (names kept):\n");
    report.push_str(&top);
    report.push_str("\nBytes per crate (before compression; data and unnamed items apart):\n");
    for (name, bytes) in &crates {
        report.push_str(&format!(
            "  {name:<28} {bytes:>9} B  {:>5.1} %\n",
            100.0 * *bytes as f64 / total.max(1) as f64
        ));
    }
    report.push_str(&format!("  {:<28} {total:>9} B\n", "total"));
    print!("{report}");
    let path = Path::new(DIR).join("report.txt");
    fs::write(&path, &report).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("  (also in {})", path.display());
    Ok(())
}

/// Sums twiggy's `top -a --format csv` rows (`Name,ShallowSize,ShallowSizePercent`) by crate,
/// largest first.
fn by_crate(csv: &str) -> Result<Vec<(String, u64)>> {
    let mut sums: BTreeMap<String, u64> = BTreeMap::new();
    for line in csv.lines().skip(1) {
        // The name may hold commas (generic arguments); the two numbers are the last fields.
        let mut fields = line.rsplitn(3, ',');
        let (_percent, size, name) = (fields.next(), fields.next(), fields.next());
        let (Some(size), Some(name)) = (size, name) else {
            continue;
        };
        let size: u64 = size
            .trim()
            .parse()
            .map_err(|_| format!("twiggy's csv has a size that is not a number: {line}"))?;
        *sums.entry(crate_of(name.trim_matches('"'))).or_default() += size;
    }
    let mut list: Vec<(String, u64)> = sums.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(list)
}

/// The crate a demangled name belongs to: the first path segment, looking through `<T as
/// Trait>` to the type (the code is the type's; a bare type parameter's is the trait's), `&`,
/// `dyn` and `mut`. Items without a path
/// (data segments, wasm-bindgen's imports, unnamed code) are grouped by kind.
fn crate_of(name: &str) -> String {
    let mut s = name.trim();
    loop {
        let before = s;
        for prefix in ["<", "&", "mut ", "dyn ", "impl ", "*const ", "*mut ", "("] {
            s = s.strip_prefix(prefix).unwrap_or(s).trim_start();
        }
        if s == before {
            break;
        }
    }
    if s.starts_with("data[") {
        return "(data segments)".into();
    }
    if s.starts_with("code[") || s.starts_with("func[") {
        return "(unnamed code)".into();
    }
    let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '_');
    let head = s.find("::").map(|i| &s[..i]);
    match head {
        Some(h) if word(h) => h.to_string(),
        // `<&T as core::fmt::Display>`: a blanket impl on a type parameter is the trait's code.
        Some(h) if h.contains(" as ") && word(h.rsplit(" as ").next().unwrap_or("")) => {
            h.rsplit(" as ").next().unwrap_or("").to_string()
        }
        _ => "(other: tables, imports, exports, sections)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_belongs_to_the_crate_of_its_type() {
        assert_eq!(crate_of("leptos::mount::mount_to"), "leptos");
        assert_eq!(
            crate_of(
                "<tachys::view::iterators::OptionState<T> as tachys::view::Mountable>::unmount"
            ),
            "tachys"
        );
        assert_eq!(crate_of("<&T as core::fmt::Display>::fmt"), "core");
        assert_eq!(crate_of("bousla::ui::card::Card::{{closure}}"), "bousla");
        assert_eq!(crate_of("data[3]"), "(data segments)");
        assert_eq!(crate_of("code[12]"), "(unnamed code)");
        assert_eq!(
            crate_of("\"function names\" subsection"),
            "(other: tables, imports, exports, sections)"
        );
    }

    #[test]
    fn sizes_add_up_per_crate_and_commas_in_names_are_kept() {
        let csv = "Name,ShallowSize,ShallowSizePercent\n\
                   \"<a::X<u8, u16> as core::ops::Fn>::call\",100,1.0\n\
                   a::y,50,0.5\n\
                   core::fmt::write,30,0.3\n\
                   data[0],7,0.1\n";
        assert_eq!(
            by_crate(csv).unwrap(),
            vec![
                ("a".to_string(), 150),
                ("core".to_string(), 30),
                ("(data segments)".to_string(), 7)
            ]
        );
    }

    #[test]
    fn a_size_that_is_not_a_number_is_an_error_not_a_zero() {
        assert!(by_crate("Name,ShallowSize,ShallowSizePercent\na::b,lots,1\n").is_err());
    }
}
