//! Templates written to the IETF draft (draft-ietf-dconn-domainconnect-04) load and
//! apply: `templateSpecVersion`, `crit`, `vnd.` properties, generic record types (an
//! IANA name or `TYPEnnn` with `data`); an unsupported version or a critical property
//! not understood is refused with its name (§6.1.1).

use domain_connect::{apply_template, ApplyRequest, Params, Template};

const DRAFT: &str = r#"{
  "templateSpecVersion": 1,
  "crit": ["syncPubKeyDomain", "vnd.acme.absent"],
  "vnd.acme.colour": "blue",
  "providerId": "acme.example", "providerName": "Acme", "serviceId": "web", "serviceName": "Acme web",
  "version": 3, "syncPubKeyDomain": "keys.acme.example",
  "records": [
    {"type": "A", "host": "@", "pointsTo": "%ip%", "ttl": 3600},
    {"type": "HTTPS", "host": "@", "data": "1 . alpn=h2", "ttl": 3600},
    {"type": "TYPE65", "host": "www", "data": "\\# 3 000100", "ttl": 3600},
    {"type": "CAA", "host": "@", "data": "0 issue \"ca.example\"", "ttl": 3600}
  ]
}"#;

#[test]
fn a_draft_template_loads_and_its_generic_records_apply() {
    let t = Template::from_json(DRAFT).unwrap();
    let mut params = Params::new();
    params.insert("ip".to_string(), "192.0.2.7");
    let req = ApplyRequest::new("example.com", Some(""), &params);
    let cs = apply_template(&t, &[], &req).unwrap();
    let zone = cs.final_zone(&[]);
    let types: Vec<String> = zone.iter().map(|r| r.rtype.to_string()).collect();
    for want in ["A", "HTTPS", "TYPE65", "CAA"] {
        assert!(types.iter().any(|t| t.eq_ignore_ascii_case(want)), "{want} in {types:?}");
    }
}

fn refused(change: &str, with: &str) -> (String, String) {
    let text = DRAFT.replacen(change, with, 1);
    let e = Template::from_json(&text).unwrap_err();
    (e.path, e.message)
}

#[test]
fn an_unsupported_spec_version_is_refused_by_name() {
    let (path, message) = refused(r#""templateSpecVersion": 1"#, r#""templateSpecVersion": 2"#);
    assert_eq!(path, "templateSpecVersion");
    assert!(message.contains("templateSpecVersion 2") && message.contains("must not be applied"), "{message}");
    let (path, _) = refused(r#""templateSpecVersion": 1"#, r#""templateSpecVersion": "one""#);
    assert_eq!(path, "templateSpecVersion");
}

#[test]
fn a_critical_property_not_understood_is_refused_by_name() {
    let (path, message) = refused(r#""crit": ["syncPubKeyDomain", "vnd.acme.absent"]"#, r#""crit": ["syncPubKeyDomain", "vnd.acme.colour"]"#);
    assert_eq!(path, "crit[1]");
    assert!(message.contains("\"vnd.acme.colour\""), "{message}");
    let (path, _) = refused(r#""crit": ["syncPubKeyDomain", "vnd.acme.absent"]"#, r#""crit": []"#);
    assert_eq!(path, "crit");
}
