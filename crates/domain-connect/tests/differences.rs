//! One test per place where our engine departs from the reference engine on purpose
//! (`shared/reference/dcaz-behaviour.md`; the crate docs list them with reasons).

use domain_connect::apply::{process_records, Dialect, ProcessOptions};
use domain_connect::changeset::{ConflictRule, DeletionReason};
use domain_connect::{Params, TemplateRecord, ZoneRecord};

fn recs(json: &str) -> Vec<TemplateRecord> {
    serde_json::from_str(json).unwrap()
}

fn zone(json: &str) -> Vec<ZoneRecord> {
    domain_connect::zone::from_json(json).unwrap()
}

fn opts<'a>(p: &'a Params, host: &'a str) -> ProcessOptions<'a> {
    ProcessOptions { domain: "foo.com", host: Some(host), params: Some(p), ..Default::default() }
}

/// Row 1: loose A values are accepted by the engine, as in DCAZ.
#[test]
fn row1_loose_ipv4_accepted_like_dcaz() {
    let p = Params::new();
    let cs = process_records(&recs(r#"[{"type":"A","host":"@","pointsTo":"132.148.25","ttl":60}]"#), &[], &opts(&p, "")).unwrap();
    assert_eq!(cs.added[0].record.data, "132.148.25");
    assert!(!domain_connect::validate::is_strict_ip("132.148.25", 4), "the screen flags it");
}

/// Row 3: REDIR targets keep their path and query case.
#[test]
fn row3_redirect_path_case_kept() {
    let p: Params = [("t", "Example.COM/Some/Path?Q=X")].into_iter().collect();
    let redirect = recs(r#"[{"type":"A","pointsTo":"127.0.0.1","ttl":600}]"#);
    let mut o = opts(&p, "");
    o.redirect_records = Some(&redirect);
    let cs = process_records(&recs(r#"[{"type":"REDIR301","host":"@","target":"https://%t%"}]"#), &[], &o).unwrap();
    let r = cs.final_zone(&[]).into_iter().find(|r| r.rtype.to_string() == "REDIR301").unwrap();
    assert_eq!(r.data, "https://example.com/Some/Path?Q=X");
}

/// Row 4: a non-integer TTL variable is InvalidData naming the field (DCAZ crashes).
#[test]
fn row4_non_integer_ttl_value_is_invalid_data() {
    let p: Params = [("ttl", "soon")].into_iter().collect();
    let e = process_records(&recs(r#"[{"type":"A","host":"@","pointsTo":"1.2.3.4","ttl":"%ttl%"}]"#), &[], &opts(&p, "")).unwrap_err();
    assert_eq!(e.name(), "InvalidData");
    assert!(e.message().contains("ttl"), "{}", e.message());
}

/// Row 5: SRV at the apex and SRV with a %protocol% variable work in our dialect; the
/// reference dialect keeps DCAZ's refusal (the suites expect it).
#[test]
fn row5_srv_at_apex_and_with_variables() {
    let p: Params = [("proto", "_tcp")].into_iter().collect();
    let r =
        recs(r#"[{"type":"SRV","name":"@","service":"_sip","protocol":"%proto%","target":"sip.example.net","priority":1,"weight":1,"port":5060,"ttl":60}]"#);
    let cs = process_records(&r, &[], &opts(&p, "")).unwrap();
    assert_eq!(cs.added[0].record.protocol.as_deref(), Some("tcp"));
    let mut o = opts(&p, "");
    o.dialect = Dialect::Reference;
    assert_eq!(process_records(&r, &[], &o).unwrap_err().name(), "InvalidData");
}

/// Row 7: a multi-aware re-apply at the apex replaces the previous instance.
#[test]
fn row7_reapply_at_apex_replaces_previous_instance() {
    let p = Params::new();
    let z = zone(r#"[{"type":"TXT","name":"@","data":"old","ttl":60,"_dc":{"id":"1","providerId":"p","serviceId":"s","host":"","essential":"Always"}}]"#);
    let o = ProcessOptions { multi_aware: true, provider_id: Some("p"), service_id: Some("s"), unique_id: Some("2"), ..opts(&p, "") };
    let cs = process_records(&recs(r#"[{"type":"TXT","host":"@","data":"new","ttl":60}]"#), &z, &o).unwrap();
    assert_eq!(cs.delete_count(), 1);
    assert!(matches!(cs.deleted[0].reason, DeletionReason::PreviousInstance { .. }));
}

/// Row 8: SPF merge compares whole terms, so `include:a.com` is not "present" because
/// `include:a.com.evil` is.
#[test]
fn row8_spf_merge_compares_whole_terms() {
    let p = Params::new();
    let z = zone(r#"[{"type":"TXT","name":"@","data":"v=spf1 include:a.com.evil ~all","ttl":60}]"#);
    let cs = process_records(&recs(r#"[{"type":"SPFM","host":"@","spfRules":"include:a.com"}]"#), &z, &opts(&p, "")).unwrap();
    assert_eq!(cs.added[0].record.data, "v=spf1 include:a.com include:a.com.evil ~all");
    assert!(matches!(&cs.deleted[0].reason, DeletionReason::Conflict { rule: ConflictRule::SpfMerge, .. }));
    // Present as a whole term (any case): nothing changes, the record is listed as kept.
    let z = zone(r#"[{"type":"TXT","name":"@","data":"v=spf1 INCLUDE:a.com ~all","ttl":60}]"#);
    let cs = process_records(&recs(r#"[{"type":"SPFM","host":"@","spfRules":"include:a.com"}]"#), &z, &opts(&p, "")).unwrap();
    assert!(cs.is_empty());
    assert_eq!(cs.kept.len(), 1);
}

/// The CNAME rule is complete: a new CNAME removes an SRV/CAA at its name, and a new
/// SRV removes a CNAME at its name (DCAZ leaves both side by side).
#[test]
fn cname_rule_is_complete() {
    let p = Params::new();
    let z = zone(r#"[{"type":"CAA","name":"www","data":"0 issue \"x\"","ttl":60}]"#);
    let cs = process_records(&recs(r#"[{"type":"CNAME","host":"www","pointsTo":"t.example.net","ttl":60}]"#), &z, &opts(&p, "")).unwrap();
    assert!(matches!(&cs.deleted[0].reason, DeletionReason::Conflict { rule: ConflictRule::Cname, .. }));
}

/// An absolute host outside the zone that merely ends with the zone's text is not
/// taken for the apex (DCAZ turns `xfoo.com.` in zone `foo.com` into `@`).
#[test]
fn absolute_host_suffix_is_label_aligned() {
    let p = Params::new();
    let e = process_records(&recs(r#"[{"type":"TXT","host":"xfoo.com.","data":"x","ttl":60}]"#), &[], &opts(&p, "")).unwrap_err();
    assert_eq!(e.name(), "InvalidData");
    let cs = process_records(&recs(r#"[{"type":"TXT","host":"www.foo.com.","data":"x","ttl":60}]"#), &[], &opts(&p, "")).unwrap();
    assert_eq!(cs.added[0].record.name, "www");
}

/// Re-applying a template with an SPFM record keeps the SPF record (DCAZ deletes it:
/// the earlier instance is replaced and the merge finds its rule "already there").
#[test]
fn reapply_keeps_spf_record() {
    let p = Params::new();
    let r = recs(r#"[{"type":"SPFM","host":"@","spfRules":"include:x.net"}]"#);
    let o = ProcessOptions { multi_aware: true, provider_id: Some("p"), service_id: Some("s"), unique_id: Some("1"), ..opts(&p, "bar") };
    let first = process_records(&r, &[], &o).unwrap();
    let after_first = first.final_zone(&[]);
    let second = process_records(&r, &after_first, &o).unwrap();
    assert_eq!(second.final_zone(&after_first), after_first);
}

/// Every deletion says which rule removed it.
#[test]
fn every_deletion_has_a_reason() {
    let p = Params::new();
    let z = zone(
        r#"[{"type":"A","name":"bar","data":"1.1.1.1","ttl":60},{"type":"TXT","name":"bar","data":"shm:old","ttl":60},{"type":"NS","name":"bar","data":"ns.x.net","ttl":60}]"#,
    );
    let r = recs(
        r#"[{"type":"A","host":"@","pointsTo":"2.2.2.2","ttl":60},{"type":"TXT","host":"@","data":"shm:new","ttl":60,"txtConflictMatchingMode":"Prefix","txtConflictMatchingPrefix":"shm:"}]"#,
    );
    let cs = process_records(&r, &z, &opts(&p, "bar")).unwrap();
    let rules: Vec<String> = cs
        .deleted
        .iter()
        .map(|d| match &d.reason {
            DeletionReason::Conflict { rule, .. } => format!("{rule:?}"),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(rules, vec!["SameType", "TxtPrefix { prefix: \"shm:\" }", "NsAboveNewRecord"]);
    assert!(cs.deleted.iter().all(|d| !d.explanation.is_empty()));
}

/// Owner names compare as DNS compares them (RFC 4343): ASCII letters without regard
/// to case, every other octet exactly. So `WWW` and `Www` are the template's `www`, and
/// so are names under a delegation in any case; `\u{212A}` (KELVIN SIGN) is not `k` —
/// DCAZ lowercases with Python's Unicode rules, for which it is (the one character that
/// lowercases into ASCII). Template hosts are validated ASCII labels, so that is the
/// whole difference.
#[test]
fn owner_names_compare_as_dns_does() {
    let p = Params::new();
    let z = zone(
        r#"[{"type":"A","name":"WWW","data":"1.1.1.1","ttl":60},{"type":"A","name":"Www","data":"1.1.1.2","ttl":60},
        {"type":"A","name":"\u212A","data":"1.1.1.3","ttl":60},{"type":"A","name":"k","data":"1.1.1.4","ttl":60},
        {"type":"A","name":"x.SUB","data":"1.1.1.5","ttl":60},{"type":"A","name":"xsub","data":"1.1.1.6","ttl":60}]"#,
    );
    let r = recs(
        r#"[{"type":"CNAME","host":"www","pointsTo":"t.example.net","ttl":60},
        {"type":"A","host":"k","pointsTo":"2.2.2.2","ttl":60},
        {"type":"NS","host":"sub","pointsTo":"ns.example.net","ttl":60}]"#,
    );
    let cs = process_records(&r, &z, &opts(&p, "")).unwrap();
    let gone: Vec<&str> = cs.deleted.iter().map(|d| d.record.data.as_str()).collect();
    assert_eq!(gone, vec!["1.1.1.1", "1.1.1.2", "1.1.1.4", "1.1.1.5"]);
}
