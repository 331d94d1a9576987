//! The house rules, checked on every run of the workspace's tests (in the spirit of
//! rust-analyzer's tidy):
//!
//! * the app (`src/`) and `dconn` hold no protocol rule: no record type named in a
//!   string literal, no key host built from `syncPubKeyDomain`, no signed bytes cut by
//!   hand from a query — they ask the core;
//! * the core's public functions return typed errors, not `Result<_, String>`;
//! * no source file is over 400 lines;
//! * the core forbids `unsafe` and warns on missing docs.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if p.is_dir() && !matches!(name.as_str(), "target" | "corpus" | "artifacts" | ".tools" | "node_modules" | "dist") {
            rust_files(&p, out);
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

/// The record types the spec names; a front end that matches on one is deciding a
/// protocol rule the core should decide.
const TYPE_NAMES: [&str; 14] =
    ["A", "AAAA", "CNAME", "APEXCNAME", "MX", "NS", "SRV", "TXT", "SPFM", "REDIR301", "REDIR302", "CAA", "SOA", "PTR"];

/// The protocol rules a line of a front end decides by itself, if any.
fn protocol_rules_in(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let mut found = Vec::new();
    for t in TYPE_NAMES {
        if code.contains(&format!("\"{t}\"")) {
            found.push(format!("record type \"{t}\" named"));
        }
    }
    if code.contains("sync_pub_key_domain") {
        found.push("key host built from syncPubKeyDomain".into());
    }
    for hand in ["== \"sig\"", "== \"key\"", "\"sig=\"", "\"&sig=\"", "\"key=\""] {
        if code.contains(hand) {
            found.push(format!("signed bytes cut by hand ({hand})"));
        }
    }
    let mut rest = code;
    while let Some(at) = rest.find("signed_bytes(") {
        if !rest[..at].ends_with('.') {
            found.push("signed bytes computed (signed_bytes called)".into());
        }
        rest = &rest[at + 1..];
    }
    found
}

#[test]
fn the_rules_catch_what_they_name() {
    assert_eq!(protocol_rules_in("    match r.rtype.as_str() { \"CNAME\" => true, _ => false }").len(), 1);
    assert_eq!(protocol_rules_in("let h = format!(\"{k}.{}\", t.sync_pub_key_domain.unwrap());").len(), 1);
    assert_eq!(protocol_rules_in("q.split('&').filter(|p| !p.starts_with(\"sig=\"))").len(), 1);
    assert_eq!(protocol_rules_in("let b = signature::signed_bytes(q);").len(), 1);
    assert!(protocol_rules_in("<pre>{u.signed_bytes()}</pre>").is_empty());
    assert!(protocol_rules_in("// a CNAME is \"CNAME\" in the spec").is_empty());
}

#[test]
fn front_ends_hold_no_protocol_rule() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join("crates/dconn/src"), &mut files);
    assert!(files.len() > 10, "{files:?}");
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            for rule in protocol_rules_in(line) {
                found.push(format!("{}:{}: {rule}: {}", f.strip_prefix(root()).unwrap().display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "protocol rules outside the core (move them into crates/domain-connect):\n{}", found.join("\n"));
}

#[test]
fn the_core_returns_typed_errors() {
    let mut files = Vec::new();
    rust_files(&root().join("crates/domain-connect/src"), &mut files);
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let l = line.trim_start();
            if l.starts_with("pub fn") && l.contains(", String>") && l.contains("Result<") {
                found.push(format!("{}:{}: {}", f.display(), n + 1, l));
            }
        }
    }
    assert!(found.is_empty(), "public functions of the core with a String error:\n{}", found.join("\n"));
}

#[test]
fn no_source_file_is_over_400_lines() {
    let mut files = Vec::new();
    for d in ["src", "crates", "tests", "xtask"] {
        rust_files(&root().join(d), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > 400).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these:\n{}", long.join("\n"));
}

#[test]
fn the_core_forbids_unsafe_and_documents_its_api() {
    let lib = std::fs::read_to_string(root().join("crates/domain-connect/src/lib.rs")).unwrap();
    for attr in ["#![forbid(unsafe_code)]", "#![warn(missing_docs)]"] {
        assert!(lib.contains(attr), "crates/domain-connect/src/lib.rs lacks {attr}");
    }
}
