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
    if owner == "@" || owner.is_empty() {
        format!("{domain}.")
    } else {
        format!("{owner}.{domain}.")
    }
}

/// The PATCH body that turns `zone` into the change set's final zone: every RRset the
/// change set touches is replaced whole (or deleted when it ends up empty). Redirect
/// pseudo-records have no DNS form and are not sent.
pub fn patch_body(changes: &ChangeSet, zone: &[ZoneRecord], domain: &str) -> Value {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let key = |r: &ZoneRecord| zone::presentation(r).map(|(o, _)| (absolute(&o.to_ascii_lowercase(), &domain), r.rtype.clone()));
    let touched: std::collections::BTreeSet<(String, String)> = changes
        .added
        .iter()
        .map(|a| &a.record)
        .chain(changes.deleted.iter().map(|d| &d.record))
        .filter_map(key)
        .collect();
    let mut finals: BTreeMap<(String, String), Vec<ZoneRecord>> = BTreeMap::new();
    for r in changes.final_zone(zone) {
        if let Some(k) = key(&r).filter(|k| touched.contains(k)) {
            finals.entry(k).or_default().push(r);
        }
    }
    let rrsets: Vec<Value> = touched
        .iter()
        .map(|k| match finals.get(k) {
            Some(records) => json!({
                "name": k.0, "type": k.1, "changetype": "REPLACE",
                // PowerDNS keeps one TTL per RRset: the lowest asked for.
                "ttl": records.iter().filter_map(|r| r.ttl).min().unwrap_or(3600),
                "records": records.iter().filter_map(zone::presentation)
                    .map(|(_, rdata)| json!({"content": rdata, "disabled": false})).collect::<Vec<_>>(),
            }),
            None => json!({"name": k.0, "type": k.1, "changetype": "DELETE"}),
        })
        .collect();
    json!({ "rrsets": rrsets })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZONE: &str = r#"{"name":"example.com.","kind":"Native","rrsets":[
      {"name":"example.com.","type":"SOA","ttl":3600,"records":[{"content":"ns1.example.com. hostmaster.example.com. 1 10800 3600 604800 3600","disabled":false}]},
      {"name":"example.com.","type":"TXT","ttl":300,"records":[{"content":"\"v=spf1 \" \"include:a.example ~all\"","disabled":false}]},
      {"name":"www.example.com.","type":"A","ttl":60,"records":[{"content":"192.0.2.1","disabled":false},{"content":"192.0.2.9","disabled":true}]},
      {"name":"example.com.","type":"MX","ttl":3600,"records":[{"content":"10 mail.example.com.","disabled":false}]},
      {"name":"_sip._tls.example.com.","type":"SRV","ttl":3600,"records":[{"content":"100 1 443 sip.example.net.","disabled":false}]}
    ]}"#;

    #[test]
    fn reads_rrsets_as_zone_records() {
        let z = zone_from_json(ZONE.as_bytes(), "example.com").unwrap();
        let find = |t: &str| z.iter().find(|r| r.rtype == t).unwrap();
        assert_eq!(z.len(), 5, "the disabled A record is left out: {z:?}");
        assert_eq!(find("TXT").data, "v=spf1 include:a.example ~all");
        assert_eq!((find("A").name.as_str(), find("A").ttl), ("www", Some(60)));
        assert_eq!((find("MX").data.as_str(), find("MX").priority), ("mail.example.com", Some(10)));
        let srv = find("SRV");
        assert_eq!((srv.service.as_deref(), srv.protocol.as_deref(), srv.name.as_str(), srv.port), (Some("_sip"), Some("tls"), "@", Some(443)));
    }

    #[test]
    fn the_read_request_names_the_zone_and_keeps_the_key_in_a_header() {
        let r = read_zone_request("http://127.0.0.1:8081/", "localhost", "Example.COM.", "s3cret");
        assert_eq!(r.url, "http://127.0.0.1:8081/api/v1/servers/localhost/zones/example.com.");
        assert!(!r.url.contains("s3cret"));
        assert_eq!(r.headers[0], ("X-API-Key".to_string(), "s3cret".to_string()));
        assert_eq!(read_zone_request("http://h", "a/b", "x.com", "k").url, "http://h/api/v1/servers/a%2Fb/zones/x.com.");
    }

    #[test]
    fn hostile_replies_are_errors() {
        for bad in [
            "",
            "{}",
            "[]",
            r#"{"rrsets":[{"name":"a.example.com.","type":"A","ttl":1,"records":[{"content":"1.2.3.4\nevil 1 IN A 6.6.6.6"}]}]}"#,
            r#"{"rrsets":[{"name":"a.example.com. 1 IN A 6.6.6.6\n","type":"A","ttl":1,"records":[]}]}"#,
            r#"{"rrsets":[{"name":"a.example.com.","type":"A","ttl":-1,"records":[]}]}"#,
            r#"{"rrsets":[{"name":"a.example.com.","type":"A","ttl":1,"records":[{"content":"not-an-ip"}]}]}"#,
        ] {
            assert!(zone_from_json(bad.as_bytes(), "example.com").is_err(), "{bad}");
        }
    }

    #[test]
    fn patch_replaces_whole_rrsets_and_deletes_empty_ones() {
        use crate::{apply::ProcessOptions, process_records, TemplateRecord};
        let z = zone_from_json(ZONE.as_bytes(), "example.com").unwrap();
        let recs: Vec<TemplateRecord> = serde_json::from_str(
            r#"[{"type":"CNAME","host":"www","pointsTo":"shop.example.net","ttl":600},
                {"type":"SPFM","host":"@","spfRules":"include:b.example"}]"#,
        )
        .unwrap();
        let cs = process_records(&recs, &z, &ProcessOptions { domain: "example.com", host: Some(""), ..Default::default() }).unwrap();
        let body = patch_body(&cs, &z, "example.com");
        let sets = body["rrsets"].as_array().unwrap();
        let get = |n: &str, t: &str| sets.iter().find(|s| s["name"] == n && s["type"] == t).unwrap().clone();
        assert_eq!(get("www.example.com.", "A")["changetype"], "DELETE");
        let cname = get("www.example.com.", "CNAME");
        assert_eq!(cname["changetype"], "REPLACE");
        assert_eq!(cname["records"][0]["content"], "shop.example.net.");
        let txt = get("example.com.", "TXT");
        assert_eq!(txt["records"][0]["content"], "\"v=spf1 include:b.example include:a.example ~all\"");
        assert_eq!(sets.len(), 3, "untouched RRsets are not sent: {body}");
    }
}
