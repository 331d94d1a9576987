//! The release build of `dist/`: both bundles ([`bundle`]), `boot.js` (which loads the
//! bundle of the path it is opened at), the page with its Content-Security-Policy and
//! the host's headers generated from the configuration. Also the size report.

use crate::bundle::{self, Bundle};
use crate::{root, tools};
use std::path::{Path, PathBuf};

pub fn dist() -> PathBuf {
    root().join("dist")
}

/// The page before its CSP is filled in (the server renders one per configuration).
pub const TEMPLATE: &str = ".index.template.html";
const CSP_MARK: &str = "<!-- dc:csp (replaced at build by `cargo xtask` with the policy generated from config.json) -->";

/// The configuration `dist/config.json` holds when none is given: the app's embedded
/// default, written out so that operators can edit it and so that a host's single-page
/// fallback never answers `/config.json` with the page itself.
pub const DEFAULT_CONFIG: &str = include_str!("../../public/config.json");

/// The paths the tools bundle serves; every other path boots the consent bundle.
const TOOLS_ROUTES: &str = r"^\/((preview|replay)\/?)?$";

/// Build both bundles into `dist/`, ready for any static host: the consent bundle at
/// the top, the tools bundle under `tools/`, one `boot.js` that loads the bundle of the
/// path it is opened at, and `config.json` (the given file, or [`DEFAULT_CONFIG`]).
pub fn build(config: Option<&Path>) -> Result<(), String> {
    let text = match config {
        Some(p) => Some(std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => None,
    };
    build_into(&dist(), text.as_deref(), &adapters(text.as_deref())?)
}

/// The records-API adapter (cargo feature) a configuration names: each deployment's
/// page carries only its own; the default (sandbox) none.
pub fn adapters(config: Option<&str>) -> Result<Vec<&'static str>, String> {
    Ok(read(config)?.adapter().into_iter().collect())
}

/// The configuration, read as the page reads it (the embedded default when none).
pub fn read(config: Option<&str>) -> Result<dc_config::Config, String> {
    config.map(dc_config::Config::from_json).transpose().map(Option::unwrap_or_default).map_err(|e| e.to_string())
}

/// [`build`] into `dist` with the given adapters, and `config` (or the default) as
/// its config.json.
pub fn build_into(dist: &Path, config: Option<&str>, features: &[&str]) -> Result<(), String> {
    tools::ensure_build_tools()?;
    // The consent page into dist/ (trunk replaces the directory whole); of the tools
    // page only its script and wasm are kept, under tools/; and of the explain bundle
    // (what a removal breaks, what a client signed), loaded by the consent page only
    // when it has something to explain, its script and wasm under explain/.
    bundle::trunk("index.html", dist, "/", features)?;
    let tools_dir = beside(dist, "tools.html", "tools", features)?;
    let explain_dir = beside(dist, "explain.html", "explain", &[])?;
    // And the words bundle (Fluent's runtime), loaded by a page that speaks another
    // language than English, under words/.
    let words_dir = beside(dist, "words.html", "words", &[])?;
    let consent = bundle::finish(dist, "dc-consent", "/")?;
    let tools_bundle = bundle::finish(&tools_dir, "dc-tools", "/tools/")?;
    let explain = bundle::finish(&explain_dir, "dc-explain", "/explain/")?;
    let words = bundle::finish(&words_dir, "dc-words", "/words/")?;
    bundle::stylesheet(dist)?;
    std::fs::write(dist.join("boot.js"), boot_script(&consent, &tools_bundle, &explain, &words)).map_err(|e| e.to_string())?;
    let text = config.unwrap_or(DEFAULT_CONFIG).to_string();
    write_catalogue(dist, read(Some(&text))?.catalogue_dir.as_deref())?;
    bundle::precompress(dist)?;
    bundle::precompress(&tools_dir)?;
    bundle::precompress(&explain_dir)?;
    bundle::precompress(&words_dir)?;
    bundle::precompress(&dist.join("locales"))?;
    let html = std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("dist/index.html: {e}"))?;
    let html = replace_boot(&html)?;
    std::fs::write(dist.join(TEMPLATE), &html).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("config.json"), &text).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("_headers"), headers_file(config)?).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("index.html"), render(&html, Some(&text))?).map_err(|e| e.to_string())?;
    Ok(())
}

/// trunk's build of `page` (into `target/trunk-{sub}`), its script and wasm copied into
/// `dist/{sub}/`, served from `/{sub}/`; that directory.
fn beside(dist: &Path, page: &str, sub: &str, features: &[&str]) -> Result<PathBuf, String> {
    let out = root().join("target").join(format!("trunk-{sub}"));
    bundle::trunk(page, &out, &format!("/{sub}/"), features)?;
    let dir = dist.join(sub);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for e in std::fs::read_dir(&out).map_err(|e| e.to_string())? {
        let p = e.map_err(|e| e.to_string())?.path();
        if p.extension().is_some_and(|x| x == "js" || x == "wasm") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap_or_default())).map_err(|e| e.to_string())?;
        }
    }
    Ok(dir)
}

/// `catalogue.json`: the bundled templates and those of `catalogue_dir` (config.json)
/// as the core's catalogue, which the consent page fetches only when a change removes
/// records, to name the services the removal breaks.
fn write_catalogue(dist: &Path, extra: Option<&str>) -> Result<(), String> {
    let mut dirs = vec![root().join("public/templates")];
    dirs.extend(extra.map(|d| root().join(d)));
    let mut templates = Vec::new();
    let mut skipped = 0;
    for dir in &dirs {
        let mut files: Vec<_> =
            std::fs::read_dir(dir).map_err(|e| format!("catalogue_dir {}: {e}", dir.display()))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files.iter().filter(|f| f.extension().is_some_and(|x| x == "json") && !f.ends_with("index.json")) {
            match std::fs::read(f).ok().and_then(|b| domain_connect::Template::from_json_bytes(&b).ok()) {
                Some(t) => templates.push(t),
                None => skipped += 1,
            }
        }
    }
    let catalogue = domain_connect::consequences::Catalogue::from_templates(&templates);
    let json = serde_json::to_string(&catalogue.rows()).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("catalogue.json"), &json).map_err(|e| e.to_string())?;
    println!(
        "catalogue.json: {} templates ({skipped} unreadable left out), {} identifying records, {} bytes, {} brotli",
        templates.len(),
        catalogue.patterns.len(),
        json.len(),
        bundle::brotli(json.as_bytes())?.len()
    );
    Ok(())
}

/// Trunk boots the page with an inline module script (which a strict CSP forbids) and
/// preloads the consent bundle (which a tools page does not use): both give way to
/// `boot.js`, which loads the bundle of the path.
fn replace_boot(html: &str) -> Result<String, String> {
    let open = "<script type=\"module\">";
    let start = html.find(open).ok_or("trunk's boot script is not in dist/index.html")?;
    let body_start = start + open.len();
    let end = body_start + html[body_start..].find("</script>").ok_or("trunk's boot script is unterminated")?;
    let html = format!("{}<script type=\"module\" src=\"/boot.js\"></script>{}", &html[..start], &html[end + "</script>".len()..]);
    let preload = |tag: &str| {
        let t = tag.trim_start();
        t.starts_with("<link rel=\"modulepreload\"") || t.starts_with("<link rel=\"preload\"")
    };
    Ok(html.split_inclusive('>').filter(|tag| !preload(tag)).collect())
}

/// `boot.js`: load the bundle of the path the page is opened at, nothing else; and
/// `dcExplain()` and `dcWords()`, which load the explain and words bundles once, when
/// the page first asks.
fn boot_script(consent: &Bundle, tools: &Bundle, explain: &Bundle, words: &Bundle) -> String {
    format!(
        "// Written by `cargo xtask build`: each audience downloads only its own bundle.\n\
         const bundle = /{TOOLS_ROUTES}/.test(location.pathname)\n  \
           ? {{ js: '{tj}', wasm: '{tw}' }}\n  \
           : {{ js: '{cj}', wasm: '{cw}' }};\n\
         let explain;\n\
         window.dcExplain = () => explain ??= import('{ej}').then(async (m) => {{ await m.default({{ module_or_path: '{ew}' }}); return m; }});\n\
         let words;\n\
         window.dcWords = () => words ??= import('{wj}').then(async (m) => {{ await m.default({{ module_or_path: '{ww}' }}); return m; }});\n\
         const app = await import(bundle.js);\n\
         const wasm = await app.default({{ module_or_path: bundle.wasm }});\n\
         window.wasmBindings = app;\n\
         ",
        tj = tools.js,
        tw = tools.wasm,
        cj = consent.js,
        cw = consent.wasm,
        ej = explain.js,
        ew = explain.wasm,
        wj = words.js,
        ww = words.wasm,
    )
}

fn origin_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    matches!(u.scheme(), "http" | "https").then(|| u.origin().ascii_serialization())
}

/// The policy: nothing but the app itself, plus the origins its configuration names.
pub fn csp(config: Option<&str>) -> Result<String, String> {
    let mut connect = vec!["'self'".to_string()];
    // https: for the Service Providers' logos (`logoUrl`, which the core shows only when https).
    let mut img = vec!["'self'".to_string(), "data:".to_string(), "https:".to_string()];
    let c = read(config)?;
    connect.extend(c.fetched_urls().into_iter().filter_map(origin_of));
    img.extend(c.branding.logo.as_deref().and_then(origin_of));
    connect.dedup();
    Ok(format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src {}; connect-src {}; base-uri 'none'; form-action 'none'",
        img.join(" "),
        connect.join(" ")
    ))
}

/// The origins that may frame the page: the site itself and `dashboard_origins`.
fn frame_ancestors(config: Option<&str>) -> Result<String, String> {
    let mut out = vec!["'self'".to_string()];
    out.extend(read(config)?.dashboard_origins.iter().filter_map(|o| origin_of(o)));
    Ok(out.join(" "))
}

/// The headers every page response carries — one place for `dist/_headers`, the
/// README's nginx and Caddy lines and `cargo xtask serve`: the CSP with
/// `frame-ancestors` (which a `<meta>` CSP cannot carry), no referrer, no sniffing.
pub fn page_headers(config: Option<&str>) -> Result<Vec<(&'static str, String)>, String> {
    Ok(vec![
        ("Content-Security-Policy", format!("{}; frame-ancestors {}", csp(config)?, frame_ancestors(config)?)),
        ("Referrer-Policy", "no-referrer".into()),
        ("X-Content-Type-Options", "nosniff".into()),
    ])
}

/// How long a file may be cached: a year for file names with a content hash (`-` and 12 to
/// 16 hex digits; they change when their content does), otherwise revalidated on
/// every load (`index.html`, `config.json`, `boot.js`, templates).
pub fn cache_control(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or("");
    let hashed = name.rsplit_once('-').is_some_and(|(_, tail)| {
        let hash = tail.split(['.', '_']).next().unwrap_or("");
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    });
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// `dist/_headers` (the format Cloudflare Pages and Netlify read).
pub fn headers_file(config: Option<&str>) -> Result<String, String> {
    let mut out = String::from("# Written by `cargo xtask build` from config.json.\n/*\n");
    for (k, v) in page_headers(config)? {
        out += &format!("  {k}: {v}\n");
    }
    for path in ["/", "/index.html", "/config.json", "/boot.js"] {
        out += &format!("{path}\n  Cache-Control: no-cache\n");
    }
    for path in ["/dc-*", "/tools/dc-*", "/main-*"] {
        out += &format!("{path}\n  Cache-Control: public, max-age=31536000, immutable\n");
    }
    Ok(out)
}

pub fn render(template: &str, config: Option<&str>) -> Result<String, String> {
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", csp(config)?);
    if !template.contains(CSP_MARK) {
        return Err("index.html lost its CSP marker".into());
    }
    Ok(template.replace(CSP_MARK, &meta))
}

/// A file's size and its brotli size (the `.br` copy the build wrote, or computed).
fn brotli_len(p: &Path) -> Result<(usize, usize), String> {
    let raw = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
    let br = match std::fs::metadata(format!("{}.br", p.display())) {
        Ok(m) => m.len() as usize,
        Err(_) => bundle::brotli(&raw)?.len(),
    };
    Ok((raw.len(), br))
}

/// The files of each bundle as a browser fetches them (html, js, wasm, css).
pub fn bundles() -> Result<Vec<(&'static str, Vec<PathBuf>)>, String> {
    let dist = dist();
    let list = |dir: &Path, keep: &dyn Fn(&str) -> bool| -> Result<Vec<PathBuf>, String> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && keep(&p.file_name().unwrap_or_default().to_string_lossy()))
            .collect();
        v.sort();
        Ok(v)
    };
    let consent = list(&dist, &|n| {
        n == "index.html" || n == "boot.js" || n.ends_with(".css") || (n.starts_with("dc-consent-") && (n.ends_with(".js") || n.ends_with(".wasm")))
    })?;
    let tools = list(&dist.join("tools"), &|n| n.ends_with(".js") || n.ends_with(".wasm"))?;
    // Loaded by the consent page only when it has something to explain.
    let mut explain = list(&dist.join("explain"), &|n| n.ends_with(".js") || n.ends_with(".wasm"))?;
    explain.extend(list(&dist, &|n| n == "catalogue.json")?);
    // Loaded by a page in another language than English: the bundle, then one catalogue.
    let words = list(&dist.join("words"), &|n| n.ends_with(".js") || n.ends_with(".wasm"))?;
    let locales = list(&dist.join("locales"), &|n| n.ends_with(".ftl"))?;
    Ok(vec![("consent", consent), ("tools", tools), ("explain", explain), ("words", words), ("locale", locales)])
}

/// Brotli (quality 11) sizes of each bundle's files; one line per bundle. Returns the
/// consent bundle's total in bytes. The consent bundle is everything the consent route
/// loads (index.html, boot.js, the CSS, the consent js and wasm); the tools bundle is
/// what a tools page loads on top of index.html, boot.js and the CSS.
pub fn size_report() -> Result<usize, String> {
    let mut lines = Vec::new();
    let mut totals = Vec::new();
    for (name, files) in bundles()? {
        let mut total = 0;
        for p in files {
            let (raw, br) = brotli_len(&p)?;
            total += br;
            let shown = p.strip_prefix(dist()).unwrap_or(&p).display().to_string();
            lines.push(format!("  {name:<8} {shown:<44} {raw:>9} B raw {br:>9} B brotli"));
        }
        // Each catalogue is its own download: no total for them.
        if name != "locale" {
            totals.push((name, total));
        }
    }
    println!("size report (html+js+wasm+css as the browser fetches them):\n{}", lines.join("\n"));
    println!(
        "size: {} (goal: consent at most 200000 bytes; a KB is 1000 bytes)",
        totals.iter().map(|(n, t)| format!("{n} {t} bytes brotli")).collect::<Vec<_>>().join(", ")
    );
    Ok(totals.first().map(|t| t.1).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hashed_names_are_cached_long_and_frame_ancestors_come_from_config() {
        assert_eq!(cache_control("/dc-consent-87b6d699717cc827_bg.wasm"), "public, max-age=31536000, immutable");
        assert_eq!(cache_control("/tools/dc-tools-df9210e72ee436bd.js"), "public, max-age=31536000, immutable");
        assert_eq!(cache_control("/main-da962219676b3c1.css"), "public, max-age=31536000, immutable", "hashes of 12 to 16 digits");
        for p in ["/index.html", "/config.json", "/boot.js", "/templates/google.com.gmail-setup.json", "/v2/domainTemplates/x"] {
            assert_eq!(cache_control(p), "no-cache", "{p}");
        }
        let h = headers_file(Some(r#"{"dashboard_origins": ["https://dash.example"]}"#)).unwrap();
        assert!(h.contains("frame-ancestors 'self' https://dash.example\n"), "{h}");
        assert!(h.contains("Referrer-Policy: no-referrer") && h.contains("X-Content-Type-Options: nosniff"), "{h}");
        assert!(headers_file(None).unwrap().contains("frame-ancestors 'self'\n"));
    }
}
