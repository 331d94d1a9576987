//! The browser tier's real servers, each on 127.0.0.1 on a free port in a temporary
//! directory, stopped when dropped (so also when a test fails): PowerDNS
//! Authoritative (sqlite backend, HTTP API), dnsdist as DNS-over-HTTPS in front of
//! it, and chromedriver driving headless Chromium.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const PDNS_API_KEY: &str = "dc-test-key";

pub fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

/// A child process killed on drop, its output in a log file.
pub struct Server {
    pub name: &'static str,
    child: Child,
    pub log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        eprintln!("xtask: stopped {}", self.name);
    }
}

fn start(name: &'static str, dir: &Path, cmd: &mut Command) -> Result<Server, String> {
    let log = dir.join(format!("{name}.log"));
    let f = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    let child = cmd
        .stdin(Stdio::null())
        .stdout(f.try_clone().map_err(|e| e.to_string())?)
        .stderr(f)
        .spawn()
        .map_err(|e| format!("{name} ({:?}) could not start: {e}", cmd.get_program()))?;
    Ok(Server { name, child, log })
}

fn wait_for_port(server: &mut Server, port: u16) -> Result<(), String> {
    let until = Instant::now() + Duration::from_secs(20);
    while Instant::now() < until {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            let log = std::fs::read_to_string(&server.log).unwrap_or_default();
            return Err(format!("{} exited ({status}) before listening:\n{log}", server.name));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("{} did not listen on port {port} within 20 s (log: {})", server.name, server.log.display()))
}

pub fn version(cmd: &str, arg: &str) -> String {
    Command::new(cmd)
        .arg(arg)
        .output()
        .map(|o| {
            let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
            text.lines().find(|l| l.contains(|c: char| c.is_ascii_digit())).unwrap_or("").trim().to_string()
        })
        .unwrap_or_else(|e| format!("{cmd}: {e}"))
}

pub struct Pdns {
    pub _server: Server,
    pub dns_port: u16,
    pub api: String,
}

pub fn pdns(dir: &Path) -> Result<Pdns, String> {
    let db = dir.join("pdns.sqlite3");
    let schema = std::fs::read_to_string("/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql").map_err(|e| format!("the PowerDNS sqlite schema: {e}"))?;
    let mut sqlite = Command::new("sqlite3");
    sqlite.arg(&db).stdin(Stdio::piped());
    let mut child = sqlite.spawn().map_err(|e| format!("sqlite3: {e}"))?;
    {
        use std::io::Write;
        child.stdin.take().ok_or("sqlite3 stdin")?.write_all(schema.as_bytes()).map_err(|e| e.to_string())?;
    }
    if !child.wait().map_err(|e| e.to_string())?.success() {
        return Err("sqlite3 could not create the PowerDNS database".into());
    }
    let (dns_port, api_port) = (free_port()?, free_port()?);
    let conf = format!(
        "launch=gsqlite3\ngsqlite3-database={}\nlocal-address=127.0.0.1\nlocal-port={dns_port}\n\
         api=yes\napi-key={PDNS_API_KEY}\nwebserver=yes\nwebserver-address=127.0.0.1\nwebserver-port={api_port}\n\
         webserver-allow-from=127.0.0.0/8\nguardian=no\ndaemon=no\nsocket-dir={}\ndisable-syslog=yes\n",
        db.display(),
        dir.display()
    );
    std::fs::write(dir.join("pdns.conf"), conf).map_err(|e| e.to_string())?;
    let mut server = start("pdns_server", dir, Command::new("pdns_server").arg(format!("--config-dir={}", dir.display())))?;
    wait_for_port(&mut server, api_port)?;
    Ok(Pdns { _server: server, dns_port, api: format!("http://127.0.0.1:{api_port}") })
}

pub struct Doh {
    pub _server: Server,
    pub url: String,
}

pub fn dnsdist(dir: &Path, backend_port: u16) -> Result<Doh, String> {
    let port = free_port()?;
    let conf = format!(
        "setSecurityPollSuffix(\"\")\nnewServer({{address=\"127.0.0.1:{backend_port}\"}})\n\
         addDOHLocal(\"127.0.0.1:{port}\", nil, nil, \"/dns-query\", {{customResponseHeaders={{[\"access-control-allow-origin\"]=\"*\"}}}})\n"
    );
    let path = dir.join("dnsdist.conf");
    std::fs::write(&path, conf).map_err(|e| e.to_string())?;
    let mut server = start("dnsdist", dir, Command::new("dnsdist").args(["--supervised", "--disable-syslog", "-C"]).arg(&path))?;
    wait_for_port(&mut server, port)?;
    Ok(Doh { _server: server, url: format!("http://127.0.0.1:{port}/dns-query") })
}

pub struct Driver {
    pub _server: Server,
    pub url: String,
}

pub fn chromedriver(dir: &Path) -> Result<Driver, String> {
    let port = free_port()?;
    let mut server = start("chromedriver", dir, Command::new("chromedriver").arg(format!("--port={port}")))?;
    wait_for_port(&mut server, port)?;
    Ok(Driver { _server: server, url: format!("http://127.0.0.1:{port}") })
}

/// One HTTP request (JSON in, status and body out), through hyper-util's client on a
/// runtime of its own: for PowerDNS's API and the README's check of `cargo xtask serve`.
pub fn http(method: &str, url: &str, key: &str, body: &str) -> Result<(u16, String), String> {
    use http_body_util::{BodyExt, Full};
    let uri: hyper::Uri = url::Url::parse(url).map_err(|e| format!("{url}: {e}"))?.as_str().parse().map_err(|e| format!("{url}: {e}"))?;
    let mut req = hyper::Request::builder().method(method).uri(uri).header("Content-Type", "application/json");
    if !key.is_empty() {
        req = req.header("X-API-Key", key);
    }
    let req = req.body(Full::new(bytes::Bytes::from(body.to_string()))).map_err(|e| e.to_string())?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
    rt.block_on(async {
        let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();
        let send = async {
            let resp = client.request(req).await.map_err(|e| format!("{method} {url}: {e}"))?;
            let status = resp.status().as_u16();
            let bytes = resp.into_body().collect().await.map_err(|e| format!("{method} {url}: {e}"))?.to_bytes();
            Ok((status, String::from_utf8_lossy(&bytes).into_owned()))
        };
        // Never wait forever on a server that does not answer.
        tokio::time::timeout(Duration::from_secs(20), send).await.map_err(|_| format!("{method} {url}: no answer in 20 s"))?
    })
}

/// nginx serving `dist` with the server block `cargo xtask headers --for nginx` writes
/// (and Debian's brotli_static module), as a provider's own web server. Its access log
/// (`nginx/access.log` in `dir`: path and Referer of each request) shows what the
/// page's own requests carried.
pub fn nginx(dir: &Path, dist: &Path) -> Result<(Server, String), String> {
    let port = free_port()?;
    let listen = format!("127.0.0.1:{port}");
    let site = crate::hosts::nginx(None, &crate::hosts::Place { root: &dist.to_string_lossy(), listen: &listen, site: &format!("http://{listen}") })?;
    let module = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
    let t = dir.join("nginx");
    std::fs::create_dir_all(&t).map_err(|e| e.to_string())?;
    let http = format!("  log_format dc '$request_uri\\t$http_referer';\n  access_log {t}/access.log dc;\n{site}", t = t.display());
    let server = run_nginx("nginx", dir, &t, &format!("load_module {module};\n"), &http, port)?;
    Ok((server, format!("http://{listen}")))
}

/// nginx in the foreground with its files in `t` (`prelude` before the main context,
/// `http` inside the http block after the temporary paths), ready once `port` answers.
fn run_nginx(name: &'static str, dir: &Path, t: &Path, prelude: &str, http: &str, port: u16) -> Result<Server, String> {
    let conf = format!(
        "{prelude}daemon off;\npid {t}/nginx.pid;\nerror_log stderr;\nevents {{}}\nhttp {{\n  client_body_temp_path {t};\n  proxy_temp_path {t};\n  fastcgi_temp_path {t};\n  uwsgi_temp_path {t};\n  scgi_temp_path {t};\n{http}}}\n",
        t = t.display()
    );
    let file = t.join("nginx.conf");
    std::fs::write(&file, conf).map_err(|e| e.to_string())?;
    let mut server = start(name, dir, Command::new("nginx").arg("-c").arg(&file).arg("-p").arg(t))?;
    wait_for_port(&mut server, port)?;
    Ok(server)
}

/// nginx as a DNS provider's own site that, by default, admits its records API only with the
/// customer's session: `dist` (with both adapters) at the same origin as
/// `/api/` (PowerDNS's API behind it, the key added by nginx), each API request passed
/// on only with the cookie `dc_session=valid`, else 401. The page's config.json says
/// `auth: session` and names this origin as the API's base.
///
/// With `dashboard` (its origin), the same site instead takes the credential the
/// dashboard hands over (`auth: dashboard`): PowerDNS itself checks the key it carries,
/// and its 401 reaches the page from its own origin.
pub fn nginx_provider_site(dir: &Path, dist: &Path, pdns_api: &str, doh_url: &str, dashboard: Option<&str>) -> Result<(Server, String), String> {
    let port = free_port()?;
    let site = format!("http://127.0.0.1:{port}");
    let config = match dashboard {
        None => serde_json::json!({
            "records_api": {"kind": "powerdns", "base": site, "auth": "session"},
            "doh": {"kind": "wire", "url": doh_url},
        }),
        Some(origin) => serde_json::json!({
            "records_api": {"kind": "powerdns", "base": site, "auth": "dashboard"},
            "doh": {"kind": "wire", "url": doh_url},
            "dashboard_origins": [origin],
        }),
    }
    .to_string();
    let (gate, key) = match dashboard {
        None => (
            r#"if ($cookie_dc_session != "valid") { return 401 '{"error": "not signed in"}'; }"#.to_string(),
            format!("proxy_set_header X-API-Key {PDNS_API_KEY};"),
        ),
        Some(_) => (String::new(), String::new()),
    };
    let name = if dashboard.is_some() { "nginx-token" } else { "nginx-session" };
    let t = dir.join(name);
    std::fs::create_dir_all(&t).map_err(|e| e.to_string())?;
    let template = std::fs::read_to_string(dist.join(crate::web::TEMPLATE)).map_err(|e| e.to_string())?;
    std::fs::write(t.join("index.html"), crate::web::render(&template, Some(&config))?).map_err(|e| e.to_string())?;
    std::fs::write(t.join("config.json"), &config).map_err(|e| e.to_string())?;
    let upstream = pdns_api.trim_start_matches("http://");
    let http = format!(
        "  access_log off;\n  types {{ application/wasm wasm; text/javascript js; text/css css; application/json json; text/html html; }}\n  server {{\n    listen 127.0.0.1:{port};\n    root {dist};\n    location = /config.json {{ alias {t}/config.json; }}\n    location = /index.html {{ alias {t}/index.html; }}\n    location /api/ {{\n      {gate}\n      {key}\n      proxy_pass http://{upstream};\n    }}\n    location / {{ try_files $uri /index.html; }}\n  }}\n",
        t = t.display(),
        dist = dist.display(),
    );
    Ok((run_nginx(name, dir, &t, "", &http, port)?, site))
}

/// Caddy serving `dist` with the site block `cargo xtask headers --for caddy` writes.
pub fn caddy(dir: &Path, dist: &Path) -> Result<(Server, String), String> {
    let port = free_port()?;
    let address = format!("http://127.0.0.1:{port}");
    let site = crate::hosts::caddy(None, &crate::hosts::Place { root: &dist.to_string_lossy(), listen: &format!("127.0.0.1:{port}"), site: &address })?;
    let file = dir.join("Caddyfile");
    std::fs::write(&file, format!("{{\n    admin off\n}}\n{site}")).map_err(|e| e.to_string())?;
    let mut server = start("caddy", dir, Command::new("caddy").args(["run", "--adapter", "caddyfile", "--config"]).arg(&file).env("HOME", dir))?;
    wait_for_port(&mut server, port)?;
    Ok((server, address))
}
