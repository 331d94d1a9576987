//! Our rules (`DCX…`): what the IETF draft (draft-ietf-dconn-domainconnect-04) makes
//! checkable and no linter checks.

use super::Out;
use crate::template::{Template, UNDERSTOOD_PROPERTIES as UNDERSTOOD};
use serde_json::{Map, Value};

/// The apply URL's own parameters, which no variable may be named (draft §9.1.2).
const RESERVED: [&str; 14] = [
    "providerId",
    "serviceId",
    "domain",
    "host",
    "redirect_uri",
    "state",
    "providerName",
    "serviceName",
    "groupId",
    "sig",
    "key",
    "client_id",
    "response_type",
    "scope",
];

/// A template property this implementation knows (a vendor's `vnd.` property is
/// known to be ignorable).
pub(crate) fn understood(key: &str) -> bool {
    UNDERSTOOD.contains(&key) || key.starts_with("vnd.")
}

/// `vnd.` then dot-separated segments of letters only (draft's dc-vnd-property).
fn vendor_name_ok(key: &str) -> bool {
    key.strip_prefix("vnd.").is_some_and(|rest| rest.split('.').all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic())))
}

fn dc_id_ok(id: &str) -> bool {
    (1..=63).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The template-level rules of the draft.
pub(crate) fn check(t: &Template, object: &Map<String, Value>, out: &mut Out) {
    for refusal in t.spec_refusals() {
        let code = if refusal.path == "templateSpecVersion" { "DCX005" } else { "DCX006" };
        out.add(code, refusal.path, refusal.message);
    }
    for key in object.keys().filter(|k| k.starts_with("vnd.") && !vendor_name_ok(k)) {
        out.add("DCX007", key.clone(), format!("{key:?}"));
    }
    if object.contains_key("warnPhishing") {
        out.add("DCX008", "warnPhishing", "");
    }
    for name in t.variables(&[]) {
        let lower = name.to_ascii_lowercase();
        let reserved = RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&name)) || lower.starts_with("dc.") || lower.starts_with("vnd.");
        if reserved {
            out.add("DCX001", "records", format!("%{name}%"));
        }
    }
    for (key, id) in [("providerId", t.provider_id.as_str()), ("serviceId", t.service_id.as_str())] {
        if id.chars().count() > 63 {
            out.add("DCX002", key, format!("{} characters", id.chars().count()));
        }
    }
    for (i, r) in t.records.iter().enumerate() {
        if let Some(g) = r.group_id.as_deref().filter(|g| !dc_id_ok(g) && !g.contains('%')) {
            out.add("DCX002", format!("records[{i}].groupId"), format!("{g:?}"));
        }
    }
    let long = |s: &Option<String>, max: usize| s.as_deref().map(|s| s.chars().count()).filter(|n| *n > max);
    for (key, value, max) in [
        ("providerName", &t.provider_name, 255),
        ("serviceName", &t.service_name, 255),
        ("description", &t.description, 2048),
        ("variableDescription", &t.variable_description, 2048),
    ] {
        if let Some(n) = long(value, max) {
            out.add("DCX003", key, format!("{n} characters; at most {max}"));
        }
    }
}

/// DCX004: two records with the same host and type that are applied together (same
/// group, or one without a group) and name different literal TTLs.
pub(crate) fn check_rrset_ttls(t: &Template, out: &mut Out) {
    let literal = |r: &crate::template::TemplateRecord| r.ttl.as_ref().filter(|t| !t.0.contains('%')).and_then(|t| t.0.parse::<u64>().ok());
    // Only records of one type and host can form a set: compare within those groups
    // (linear for a template of many names), then report in the order of a scan of
    // every pair, each record once.
    let mut sets: std::collections::HashMap<(&crate::record_type::RecordType, String), Vec<usize>> = std::collections::HashMap::new();
    for (i, r) in t.records.iter().enumerate() {
        if r.rtype.needs_ttl() && r.rtype != crate::record_type::RecordType::ApexCname && literal(r).is_some() {
            sets.entry((&r.rtype, r.host.as_deref().unwrap_or("@").to_ascii_lowercase())).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for members in sets.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (a, b) = (&t.records[i], &t.records[j]);
                let together = a.group_id.is_none() || b.group_id.is_none() || a.group_id == b.group_id;
                if let (true, Some(x), Some(y)) = (together, literal(a), literal(b)) {
                    if x != y {
                        pairs.push((i, j, x, y));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    let mut flagged = std::collections::HashSet::new();
    for (i, j, x, y) in pairs {
        if flagged.insert(j) {
            let a = &t.records[i];
            out.add("DCX004", format!("records[{j}].ttl"), format!("{} {:?}: {x} in records[{i}], {y} here", a.rtype, a.host.as_deref().unwrap_or("@")));
        }
    }
}
