//! The catalogue over the public templates, applied to each other: a record template A
//! writes is attributed to A (or to a set holding A) whenever its fixed text is
//! specific; a record with no fixed text to nobody; and when template B then removes
//! A's records, B's breaks name A. The counts go to `target/consequences-report.txt`.

mod common;

use domain_connect::apply::{apply_template, ApplyRequest};
use domain_connect::consequences::{Catalogue, Pattern};
use domain_connect::{ConflictRule, DeletionReason, Template, ZoneRecord};
use std::fmt::Write;

const ZONE: &str = r#"[
 {"type":"NS","name":"@","data":"ns1.example.net","ttl":3600},
 {"type":"A","name":"@","data":"192.0.2.10","ttl":600},
 {"type":"CNAME","name":"www","data":"example.com","ttl":600},
 {"type":"MX","name":"@","data":"mx.example.net","priority":10,"ttl":600},
 {"type":"TXT","name":"@","data":"v=spf1 mx ~all","ttl":600}
]"#;

#[test]
fn public_templates_are_attributed_to_themselves_and_generic_records_to_nobody() {
    let templates: Vec<Template> = common::public_templates().into_iter().map(|(_, t)| t).collect();
    let cat = Catalogue::from_templates(&templates);
    let zone = domain_connect::zone::from_json(ZONE).unwrap();
    let redirect = domain_connect::apply::reference_redirect_records();
    let (mut applied, mut refused) = (0, 0);
    let mut refusals: std::collections::BTreeMap<String, usize> = Default::default();
    let (mut exactly, mut one_of, mut set_sizes, mut generic_none, mut weak_none) = (0, 0, 0, 0, 0);
    let mut wrong: Vec<String> = Vec::new();
    let (mut removed_told, mut removed_of_specific) = (0, 0);
    // Each template's position and the zone it made (None: refused).
    let mut zones: Vec<Option<(usize, Vec<ZoneRecord>)>> = Vec::new();
    for (i, t) in templates.iter().enumerate() {
        let Ok(cs) = common::apply_generated(t, &zone, "example.com", i).map_err(|e| *refusals.entry(e.name().to_string()).or_insert(0) += 1) else {
            refused += 1;
            zones.push(None);
            continue;
        };
        applied += 1;
        let me = (t.provider_id.as_str(), t.service_id.as_str());
        for add in &cs.added {
            let Some(p) = Pattern::of(&t.records[add.template_record], 0) else { continue };
            let told = cat.attribute(&add.record);
            let holds_me = told.iter().any(|b| (b.provider_id.as_str(), b.service_id.as_str()) == me);
            let p = Pattern { service: cat.services.iter().position(|s| (s.provider_id.as_str(), s.service_id.as_str()) == me).unwrap(), ..p };
            if cat.identifies(&p) {
                match (holds_me, told.len()) {
                    (true, 1) => exactly += 1,
                    (true, n) => {
                        one_of += 1;
                        set_sizes += n;
                    }
                    (false, _) => wrong.push(format!("{}/{}: {} not told ({told:?})", me.0, me.1, add.record.summary())),
                }
            } else if !p.has_fixed_text() {
                if told.is_empty() {
                    generic_none += 1;
                } else {
                    wrong.push(format!("{}/{}: {} has no fixed text but is told as {told:?}", me.0, me.1, add.record.summary()));
                }
            } else if told.is_empty() || !holds_me {
                weak_none += 1;
            }
        }
        zones.push(Some((i, cs.final_zone(&zone))));
    }
    // Each template applied over the zone its predecessor made: B's breaks name A for
    // every specific record of A it removes.
    for pair in zones.windows(2) {
        let (Some((ia, za)), Some((ib, _))) = (&pair[0], &pair[1]) else { continue };
        let (a, b) = (&templates[*ia], &templates[*ib]);
        let params = common::params_for(b, *ib);
        let req = ApplyRequest { redirect_records: Some(&redirect), ..ApplyRequest::new("example.com", Some(""), &params) };
        let Ok(cs) = apply_template(b, za, &req) else { continue };
        let net = cs.net();
        let breaks = cat.breaks(&cs, b);
        for (d, told) in cs.deleted.iter().zip(&breaks) {
            let written_by_a = cat.attribute(&d.record).iter().any(|x| x.provider_id == a.provider_id && x.service_id == a.service_id);
            let same_service = a.provider_id.eq_ignore_ascii_case(&b.provider_id) && a.service_id.eq_ignore_ascii_case(&b.service_id);
            // An SPF record whose rules are merged into its replacement breaks nothing.
            let merged = matches!(&d.reason, DeletionReason::Conflict { rule: ConflictRule::SpfMerge, .. });
            if written_by_a && !same_service && !merged && !net.rewrites_deleted(cs.deleted.iter().position(|x| x == d).unwrap()) {
                removed_of_specific += 1;
                if told.iter().any(|x| x.provider_id == a.provider_id && x.service_id == a.service_id) {
                    removed_told += 1;
                } else {
                    wrong.push(format!("{} over {}: removing {} does not name it ({told:?})", b.service_id, a.service_id, d.record.summary()));
                }
            }
        }
    }
    let report = format!(
        "{} templates, {} services, {} identifying records in the catalogue\n\
         applied {applied}, refused {refused} {refusals:?}\n\
         added records told as their own service alone: {exactly}; as one of a set holding it: {one_of} (average set {:.1})\n\
         added records with no fixed text, told as nobody: {generic_none}; with fixed text too common to tell: {weak_none}\n\
         removals (B over A) of A's identifying records: {removed_of_specific}, A named in B's breaks: {removed_told}\n\
         wrong: {}\n",
        templates.len(),
        cat.services.len(),
        cat.patterns.len(),
        if one_of > 0 { set_sizes as f64 / one_of as f64 } else { 0.0 },
        wrong.len()
    );
    let mut out = report.clone();
    for w in &wrong {
        writeln!(out, "  {w}").unwrap();
    }
    std::fs::write(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/consequences-report.txt"), &out).unwrap();
    assert!(wrong.is_empty(), "{out}");
    assert!(applied > 1000 && exactly + one_of > 1200 && generic_none > 500, "{report}");
    assert_eq!(removed_told, removed_of_specific, "{report}");
    assert!(removed_of_specific > 50, "{report}");
}
