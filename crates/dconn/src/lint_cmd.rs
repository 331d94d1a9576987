//! `dconn lint`: files and directories in, the core's lint findings out.

use clap::Args;
use domain_connect::lint::{Finding, Level, Linter, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct LintArgs {
    /// Also check Cloudflare's profile (DCTL5000–5011).
    #[arg(long)]
    cloudflare: bool,
    /// One JSON object per finding and line: {"template", "code", "level", "path", "message"}.
    #[arg(long)]
    json: bool,
    /// Template files, or directories whose *.json files are linted (sorted by name).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::read_dir(p) {
            Ok(entries) => {
                let mut v: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|f| f.extension().is_some_and(|x| x == "json")).collect();
                v.sort();
                out.extend(v);
            }
            Err(_) => out.push(p.clone()),
        }
    }
    out
}

fn name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string())
}

pub fn run(a: LintArgs) -> ExitCode {
    let mut linter = Linter::new(Options { cloudflare: a.cloudflare });
    let mut error = false;
    for file in files(&a.paths) {
        let findings: Vec<Finding> = match crate::io::read_limited(&file).map(String::from_utf8) {
            Ok(Ok(text)) => linter.lint(Some(&name(&file)), &text),
            Ok(Err(e)) => vec![Finding::cannot_open(format!("{}: not UTF-8 ({e})", file.display()))],
            Err(e) => vec![Finding::cannot_open(e)],
        };
        for f in findings {
            error |= f.level == Level::Error;
            if a.json {
                outln!("{}", f.json_line(&name(&file)));
            } else {
                let at = if f.path.is_empty() { String::new() } else { format!(" {}", f.path) };
                outln!("{}: {} {}{at}: {}\n    fix: {}", file.display(), f.level.as_str(), f.code, f.message, f.fix);
            }
        }
    }
    if error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
