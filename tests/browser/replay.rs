//! Support replay (`/replay`): a reported URL or a HAR file diagnosed step by step, held
//! to the same shared table as the core and `dconn replay`.

use super::*;

const TABLE: &str = include_str!("../../crates/domain-connect/tests/data/replay-cases.json");

/// Set a form control's value as a person's typing would, in one event.
async fn set(c: &Client, css: &str, value: &str) {
    wait_css(c, css).await;
    let js = "const e = document.querySelector(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));";
    c.execute(js, vec![json!(css), json!(value)]).await.unwrap();
}

/// The decision and each step's id and status, as the page shows them.
async fn shown(c: &Client) -> (String, Vec<(String, String)>) {
    let decision = wait_css(c, "[data-testid=replay-verdict]").await.attr("data-decision").await.unwrap().unwrap_or_default();
    let steps = c.execute("return [...document.querySelectorAll('[data-step]')].map(e => [e.dataset.step, e.dataset.status])", vec![]).await.unwrap();
    (decision, serde_json::from_value(steps).unwrap())
}

/// The inputs of one case of the table, put into the page (the URL last).
async fn enter(c: &Client, table: &Value, case: &Value) {
    set(c, "[data-testid=replay-url]", "").await;
    let template = match &case["template"] {
        Value::String(k) => table["templates"].get(k).map(|t| t.to_string()).unwrap_or_else(|| k.clone()),
        _ => String::new(),
    };
    let txt: Vec<String> = match &case["txt"] {
        Value::Null => Vec::new(),
        Value::String(_) => serde_json::from_value(table["key"].clone()).unwrap(),
        list => serde_json::from_value(list.clone()).unwrap(),
    };
    set(c, "[data-testid=replay-template]", &template).await;
    set(c, "[data-testid=replay-txt]", &txt.iter().map(|t| format!("\"{t}\"\n")).collect::<String>()).await;
    set(c, "[data-testid=replay-zone]", if case["zone"] == true { table["zone"].as_str().unwrap() } else { "" }).await;
    set(c, "[data-testid=replay-url]", case["url"].as_str().unwrap()).await;
}

#[tokio::test]
async fn the_page_diagnoses_every_case_of_the_shared_table() {
    with_browser("replay_table", |c| async move {
        let table: Value = serde_json::from_str(TABLE).unwrap();
        c.goto(&format!("{}/replay", env("DC_SANDBOX_APP"))).await.unwrap();
        let mut failures = Vec::new();
        let mut run = 0;
        for case in table["cases"].as_array().unwrap() {
            if case.get("not_on_the_page").is_some() {
                continue;
            }
            run += 1;
            enter(&c, &table, case).await;
            let (decision, steps) = shown(&c).await;
            let name = case["name"].as_str().unwrap();
            let failing = steps.iter().find(|(_, s)| s == "fail").map(|(id, _)| id.as_str());
            let mut wrong = Vec::new();
            if decision != case["decision"].as_str().unwrap() {
                wrong.push(format!("decision {decision}"));
            }
            if failing != case["failing"].as_str() {
                wrong.push(format!("failing {failing:?}"));
            }
            for (id, want) in case.get("steps").and_then(Value::as_object).into_iter().flatten() {
                let got = steps.iter().find(|(s, _)| s == id).map(|(_, st)| st.as_str());
                if got != want.as_str() {
                    wrong.push(format!("step {id} {got:?}"));
                }
            }
            if !wrong.is_empty() {
                failures.push(format!("{name}: {} ({steps:?})", wrong.join("; ")));
            }
        }
        assert!(run >= 30, "{run} cases on the page");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    })
    .await;
}

/// The commonest failure: signed over one parameter order, sent in another. The page
/// names the step, shows the bytes sent and the bytes that verify; its permalink
/// restores it; a screenshot is kept.
#[tokio::test]
async fn a_url_signed_over_another_order_is_diagnosed_with_both_strings() {
    with_browser("replay_order", |c| async move {
        let table: Value = serde_json::from_str(TABLE).unwrap();
        let case = table["cases"].as_array().unwrap().iter().find(|c| c["name"] == "signed sorted, sent in another order").unwrap();
        c.goto(&format!("{}/replay", env("DC_SANDBOX_APP"))).await.unwrap();
        enter(&c, &table, case).await;
        let verdict = text(&c, "[data-testid=replay-verdict]").await;
        assert!(
            verdict.starts_with("Decision: fail.")
                && verdict
                    .contains("Would be refused at the step Signature: It does not verify over the bytes sent, but it does over the draft's canonical form"),
            "{verdict}"
        );
        let step = text(&c, "[data-step=signature]").await;
        assert!(step.contains("Signed bytes (the query as sent, without sig and key)\ndomain=example.com&IP=192.0.2.1&TEXT=hello%20world"), "{step}");
        assert!(step.contains("What verifies: the draft's canonical form") && step.contains("IP=192.0.2.1&TEXT=hello%20world&domain=example.com"), "{step}");
        let ticket = wait_value(&c, "[data-testid=replay-text]", |t| t.starts_with("Decision: FAIL")).await;
        assert!(ticket.is_ok_and(|t| t.contains("[fail] Signature")), "copy as text");
        resize(&c, 1280, 2600).await;
        c.screenshot().await.map(|png| std::fs::write(target("replay-failing.png"), png)).unwrap().unwrap();
        resize(&c, 360, 800).await;
        assert_no_sideways_scroll(&c, 360, "the replay page").await;
        resize(&c, 1280, 900).await;

        wait_css(&c, "[data-testid=permalink]").await.click().await.unwrap();
        let link = wait_value(&c, "[data-testid=permalink-url]", |v| v.contains("#s=")).await.unwrap();
        let before = text(&c, "[data-testid=diagnosis]").await;
        c.goto("about:blank").await.unwrap();
        c.goto(&link).await.unwrap();
        let after = wait_text(&c, "[data-testid=diagnosis]", |t| t.contains("What verifies")).await;
        assert_eq!(after.as_deref(), Ok(before.as_str()), "the permalink restores the same diagnosis");
        assert_eq!(wait_css(&c, "[data-testid=replay-url]").await.prop("value").await.unwrap().as_deref(), case["url"].as_str());
    })
    .await;
}

/// What a real client signed: base64url, over the raw values sorted, with a timestamp
/// it did not sign. The page shows the exact bytes that verify, the sig's encoding and
/// the parameter left unsigned.
#[tokio::test]
async fn a_url_signed_base64url_over_sorted_raw_values_shows_the_bytes_that_verify() {
    with_browser("replay_forensic", |c| async move {
        let table: Value = serde_json::from_str(TABLE).unwrap();
        let case = table["cases"].as_array().unwrap().iter().find(|c| c["name"] == "signed base64url over sorted raw values, an unsigned timestamp").unwrap();
        c.goto(&format!("{}/replay", env("DC_SANDBOX_APP"))).await.unwrap();
        enter(&c, &table, case).await;
        let step = wait_text(&c, "[data-step=signature]", |t| t.contains("What verifies")).await.unwrap_or_else(|t| panic!("{t}"));
        assert!(
            step.contains("What verifies: the parameters decoded (raw, not encoded), sorted by name\nIP=192.0.2.1&TEXT=hello world&domain=example.com"),
            "{step}"
        );
        assert!(step.contains("Signature encoding\nURL-safe base64 (- and _) without padding"), "{step}");
        assert!(step.contains("Parameters the URL carries that were not signed\nts"), "{step}");
        resize(&c, 1280, 2600).await;
        shot(&c, "replay-what-was-signed").await;
    })
    .await;
}

/// A HAR file with two apply requests, opened or dropped: both listed with time and
/// status, either one replayed; a URL missing a variable names it.
#[tokio::test]
async fn a_har_file_with_two_apply_requests_lets_support_choose() {
    with_browser("replay_har", |c| async move {
        let base = env("DC_SANDBOX_APP");
        let ok = format!("https://dns.example{SIGNED}");
        let missing =
            "https://dns.example/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain=example.com&IP=192.0.2.1";
        let entry = |url: &str, at: &str, status: u16| json!({"startedDateTime": at, "request": {"method": "GET", "url": url}, "response": {"status": status}});
        let har = json!({"log": {"version": "1.2", "entries": [entry("https://sp.example/start", "2026-11-30T10:00:00Z", 302),
            entry(&ok, "2026-11-30T10:00:01Z", 200), entry(missing, "2026-11-30T10:07:00Z", 200)]}});
        let file = std::env::temp_dir().join(format!("replay-{}.har", std::process::id()));
        std::fs::write(&file, har.to_string()).unwrap();
        c.goto(&format!("{base}/replay")).await.unwrap();
        wait_css(&c, "[data-testid=har-file]").await.send_keys(file.to_str().unwrap()).await.unwrap();
        let list = text(&c, "[data-testid=har-requests]").await;
        assert!(
            list.contains("Apply requests in the HAR file (2)")
                && list.contains("2026-11-30T10:00:01Z · GET HTTP 200")
                && list.contains("2026-11-30T10:07:00Z"),
            "{list}"
        );
        wait_css(&c, "[data-testid=har-pick-1]").await.click().await.unwrap();
        let first = wait_text(&c, "[data-testid=replay-verdict]", |t| !t.is_empty()).await.unwrap();
        assert!(first.starts_with("Decision: warn."), "the genuine request, without a zone: {first}");
        assert!(text(&c, "[data-step=signature]").await.contains("verifies"), "looked up in the sandbox key store");
        wait_css(&c, "[data-testid=har-pick-2]").await.click().await.unwrap();
        let second = wait_text(&c, "[data-testid=replay-verdict]", |t| t.starts_with("Decision: fail")).await;
        assert!(second.is_ok(), "{second:?}");
        let vars = text(&c, "[data-step=variables]").await;
        assert!(vars.contains("Missing from the URL: RANDOMTEXT"), "{vars}");
        let _ = std::fs::remove_file(file);
        // Dropped on the page instead of opened, the same file lists the same requests.
        c.goto(&format!("{base}/replay")).await.unwrap();
        wait_css(&c, "[data-testid=drop-zone]").await;
        let drop = "const dt = new DataTransfer(); dt.items.add(new File([arguments[0]], 'support.har', {type: 'application/json'}));
            document.querySelector('[data-testid=replay-url]').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));";
        c.execute(drop, vec![json!(har.to_string())]).await.unwrap();
        let dropped = wait_text(&c, "[data-testid=har-requests]", |t| t.contains("Apply requests in the HAR file (2)")).await;
        assert!(dropped.is_ok(), "{dropped:?}");
    })
    .await;
}
