//! `catalog links`: checks every URL of the catalog the way a holder's browser would reach it,
//! for program officers on a connected machine.
//!
//! Each distinct URL is asked once: `HEAD` first; `GET` when `HEAD` is refused or fails with an
//! HTTP error (many servers answer 403, 405 or 501 to `HEAD` but serve the page) or the
//! connection breaks. A timeout, an unknown host or a refused connection is not retried: the
//! server is unreachable either way. Redirects are followed one by one (at most
//! [`MAX_REDIRECTS`]), so the report gives each hop's status and the final URL. Each request
//! has its own timeout; at most `concurrency` requests run at once (one thread each).

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::catalog::{Catalog, Source};

/// Redirects followed before a link is reported as a redirect loop.
pub const MAX_REDIRECTS: usize = 10;

/// Sent with every request, so a site's owner can tell what asked.
pub const USER_AGENT: &str = "bousla-catalog-links/0.1 (link check of a program catalog)";

/// A URL and every place of the catalog that cites it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    pub url: String,
    /// `program \`forsa\`: website`, `desk \`cri-oriental\`: sources[1]` …
    pub places: Vec<String>,
}

/// Every URL of the catalog (websites and sources of programs, providers, desks, pathways),
/// each once, sorted, with the places that cite it.
pub fn catalog_links(c: &Catalog) -> Vec<Link> {
    let mut found: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut add = |url: &str, place: String| found.entry(url.to_string()).or_default().push(place);
    let mut record = |kind: &str, id: &str, website: Option<&String>, sources: &[Source]| {
        if let Some(w) = website {
            add(w, format!("{kind} `{id}`: website"));
        }
        for (i, s) in sources.iter().enumerate() {
            add(&s.url, format!("{kind} `{id}`: sources[{i}]"));
        }
    };
    for p in &c.programs {
        record("program", &p.id, p.website.as_ref(), &p.sources);
    }
    for p in &c.providers {
        record("provider", &p.id, p.website.as_ref(), &p.sources);
    }
    for d in &c.desks {
        record("desk", &d.id, d.website.as_ref(), &d.sources);
    }
    for w in &c.pathways {
        record("pathway", &w.id, None, &w.sources);
    }
    found
        .into_iter()
        .map(|(url, places)| Link { url, places })
        .collect()
}

#[derive(Clone, Debug)]
pub struct Options {
    /// Requests running at once (threads); at least 1.
    pub concurrency: usize,
    /// Time allowed to each request (each redirect hop, and the `GET` after a `HEAD`).
    pub timeout: Duration,
    /// Use the proxy of the environment (`HTTPS_PROXY`, `NO_PROXY` …), as officers' machines
    /// may need. Tests against a loopback server turn it off.
    pub proxy_from_env: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            concurrency: 8,
            timeout: Duration::from_secs(15),
            proxy_from_env: true,
        }
    }
}

/// Why a link does not lead to a page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Failure {
    /// The server answered with an HTTP error (4xx, 5xx).
    Status { code: u16 },
    /// No answer within the timeout.
    Timeout,
    /// The host name does not resolve.
    Dns,
    /// Nothing listens there.
    ConnectionRefused,
    /// The connection or TLS negotiation failed otherwise.
    Connection { detail: String },
    /// A redirect without a usable `Location`, or more than [`MAX_REDIRECTS`] of them.
    Redirect { detail: String },
    /// The URL itself cannot be requested.
    InvalidUrl { detail: String },
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Status { code } => {
                write!(f, "HTTP {code}")?;
                if matches!(code, 401 | 403 | 429) {
                    write!(
                        f,
                        " (the site may refuse automated checks: open it in a browser)"
                    )?;
                }
                Ok(())
            }
            Failure::Timeout => write!(f, "no answer within the timeout"),
            Failure::Dns => write!(f, "unknown host name (DNS)"),
            Failure::ConnectionRefused => write!(f, "connection refused"),
            Failure::Connection { detail } => write!(f, "connection failed: {detail}"),
            Failure::Redirect { detail } => write!(f, "bad redirect: {detail}"),
            Failure::InvalidUrl { detail } => write!(f, "invalid URL: {detail}"),
        }
    }
}

/// What became of one link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Outcome {
    /// Answered 2xx without a redirect.
    Ok {
        code: u16,
    },
    /// Answered 2xx after one or more redirects: update the catalog to `final_url` when
    /// `permanent` (a 301 or 308 among the hops), check it when temporary.
    Moved {
        code: u16,
        final_url: String,
        permanent: bool,
    },
    Broken {
        failure: Failure,
    },
}

/// One redirect followed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub code: u16,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub url: String,
    pub places: Vec<String>,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Redirects followed, in order.
    pub redirects: Vec<Hop>,
    /// The method of the last answer: `HEAD`, or `GET` when `HEAD` was refused.
    pub method: &'static str,
    pub millis: u64,
}

impl Checked {
    pub fn is_broken(&self) -> bool {
        matches!(self.outcome, Outcome::Broken { .. })
    }

    pub fn is_moved(&self) -> bool {
        matches!(self.outcome, Outcome::Moved { .. })
    }
}

/// Checks every link, at most `opts.concurrency` at a time. Results are in the order of `links`.
pub fn check(links: &[Link], opts: &Options) -> Vec<Checked> {
    let mut config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(USER_AGENT)
        .timeout_global(Some(opts.timeout));
    if !opts.proxy_from_env {
        config = config.proxy(None);
    }
    let agent: ureq::Agent = config.build().into();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Checked>>> = Mutex::new(vec![None; links.len()]);
    let workers = opts.concurrency.clamp(1, links.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(link) = links.get(i) else { break };
                    let checked = check_one(&agent, link);
                    if let Ok(mut r) = results.lock() {
                        r[i] = Some(checked);
                    }
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect()
}

fn check_one(agent: &ureq::Agent, link: &Link) -> Checked {
    let start = Instant::now();
    let mut current = link.url.clone();
    let mut redirects: Vec<Hop> = Vec::new();
    let done = |outcome, redirects, method| Checked {
        url: link.url.clone(),
        places: link.places.clone(),
        outcome,
        redirects,
        method,
        millis: u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX),
    };
    loop {
        let (answer, method) = request(agent, &current);
        let (code, location) = match answer {
            Ok(a) => a,
            Err(failure) => return done(Outcome::Broken { failure }, redirects, method),
        };
        if (300..400).contains(&code) && code != 304 {
            let Some(location) = location else {
                let failure = Failure::Redirect {
                    detail: format!("{code} without a Location header"),
                };
                return done(Outcome::Broken { failure }, redirects, method);
            };
            let to = resolve(&current, &location);
            if redirects.len() >= MAX_REDIRECTS || redirects.iter().any(|h| h.to == to) {
                let failure = Failure::Redirect {
                    detail: format!("redirect loop or more than {MAX_REDIRECTS} redirects"),
                };
                redirects.push(Hop { code, to });
                return done(Outcome::Broken { failure }, redirects, method);
            }
            redirects.push(Hop {
                code,
                to: to.clone(),
            });
            current = to;
            continue;
        }
        let outcome = if (200..300).contains(&code) {
            if redirects.is_empty() {
                Outcome::Ok { code }
            } else {
                Outcome::Moved {
                    code,
                    final_url: current,
                    permanent: redirects.iter().any(|h| matches!(h.code, 301 | 308)),
                }
            }
        } else {
            Outcome::Broken {
                failure: Failure::Status { code },
            }
        };
        return done(outcome, redirects, method);
    }
}

type Answer = Result<(u16, Option<String>), Failure>;

/// `HEAD`, then `GET` when the `HEAD` answer is an HTTP error or the connection broke.
fn request(agent: &ureq::Agent, url: &str) -> (Answer, &'static str) {
    let head = send(agent, "HEAD", url);
    let retry = match &head {
        Ok((code, _)) => *code >= 400,
        Err(Failure::Connection { .. }) => true,
        Err(_) => false,
    };
    if retry {
        (send(agent, "GET", url), "GET")
    } else {
        (head, "HEAD")
    }
}

fn send(agent: &ureq::Agent, method: &str, url: &str) -> Answer {
    let response = if method == "HEAD" {
        agent.head(url).call()
    } else {
        agent.get(url).call()
    };
    // The body is never read: dropping the response closes the connection.
    let response = response.map_err(|e| classify(&e))?;
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    Ok((response.status().as_u16(), location))
}

/// Sorts a transport error into what an officer can act on.
pub fn classify(e: &ureq::Error) -> Failure {
    use std::io::ErrorKind;
    match e {
        ureq::Error::Timeout(_) => Failure::Timeout,
        ureq::Error::HostNotFound => Failure::Dns,
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused => Failure::ConnectionRefused,
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Failure::Timeout,
            // The system resolver's failure comes as an I/O error: "failed to lookup address
            // information: Name or service not known" (glibc), "nodename nor servname" (BSD),
            // "No such host is known" (Windows).
            _ if is_dns_failure(&io.to_string()) => Failure::Dns,
            _ => Failure::Connection {
                detail: io.to_string(),
            },
        },
        ureq::Error::BadUri(d) => Failure::InvalidUrl { detail: d.clone() },
        ureq::Error::Http(h) => Failure::InvalidUrl {
            detail: h.to_string(),
        },
        other => Failure::Connection {
            detail: other.to_string(),
        },
    }
}

fn is_dns_failure(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    [
        "lookup address",
        "name or service not known",
        "nodename nor servname",
        "no such host",
        "temporary failure in name resolution",
    ]
    .iter()
    .any(|p| m.contains(p))
}

/// The absolute URL a `Location` header points to, from the URL that answered with it.
pub fn resolve(base: &str, location: &str) -> String {
    let location = location.trim();
    if location.contains("://") {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    if let Some(net) = location.strip_prefix("//") {
        return format!("{scheme}://{net}");
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..authority_end]);
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    let path = &rest[authority_end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    if location.starts_with('?') {
        return format!("{origin}{path}{location}");
    }
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    format!("{origin}{dir}{location}")
}

/// Counts of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub checked: usize,
    pub ok: usize,
    pub moved: usize,
    pub broken: usize,
}

pub fn summary(results: &[Checked]) -> Summary {
    Summary {
        checked: results.len(),
        ok: results
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Ok { .. }))
            .count(),
        moved: results.iter().filter(|r| r.is_moved()).count(),
        broken: results.iter().filter(|r| r.is_broken()).count(),
    }
}

/// The report an officer reads: broken links first, then moved ones, each with where the
/// catalog cites it.
pub fn render(results: &[Checked]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let s = summary(results);
    let _ = writeln!(
        out,
        "{} links checked: {} ok, {} moved, {} broken",
        s.checked, s.ok, s.moved, s.broken
    );
    let unreachable = |r: &Checked| {
        matches!(
            &r.outcome,
            Outcome::Broken {
                failure: Failure::Dns
                    | Failure::Timeout
                    | Failure::ConnectionRefused
                    | Failure::Connection { .. }
            }
        )
    };
    if s.checked > 0 && results.iter().all(unreachable) {
        let _ = writeln!(
            out,
            "No server answered at all: is this machine connected to the internet (or does it need HTTPS_PROXY)? Run it again from a connected machine before changing the catalog."
        );
    }
    let cited = |out: &mut String, r: &Checked| {
        for p in &r.places {
            let _ = writeln!(out, "      cited by {p}");
        }
    };
    if s.broken > 0 {
        let _ = writeln!(out, "\nBroken ({}):", s.broken);
        for r in results.iter().filter(|r| r.is_broken()) {
            if let Outcome::Broken { failure } = &r.outcome {
                let _ = writeln!(out, "  {} — {failure}", r.url);
                if let Some(last) = r.redirects.last() {
                    let _ = writeln!(out, "      after redirects, last to {}", last.to);
                }
                cited(&mut out, r);
            }
        }
    }
    if s.moved > 0 {
        let _ = writeln!(out, "\nMoved ({}):", s.moved);
        for r in results.iter().filter(|r| r.is_moved()) {
            if let Outcome::Moved {
                final_url,
                permanent,
                ..
            } = &r.outcome
            {
                let codes: Vec<String> = r.redirects.iter().map(|h| h.code.to_string()).collect();
                let kind = if *permanent {
                    "permanently: update the catalog"
                } else {
                    "temporarily: check the final page"
                };
                let _ = writeln!(out, "  {} → {final_url}", r.url);
                let _ = writeln!(out, "      {} ({kind})", codes.join(" → "));
                cited(&mut out, r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_locations() {
        let base = "https://a.ma/x/y?q=1";
        assert_eq!(resolve(base, "https://b.ma/z"), "https://b.ma/z");
        assert_eq!(resolve(base, "//c.ma/z"), "https://c.ma/z");
        assert_eq!(resolve(base, "/z"), "https://a.ma/z");
        assert_eq!(resolve(base, "z"), "https://a.ma/x/z");
        assert_eq!(resolve(base, "?p=2"), "https://a.ma/x/y?p=2");
        assert_eq!(resolve("http://a.ma", "fr/"), "http://a.ma/fr/");
    }

    #[test]
    fn classifies_transport_errors() {
        assert_eq!(classify(&ureq::Error::HostNotFound), Failure::Dns);
        assert_eq!(
            classify(&ureq::Error::Timeout(ureq::Timeout::Global)),
            Failure::Timeout
        );
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(
            classify(&ureq::Error::Io(refused)),
            Failure::ConnectionRefused
        );
        let lookup = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        assert_eq!(classify(&ureq::Error::Io(lookup)), Failure::Dns);
        let reset = std::io::Error::from(std::io::ErrorKind::ConnectionReset);
        assert!(matches!(
            classify(&ureq::Error::Io(reset)),
            Failure::Connection { .. }
        ));
    }
}
