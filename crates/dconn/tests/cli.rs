//! The `dconn` JSON contracts and exit codes.

use std::path::PathBuf;
use std::process::Command;

fn dconn() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dconn"))
}

fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(p.join("conformance").is_dir(), "{} is missing", p.display());
    p
}

fn tmp(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn conformance_suites_all_pass() {
    let s = shared().join("conformance");
    let out = dconn()
        .arg("conformance")
        .arg("--templates")
        .arg(s.join("templates"))
        .arg(s.join("apply_template_tests.yaml"))
        .arg(s.join("process_records_tests.yaml"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.trim_end().ends_with("189 passed, 0 failed"), "{text}");
}

#[test]
fn conformance_reports_a_failing_case_with_expected_and_actual() {
    let suite = tmp(
        "broken.yaml",
        r#"suite_type: process_records
tests:
  - id: wrong_expectation
    input:
      zone_records: []
      template_records: [{type: A, host: "@", pointsTo: "1.2.3.4", ttl: 60}]
      domain: foo.com
      host: ""
      params: {}
    expect:
      new_count: 1
      delete_count: 0
      records: [{type: A, name: "@", data: "9.9.9.9", ttl: 60}]
"#,
    );
    let out = dconn().arg("conformance").arg("--templates").arg(".").arg(&suite).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("FAIL wrong_expectation") && text.contains("9.9.9.9") && text.contains("1.2.3.4"), "{text}");
    assert!(text.trim_end().ends_with("0 passed, 1 failed"), "{text}");
}

#[test]
fn apply_prints_the_contract() {
    let t = shared().join("conformance/templates/exampleservice.domainconnect.org.template2.json");
    let zone = tmp("zone.json", r#"[{"type":"CNAME","name":"bar","data":"old.example.net","ttl":60}]"#);
    let out = dconn()
        .args(["apply", "--template"])
        .arg(&t)
        .arg("--zone")
        .arg(&zone)
        .args(["--domain", "foo.com", "--host", "bar", "IP=192.0.2.1", "RANDOMTEXT=hello"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["new_count"], 3);
    assert_eq!(v["delete_count"], 1);
    assert_eq!(v["records"].as_array().unwrap().len(), 3);
    assert_eq!(v["records"][0]["type"], "A");
    let del = &v["changes"]["deleted"][0];
    assert_eq!(del["record"]["data"], "old.example.net");
    assert_eq!(del["reason"]["rule"], "cname");
    assert!(del["explanation"].as_str().unwrap().contains("CNAME"));
}

#[test]
fn apply_reads_bind_zone_files() {
    let t = shared().join("conformance/templates/exampleservice.domainconnect.org.template1.json");
    let zone = tmp("zone.zone", "$ORIGIN foo.com.\n@ 300 IN A 198.51.100.1\n@ 300 IN TXT \"keep me\"\n");
    let out = dconn().args(["apply", "--template"]).arg(&t).arg("--zone").arg(&zone).args(["--domain", "foo.com", "IP=192.0.2.1", "RANDOMTEXT=x"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["delete_count"], 1, "{v}");
    assert_eq!(v["changes"]["deleted"][0]["record"]["data"], "198.51.100.1");
}

#[test]
fn apply_rejected_input_exits_2_with_exception() {
    let t = shared().join("conformance/templates/exampleservice.domainconnect.org.template1.json");
    let zone = tmp("empty.json", "[]");
    let out = dconn().args(["apply", "--template"]).arg(&t).arg("--zone").arg(&zone).args(["--domain", "foo.com"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["exception"], "MissingParameter");
    assert!(v["message"].as_str().unwrap().contains("IP") || v["message"].as_str().unwrap().contains("RANDOMTEXT"));

    let bad = tmp("bad.json", "{\"providerId\": 1}");
    let out = dconn().args(["apply", "--template"]).arg(&bad).arg("--zone").arg(&zone).args(["--domain", "foo.com"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["exception"], "InvalidTemplate");
    assert!(v["message"].as_str().unwrap().contains("providerId"), "{v}");
}
