//! Signature checks for the compliance suites' signed cases, whose signed query (`qs`)
//! and applied values (`params`) are given apart, so they are not an apply URL to
//! review: the key TXT records come from `{keys}/{key host}.txt`; the core decides.

use domain_connect::signature::{parse_txt_lines, SignatureProblem};
use domain_connect::{verdict, SignatureGate, Template};
use std::path::Path;

/// Settle a suite case's signature.
pub fn gate_for_suite(t: &Template, qs: Option<&str>, sig: Option<&str>, key: Option<&str>, keys: Option<&Path>) -> SignatureGate {
    let host = match verdict::query_key_host(t, key) {
        Ok(h) => h,
        Err(gate) => return gate,
    };
    let Some(dir) = keys else {
        let reason = format!("no key source: pass --keys DIR with {host}.txt");
        return SignatureGate::NotVerified(SignatureProblem::KeyUnavailable { host, reason });
    };
    let file = dir.join(format!("{host}.txt"));
    match crate::io::read_limited(&file) {
        Ok(b) => verdict::query_gate(qs, sig, &parse_txt_lines(&String::from_utf8_lossy(&b))),
        Err(e) => SignatureGate::NotVerified(SignatureProblem::KeyUnavailable { host, reason: e }),
    }
}
