//! `dconn apply|verify --catalogue`: `breaks` on each deleted record, and `net`.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn tmp(name: &str, text: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The app's bundled templates (Gmail Setup among them) as the catalogue.
fn bundled() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/templates")
}

fn apply(args: &[&str], template: &PathBuf, zone: &PathBuf) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dconn"))
        .arg("apply")
        .arg("--template")
        .arg(template)
        .arg("--zone")
        .arg(zone)
        .args(["--domain", "example.com"])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    serde_json::from_str(&text).unwrap()
}

const GMAIL_ZONE: &str = r#"[
 {"type": "MX", "name": "@", "data": "aspmx.l.google.com", "priority": 1, "ttl": 3600},
 {"type": "MX", "name": "@", "data": "alt1.aspmx.l.google.com", "priority": 5, "ttl": 3600},
 {"type": "A", "name": "@", "data": "192.0.2.10", "ttl": 600, "_dc": {"providerId": "sites.example", "serviceId": "web", "id": "i1"}}
]"#;

#[test]
fn a_removal_names_the_service_it_breaks() {
    let zone = tmp("gmail-zone.json", GMAIL_ZONE);
    let mail = tmp(
        "other-mail.json",
        r#"{"providerId": "mail.example", "serviceId": "m", "records": [
            {"type": "MX", "host": "@", "pointsTo": "mx.mail.example", "priority": 10, "ttl": 300},
            {"type": "A", "host": "@", "pointsTo": "192.0.2.99", "ttl": 300}]}"#,
    );
    let catalogue = bundled();
    let v = apply(&["--catalogue", catalogue.to_str().unwrap()], &mail, &zone);
    let deleted = v["changes"]["deleted"].as_array().unwrap();
    assert_eq!(deleted.len(), 3, "{v:#}");
    for d in deleted {
        let breaks = d["breaks"].as_array().unwrap_or_else(|| panic!("no breaks: {d}"));
        assert_eq!(breaks.len(), 1, "{d}");
        let b = &breaks[0];
        if d["record"]["type"] == "MX" {
            assert_eq!(b, &serde_json::json!({"providerId": "google.com", "serviceId": "gmail-setup", "serviceName": "Gmail Setup", "via": "catalogue"}));
        } else {
            // `_dc` names the instance exactly; the catalogue does not know its name.
            assert_eq!(b, &serde_json::json!({"providerId": "sites.example", "serviceId": "web", "serviceName": null, "via": "provenance"}));
        }
    }
    // `verify` says the same of the request as a link carries it.
    let out = Command::new(env!("CARGO_BIN_EXE_dconn"))
        .args(["verify", "--url", "/v2/domainTemplates/providers/mail.example/services/m/apply?domain=example.com", "--template"])
        .arg(&mail)
        .arg("--zone")
        .arg(&zone)
        .arg("--catalogue")
        .arg(&catalogue)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&Value> = v["changes"]["deleted"].as_array().unwrap().iter().map(|d| &d["breaks"][0]["serviceId"]).collect();
    assert_eq!(names, ["gmail-setup", "gmail-setup", "web"], "{v:#}");
    assert_eq!(v["net"]["removed"].as_array().unwrap().len(), 3, "{v:#}");
    // Without a catalogue only provenance tells.
    let v = apply(&[], &mail, &zone);
    let told: Vec<usize> = v["changes"]["deleted"].as_array().unwrap().iter().map(|d| d["breaks"].as_array().unwrap().len()).collect();
    assert_eq!(told.iter().sum::<usize>(), 1, "{v:#}");
    assert_eq!((v["net"]["added"].as_array().unwrap().len(), v["net"]["removed"].as_array().unwrap().len()), (2, 3), "{v:#}");
}

#[test]
fn reapplying_what_the_zone_holds_is_net_nothing() {
    let gmail = bundled().join("google.com.gmail-setup.json");
    let empty = tmp("empty-zone.json", "[]");
    let first = apply(&["spfrule=include:_spf.google.com"], &gmail, &empty);
    let zone = tmp("gmail-applied.json", &first["records"].to_string());
    let v = apply(&["--catalogue", bundled().to_str().unwrap(), "spfrule=include:_spf.google.com"], &gmail, &zone);
    // The reference engine's raw lists: the MX records deleted and added again…
    assert!(v["delete_count"].as_u64().unwrap() >= 5, "{v:#}");
    // …which the net sets aside: nothing is added or removed, and nothing breaks.
    assert_eq!(v["net"]["added"], serde_json::json!([]), "{v:#}");
    assert_eq!(v["net"]["removed"], serde_json::json!([]), "{v:#}");
    assert_eq!(v["net"]["unchanged"].as_array().unwrap().len(), 6, "{v:#}");
    assert!(v["changes"]["deleted"].as_array().unwrap().iter().all(|d| d["breaks"] == serde_json::json!([])), "{v:#}");
}

/// A shared template's providerName in mixed scripts, made to look like Google's.
#[test]
fn verify_flags_a_provider_name_made_to_look_like_another() {
    let o365 = bundled().join("microsoft.com.o365.json");
    let url = "/v2/domainTemplates/providers/microsoft.com/services/O365/apply?domain=example.com&providerName=G%D0%BE%D0%BEgle&MX=mx.example";
    let out =
        Command::new(env!("CARGO_BIN_EXE_dconn")).args(["verify", "--url", url, "--template"]).arg(&o365).arg("--catalogue").arg(bundled()).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = v["name_flags"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["mixed_scripts", "looks_like"], "{v:#}");
    assert_eq!(v["name_flags"][1]["like"], "Google");
}
