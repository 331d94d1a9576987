//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `shared/` beside the repository checkout (CI clones the repository beside it).
pub fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(p.join("templates").is_dir(), "{} is missing: tests need shared/ beside the checkout", p.display());
    p
}

/// A file under `shared/`, as text.
pub fn shared_text(rel: &str) -> String {
    let p = shared().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A value for each variable that the engine accepts where the name says what it is,
/// distinct per variable so that no two templates' values coincide.
pub fn params_for(t: &domain_connect::Template, seed: usize) -> domain_connect::Params {
    let mut params = domain_connect::Params::new();
    for (n, v) in t.variables(&[]).into_iter().enumerate() {
        let name = v.to_ascii_lowercase();
        let value = if name.contains("ipv6") || name.contains("ip6") || name.contains("aaaa") {
            format!("2001:db8::{:x}", seed % 65000 + n)
        } else if name.contains("ip") {
            format!("192.0.{}.{}", seed % 250, n % 250 + 1)
        } else if name.contains("ttl") {
            "3600".into()
        } else if name.contains("port") {
            "443".into()
        } else if name.contains("priority") || name.contains("weight") || name.contains("pref") {
            "10".into()
        } else {
            format!("v{seed}q{n}z")
        };
        params.insert(&v, &value);
    }
    params
}

/// Every public template that loads, with its file name, in file order.
pub fn public_templates() -> Vec<(String, domain_connect::Template)> {
    let mut files: Vec<_> = std::fs::read_dir(shared().join("templates")).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let t = domain_connect::Template::from_json_bytes(&std::fs::read(f).ok()?).ok()?;
            Some((f.file_name()?.to_string_lossy().into_owned(), t))
        })
        .collect()
}

/// `t` applied to `zone` of `domain` with generated values ([`params_for`]) and the
/// reference engine's redirect records: at the apex, or under `sub` when the template
/// requires a host.
// The engine's own error, as its functions return it (the core allows the size too).
#[allow(clippy::result_large_err)]
pub fn apply_generated(
    t: &domain_connect::Template,
    zone: &[domain_connect::ZoneRecord],
    domain: &str,
    seed: usize,
) -> Result<domain_connect::ChangeSet, domain_connect::ApplyError> {
    use domain_connect::apply::{apply_template, reference_redirect_records, ApplyRequest};
    let (params, redirect) = (params_for(t, seed), reference_redirect_records());
    let at = |host: &'static str| ApplyRequest { redirect_records: Some(&redirect), ..ApplyRequest::new(domain, Some(host), &params) };
    match apply_template(t, zone, &at("")) {
        Err(e) if e.name() == "HostRequired" => apply_template(t, zone, &at("sub")),
        other => other,
    }
}
