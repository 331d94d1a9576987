use super::*;
use crate::record_type::RecordType;
use crate::signature;

fn shared(p: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(p)).unwrap()
}
const SIG: &str = "LyCE%2B7H0zr%2FXHaxX36pdD1eSQENRiGTFxm79m7A5NLDPiUKLe71IrsEgnDLN76ndQcLTZlr4%2BHhpWzKZKyFl9ieEpNzZlDHRp35H83Erhm0eDctUmI1Zct51alZ8RuTL%2Baa29WC%2BAM7%2BgSpnL%2FAHl9mxckyeEuFFqXcl%2F3ShwK2F9x%2F7r%2BcICefiUEzsZN3EuqOvwqQkBSqcdVy%2FohjNAG%2FInYAYSX%2B0fUK9UNQfQYkuPqOAptPRjX%2BhUnYsXUk%2FeQq16aX7TzhZm%2BeEq%2BEn%2BoiEgh7qps1yvGbJm6QXKovan%2Fsqng40R6FBP3R3dvfZC6QrfCUtGpQ8c0D0S5oLBw%3D%3D";
const PATH: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply";
const QUERY: &str = "domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar";

fn template() -> Template {
    Template::from_json(&shared("conformance/templates/exampleservice.domainconnect.org.template2.json")).unwrap()
}
fn key() -> KeyAnswer {
    KeyAnswer::Found {
        txt: signature::parse_txt_lines(&shared("exampleservice-keys/_dck1.exampleservice.domainconnect.org.txt")),
        source: "a test file".into(),
    }
}
fn url(q: &str) -> ApplyUrl {
    ApplyUrl::parse(&format!("{PATH}?{q}")).unwrap()
}
fn kinds(r: &Review) -> Vec<&'static str> {
    r.decision
        .refusals
        .iter()
        .map(|r| match r {
            Refusal::SyncBlock => "sync_block",
            Refusal::HostRequired => "host_required",
            Refusal::SignatureMissing { .. } => "signature_missing",
            Refusal::SignatureInvalid { .. } => "signature_invalid",
            Refusal::KeyUnavailable { .. } => "key_unavailable",
            Refusal::TemplateMismatch { .. } => "template_mismatch",
            Refusal::ControlCharacter { .. } => "control_character",
            Refusal::RedirectRefused { .. } => "redirect_refused",
            Refusal::Apply { .. } => "apply",
        })
        .collect()
}

#[test]
fn the_signed_example_may_be_applied_and_its_changes_are_computed() {
    let zone = vec![ZoneRecord::new("A", "bar", "10.0.0.1", Some(600))];
    let r = review(&url(&format!("{QUERY}&sig={SIG}&key=_dck1")), &template(), &key(), ZoneInput::Records(&zone), &Policy::default());
    assert!(r.decision.may_apply, "{:?}", r.decision);
    assert!(r.signature.is_valid());
    let cs = r.changes.as_ref().unwrap();
    assert_eq!(cs.deleted.len(), 1, "the A at bar is replaced");
    assert_eq!(r.proxy.len(), cs.added.len());
    assert!(r.signature.steps.iter().any(|s| s.contains("a test file")));
}

#[test]
fn a_tampered_request_still_shows_its_changes_but_is_refused() {
    let r = review(&url(&format!("{QUERY}&sig={SIG}&key=_dck1&IP2=1")), &template(), &key(), ZoneInput::Records(&[]), &Policy::default());
    assert_eq!(kinds(&r), ["signature_invalid"]);
    assert!(r.changes.is_ok());
    let preview = Policy { signatures: Signatures::Preview, ..Policy::default() };
    let r = review(&url(&format!("{QUERY}&sig={SIG}&key=_dck1&IP2=1")), &template(), &key(), ZoneInput::Records(&[]), &preview);
    assert!(r.decision.may_apply, "a preview does not refuse on the signature");
}

#[test]
fn every_refusal_is_named() {
    let t = template();
    let mut blocked = t.clone();
    blocked.sync_block = Some(true);
    blocked.host_required = Some(true);
    let r = review(&url("domain=a.com&IP=1.2.3.4&RANDOMTEXT=x"), &blocked, &KeyAnswer::NotAsked, ZoneInput::Records(&[]), &Policy::default());
    assert_eq!(kinds(&r), ["sync_block", "host_required", "signature_missing"]);
    let other =
        ApplyUrl::parse(&format!("/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/Template2/apply?{QUERY}&sig={SIG}&key=_dck1"))
            .unwrap();
    let r = review(&other, &t, &key(), ZoneInput::Records(&[]), &Policy::default());
    assert_eq!(kinds(&r)[0], "template_mismatch");
    let r = review(&url("domain=a.com&host=x&IP=1.2.3.4&RANDOMTEXT=a%00b"), &t, &KeyAnswer::NotAsked, ZoneInput::Records(&[]), &Policy::default());
    assert!(
        matches!(&r.decision.refusals[0], Refusal::ControlCharacter { parameter, position: 1, code_point: 0 } if parameter == "RANDOMTEXT"),
        "{:?}",
        r.decision
    );
    let r =
        review(&url(&format!("{QUERY}&sig={SIG}&key=_dck1")), &t, &KeyAnswer::Failed { reason: "timeout".into() }, ZoneInput::Records(&[]), &Policy::default());
    assert_eq!(kinds(&r), ["key_unavailable"]);
    let r = review(&url(&format!("{QUERY}&sig={SIG}&key=_dck1")), &t, &key(), ZoneInput::Records(&[]), &Policy::default());
    assert!(r.decision.may_apply);
    let mut unsigned = t.clone();
    unsigned.sync_pub_key_domain = None;
    let r = review(
        &url("domain=a.com&IP=1.2.3.4&RANDOMTEXT=x&redirect_uri=javascript%3Aalert(1)"),
        &unsigned,
        &KeyAnswer::NotAsked,
        ZoneInput::Records(&[]),
        &Policy::default(),
    );
    assert_eq!(kinds(&r), ["redirect_refused"]);
    let r = review(&url("domain=a.com&IP=not-an-ip&RANDOMTEXT=x"), &unsigned, &KeyAnswer::NotAsked, ZoneInput::Records(&[]), &Policy::default());
    assert!(matches!(&r.decision.refusals[..], [Refusal::Apply { error: ApplyError::InvalidData(_) }]), "{:?}", r.decision);
}

#[test]
fn indexed_and_slice_zones_review_alike() {
    let zone = vec![ZoneRecord::new("A", "bar", "10.0.0.1", Some(600)), ZoneRecord::new("TXT", "bar", "x", Some(600))];
    let indexed = IndexedZone::new(zone.clone()).unwrap();
    let u = url(&format!("{QUERY}&sig={SIG}&key=_dck1"));
    let a = review(&u, &template(), &key(), ZoneInput::Records(&zone), &Policy::default());
    let b = review(&u, &template(), &key(), ZoneInput::Indexed(&indexed), &Policy::default());
    assert_eq!(a, b);
}

#[test]
fn proxy_defaults_per_template_then_star() {
    let mut d = ProxyDefaults::default();
    d.0.insert("p/s".into(), [(RecordType::A, true)].into_iter().collect());
    d.0.insert("*".into(), [(RecordType::Cname, true), (RecordType::A, false)].into_iter().collect());
    let read: ProxyDefaults = serde_json::from_str(r#"{"p/s": {"a": true}, "*": {"CNAME": true, "A": false}}"#).unwrap();
    assert_eq!(read, d, "types are read by name, in any case");
    assert_eq!(d.initial("p", "s", &RecordType::A), Some(true));
    assert_eq!(d.initial("q", "s", &RecordType::A), Some(false));
    assert_eq!(d.initial("q", "s", &RecordType::Cname), Some(true));
    assert_eq!(d.initial("q", "s", &RecordType::Aaaa), Some(false));
    assert_eq!(d.initial("p", "s", &RecordType::Mx), None);
}

#[test]
fn approval_carries_the_proxy_choices_and_is_refused_with_the_decision() {
    let zone = vec![ZoneRecord::new("A", "bar", "10.0.0.1", Some(600))];
    let r = review(&url(&format!("{QUERY}&sig={SIG}&key=_dck1")), &template(), &key(), ZoneInput::Records(&zone), &Policy::default());
    let kinds_added: Vec<String> = r.changes.as_ref().unwrap().added.iter().map(|a| a.record.rtype.to_string()).collect();
    assert_eq!(kinds_added, ["A", "TXT", "CNAME"]);
    let a = r.approve(&[Some(true), Some(true), None]).unwrap();
    assert_eq!(a.proxied, [Some(true), None, Some(false)], "TXT cannot be proxied; a missing choice is DNS-only");
    let tampered = review(&url(&format!("{QUERY}&sig={SIG}&key=_dck1&X=1")), &template(), &key(), ZoneInput::Records(&zone), &Policy::default());
    assert!(matches!(tampered.approve(&[]).unwrap_err()[..], [Refusal::SignatureInvalid { .. }]));
}

#[test]
fn return_urls_for_connect_and_cancel() {
    let mut t = template();
    t.sync_pub_key_domain = None;
    let u = url("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&redirect_uri=https%3A%2F%2Fapp.exampleservice.domainconnect.org%2Fdone&state=s%201");
    let r = review(&u, &t, &KeyAnswer::NotAsked, ZoneInput::Records(&[]), &Policy::default());
    assert_eq!(r.return_url(&u, false).as_deref(), Some("https://app.exampleservice.domainconnect.org/done?state=s+1"));
    assert_eq!(
        r.return_url(&u, true).as_deref(),
        Some("https://app.exampleservice.domainconnect.org/done?state=s+1&error=access_denied&error_description=user_cancel")
    );
    let refused = url("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&redirect_uri=https%3A%2F%2Fevil.example%2F");
    let r = review(&refused, &t, &KeyAnswer::NotAsked, ZoneInput::Records(&[]), &Policy::default());
    assert_eq!((r.return_url(&refused, false), r.return_url(&refused, true)), (None, None));
}
