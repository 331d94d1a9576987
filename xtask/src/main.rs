//! Build, serve and test orchestration (`cargo xtask …`), in Rust rather than shell.
//!
//! * `cargo xtask serve [--config FILE] [--port N]`: installs what is missing, builds
//!   the app in release and serves it at http://127.0.0.1:8080.
//! * `cargo xtask build [--config FILE]`: the release build into `dist/`, for any
//!   static host, with the size of each bundle.
//! * `cargo xtask headers --for nginx|caddy|netlify [--config FILE]`: the headers a
//!   host must send, as that server's configuration.
//! * `cargo xtask test`: every tier — the workspace's tests (core, conformance, CLI),
//!   the compliance suites through `dconn`, the release wasm build and its size, and
//!   the browser tier against real PowerDNS, dnsdist and Chromium.

mod bundle;
mod hosts;
mod readme;
mod serve;
mod servers;
mod tools;
mod web;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

pub fn run(cmd: &mut Command) -> Result<(), String> {
    eprintln!("xtask: running {cmd:?}");
    let started = std::time::Instant::now();
    let status = cmd.status().map_err(|e| format!("{cmd:?}: {e}"))?;
    // The set-up's steps, timed (the README states what a fresh machine spends where).
    let args: Vec<String> = cmd.get_args().take(2).map(|a| a.to_string_lossy().into_owned()).collect();
    eprintln!("xtask: took {:.1} s: {} {}", started.elapsed().as_secs_f64(), cmd.get_program().to_string_lossy(), args.join(" "));
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

pub fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

fn shared() -> Result<PathBuf, String> {
    let s = root().join("..").join("shared");
    if s.join("conformance").is_dir() {
        Ok(s)
    } else {
        Err(format!("{} is missing: the compliance suites live there (clone the repository beside shared/)", s.display()))
    }
}

fn serve(config: Option<PathBuf>, port: u16) -> Result<(), String> {
    web::build(config.as_deref())?;
    web::size_report()?;
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("127.0.0.1:{port}: {e}"))?;
    let text = match &config {
        Some(p) => Some(std::fs::read_to_string(p).map_err(|e| e.to_string())?),
        None => None,
    };
    serve::spawn(listener, serve::Site::new(web::dist(), text)?);
    println!("serving the app at http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    loop {
        std::thread::park();
    }
}

/// The host configuration for a web server, from the same code as `dist/_headers`.
fn headers(kind: Host, config: Option<PathBuf>) -> Result<(), String> {
    let config = match config {
        Some(p) => Some(std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => None,
    };
    let config = config.as_deref();
    let text = match kind {
        Host::Nginx => hosts::nginx(config, &hosts::EXAMPLE)?,
        Host::Caddy => hosts::caddy(config, &hosts::EXAMPLE)?,
        Host::Netlify => web::headers_file(config)?,
    };
    print!("{text}");
    Ok(())
}

fn build(config: Option<PathBuf>) -> Result<(), String> {
    web::build(config.as_deref())?;
    web::size_report()?;
    println!("dist/ is ready for any static host: serve every unknown path with index.html (status 200)");
    Ok(())
}

fn test(browser_only: bool, filter: Option<&str>) -> Result<(), String> {
    let started = std::time::Instant::now();
    let shared = shared()?;
    // What is missing is installed while the host tiers compile: apt downloads and
    // compiling wasm-bindgen overlap with them instead of adding to the wall clock.
    // The wasm compiles beside them too, in its own target directory.
    tools::ensure_wasm_target()?;
    let debian = std::thread::spawn(tools::ensure_debian_packages);
    let build_tools = std::thread::spawn(tools::ensure_build_tools);
    let wasm = std::thread::spawn(bundle::prewarm);
    let joined = |t: std::thread::JoinHandle<Result<(), String>>| t.join().map_err(|_| "a set-up thread panicked".to_string())?;
    if !browser_only {
        host_tiers(&shared)?;
    }
    joined(build_tools)?;
    joined(debian)?;
    joined(wasm)?;
    if !browser_only {
        readme::run_all()?;
    }
    web::build(None)?;
    let size = web::size_report()?;
    browser_tier(&shared, filter)?;
    println!("size: consent {size} bytes brotli (the consent route's first load; goal: at most 200000)");
    println!("time: cargo xtask test took {:.0} s", started.elapsed().as_secs_f64());
    for report in ["browser-report.txt", "browser-size.txt", "browser-large-zone.txt", "browser-fetches.txt"] {
        if let Ok(r) = std::fs::read_to_string(root().join("target").join(report)) {
            print!("{r}");
        }
    }
    Ok(())
}

/// The code as the house writes it: rustfmt's layout (`rustfmt.toml`) and no clippy
/// warning, on the host crates and on the app as the browser gets it (wasm32): each build
/// a deployment makes — the default (sandbox), and each adapter alone, as `cargo xtask
/// build --config` builds it — so every line is checked and nothing one of them leaves
/// unused slips by (a PowerDNS deployment's build once warned of Cloudflare's code).
fn lints() -> Result<(), String> {
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo().args(["clippy", "--workspace", "--all-targets", "--quiet", "--", "-D", "warnings"]))?;
    for features in ["", "powerdns", "cloudflare"] {
        let app = ["clippy", "-p", "dc-consent", "--target", "wasm32-unknown-unknown", "--bins", "--features", features, "--quiet", "--", "-D", "warnings"];
        run(cargo().args(app).env("CARGO_TARGET_DIR", root().join("target/wasm")))?;
    }
    Ok(())
}

/// The workspace's tests (core, conformance, CLI) and the compliance suites.
fn host_tiers(shared: &Path) -> Result<(), String> {
    lints()?;
    run(cargo().args(["test", "--workspace", "--release", "--exclude", "dc-consent"]))?;
    let mut suites: Vec<PathBuf> = std::fs::read_dir(shared.join("conformance"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    suites.sort();
    run(cargo()
        .args(["run", "--release", "--quiet", "-p", "dconn", "--", "conformance", "--templates"])
        .arg(shared.join("conformance").join("templates"))
        .args(&suites))
}

fn browser_tier(shared: &Path, filter: Option<&str>) -> Result<(), String> {
    tools::ensure_debian_packages()?;
    let dir = std::env::temp_dir().join(format!("dc-browser-tier-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    eprintln!("xtask: browser tier in {}", dir.display());
    eprintln!("xtask: starting {}", servers::version("pdns_server", "--version"));
    let pdns = servers::pdns(&dir)?;
    eprintln!("xtask: PowerDNS API at {} (DNS on 127.0.0.1:{})", pdns.api, pdns.dns_port);
    seed_pdns(&pdns.api, shared)?;
    eprintln!("xtask: starting {}", servers::version("dnsdist", "--version"));
    let doh = servers::dnsdist(&dir, pdns.dns_port)?;
    eprintln!("xtask: DNS-over-HTTPS at {}", doh.url);
    eprintln!("xtask: starting {} for {}", servers::version("chromedriver", "--version"), servers::version("chromium", "--version"));
    let driver = servers::chromedriver(&dir)?;
    eprintln!("xtask: WebDriver at {}", driver.url);

    let sandbox = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let sandbox_url = format!("http://{}", sandbox.local_addr().map_err(|e| e.to_string())?);
    serve::spawn(sandbox, serve::Site::new(web::dist(), None)?);
    let with_pdns = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let pdns_app_url = format!("http://{}", with_pdns.local_addr().map_err(|e| e.to_string())?);
    let pdns_config = serde_json::json!({
        "records_api": {"kind": "powerdns", "base": pdns.api, "api_key": servers::PDNS_API_KEY},
        "doh": {"kind": "wire", "url": doh.url},
        "branding": {"name": "Test DNS", "accent": "#7c2d12"}
    });
    // The sites of live records APIs use a build with both adapters (a deployment's
    // own build has only the one its config names; the sandbox sites use the default).
    let adapters = root().join("target").join("dist-adapters");
    // Its catalogue holds the public templates too (shared/ sits beside the checkout).
    web::build_into(&adapters, Some(r#"{"catalogue_dir": "../shared/templates"}"#), &["powerdns", "cloudflare"])?;
    serve::spawn(with_pdns, serve::Site::new(adapters.clone(), Some(pdns_config.to_string()))?);
    // The same, but reaching PowerDNS's API through a port the tests open themselves
    // (a proxy they can make drop a request, as a stopped server or a lost answer would).
    let proxy_port = servers::free_port()?;
    let via_proxy = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let proxy_app_url = format!("http://{}", via_proxy.local_addr().map_err(|e| e.to_string())?);
    // It gives up on a request sooner than the default 30 s, so the tests that hold an
    // answer past the timeout wait 5 s, not 30.
    let proxy_timeout = 5;
    let proxy_config = serde_json::json!({
        "records_api": {"kind": "powerdns", "base": format!("http://127.0.0.1:{proxy_port}"), "api_key": servers::PDNS_API_KEY},
        "doh": {"kind": "wire", "url": doh.url},
        "timeout_seconds": proxy_timeout,
    });
    serve::spawn(via_proxy, serve::Site::new(adapters.clone(), Some(proxy_config.to_string()))?);
    // PowerDNS with no key in config: the embedding dashboard (the sandbox site's
    // origin) hands it over by postMessage.
    // The dashboard is examples/dashboard.html, served from an origin of its own.
    let dash = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let dash_app_url = format!("http://{}", dash.local_addr().map_err(|e| e.to_string())?);
    let example = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let example_url = format!("http://{}", example.local_addr().map_err(|e| e.to_string())?);
    serve::spawn(example, serve::Site::static_host(root().join("examples"), true)?);
    let dash_config = serde_json::json!({
        "records_api": {"kind": "powerdns", "base": pdns.api, "auth": "dashboard"},
        "doh": {"kind": "wire", "url": doh.url},
        "dashboard_origins": [example_url],
    });
    serve::spawn(dash, serve::Site::new(adapters.clone(), Some(dash_config.to_string()))?);
    // A provider that speaks German whatever the browser asks, with its own wording of
    // some messages (examples/operator-de.ftl, from another origin).
    let locale = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let locale_app_url = format!("http://{}", locale.local_addr().map_err(|e| e.to_string())?);
    let locale_config = serde_json::json!({"locale": "de", "messages": {"de": format!("{example_url}/operator-de.ftl")}});
    serve::spawn(locale, serve::Site::new(web::dist(), Some(locale_config.to_string()))?);
    // Cloudflare: no open-source server exists; the tests answer on this port in the
    // documented shapes and check what the page sends. The token is typed on the page.
    let cf_port = servers::free_port()?;
    let cf = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let cf_app_url = format!("http://{}", cf.local_addr().map_err(|e| e.to_string())?);
    let cf_config = serde_json::json!({"records_api": {"kind": "cloudflare", "base": format!("http://127.0.0.1:{cf_port}/client/v4")}});
    serve::spawn(cf, serve::Site::new(adapters.clone(), Some(cf_config.to_string()))?);

    // dist/ as an ordinary static host serves it (single-page fallback for every
    // unknown path), with its config.json and without.
    let mut statics = Vec::new();
    for without_config in [false, true] {
        let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        statics.push(format!("http://{}", l.local_addr().map_err(|e| e.to_string())?));
        serve::spawn(l, serve::Site::static_host(web::dist(), without_config)?);
    }

    // dist/ on nginx and Caddy, configured as README says (`cargo xtask headers`).
    let (nginx, nginx_url) = servers::nginx(&dir, &web::dist())?;
    let (caddy, caddy_url) = servers::caddy(&dir, &web::dist())?;
    // A provider's own site whose records API admits only its session cookie.
    let (session, session_url) = servers::nginx_provider_site(&dir, &adapters, &pdns.api, &doh.url, None)?;
    // The same site taking the token the example dashboard hands over (PowerDNS checks it).
    let (token_site, token_url) = servers::nginx_provider_site(&dir, &adapters, &pdns.api, &doh.url, Some(&example_url))?;
    eprintln!("xtask: {} at {nginx_url}, {} at {caddy_url}", servers::version("nginx", "-v"), servers::version("caddy", "version"));

    // `dconn apply --emit` is held to what the page sends.
    run(cargo().args(["build", "--release", "--quiet", "-p", "dconn"]))?;
    let result = run(cargo()
        .args(["test", "--release", "-p", "dc-consent", "--test", "browser", "--", "--test-threads=1"])
        .args(filter)
        .env("DC_SANDBOX_APP", &sandbox_url)
        .env("DC_PDNS_APP", &pdns_app_url)
        .env("DC_STATIC_APP", &statics[0])
        .env("DC_STATIC_NO_CONFIG_APP", &statics[1])
        .env("DC_PDNS_API", &pdns.api)
        .env("DC_PDNS_KEY", servers::PDNS_API_KEY)
        .env("DC_DOH", &doh.url)
        .env("DC_PDNS_DNS_PORT", pdns.dns_port.to_string())
        .env("DC_PROXY_APP", &proxy_app_url)
        .env("DC_PROXY_PORT", proxy_port.to_string())
        .env("DC_PROXY_TIMEOUT", proxy_timeout.to_string())
        .env("DC_CF_APP", &cf_app_url)
        .env("DC_DASH_APP", &dash_app_url)
        .env("DC_LOCALE_APP", &locale_app_url)
        .env("DC_EXAMPLE_DASHBOARD", format!("{example_url}/dashboard.html"))
        .env("DC_NGINX_APP", &nginx_url)
        .env("DC_NGINX_LOG", dir.join("nginx/access.log"))
        .env("DC_CADDY_APP", &caddy_url)
        .env("DC_SESSION_APP", &session_url)
        .env("DC_TOKEN_APP", &token_url)
        .env("DC_CF_PORT", cf_port.to_string())
        .env("DC_DCONN", root().join("target/release/dconn"))
        .env("DC_WEBDRIVER", &driver.url));
    drop((driver, doh, pdns, nginx, caddy, session, token_site));
    result
}

/// The zones the browser tests read: a customer's zone, and exampleservice's key.
fn seed_pdns(api: &str, shared: &Path) -> Result<(), String> {
    let key_lines: Vec<String> = std::fs::read_to_string(shared.join("exampleservice-keys/_dck1.exampleservice.domainconnect.org.txt"))
        .map_err(|e| e.to_string())?
        .lines()
        .filter(|l| l.starts_with("p="))
        .map(|l| format!("\"{l}\""))
        .collect();
    let zones = [
        // The customer's zone; the browser tests put it back after changing it.
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(root().join("tests/browser/pdns-zone.json")).map_err(|e| e.to_string())?)
            .map_err(|e| format!("tests/browser/pdns-zone.json: {e}"))?,
        serde_json::json!({"name": "exampleservice.domainconnect.org.", "kind": "Native", "nameservers": ["ns1.exampleservice.domainconnect.org."], "rrsets": [
            {"name": "_dck1.exampleservice.domainconnect.org.", "type": "TXT", "ttl": 3600, "changetype": "REPLACE",
             "records": key_lines.iter().map(|c| serde_json::json!({"content": c, "disabled": false})).collect::<Vec<_>>()}
        ]}),
    ];
    for z in zones {
        let (status, body) = servers::http("POST", &format!("{api}/api/v1/servers/localhost/zones"), servers::PDNS_API_KEY, &z.to_string())?;
        if status != 201 {
            return Err(format!("PowerDNS refused zone {}: HTTP {status} {body}", z["name"]));
        }
    }
    Ok(())
}

/// Build, serve and test the app.
#[derive(clap::Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
enum Cli {
    /// Build the app in release and serve it (the embedded default configuration, or FILE).
    Serve {
        /// A config.json to serve.
        #[arg(long)]
        config: Option<PathBuf>,
        /// The port on 127.0.0.1.
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// The release build into dist/, for any static host, with the size of each bundle.
    Build {
        /// Build for this config.json (its records-API adapter, CSP and headers).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// The headers a host must send, as that server's configuration.
    Headers {
        /// Which server.
        #[arg(long = "for", value_enum)]
        host: Host,
        /// For this config.json.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Every test tier.
    Test {
        /// Only the browser tier, and of it only the tests whose names hold NAME.
        #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = "")]
        browser_only: Option<String>,
    },
}

/// A web server `cargo xtask headers` writes for.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Host {
    Nginx,
    Caddy,
    Netlify,
}

fn main() -> ExitCode {
    let result = match <Cli as clap::Parser>::parse() {
        Cli::Serve { config, port } => serve(config, port),
        Cli::Build { config } => build(config),
        Cli::Headers { host, config } => headers(host, config),
        Cli::Test { browser_only: None } => test(false, None),
        Cli::Test { browser_only: Some(name) } => test(true, Some(name.as_str()).filter(|n| !n.is_empty())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
