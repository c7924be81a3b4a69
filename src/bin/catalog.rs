//! `catalog`: the command-line tool of the people who keep Bousla's catalog.
//!
//!     catalog validate [DIR]                 check every file; exit 1 on any error
//!     catalog stats [--json] [DIR]            programs by kind and region, desks, languages, dates
//!     catalog match PROFILE.json [--json] [--lang ar|ary|fr|en] [--dir DIR]
//!     catalog audit [--json] [DIR]            what to check next: old checks and sources, closing
//!                                             dates, desks without phone or address, missing doors
//!     catalog links [--json] [--concurrency N] [--timeout SECS] [DIR]
//!                                             every URL over the network; exit 1 if one is broken
//!
//!     catalog eval [--json] [--cases DIR] [--dir DIR] [--today YYYY-MM-DD]
//!                                             the evaluation set (docs/evaluation.md); exit 1 if a
//!                                             case is broken
//!
//!     catalog staff-code [--salt SALT]       reads a kiosk's staff code on standard input and
//!                                             prints the `staff=SALT.HASH` option (office counts)
//!
//! DIR defaults to data/catalog. Usage errors and bad input exit with code 2.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // `catalog stats | head` closes the pipe early: leave quietly instead of panicking.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.to_string().contains("Broken pipe") {
            std::process::exit(0);
        }
        default_hook(info);
    }));
    let args: Vec<String> = std::env::args().skip(1).collect();
    match bousla_cli::run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!("{}", bousla_cli::USAGE);
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod bousla_cli {
    use super::*;
    use bousla::catalog::load::load_dir;
    use bousla::catalog::{Catalog, Date, Lang, Region, SupportKind};
    use bousla::engine::Profile;
    use serde_json::json;

    pub const USAGE: &str = "usage:\n  catalog validate [DIR]\n  catalog stats [--json] [DIR]\n  catalog match PROFILE.json [--json] [--lang ar|ary|fr|en] [--dir DIR]\n  catalog audit [--json] [DIR]   (old checks and sources, closing dates, desks without phone or precise address, programs without a door, confidence)\n  catalog links [--json] [--concurrency N] [--timeout SECS] [DIR]   (checks every URL; needs the network; exit 1 if one is broken)\n  catalog eval [--json] [--cases DIR] [--dir DIR] [--today YYYY-MM-DD]   (the evaluation set in tests/cases; exit 1 if a case is broken)\n  catalog staff-code [--salt SALT]   (reads a kiosk's staff code on standard input, prints the staff=SALT.HASH option of office counts)\n(DIR defaults to data/catalog)";

    struct Opts {
        json: bool,
        lang: Lang,
        dir: PathBuf,
        positional: Vec<String>,
        /// `links`: requests at once, and seconds allowed to each.
        concurrency: usize,
        timeout: std::time::Duration,
    }

    fn parse(args: &[String]) -> Result<Opts, String> {
        let mut o = Opts {
            json: false,
            lang: Lang::En,
            dir: PathBuf::from("data/catalog"),
            positional: Vec::new(),
            concurrency: 8,
            timeout: std::time::Duration::from_secs(15),
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--json" => o.json = true,
                "--lang" => {
                    let v = it.next().ok_or("--lang needs a value")?;
                    o.lang = Lang::from_code(v).ok_or_else(|| {
                        format!("unknown language `{v}`: use ar, ary (Darija), fr or en")
                    })?;
                }
                "--dir" => o.dir = PathBuf::from(it.next().ok_or("--dir needs a value")?),
                "--concurrency" => {
                    let v = it.next().ok_or("--concurrency needs a value")?;
                    o.concurrency = match v.parse() {
                        Ok(n) if (1..=64).contains(&n) => n,
                        _ => return Err(format!("--concurrency `{v}`: give 1 to 64")),
                    };
                }
                "--timeout" => {
                    let v = it.next().ok_or("--timeout needs a value")?;
                    o.timeout = match v.parse::<f64>() {
                        Ok(s) if (0.1..=300.0).contains(&s) => {
                            std::time::Duration::from_secs_f64(s)
                        }
                        _ => return Err(format!("--timeout `{v}`: give seconds from 0.1 to 300")),
                    };
                }
                s if s.starts_with("--") => return Err(format!("unknown option `{s}`")),
                _ => o.positional.push(a.clone()),
            }
        }
        Ok(o)
    }

    /// `staff-code`: the kiosk option for a staff code read on standard input (never an
    /// argument, which shell histories and process lists keep). The salt is random unless given.
    fn staff_code(args: &[String]) -> Result<ExitCode, String> {
        use bousla::counts::code::StaffCode;
        use std::hash::{BuildHasher, Hasher};
        let salt = match args {
            [] => {
                // 128 bits from the system's randomness (std seeds each RandomState from it).
                let mut salt = String::new();
                for _ in 0..2 {
                    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
                    h.write_u64(0);
                    salt.push_str(&format!("{:016x}", h.finish()));
                }
                salt
            }
            [flag, s] if flag == "--salt" => s.clone(),
            _ => return Err("staff-code takes only --salt SALT".to_string()),
        };
        let mut code = String::new();
        std::io::stdin()
            .read_line(&mut code)
            .map_err(|e| format!("cannot read the code: {e}"))?;
        let code = code.trim();
        if code.chars().count() < 8 {
            return Err("give a staff code of at least 8 characters on standard input".to_string());
        }
        let option = StaffCode::new(&salt, code).option();
        StaffCode::parse(&option)
            .map_err(|_| "the salt must be 8 to 64 lowercase letters and digits".to_string())?;
        println!("staff={option}");
        Ok(ExitCode::SUCCESS)
    }

    fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_unix_seconds(secs)
    }

    pub fn run(args: &[String]) -> Result<ExitCode, String> {
        let (cmd, rest) = args.split_first().ok_or("no command given")?;
        if cmd == "eval" {
            return eval_cmd(rest);
        }
        if cmd == "staff-code" {
            return staff_code(rest);
        }
        let mut o = parse(rest)?;
        match cmd.as_str() {
            "validate" => {
                if let Some(d) = o.positional.first() {
                    o.dir = PathBuf::from(d);
                }
                Ok(validate(&o))
            }
            "stats" => {
                if let Some(d) = o.positional.first() {
                    o.dir = PathBuf::from(d);
                }
                let catalog = load(&o)?;
                stats(&catalog, o.json);
                Ok(ExitCode::SUCCESS)
            }
            "match" => {
                let path = o
                    .positional
                    .first()
                    .ok_or("match needs a PROFILE.json file")?;
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {path}: {e}"))?;
                let profile = Profile::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
                let catalog = load(&o)?;
                matches(&catalog, &profile, &o);
                Ok(ExitCode::SUCCESS)
            }
            "audit" => {
                if let Some(d) = o.positional.first() {
                    o.dir = PathBuf::from(d);
                }
                let catalog = load(&o)?;
                let report = bousla::officer::audit::audit(&catalog, today());
                if o.json {
                    let v = serde_json::to_value(&report).map_err(|e| e.to_string())?;
                    println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
                } else {
                    print!("{}", bousla::officer::audit::render(&report, 15));
                }
                Ok(ExitCode::SUCCESS)
            }
            "links" => {
                if let Some(d) = o.positional.first() {
                    o.dir = PathBuf::from(d);
                }
                let catalog = load(&o)?;
                Ok(links(&catalog, &o))
            }
            "help" | "--help" | "-h" => {
                println!("{USAGE}");
                Ok(ExitCode::SUCCESS)
            }
            other => Err(format!("unknown command `{other}`")),
        }
    }

    fn validate(o: &Opts) -> ExitCode {
        let loaded = load_dir(&o.dir, today());
        for issue in &loaded.issues {
            println!("{issue}");
        }
        let errors = loaded.issues.iter().filter(|i| i.is_error()).count();
        let warnings = loaded.issues.len() - errors;
        match loaded.catalog {
            Some(c) if errors == 0 => {
                println!(
                    "ok: {} programs, {} providers, {} desks, {} pathways in {} files ({warnings} warnings)",
                    c.programs.len(),
                    c.providers.len(),
                    c.desks.len(),
                    c.pathways.len(),
                    loaded.files.len()
                );
                ExitCode::SUCCESS
            }
            _ => {
                println!("failed: {errors} errors, {warnings} warnings");
                ExitCode::from(1)
            }
        }
    }

    fn load(o: &Opts) -> Result<Catalog, String> {
        let loaded = load_dir(&o.dir, today());
        loaded.catalog.ok_or_else(|| {
            let errors: Vec<String> = loaded
                .issues
                .iter()
                .filter(|i| i.is_error())
                .map(|i| i.to_string())
                .collect();
            format!(
                "the catalog in {} does not validate:\n{}",
                o.dir.display(),
                errors.join("\n")
            )
        })
    }

    fn links(c: &Catalog, o: &Opts) -> ExitCode {
        use bousla::officer::links::{Options, catalog_links, check, render, summary};
        let list = catalog_links(c);
        eprintln!(
            "checking {} links in {}, {} at a time, {:.1} s allowed to each request…",
            list.len(),
            o.dir.display(),
            o.concurrency,
            o.timeout.as_secs_f64()
        );
        let opts = Options {
            concurrency: o.concurrency,
            timeout: o.timeout,
            proxy_from_env: true,
        };
        let results = check(&list, &opts);
        let s = summary(&results);
        if o.json {
            let v = json!({ "summary": s, "links": results });
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        } else {
            print!("{}", render(&results));
        }
        if s.broken > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    fn stats(c: &Catalog, as_json: bool) {
        let reaches = |p: &bousla::catalog::Program, r: Region| {
            (p.criteria.regions.is_empty() || p.criteria.regions.contains(&r))
                && (p.criteria.provinces.is_empty()
                    || p.criteria.provinces.iter().any(|q| q.region() == r))
        };
        let regional = |p: &bousla::catalog::Program| {
            !p.criteria.regions.is_empty() || !p.criteria.provinces.is_empty()
        };
        let rows: Vec<_> = Region::ALL
            .iter()
            .map(|&r| {
                let programs = c.programs.iter().filter(|p| reaches(p, r)).count();
                let own = c
                    .programs
                    .iter()
                    .filter(|p| regional(p) && reaches(p, r))
                    .count();
                let desks = c.desks.iter().filter(|d| d.region == Some(r)).count();
                (r, programs, own, desks)
            })
            .collect();
        let kinds: Vec<_> = SupportKind::ALL
            .iter()
            .map(|&k| {
                (
                    k,
                    c.programs.iter().filter(|p| p.kinds.contains(&k)).count(),
                )
            })
            .collect();
        let oldest = c
            .programs
            .iter()
            .map(|p| (p.freshness(), p.id.as_str()))
            .filter_map(|(f, id)| match f {
                bousla::catalog::Freshness::Checked(d)
                | bousla::catalog::Freshness::SourceDated(d) => Some((d, id)),
                bousla::catalog::Freshness::Unknown => None,
            })
            .min();
        let national_desks = c.desks.iter().filter(|d| d.region.is_none()).count();
        let uncertain = c
            .programs
            .iter()
            .filter(|p| p.confidence != bousla::catalog::Confidence::Confirmed)
            .count();
        if as_json {
            let v = json!({
                "programs": c.programs.len(),
                "providers": c.providers.len(),
                "desks": c.desks.len(),
                "pathways": c.pathways.len(),
                "not_fully_confirmed": uncertain,
                "regions": rows.iter().map(|(r, p, own, d)| json!({"region": r.id(), "programs": p, "regional_programs": own, "desks": d})).collect::<Vec<_>>(),
                "national_desks": national_desks,
                "kinds": kinds.iter().map(|(k, n)| json!({"kind": k.id(), "programs": n})).collect::<Vec<_>>(),
                "languages": { "ar": "complete", "fr": "complete", "en": "complete" },
                "oldest_check": oldest.map(|(d, id)| json!({"date": d.to_string(), "program": id})),
            });
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            return;
        }
        println!(
            "{} programs, {} providers, {} desks ({} national), {} pathways; {} programs not fully confirmed",
            c.programs.len(),
            c.providers.len(),
            c.desks.len(),
            national_desks,
            c.pathways.len(),
            uncertain
        );
        println!(
            "\n{:<28} {:>9} {:>9} {:>6}",
            "region", "programs", "regional", "desks"
        );
        for (r, p, own, d) in &rows {
            println!("{:<28} {:>9} {:>9} {:>6}", r.id(), p, own, d);
        }
        println!("\n{:<16} {:>9}", "kind", "programs");
        for (k, n) in &kinds {
            println!("{:<16} {:>9}", k.id(), n);
        }
        println!(
            "\nlanguages: ar, fr and en complete for every record (validation rejects a missing translation)"
        );
        if let Some((d, id)) = oldest {
            println!("oldest check or source date: {d} ({id})");
        }
    }

    fn matches(c: &Catalog, profile: &Profile, o: &Opts) {
        if o.json {
            let v = bousla::report::json(c, profile, o.lang, today());
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        } else {
            print!("{}", bousla::report::text(c, profile, o.lang, today()));
        }
    }

    /// `catalog eval`: runs the evaluation set (tests/cases, see docs/evaluation.md) over the
    /// catalog; exit 1 when a case is broken, 2 on bad cases or options.
    fn eval_cmd(args: &[String]) -> Result<ExitCode, String> {
        let mut as_json = false;
        let mut cases_dir = PathBuf::from("tests/cases");
        let mut dir = PathBuf::from("data/catalog");
        let mut day = today();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--json" => as_json = true,
                "--cases" => {
                    cases_dir = PathBuf::from(it.next().ok_or("--cases needs a directory")?)
                }
                "--dir" => dir = PathBuf::from(it.next().ok_or("--dir needs a directory")?),
                "--today" => {
                    let v = it.next().ok_or("--today needs a date")?;
                    day = Date::parse(v)
                        .ok()
                        .filter(|d| d.is_full())
                        .ok_or_else(|| format!("--today `{v}`: write YYYY-MM-DD"))?;
                }
                other => return Err(format!("eval: unexpected argument `{other}`")),
            }
        }
        let cases = bousla::eval::load_cases(&cases_dir).map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            format!("bad evaluation cases:\n{}", lines.join("\n"))
        })?;
        let loaded = load_dir(&dir, day);
        let catalog = loaded.catalog.ok_or_else(|| {
            format!(
                "the catalog in {} does not validate (run `catalog validate`)",
                dir.display()
            )
        })?;
        let report = bousla::eval::evaluate(&catalog, &cases, day);
        if as_json {
            let v = bousla::eval::to_json(&report);
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        } else {
            print!("{}", bousla::eval::render_text(&report));
        }
        Ok(if report.totals.broken > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod bousla_cli {
    use super::*;
    pub const USAGE: &str = "the catalog tool runs natively, not in wasm";
    pub fn run(_: &[String]) -> Result<ExitCode, String> {
        let _ = PathBuf::new();
        Err(USAGE.to_string())
    }
}
