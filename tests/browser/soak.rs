//! Soak: 500 Connect/Undo cycles against the real PowerDNS, through the core's request
//! builders (`patch_request`, `patch_between_request`) and a real HTTP client, the zone
//! read back and compared with the expected one after every apply and every undo.
//! No browser: this is the records-API path alone, long enough to show the zone never
//! drifts. The time per cycle goes to `target/soak-report.txt`.

use super::*;
use domain_connect::records_api::{self, powerdns};
use domain_connect::{review, ApplyUrl, KeyAnswer, Policy, Signatures, Template, ZoneInput, ZoneRecord};

const DOMAIN: &str = "soak.example";
const CYCLES: usize = 500;

fn send(req: &records_api::HttpRequest) -> (u16, String) {
    let headers: Vec<(&str, &str)> = req.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let body = req.body.as_deref().map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
    let a = http_request(req.method, &req.url, &headers, &body);
    (a.status, a.body)
}

fn read_zone() -> Vec<ZoneRecord> {
    let req = powerdns::read_zone_request(&env("DC_PDNS_API"), "localhost", DOMAIN, &env("DC_PDNS_KEY"));
    let (status, body) = send(&req);
    powerdns::read_zone_answer(status, body.as_bytes(), DOMAIN).unwrap_or_else(|e| panic!("{e}: {body}"))
}

fn template(file: &str) -> Template {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/templates").join(file);
    Template::from_json(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The customer's zone for the soak: the browser tier's seed, under another name.
fn create_zone() {
    let api = env("DC_PDNS_API");
    let key = env("DC_PDNS_KEY");
    let headers = [("X-API-Key", key.as_str()), ("Content-Type", "application/json")];
    let _ = http_request("DELETE", &format!("{api}/api/v1/servers/localhost/zones/{DOMAIN}."), &headers, "");
    let seed = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/pdns-zone.json")).unwrap();
    let seed = seed.replace("arnoldblinn.com.", &format!("{DOMAIN}."));
    let a = http_request("POST", &format!("{api}/api/v1/servers/localhost/zones"), &headers, &seed);
    assert_eq!(a.status, 201, "{}", a.body);
}

#[tokio::test]
async fn five_hundred_connect_undo_cycles_leave_no_drift() {
    create_zone();
    let seed = read_zone();
    // Three templates in turn, each cycle with its own values: an A/TXT/CNAME set at a
    // host, mail (MX and a merged SPF rule), and a site (fixed addresses, CNAMEs).
    let cases = [
        (template("exampleservice.domainconnect.org.template2.json"), "bar"),
        (template("google.com.gmail-setup.json"), ""),
        (template("squarespace.com.website.json"), ""),
    ];
    let policy = Policy { signatures: Signatures::Preview, ..Policy::default() };
    let (api, key) = (env("DC_PDNS_API"), env("DC_PDNS_KEY"));
    let (mut drift, mut times) = (Vec::new(), Vec::new());
    for i in 0..CYCLES {
        let started = std::time::Instant::now();
        let (t, host) = &cases[i % cases.len()];
        let ip = format!("192.0.2.{}", i % 250 + 1);
        let text = format!("soak-{i}");
        let spf = format!("include:_spf{i}.example");
        let values: Vec<(&str, &str)> = vec![("IP", &ip), ("RANDOMTEXT", &text), ("spfrule", &spf), ("v1", &text)];
        let names = t.variables(&[]);
        let params = values.into_iter().filter(|(n, _)| names.iter().any(|v| v == n));
        let url = ApplyUrl::build(&t.provider_id, &t.service_id, DOMAIN, Some(host), params, &[]).unwrap();
        let before = read_zone();
        let changes = review(&url, t, &KeyAnswer::NotAsked, ZoneInput::Records(&before), &policy).changes.unwrap_or_else(|e| panic!("cycle {i}: {e:?}"));
        // Connect.
        let (status, body) = send(&powerdns::patch_request(&api, "localhost", DOMAIN, &key, &changes, &before));
        powerdns::read_patch_answer(status, body.as_bytes()).unwrap_or_else(|e| panic!("cycle {i}: {e}"));
        let after = read_zone();
        let d = records_api::diff(&powerdns::expected_zone(&changes, &before, DOMAIN), &after);
        if !d.is_empty() {
            drift.push(format!("cycle {i} after Connect: {d:?}"));
        }
        // Undo.
        let (status, body) = send(&powerdns::patch_between_request(&api, "localhost", DOMAIN, &key, &after, &before));
        powerdns::read_patch_answer(status, body.as_bytes()).unwrap_or_else(|e| panic!("cycle {i} undo: {e}"));
        let d = records_api::diff(&before, &read_zone());
        if !d.is_empty() {
            drift.push(format!("cycle {i} after Undo: {d:?}"));
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let end = records_api::diff(&seed, &read_zone());
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let line = format!(
        "soak: {CYCLES} Connect/Undo cycles against PowerDNS (3 templates in turn, each cycle read back after Connect and after Undo): {} drifted; the zone at the end {} the seed; per cycle median {:.1} ms, p95 {:.1} ms, max {:.1} ms\n",
        drift.len(),
        if end.is_empty() { "equals" } else { "DIFFERS from" },
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        times[times.len() - 1]
    );
    print!("{line}");
    std::fs::write(target("soak-report.txt"), &line).unwrap();
    assert!(drift.is_empty(), "{}", drift.join("\n"));
    assert!(end.is_empty(), "{end:?}");
    let api_headers = [("X-API-Key", key.as_str())];
    let _ = http_request("DELETE", &format!("{api}/api/v1/servers/localhost/zones/{DOMAIN}."), &api_headers, "");
}
