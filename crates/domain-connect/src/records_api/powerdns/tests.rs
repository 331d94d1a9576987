//! PowerDNS shapes: the zone read, the one PATCH, its answers, Undo.

use super::*;

const ZONE: &str = r#"{"name":"example.com.","kind":"Native","rrsets":[
  {"name":"example.com.","type":"SOA","ttl":3600,"records":[{"content":"ns1.example.com. hostmaster.example.com. 1 10800 3600 604800 3600","disabled":false}]},
  {"name":"example.com.","type":"TXT","ttl":300,"records":[{"content":"\"v=spf1 \" \"include:a.example ~all\"","disabled":false}]},
  {"name":"www.example.com.","type":"A","ttl":60,"records":[{"content":"192.0.2.1","disabled":false},{"content":"192.0.2.9","disabled":true}]},
  {"name":"example.com.","type":"MX","ttl":3600,"records":[{"content":"10 mail.example.com.","disabled":false}]},
  {"name":"_sip._tls.example.com.","type":"SRV","ttl":3600,"records":[{"content":"100 1 443 sip.example.net.","disabled":false}]}
]}"#;

/// [`ZONE`] read, and the change set of these template records at its apex.
fn apply_to_zone(records: &str) -> (Vec<ZoneRecord>, ChangeSet) {
    use crate::{apply::ProcessOptions, process_records, TemplateRecord};
    let z = zone_from_json(ZONE.as_bytes(), "example.com").unwrap();
    let recs: Vec<TemplateRecord> = serde_json::from_str(records).unwrap();
    let cs = process_records(&recs, &z, &ProcessOptions { domain: "example.com", host: Some(""), ..Default::default() }).unwrap();
    (z, cs)
}

#[test]
fn reads_rrsets_as_zone_records() {
    let z = zone_from_json(ZONE.as_bytes(), "example.com").unwrap();
    let find = |t: &str| z.iter().find(|r| r.rtype.to_string() == t).unwrap();
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
    let (z, cs) = apply_to_zone(
        r#"[{"type":"CNAME","host":"www","pointsTo":"shop.example.net","ttl":600},
            {"type":"SPFM","host":"@","spfRules":"include:b.example"}]"#,
    );
    let body = patch_body(&cs, &z, "example.com");
    assert!(ttl_choices(&cs, &z, "example.com").is_empty());
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

#[test]
fn one_ttl_per_rrset_is_chosen_and_said() {
    // A TXT added beside the SPF record (TTL 300) asks for 900.
    let (z, cs) = apply_to_zone(r#"[{"type":"TXT","host":"@","data":"hello","ttl":900,"txtConflictMatchingMode":"None"}]"#);
    let choices = ttl_choices(&cs, &z, "example.com");
    assert_eq!(choices, vec![TtlChoice { name: "example.com.".into(), rtype: "TXT".into(), asked: vec![300, 900], chosen: 300 }]);
    assert!(choices[0].to_string().contains("all get 300 s"), "{}", choices[0]);
    let body = patch_body(&cs, &z, "example.com");
    assert_eq!(body["rrsets"][0]["ttl"], 300);
    assert_eq!(body["rrsets"][0]["records"].as_array().unwrap().len(), 2, "the SPF record stays beside the new TXT: {body}");
    let expected = expected_zone(&cs, &z, "example.com");
    assert!(expected.iter().filter(|r| r.rtype.to_string() == "TXT").all(|r| r.ttl == Some(300)), "{expected:?}");
    assert_eq!(expected.len(), z.len() + 1);
}

#[test]
fn patch_between_undoes_an_apply() {
    let (z, cs) = apply_to_zone(
        r#"[{"type":"CNAME","host":"www","pointsTo":"shop.example.net","ttl":600},
            {"type":"SPFM","host":"@","spfRules":"include:b.example"}]"#,
    );
    let after = expected_zone(&cs, &z, "example.com");
    // Forward, it is the apply's own PATCH; backward, it restores each RRset whole.
    assert_eq!(patch_between(&z, &after, "example.com"), patch_body(&cs, &z, "example.com"));
    let undo = patch_between(&after, &z, "example.com");
    let sets = undo["rrsets"].as_array().unwrap();
    let get = |n: &str, t: &str| sets.iter().find(|s| s["name"] == n && s["type"] == t).unwrap().clone();
    assert_eq!(get("www.example.com.", "CNAME")["changetype"], "DELETE");
    assert_eq!(get("www.example.com.", "A")["records"], json!([{"content": "192.0.2.1", "disabled": false}]));
    assert_eq!(get("www.example.com.", "A")["ttl"], 60);
    assert_eq!(get("example.com.", "TXT")["records"][0]["content"], "\"v=spf1 include:a.example ~all\"");
    assert_eq!(sets.len(), 3, "{undo}");
    assert_eq!(patch_between(&z, &z, "example.com"), json!({"rrsets": []}));
}

#[test]
fn patch_answers_tell_refused_from_unknown() {
    use super::super::ApiFailure;
    assert_eq!(read_patch_answer(204, b""), Ok(()));
    let e = read_patch_answer(422, br#"{"error": "RRset www.example.com. IN CNAME: Conflicts with pre-existing RRset"}"#).unwrap_err();
    assert_eq!(e, ApiFailure::Refused { status: 422, messages: vec!["RRset www.example.com. IN CNAME: Conflicts with pre-existing RRset".into()] });
    assert!(
        matches!(read_patch_answer(500, b"<html>oops</html>"), Err(ApiFailure::Unknown { status: 500, ref messages }) if messages[0] == "<html>oops</html>")
    );
    assert!(matches!(read_patch_answer(502, b""), Err(ApiFailure::Unknown { status: 502, ref messages }) if messages.is_empty()));
    let req = patch_request("http://h:1", "localhost", "example.com", "k", &ChangeSet::default(), &[]);
    assert_eq!((req.method, req.url.as_str()), ("PATCH", "http://h:1/api/v1/servers/localhost/zones/example.com."));
    assert_eq!(req.body.as_deref(), Some(&br#"{"rrsets":[]}"#[..]));
}
