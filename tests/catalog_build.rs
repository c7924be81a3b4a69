//! The build itself against a hostile catalog: the very build script cargo compiled for this
//! crate (build.rs, `target/<profile>/build/bousla-*/build-script-build`) run on a copy of
//! data/catalog to which a pull request added a `*.toml` symlink to a secret outside the
//! catalog, a FIFO, a 4 GiB file and a `loop -> .` link. The build must fail at once (no hang,
//! no unbounded read), name each entry once, and print nothing of the secret. The same copy
//! without them builds, so the failure is theirs.
//!
//! Chosen over a `cargo build` of a copied crate: that needs its own target directory (cargo
//! holds the shared one while tests run) and minutes of compiling on 2 cores; the compiled build
//! script is the same code, run the way cargo runs it (working directory, OUT_DIR, TARGET).

#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The newest build script binary of this crate in the target directory of this test.
fn build_script() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    // target/<profile>/deps/<test> → target/<profile>/build
    let build = exe
        .parent()
        .and_then(Path::parent)
        .map(|p| p.join("build"))
        .expect("target/<profile>/build");
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&build)
        .expect("target/<profile>/build exists")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("bousla-"))
        .map(|e| e.path().join("build-script-build"))
        .filter(|p| p.is_file())
        .filter_map(|p| Some((fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    found.sort();
    found
        .pop()
        .map(|(_, p)| p)
        .expect("cargo compiled the build script before this test")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create");
    for entry in fs::read_dir(from).expect("read catalog") {
        let entry = entry.expect("entry");
        let kind = entry.file_type().expect("type");
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_dir(&entry.path(), &target);
        } else if kind.is_file() {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bousla-build-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs the build script in `root` (holding `data/catalog`) as cargo would, for the host.
fn run_build_script(root: &Path) -> Run {
    let out = root.join("out");
    fs::create_dir_all(&out).expect("OUT_DIR");
    let start = Instant::now();
    let mut child = Command::new(build_script())
        .current_dir(root)
        .env("OUT_DIR", &out)
        .env("CARGO_MANIFEST_DIR", root)
        .env("TARGET", "x86_64-unknown-linux-gnu")
        .env("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the build script runs");
    // A FIFO once hung the build forever: give it a minute, then call it a hang.
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the build script hung on the hostile catalog");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    Run {
        ok: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        took: start.elapsed(),
    }
}

/// The build failed fast, with one error line per entry, and nothing else of note.
fn expect_refused(run: &Run, entries: &[(&str, &str)]) {
    let all = format!("{}\n{}", run.stdout, run.stderr);
    assert!(!run.ok, "the build must fail:\n{all}");
    assert!(run.took < Duration::from_secs(30), "took {:?}", run.took);
    for (entry, says) in entries {
        let lines = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("error") && l.contains(entry) && l.contains(says))
            .count();
        assert_eq!(lines, 1, "{entry}: one clear error, got:\n{all}");
    }
    assert!(
        !all.contains("do_not_print_me"),
        "the secret's contents leaked:\n{all}"
    );
    // No flood (a loop once printed 9,000 duplicate-id errors).
    let errors = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error"))
        .count();
    assert_eq!(errors, entries.len(), "{}", run.stderr);
}

#[test]
fn the_build_refuses_symlinks_fifos_and_huge_files_in_the_catalog_without_leaking_or_hanging() {
    // The copy as it is builds: the failure below comes from the hostile entries alone.
    let clean = scratch("clean");
    copy_dir(Path::new("data/catalog"), &clean.join("data/catalog"));
    let run = run_build_script(&clean);
    assert!(run.ok, "a copy of the real catalog builds:\n{}", run.stderr);
    assert!(clean.join("out/catalog.postcard").is_file());

    // A pull request's links and special files: refused while the folder is walked, before
    // any file is read.
    let root = scratch("hostile");
    let catalog = root.join("data/catalog");
    copy_dir(Path::new("data/catalog"), &catalog);
    let secrets = scratch("secrets");
    fs::write(
        secrets.join("ci-secret.txt"),
        "GITHUB_TOKEN=ghp_do_not_print_me\n",
    )
    .expect("secret");
    std::os::unix::fs::symlink(secrets.join("ci-secret.txt"), catalog.join("leak.toml"))
        .expect("symlink");
    std::os::unix::fs::symlink(".", catalog.join("programs/loop")).expect("loop link");
    let made = Command::new("mkfifo")
        .arg(catalog.join("pipe.toml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let run = run_build_script(&root);
    expect_refused(
        &run,
        &[
            ("leak.toml", "is a symbolic link"),
            ("programs/loop", "is a symbolic link"),
            ("pipe.toml", "named pipe (FIFO)"),
        ],
    );

    // A huge file: refused by its size, before it is read. 4 GiB, sparse: nothing is written to
    // disk, but a loader that read it would not end.
    let big = scratch("huge");
    copy_dir(Path::new("data/catalog"), &big.join("data/catalog"));
    fs::File::create(big.join("data/catalog/huge.toml"))
        .and_then(|f| f.set_len(4 << 30))
        .expect("huge file");
    let run = run_build_script(&big);
    expect_refused(&run, &[("huge.toml", "over the 1048576-byte limit")]);
    for dir in [clean, root, secrets, big] {
        let _ = fs::remove_dir_all(dir);
    }
}
