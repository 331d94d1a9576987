//! Signature checks for the compliance suites' signed cases, whose signed query (`qs`)
//! and applied values (`params`) are given apart, so they are not an apply URL to review.

use domain_connect::signature::{assemble_key, key_host, parse_txt_lines, signed_bytes, verify};
use domain_connect::{SignatureGate, Template};
use std::path::Path;

/// Settle a suite case's signature: the key TXT records come from
/// `{keys}/{key}.{syncPubKeyDomain}.txt` (one TXT string per line).
pub fn gate_for_suite(t: &Template, qs: Option<&str>, sig: Option<&str>, key: Option<&str>, keys: Option<&Path>) -> SignatureGate {
    if !t.requires_signature() {
        return SignatureGate::Ignore;
    }
    let (Some(qs), Some(sig), Some(key)) = (qs.filter(|s| !s.is_empty()), sig.filter(|s| !s.is_empty()), key.filter(|s| !s.is_empty())) else {
        return SignatureGate::NotVerified("the template requires a signature and the request has no qs, sig or key".into());
    };
    let host = match key_host(key, t.sync_pub_key_domain.as_deref().unwrap_or("")) {
        Ok(h) => h,
        Err(e) => return SignatureGate::NotVerified(e),
    };
    let Some(dir) = keys else {
        return SignatureGate::NotVerified(format!("no key source: pass --keys DIR with {host}.txt"));
    };
    let file = dir.join(format!("{host}.txt"));
    let text = match crate::io::read_limited(&file).map(|b| String::from_utf8_lossy(&b).into_owned()) {
        Ok(t) => t,
        Err(e) => return SignatureGate::NotVerified(format!("key for {host}: {e}")),
    };
    let key = match assemble_key(&parse_txt_lines(&text)) {
        Ok(k) => k,
        Err(e) => return SignatureGate::NotVerified(format!("key at {host}: {e}")),
    };
    match verify(&key, signed_bytes(qs).as_bytes(), sig) {
        Ok(()) => SignatureGate::Verified,
        Err(e) => SignatureGate::NotVerified(e.to_string()),
    }
}
