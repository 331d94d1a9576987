//! `cargo xtask serve` answers as the README and `dist/_headers` say, over a real socket.

use super::*;
use std::io::{Read, Write};

const WASM: &str = "/dc-consent-0123456789abcdef_bg.wasm";

fn dist(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dc-serve-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("templates")).unwrap();
    let template = "<html><head><!-- dc:csp (replaced at build by `cargo xtask` with the policy generated from config.json) --></head></html>";
    std::fs::write(d.join(crate::web::TEMPLATE), template).unwrap();
    std::fs::write(d.join("config.json"), crate::web::DEFAULT_CONFIG).unwrap();
    std::fs::write(d.join("templates/a.b.json"), "{\"providerId\": \"a\"}".repeat(50)).unwrap();
    let wasm: Vec<u8> = (0..40_000u32).map(|i| (i % 7) as u8).collect();
    std::fs::write(d.join(&WASM[1..]), &wasm).unwrap();
    crate::bundle::precompress(&d).unwrap();
    d
}

/// One HTTP/1.1 exchange: the status line, the headers (lowercased names) and the body.
fn get(addr: std::net::SocketAddr, path: &str, extra: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{extra}\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let at = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(raw[..at].to_vec()).unwrap();
    let mut lines = head.lines();
    let status = lines.next().unwrap().to_string();
    let headers = lines.filter_map(|l| l.split_once(": ")).map(|(k, v)| (k.to_ascii_lowercase(), v.to_string())).collect();
    (status, headers, raw[at + 4..].to_vec())
}

fn header<'a>(h: &'a [(String, String)], name: &str) -> Option<&'a str> {
    h.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn serving(site: Site) -> std::net::SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    spawn(l, site);
    addr
}

#[test]
fn files_go_precompressed_with_their_cache_rule_and_routes_get_the_page_with_its_headers() {
    let d = dist("site");
    let config = r#"{"dashboard_origins": ["https://dash.example"]}"#;
    let addr = serving(Site::new(d.clone(), Some(config.into())).unwrap());

    let (status, h, body) = get(addr, WASM, "Accept-Encoding: gzip, br\r\n");
    assert!(status.contains("200"), "{status}");
    assert_eq!(header(&h, "content-encoding"), Some("br"));
    assert_eq!(header(&h, "content-type"), Some("application/wasm"));
    assert_eq!(header(&h, "cache-control"), Some("public, max-age=31536000, immutable"));
    assert_eq!(body, std::fs::read(d.join(format!("{}.br", &WASM[1..]))).unwrap(), "the build's quality-11 copy is what is sent");
    let (_, h, body) = get(addr, WASM, "Accept-Encoding: gzip\r\n");
    assert_eq!(header(&h, "content-encoding"), Some("gzip"));
    assert!(body.len() < 40_000 / 10, "{}", body.len());
    let (_, h, body) = get(addr, WASM, "");
    assert_eq!((header(&h, "content-encoding"), body.len()), (None, 40_000));
    let (status, _, body) = get(addr, WASM, "Range: bytes=0-99\r\n");
    assert!(status.contains("206"), "{status}");
    assert_eq!(body.len(), 100);

    // A route of the app: the page, its CSP for this configuration, never cached.
    let route = "/v2/domainTemplates/providers/a/services/b/apply?domain=example.com";
    let (status, h, body) = get(addr, route, "");
    assert!(status.contains("200"), "{status}");
    assert!(header(&h, "content-security-policy").unwrap().ends_with("frame-ancestors 'self' https://dash.example"));
    assert_eq!(header(&h, "referrer-policy"), Some("no-referrer"));
    assert_eq!(header(&h, "x-content-type-options"), Some("nosniff"));
    assert_eq!(header(&h, "cache-control"), Some("no-cache"));
    assert!(String::from_utf8_lossy(&body).contains("http-equiv=\"Content-Security-Policy\""));
    assert_eq!(header(&get(addr, route, "Accept-Encoding: gzip\r\n").1, "content-encoding"), Some("gzip"), "the page is compressed as it is sent");
    // A template: compressed as it is sent, revalidated.
    let (_, h, _) = get(addr, "/templates/a.b.json", "Accept-Encoding: gzip\r\n");
    assert_eq!((header(&h, "content-encoding"), header(&h, "cache-control")), (Some("gzip"), Some("no-cache")));
    // config.json is the configuration this instance serves; the page template is not a file.
    assert_eq!(get(addr, "/config.json", "").2, config.as_bytes());
    let (status, _, body) = get(addr, &format!("/{}", crate::web::TEMPLATE), "");
    assert!(status.contains("404") && !String::from_utf8_lossy(&body).contains("dc:csp"), "{status}");
    assert!(get(addr, "/missing-0123456789abcdef.js", "").0.contains("404"));
    assert!(get(addr, "/../Cargo.toml", "").0.contains("404") || !get(addr, "/../Cargo.toml", "").2.starts_with(b"[package]"));
}

#[test]
fn a_plain_static_host_answers_every_other_path_with_index_html() {
    let d = dist("static");
    std::fs::write(d.join("index.html"), "<html>the page</html>").unwrap();
    let addr = serving(Site::static_host(d, true).unwrap());
    assert_eq!(get(addr, "/config.json", "").2, b"<html>the page</html>", "an operator who forgot config.json");
    assert_eq!(get(addr, "/missing-0123456789abcdef.js", "").2, b"<html>the page</html>");
    let (_, h, body) = get(addr, WASM, "Accept-Encoding: br\r\n");
    assert_eq!((header(&h, "content-encoding"), body.len()), (None, 40_000), "a host that knows no precompressed files");
}
