//! `catalog links` against a server of our own on 127.0.0.1 (std only, one thread per
//! connection): 200, 301 → 200, 302 → 200, 404, 500, a HEAD-refusing page, a redirect loop, a
//! redirect without Location, a closed port, and an endpoint that never answers (it must time
//! out within the 1 s allowed).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use bousla::officer::links::{Failure, Link, Options, Outcome, check, render, summary};

struct Server {
    base: String,
    /// Requests received, to check that each URL is asked a bounded number of times.
    hits: Arc<AtomicUsize>,
}

fn respond(mut stream: TcpStream, hits: &AtomicUsize) {
    hits.fetch_add(1, Ordering::Relaxed);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Read the headers to the blank line.
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {}
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let path = parts.next().unwrap_or("");
    let (status, extra): (&str, String) = match path {
        "/ok" | "/final" => ("200 OK", String::new()),
        "/moved" => ("301 Moved Permanently", "Location: /final\r\n".into()),
        "/temporary" => ("302 Found", "Location: ok\r\n".into()),
        "/missing" => ("404 Not Found", String::new()),
        "/error" => ("500 Internal Server Error", String::new()),
        "/no-head" if method == "HEAD" => ("405 Method Not Allowed", String::new()),
        "/no-head" => ("200 OK", String::new()),
        "/loop" => ("301 Moved Permanently", "Location: /loop2\r\n".into()),
        "/loop2" => ("301 Moved Permanently", "Location: /loop\r\n".into()),
        "/nowhere" => ("302 Found", String::new()),
        "/hang" => {
            // Never answer; keep the connection open longer than the client waits.
            thread::sleep(Duration::from_secs(4));
            return;
        }
        _ => ("404 Not Found", String::new()),
    };
    let body = if method == "HEAD" { "" } else { "hello" };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

fn serve() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let counter = Arc::clone(&counter);
            thread::spawn(move || respond(stream, &counter));
        }
    });
    Server { base, hits }
}

fn link(server: &Server, path: &str) -> Link {
    Link {
        url: format!("{}{path}", server.base),
        places: vec![format!("program `test`: sources[{path}]")],
    }
}

fn options() -> Options {
    Options {
        concurrency: 4,
        timeout: Duration::from_secs(1),
        proxy_from_env: false,
    }
}

fn closed_port() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    format!("http://{addr}/")
}

#[test]
fn every_kind_of_answer_is_reported_with_what_to_do() {
    let server = serve();
    let paths = [
        "/ok",
        "/moved",
        "/temporary",
        "/missing",
        "/error",
        "/no-head",
        "/loop",
        "/nowhere",
        "/hang",
    ];
    let mut links: Vec<Link> = paths.iter().map(|p| link(&server, p)).collect();
    links.push(Link {
        url: closed_port(),
        places: vec!["desk `closed`: website".into()],
    });
    let start = Instant::now();
    let results = check(&links, &options());
    let elapsed = start.elapsed();
    assert_eq!(results.len(), links.len());
    let by = |p: &str| {
        let url = format!("{}{p}", server.base);
        results
            .iter()
            .find(|r| r.url == url)
            .unwrap_or_else(|| panic!("{p} checked"))
    };

    assert_eq!(by("/ok").outcome, Outcome::Ok { code: 200 });
    assert_eq!(by("/ok").method, "HEAD");

    match &by("/moved").outcome {
        Outcome::Moved {
            code,
            final_url,
            permanent,
        } => {
            assert_eq!(*code, 200);
            assert_eq!(final_url, &format!("{}/final", server.base));
            assert!(permanent);
        }
        other => panic!("moved: {other:?}"),
    }
    assert_eq!(by("/moved").redirects[0].code, 301);

    match &by("/temporary").outcome {
        Outcome::Moved {
            final_url,
            permanent,
            ..
        } => {
            assert_eq!(
                final_url,
                &format!("{}/ok", server.base),
                "relative Location"
            );
            assert!(!permanent);
        }
        other => panic!("temporary: {other:?}"),
    }

    for (p, code) in [("/missing", 404), ("/error", 500)] {
        assert_eq!(
            by(p).outcome,
            Outcome::Broken {
                failure: Failure::Status { code }
            },
            "{p}"
        );
        assert_eq!(
            by(p).method,
            "GET",
            "{p}: an HTTP error to HEAD is asked again with GET"
        );
    }

    assert_eq!(by("/no-head").outcome, Outcome::Ok { code: 200 });
    assert_eq!(by("/no-head").method, "GET");

    assert!(
        matches!(
            &by("/loop").outcome,
            Outcome::Broken {
                failure: Failure::Redirect { .. }
            }
        ),
        "{:?}",
        by("/loop").outcome
    );
    assert!(
        matches!(
            &by("/nowhere").outcome,
            Outcome::Broken {
                failure: Failure::Redirect { .. }
            }
        ),
        "{:?}",
        by("/nowhere").outcome
    );

    assert_eq!(
        by("/hang").outcome,
        Outcome::Broken {
            failure: Failure::Timeout
        }
    );
    assert!(
        by("/hang").millis < 2_500,
        "the hanging endpoint took {} ms with a 1 s timeout",
        by("/hang").millis
    );

    let closed = results.last().expect("closed port checked");
    assert_eq!(
        closed.outcome,
        Outcome::Broken {
            failure: Failure::ConnectionRefused
        }
    );

    let s = summary(&results);
    assert_eq!((s.checked, s.ok, s.moved, s.broken), (10, 2, 2, 6));
    // Four at a time: the hanging request does not hold the others up.
    assert!(
        elapsed < Duration::from_secs(5),
        "whole run took {elapsed:?}"
    );

    let report = render(&results);
    assert!(
        report.contains("10 links checked: 2 ok, 2 moved, 6 broken"),
        "{report}"
    );
    assert!(!report.contains("No server answered"), "{report}");
    // The closed port alone: nothing answered, the report asks whether the machine is online.
    let offline = render(&results[results.len() - 1..]);
    assert!(offline.contains("No server answered at all"), "{offline}");
    assert!(
        report.contains(&format!("{}/missing — HTTP 404", server.base)),
        "{report}"
    );
    assert!(
        report.contains("cited by program `test`: sources[/missing]"),
        "{report}"
    );
    assert!(
        report.contains(&format!("{}/moved → {}/final", server.base, server.base)),
        "{report}"
    );
    assert!(
        report.contains("permanently: update the catalog"),
        "{report}"
    );

    let json = serde_json::to_value(&results).expect("serializes");
    let moved = json
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|r| r["url"] == format!("{}/moved", server.base))
        })
        .expect("moved in JSON");
    assert_eq!(moved["state"], "moved");
    assert_eq!(moved["final_url"], format!("{}/final", server.base));
    let missing = json
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|r| r["url"] == format!("{}/missing", server.base))
        })
        .expect("missing in JSON");
    assert_eq!(missing["state"], "broken");
    assert_eq!(missing["failure"]["kind"], "status");
    assert_eq!(missing["failure"]["code"], 404);
}

#[test]
fn concurrency_one_checks_in_order_and_asks_each_url_a_bounded_number_of_times() {
    let server = serve();
    let links: Vec<Link> = ["/ok", "/missing", "/moved"]
        .iter()
        .map(|p| link(&server, p))
        .collect();
    let opts = Options {
        concurrency: 1,
        ..options()
    };
    let results = check(&links, &opts);
    let urls: Vec<&str> = results.iter().map(|r| r.url.as_str()).collect();
    let expected: Vec<String> = links.iter().map(|l| l.url.clone()).collect();
    assert_eq!(urls, expected, "results keep the order of the links");
    // ok: HEAD; missing: HEAD + GET; moved: HEAD + HEAD of /final.
    assert_eq!(server.hits.load(Ordering::Relaxed), 5);
}

#[test]
fn the_catalogs_links_are_listed_once_with_every_place_that_cites_them() {
    use bousla::catalog::{Date, load::load_dir};
    let loaded = load_dir(
        std::path::Path::new("data/catalog"),
        Date::ymd(2026, 11, 30),
    );
    let Some(catalog) = loaded.catalog else {
        // Another test reports a catalog that does not validate.
        return;
    };
    let links = bousla::officer::links::catalog_links(&catalog);
    assert!(links.len() > 100, "{} links", links.len());
    let mut urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
    let n = urls.len();
    urls.dedup();
    assert_eq!(urls.len(), n, "each URL once");
    assert!(links.iter().all(|l| !l.places.is_empty()));
    assert!(
        links
            .iter()
            .any(|l| l.places.iter().any(|p| p.starts_with("desk `")))
    );
}

#[test]
fn the_links_command_checks_a_catalog_and_fails_on_a_broken_link() {
    let server = serve();
    let dir = std::env::temp_dir().join(format!("bousla-links-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let name = r#"{ ar = "اسم", fr = "Nom", en = "Name" }"#;
    let base = &server.base;
    std::fs::write(
        dir.join("cat.toml"),
        format!(
            r#"
[[provider]]
id = "prov"
name = {name}
website = "{base}/moved"
sources = [{{ url = "{base}/ok" }}, {{ url = "{base}/missing" }}]
"#
        ),
    )
    .expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(["links", "--json", "--timeout", "1", "--concurrency", "2"])
        .arg(&dir)
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("all_proxy")
        .env_remove("ALL_PROXY")
        .output()
        .expect("catalog runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "a broken link fails: {stdout}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(v["summary"]["checked"], 3);
    assert_eq!(v["summary"]["ok"], 1);
    assert_eq!(v["summary"]["moved"], 1);
    assert_eq!(v["summary"]["broken"], 1);
    let missing = v["links"]
        .as_array()
        .and_then(|a| a.iter().find(|l| l["state"] == "broken"))
        .expect("the broken link");
    assert_eq!(missing["url"], format!("{base}/missing"));
    assert_eq!(missing["places"][0], "provider `prov`: sources[1]");

    let usage = std::process::Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(["links", "--concurrency", "0"])
        .arg(&dir)
        .output()
        .expect("catalog runs");
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("--concurrency `0`"));
}
