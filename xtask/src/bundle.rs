//! The wasm bundles, built by trunk (`Trunk.toml`, `index.html`, `tools.html`): cargo
//! for wasm32, wasm-bindgen, the stylesheet and the copied directories, under names
//! that carry a hash of their content. Then what trunk does not do here: binaryen 132's
//! `wasm-opt -Oz` (trunk would want its own download; Debian's binaryen breaks the
//! output) and esbuild on the JS glue and the CSS (trunk's minifier cannot parse the
//! glue), cached by the bytes trunk wrote; and the brotli and gzip copies.

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

/// The directory the wasm compiles in (`target/wasm`), apart from the host builds', so
/// that it may compile while the host tiers do: cargo locks a target directory for one
/// build at a time, and the wasm's single codegen unit and LTO leave a core idle.
fn wasm_target() -> PathBuf {
    root().join("target").join("wasm")
}

/// Compile both binaries of the app for wasm32 (profile `wasm-release`) with
/// `features`, as trunk will ask for them, so that trunk finds them done.
pub fn compile(features: &[&str]) -> Result<(), String> {
    let mut c = crate::cargo();
    c.env("CARGO_TARGET_DIR", wasm_target());
    c.args([
        "build",
        "--profile",
        "wasm-release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "dc-consent",
        "--bin",
        "dc-consent",
        "--bin",
        "dc-tools",
        "--bin",
        "dc-explain",
        "--bin",
        "dc-words",
    ]);
    if !features.is_empty() {
        c.args(["--features", &features.join(",")]);
    }
    run(&mut c)
}

/// Compile both wasm builds the test tiers use (the default, and the one with both
/// records-API adapters) while the host tiers run.
pub fn prewarm() -> Result<(), String> {
    compile(&[])?;
    compile(&["powerdns", "cloudflare"])
}

/// `trunk build --release` of one page into `dist`, served from `public_url`.
pub fn trunk(page: &str, dist: &Path, public_url: &str, features: &[&str]) -> Result<(), String> {
    let mut c = Command::new(tools::bin("trunk"));
    c.current_dir(root()).env("PATH", tools::path_with_tools()).env("CARGO_TARGET_DIR", wasm_target());
    c.args(["build", page, "--release", "--public-url", public_url, "--dist"]).arg(dist);
    if !features.is_empty() {
        c.args(["--features", &features.join(",")]);
    }
    run(&mut c)
}

/// The js/wasm pair trunk wrote for `bin` in `dir`, finished in place (wasm-opt,
/// esbuild, brotli and gzip copies) and named as seen from `url_base`.
pub fn finish(dir: &Path, bin: &str, url_base: &str) -> Result<Bundle, String> {
    let (mut js, mut wasm) = (None, None);
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let name = e.map_err(|e| e.to_string())?.file_name().to_string_lossy().into_owned();
        if !name.starts_with(&format!("{bin}-")) {
            continue;
        }
        if name.ends_with("_bg.wasm") {
            wasm = Some(name);
        } else if name.ends_with(".js") {
            js = Some(name);
        }
    }
    let (Some(js), Some(wasm)) = (js, wasm) else { return Err(format!("trunk wrote no {bin} js/wasm pair in {}", dir.display())) };
    for (name, step) in [(&wasm, Step::WasmOpt), (&js, Step::Esbuild)] {
        cached(&dir.join(name), step)?;
    }
    Ok(Bundle { js: format!("{url_base}{js}"), wasm: format!("{url_base}{wasm}") })
}

/// The stylesheet trunk wrote in `dir` (`main-{hash}.css`), minified in place.
pub fn stylesheet(dir: &Path) -> Result<(), String> {
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let p = e.map_err(|e| e.to_string())?.path();
        if p.extension().is_some_and(|x| x == "css") {
            cached(&p, Step::Esbuild)?;
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Step {
    WasmOpt,
    Esbuild,
}

/// Run `step` on the file in place, or take its result from `target/finished/` when
/// the same bytes were finished before (`cargo xtask serve` after `test`: wasm-opt is
/// most of a build's time once the code is compiled).
fn cached(p: &Path, step: Step) -> Result<(), String> {
    let raw = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
    let version = match step {
        Step::WasmOpt => tools::BINARYEN_VERSION,
        Step::Esbuild => tools::ESBUILD_VERSION,
    };
    let ext = p.extension().unwrap_or_default().to_string_lossy().into_owned();
    let store = root().join("target").join("finished").join(format!("{}.{ext}", content_hash(&[&raw, version.as_bytes()])));
    if !store.is_file() {
        let work = store.with_extension(format!("work.{ext}"));
        std::fs::create_dir_all(store.parent().unwrap_or(Path::new("."))).map_err(|e| e.to_string())?;
        std::fs::write(&work, &raw).map_err(|e| e.to_string())?;
        match step {
            Step::WasmOpt => wasm_opt(&work)?,
            Step::Esbuild => esbuild(&work, &work)?,
        }
        std::fs::rename(&work, &store).map_err(|e| e.to_string())?;
    }
    std::fs::copy(&store, p).map(|_| ()).map_err(|e| format!("{}: {e}", p.display()))
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
        if !p.extension().is_some_and(|x| x == "js" || x == "wasm" || x == "css" || x == "json" || x == "ftl")
            || Path::new(&format!("{}.br", p.display())).is_file()
        {
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
