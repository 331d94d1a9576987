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
    let out =
        dconn().args(["apply", "--template"]).arg(&t).arg("--zone").arg(&zone).args(["--domain", "foo.com", "IP=192.0.2.1", "RANDOMTEXT=x"]).output().unwrap();
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

const TEMPLATE2: &str = "conformance/templates/exampleservice.domainconnect.org.template2.json";
const UNSIGNED: &str = "https://dns.example/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain=example.com&RANDOMTEXT=shm%3A1%3Ahi%20there&IP=192.0.2.1&host=bar";

/// A name unique to this call (tests run in parallel in one process).
fn unique(stem: &str) -> String {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    format!("{stem}-{}-{}", std::process::id(), N.fetch_add(1, std::sync::atomic::Ordering::SeqCst))
}

fn keygen() -> (PathBuf, PathBuf) {
    let out = dconn().arg("keygen").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let pem: String = text.lines().take_while(|l| !l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    let txt: String = text.lines().filter(|l| l.starts_with("p=")).map(|l| format!("\"{l}\"\n")).collect();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----") && txt.lines().count() >= 2, "{text}");
    (tmp(&unique("key.pem"), &pem), tmp(&unique("key.txt"), &txt))
}

#[test]
fn keygen_writes_the_key_and_the_records_to_the_files_sign_and_verify_read() {
    let (private, txt) = (std::env::temp_dir().join(unique("private.pem")), std::env::temp_dir().join(unique("key.txt")));
    let out = dconn().args(["keygen", "--private"]).arg(&private).arg("--txt").arg(&txt).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["records"].as_u64().unwrap() >= 2, "{report}");
    assert!(std::fs::read_to_string(&private).unwrap().starts_with("-----BEGIN PRIVATE KEY-----"));
    let url = "https://dc.example/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain=example.com&IP=192.0.2.1&RANDOMTEXT=x";
    let out = dconn().args(["sign", "--url", url, "--key"]).arg(&private).args(["--key-host", "_dck1"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let signed = String::from_utf8(out.stdout).unwrap();
    let (code, v) = verify(signed.trim(), &txt);
    assert_eq!((code, v["verdict"].as_str()), (0, Some("valid")), "{v}");
    let half = dconn().args(["keygen", "--private"]).arg(&private).output().unwrap();
    assert_eq!(half.status.code(), Some(2), "--private without --txt is bad usage");
}

fn verify(url: &str, txt: &PathBuf) -> (i32, serde_json::Value) {
    let out = dconn().args(["verify", "--url", url, "--template"]).arg(shared().join(TEMPLATE2)).arg("--txt").arg(txt).output().unwrap();
    (out.status.code().unwrap(), serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn keygen_sign_verify_round_trip_and_tampering() {
    let (pem, txt) = keygen();
    let out = dconn().args(["sign", "--url", UNSIGNED, "--key"]).arg(&pem).args(["--key-host", "_dck1"]).output().unwrap();
    assert!(out.status.success());
    let signed = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(signed.starts_with(UNSIGNED) && signed.ends_with("&key=_dck1"), "{signed}");
    let (code, v) = verify(&signed, &txt);
    assert_eq!((code, v["verdict"].as_str()), (0, Some("valid")), "{v}");
    assert_eq!(v["modulus_bits"], 2048);
    let (code, v) = verify(&signed.replace("192.0.2.1", "192.0.2.66"), &txt);
    assert_eq!((code, v["verdict"].as_str()), (1, Some("invalid")), "{v}");
    let (code, v) = verify(UNSIGNED, &txt);
    assert_eq!((code, v["verdict"].as_str()), (1, Some("required_but_missing")), "{v}");
    let (code, v) = verify("not a url", &txt);
    assert_eq!((code, v["error"].as_str()), (2, Some("bad_input")), "{v}");
}

#[test]
fn the_exampleservice_signed_url_verifies_against_its_published_key() {
    let url = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar&sig=LyCE%2B7H0zr%2FXHaxX36pdD1eSQENRiGTFxm79m7A5NLDPiUKLe71IrsEgnDLN76ndQcLTZlr4%2BHhpWzKZKyFl9ieEpNzZlDHRp35H83Erhm0eDctUmI1Zct51alZ8RuTL%2Baa29WC%2BAM7%2BgSpnL%2FAHl9mxckyeEuFFqXcl%2F3ShwK2F9x%2F7r%2BcICefiUEzsZN3EuqOvwqQkBSqcdVy%2FohjNAG%2FInYAYSX%2B0fUK9UNQfQYkuPqOAptPRjX%2BhUnYsXUk%2FeQq16aX7TzhZm%2BeEq%2BEn%2BoiEgh7qps1yvGbJm6QXKovan%2Fsqng40R6FBP3R3dvfZC6QrfCUtGpQ8c0D0S5oLBw%3D%3D&key=_dck1";
    let (code, v) = verify(url, &shared().join("exampleservice-keys/_dck1.exampleservice.domainconnect.org.txt"));
    assert_eq!((code, v["verdict"].as_str()), (0, Some("valid")), "{v}");
}

/// Interoperability with OpenSSL, both ways: what openssl signs, dconn verifies; what
/// dconn signs, openssl verifies.
#[test]
fn openssl_interop_both_directions() {
    let (pem, txt) = keygen();
    let n = unique("");
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().expect("openssl (Debian's openssl package) is needed for this test");
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let q = UNSIGNED.split_once('?').unwrap().1;
    let data = tmp(&format!("data{n}"), q);
    let sig_file = dir.join(format!("sig{n}"));
    run(&["dgst", "-sha256", "-sign", pem.to_str().unwrap(), "-out", sig_file.to_str().unwrap(), data.to_str().unwrap()]);
    let sig_b64 = String::from_utf8(run(&["base64", "-A", "-in", sig_file.to_str().unwrap()])).unwrap();
    let sig_enc: String = sig_b64.trim().replace('+', "%2B").replace('/', "%2F").replace('=', "%3D");
    let (code, v) = verify(&format!("{UNSIGNED}&sig={sig_enc}&key=_dck1"), &txt);
    assert_eq!((code, v["verdict"].as_str()), (0, Some("valid")), "openssl's signature: {v}");

    let out = dconn().args(["sign", "--url", UNSIGNED, "--key"]).arg(&pem).args(["--key-host", "_dck1"]).output().unwrap();
    let signed = String::from_utf8(out.stdout).unwrap();
    let sig = signed.trim().split("&sig=").nth(1).unwrap().split('&').next().unwrap().replace("%2B", "+").replace("%2F", "/").replace("%3D", "=");
    let sig_b64_file = tmp(&format!("dsig{n}.b64"), &sig);
    let dsig = dir.join(format!("dsig{n}"));
    run(&["base64", "-d", "-A", "-in", sig_b64_file.to_str().unwrap(), "-out", dsig.to_str().unwrap()]);
    let public = dir.join(format!("pub{n}.pem"));
    run(&["pkey", "-in", pem.to_str().unwrap(), "-pubout", "-out", public.to_str().unwrap()]);
    let ok = run(&["dgst", "-sha256", "-verify", public.to_str().unwrap(), "-signature", dsig.to_str().unwrap(), data.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&ok).contains("Verified OK"));
}

/// `dconn apply … | head`: when the reader goes away, dconn stops quietly with the
/// SIGPIPE status instead of panicking (Rust's `println!` panics on a broken pipe).
#[test]
fn closed_stdout_is_not_a_panic() {
    use std::io::Read;
    use std::process::Stdio;
    let records: Vec<String> = (0..20_000).map(|i| format!(r#"{{"type":"A","name":"h{i}","data":"192.0.2.1","ttl":300}}"#)).collect();
    let zone = tmp("big-zone-for-pipe.json", &format!("[{}]", records.join(",")));
    let template =
        tmp("pipe-template.json", r#"{"providerId":"p.example","serviceId":"s","records":[{"type":"A","host":"@","pointsTo":"192.0.2.9","ttl":60}]}"#);
    let mut child = dconn()
        .args(["apply", "--domain", "example.com", "--template"])
        .arg(&template)
        .arg("--zone")
        .arg(&zone)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here, before dconn has written its megabytes.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(141), "{stderr}");
}

#[test]
fn apply_emit_prints_the_records_api_requests_without_credentials() {
    let t = shared().join("conformance/templates/exampleservice.domainconnect.org.template2.json");
    let zone = tmp("emit-zone.json", r#"[{"type":"CNAME","name":"bar","data":"old.example.net","ttl":60},{"type":"TXT","name":"bar","data":"keep","ttl":60}]"#);
    let out = dconn()
        .args(["apply", "--emit", "powerdns", "--api-base", "http://127.0.0.1:8081", "--template"])
        .arg(&t)
        .arg("--zone")
        .arg(&zone)
        .args(["--domain", "foo.com", "--host", "bar", "IP=192.0.2.1", "RANDOMTEXT=shm:hello"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let req = &v["requests"][0];
    assert_eq!((v["emit"].as_str(), req["method"].as_str()), (Some("powerdns"), Some("PATCH")));
    assert_eq!(req["url"], "http://127.0.0.1:8081/api/v1/servers/localhost/zones/foo.com.");
    assert_eq!(req["headers"]["X-API-Key"], "<redacted>");
    let sets = req["body"]["rrsets"].as_array().unwrap();
    let get = |n: &str, ty: &str| sets.iter().find(|s| s["name"] == n && s["type"] == ty).unwrap_or_else(|| panic!("{n} {ty}: {v}")).clone();
    assert_eq!(get("bar.foo.com.", "CNAME")["changetype"], "DELETE");
    // The TXT at bar stays beside the new one: the RRset is replaced whole.
    let txt = get("bar.foo.com.", "TXT");
    assert_eq!((txt["changetype"].as_str(), txt["records"].as_array().unwrap().len(), txt["ttl"].as_i64()), (Some("REPLACE"), 2, Some(60)));

    // Cloudflare: the zone is Cloudflare's own list answer; deletes name its ids.
    let listed = tmp(
        "emit-cf.json",
        r#"{"success":true,"errors":[],"messages":[],"result_info":{"page":1,"total_pages":1},"result":[
            {"id":"aaaa0000aaaa0000aaaa0000aaaa0000","name":"bar.foo.com","type":"CNAME","content":"old.example.net","proxied":true,"ttl":1}]}"#,
    );
    let pd = tmp("emit-proxy.json", r#"{"*": {"A": true}}"#);
    let out = dconn()
        .args(["apply", "--emit", "cloudflare", "--zone-id", "023e105f4ecef8ad9ca31a8372d0c353", "--proxy-defaults"])
        .arg(&pd)
        .arg("--template")
        .arg(&t)
        .arg("--zone")
        .arg(&listed)
        .args(["--domain", "foo.com", "--host", "bar", "IP=192.0.2.1", "RANDOMTEXT=shm:hello"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let req = &v["requests"][0];
    assert_eq!(req["url"], "https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records/batch");
    assert_eq!(req["headers"]["Authorization"], "<redacted>");
    assert_eq!(req["body"]["deletes"], serde_json::json!([{"id": "aaaa0000aaaa0000aaaa0000aaaa0000"}]));
    let a = req["body"]["posts"].as_array().unwrap().iter().find(|p| p["type"] == "A").unwrap().clone();
    assert_eq!(a, serde_json::json!({"name": "bar.foo.com", "type": "A", "content": "192.0.2.1", "ttl": 1, "proxied": true}));
    let out = dconn()
        .args(["apply", "--emit", "cloudflare", "--template"])
        .arg(&t)
        .arg("--zone")
        .arg(&listed)
        .args(["--domain", "foo.com", "IP=1.2.3.4", "RANDOMTEXT=x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "no --zone-id");
}

/// A public template names a variable `key` (its DKIM key): the reference engine gives
/// it the `key` parameter's value, and so do we (it once failed with MissingParameter).
#[test]
fn apply_a_template_whose_variable_is_named_key() {
    let t = shared().join("templates/mail.pohjoistech.fi.email.json");
    let zone = tmp("key-var.json", "[]");
    let out = dconn()
        .args(["apply", "--template"])
        .arg(&t)
        .arg("--zone")
        .arg(&zone)
        .args(["--domain", "example.fi", "ip=192.0.2.7", "key=MIGfMA0GCSqGSIb3DQEB"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{v}");
    let dkim = v["records"].as_array().unwrap().iter().find(|r| r["name"] == "x._domainkey").expect("the DKIM record");
    assert_eq!(dkim["data"], "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEB", "{v}");
    assert_eq!(v["decision"]["may_apply"], true, "{v}");
}
