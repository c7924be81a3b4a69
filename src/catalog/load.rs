//! Reading the catalog's TOML files from a directory (native only: the CLI and the build script).
//!
//! The catalog is read from pull requests too, so the loader trusts nothing but regular files
//! inside the catalog directory: it never follows a symbolic link (it names the link and does
//! not read its target), refuses FIFOs, sockets and devices, skips hidden entries (`.git`,
//! editors' lock files), stops at [`MAX_DEPTH`] levels of folders, and refuses a file over
//! [`MAX_FILE_BYTES`] before reading it. Only the TOML parser's error context (the line at
//! fault of a regular catalog file) ever quotes a file's contents.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::date::Date;
use super::schema::Catalog;
use super::schema::{Desk, Pathway, Program, Provider};
use super::validate::{Issue, SourcedCatalog, validate};

/// The largest catalog file read: the biggest real file is a few tens of kilobytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Folders below the catalog directory (`programs/regional/x.toml` is depth 2).
pub const MAX_DEPTH: usize = 8;
/// Entries (files and folders) looked at in the whole tree.
pub const MAX_ENTRIES: usize = 10_000;

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

fn path_error(path: &Path, message: String) -> Issue {
    Issue::error(path.display().to_string(), None, "", message)
}

/// Reads every `*.toml` under `dir` (sorted, recursively), parses and validates it.
pub fn load_dir(dir: &Path, today: Date) -> Loaded {
    let mut files = Vec::new();
    let mut issues = Vec::new();
    // The directory named on the command line (or by build.rs) may itself be a link: the
    // person who typed it chose it. Everything below it must be a real folder or file.
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => issues.push(path_error(dir, "is not a directory".to_string())),
        Err(e) => issues.push(path_error(
            dir,
            format!("cannot read the catalog directory: {e}"),
        )),
    }
    if issues.is_empty() {
        let mut walk = Walk {
            files: &mut files,
            issues: &mut issues,
            entries: 0,
        };
        walk.dir(dir, 0);
    }
    if !issues.is_empty() {
        return Loaded {
            catalog: None,
            issues,
            files,
        };
    }
    if files.is_empty() {
        issues.push(path_error(dir, "no .toml file found".to_string()));
    }
    let mut sourced = SourcedCatalog::default();
    for path in &files {
        let name = path.display().to_string();
        let text = match read_regular(path) {
            Ok(t) => t,
            Err(message) => {
                issues.push(Issue::error(name, None, "", message));
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

/// What an entry of the catalog tree is, without following a link.
fn kind(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

struct Walk<'a> {
    files: &'a mut Vec<PathBuf>,
    issues: &'a mut Vec<Issue>,
    entries: usize,
}

impl Walk<'_> {
    fn dir(&mut self, dir: &Path, depth: usize) {
        let read = match fs::read_dir(dir) {
            Ok(r) => r,
            Err(e) => {
                self.issues
                    .push(path_error(dir, format!("cannot read the directory: {e}")));
                return;
            }
        };
        let mut entries = Vec::new();
        for entry in read {
            match entry {
                Ok(e) => entries.push(e),
                Err(e) => {
                    self.issues
                        .push(path_error(dir, format!("cannot read the directory: {e}")));
                    return;
                }
            }
        }
        entries.sort_by_key(fs::DirEntry::file_name);
        for entry in entries {
            let path = entry.path();
            // Hidden entries (.git, .DS_Store, an editor's `.#file.toml` lock link) are not
            // catalog files.
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            self.entries += 1;
            if self.entries > MAX_ENTRIES {
                self.issues.push(path_error(
                    &path,
                    format!(
                        "more than {MAX_ENTRIES} files and folders in the catalog: stopped here"
                    ),
                ));
                return;
            }
            // `DirEntry::file_type` does not follow links.
            let t = match entry.file_type() {
                Ok(t) => t,
                Err(e) => {
                    self.issues
                        .push(path_error(&path, format!("cannot read: {e}")));
                    continue;
                }
            };
            if t.is_symlink() {
                self.issues.push(path_error(
                    &path,
                    "is a symbolic link: the catalog reads only real files and folders inside its directory; replace the link with the file itself (the link was not followed)".to_string(),
                ));
            } else if t.is_dir() {
                if depth + 1 > MAX_DEPTH {
                    self.issues.push(path_error(
                        &path,
                        format!(
                            "folders nested more than {MAX_DEPTH} levels deep: move these files up"
                        ),
                    ));
                } else {
                    self.dir(&path, depth + 1);
                }
            } else if !t.is_file() {
                self.issues.push(path_error(
                    &path,
                    format!(
                        "is {}, not a regular file: remove it from the catalog",
                        kind(&t)
                    ),
                ));
            } else if path.extension().is_some_and(|e| e == "toml") {
                self.files.push(path);
            }
        }
    }
}

/// Reads a catalog file that was a regular file when listed: checks again without following a
/// link, bounds the size before and while reading, and checks the opened file is the one listed.
fn read_regular(path: &Path) -> Result<String, String> {
    let listed = fs::symlink_metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    let t = listed.file_type();
    if !t.is_file() {
        return Err(format!("is {}, not a regular file: remove it", kind(&t)));
    }
    if listed.len() > MAX_FILE_BYTES {
        return Err(too_big(listed.len()));
    }
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let opened = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !opened.is_file() || !same_file(&listed, &opened) {
        return Err("changed while the catalog was read: run again".to_string());
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 text (first bad byte at offset {}): save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

fn too_big(len: u64) -> String {
    format!(
        "is {len} bytes, over the {MAX_FILE_BYTES}-byte limit of a catalog file: split it into several files"
    )
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len()
}
