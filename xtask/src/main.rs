//! Build, serve and test orchestration (`cargo xtask …`), in Rust rather than shell.
//!
//! `cargo xtask test` runs every test tier that exists so far: the workspace's unit,
//! integration and property tests (core, conformance, CLI) and the compliance suites
//! through the `dconn` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

fn run(cmd: &mut Command) -> Result<(), String> {
    eprintln!("xtask: running {cmd:?}");
    let status = cmd.status().map_err(|e| format!("{cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

fn cargo() -> Command {
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

fn test() -> Result<(), String> {
    run(cargo().args(["test", "--workspace", "--release"]))?;
    let shared = shared()?;
    let mut suites: Vec<PathBuf> = std::fs::read_dir(shared.join("conformance"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    suites.sort();
    run(cargo()
        .args(["run", "--release", "--quiet", "-p", "dconn", "--", "conformance", "--templates"])
        .arg(shared.join("conformance").join("templates"))
        .args(&suites))?;
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        _ => Err("usage: cargo xtask test".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
