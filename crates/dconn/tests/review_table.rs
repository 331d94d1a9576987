//! One table of requests, decided twice: by `dconn verify` (the CLI) and by
//! `domain_connect::review` with the consent page's policy (the function the page
//! calls). Both must give the same decision, and the decision must be the expected one.

use domain_connect::{review, signature, ApplyUrl, KeyAnswer, Policy, Template, ZoneInput, ZoneRecord};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;

const PATH: &str = "https://dns.example/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply";
const QUERY: &str = "domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar";
const SIG: &str = "LyCE%2B7H0zr%2FXHaxX36pdD1eSQENRiGTFxm79m7A5NLDPiUKLe71IrsEgnDLN76ndQcLTZlr4%2BHhpWzKZKyFl9ieEpNzZlDHRp35H83Erhm0eDctUmI1Zct51alZ8RuTL%2Baa29WC%2BAM7%2BgSpnL%2FAHl9mxckyeEuFFqXcl%2F3ShwK2F9x%2F7r%2BcICefiUEzsZN3EuqOvwqQkBSqcdVy%2FohjNAG%2FInYAYSX%2B0fUK9UNQfQYkuPqOAptPRjX%2BhUnYsXUk%2FeQq16aX7TzhZm%2BeEq%2BEn%2BoiEgh7qps1yvGbJm6QXKovan%2Fsqng40R6FBP3R3dvfZC6QrfCUtGpQ8c0D0S5oLBw%3D%3D";

fn shared(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(p)
}

fn tmp(name: &str, text: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("review-table-{name}"));
    std::fs::write(&p, text).unwrap();
    p
}

struct Case {
    name: &'static str,
    url: String,
    /// The template JSON (the exampleservice template, edited per case).
    template: Value,
    /// The key TXT lines; `None`: no lookup.
    txt: Option<String>,
    zone: Vec<ZoneRecord>,
    /// The refusal kinds expected, in order (empty: may apply).
    refusals: &'static [&'static str],
}

fn template2() -> Value {
    serde_json::from_str(&std::fs::read_to_string(shared("conformance/templates/exampleservice.domainconnect.org.template2.json")).unwrap()).unwrap()
}

fn edited(f: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Value {
    let mut t = template2();
    f(t.as_object_mut().unwrap());
    t
}

fn unsigned() -> Value {
    edited(|t| {
        t.remove("syncPubKeyDomain");
    })
}

fn cases() -> Vec<Case> {
    let published = std::fs::read_to_string(shared("exampleservice-keys/_dck1.exampleservice.domainconnect.org.txt")).unwrap();
    let first_fragment_only: String = published.lines().filter(|l| !l.starts_with("p=2") && !l.starts_with("p=3")).collect::<Vec<_>>().join("\n");
    // A key of our own, for signed requests that carry a redirect_uri.
    let (pem, own_txt) = signature::generate_key(&mut rsa::rand_core::OsRng).unwrap();
    let own = |q: &str| signature::sign_url(&format!("{PATH}?{q}"), &pem, "_own").unwrap();
    let ok_zone = vec![ZoneRecord::new("A", "bar", "10.0.0.1", Some(600)), ZoneRecord::new("MX", "@", "mx.example.net", Some(600))];
    let signed = format!("{PATH}?{QUERY}&sig={SIG}&key=_dck1");
    let plain = |q: &str| format!("{PATH}?{q}");
    let c = |name, url: String, template: Value, txt: Option<&str>, zone: Vec<ZoneRecord>, refusals| Case {
        name,
        url,
        template,
        txt: txt.map(str::to_string),
        zone,
        refusals,
    };
    let k = Some(published.as_str());
    let own_k = own_txt.join("\n");
    vec![
        c("signed", signed.clone(), template2(), k, vec![], &[]),
        c("signed, against a zone", signed.clone(), template2(), k, ok_zone.clone(), &[]),
        c("tampered: a parameter added", format!("{signed}&IP2=6.6.6.6"), template2(), k, vec![], &["signature_invalid"]),
        c("tampered: a value changed", signed.replace("132.148.25.185", "6.6.6.6"), template2(), k, vec![], &["signature_invalid"]),
        c("tampered: state appended after sig", format!("{signed}&state=x"), template2(), k, vec![], &["signature_invalid"]),
        c("no sig", plain(&format!("{QUERY}&key=_dck1")), template2(), None, vec![], &["signature_missing"]),
        c("no key", plain(&format!("{QUERY}&sig={SIG}")), template2(), None, vec![], &["signature_missing"]),
        c("unsigned, signature required", plain(QUERY), template2(), None, vec![], &["signature_missing"]),
        c("key host with a dot", format!("{PATH}?{QUERY}&sig={SIG}&key=_dck1.evil.example"), template2(), k, vec![], &["signature_invalid"]),
        c("key not published", signed.clone(), template2(), Some("v=spf1 -all"), vec![], &["signature_invalid"]),
        c("key incomplete", signed.clone(), template2(), Some(&first_fragment_only), vec![], &["signature_invalid"]),
        c("key from another Service Provider", signed.clone(), template2(), Some(&own_k), vec![], &["signature_invalid"]),
        c("unsigned template", plain(QUERY), unsigned(), None, ok_zone.clone(), &[]),
        c(
            "syncBlock",
            signed.clone(),
            edited(|t| {
                t.insert("syncBlock".into(), json!(true));
            }),
            k,
            vec![],
            &["sync_block"],
        ),
        c(
            "hostRequired without host",
            plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x"),
            edited(|t| {
                t.remove("syncPubKeyDomain");
                t.insert("hostRequired".into(), json!(true));
            }),
            None,
            vec![],
            &["host_required"],
        ),
        c(
            "hostRequired with host",
            plain("domain=a.com&host=www&IP=192.0.2.1&RANDOMTEXT=x"),
            edited(|t| {
                t.remove("syncPubKeyDomain");
                t.insert("hostRequired".into(), json!(true));
            }),
            None,
            vec![],
            &[],
        ),
        c("path names another service (case)", signed.replace("/template2/", "/Template2/"), template2(), k, vec![], &["template_mismatch"]),
        c(
            "path names another provider",
            signed.replace("/exampleservice.domainconnect.org/", "/other.example/"),
            template2(),
            k,
            vec![],
            &["template_mismatch"],
        ),
        c("NUL in a value", plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=a%00b"), unsigned(), None, vec![], &["control_character"]),
        c("ESC in a value", plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=%1B%5B31m"), unsigned(), None, vec![], &["control_character"]),
        c("DEL in a variable name", plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&X%7F=1"), unsigned(), None, vec![], &["control_character"]),
        c("C1 control in a value", plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=%C2%85"), unsigned(), None, vec![], &["control_character"]),
        c(
            "redirect_uri javascript:, unsigned",
            plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&redirect_uri=javascript%3Aalert(1)"),
            unsigned(),
            None,
            vec![],
            &["redirect_refused"],
        ),
        c(
            "redirect_uri outside syncRedirectDomain",
            plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&redirect_uri=https%3A%2F%2Fevil.example%2F"),
            unsigned(),
            None,
            vec![],
            &["redirect_refused"],
        ),
        c(
            "redirect_uri at a label boundary lookalike",
            plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&redirect_uri=https%3A%2F%2Fevilexampleservice.domainconnect.org%2F"),
            unsigned(),
            None,
            vec![],
            &["redirect_refused"],
        ),
        c(
            "redirect_uri within syncRedirectDomain",
            plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&redirect_uri=https%3A%2F%2Fapp.exampleservice.domainconnect.org%2Fdone&state=s1"),
            unsigned(),
            None,
            vec![],
            &[],
        ),
        c(
            "signed redirect_uri anywhere",
            own("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&redirect_uri=https%3A%2F%2Fsp.example%2Fdone&state=s2"),
            edited(|t| {
                t.insert("syncRedirectDomain".into(), json!(""));
            }),
            Some(&own_k),
            vec![],
            &[],
        ),
        c(
            "signed javascript: redirect_uri",
            own("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&redirect_uri=javascript%3Aalert(1)"),
            template2(),
            Some(&own_k),
            vec![],
            &["redirect_refused"],
        ),
        c("variable missing", plain("domain=a.com&IP=192.0.2.1"), unsigned(), None, vec![], &["apply"]),
        c("value the engine rejects", plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=x&host=bad_label!"), unsigned(), None, vec![], &["apply"]),
        c(
            "several refusals at once",
            plain("domain=a.com&IP=192.0.2.1&RANDOMTEXT=a%00&redirect_uri=ftp%3A%2F%2Fx"),
            edited(|t| {
                t.insert("syncBlock".into(), json!(true));
            }),
            None,
            vec![],
            &["sync_block", "control_character", "signature_missing", "redirect_refused"],
        ),
    ]
}

fn refusal_kinds(decision: &Value) -> Vec<String> {
    decision["refusals"].as_array().unwrap().iter().map(|r| r["refusal"].as_str().unwrap().to_string()).collect()
}

#[test]
fn cli_and_page_decide_every_request_alike() {
    let table = cases();
    assert!(table.len() >= 20);
    for (i, case) in table.iter().enumerate() {
        let template_file = tmp(&format!("{i}.template.json"), &case.template.to_string());
        let zone_file = tmp(&format!("{i}.zone.json"), &serde_json::to_string(&case.zone).unwrap());
        // The page's way: the core's review, with the consent screen's policy.
        let url = ApplyUrl::parse(&case.url).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let template = Template::from_json(&case.template.to_string()).unwrap();
        let key = match &case.txt {
            None => KeyAnswer::NotAsked,
            Some(t) => KeyAnswer::Found { txt: signature::parse_txt_lines(t), source: "test".into() },
        };
        let page = review(&url, &template, &key, ZoneInput::Records(&case.zone), &Policy::default());
        let page_decision = serde_json::to_value(&page.decision).unwrap();
        // The CLI's way.
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dconn"));
        cmd.args(["verify", "--url", &case.url, "--template"]).arg(&template_file).arg("--zone").arg(&zone_file);
        if let Some(t) = &case.txt {
            cmd.arg("--txt").arg(tmp(&format!("{i}.txt"), t));
        }
        let out = cmd.output().unwrap();
        let cli: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{}: {e}: {}", case.name, String::from_utf8_lossy(&out.stdout)));
        assert_eq!(cli["decision"], page_decision, "{}: the CLI and the page disagree", case.name);
        assert_eq!(refusal_kinds(&page_decision), case.refusals, "{}: {page_decision}", case.name);
        assert_eq!(out.status.code(), Some(if case.refusals.is_empty() { 0 } else { 1 }), "{}", case.name);
        assert_eq!(page.decision.may_apply, case.refusals.is_empty(), "{}", case.name);
        // The change set is computed whatever the decision, unless the engine refused
        // (hostRequired is the engine's refusal too, named once).
        let engine_refused = case.refusals.iter().any(|r| *r == "apply" || *r == "host_required");
        assert_eq!(cli["changes"].get("exception").is_some(), engine_refused, "{}", case.name);
    }
}
