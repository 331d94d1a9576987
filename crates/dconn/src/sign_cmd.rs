//! `dconn verify`, `dconn sign`, `dconn keygen`: files and JSON around the core's
//! `review`, `signature::sign_url` and `signature::generate_key`.

use crate::io;
use clap::Args;
use domain_connect::{review, signature, ApplyUrl, KeyAnswer, Policy, ZoneInput};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct VerifyArgs {
    /// The apply URL (absolute, or a path with its query).
    #[arg(long)]
    url: String,
    /// The template the URL names (its syncPubKeyDomain decides whether a signature is required).
    #[arg(long)]
    template: PathBuf,
    /// The TXT strings at {key}.{syncPubKeyDomain}, one record per line as `dig +short`
    /// prints them (omitted: no key was looked up).
    #[arg(long)]
    txt: Option<PathBuf>,
    /// The zone the request would change (JSON records or a BIND zone file; default: empty).
    #[arg(long)]
    zone: Option<PathBuf>,
    /// A directory of templates (`*.json`) that tells which services a removal breaks.
    #[arg(long)]
    catalogue: Option<PathBuf>,
}

#[derive(Args)]
pub struct SignArgs {
    /// The apply URL to sign (an existing sig/key is replaced).
    #[arg(long)]
    url: String,
    /// The private key, PEM (PKCS#8 or PKCS#1).
    #[arg(long)]
    key: PathBuf,
    /// The key host label under syncPubKeyDomain, e.g. _dck1.
    #[arg(long = "key-host")]
    key_host: String,
}

#[derive(Args)]
pub struct KeygenArgs {
    /// Write the private key (PEM) to this file instead of standard output.
    #[arg(long, requires = "txt")]
    private: Option<PathBuf>,
    /// Write the TXT records to publish to this file (one per line, quoted as `dig +short`
    /// prints them and `verify --txt` reads them).
    #[arg(long, requires = "private")]
    txt: Option<PathBuf>,
}

fn bad_input(message: String) -> ExitCode {
    outln!("{}", json!({"error": "bad_input", "message": message}));
    ExitCode::from(2)
}

pub fn verify(a: VerifyArgs) -> ExitCode {
    let url = match ApplyUrl::parse(&a.url) {
        Ok(u) => u,
        Err(e) => return bad_input(format!("--url: {e}")),
    };
    let template = match io::read_template(&a.template) {
        Ok(t) => t,
        Err(e) => return bad_input(e),
    };
    let key = match &a.txt {
        None => KeyAnswer::NotAsked,
        Some(p) => match io::read_limited(p) {
            Ok(b) => KeyAnswer::Found { txt: signature::parse_txt_lines(&String::from_utf8_lossy(&b)), source: p.display().to_string() },
            Err(e) => return bad_input(e),
        },
    };
    let zone = match &a.zone {
        None => Vec::new(),
        Some(p) => match io::read_zone(p, &url.domain.ascii) {
            Ok(z) => z,
            Err(e) => return bad_input(e),
        },
    };
    let catalogue = match &a.catalogue {
        None => Default::default(),
        Some(dir) => match io::read_catalogue(dir) {
            Ok((c, _)) => c,
            Err(e) => return bad_input(format!("--catalogue {e}")),
        },
    };
    let r = review(&url, &template, &key, ZoneInput::Records(&zone), &Policy::default());
    outln!("{}", verify_json(&r, &template, &catalogue));
    if r.decision.may_apply {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The signature report's fields at the top level (as before the review existed),
/// then the rest of the review.
fn verify_json(r: &domain_connect::Review, template: &domain_connect::Template, catalogue: &domain_connect::consequences::Catalogue) -> String {
    let mut v = serde_json::to_value(&r.signature).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("decision".into(), serde_json::to_value(&r.decision).unwrap_or_default());
        o.insert("flags".into(), serde_json::to_value(&r.flags).unwrap_or_default());
        o.insert("return_to".into(), serde_json::to_value(&r.return_to).unwrap_or_default());
        o.insert("proxy".into(), serde_json::to_value(&r.proxy).unwrap_or_default());
        let changes = serde_json::to_value(r).ok().and_then(|mut all| all.get_mut("changes").map(serde_json::Value::take));
        // The names the link gives and the page shows, flagged when they mislead.
        let names = [r.flags.provider_name_extra.as_deref(), r.flags.service_name_extra.as_deref()];
        let flags: Vec<_> = names.into_iter().flatten().flat_map(|n| domain_connect::names::check(n, &template.provider_id, catalogue)).collect();
        o.insert("name_flags".into(), serde_json::to_value(&flags).unwrap_or_default());
        let mut changes = changes.unwrap_or_default();
        if let (Ok(cs), Some(c)) = (&r.changes, changes.as_object_mut()) {
            c.insert("deleted".into(), io::deleted_with_breaks(cs, template, catalogue));
            o.insert("net".into(), io::net_json(cs));
        }
        o.insert("changes".into(), changes);
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

pub fn sign(a: SignArgs) -> ExitCode {
    let pem = match io::read_limited(&a.key) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => return bad_input(e),
    };
    match signature::sign_url(&a.url, &pem, &a.key_host) {
        Ok(u) => {
            outln!("{u}");
            ExitCode::SUCCESS
        }
        Err(e) => bad_input(e.to_string()),
    }
}

pub fn keygen(a: KeygenArgs) -> ExitCode {
    match signature::generate_key(&mut rsa::rand_core::OsRng) {
        Ok((pem, txt)) if a.private.is_some() => {
            let (Some(private), Some(txt_file)) = (&a.private, &a.txt) else { return bad_input("--private needs --txt".into()) };
            let records: String = txt.iter().map(|t| format!("\"{t}\"\n")).collect();
            if let Err(e) = std::fs::write(private, &pem).and_then(|()| std::fs::write(txt_file, records)) {
                return bad_input(e.to_string());
            }
            outln!("{}", json!({"private": private.display().to_string(), "txt": txt_file.display().to_string(), "records": txt.len()}));
            ExitCode::SUCCESS
        }
        Ok((pem, txt)) => {
            out!("{pem}");
            outln!("# Publish these TXT records at {{key-host}}.{{syncPubKeyDomain}}, one record each:");
            for t in txt {
                outln!("{t}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => bad_input(e.to_string()),
    }
}
