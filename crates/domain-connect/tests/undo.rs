//! Apply, then undo, over the public templates, through the PowerDNS request builders:
//! each template that loads (generated values) applied to a realistic zone as PowerDNS
//! holds it, the zone after the PATCH equal to the one the core expects, and the
//! undo PATCH (`patch_between(after, before)`) giving back the zone exactly. PowerDNS is
//! modelled here by what its PATCH does — each RRset of the body replaced whole, or
//! deleted — as the browser tier's soak checks against the real server.

mod common;

use domain_connect::records_api::{self, powerdns};
use domain_connect::ZoneRecord;
use serde_json::{json, Value};

const DOMAIN: &str = "example.com";

/// A zone as PowerDNS holds it: its RRsets by (name, type).
struct Model(Vec<Value>);

impl Model {
    fn patch(&mut self, body: &Value) {
        for change in body["rrsets"].as_array().unwrap() {
            self.0.retain(|r| !(r["name"] == change["name"] && r["type"] == change["type"]));
            if change["changetype"] == "REPLACE" {
                self.0.push(change.clone());
            }
        }
    }

    fn records(&self) -> Vec<ZoneRecord> {
        let body = json!({"name": format!("{DOMAIN}."), "rrsets": self.0}).to_string();
        powerdns::zone_from_json(body.as_bytes(), DOMAIN).unwrap_or_else(|e| panic!("{e}: {body}"))
    }
}

const ZONE: &str = r#"[
 {"type":"NS","name":"@","data":"ns1.example.net","ttl":3600},
 {"type":"A","name":"@","data":"192.0.2.10","ttl":600},
 {"type":"AAAA","name":"@","data":"2001:db8::10","ttl":600},
 {"type":"CNAME","name":"www","data":"example.com","ttl":600},
 {"type":"MX","name":"@","data":"mx.example.net","priority":10,"ttl":600},
 {"type":"TXT","name":"@","data":"v=spf1 mx ~all","ttl":600},
 {"type":"TXT","name":"_dmarc","data":"v=DMARC1; p=none","ttl":600},
 {"type":"A","name":"shop","data":"192.0.2.20","ttl":600},
 {"type":"SRV","name":"@","service":"_sip","protocol":"tls","priority":10,"weight":5,"port":443,"data":"sip.example.net","ttl":600}
]"#;

#[test]
fn every_public_template_applied_then_undone_gives_the_zone_back() {
    let zone = domain_connect::zone::from_json(ZONE).unwrap();
    let mut start = Model(Vec::new());
    start.patch(&powerdns::patch_between(&[], &zone, DOMAIN));
    let before = start.records();
    let (mut loaded, mut applied, mut refused, mut unchanged) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for (i, (name, t)) in common::public_templates().iter().enumerate() {
        loaded += 1;
        let Ok(cs) = common::apply_generated(t, &before, DOMAIN, i) else {
            refused += 1;
            continue;
        };
        applied += 1;
        let mut pdns = Model(start.0.clone());
        pdns.patch(&powerdns::patch_body(&cs, &before, DOMAIN));
        let after = pdns.records();
        let d = records_api::diff(&powerdns::expected_zone(&cs, &before, DOMAIN), &after);
        if !d.is_empty() {
            wrong.push(format!("{name}: after Connect {d:?}"));
        }
        if records_api::diff(&before, &after).is_empty() {
            unchanged += 1;
        }
        pdns.patch(&powerdns::patch_between(&after, &before, DOMAIN));
        let d = records_api::diff(&before, &pdns.records());
        if !d.is_empty() {
            wrong.push(format!("{name}: after Undo {d:?}"));
        }
    }
    let report = format!(
        "{loaded} templates load; {applied} applied to the zone and undone ({refused} refused with generated values, {unchanged} changed nothing); {} not given back exactly\n",
        wrong.len()
    );
    std::fs::write(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/undo-report.txt"), format!("{report}{}", wrong.join("\n"))).unwrap();
    assert!(wrong.is_empty(), "{report}{}", wrong.join("\n"));
    assert!(applied > 1000, "{report}");
}
