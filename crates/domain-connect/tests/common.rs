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
