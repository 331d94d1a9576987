//! Cloudflare's v4 DNS records API (`https://api.cloudflare.com/client/v4`).
//!
//! No open-source server implements it, so these shapes are held to Cloudflare's
//! documented examples (the batch example and record objects of the DNS docs), by the
//! tests below and by an in-test HTTP server in `dconn`'s tests.
//!
//! * Reading: the zone id is looked up from the domain ([`zone_lookup_request`],
//!   [`read_zone_lookup`]); the records come in pages ([`list_request`],
//!   [`read_list_page`]), each with Cloudflare's record `id`, which a delete needs.
//! * Writing: one `POST /zones/{zone_id}/dns_records/batch` ([`batch_request`]),
//!   which Cloudflare runs in one database transaction — deletes, then posts — so it
//!   applies all or nothing. `proxied` comes from the consent screen's toggles.
//! * What Cloudflare does not take from a template ([`Unsupported`]): APEXCNAME
//!   (Cloudflare flattens a CNAME at the apex instead), REDIR301/302 (Cloudflare's own
//!   Domain Connect turns them into bulk redirect rules, replacing the zone's existing
//!   ones, which is not a DNS records API call).

use super::{ApiFailure, HttpRequest, ReadFailure};
use crate::changeset::ChangeSet;
use crate::record::ZoneRecord;
use crate::record_type::RecordType;
use crate::zone;
use serde_json::{json, Map, Value};
use std::fmt;

/// Records asked per page when listing a zone (Cloudflare allows up to 5,000,000;
/// pages keep each answer small).
pub const PER_PAGE: u32 = 5000;

fn request(method: &'static str, url: String, token: &str, body: Option<Value>) -> HttpRequest {
    let mut headers = vec![("Authorization".to_string(), format!("Bearer {token}")), ("Accept".into(), "application/json".into())];
    if body.is_some() {
        headers.push(("Content-Type".into(), "application/json".into()));
    }
    HttpRequest { method, url, headers, body: body.map(|b| b.to_string().into_bytes()) }
}

fn seg(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, crate::apply_url::PATH_SEGMENT).to_string()
}

fn bare(domain: &str) -> String {
    domain.trim_end_matches('.').to_ascii_lowercase()
}

/// `GET {base}/zones?name={domain}`: which zone id the domain has in this account.
pub fn zone_lookup_request(base: &str, domain: &str, token: &str) -> HttpRequest {
    request("GET", format!("{}/zones?name={}", base.trim_end_matches('/'), seg(&bare(domain))), token, None)
}

/// Cloudflare's envelope `{success, errors: [{code, message}], result}`: the result,
/// or the failure with Cloudflare's own messages (`code: message`).
fn envelope(status: u16, body: &[u8]) -> Result<Value, ApiFailure> {
    let v: Option<Value> = serde_json::from_slice(body).ok();
    let messages = |v: &Option<Value>| -> Vec<String> {
        let errors = v.as_ref().and_then(|v| v["errors"].as_array().cloned()).unwrap_or_default();
        errors
            .iter()
            .map(|e| match (e["code"].as_i64(), e["message"].as_str()) {
                (Some(c), Some(m)) => format!("{c}: {m}"),
                (None, Some(m)) => m.to_string(),
                _ => e.to_string(),
            })
            .collect()
    };
    match &v {
        Some(env) if (200..300).contains(&status) && env["success"] == json!(true) => Ok(env["result"].clone()),
        Some(env) if (200..300).contains(&status) && env.get("success").is_some() => Err(ApiFailure::Refused { status, messages: messages(&v) }),
        Some(_) => Err(ApiFailure::from_status(status, messages(&v))),
        None => {
            let text: String = String::from_utf8_lossy(body).trim().chars().take(500).collect();
            let mut m = vec![format!("the answer is not Cloudflare's JSON envelope")];
            if !text.is_empty() {
                m.push(text);
            }
            Err(ApiFailure::from_status(status, m))
        }
    }
}

fn malformed(what: String) -> ReadFailure {
    ReadFailure::Zone(zone::ZoneError::Api { api: "Cloudflare", reason: what })
}

/// Read the answer to [`zone_lookup_request`]: the id of the zone named `domain`.
pub fn read_zone_lookup(status: u16, body: &[u8], domain: &str) -> Result<String, ReadFailure> {
    let result = envelope(status, body).map_err(ReadFailure::Api)?;
    let want = bare(domain);
    result
        .as_array()
        .into_iter()
        .flatten()
        .find(|z| z["name"].as_str().is_some_and(|n| bare(n) == want))
        .and_then(|z| z["id"].as_str())
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(str::to_string)
        .ok_or_else(|| malformed(format!("no zone named {want} in this Cloudflare account (or the token may not read it)")))
}

/// `GET {base}/zones/{zone_id}/dns_records?page={page}&per_page=`[`PER_PAGE`] (pages from 1).
pub fn list_request(base: &str, zone_id: &str, page: u32, token: &str) -> HttpRequest {
    request("GET", format!("{}/zones/{}/dns_records?page={page}&per_page={PER_PAGE}", base.trim_end_matches('/'), seg(zone_id)), token, None)
}

/// A record as Cloudflare lists it: its id, the record, and whether it is proxied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CfRecord {
    /// Cloudflare's record id.
    pub id: String,
    /// The record (`ttl: 1` is Cloudflare's "Auto", 300 s).
    pub record: ZoneRecord,
    /// Proxied through Cloudflare (A, AAAA, CNAME only).
    pub proxied: bool,
}

/// One page of a zone's records, and how many pages there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    /// The records of this page.
    pub records: Vec<CfRecord>,
    /// `result_info.total_pages` (1 when absent).
    pub total_pages: u32,
}

/// The presentation form of a record object's data: `content`, with MX's `priority`
/// and SRV's `data` object folded in as a zone file writes them.
fn rdata_of(rtype: &RecordType, obj: &Value) -> Option<String> {
    let content = obj["content"].as_str();
    let fq = |s: &str| if s.ends_with('.') { s.to_string() } else { format!("{s}.") };
    Some(match rtype {
        RecordType::Cname | RecordType::Ns | RecordType::Ptr => fq(content?),
        RecordType::Mx => format!("{} {}", obj["priority"].as_u64()?, fq(content?)),
        RecordType::Srv => {
            let d = &obj["data"];
            format!("{} {} {} {}", d["priority"].as_u64()?, d["weight"].as_u64()?, d["port"].as_u64()?, fq(d["target"].as_str()?))
        }
        RecordType::Txt | RecordType::Spf => {
            let c = content?;
            // Cloudflare gives TXT content bare or, lately, as quoted character-strings.
            if c.starts_with('"') && c.ends_with('"') && c.len() >= 2 {
                c.to_string()
            } else {
                format!("\"{}\"", c.replace('\\', "\\\\").replace('"', "\\\""))
            }
        }
        _ => content?.to_string(),
    })
}

/// Read one page of [`list_request`]'s answer as zone records of `domain`.
pub fn read_list_page(status: u16, body: &[u8], domain: &str) -> Result<ListPage, ReadFailure> {
    let result = envelope(status, body).map_err(ReadFailure::Api)?;
    let items = result.as_array().ok_or_else(|| malformed("the result is not a list of records".into()))?;
    let env: Value = serde_json::from_slice(body).unwrap_or_default();
    let total_pages = env["result_info"]["total_pages"].as_u64().map(|p| p.clamp(1, u64::from(u32::MAX)) as u32).unwrap_or(1);
    let mut records = Vec::with_capacity(items.len());
    for (i, obj) in items.iter().enumerate() {
        let what = |field: &str| malformed(format!("record {i}: no {field}"));
        let id = obj["id"].as_str().filter(|s| !s.is_empty()).ok_or_else(|| what("id"))?;
        let name = obj["name"].as_str().ok_or_else(|| what("name"))?;
        let rtype = RecordType::parse(obj["type"].as_str().ok_or_else(|| what("type"))?);
        let ttl = obj["ttl"].as_u64().and_then(|t| u32::try_from(t).ok()).ok_or_else(|| what("ttl"))?;
        let rdata = rdata_of(&rtype, obj).ok_or_else(|| what("content"))?;
        let record =
            zone::from_presentation(&format!("{}.", name.trim_end_matches('.')), ttl, &rtype.to_string(), &rdata, domain).map_err(ReadFailure::Zone)?;
        records.push(CfRecord { id: id.to_string(), record, proxied: obj["proxied"] == json!(true) });
        if records.len() > zone::MAX_ZONE_RECORDS {
            return Err(ReadFailure::Zone(zone::ZoneError::TooManyRecords));
        }
    }
    Ok(ListPage { records, total_pages })
}

/// The Cloudflare id of each record of `zone` (the zone previewed), from a fresh
/// listing: records are matched by what they hold, not by position (a listing's order
/// is Cloudflare's). `None` when the listing does not hold exactly the same records —
/// the zone changed since the preview.
pub fn ids_for(zone: &[ZoneRecord], listed: &[CfRecord]) -> Option<Vec<String>> {
    let now: Vec<ZoneRecord> = listed.iter().map(|c| c.record.clone()).collect();
    if !super::diff(zone, &now).is_empty() || zone.len() != listed.len() {
        return None;
    }
    let mut taken = vec![false; listed.len()];
    zone.iter()
        .map(|r| {
            let i = (0..listed.len()).find(|&i| !taken[i] && super::diff(std::slice::from_ref(r), std::slice::from_ref(&listed[i].record)).is_empty())?;
            taken[i] = true;
            Some(listed[i].id.clone())
        })
        .collect()
}

/// A template record Cloudflare does not take through its DNS records API.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub enum Unsupported {
    /// APEXCNAME: Cloudflare refuses it (its linter profile, DCTL5000 series); a CNAME
    /// at the apex is flattened by Cloudflare instead.
    ApexCname {
        /// The record's owner.
        name: String,
    },
    /// REDIR301/REDIR302: Cloudflare's Domain Connect turns these into the zone's bulk
    /// redirect rules, replacing any it has; they are not DNS records.
    Redirect {
        /// The record's owner.
        name: String,
        /// The redirect's target URL.
        target: String,
    },
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unsupported::ApexCname { name } => write!(
                f,
                "APEXCNAME at {name}: Cloudflare does not accept APEXCNAME records; it flattens a plain CNAME at the apex instead, so the template must use CNAME"
            ),
            Unsupported::Redirect { name, target } => write!(
                f,
                "redirect at {name} to {target}: on Cloudflare, REDIR301/REDIR302 become bulk redirect rules of the zone (replacing any it has), which the DNS records API cannot create"
            ),
        }
    }
}

/// What Cloudflare will not take from this change set (checked before Connect).
pub fn unsupported(changes: &ChangeSet) -> Vec<Unsupported> {
    changes
        .added
        .iter()
        .filter_map(|a| {
            let r = &a.record;
            match &r.rtype {
                RecordType::ApexCname => Some(Unsupported::ApexCname { name: r.name.clone() }),
                t if t.is_redirect() => Some(Unsupported::Redirect { name: r.name.clone(), target: r.data.clone() }),
                _ => None,
            }
        })
        .collect()
}

/// The TTL a created record is given: `1` (Auto) when proxied — Cloudflare keeps
/// proxied records at Auto — or when the template gives none or 0; otherwise its own.
fn ttl_sent(proxied: Option<bool>, ttl: Option<i64>) -> i64 {
    match (proxied, ttl) {
        (Some(true), _) | (_, None | Some(0)) => 1,
        (_, Some(t)) => t,
    }
}

/// The Create-record object of one added record: `name` absolute without the dot,
/// `type`, `content` (or SRV's `data`), `ttl` (`1`, Auto, when proxied or when the
/// template gives none or 0), `priority` for MX, `proxied` for A/AAAA/CNAME.
fn post_object(r: &ZoneRecord, proxied: Option<bool>, domain: &str) -> Option<Value> {
    let (owner, _) = zone::presentation(r)?;
    let name = crate::record::full_name(&owner, domain);
    let mut o = Map::new();
    o.insert("name".into(), json!(name));
    o.insert("type".into(), json!(r.rtype));
    match r.rtype {
        RecordType::Srv => {
            o.insert(
                "data".into(),
                json!({"priority": r.priority.unwrap_or(0), "weight": r.weight.unwrap_or(0), "port": r.port.unwrap_or(0), "target": r.data}),
            );
        }
        RecordType::Mx => {
            o.insert("content".into(), json!(r.data));
            o.insert("priority".into(), json!(r.priority.unwrap_or(0)));
        }
        _ => {
            o.insert("content".into(), json!(r.data));
        }
    }
    let proxied = proxied.filter(|_| r.rtype.is_proxiable());
    o.insert("ttl".into(), json!(ttl_sent(proxied, r.ttl)));
    if let Some(p) = proxied {
        o.insert("proxied".into(), json!(p));
    }
    Some(Value::Object(o))
}

/// The batch body: `deletes` by record id (in zone order), `posts` for the added
/// records (in the change set's order, `proxied` from `proxied[i]` for the i-th added
/// record). `ids[i]` is the Cloudflare id of `zone[i]`, the zone the change set was
/// computed from. Refused when the change set holds what Cloudflare does not take.
pub fn batch_body(changes: &ChangeSet, ids: &[String], proxied: &[Option<bool>], domain: &str) -> Result<Value, Vec<Unsupported>> {
    let no = unsupported(changes);
    if !no.is_empty() {
        return Err(no);
    }
    let domain = bare(domain);
    let deletes: Vec<Value> = changes.deleted.iter().filter_map(|d| ids.get(d.index)).map(|id| json!({"id": id})).collect();
    let posts: Vec<Value> = changes.added.iter().enumerate().filter_map(|(i, a)| post_object(&a.record, proxied.get(i).copied().flatten(), &domain)).collect();
    Ok(json!({"deletes": deletes, "posts": posts}))
}

/// The one request that applies a change set: `POST {base}/zones/{zone_id}/dns_records/batch`.
pub fn batch_request(base: &str, zone_id: &str, token: &str, body: &Value) -> HttpRequest {
    request("POST", format!("{}/zones/{}/dns_records/batch", base.trim_end_matches('/'), seg(zone_id)), token, Some(body.clone()))
}

/// Read the answer to [`batch_request`]: applied, or Cloudflare's first error (nothing
/// applied: the batch is one transaction), or unknown (5xx, unreadable).
pub fn read_batch_answer(status: u16, body: &[u8]) -> Result<(), ApiFailure> {
    envelope(status, body).map(|_| ())
}

/// The ids Cloudflare gave the records a batch created (`result.posts[].id`, in the
/// order posted), read from [`batch_request`]'s successful answer.
pub fn posted_ids(body: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(body).unwrap_or_default();
    v["result"]["posts"].as_array().into_iter().flatten().filter_map(|p| p["id"].as_str().map(str::to_string)).collect()
}

/// The batch that undoes an applied one: delete the records it created (by the ids
/// Cloudflare gave them) and create again the records it deleted, each with its own
/// TTL and proxy status as listed before. `None` when an id of a created record is
/// missing (Undo then cannot name what to delete).
pub fn undo_body(changes: &ChangeSet, posted: &[String], listed_before: &[CfRecord], domain: &str) -> Option<Value> {
    let added = changes.added.iter().filter(|a| zone::presentation(&a.record).is_some()).count();
    if posted.len() != added {
        return None;
    }
    let domain = bare(domain);
    let deletes: Vec<Value> = posted.iter().map(|id| json!({"id": id})).collect();
    let posts: Vec<Value> = changes
        .deleted
        .iter()
        .filter_map(|d| {
            let before = listed_before.get(d.index)?;
            let mut o = post_object(&before.record, before.record.rtype.is_proxiable().then_some(before.proxied), &domain)?;
            // The TTL as it was (post_object writes Auto for a proxied record, as Cloudflare keeps it).
            if let Some(t) = before.record.ttl {
                o["ttl"] = json!(t);
            }
            Some(o)
        })
        .collect();
    Some(json!({"deletes": deletes, "posts": posts}))
}

/// The zone Cloudflare lists once the batch is applied: the change set's final zone,
/// with the TTLs [`batch_body`] sends.
pub fn expected_zone(changes: &ChangeSet, zone: &[ZoneRecord], proxied: &[Option<bool>]) -> Vec<ZoneRecord> {
    let mut out = changes.final_zone(zone);
    for (i, r) in out.iter_mut().take(changes.added.len()).enumerate() {
        let p = proxied.get(i).copied().flatten().filter(|_| r.rtype.is_proxiable());
        r.ttl = Some(ttl_sent(p, r.ttl));
    }
    out.retain(|r| zone::presentation(r).is_some());
    out
}

#[cfg(test)]
mod tests;
