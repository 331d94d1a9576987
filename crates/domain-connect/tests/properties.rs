//! Property tests: the engine never panics, re-applying a template (multi-aware) with
//! the same values changes nothing, and a zone never ends with a CNAME beside another
//! record at the same name; a zone indexed once gives exactly the answers of the
//! one-call index.

use domain_connect::apply::{process_records, process_records_indexed, IndexedZone, ProcessOptions};
use domain_connect::record::{sort_canonical, ZoneRecord};
use domain_connect::{Params, Template, TemplateRecord};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("@".to_string()),
        Just("www".to_string()),
        Just("mail".to_string()),
        Just("a.www".to_string()),
        Just("_dmarc".to_string()),
        Just("*".to_string())
    ]
}

fn zone_record() -> impl Strategy<Value = ZoneRecord> {
    (
        prop_oneof![Just("A"), Just("AAAA"), Just("CNAME"), Just("MX"), Just("TXT"), Just("NS"), Just("SRV"), Just("CAA")],
        name(),
        "[a-z0-9.]{1,12}",
        1i64..100000,
    )
        .prop_map(|(t, n, d, ttl)| {
            let mut r = ZoneRecord::new(t, &n, &d, Some(ttl));
            if t == "MX" || t == "SRV" {
                r.priority = Some(10);
            }
            r
        })
}

/// A zone without CNAME conflicts (a CNAME alone at its name).
fn clean_zone() -> impl Strategy<Value = Vec<ZoneRecord>> {
    prop::collection::vec(zone_record(), 0..12).prop_map(|mut z| {
        let cname_names: Vec<String> = z.iter().filter(|r| r.rtype.to_string() == "CNAME").map(|r| r.name.clone()).collect();
        let mut seen = std::collections::HashSet::new();
        z.retain(|r| if cname_names.contains(&r.name) { r.rtype.to_string() == "CNAME" && seen.insert(r.name.clone()) && r.name != "@" } else { true });
        z
    })
}

fn template_record() -> impl Strategy<Value = TemplateRecord> {
    (
        prop_oneof![Just("A"), Just("AAAA"), Just("CNAME"), Just("MX"), Just("TXT"), Just("SPFM"), Just("NS"), Just("SRV"), Just("CAA"), Just("APEXCNAME")],
        prop_oneof![Just("@"), Just("www"), Just("%sub%"), Just("mail"), Just("x.www")],
        prop_oneof![Just("None"), Just("All"), Just("Prefix")],
    )
        .prop_map(|(t, host, mode)| {
            let points_to = match t {
                "A" => "%ip%",
                "AAAA" => "2001:db8::1",
                _ => "target.example.net",
            };
            TemplateRecord {
                rtype: t.into(),
                host: Some(host.into()),
                name: Some(host.into()),
                points_to: Some(points_to.into()),
                ttl: Some(300.into()),
                data: Some(if t == "CAA" { "0 issue \"ca.example\"".into() } else { "hello %ip%".into() }),
                txt_conflict_matching_mode: Some(mode.into()),
                txt_conflict_matching_prefix: Some("hello".into()),
                priority: Some(10.into()),
                weight: Some(1.into()),
                port: Some(443.into()),
                protocol: Some("_tcp".into()),
                service: Some("_svc".into()),
                target: Some("srv.example.net".into()),
                spf_rules: Some("include:spf.example.net".into()),
                ..Default::default()
            }
        })
}

fn params() -> Params {
    [("ip", "192.0.2.1"), ("sub", "sub")].into_iter().collect()
}

fn opts<'a>(p: &'a Params, host: &'a str, id: &'a str) -> ProcessOptions<'a> {
    ProcessOptions {
        domain: "example.com",
        host: Some(host),
        params: Some(p),
        multi_aware: true,
        provider_id: Some("p.example"),
        service_id: Some("svc"),
        unique_id: Some(id),
        ..Default::default()
    }
}

fn assert_no_cname_beside_others(zone: &[ZoneRecord]) -> Result<(), TestCaseError> {
    for c in zone.iter().filter(|r| r.rtype.to_string() == "CNAME") {
        let others = zone.iter().filter(|r| r.name == c.name).count();
        prop_assert_eq!(others, 1, "CNAME {} shares its name: {:?}", c.name, zone);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(json in ".{0,400}", zone in ".{0,400}", host in ".{0,20}", v in ".{0,30}") {
        let _ = Template::from_json(&json);
        let _ = domain_connect::zone::from_json(&zone);
        let _ = domain_connect::zone::from_bind(&zone, "example.com");
        if let Ok(t) = Template::from_json(r#"{"providerId":"p","serviceId":"s","records":[{"type":"TXT","host":"%v%","data":"%v%","ttl":"%v%"},{"type":"A","host":"@","pointsTo":"%v%","ttl":1}]}"#) {
            let p: Params = [("v", v.as_str())].into_iter().collect();
            let o = ProcessOptions { domain: "example.com", host: Some(&host), params: Some(&p), ..Default::default() };
            let _ = process_records(&t.records, &[], &o);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_records(zone in clean_zone(), recs in prop::collection::vec(template_record(), 0..6), host in prop_oneof![Just(""), Just("bar"), Just("@")]) {
        let p = params();
        let _ = process_records(&recs, &zone, &opts(&p, host, "id1"));
    }

    #[test]
    fn reapplying_changes_nothing(zone in clean_zone(), recs in prop::collection::vec(template_record(), 1..5), host in prop_oneof![Just(""), Just("bar")]) {
        let p = params();
        if let Ok(first) = process_records(&recs, &zone, &opts(&p, host, "id1")) {
            let after_first = first.final_zone(&zone);
            let second = process_records(&recs, &after_first, &opts(&p, host, "id1")).expect("a template that applied once applies again");
            let mut a = after_first.clone();
            let mut b = second.final_zone(&after_first);
            sort_canonical(&mut a);
            sort_canonical(&mut b);
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn no_cname_beside_another_record(zone in clean_zone(), recs in prop::collection::vec(template_record(), 1..5), host in prop_oneof![Just(""), Just("bar")], multi in any::<bool>()) {
        let p = params();
        let mut o = opts(&p, host, "id1");
        o.multi_aware = multi;
        if let Ok(cs) = process_records(&recs, &zone, &o) {
            assert_no_cname_beside_others(&cs.final_zone(&zone))?;
        }
    }

    #[test]
    fn indexed_zone_answers_as_one_call(zone in clean_zone(), recs in prop::collection::vec(template_record(), 1..5), host in prop_oneof![Just(""), Just("bar")], multi in any::<bool>(), upper in prop::collection::vec(any::<bool>(), 16)) {
        let p = params();
        let mut o = opts(&p, host, "id1");
        o.multi_aware = multi;
        // A zone with provenance (after a first multi-aware apply) and owner names in
        // mixed case.
        let mut z = match process_records(&recs, &zone, &opts(&p, host, "id0")) {
            Ok(cs) => cs.final_zone(&zone),
            Err(_) => zone.clone(),
        };
        for (r, up) in z.iter_mut().zip(upper.iter().cycle()) {
            if *up {
                r.name = r.name.to_ascii_uppercase();
            }
        }
        let indexed = IndexedZone::new(z.clone()).unwrap();
        prop_assert_eq!(process_records(&recs, &z, &o), process_records_indexed(&recs, &indexed, &o));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// A reported request of any shape is diagnosed, never a panic, and its decision is
    /// the worst of its steps; a HAR file of any text is read or refused.
    #[test]
    fn replay_diagnoses_anything(query in "[a-zA-Z0-9=&%+._~ -]{0,200}", host in ".{0,12}", har in ".{0,300}") {
        use domain_connect::replay::{diagnose, har::apply_requests, Case, Status, TemplateInput};
        let template = r#"{"providerId": "p.example", "serviceId": "s", "syncPubKeyDomain": "k.example", "records": [{"type": "A", "host": "@", "pointsTo": "%ip%", "ttl": 60}]}"#;
        for url in [format!("https://dns.example/v2/domainTemplates/providers/p.example/services/s/apply?{query}"), format!("{host}?{query}")] {
            let key = domain_connect::KeyAnswer::Found { txt: vec![query.clone()], source: "test".into() };
            let d = diagnose(&Case { url: &url, template: TemplateInput::Text { json: template, source: "test" }, key: &key, zone: None }, &domain_connect::RustWeb);
            prop_assert!(!d.steps.is_empty());
            prop_assert_eq!(d.decision, d.steps.iter().map(|s| s.status).max().unwrap_or(Status::Ok));
        }
        let _ = apply_requests(&har);
        let _ = apply_requests(&format!("{{\"log\": {{\"entries\": [{{\"request\": {{\"url\": {:?}}}}}]}}}}", har));
    }
}
