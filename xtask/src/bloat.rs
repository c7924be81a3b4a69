//! Where the wasm's bytes are: the release wasm built again with its function names kept, put
//! through the same wasm-bindgen as the shipped one, then read by twiggy. It prints the 20 largest functions and data items and the bytes per
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
    tools::shipped_wasm(&mut build)?;
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
    // Read before wasm-opt: twiggy 0.7.0 panics on wasm-opt's output when it keeps names
    // ("should not parse the same key into multiple items": functions merged under one name).
    let wasm = format!("{bound}/bousla_bg.wasm");
    let csv = output("twiggy", &["top", "--format", "csv", &wasm])
        .ok_or_else(|| format!("twiggy could not read {wasm}"))?;
    let items = items(&csv)?;
    let report = render(&items);
    print!("{report}");
    let path = Path::new(DIR).join("report.txt");
    fs::write(&path, &report).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("  (also in {})", path.display());
    Ok(())
}

/// The wasm's items from twiggy's `top --format csv`, without its custom sections (names,
/// producers, wasm-bindgen's own): the shipped wasm has none of them.
fn items(csv: &str) -> Result<Vec<(String, u64)>> {
    let mut list = Vec::new();
    for line in csv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let fields = csv_fields(line);
        let (Some(name), Some(size)) = (fields.first(), fields.get(1)) else {
            return Err(format!("twiggy's csv has a line without a size: {line}"));
        };
        let size: u64 = size
            .trim()
            .parse()
            .map_err(|_| format!("twiggy's csv has a size that is not a number: {line}"))?;
        if name.contains("subsection") || name.starts_with("custom section") {
            continue;
        }
        list.push((name.clone(), size));
    }
    Ok(list)
}

/// The 20 largest items, then the bytes per crate and the app's code per module.
fn render(items: &[(String, u64)]) -> String {
    let total: u64 = items.iter().map(|(_, b)| b).sum();
    let pct = |b: u64| 100.0 * b as f64 / total.max(1) as f64;
    let mut largest: Vec<&(String, u64)> = items.iter().collect();
    largest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = format!(
        "Where the wasm's bytes are: {total} B of code and data, read after wasm-bindgen and \
         before wasm-opt (the shipped file is smaller; the shares are what to compare).\n\
         The 20 largest items:\n"
    );
    for (name, bytes) in largest.iter().take(20) {
        out.push_str(&format!(
            "  {bytes:>9} B {:>5.1} %  {}\n",
            pct(*bytes),
            without_hash(name)
        ));
    }
    // The app's own share by module: what a feature weighs, before deciding whether it can
    // leave the first load (Leptos's generic code built for a view counts as the view's).
    for (title, sums) in [
        ("Bytes per crate", by_crate(items)),
        ("This app's code per module", by_module(items)),
    ] {
        out.push_str(&format!("{title}:\n"));
        for (name, bytes) in sums {
            out.push_str(&format!(
                "  {name:<40} {bytes:>9} B {:>5.1} %\n",
                pct(bytes)
            ));
        }
    }
    out
}

/// Sums this app's items by module (two levels: `ui::card`, `engine::rank`), largest first.
fn by_module(items: &[(String, u64)]) -> Vec<(String, u64)> {
    summed(items, module_of)
}

/// The module of this app that an item's code is written in, up to two levels deep: a
/// segment is a module when a name goes on after it, so `bousla::browser::warn` and
/// `bousla::browser::warn::{closure#0}` are `browser`'s and
/// `bousla::ui::card::Card::{closure#0}` is `ui::card`'s. None for other crates' items;
/// `(crate root)` for items right under the crate, such as `bousla::start`.
fn module_of(name: &str) -> Option<String> {
    if crate_of(name) != APP {
        return None;
    }
    let named = without_hash(name);
    let start = named.find(&format!("{APP}::"))? + APP.len() + 2;
    let mut path = Vec::new();
    let mut rest = &named[start..];
    while path.len() < 2 {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let (segment, after) = rest.split_at(end);
        // A function's closures and generics (`f::{closure#0}`, `f::<T>`) are the function's.
        let module = !segment.is_empty()
            && segment.starts_with(|c: char| c.is_lowercase())
            && after
                .strip_prefix("::")
                .is_some_and(|next| next.starts_with(|c: char| c.is_alphanumeric() || c == '_'));
        if !module {
            break;
        }
        path.push(segment);
        rest = &after[2..];
    }
    Some(if path.is_empty() {
        "(crate root)".into()
    } else {
        path.join("::")
    })
}

/// This app's crate, as its names start.
const APP: &str = "bousla";

/// The fields of one csv line: commas inside quotes are kept, `""` is a quote.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = fields.last_mut() {
                    f.push('"');
                }
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

/// A name without rustc's hashes, which change with every build: the legacy scheme's
/// `a::b::h0123456789abcdef` suffix and the v0 scheme's crate disambiguators,
/// `bousla[2ba5a3b4ff2c2756]::ui` (the shipped wasm's nightly mangles with v0).
fn without_hash(name: &str) -> String {
    let name = match name.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
            head
        }
        _ => name,
    };
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        // A hash follows a crate's name and has at least 8 hex digits; `data[0]` and
        // `code[12]` are twiggy's own names, and `[u8; 4]` a type: kept.
        let crate_before = rest[..open]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let hash = after.find(']').filter(|&close| {
            crate_before && close >= 8 && after[..close].chars().all(|c| c.is_ascii_hexdigit())
        });
        match hash {
            Some(close) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Sums the items by crate, largest first.
fn by_crate(items: &[(String, u64)]) -> Vec<(String, u64)> {
    summed(items, |name| Some(crate_of(name)))
}

/// Sums the items by the key `key_of` gives them (items without one are left out), largest
/// first, ties by key.
fn summed(items: &[(String, u64)], key_of: impl Fn(&str) -> Option<String>) -> Vec<(String, u64)> {
    let mut sums: BTreeMap<String, u64> = BTreeMap::new();
    for (name, size) in items {
        if let Some(key) = key_of(name) {
            *sums.entry(key).or_default() += size;
        }
    }
    let mut list: Vec<(String, u64)> = sums.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
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
    // The standard library's crates carry their hash: `core[c5930c85a12de822]::str::…`.
    let head = s.find("::").map(|i| match s[..i].split_once('[') {
        Some((name, hash))
            if hash
                .trim_end_matches(']')
                .chars()
                .all(|c| c.is_ascii_hexdigit()) =>
        {
            name
        }
        _ => &s[..i],
    });
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
        assert_eq!(
            crate_of(
                "<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<dlmalloc[e24a27700634d609]::sys::System>>::malloc"
            ),
            "dlmalloc"
        );
        assert_eq!(
            crate_of("core[c5930c85a12de822]::str::slice_error_fail_rt"),
            "core"
        );
        assert_eq!(crate_of("code[12]"), "(unnamed code)");
        assert_eq!(
            crate_of("\"function names\" subsection"),
            "(other: tables, imports, exports, sections)"
        );
    }

    #[test]
    fn sizes_add_up_per_crate_and_custom_sections_are_left_out() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   \"\"\"function names\"\" subsection\",999,50.0,,\n\
                   \"<a::X<u8, u16> as core::ops::Fn>::call::h0123456789abcdef\",100,1.0,,\n\
                   a::y,50,0.5,,\n\
                   core::fmt::write,30,0.3,,\n\
                   data[0],7,0.1,,\n";
        let items = items(csv).unwrap();
        assert_eq!(items.len(), 4);
        assert_eq!(
            by_crate(&items),
            vec![
                ("a".to_string(), 150),
                ("core".to_string(), 30),
                ("(data segments)".to_string(), 7)
            ]
        );
        let report = render(&items);
        assert!(report.contains("187 B of code and data"), "{report}");
        assert!(
            report.contains("<a::X<u8, u16> as core::ops::Fn>::call\n"),
            "{report}"
        );
    }

    #[test]
    fn the_apps_code_is_summed_per_module_two_levels_deep() {
        assert_eq!(
            module_of("bousla::ui::card::Card::{{closure}}").as_deref(),
            Some("ui::card")
        );
        assert_eq!(
            module_of("bousla::browser::warn").as_deref(),
            Some("browser")
        );
        assert_eq!(
            module_of("bousla::browser::fetch_text::{closure#0}").as_deref(),
            Some("browser")
        );
        assert_eq!(
            module_of("bousla[2ba5a3b4ff2c2756]::engine::rank::rank::h0123456789abcdef").as_deref(),
            Some("engine::rank")
        );
        assert_eq!(
            module_of("<bousla::i18n::speech::Said as core::fmt::Display>::fmt").as_deref(),
            Some("i18n::speech")
        );
        assert_eq!(
            module_of("bousla::ui::when::redrawn::<bousla::ui::card::X>").as_deref(),
            Some("ui::when")
        );
        assert_eq!(module_of("bousla::start").as_deref(), Some("(crate root)"));
        assert_eq!(module_of("leptos::mount::mount_to"), None);
        assert_eq!(module_of("data[3]"), None);
        let items = vec![
            ("bousla::ui::card::a".to_string(), 10),
            ("bousla::ui::card::b".to_string(), 5),
            ("bousla::engine::x".to_string(), 20),
            ("core::fmt::write".to_string(), 99),
        ];
        assert_eq!(
            by_module(&items),
            vec![("engine".to_string(), 20), ("ui::card".to_string(), 15)]
        );
    }

    #[test]
    fn names_are_shown_without_their_hashes() {
        assert_eq!(without_hash("a::b::h0123456789abcdef"), "a::b");
        assert_eq!(
            without_hash(
                "<bousla[2ba5a3b4ff2c2756]::ui::X::{closure#0} as tachys[647b06f8286738ed]::view::Render>::build"
            ),
            "<bousla::ui::X::{closure#0} as tachys::view::Render>::build"
        );
        assert_eq!(without_hash("data[0]"), "data[0]");
        assert_eq!(without_hash("code[12]"), "code[12]");
        assert_eq!(without_hash("a::<[u8; 4]>::f"), "a::<[u8; 4]>::f");
    }

    #[test]
    fn a_size_that_is_not_a_number_is_an_error_not_a_zero() {
        assert!(items("Name,ShallowSize\na::b,lots\n").is_err());
        assert!(items("Name,ShallowSize\na::b\n").is_err());
    }
}
