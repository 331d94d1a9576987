//! The catalogue, attribution and the summary, on small made-up templates.

use super::pattern::glob;
use super::*;
use crate::apply::{apply_template, ApplyRequest};
use crate::Params;

fn template(json: &str) -> Template {
    Template::from_json(json).unwrap()
}

fn gmail() -> Template {
    template(
        r#"{"providerId": "google.com", "providerName": "Google", "serviceId": "gmail-setup", "serviceName": "Gmail Setup", "records": [
        {"type": "MX", "host": "@", "pointsTo": "aspmx.l.google.com", "priority": 1, "ttl": 3600},
        {"type": "MX", "host": "@", "pointsTo": "alt1.aspmx.l.google.com", "priority": 5, "ttl": 3600},
        {"type": "SPFM", "host": "@", "spfRules": "include:_spf.google.com"}]}"#,
    )
}

fn generic(provider: &str) -> Template {
    template(&format!(
        r#"{{"providerId": "{provider}", "serviceId": "web", "records": [{{"type": "A", "host": "@", "pointsTo": "%ip%", "ttl": 300}},
        {{"type": "TXT", "host": "@", "data": "v=spf1 include:%spf% ~all", "ttl": 300}}]}}"#
    ))
}

#[test]
fn glob_matches_variables_as_any_text() {
    assert!(glob("%x%.mail.protection.outlook.com", "contoso-com.mail.protection.outlook.com"));
    assert!(glob("google-site-verification=%code%", "google-site-verification=abc"));
    assert!(!glob("google-site-verification=%code%", "facebook-domain-verification=abc"));
    assert!(glob("a%x%b%y%c", "a1b2c") && !glob("a%x%b%y%c", "a1c"));
    assert!(glob("aspmx.l.google.com", "aspmx.l.google.com") && !glob("aspmx.l.google.com", "aspmx.l.google.co"));
    assert!(!glob("ab%x%ba", "aba"), "the fixed ends do not overlap");
}

#[test]
fn a_record_of_a_named_service_is_told_and_a_generic_one_is_not() {
    let (g, a, b, c, d) = (gmail(), generic("a.example"), generic("b.example"), generic("c.example"), generic("d.example"));
    let cat = Catalogue::from_templates([&g, &a, &b, &c, &d]);
    let mx = ZoneRecord::new("MX", "@", "aspmx.l.google.com", Some(3600));
    let told = cat.attribute(&mx);
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!((told[0].service_name.as_deref(), told[0].via), (Some("Gmail Setup"), Via::Catalogue));
    assert_eq!(told[0].label(), "Gmail Setup — google.com");
    // The merged SPF rule tells Google in an SPF record holding other rules too.
    let spf = ZoneRecord::new("TXT", "@", "v=spf1 include:mailgun.org include:_spf.google.com ~all", None);
    assert_eq!(cat.attribute(&spf).len(), 1);
    // No fixed text (an address) and fixed text every provider writes (v=spf1 … ~all): nobody.
    assert!(cat.attribute(&ZoneRecord::new("A", "@", "192.0.2.1", None)).is_empty());
    assert!(cat.attribute(&ZoneRecord::new("TXT", "@", "v=spf1 include:x.example ~all", None)).is_empty());
}

#[test]
fn a_record_two_services_write_names_both() {
    let one = template(
        r#"{"providerId": "one.example", "serviceId": "s", "records": [{"type": "CNAME", "host": "www", "pointsTo": "edge.sharedhost.example", "ttl": 300}]}"#,
    );
    let two = template(
        r#"{"providerId": "two.example", "serviceId": "t", "records": [{"type": "CNAME", "host": "www", "pointsTo": "edge.sharedhost.example", "ttl": 300}]}"#,
    );
    let cat = Catalogue::from_templates([&one, &two]);
    let told = cat.attribute(&ZoneRecord::new("CNAME", "www", "edge.sharedhost.example", None));
    assert_eq!(told.iter().map(|b| b.provider_id.as_str()).collect::<Vec<_>>(), ["one.example", "two.example"]);
    // Under a host the request named, too.
    assert_eq!(cat.attribute(&ZoneRecord::new("CNAME", "www.shop", "edge.sharedhost.example", None)).len(), 2);
    assert!(cat.attribute(&ZoneRecord::new("CNAME", "blog", "edge.sharedhost.example", None)).is_empty());
}

#[test]
fn provenance_names_the_instance_exactly() {
    let cat = Catalogue::from_templates([&gmail()]);
    let mut r = ZoneRecord::new("A", "@", "192.0.2.1", None);
    r.dc = serde_json::from_str(r#"{"providerId": "google.com", "serviceId": "gmail-setup", "id": "x"}"#).unwrap();
    assert_eq!(cat.attribute(&r)[0].via, Via::Provenance);
    assert_eq!(cat.attribute(&r)[0].service_name.as_deref(), Some("Gmail Setup"));
    // Without a catalogue, too.
    assert_eq!(Catalogue::default().attribute(&r)[0].service_name, None);
}

#[test]
fn replacing_gmail_breaks_it_and_reapplying_gmail_breaks_nothing() {
    let g = gmail();
    let cat = Catalogue::from_templates([&g]);
    let mut params = Params::new();
    let req = ApplyRequest::new("example.com", Some(""), &params);
    let zone = apply_template(&g, &[], &req).unwrap().final_zone(&[]);
    // Gmail again: nothing changes.
    let again = apply_template(&g, &zone, &req).unwrap();
    assert!(again.net().is_nothing(), "{again:?}");
    assert!(cat.breaks(&again, &g).iter().all(Vec::is_empty));
    // Another mail host replaces the MX records: Gmail Setup stops, as mail.
    let other = template(
        r#"{"providerId": "mail.example", "serviceId": "m", "records": [{"type": "MX", "host": "@", "pointsTo": "%mx%", "priority": 10, "ttl": 300}]}"#,
    );
    params.insert("mx", "mx.mail.example");
    let req = ApplyRequest::new("example.com", Some(""), &params);
    let cs = apply_template(&other, &zone, &req).unwrap();
    let breaks = cat.breaks(&cs, &other);
    let off = disabled(&cs, &breaks);
    assert_eq!(off.len(), 1, "{off:?}");
    assert_eq!((off[0].service.service_name.as_deref(), off[0].deleted.len(), off[0].one_of), (Some("Gmail Setup"), 2, false));
    assert_eq!(off[0].concerns, [Concern::Mail]);
    let net = cs.net();
    assert_eq!((net.added.len(), net.removed.len()), (1, 2));
}

#[test]
fn the_catalogue_reads_back_from_its_rows() {
    let generic = generic("a.example");
    let cat = Catalogue::from_templates([&gmail(), &generic]);
    let rows = cat.rows();
    assert!(rows.iter().any(|r| r[0] == "a.example" && r[4].is_empty()), "a service with no identifying record is kept for its name: {rows:?}");
    assert_eq!(Catalogue::from_rows(rows), cat);
    // A row of another length is left out, not a panic.
    assert_eq!(Catalogue::from_rows(vec![vec!["x".into()]]), Catalogue::default());
}

#[test]
fn a_break_round_trips_through_its_row() {
    let b = Break { provider_id: "google.com".into(), service_id: "gmail-setup".into(), service_name: Some("Gmail Setup".into()), via: Via::Catalogue };
    assert_eq!(Break::from_row(b.to_row().to_vec()), Some(b.clone()));
    let p = Break { service_name: None, via: Via::Provenance, ..b };
    assert_eq!(Break::from_row(p.to_row().to_vec()), Some(p));
    assert_eq!(Break::from_row(vec!["x".into()]), None);
}
