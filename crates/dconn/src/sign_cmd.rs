//! `dconn verify`, `dconn sign`, `dconn keygen`: files and JSON around the core's
//! `verdict`, `signature::sign_url` and `signature::generate_key`.

use crate::io;
use clap::Args;
use domain_connect::{signature, verdict, ApplyUrl};
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
    /// The TXT strings at {key}.{syncPubKeyDomain}, one record per line as `dig +short` prints them.
    #[arg(long)]
    txt: PathBuf,
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
    let txt = match io::read_limited(&a.txt) {
        Ok(b) => signature::parse_txt_lines(&String::from_utf8_lossy(&b)),
        Err(e) => return bad_input(e),
    };
    let report = verdict::check(&template, &url, &txt);
    outln!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    match report.verdict {
        verdict::Verdict::Valid | verdict::Verdict::NotRequired => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
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

pub fn keygen() -> ExitCode {
    match signature::generate_key(&mut rsa::rand_core::OsRng) {
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
