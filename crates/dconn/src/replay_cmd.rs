//! `dconn replay`: a reported apply request (a URL, or one picked from a HAR file)
//! diagnosed step by step by the core's `replay::diagnose`, as the /replay page does.

use crate::io;
use clap::Args;
use domain_connect::replay::{self, har, Case, Status, TemplateInput};
use domain_connect::{signature, ApplyUrl, KeyAnswer, RustWeb, Template};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct ReplayArgs {
    /// The apply URL exactly as it was sent (or give --har).
    #[arg(long, required_unless_present = "har", conflicts_with = "har")]
    url: Option<String>,
    /// A HAR file saved from the browser's network panel: its apply request is replayed.
    #[arg(long)]
    har: Option<PathBuf>,
    /// Which apply request of the HAR file (1 = the first; needed when it holds several).
    #[arg(long, requires = "har")]
    pick: Option<usize>,
    /// The template: a file, or a directory holding `{providerId}.{serviceId}.json`.
    #[arg(long)]
    template: Option<PathBuf>,
    /// The TXT records at the key host, one per line as `dig +short TXT` prints them
    /// (omitted: the key is not checked, and the signature step warns).
    #[arg(long)]
    txt: Option<PathBuf>,
    /// The customer's zone, JSON records or a BIND zone file (omitted: an empty zone).
    #[arg(long)]
    zone: Option<PathBuf>,
    /// Print {"decision", "steps": [{"id", "status", "title", "detail"}]} instead of text.
    #[arg(long)]
    json: bool,
}

fn bad_usage(message: String) -> ExitCode {
    eprintln!("dconn replay: {message}");
    ExitCode::from(2)
}

fn text(path: &Path) -> Result<String, String> {
    io::read_limited(path).map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// The URL to replay: given, or the one picked from the HAR file.
fn url(a: &ReplayArgs) -> Result<String, String> {
    let Some(path) = &a.har else { return Ok(a.url.clone().unwrap_or_default()) };
    let found = har::apply_requests(&text(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    let list = || {
        found
            .iter()
            .enumerate()
            .map(|(i, r)| format!("  {}. {} {} {}", i + 1, r.started, r.status.map(|s| s.to_string()).unwrap_or("-".into()), r.url))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match (a.pick, found.len()) {
        (_, 0) => Err(format!("{}: no apply request (…/v2/domainTemplates/providers/…/apply) in it", path.display())),
        (None, 1) => Ok(found[0].url.clone()),
        (None, n) => Err(format!("{} holds {n} apply requests; choose one with --pick N:\n{}", path.display(), list())),
        (Some(n), len) if n == 0 || n > len => Err(format!("--pick {n}: {} holds {len} apply request(s):\n{}", path.display(), list())),
        (Some(n), _) => Ok(found[n - 1].url.clone()),
    }
}

pub fn run(a: ReplayArgs) -> ExitCode {
    let url = match url(&a) {
        Ok(u) => u,
        Err(e) => return bad_usage(e),
    };
    let parsed = ApplyUrl::parse(&url).ok();
    // The template: its text as found (a malformed one is diagnosed, not refused here).
    let (mut json_text, mut source, mut missing) = (String::new(), String::new(), String::new());
    match (&a.template, &parsed) {
        (None, _) => missing = "no --template was given".into(),
        (Some(p), Some(u)) if p.is_dir() => {
            let file = p.join(Template::file_name(&u.provider_id, &u.service_id));
            match file.exists() {
                true => (json_text, source) = (text(&file).unwrap_or_default(), file.display().to_string()),
                false => missing = format!("{} has no {}", p.display(), Template::file_name(&u.provider_id, &u.service_id)),
            }
        }
        (Some(p), _) if p.is_dir() => missing = format!("the URL does not name a template to look for in {}", p.display()),
        (Some(p), _) => match text(p) {
            Ok(t) => (json_text, source) = (t, p.display().to_string()),
            Err(e) => return bad_usage(e),
        },
    }
    let template = if missing.is_empty() { TemplateInput::Text { json: &json_text, source: &source } } else { TemplateInput::Missing { reason: &missing } };
    let key = match &a.txt {
        None => KeyAnswer::NotAsked,
        Some(p) => match text(p) {
            Ok(t) => KeyAnswer::Found { txt: signature::parse_txt_lines(&t), source: p.display().to_string() },
            Err(e) => return bad_usage(e),
        },
    };
    let origin = parsed.as_ref().map(|u| u.domain.ascii.clone()).unwrap_or_default();
    let zone = match &a.zone {
        None => None,
        Some(p) => match io::read_zone(p, &origin) {
            Ok(z) => Some(z),
            Err(e) => return bad_usage(e),
        },
    };
    let d = replay::diagnose(&Case { url: &url, template, key: &key, zone: zone.as_deref() }, &RustWeb);
    if a.json {
        outln!("{}", d.to_json());
    } else {
        outln!("{}", d.to_text().trim_end());
    }
    if d.decision == Status::Fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
