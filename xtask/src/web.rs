//! The release build of the app: trunk (offline), wasm-opt -Oz from binaryen 132, the
//! boot script moved out of the HTML, and a Content-Security-Policy generated from the
//! configuration. Also the size report.

use crate::tools;
use crate::{root, run};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn dist() -> PathBuf {
    root().join("dist")
}

/// The page before its CSP is filled in (the server renders one per configuration).
pub const TEMPLATE: &str = ".index.template.html";
const CSP_MARK: &str = "<!-- dc:csp (replaced at build by `cargo xtask` with the policy generated from config.json) -->";

pub fn build(config: Option<&Path>) -> Result<(), String> {
    tools::ensure_build_tools()?;
    run(Command::new(tools::bin("trunk"))
        .current_dir(root())
        .env("PATH", tools::path_with_tools())
        .args(["build", "--release", "--offline"]))?;
    let dist = dist();
    for entry in std::fs::read_dir(&dist).map_err(|e| e.to_string())? {
        let p = entry.map_err(|e| e.to_string())?.path();
        if p.extension().is_some_and(|x| x == "wasm") {
            run(Command::new(tools::wasm_opt())
                .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-sign-ext", "--enable-mutable-globals"])
                .arg(&p)
                .arg("-o")
                .arg(&p))?;
        }
    }
    let html = std::fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
    let html = move_inline_script(&html, &dist)?;
    std::fs::write(dist.join(TEMPLATE), &html).map_err(|e| e.to_string())?;
    let cfg = match config {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            std::fs::write(dist.join("config.json"), &text).map_err(|e| e.to_string())?;
            Some(text)
        }
        None => {
            let _ = std::fs::remove_file(dist.join("config.json"));
            None
        }
    };
    std::fs::write(dist.join("index.html"), render(&html, cfg.as_deref())?).map_err(|e| e.to_string())?;
    Ok(())
}

/// Trunk boots the app with an inline module script, which a strict CSP forbids:
/// move it into `boot.js`.
fn move_inline_script(html: &str, dist: &Path) -> Result<String, String> {
    let open = "<script type=\"module\">";
    let start = html.find(open).ok_or("trunk's boot script is not in dist/index.html")?;
    let body_start = start + open.len();
    let end = body_start + html[body_start..].find("</script>").ok_or("unterminated boot script")?;
    std::fs::write(dist.join("boot.js"), html[body_start..end].trim()).map_err(|e| e.to_string())?;
    Ok(format!("{}<script type=\"module\" src=\"/boot.js\"></script>{}", &html[..start], &html[end + "</script>".len()..]))
}

fn origin_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(s, r)| (s, r))?;
    if !matches!(rest.0, "http" | "https") {
        return None;
    }
    let host = rest.1.split(['/', '?', '#']).next()?;
    Some(format!("{}://{}", rest.0, host))
}

/// The policy: nothing but the app itself, plus the origins its configuration names.
pub fn csp(config: Option<&str>) -> Result<String, String> {
    let mut connect = vec!["'self'".to_string()];
    let mut img = vec!["'self'".to_string(), "data:".to_string()];
    if let Some(text) = config {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("config.json: {e}"))?;
        let mut urls = Vec::new();
        for t in v["templates"].as_array().into_iter().flatten() {
            urls.extend(t["base"].as_str());
        }
        urls.extend(v["doh"]["url"].as_str());
        urls.extend(v["records_api"]["base"].as_str());
        if v["records_api"]["kind"] == "cloudflare" && v["records_api"]["base"].is_null() {
            urls.push("https://api.cloudflare.com/");
        }
        connect.extend(urls.into_iter().filter_map(origin_of));
        img.extend(v["branding"]["logo"].as_str().and_then(origin_of));
    }
    connect.dedup();
    Ok(format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src {}; connect-src {}; base-uri 'none'; form-action 'none'",
        img.join(" "),
        connect.join(" ")
    ))
}

pub fn render(template: &str, config: Option<&str>) -> Result<String, String> {
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", csp(config)?);
    if !template.contains(CSP_MARK) {
        return Err("index.html lost its CSP marker".into());
    }
    Ok(template.replace(CSP_MARK, &meta))
}

/// Brotli sizes of what a browser downloads to show the app.
pub fn size_report() -> Result<usize, String> {
    let mut total = 0;
    let mut lines = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dist())
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().is_some_and(|n| n == "index.html")
                || p.extension().is_some_and(|x| x == "js" || x == "wasm" || x == "css")
        })
        .collect();
    entries.sort();
    for p in entries {
        let raw = std::fs::read(&p).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        let params = brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() };
        brotli::BrotliCompress(&mut raw.as_slice(), &mut out, &params).map_err(|e| e.to_string())?;
        total += out.len();
        lines.push(format!("  {:<40} {:>9} B raw {:>9} B brotli", p.file_name().unwrap_or_default().to_string_lossy(), raw.len(), out.len()));
    }
    println!("size report (html+js+wasm+css):\n{}\n  total: {:.1} KB brotli (goal: at most 200 KB)", lines.join("\n"), total as f64 / 1024.0);
    Ok(total)
}
