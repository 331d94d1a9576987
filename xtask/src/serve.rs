//! A small static file server for `dist/` on loopback: files as they are, any other
//! path (the app's routes) answered with the app's page, its CSP rendered for the
//! configuration this instance serves — or, as [`Site::static_host`], exactly as an
//! ordinary static host with a single-page fallback serves `dist/`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

pub struct Site {
    pub dist: PathBuf,
    /// `config.json` as served (`None`: the file in `dist/`).
    pub config: Option<String>,
    pub index: String,
    /// The headers of a page response ([`crate::web::page_headers`]); none for a host
    /// that ignores `_headers`.
    pub page_headers: Vec<(&'static str, String)>,
    /// An ordinary static host: every path that is not a file gets `index.html` with
    /// status 200 (hashed assets, `config.json` and templates included).
    pub spa_fallback_everywhere: bool,
    /// Leave `config.json` out, as an operator who forgot it would.
    pub without_config: bool,
}

impl Site {
    pub fn new(dist: PathBuf, config: Option<String>) -> Result<Site, String> {
        let template = std::fs::read_to_string(dist.join(crate::web::TEMPLATE)).map_err(|e| e.to_string())?;
        let shipped = std::fs::read_to_string(dist.join("config.json")).ok();
        let effective = config.as_deref().or(shipped.as_deref());
        let index = crate::web::render(&template, effective)?;
        let page_headers = crate::web::page_headers(effective)?;
        Ok(Site { dist, config, index, page_headers, spa_fallback_everywhere: false, without_config: false })
    }

    /// `dist/` as a static host serves it: files as built, `index.html` for the rest.
    pub fn static_host(dist: PathBuf, without_config: bool) -> Result<Site, String> {
        let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
        Ok(Site { dist, config: None, index, page_headers: Vec::new(), spa_fallback_everywhere: true, without_config })
    }
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|x| x.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn respond(mut s: TcpStream, site: &Site) -> std::io::Result<()> {
    let mut line = String::new();
    let mut reader = BufReader::new(s.try_clone()?);
    reader.read_line(&mut line)?;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = Path::new(path.trim_start_matches('/'));
    let safe = rel.components().all(|c| matches!(c, Component::Normal(_)));
    let file = site.dist.join(rel);
    let hidden = rel.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let is_file = safe && !hidden && !path.ends_with('/') && file.is_file() && !(site.without_config && path == "/config.json");
    let page = ("200 OK", "text/html; charset=utf-8", site.index.clone().into_bytes());
    let (status, ctype, body): (&str, &str, Vec<u8>) = if site.spa_fallback_everywhere {
        if is_file && path != "/index.html" {
            ("200 OK", content_type(&file), std::fs::read(&file)?)
        } else {
            page
        }
    } else if let (true, Some(c)) = (path == "/config.json", &site.config) {
        ("200 OK", "application/json", c.clone().into_bytes())
    } else if is_file && path != "/index.html" {
        ("200 OK", content_type(&file), std::fs::read(&file)?)
    } else if path.contains('.') && !path.contains("/apply") && !path.starts_with("/v2/") {
        ("404 Not Found", "text/plain", b"not found".to_vec())
    } else {
        page
    };
    let mut extra = String::new();
    if ctype.starts_with("text/html") {
        for (k, v) in site.page_headers.iter().filter(|(k, _)| *k != "X-Content-Type-Options") {
            extra += &format!("{k}: {v}\r\n");
        }
    }
    let cache = if ctype.starts_with("text/html") { "no-cache" } else { crate::web::cache_control(path) };
    write!(
        s,
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: {cache}\r\nX-Content-Type-Options: nosniff\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    )?;
    s.write_all(&body)
}

/// Serve until the process ends (one thread per connection).
pub fn spawn(listener: TcpListener, site: Site) {
    let site = Arc::new(site);
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let site = site.clone();
            std::thread::spawn(move || {
                let _ = respond(conn, &site);
            });
        }
    });
}
