//! The house rules, checked on every run of the workspace's tests (in the spirit of
//! rust-analyzer's tidy):
//!
//! * the app (`src/`) and `dconn` hold no protocol rule: no record type named in a
//!   string literal, no key host built from `syncPubKeyDomain`, no signed bytes cut by
//!   hand from a query — they ask the core;
//! * the core's public functions return typed errors, not `Result<_, String>`;
//! * no source file is over 400 lines;
//! * the core forbids `unsafe` and warns on missing docs;
//! * the consent screen's words come from the catalogues (`locales/*.ftl`), not literals.

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

/// The Rust files under these directories of the repository.
fn files_in(dirs: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for d in dirs {
        rust_files(&root().join(d), &mut files);
    }
    files
}

/// The record types the spec names; a front end that matches on one is deciding a
/// protocol rule the core should decide.
const TYPE_NAMES: [&str; 22] = [
    "A",
    "AAAA",
    "CNAME",
    "APEXCNAME",
    "MX",
    "NS",
    "SRV",
    "TXT",
    "SPFM",
    "REDIR301",
    "REDIR302",
    "CAA",
    "SOA",
    "PTR",
    "SPF",
    "TLSA",
    "SMIMEA",
    "OPENPGPKEY",
    "SVCB",
    "HTTPS",
    "URI",
    "NULL",
];

/// The record types a line of code names in a string literal.
fn record_type_literals(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    TYPE_NAMES.iter().filter(|t| code.contains(&format!("\"{t}\""))).map(|t| format!("record type \"{t}\" named")).collect()
}

/// The protocol rules a line of a front end decides by itself, if any.
fn protocol_rules_in(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let mut found = record_type_literals(code);
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
    let files = files_in(&["src", "crates/dconn/src"]);
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
    let files = files_in(&["crates/domain-connect/src"]);
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
    let files = files_in(&["src", "crates", "tests", "xtask"]);
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

/// The core's modules by floor, lowest first: a module may import only modules on a
/// lower floor (and its own submodules). A new module is placed here, or this fails.
const FLOORS: &[&[&str]] = &[
    &["web", "json_path", "record_type", "validate", "display", "signature"],
    &["error", "record"],
    &["variables", "zone"],
    &["template", "changeset"],
    &["lint", "apply", "consequences"],
    &["apply_url", "doh", "names"],
    &["return_uri", "verdict", "records_api", "propagation"],
    &["review", "test_url"],
    &["replay"],
];

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|f| f.contains(&module))
}

/// The core's non-test source of a file: up to its `#[cfg(test)]` module, none for a
/// `tests.rs`.
fn non_test_source(f: &Path) -> String {
    if f.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(f).unwrap();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The top-level module of the core a file belongs to (`apply` for `src/apply/rules.rs`).
fn module_of(f: &Path) -> String {
    let rel = f.strip_prefix(root().join("crates/domain-connect/src")).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// The core modules a line of code names through `crate::` (in a `use crate::{…}`
/// group, the first segment of each of its items, nested groups included whole).
fn crate_paths(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let first = |path: &str| path.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let tail = &rest[at + "crate::".len()..];
        match tail.strip_prefix('{') {
            Some(group) => {
                // Split at the group's own commas, up to its closing brace.
                let (mut depth, mut item) = (0usize, String::new());
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            out.push(first(&std::mem::take(&mut item)));
                            continue;
                        }
                        _ => {}
                    }
                    item.push(c);
                }
                out.push(first(&item));
            }
            None => out.push(first(tail)),
        }
        rest = tail;
    }
    out.into_iter().filter(|n| !n.is_empty()).collect()
}

#[test]
fn no_core_module_imports_one_above_it() {
    assert_eq!(crate_paths("use crate::{record::ZoneRecord, template::Template};"), ["record", "template"]);
    assert_eq!(crate_paths("use crate::{record::{normalise, ZoneRecord}, zone};"), ["record", "zone"]);
    assert_eq!(crate_paths("let t = crate::record_type::RecordType::A; crate::RecordType::Txt"), ["record_type", "RecordType"]);
    let files = files_in(&["crates/domain-connect/src"]);
    let mut found = Vec::new();
    for f in files {
        let module = module_of(&f);
        if module == "lib" {
            continue;
        }
        let Some(own) = floor_of(&module) else {
            found.push(format!("{}: module {module} has no floor in tidy.rs's FLOORS", f.display()));
            continue;
        };
        for (n, line) in non_test_source(&f).lines().enumerate() {
            for used in crate_paths(line) {
                let bad = match floor_of(&used) {
                    _ if used == module => None,
                    Some(floor) if floor < own => None,
                    Some(_) => Some(format!("{module} (floor {}) imports {used}, not below it", own + 1)),
                    // `crate::Name`: a re-export of lib.rs, the top of the crate.
                    None => Some(format!("{module} imports {used} through lib.rs (the crate's top): name its module")),
                };
                if let Some(why) = bad {
                    found.push(format!("{}:{}: {why}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "imports running back up in the core:\n{}", found.join("\n"));
}

#[test]
fn every_public_enum_of_the_core_is_non_exhaustive() {
    let files = files_in(&["crates/domain-connect/src"]);
    let mut found = Vec::new();
    for f in files {
        let text = non_test_source(&f);
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            if !line.trim_start().starts_with("pub enum ") {
                continue;
            }
            let attrs = lines[..n].iter().rev().take_while(|l| {
                let l = l.trim_start();
                l.starts_with("#[") || l.starts_with("///") || l.starts_with("//")
            });
            if !attrs.into_iter().any(|l| l.contains("#[non_exhaustive]")) {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "public enums of the core without #[non_exhaustive]:\n{}", found.join("\n"));
}

/// Every rule about a record type is written in `record_type.rs`: elsewhere in the
/// core (tests aside) a type is a `RecordType`, never a string literal.
#[test]
fn record_types_are_named_only_in_record_type_rs() {
    let files = files_in(&["crates/domain-connect/src"]);
    let mut found = Vec::new();
    for f in files.into_iter().filter(|f| !f.ends_with("record_type.rs")) {
        for (n, line) in non_test_source(&f).lines().enumerate() {
            if let Some(rule) = record_type_literals(line).first() {
                found.push(format!("{}:{}: {rule}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "record types named as strings in the core (use RecordType):\n{}", found.join("\n"));
}

/// The app makes every HTTP request through its one adapter (`src/net.rs`, gloo-net):
/// nowhere else does it reach for the browser's fetch.
#[test]
fn every_request_of_the_app_goes_through_net_rs() {
    let files = files_in(&["src"]);
    let fetchers = ["gloo_net", "fetch_with_request", "fetch_with_str", "RequestInit", "XmlHttpRequest"];
    let found: Vec<String> = files
        .iter()
        .filter(|f| !f.ends_with("net.rs"))
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let hits: Vec<String> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim_start().starts_with("//") && fetchers.iter().any(|w| l.contains(w)))
                .map(|(n, l)| format!("{}:{}: {}", f.display(), n + 1, l.trim()))
                .collect();
            hits
        })
        .collect();
    assert!(found.is_empty(), "HTTP outside src/net.rs:\n{}", found.join("\n"));
}

/// Words in a string literal of a line: two words of letters (`"Nothing was changed"`),
/// or a capitalised word as a view's text (`>"Connect"<`). A line (or the one above it)
/// whose comment says the text is English on purpose — support's diagnostic, the
/// console — is exempt.
fn words_in(line: &str, above: &str) -> Option<String> {
    let code = line.trim_start();
    if code.starts_with("//") || line.contains("English") || above.trim_start().starts_with("//") && above.contains("English") {
        return None;
    }
    // Literals, less attribute values (`class="mono data"`) and class names.
    let parts: Vec<&str> = code.split('"').collect();
    let literals: Vec<&str> =
        (1..parts.len()).step_by(2).filter(|&i| !parts[i - 1].ends_with('=') && !parts[i - 1].contains("class")).map(|i| parts[i]).collect();
    let words = |l: &str| l.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 2).count() >= 2 && l.contains(' ');
    let mut found = literals.iter().find(|l| words(l) && !l.contains('{') && !l.contains('=')).map(|l| l.to_string());
    if let Some(at) = code.find(">\"") {
        let text = code[at + 2..].split('"').next().unwrap_or("");
        if text.chars().next().is_some_and(char::is_uppercase) {
            found.get_or_insert(text.to_string());
        }
    }
    found
}

#[test]
fn the_consent_screens_words_come_from_the_catalogues() {
    assert!(words_in(r#"<p>"Nothing has been changed."</p>"#, "").is_some());
    assert!(words_in(r#"<button on:click=c>"Connect"</button>"#, "").is_some());
    assert!(words_in(r#"<p>{t("nothing-changed")}</p>"#, "").is_none());
    assert!(words_in(r#"<td class="mono data" data-label=l_data>"#, "").is_none());
    assert!(words_in(r#"stage: "reading the zone","#, "// The stage, in English: for support.").is_none());
    let mut files = files_in(&["src/pages/consent"]);
    files.extend(["src/pages/consent.rs", "src/components/changes.rs", "src/components/name.rs", "src/context.rs", "src/words.rs"].map(|f| root().join(f)));
    let mut found = Vec::new();
    for f in files {
        let text = non_test_source(&f);
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            if let Some(w) = words_in(line, if n > 0 { lines[n - 1] } else { "" }) {
                found.push(format!("{}:{}: {w:?}", f.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "words written in the code, not taken from locales/*.ftl (t/tr):\n{}", found.join("\n"));
}
