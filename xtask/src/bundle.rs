//! The wasm bundles, built without a bundler: `cargo build` for wasm32 (both binaries
//! in one run), the wasm-bindgen CLI, binaryen's `wasm-opt -Oz`, esbuild on the JS glue
//! and the CSS, then file names carrying a hash of their content so a host may cache
//! them for a year. (Until issue 16 trunk did this; compiling trunk was a third of a
//! fresh machine's set-up and it did nothing here that these few steps do not.)

use crate::{root, run, tools};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;

/// One bundle's files, as URLs from the site's root.
pub struct Bundle {
    /// The wasm-bindgen JS module, e.g. `/dc-consent-5e1f….js`.
    pub js: String,
    pub wasm: String,
}

/// The first 16 hex digits of the SHA-256 of `parts`.
fn content_hash(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Compile `bins` of the app for wasm32 (profile `wasm-release`) with `features`, in a
/// target directory of its own (`target/wasm`), so that it may compile while the host
/// tiers do: cargo locks a target directory for one build at a time, and the wasm's
/// single codegen unit and LTO leave a core idle that the host build can use.
pub fn compile(bins: &[&str], features: &[&str]) -> Result<PathBuf, String> {
    let mut c = crate::cargo();
    c.env("CARGO_TARGET_DIR", root().join("target").join("wasm"));
    c.args(["build", "--profile", "wasm-release", "--target", "wasm32-unknown-unknown", "-p", "dc-consent"]);
    for b in bins {
        c.args(["--bin", b]);
    }
    if !features.is_empty() {
        c.args(["--features", &features.join(",")]);
    }
    run(&mut c)?;
    Ok(root().join("target/wasm/wasm32-unknown-unknown/wasm-release"))
}

/// Compile both wasm builds the test tiers use (the default, and the one with both
/// records-API adapters), for [`compile`] to find done later.
pub fn prewarm() -> Result<(), String> {
    compile(&["dc-consent", "dc-tools"], &[])?;
    compile(&["dc-consent", "dc-tools"], &["powerdns", "cloudflare"]).map(|_| ())
}

/// wasm-bindgen, wasm-opt and esbuild on one compiled binary, then its brotli and gzip
/// copies; the results go to `out` as `{bin}-{hash}.js` and `{bin}-{hash}_bg.wasm`,
/// named as seen from `url_base`. The work is kept under `target/bindgen/`, keyed by
/// the compiled binary, so building the same code again (`cargo xtask serve` after
/// `test`) only copies files.
pub fn finish(compiled: &Path, bin: &str, out: &Path, url_base: &str) -> Result<Bundle, String> {
    let input = compiled.join(format!("{bin}.wasm"));
    let compiled_bytes = std::fs::read(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let key = content_hash(&[&compiled_bytes, tools::BINARYEN_VERSION.as_bytes(), tools::ESBUILD_VERSION.as_bytes()]);
    let work = root().join("target").join("bindgen").join(format!("{bin}-{key}"));
    let (js, wasm) = (work.join(format!("{bin}.js")), work.join(format!("{bin}_bg.wasm")));
    let done = work.join(".done");
    if !done.is_file() {
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
        run(Command::new(tools::bin("wasm-bindgen")).args(["--target", "web", "--no-typescript", "--out-dir"]).arg(&work).arg(&input))?;
        wasm_opt(&wasm)?;
        esbuild(&js, &js)?;
        precompress(&work)?;
        std::fs::write(&done, "").map_err(|e| e.to_string())?;
    }
    let js_bytes = std::fs::read(&js).map_err(|e| e.to_string())?;
    let wasm_bytes = std::fs::read(&wasm).map_err(|e| e.to_string())?;
    let stem = format!("{bin}-{}", content_hash(&[&js_bytes, &wasm_bytes]));
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    for (from, to) in [(format!("{bin}.js"), format!("{stem}.js")), (format!("{bin}_bg.wasm"), format!("{stem}_bg.wasm"))] {
        for ext in ["", ".br", ".gz"] {
            std::fs::copy(work.join(format!("{from}{ext}")), out.join(format!("{to}{ext}"))).map_err(|e| format!("{from}{ext}: {e}"))?;
        }
    }
    Ok(Bundle { js: format!("{url_base}{stem}.js"), wasm: format!("{url_base}{stem}_bg.wasm") })
}

/// The stylesheet, minified, as `main-{hash}.css` in `out`; returns its URL.
pub fn stylesheet(out: &Path) -> Result<String, String> {
    let work = root().join("target").join("bindgen").join("main.css");
    esbuild(&root().join("style/main.css"), &work)?;
    let css = std::fs::read(&work).map_err(|e| e.to_string())?;
    let name = format!("main-{}.css", content_hash(&[&css]));
    std::fs::write(out.join(&name), css).map_err(|e| e.to_string())?;
    Ok(format!("/{name}"))
}

/// Copy a directory tree (the bundled templates and sandbox keys).
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for e in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let p = e.map_err(|e| e.to_string())?.path();
        let target = to.join(p.file_name().unwrap_or_default());
        if p.is_dir() {
            copy_dir(&p, &target)?;
        } else {
            std::fs::copy(&p, &target).map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    Ok(())
}

fn wasm_opt(p: &Path) -> Result<(), String> {
    run(Command::new(tools::wasm_opt())
        .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-sign-ext", "--enable-mutable-globals"])
        .arg(p)
        .arg("-o")
        .arg(p))
}

/// Minify JS (wasm-bindgen's glue: whitespace, names; the same module) or CSS.
fn esbuild(from: &Path, to: &Path) -> Result<(), String> {
    let mut c = Command::new(tools::esbuild());
    c.arg(from).args(["--minify", "--allow-overwrite", "--log-level=warning"]);
    if from.extension().is_some_and(|x| x == "js") {
        c.arg("--format=esm");
    }
    run(c.arg(format!("--outfile={}", to.display())))
}

/// The brotli (quality 11) encoding of `raw`.
pub fn brotli(raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() };
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Beside each file a host may send compressed (`.js`, `.wasm`, `.css` in `dir` without
/// a copy yet), its
/// brotli and gzip copies (`name.br`, `name.gz`), as `cargo xtask serve`, nginx's
/// `brotli_static`/`gzip_static` and Caddy's `precompressed` serve them. Not
/// `index.html` or `config.json`: operators edit those.
pub fn precompress(dir: &Path) -> Result<(), String> {
    use std::io::Write;
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let p = e.map_err(|e| e.to_string())?.path();
        if !p.extension().is_some_and(|x| x == "js" || x == "wasm" || x == "css") || Path::new(&format!("{}.br", p.display())).is_file() {
            continue;
        }
        let raw = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw).map_err(|e| e.to_string())?;
        let gz = gz.finish().map_err(|e| e.to_string())?;
        let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
        std::fs::write(dir.join(format!("{name}.br")), brotli(&raw)?).map_err(|e| e.to_string())?;
        std::fs::write(dir.join(format!("{name}.gz")), gz).map_err(|e| e.to_string())?;
    }
    Ok(())
}
