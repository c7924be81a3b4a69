//! Production serving under test: Debian's nginx with deploy/nginx.conf, on a free loopback
//! port, serving dist/. Its own prefix, pid, logs and temp dirs under target/nginx-test/<our
//! pid>/ (never the system service, and never another run's). Stopped when the handle is dropped.

use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::e2e::free_port;
use crate::run::{Result, cmd, is_root};
use crate::tools;

/// The production config, a site file for nginx's `http { }` block.
pub const SITE: &str = "deploy/nginx.conf";
/// The two lines of the site file the harness replaces; everything else is served as written.
const LISTEN: &str = "listen 80;";
const ROOT: &str = "root /var/www/bousla;";
const NGINX: &str = "/usr/sbin/nginx";
const BROTLI_STATIC: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

pub fn ensure() -> Result<()> {
    tools::ensure_debian(
        &[
            ("nginx", NGINX),
            // `brotli_static`: serves dist/'s .br copies (Debian's nginx has gzip_static).
            ("libnginx-mod-http-brotli-static", BROTLI_STATIC),
        ],
        &[],
    )
}

/// A running nginx; dropping it stops it.
pub struct Nginx {
    child: Child,
    prefix: PathBuf,
    /// `http://127.0.0.1:PORT/`
    pub base_url: String,
}

impl Nginx {
    pub fn start(dist: &Path) -> Result<Nginx> {
        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        // Per run: two runs in one checkout must not share (or delete) each other's pid file.
        let prefix = cwd.join(format!("target/nginx-test/{}", std::process::id()));
        let root = cwd.join(dist);
        let _ = fs::remove_dir_all(&prefix);
        fs::create_dir_all(prefix.join("temp"))
            .map_err(|e| format!("{}: {e}", prefix.display()))?;
        let template = fs::read_to_string(SITE).map_err(|e| format!("cannot read {SITE}: {e}"))?;
        let port = free_port()?;
        let site = site_conf(&template, port, &root)?;
        fs::write(prefix.join("bousla.conf"), site).map_err(|e| e.to_string())?;
        let conf = prefix.join("nginx.conf");
        fs::write(&conf, main_conf(&prefix, is_root())).map_err(|e| e.to_string())?;

        let (p, c, e) = (
            prefix.display().to_string(),
            conf.display().to_string(),
            prefix.join("error.log").display().to_string(),
        );
        // `-e`: the log of start-up errors too, before the config's error_log applies.
        let args = ["-p", &p, "-c", &c, "-e", &e, "-g", "daemon off;"];
        let mut command = cmd(NGINX, &args);
        command.stdout(Stdio::null());
        eprintln!("xtask: $ {NGINX} {} &", args.join(" "));
        let child = command
            .spawn()
            .map_err(|err| format!("cannot start nginx: {err}"))?;
        let mut nginx = Nginx {
            child,
            prefix,
            base_url: format!("http://127.0.0.1:{port}/"),
        };
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(Some(status)) = nginx.child.try_wait() {
                return Err(format!(
                    "nginx exited at start ({status}): {}",
                    nginx.log().trim()
                ));
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                eprintln!("xtask: nginx serves dist/ on {}", nginx.base_url);
                return Ok(nginx);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "nginx did not listen on port {port} within 15 s: {}",
                    nginx.log().trim()
                ));
            }
            sleep(Duration::from_millis(100));
        }
    }

    fn log(&self) -> String {
        fs::read_to_string(self.prefix.join("error.log")).unwrap_or_default()
    }
}

impl Drop for Nginx {
    /// Signals our own master process by its id: QUIT (graceful: it stops its workers, then
    /// itself), then TERM (fast). SIGKILL only as a last resort: a killed master leaves its
    /// workers running.
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        let pid = self.child.id().to_string();
        for signal in ["-QUIT", "-TERM"] {
            let sent = cmd("kill", &[signal, &pid])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            let deadline = Instant::now() + Duration::from_secs(10);
            while sent && Instant::now() < deadline {
                if let Ok(Some(_)) = self.child.try_wait() {
                    let _ = fs::remove_dir_all(&self.prefix);
                    return;
                }
                sleep(Duration::from_millis(100));
            }
        }
        eprintln!("xtask: nginx (pid {pid}) did not stop; killing it");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// deploy/nginx.conf with the harness's port and root; an error when the template does not
/// have exactly one of each line to replace (a silent miss would test the wrong thing).
fn site_conf(template: &str, port: u16, root: &Path) -> Result<String> {
    let mut text = template.to_string();
    for (line, with) in [
        (LISTEN, format!("listen 127.0.0.1:{port};")),
        (ROOT, format!("root {};", root.display())),
    ] {
        let found = template
            .lines()
            .filter(|l| l.trim_start().starts_with(line))
            .count();
        if found != 1 {
            return Err(format!(
                "{SITE} must have exactly one `{line}` line for the test harness (found {found})"
            ));
        }
        text = text
            .lines()
            .map(|l| {
                if l.trim_start().starts_with(line) {
                    l.replacen(line, &with, 1)
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    Ok(text + "\n")
}

/// The main config around the site file: what Debian's /etc/nginx/nginx.conf and
/// modules-enabled give a production server, with every path under `prefix`.
fn main_conf(prefix: &Path, root: bool) -> String {
    let p = prefix.display();
    // As root, workers would run as `nobody`, who may not read a checkout under /root.
    let user = if root { "user root;\n" } else { "" };
    format!(
        "# Written by `cargo xtask test`: Debian's nginx serving dist/ with {SITE}.
load_module {BROTLI_STATIC};
{user}worker_processes 1;
pid {p}/nginx.pid;
error_log {p}/error.log warn;
events {{ worker_connections 256; }}
http {{
    sendfile on;
    access_log {p}/access.log;
    client_body_temp_path {p}/temp/body;
    proxy_temp_path {p}/temp/proxy;
    fastcgi_temp_path {p}/temp/fastcgi;
    uwsgi_temp_path {p}/temp/uwsgi;
    scgi_temp_path {p}/temp/scgi;
    include {p}/bousla.conf;
}}
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_file_gets_the_harness_port_and_root_only() {
        let template =
            "server {\n    listen 80;\n    root /var/www/bousla;\n    index index.html;\n}\n";
        let site = site_conf(template, 4321, Path::new("/w/dist")).unwrap();
        assert_eq!(
            site,
            "server {\n    listen 127.0.0.1:4321;\n    root /w/dist;\n    index index.html;\n}\n"
        );
        assert!(site_conf("server { }", 1, Path::new("/x")).is_err());
        let twice = "listen 80;\nlisten 80;\nroot /var/www/bousla;\n";
        assert!(site_conf(twice, 1, Path::new("/x")).is_err());
    }

    #[test]
    fn the_shipped_site_file_fits_the_harness() {
        let template = fs::read_to_string(crate::run::repo_root().join(SITE)).unwrap();
        let site = site_conf(&template, 8000, Path::new("/srv/dist")).unwrap();
        assert!(site.contains("listen 127.0.0.1:8000;") && site.contains("root /srv/dist;"));
        assert!(site.contains("brotli_static on;") && site.contains("gzip_static on;"));
    }

    #[test]
    fn the_main_config_keeps_everything_under_the_prefix() {
        let conf = main_conf(Path::new("/t/ng"), false);
        assert!(conf.contains("pid /t/ng/nginx.pid;"));
        assert!(conf.contains("include /t/ng/bousla.conf;"));
        assert!(!conf.contains("user "));
        assert!(main_conf(Path::new("/t"), true).contains("user root;"));
    }
}
