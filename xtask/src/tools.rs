//! Installing what the build needs, each only when missing (so a second run is fast):
//! the wasm32 target, trunk, the wasm-bindgen CLI matching Cargo.lock, binaryen's
//! wasm-opt and esbuild from npm, and (for the browser tier) Debian packages.

use crate::{root, run};
use std::path::PathBuf;
use std::process::Command;

/// trunk builds and serves the app. 0.21.14: trunk 0.22 needs a newer rustc.
pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";
/// esbuild, from npm: minifies wasm-bindgen's JS glue and the stylesheet.
pub const ESBUILD_VERSION: &str = "0.25.12";
/// Debian packages of the browser tier (and `sqlite3` to create PowerDNS's database).
pub const DEBIAN_PACKAGES: [&str; 11] = [
    "pdns-server",
    "pdns-backend-sqlite3",
    "dnsdist",
    "chromium",
    "chromium-driver",
    "bind9-dnsutils",
    "sqlite3",
    // The README's nginx and Caddy snippets, served for real.
    "nginx",
    "libnginx-mod-http-brotli-static",
    "caddy",
    // Japanese glyphs for the screenshots of the Japanese page (Chromium here has no CJK
    // font otherwise; a customer's browser has its own).
    "fonts-ipafont-gothic",
];

/// Tools installed by xtask live here (gitignored), not in the user's ~/.cargo.
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

pub fn bin(name: &str) -> PathBuf {
    tools_dir().join("bin").join(name)
}

/// `PATH` with the installed tools first, for trunk (which finds wasm-bindgen there).
pub fn path_with_tools() -> std::ffi::OsString {
    let mut dirs = vec![tools_dir().join("bin")];
    dirs.extend(std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default());
    std::env::join_paths(dirs).unwrap_or_default()
}

pub fn wasm_opt() -> PathBuf {
    tools_dir().join("node_modules").join(".bin").join("wasm-opt")
}

pub fn esbuild() -> PathBuf {
    tools_dir().join("node_modules").join(".bin").join("esbuild")
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The version of a package in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l == format!("name = \"{package}\"") {
            if let Some(v) = lines.next().and_then(|v| v.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// The wasm32 target and the clippy and rustfmt components (rustup), if missing.
pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let components = output(Command::new("rustup").args(["component", "list", "--installed"])).unwrap_or_default();
    for c in ["clippy", "rustfmt"] {
        if !components.lines().any(|l| l.trim().starts_with(c)) {
            run(Command::new("rustup").args(["component", "add", c]))?;
        }
    }
    Ok(())
}

pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    let cargo_install = |krate: &str, version: &str, extra: &[&str]| -> Result<(), String> {
        // --debug: it compiles in a third of the time, and runs in a second or two here.
        run(crate::cargo().args(["install", "--debug", krate, "--version", version]).args(extra).arg("--root").arg(tools_dir()))
    };
    let has = |name: &str, version: &str| output(Command::new(bin(name)).arg("--version")).is_some_and(|v| v.split_whitespace().any(|w| w == version));
    let wbg = locked_version("wasm-bindgen")?;
    if !has("wasm-bindgen", &wbg) {
        // Not --locked: a dependency version it locks is no longer in the registry.
        cargo_install("wasm-bindgen-cli", &wbg, &[])?;
    }
    if !has("trunk", TRUNK_VERSION) {
        // Without its default features (a TLS stack, the update check): it downloads
        // nothing here (`offline` in Trunk.toml) and serves plain HTTP on loopback. A
        // sixth less to compile.
        cargo_install("trunk", TRUNK_VERSION, &["--locked", "--no-default-features"])?;
    }
    let npm_install = |package: String| run(Command::new("npm").args(["install", "--no-audit", "--no-fund", "--prefix"]).arg(tools_dir()).arg(package));
    let wo = output(Command::new(wasm_opt()).arg("--version")).unwrap_or_default();
    if !wo.contains(&format!("version {BINARYEN_VERSION}")) {
        npm_install(format!("binaryen@{BINARYEN_VERSION}"))?;
    }
    let eb = output(Command::new(esbuild()).arg("--version")).unwrap_or_default();
    if eb.trim() != ESBUILD_VERSION {
        npm_install(format!("esbuild@{ESBUILD_VERSION}"))?;
    }
    Ok(())
}

/// Install the browser tier's Debian packages that are missing (apt, as root or via sudo).
pub fn ensure_debian_packages() -> Result<(), String> {
    let missing: Vec<&str> = DEBIAN_PACKAGES
        .iter()
        .copied()
        .filter(|p| !output(Command::new("dpkg-query").args(["-W", "-f=${Status}", p])).is_some_and(|s| s.contains("install ok installed")))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = output(Command::new("id").arg("-u")).map(|u| u.trim() != "0").unwrap_or(true);
    let apt = |args: &[&str]| {
        let mut c = if sudo { Command::new("sudo") } else { Command::new("apt-get") };
        if sudo {
            c.arg("apt-get");
        }
        c.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        c
    };
    run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install)?;
    // Debian starts these as services on install; the tests run their own copies.
    for svc in ["pdns", "dnsdist", "nginx", "caddy"] {
        let _ = Command::new("service").args([svc, "stop"]).output();
    }
    Ok(())
}
