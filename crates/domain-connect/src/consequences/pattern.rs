//! A catalogue record as a pattern: its fixed text, the tokens that make it specific,
//! and whether a zone record is one it writes.

use super::Pattern;
use crate::record::ZoneRecord;
use crate::record_type::RecordType;
use crate::template::TemplateRecord;
use std::collections::BTreeSet;

pub(super) fn pattern_of(r: &TemplateRecord, service: usize) -> Option<Pattern> {
    let lower = |s: &Option<String>| s.as_deref().map(|s| s.trim().trim_end_matches('.').to_ascii_lowercase());
    let (host, data) = match &r.rtype {
        RecordType::Srv => (lower(&r.name), lower(&r.target)),
        RecordType::Spfm => (lower(&r.host), lower(&r.spf_rules)),
        t if t.is_redirect() => return None,
        t if t.uses_points_to() => (lower(&r.host), lower(&r.points_to)),
        _ => (lower(&r.host), lower(&r.data)),
    };
    let data = data.filter(|d| !d.is_empty() && d != "@")?;
    // An absolute host (`www.%domain%.`) as the zone names it (`www`).
    let host = match r.host.as_deref().map(str::trim).filter(|h| h.ends_with('.')).map(|h| h.trim_end_matches('.').to_ascii_lowercase()) {
        Some(abs) if abs == "%domain%" || abs == "%fqdn%" => Some("@".to_string()),
        Some(abs) => Some(abs.strip_suffix(".%domain%").or_else(|| abs.strip_suffix(".%fqdn%")).map(str::to_string).unwrap_or(abs)),
        None => host,
    };
    let host = host.filter(|h| !h.is_empty()).unwrap_or_else(|| "@".into());
    Some(Pattern { service, rtype: r.rtype.clone(), host, data })
}

/// The fixed text of a pattern as tokens: runs of letters, digits, `-` and `_` of
/// three or more characters that are not all digits — or, for data with no variable
/// that is an address, the address whole.
pub(super) fn tokens_of(p: &Pattern) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if !p.data.contains('%') && p.data.parse::<std::net::IpAddr>().is_ok() {
        out.insert(p.data.clone());
    }
    for text in [&p.host, &p.data] {
        for fixed in fixed_parts(text) {
            for tok in fixed.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')) {
                let tok = tok.trim_matches(['-', '_']);
                if tok.len() >= 3 && !tok.bytes().all(|b| b.is_ascii_digit()) && !SYNTAX.contains(&tok) {
                    out.insert(tok.to_string());
                }
            }
        }
    }
    out
}

/// Words of the record formats themselves (SPF RFC 7208, DKIM RFC 6376, DMARC RFC 7489,
/// CAA RFC 8659, the URL schemes), which say what a record is, not whose.
const SYNTAX: &[&str] = &[
    "spf1",
    "include",
    "all",
    "ip4",
    "ip6",
    "exists",
    "ptr",
    "redirect",
    "exp",
    "dkim1",
    "rsa",
    "ed25519",
    "sha256",
    "dmarc1",
    "none",
    "quarantine",
    "reject",
    "rua",
    "ruf",
    "mailto",
    "adkim",
    "aspf",
    "issue",
    "issuewild",
    "iodef",
    "http",
    "https",
    "www",
    "_domainkey",
    "_dmarc",
    "_tcp",
    "_udp",
    "_tls",
];

/// The text between a pattern's `%variables%`.
pub(super) fn fixed_parts(pattern: &str) -> Vec<&str> {
    pattern.split('%').step_by(2).filter(|s| !s.is_empty()).collect()
}

/// Whether `text` (lowercased) matches `pattern`, each `%variable%` matching any text.
pub(super) fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('%').collect();
    // Odd positions are variable names; a pattern with an unclosed `%` is matched literally.
    if parts.len().is_multiple_of(2) {
        return pattern == text;
    }
    let fixed: Vec<&str> = parts.iter().step_by(2).copied().collect();
    let (first, last) = (fixed[0], fixed[fixed.len() - 1]);
    if fixed.len() == 1 {
        return text == first;
    }
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for mid in &fixed[1..fixed.len() - 1] {
        match rest.find(mid) {
            Some(at) => rest = &rest[at + mid.len()..],
            None => return false,
        }
    }
    true
}

/// Whether a zone record is one a pattern writes.
pub(super) fn matches(p: &Pattern, r: &ZoneRecord) -> bool {
    let data = r.data.trim().trim_end_matches('.').to_ascii_lowercase();
    let type_ok = match p.rtype {
        RecordType::Spfm => r.rtype == RecordType::Txt && data.starts_with("v=spf1"),
        ref t => *t == r.rtype,
    };
    if !type_ok {
        return false;
    }
    let name = r.name.to_ascii_lowercase();
    // `@` is the apex or the host the request names; any other owner may sit under
    // that host (`www` at `www.sub`).
    let owner_ok = p.host == "@" || glob(&p.host, &name) || glob(&format!("{}.%host%", p.host), &name);
    if !owner_ok {
        return false;
    }
    if p.rtype == RecordType::Spfm {
        // Every rule of the SPFM record is a term of the SPF record.
        let terms: Vec<&str> = data.split_ascii_whitespace().collect();
        return p.data.split_ascii_whitespace().all(|rule| terms.iter().any(|t| glob(rule, t)));
    }
    glob(&p.data, &data)
}
