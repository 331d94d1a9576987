//! `dconn replay` against the shared replay table (the core's
//! `tests/data/replay-cases.json`): the same decision, failing step and step statuses
//! as `replay::diagnose`, read from the CLI's JSON and its exit code; and a HAR file
//! with two apply requests, picked from.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

const TABLE: &str = include_str!("../../domain-connect/tests/data/replay-cases.json");

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("dconn-replay-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(name: &str, text: &str) -> PathBuf {
    let p = dir().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn replay(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dconn")).arg("replay").args(args).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_cli_diagnoses_every_case_of_the_shared_table() {
    let table: Value = serde_json::from_str(TABLE).unwrap();
    let key: Vec<String> = serde_json::from_value(table["key"].clone()).unwrap();
    let zone = write("zone.txt", table["zone"].as_str().unwrap());
    let mut failures = Vec::new();
    for (i, c) in table["cases"].as_array().unwrap().iter().enumerate() {
        let name = c["name"].as_str().unwrap();
        let mut args: Vec<String> = vec!["--json".into(), "--url".into(), c["url"].as_str().unwrap().into()];
        match &c["template"] {
            Value::Null => {}
            Value::String(k) => {
                let text = match table["templates"].get(k) {
                    Some(t) => t.to_string(),
                    None => k.clone(),
                };
                args.extend(["--template".into(), write(&format!("t{i}.json"), &text).display().to_string()]);
            }
            other => panic!("{other}"),
        }
        let txt: Option<Vec<String>> = match &c["txt"] {
            Value::Null => None,
            Value::String(_) => Some(key.clone()),
            list => Some(serde_json::from_value(list.clone()).unwrap()),
        };
        if let Some(txt) = txt {
            let lines: String = txt.iter().map(|t| format!("\"{t}\"\n")).collect();
            args.extend(["--txt".into(), write(&format!("k{i}.txt"), &lines).display().to_string()]);
        }
        if c["zone"].as_bool() == Some(true) {
            args.extend(["--zone".into(), zone.display().to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = replay(&args);
        let Ok(got) = serde_json::from_str::<Value>(&out) else {
            failures.push(format!("{name}: not JSON (exit {code:?}): {out} {err}"));
            continue;
        };
        let decision = c["decision"].as_str().unwrap();
        let mut wrong = Vec::new();
        if got["decision"] != decision {
            wrong.push(format!("decision {}", got["decision"]));
        }
        if code != Some(if decision == "fail" { 1 } else { 0 }) {
            wrong.push(format!("exit {code:?}"));
        }
        let steps = got["steps"].as_array().unwrap();
        let failing = steps.iter().find(|s| s["status"] == "fail").map(|s| s["id"].clone()).unwrap_or(Value::Null);
        if failing != c["failing"] {
            wrong.push(format!("failing {failing}"));
        }
        for (id, want) in c.get("steps").and_then(Value::as_object).into_iter().flatten() {
            let status = steps.iter().find(|s| &s["id"] == id).map(|s| s["status"].clone());
            if status.as_ref() != Some(want) {
                wrong.push(format!("step {id} {status:?}"));
            }
        }
        if let Some(e) = c.get("evidence").and_then(Value::as_str) {
            let labels = steps.iter().flat_map(|s| s["evidence"].as_array().into_iter().flatten()).filter_map(|x| x["label"].as_str());
            if !labels.clone().any(|l| l.contains(e)) {
                wrong.push(format!("no evidence {e:?} among {:?}", labels.collect::<Vec<_>>()));
            }
        }
        if steps.iter().any(|s| ["id", "status", "title", "detail"].iter().any(|k| s.get(k).is_none())) {
            wrong.push("a step without id, status, title or detail".into());
        }
        if !wrong.is_empty() {
            failures.push(format!("{name}: {}\n{out}", wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// What a client signed, as evidence of the signature step: the exact bytes that
/// verify, the sig's encoding, and the parameter sent but not signed.
#[test]
fn the_signature_step_shows_what_the_client_signed() {
    let table: Value = serde_json::from_str(TABLE).unwrap();
    let c = table["cases"].as_array().unwrap().iter().find(|c| c["name"] == "signed base64url over sorted raw values, an unsigned timestamp").unwrap();
    let template = write("forensic-template.json", &table["templates"]["signed"].to_string());
    let key: Vec<String> = serde_json::from_value(table["key"].clone()).unwrap();
    let txt = write("forensic-key.txt", &key.iter().map(|t| format!("\"{t}\"\n")).collect::<String>());
    let (code, out, _) = replay(&["--json", "--url", c["url"].as_str().unwrap(), "--template", template.to_str().unwrap(), "--txt", txt.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    let got: Value = serde_json::from_str(&out).unwrap();
    let step = got["steps"].as_array().unwrap().iter().find(|s| s["id"] == "signature").unwrap();
    let evidence: Vec<(&str, &str)> =
        step["evidence"].as_array().unwrap().iter().map(|e| (e["label"].as_str().unwrap(), e["text"].as_str().unwrap())).collect();
    let find = |label: &str| evidence.iter().find(|(l, _)| l.starts_with(label)).map(|(_, t)| *t).unwrap_or_else(|| panic!("no {label}: {evidence:?}"));
    assert_eq!(find("What verifies"), "IP=192.0.2.1&TEXT=hello world&domain=example.com");
    assert!(find("Signature encoding").contains("URL-safe"), "{evidence:?}");
    assert_eq!(find("Parameters the URL carries that were not signed"), "ts");
    assert!(find("What was searched").contains("RSA verifications") || find("What was searched").contains("verifies over"), "{evidence:?}");
}

#[test]
fn a_har_file_with_two_apply_requests_is_picked_from() {
    let table: Value = serde_json::from_str(TABLE).unwrap();
    let cases = table["cases"].as_array().unwrap();
    let ok = cases.iter().find(|c| c["decision"] == "ok" && c["template"] == "signed").unwrap()["url"].as_str().unwrap();
    let bad = cases.iter().find(|c| c["failing"] == "signature").unwrap()["url"].as_str().unwrap();
    let entry = |url: &str, at: &str| serde_json::json!({"startedDateTime": at, "request": {"method": "GET", "url": url}, "response": {"status": 200}});
    let har = serde_json::json!({"log": {"version": "1.2", "entries": [
        entry("https://sp.example/start", "2026-11-30T10:00:00Z"), entry(ok, "2026-11-30T10:00:01Z"), entry(bad, "2026-11-30T10:05:00Z")]}});
    let har = write("two.har", &har.to_string());
    let template = write("signed.json", &table["templates"]["signed"].to_string());
    let txt = write("key.txt", &table["key"].as_array().unwrap().iter().map(|k| format!("{k}\n")).collect::<String>());
    let base = ["--json", "--har", har.to_str().unwrap(), "--template", template.to_str().unwrap(), "--txt", txt.to_str().unwrap()];

    let (code, _, err) = replay(&base);
    assert_eq!(code, Some(2), "two apply requests and no --pick: {err}");
    assert!(err.contains("1. 2026-11-30T10:00:01Z 200") && err.contains("2. 2026-11-30T10:05:00Z 200"), "they are listed: {err}");
    let pick = |n: &str| {
        let mut a = base.to_vec();
        a.extend(["--pick", n]);
        replay(&a)
    };
    let (code, out, _) = pick("1");
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("\"decision\":\"warn\""), "no zone given: {out}");
    let (code, out, _) = pick("2");
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("the draft's canonical form"), "{out}");
    assert_eq!(pick("3").0, Some(2), "out of range");
    let (code, _, err) = replay(&["--url", ok, "--txt", "/nonexistent/key.txt"]);
    assert_eq!(code, Some(2), "an unreadable file: {err}");
    let (code, out, _) = replay(&["--url", "https://dns.example/not-an-apply-url"]);
    assert_eq!(code, Some(1), "a malformed URL is a failing diagnosis: {out}");
}
