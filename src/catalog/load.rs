//! Reading the catalog's TOML files from a directory (native only: the CLI and the build script).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::date::Date;
use super::schema::Catalog;
use super::schema::{Desk, Pathway, Program, Provider};
use super::validate::{Issue, SourcedCatalog, validate};

/// One catalog file: any mix of the four kinds of record.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    program: Vec<Program>,
    #[serde(default)]
    provider: Vec<Provider>,
    #[serde(default)]
    desk: Vec<Desk>,
    #[serde(default)]
    pathway: Vec<Pathway>,
}

/// The outcome of loading a directory: the catalog when there is no error, and every issue found.
pub struct Loaded {
    pub catalog: Option<Catalog>,
    pub issues: Vec<Issue>,
    pub files: Vec<PathBuf>,
}

/// Reads every `*.toml` under `dir` (sorted, recursively), parses and validates it.
pub fn load_dir(dir: &Path, today: Date) -> Loaded {
    let mut files = Vec::new();
    let mut issues = Vec::new();
    if let Err(e) = collect_toml(dir, &mut files) {
        issues.push(Issue::error(
            dir.display().to_string(),
            None,
            "",
            format!("cannot read the catalog directory: {e}"),
        ));
        return Loaded {
            catalog: None,
            issues,
            files,
        };
    }
    if files.is_empty() {
        issues.push(Issue::error(
            dir.display().to_string(),
            None,
            "",
            "no .toml file found".to_string(),
        ));
    }
    let mut sourced = SourcedCatalog::default();
    for path in &files {
        let name = path.display().to_string();
        let text = match fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                issues.push(Issue::error(name, None, "", format!("cannot read: {e}")));
                continue;
            }
        };
        match parse_file(&text) {
            Ok(file) => {
                sourced
                    .programs
                    .extend(file.program.into_iter().map(|r| (name.clone(), r)));
                sourced
                    .providers
                    .extend(file.provider.into_iter().map(|r| (name.clone(), r)));
                sourced
                    .desks
                    .extend(file.desk.into_iter().map(|r| (name.clone(), r)));
                sourced
                    .pathways
                    .extend(file.pathway.into_iter().map(|r| (name.clone(), r)));
            }
            Err(message) => issues.push(Issue::error(name, None, "", message)),
        }
    }
    let (catalog, more) = validate(sourced, today);
    issues.extend(more);
    let has_error = issues.iter().any(Issue::is_error);
    Loaded {
        catalog: (!has_error).then_some(catalog),
        issues,
        files,
    }
}

fn parse_file(text: &str) -> Result<CatalogFile, String> {
    toml::from_str(text).map_err(|e| e.to_string().trim_end().replace('\n', "\n    "))
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}
