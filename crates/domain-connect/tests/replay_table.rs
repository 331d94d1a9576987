//! The shared replay table (`tests/data/replay-cases.json`, written by
//! `make_replay_cases.py`): every reported request diagnosed by the core, its decision,
//! its first failing step, the statuses the case names and the evidence it expects.
//! `dconn replay` (crates/dconn/tests/replay.rs) and the /replay page (the browser
//! tier) are held to the same table.

use domain_connect::replay::{diagnose, Case, Status, TemplateInput};
use domain_connect::{zone, KeyAnswer, RustWeb, Template};
use serde_json::Value;

const TABLE: &str = include_str!("data/replay-cases.json");

fn status(s: &str) -> Status {
    match s {
        "ok" => Status::Ok,
        "warn" => Status::Warn,
        _ => Status::Fail,
    }
}

#[test]
fn every_case_of_the_table_is_diagnosed_as_written() {
    let table: Value = serde_json::from_str(TABLE).unwrap();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 30, "at least 30 cases: {}", cases.len());
    let key: Vec<String> = serde_json::from_value(table["key"].clone()).unwrap();
    let records = zone::from_bind(table["zone"].as_str().unwrap(), "example.com").unwrap();
    let mut failures = Vec::new();
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let loaded;
        let json;
        let template = match &c["template"] {
            Value::Null => TemplateInput::Missing { reason: "no --template was given" },
            Value::String(k) if table["templates"].get(k).is_some() => {
                loaded = Template::from_json(&table["templates"][k].to_string()).unwrap();
                TemplateInput::Loaded { template: &loaded, source: "the table" }
            }
            Value::String(text) => {
                json = text.clone();
                TemplateInput::Text { json: &json, source: "the table" }
            }
            other => panic!("{name}: template {other}"),
        };
        let answer = match &c["txt"] {
            Value::Null => KeyAnswer::NotAsked,
            Value::String(_) => KeyAnswer::Found { txt: key.clone(), source: "the table".into() },
            list => KeyAnswer::Found { txt: serde_json::from_value(list.clone()).unwrap(), source: "the table".into() },
        };
        let zone = c["zone"].as_bool().unwrap().then_some(records.as_slice());
        let d = diagnose(&Case { url: c["url"].as_str().unwrap(), template, key: &answer, zone }, &RustWeb);
        let mut wrong = Vec::new();
        if d.decision != status(c["decision"].as_str().unwrap()) {
            wrong.push(format!("decision {:?}", d.decision));
        }
        if d.failing().map(|s| s.id.as_str()) != c["failing"].as_str() {
            wrong.push(format!("failing step {:?}", d.failing().map(|s| s.id)));
        }
        for (id, want) in c.get("steps").and_then(Value::as_object).into_iter().flatten() {
            let got = d.steps.iter().find(|s| s.id.as_str() == id).map(|s| s.status);
            if got != Some(status(want.as_str().unwrap())) {
                wrong.push(format!("step {id} {got:?}"));
            }
        }
        if let Some(e) = c.get("evidence").and_then(Value::as_str) {
            if !d.steps.iter().flat_map(|s| &s.evidence).any(|(label, _)| label.contains(e)) {
                wrong.push(format!("no evidence {e:?}"));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{name}: {}\n{}", wrong.join("; "), d.to_text()));
        }
    }
    assert!(failures.is_empty(), "{} case(s) wrong:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn an_internationalised_domain_is_shown_in_ascii_and_unicode() {
    let t = r#"{"providerId": "p.example", "serviceId": "s", "records": [{"type": "A", "host": "@", "pointsTo": "192.0.2.1", "ttl": 60}]}"#;
    let url = "https://dns.example/v2/domainTemplates/providers/p.example/services/s/apply?domain=b%C3%BCcher.example&host=www";
    let d = diagnose(&Case { url, template: TemplateInput::Text { json: t, source: "test" }, key: &KeyAnswer::NotAsked, zone: None }, &RustWeb);
    let step = &d.steps[0];
    assert!(step.detail.contains("at www.xn--bcher-kva.example (www.bücher.example, in Unicode)"), "{}", step.detail);
}
