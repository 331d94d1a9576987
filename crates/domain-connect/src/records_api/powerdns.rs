//! PowerDNS Authoritative HTTP API (`/api/v1/servers/{server}/zones/{zone}`).
//!
//! * Reading: [`read_zone_request`] is the request; the zone's `rrsets` (absolute
//!   names, content in presentation form) become [`ZoneRecord`]s through
//!   [`zone::from_presentation`] (which a test holds to the zone-file parser's answers,
//!   without carrying that parser into the consent screen). Disabled records are left out.
//! * Writing: PowerDNS works on whole RRsets, so [`patch_body`] groups the change set
//!   by (name, type) and sends one `REPLACE` with the complete final RRset, or a
//!   `DELETE` when none is left — in one PATCH, which PowerDNS applies atomically.

use crate::changeset::ChangeSet;
use crate::record::ZoneRecord;
use crate::record_type::RecordType;
use crate::zone::{self, ZoneError};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct ZoneJson {
    rrsets: Vec<RrSet>,
}

#[derive(Deserialize)]
struct RrSet {
    name: String,
    #[serde(rename = "type")]
    rtype: String,
    ttl: u32,
    records: Vec<Rec>,
}

#[derive(Deserialize)]
struct Rec {
    content: String,
    #[serde(default)]
    disabled: bool,
}

/// Read `GET /api/v1/servers/{server}/zones/{domain}.` as zone records.
pub fn zone_from_json(body: &[u8], domain: &str) -> Result<Vec<ZoneRecord>, ZoneError> {
    let api = |reason: String| ZoneError::Api { api: "PowerDNS", reason };
    let z: ZoneJson = serde_json::from_slice(body).map_err(|e| api(format!("the zone is not the JSON PowerDNS documents: {e}")))?;
    let mut out = Vec::new();
    for set in &z.rrsets {
        for field in [&set.name, &set.rtype] {
            if field.is_empty() || field.chars().any(|c| c.is_whitespace() || c.is_control() || c == ';') {
                return Err(api(format!("rrset {:?}/{:?}: malformed name or type", set.name, set.rtype)));
            }
        }
        for r in set.records.iter().filter(|r| !r.disabled) {
            if out.len() == zone::MAX_ZONE_RECORDS {
                return Err(ZoneError::TooManyRecords);
            }
            let rec = zone::from_presentation(&set.name, set.ttl, &set.rtype, &r.content, domain)?;
            out.push(rec);
        }
    }
    Ok(out)
}

/// The request that reads a zone: `GET {base}/api/v1/servers/{server_id}/zones/{domain}.`
/// with the `X-API-Key` header (the key is the caller's to keep; never in the URL).
pub fn read_zone_request(base: &str, server_id: &str, domain: &str, api_key: &str) -> super::HttpRequest {
    let seg = |s: &str| percent_encoding::utf8_percent_encode(s, crate::apply_url::PATH_SEGMENT).to_string();
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    super::HttpRequest {
        method: "GET",
        url: format!("{}/api/v1/servers/{}/zones/{}.", base.trim_end_matches('/'), seg(server_id), seg(&domain)),
        headers: vec![("X-API-Key".into(), api_key.into()), ("Accept".into(), "application/json".into())],
        body: None,
    }
}

fn absolute(owner: &str, domain: &str) -> String {
    format!("{}.", crate::record::full_name(owner, domain))
}

/// An RRset (absolute owner name, type) the change set touches, and its records in the
/// final zone (`None`: none is left, the RRset is deleted).
type RrsetChange = ((String, RecordType), Option<Vec<ZoneRecord>>);

/// Every RRset the change set touches, with its final records. Redirect
/// pseudo-records have no DNS form and are left out.
fn touched_rrsets(changes: &ChangeSet, zone: &[ZoneRecord], domain: &str) -> Vec<RrsetChange> {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let touched: std::collections::BTreeSet<(String, RecordType)> =
        changes.added.iter().map(|a| &a.record).chain(changes.deleted.iter().map(|d| &d.record)).filter_map(|r| rrset_key(r, &domain)).collect();
    let mut finals: BTreeMap<(String, RecordType), Vec<ZoneRecord>> = BTreeMap::new();
    for r in changes.final_zone(zone) {
        if let Some(k) = rrset_key(&r, &domain).filter(|k| touched.contains(k)) {
            finals.entry(k).or_default().push(r);
        }
    }
    touched
        .into_iter()
        .map(|k| {
            let records = finals.remove(&k);
            (k, records)
        })
        .collect()
}

/// The RRset a record belongs to: (absolute owner, lowercase; type, uppercase), for
/// `domain` given bare and lowercase. Redirect pseudo-records have none.
fn rrset_key(r: &ZoneRecord, domain: &str) -> Option<(String, RecordType)> {
    zone::presentation(r).map(|(o, _)| (absolute(&o.to_ascii_lowercase(), domain), r.rtype.clone()))
}

/// One entry of a PATCH's `rrsets`: `REPLACE` with the RRset's records and its one
/// TTL, or `DELETE` when none is left.
fn rrset_change(name: &str, rtype: &RecordType, records: Option<&[ZoneRecord]>) -> Value {
    match records {
        Some(records) => json!({
            "name": name, "type": rtype, "changetype": "REPLACE",
            "ttl": rrset_ttl(records),
            "records": records.iter().filter_map(zone::presentation)
                .map(|(_, rdata)| json!({"content": rdata, "disabled": false})).collect::<Vec<_>>(),
        }),
        None => json!({"name": name, "type": rtype, "changetype": "DELETE"}),
    }
}

/// A PATCH of the zone carrying `body`.
fn patch(base: &str, server_id: &str, domain: &str, api_key: &str, body: Value) -> super::HttpRequest {
    let mut req = read_zone_request(base, server_id, domain, api_key);
    req.method = "PATCH";
    req.headers.push(("Content-Type".into(), "application/json".into()));
    req.body = Some(body.to_string().into_bytes());
    req
}

/// PowerDNS keeps one TTL per RRset: the lowest the final records ask for (3600 when
/// none gives one).
fn rrset_ttl(records: &[ZoneRecord]) -> i64 {
    records.iter().filter_map(|r| r.ttl).min().unwrap_or(3600)
}

/// An RRset whose records ask for different TTLs, which PowerDNS cannot hold: the
/// one TTL it gets, said to the user before Connect.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TtlChoice {
    /// The owner name, absolute (`www.example.com.`).
    pub name: String,
    /// The record type.
    pub rtype: RecordType,
    /// The TTLs its records ask for, each once, smallest first.
    pub asked: Vec<i64>,
    /// The TTL the RRset gets: the smallest.
    pub chosen: i64,
}

impl std::fmt::Display for TtlChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let asked: Vec<String> = self.asked.iter().map(i64::to_string).collect();
        write!(
            f,
            "{} {}: its records ask for TTLs {}, but PowerDNS keeps one TTL per name and type; all get {} s (the smallest)",
            self.name,
            self.rtype,
            asked.join(", "),
            self.chosen
        )
    }
}

/// The RRsets the change set writes whose records ask for different TTLs.
pub fn ttl_choices(changes: &ChangeSet, zone: &[ZoneRecord], domain: &str) -> Vec<TtlChoice> {
    touched_rrsets(changes, zone, domain)
        .into_iter()
        .filter_map(|((name, rtype), records)| {
            let records = records?;
            let mut asked: Vec<i64> = records.iter().filter_map(|r| r.ttl).collect();
            asked.sort_unstable();
            asked.dedup();
            (asked.len() > 1).then(|| TtlChoice { name, rtype, chosen: asked[0], asked })
        })
        .collect()
}

/// The zone PowerDNS holds once the PATCH is applied: the change set's final zone,
/// with every RRset it writes at that RRset's one TTL.
pub fn expected_zone(changes: &ChangeSet, zone: &[ZoneRecord], domain: &str) -> Vec<ZoneRecord> {
    let d = domain.trim_end_matches('.').to_ascii_lowercase();
    let ttls: BTreeMap<(String, RecordType), i64> =
        touched_rrsets(changes, zone, domain).into_iter().filter_map(|(k, records)| records.map(|r| (k, rrset_ttl(&r)))).collect();
    changes
        .final_zone(zone)
        .into_iter()
        .filter_map(|mut r| {
            let key = rrset_key(&r, &d)?;
            if let Some(t) = ttls.get(&key) {
                r.ttl = Some(*t);
            }
            Some(r)
        })
        .collect()
}

/// The PATCH body that turns `zone` into the change set's final zone: every RRset the
/// change set touches is replaced whole (or deleted when it ends up empty). Redirect
/// pseudo-records have no DNS form and are not sent.
pub fn patch_body(changes: &ChangeSet, zone: &[ZoneRecord], domain: &str) -> Value {
    let rrsets: Vec<Value> =
        touched_rrsets(changes, zone, domain).into_iter().map(|((name, rtype), records)| rrset_change(&name, &rtype, records.as_deref())).collect();
    json!({ "rrsets": rrsets })
}

/// The one request that applies a change set: `PATCH {base}/api/v1/servers/{server}/zones/{domain}.`
/// with [`patch_body`], which PowerDNS applies all or nothing.
pub fn patch_request(base: &str, server_id: &str, domain: &str, api_key: &str, changes: &ChangeSet, zone: &[ZoneRecord]) -> super::HttpRequest {
    patch(base, server_id, domain, api_key, patch_body(changes, zone, domain))
}

/// The PATCH body that turns zone `from` into zone `to` (both as read from PowerDNS,
/// or expected): every RRset whose records differ is replaced whole by `to`'s, or
/// deleted when `to` has none. `patch_between(after, before)` undoes an apply.
pub fn patch_between(from: &[ZoneRecord], to: &[ZoneRecord], domain: &str) -> Value {
    let d = domain.trim_end_matches('.').to_ascii_lowercase();
    let mut sets: BTreeMap<(String, RecordType), (Vec<ZoneRecord>, Vec<ZoneRecord>)> = BTreeMap::new();
    for (side, zone) in [(0, from), (1, to)] {
        for r in zone {
            let Some(key) = rrset_key(r, &d).filter(|(_, t)| *t != RecordType::Soa) else { continue };
            let e = sets.entry(key).or_default();
            if side == 0 {
                e.0.push(r.clone())
            } else {
                e.1.push(r.clone())
            }
        }
    }
    let rrsets: Vec<Value> = sets
        .into_iter()
        .filter(|(_, (a, b))| !super::diff(a, b).is_empty())
        .map(|((name, rtype), (_, to))| rrset_change(&name, &rtype, (!to.is_empty()).then_some(to.as_slice())))
        .collect();
    json!({ "rrsets": rrsets })
}

/// The request carrying [`patch_between`] (`PATCH`, like [`patch_request`]).
pub fn patch_between_request(base: &str, server_id: &str, domain: &str, api_key: &str, from: &[ZoneRecord], to: &[ZoneRecord]) -> super::HttpRequest {
    patch(base, server_id, domain, api_key, patch_between(from, to, domain))
}

/// PowerDNS's own error messages: `{"error": "…", "errors": ["…"]}`; a body that is not
/// that JSON is quoted as it came (at most 500 characters).
fn error_messages(body: &[u8]) -> Vec<String> {
    #[derive(Deserialize)]
    struct Err {
        error: Option<String>,
        #[serde(default)]
        errors: Vec<String>,
    }
    match serde_json::from_slice::<Err>(body) {
        Ok(e) => e.error.into_iter().chain(e.errors).collect(),
        Err(_) => {
            let text = String::from_utf8_lossy(body);
            let text = text.trim();
            if text.is_empty() {
                Vec::new()
            } else {
                vec![text.chars().take(500).collect()]
            }
        }
    }
}

/// Read the answer to [`patch_request`]: `204 No Content` (or any 2xx) is applied; a
/// 4xx is refused, nothing applied (one PATCH is one transaction); anything else
/// leaves the outcome unknown.
pub fn read_patch_answer(status: u16, body: &[u8]) -> Result<(), super::ApiFailure> {
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(super::ApiFailure::from_status(status, error_messages(body)))
    }
}

/// Read the answer to [`read_zone_request`]: the zone's records, or why not.
pub fn read_zone_answer(status: u16, body: &[u8], domain: &str) -> Result<Vec<ZoneRecord>, super::ReadFailure> {
    if !(200..300).contains(&status) {
        return Err(super::ReadFailure::Api(super::ApiFailure::from_status(status, error_messages(body))));
    }
    zone_from_json(body, domain).map_err(super::ReadFailure::Zone)
}

#[cfg(test)]
mod tests;
