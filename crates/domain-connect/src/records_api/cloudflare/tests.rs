//! Cloudflare shapes against the documented examples.

use super::*;
use crate::{apply::ProcessOptions, process_records, TemplateRecord};

/// A list answer in the shape of the documented record objects (DNS docs: the
/// `www` A record and the `_xmpp._tcp` SRV record examples), plus MX and TXT.
pub(crate) const LIST: &str = r#"{"result":[
  {"id":"372e67954025e0ba6aaa6d586b9e0b59","zone_id":"023e105f4ecef8ad9ca31a8372d0c353","zone_name":"example.com","name":"www.example.com","type":"A","content":"192.0.2.1","proxiable":true,"proxied":true,"ttl":1,"locked":false,"meta":{"source":"primary"},"comment":null,"tags":[],"created_on":"2023-01-17T20:37:05.368097Z","modified_on":"2023-01-17T20:37:05.368097Z"},
  {"id":"a50364543094428abde0f14061d42b0e","zone_name":"example.com","name":"_xmpp._tcp.example.com","type":"SRV","content":"5 5223 server.example.com","priority":10,"proxiable":false,"proxied":false,"ttl":1,"data":{"port":5223,"priority":10,"target":"server.example.com","weight":5}},
  {"id":"2bff0ebc4df64beaa44b0dca93e37a28","name":"example.com","type":"MX","content":"mail.example.com","priority":10,"proxied":false,"ttl":3600},
  {"id":"31d1d6e79ce04b8d93cbc5a13401d728","name":"example.com","type":"TXT","content":"\"v=spf1 include:a.example ~all\"","proxied":false,"ttl":300}
],"success":true,"errors":[],"messages":[],"result_info":{"page":1,"per_page":5000,"count":4,"total_count":4,"total_pages":1}}"#;

#[test]
fn reads_documented_record_objects() {
    let p = read_list_page(200, LIST.as_bytes(), "example.com").unwrap();
    assert_eq!(p.total_pages, 1);
    let r: Vec<&ZoneRecord> = p.records.iter().map(|c| &c.record).collect();
    assert_eq!((r[0].name.as_str(), r[0].data.as_str(), r[0].ttl, p.records[0].proxied), ("www", "192.0.2.1", Some(1), true));
    assert_eq!((r[1].service.as_deref(), r[1].protocol.as_deref(), r[1].name.as_str()), (Some("_xmpp"), Some("tcp"), "@"));
    assert_eq!((r[1].priority, r[1].weight, r[1].port, r[1].data.as_str()), (Some(10), Some(5), Some(5223), "server.example.com"));
    assert_eq!((r[2].priority, r[2].data.as_str()), (Some(10), "mail.example.com"));
    assert_eq!(r[3].data, "v=spf1 include:a.example ~all");
    assert_eq!(p.records[3].id, "31d1d6e79ce04b8d93cbc5a13401d728");
}

#[test]
fn errors_are_cloudflares_own_messages() {
    let body = br#"{"result":null,"success":false,"errors":[{"code":81057,"message":"Record already exists."}],"messages":[]}"#;
    assert_eq!(read_batch_answer(400, body), Err(ApiFailure::Refused { status: 400, messages: vec!["81057: Record already exists.".into()] }));
    assert!(matches!(read_batch_answer(200, body), Err(ApiFailure::Refused { status: 200, .. })));
    assert!(matches!(read_batch_answer(502, b"<html>Bad gateway</html>"), Err(ApiFailure::Unknown { status: 502, .. })));
    assert_eq!(read_batch_answer(200, br#"{"result":{"deletes":[],"posts":[]},"success":true,"errors":[],"messages":[]}"#), Ok(()));
    let e = read_zone_lookup(200, br#"{"result":[],"success":true,"errors":[]}"#, "example.com").unwrap_err();
    assert!(e.to_string().contains("no zone named example.com"), "{e}");
    let id =
        read_zone_lookup(200, br#"{"result":[{"id":"023e105f4ecef8ad9ca31a8372d0c353","name":"example.com"}],"success":true,"errors":[]}"#, "Example.com.");
    assert_eq!(id.unwrap(), "023e105f4ecef8ad9ca31a8372d0c353");
    for bad in [
        &b""[..],
        b"[]",
        br#"{"success":true,"result":[{"id":"x","name":"evil.org","type":"A","content":"192.0.2.1","ttl":1}]}"#,
        br#"{"success":true,"result":[{"id":"x","name":"a.example.com","type":"A","content":"1.2.3.4\nb 1 IN A 6.6.6.6","ttl":1}]}"#,
    ] {
        assert!(read_list_page(200, bad, "example.com").is_err(), "{}", String::from_utf8_lossy(bad));
    }
}

#[test]
fn the_batch_deletes_by_id_then_posts_with_the_proxy_choices() {
    let listed = read_list_page(200, LIST.as_bytes(), "example.com").unwrap().records;
    let zone: Vec<ZoneRecord> = listed.iter().map(|c| c.record.clone()).collect();
    let ids: Vec<String> = listed.iter().map(|c| c.id.clone()).collect();
    let recs: Vec<TemplateRecord> = serde_json::from_str(
        r#"[{"type":"CNAME","host":"www","pointsTo":"shop.example.net","ttl":600},
            {"type":"A","host":"api","pointsTo":"192.0.2.41","ttl":3000},
            {"type":"MX","host":"@","pointsTo":"mx.example.net","priority":5,"ttl":3600},
            {"type":"SRV","name":"@","service":"_sip","protocol":"_tls","priority":100,"weight":1,"port":443,"target":"sip.example.net","ttl":3600},
            {"type":"SPFM","host":"@","spfRules":"include:b.example"}]"#,
    )
    .unwrap();
    let cs = process_records(&recs, &zone, &ProcessOptions { domain: "example.com", host: Some(""), ..Default::default() }).unwrap();
    let proxied: Vec<Option<bool>> = cs.added.iter().map(|a| a.record.rtype.is_proxiable().then_some(a.record.rtype.to_string() == "CNAME")).collect();
    let body = batch_body(&cs, &ids, &proxied, "example.com").unwrap();
    // The documented shape: deletes carry only ids; posts are Create-record objects.
    let deletes: Vec<&str> = body["deletes"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    // www's A (CNAME conflict), the apex SRV (a new SRV replaces SRV records of its
    // name), the MX (same type), the SPF record (merged), in zone order.
    assert_eq!(
        deletes,
        ["372e67954025e0ba6aaa6d586b9e0b59", "a50364543094428abde0f14061d42b0e", "2bff0ebc4df64beaa44b0dca93e37a28", "31d1d6e79ce04b8d93cbc5a13401d728"],
        "{body}"
    );
    assert!(body["deletes"].as_array().unwrap().iter().all(|d| d.as_object().unwrap().len() == 1));
    let posts = body["posts"].as_array().unwrap();
    let find = |t: &str| posts.iter().find(|p| p["type"] == t).unwrap().clone();
    assert_eq!(find("CNAME"), json!({"name": "www.example.com", "type": "CNAME", "content": "shop.example.net", "ttl": 1, "proxied": true}));
    assert_eq!(find("A"), json!({"name": "api.example.com", "type": "A", "content": "192.0.2.41", "ttl": 3000, "proxied": false}));
    assert_eq!(find("MX"), json!({"name": "example.com", "type": "MX", "content": "mx.example.net", "priority": 5, "ttl": 3600}));
    assert_eq!(
        find("SRV"),
        json!({"name": "_sip._tls.example.com", "type": "SRV", "data": {"priority": 100, "weight": 1, "port": 443, "target": "sip.example.net"}, "ttl": 3600})
    );
    assert_eq!(find("TXT")["content"], "v=spf1 include:b.example include:a.example ~all");
    assert!(body.get("patches").is_none() && body.get("puts").is_none());
    // What the zone lists afterwards, as Cloudflare would list it.
    let exp = expected_zone(&cs, &zone, &proxied);
    assert!(exp.iter().any(|r| r.rtype.to_string() == "CNAME" && r.ttl == Some(1)));
    let req = batch_request("https://api.cloudflare.com/client/v4/", "023e105f4ecef8ad9ca31a8372d0c353", "t0ken", &body);
    assert_eq!(req.url, "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records/batch");
    assert!(!req.url.contains("t0ken") && req.headers.contains(&("Authorization".into(), "Bearer t0ken".into())));
}

#[test]
fn apexcname_and_redirects_are_refused_with_the_reason() {
    let recs: Vec<TemplateRecord> = serde_json::from_str(
        r#"[{"type":"APEXCNAME","host":"@","pointsTo":"shop.example.net","ttl":600},
            {"type":"REDIR301","host":"go","target":"https://example.net/"}]"#,
    )
    .unwrap();
    let opts = ProcessOptions { domain: "example.com", host: Some(""), redirect_records: Some(&[]), ..Default::default() };
    let cs = process_records(&recs, &[], &opts).unwrap();
    let no = batch_body(&cs, &[], &[], "example.com").unwrap_err();
    assert!(matches!(&no[0], Unsupported::ApexCname { .. }), "{no:?}");
    assert!(matches!(&no[1], Unsupported::Redirect { target, .. } if target == "https://example.net/"), "{no:?}");
    assert!(no[1].to_string().contains("bulk redirect"));
}

#[test]
fn ids_are_matched_by_content_not_position() {
    let listed = read_list_page(200, LIST.as_bytes(), "example.com").unwrap().records;
    let mut zone: Vec<ZoneRecord> = listed.iter().map(|c| c.record.clone()).collect();
    zone.reverse();
    let ids = ids_for(&zone, &listed).unwrap();
    assert_eq!(ids[0], "31d1d6e79ce04b8d93cbc5a13401d728", "the TXT record, first in the reversed zone");
    zone.pop();
    assert_eq!(ids_for(&zone, &listed), None, "a record more in the listing: the zone changed");
}

#[test]
fn undo_deletes_what_was_created_and_creates_again_what_was_deleted() {
    let listed = read_list_page(200, LIST.as_bytes(), "example.com").unwrap().records;
    let zone: Vec<ZoneRecord> = listed.iter().map(|c| c.record.clone()).collect();
    let recs: Vec<TemplateRecord> = serde_json::from_str(r#"[{"type":"CNAME","host":"www","pointsTo":"shop.example.net","ttl":600}]"#).unwrap();
    let cs = process_records(&recs, &zone, &ProcessOptions { domain: "example.com", host: Some(""), ..Default::default() }).unwrap();
    let answer = br#"{"success":true,"errors":[],"messages":[],"result":{"deletes":[{"id":"372e67954025e0ba6aaa6d586b9e0b59"}],"posts":[{"id":"e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6","name":"www.example.com","type":"CNAME","content":"shop.example.net","proxied":false,"ttl":600}]}}"#;
    let posted = posted_ids(answer);
    assert_eq!(posted, ["e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6"]);
    let undo = undo_body(&cs, &posted, &listed, "example.com").unwrap();
    assert_eq!(undo["deletes"], json!([{"id": "e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6"}]));
    // The A record at www comes back proxied, with Auto TTL, as it was listed.
    assert_eq!(undo["posts"], json!([{"name": "www.example.com", "type": "A", "content": "192.0.2.1", "ttl": 1, "proxied": true}]));
    assert_eq!(undo_body(&cs, &[], &listed, "example.com"), None, "no id for a created record: no Undo");
}
