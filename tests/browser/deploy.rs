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
        let files: Vec<String> = fetched(&c).await.into_iter().filter(|p| [".js", ".wasm", ".css"].iter().any(|x| p.ends_with(x))).collect();
        assert!(files.iter().any(|f| f.starts_with("/dc-consent-") && f.ends_with(".wasm")), "{files:?}");
        assert!(!files.iter().any(|f| f.starts_with("/tools/")), "the consent route loads no tools code: {files:?}");
        // The first load as the browser fetched it (the page itself, then its files), brotli.
        let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
        let mut total = brotli_size(&dist.join("index.html"));
        let mut lines = vec![format!("  /index.html {total} B")];
        for f in &files {
            let n = brotli_size(&dist.join(f.trim_start_matches('/')));
            lines.push(format!("  {f} {n} B"));
            total += n;
        }
        let report = format!(
            "consent route first load, measured in Chromium (files it fetched, brotli quality 11): {:.1} KB\n{}\n",
            total as f64 / 1024.0,
            lines.join("\n")
        );
        print!("{report}");
        std::fs::write(target("browser-size.txt"), report).unwrap();
        // A tools page loads the tools bundle and not the consent one.
        c.goto(&format!("{base}/replay")).await.unwrap();
        assert_eq!(text(&c, "main h1").await, "Replay an apply URL");
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
