//! `dist/` as DNS providers deploy it: an ordinary static host with a single-page fallback.

use super::*;

#[tokio::test]
async fn dist_works_on_a_static_host_and_each_route_loads_only_its_bundle() {
    with_browser("static_host", |c| async move {
        let base = env("DC_STATIC_APP");
        c.goto(&format!("{base}{SIGNED}")).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        let sig = text(&c, "[data-testid=signature]").await;
        assert!(sig.contains("signature verifies"), "{sig}");
        // Each file the page fetched, and whether it started before the first render; read
        // once the explain bundle has come (the signed example replaces records).
        let mut entries: Vec<(String, bool)> = Vec::new();
        for _ in 0..100 {
            let v = c
                .execute(
                    "const r = performance.getEntriesByName('dc-first-render')[0].startTime; \
                     return performance.getEntriesByType('resource').map(e => [new URL(e.name).pathname, e.startTime < r])",
                    vec![],
                )
                .await
                .unwrap();
            entries = serde_json::from_value(v).unwrap();
            if entries.iter().any(|(p, _)| p.starts_with("/explain/") && p.ends_with(".wasm")) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let code = |p: &str| [".js", ".wasm", ".css"].iter().any(|x| p.ends_with(x)) || p == "/catalogue.json";
        let files: Vec<String> = entries.iter().filter(|(p, first)| *first && code(p)).map(|(p, _)| p.clone()).collect();
        let later: Vec<String> = entries.iter().filter(|(p, first)| !*first && code(p)).map(|(p, _)| p.clone()).collect();
        assert!(files.iter().any(|f| f.starts_with("/dc-consent-") && f.ends_with(".wasm")), "{files:?}");
        assert!(!files.iter().chain(&later).any(|f| f.starts_with("/tools/")), "the consent route loads no tools code: {files:?}");
        // The signed example replaces records: the explain bundle and the catalogue come,
        // but only after the screen is shown.
        assert!(!files.iter().any(|f| f.starts_with("/explain/") || f == "/catalogue.json"), "nothing to explain before the first render: {files:?}");
        assert!(later.iter().any(|f| f.starts_with("/explain/")) && later.iter().any(|f| f == "/catalogue.json"), "then the explain bundle: {later:?}");
        // The first load as the browser fetched it before the first render (the page
        // itself, then its files), brotli; then what came after, on demand.
        let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
        let mut total = brotli_size(&dist.join("index.html"));
        let mut lines = vec![format!("  /index.html {total} B")];
        for f in &files {
            let n = brotli_size(&dist.join(f.trim_start_matches('/')));
            lines.push(format!("  {f} {n} B"));
            total += n;
        }
        let mut after = 0;
        for f in &later {
            let n = brotli_size(&dist.join(f.trim_start_matches('/')));
            lines.push(format!("  after the first render, to explain: {f} {n} B"));
            after += n;
        }
        let report = format!(
            "consent route first load, measured in Chromium (files it fetched before its first render, brotli quality 11): {} bytes; then {after} bytes on demand\n{}\n",
            total,
            lines.join("\n")
        );
        print!("{report}");
        std::fs::write(target("browser-size.txt"), report).unwrap();
        // A tools page loads the tools bundle and not the consent one.
        c.goto(&format!("{base}/replay")).await.unwrap();
        assert_eq!(text(&c, "main h1").await, "Replay a reported request");
        let files = fetched(&c).await;
        assert!(files.iter().any(|f| f.starts_with("/tools/dc-tools-")), "{files:?}");
        assert!(!files.iter().any(|f| f.starts_with("/dc-consent-")), "a tools page loads no consent code: {files:?}");
    })
    .await;
}

#[tokio::test]
async fn a_static_host_without_config_json_says_so_and_stops_loading() {
    with_browser("static_host_no_config", |c| async move {
        c.goto(&format!("{}{SIGNED}", env("DC_STATIC_NO_CONFIG_APP"))).await.unwrap();
        let problem = text(&c, "[data-testid=config-problem]").await;
        assert!(problem.contains("HTML page"), "{problem}");
        let error = text(&c, "[data-testid=load-error]").await;
        assert!(error.contains("Nothing has been changed"), "{error}");
        let main = text(&c, "main").await;
        assert!(!main.contains("Loading the request"), "{main}");
    })
    .await;
}

/// `dist/` on nginx and on Caddy, each configured with what `cargo xtask headers`
/// prints (the README's snippets): the headers, caching, precompressed files and the
/// single-page fallback, and the signed example loads with no CSP violation.
#[tokio::test]
async fn dist_on_nginx_and_caddy_as_the_readme_configures_them() {
    with_browser("nginx_caddy", |c| async move {
        let wasm = std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .find(|n| n.starts_with("dc-consent-") && n.ends_with("_bg.wasm"))
            .unwrap();
        for (server, base) in [("nginx", env("DC_NGINX_APP")), ("caddy", env("DC_CADDY_APP"))] {
            let page = http_request("GET", &format!("{base}{SIGNED}"), &[("Accept-Encoding", "br")], "");
            assert_eq!(page.status, 200, "{server}");
            let h = &page.headers;
            assert!(page.header("content-security-policy").ends_with("frame-ancestors 'self'"), "{server}: {h:?}");
            assert!(page.header("content-security-policy").contains("script-src 'self' 'wasm-unsafe-eval'"), "{server}: {h:?}");
            assert_eq!(page.header("referrer-policy"), "no-referrer", "{server}");
            assert_eq!(page.header("x-content-type-options"), "nosniff", "{server}");
            assert_eq!(page.header("cache-control"), "no-cache", "{server}");
            let w = http_request("GET", &format!("{base}/{wasm}"), &[("Accept-Encoding", "gzip, br")], "");
            assert_eq!(w.header("content-encoding"), "br", "{server}: the build's brotli copy: {:?}", w.headers);
            assert_eq!(w.header("content-type"), "application/wasm", "{server}");
            assert_eq!(w.header("cache-control"), "public, max-age=31536000, immutable", "{server}");
            assert_eq!(http_request("GET", &format!("{base}/.index.template.html"), &[], "").status, 404, "{server}");

            c.goto(&format!("{base}{SIGNED}")).await.unwrap();
            wait_css(&c, "[data-testid=changes]").await;
            let sig = text(&c, "[data-testid=signature]").await;
            assert!(sig.contains("signature verifies"), "{server}: {sig}");
            let log = console(&c).await;
            assert!(!log.iter().any(|m| m.to_string().contains("Content Security Policy")), "{server}: {log:?}");
        }
        // What the page asked nginx for itself: never the signature or state, in the
        // path or the Referer (the navigation to the apply URL is the only line with them).
        let log = std::fs::read_to_string(env("DC_NGINX_LOG")).unwrap();
        let own: Vec<&str> = log.lines().filter(|l| !l.starts_with("/v2/domainTemplates/")).collect();
        assert!(own.len() >= 5 && own.iter().any(|l| l.contains("_bg.wasm")), "{log}");
        for line in &own {
            let (path, referer) = line.split_once('\t').unwrap();
            assert!(!path.contains("sig=") && !path.contains("state="), "{line}");
            assert_eq!(referer, "-", "no Referer is sent: {line}");
        }
    })
    .await;
}
