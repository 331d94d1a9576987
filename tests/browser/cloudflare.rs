//! Cloudflare: no open-source server implements its API, so this test answers on the
//! port the page's config names, in the shapes of Cloudflare's documented examples
//! (the zone lookup, record objects in pages, the batch answer and error envelope),
//! and checks what the page sends: the token typed by the operator as a bearer header
//! only, one batch of deletes by id and posts with the proxy choices.

use super::*;
use std::io::Write;
use std::sync::{Arc, Mutex};

const ZONE_ID: &str = "023e105f4ecef8ad9ca31a8372d0c353";
const TOKEN: &str = "cf-test-token-3f9a";

/// The zone as Cloudflare first lists it.
fn seed() -> Vec<Value> {
    let mut all = seed_page(1).as_array().unwrap().clone();
    all.extend(seed_page(2).as_array().unwrap().clone());
    all
}

/// A list answer: page `n` (from 1) of `records`, two to a page.
fn page_of(records: &[Value], n: usize) -> Value {
    let chunk: Vec<Value> = records.chunks(2).nth(n - 1).map(|c| c.to_vec()).unwrap_or_default();
    json!({"result": chunk, "success": true, "errors": [], "messages": [],
           "result_info": {"page": n, "per_page": 2, "count": chunk.len(), "total_count": records.len(), "total_pages": records.len().div_ceil(2).max(1)}})
}

/// The zone as Cloudflare lists it, over two pages.
fn page(n: u32) -> Value {
    page_of(&seed(), n as usize)
}

fn seed_page(n: u32) -> Value {
    match n {
        1 => json!([
            {"id": "372e67954025e0ba6aaa6d586b9e0b59", "zone_id": ZONE_ID, "zone_name": "arnoldblinn.com", "name": "bar.arnoldblinn.com", "type": "A",
             "content": "192.0.2.99", "proxiable": true, "proxied": false, "ttl": 1, "locked": false, "meta": {"source": "primary"}, "comment": null, "tags": [],
             "created_on": "2023-01-17T20:37:05.368097Z", "modified_on": "2023-01-17T20:37:05.368097Z"},
            {"id": "2bff0ebc4df64beaa44b0dca93e37a28", "zone_id": ZONE_ID, "zone_name": "arnoldblinn.com", "name": "arnoldblinn.com", "type": "TXT",
             "content": "\"v=spf1 -all\"", "proxiable": false, "proxied": false, "ttl": 3600}
        ]),
        _ => json!([
            {"id": "31d1d6e79ce04b8d93cbc5a13401d728", "zone_id": ZONE_ID, "zone_name": "arnoldblinn.com", "name": "www.arnoldblinn.com", "type": "CNAME",
             "content": "arnoldblinn.com", "proxiable": true, "proxied": true, "ttl": 1}
        ]),
    }
}

/// What the fake API saw: (method, path and query, Authorization header, body).
type Seen = Arc<Mutex<Vec<(String, String, String, String)>>>;

/// Serve Cloudflare's API on `DC_CF_PORT` over the records in `zone`: a batch is
/// applied to them (deletes, then posts, each post given a new id) or, when `fail`
/// says, refused with Cloudflare's error.
fn fake_cloudflare(fail: Arc<Mutex<bool>>, zone: Arc<Mutex<Vec<Value>>>) -> Seen {
    let seen: Seen = Arc::default();
    let listener = std::net::TcpListener::bind(format!("127.0.0.1:{}", env("DC_CF_PORT"))).expect("the Cloudflare port is free");
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (log, fail, zone) = (log.clone(), fail.clone(), zone.clone());
            std::thread::spawn(move || {
                let Some(req) = Request::read(&stream) else { return };
                let auth = req.header("authorization").unwrap_or("").to_string();
                let body = req.body.clone();
                let mut parts = req.line.split_whitespace();
                let (method, target) = (parts.next().unwrap_or("").to_string(), parts.next().unwrap_or("").to_string());
                let cors = "Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Headers: authorization, content-type, accept\r\nAccess-Control-Allow-Methods: GET, POST\r\n";
                let (status, answer) = if method == "OPTIONS" {
                    (204, String::new())
                } else {
                    log.lock().unwrap().push((method.clone(), target.clone(), auth.clone(), String::from_utf8_lossy(&body).into_owned()));
                    if auth != format!("Bearer {TOKEN}") {
                        (
                            403,
                            json!({"success": false, "errors": [{"code": 10000, "message": "Authentication error"}], "messages": [], "result": null})
                                .to_string(),
                        )
                    } else if target == "/client/v4/zones?name=arnoldblinn.com" {
                        (
                            200,
                            json!({"success": true, "errors": [], "messages": [], "result": [{"id": ZONE_ID, "name": "arnoldblinn.com", "status": "active"}]})
                                .to_string(),
                        )
                    } else if let Some(q) = target.strip_prefix(&format!("/client/v4/zones/{ZONE_ID}/dns_records?")) {
                        let n = q.split('&').find_map(|kv| kv.strip_prefix("page=")).and_then(|p| p.parse().ok()).unwrap_or(1);
                        (200, page_of(&zone.lock().unwrap(), n).to_string())
                    } else if target == format!("/client/v4/zones/{ZONE_ID}/dns_records/batch") && method == "POST" {
                        if *fail.lock().unwrap() {
                            (
                                400,
                                json!({"success": false, "errors": [{"code": 81057, "message": "Record already exists."}], "messages": [], "result": null})
                                    .to_string(),
                            )
                        } else {
                            let batch: Value = serde_json::from_slice(&body).unwrap_or_default();
                            let mut z = zone.lock().unwrap();
                            for d in batch["deletes"].as_array().cloned().unwrap_or_default() {
                                z.retain(|r| r["id"] != d["id"]);
                            }
                            let mut posted = Vec::new();
                            for mut p in batch["posts"].as_array().cloned().unwrap_or_default() {
                                p["id"] = json!(format!("{:032x}", 0xc0ffee_u128 + z.len() as u128 + posted.len() as u128 * 7919));
                                p["proxied"] = json!(p["proxied"] == json!(true));
                                posted.push(p.clone());
                                z.push(p);
                            }
                            (200, json!({"success": true, "errors": [], "messages": [], "result": {"deletes": batch["deletes"], "patches": [], "puts": [], "posts": posted}}).to_string())
                        }
                    } else {
                        (
                            404,
                            json!({"success": false, "errors": [{"code": 7003, "message": "No route for that URI"}], "messages": [], "result": null})
                                .to_string(),
                        )
                    }
                };
                let mut s = stream;
                let _ = write!(
                    s,
                    "HTTP/1.1 {status} X\r\n{cors}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                    answer.len()
                );
            });
        }
    });
    seen
}

#[tokio::test]
async fn cloudflare_gets_one_batch_with_the_proxy_choices_and_its_errors_are_shown_verbatim() {
    with_browser("cloudflare", |c| async move {
        let fail = Arc::new(Mutex::new(false));
        let zone = Arc::new(Mutex::new(seed()));
        let seen = fake_cloudflare(fail.clone(), zone.clone());
        c.goto(&format!("{}{SIGNED}", env("DC_CF_APP"))).await.unwrap();
        // No token in config: the operator types it, and asks to keep it for the tab.
        // A mistyped one first: Cloudflare answers 403 (its "Authentication error"),
        // the page forgets it (a reload would otherwise send it again) and asks anew.
        let type_token = |token: &'static str| {
            let c = c.clone();
            async move {
                let form = wait_css(&c, "[data-testid=credential]").await;
                form.find(Locator::Css("input[type=password]")).await.unwrap().send_keys(token).await.unwrap();
                form.find(Locator::Css("input[type=checkbox]")).await.unwrap().click().await.unwrap();
                form.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
            }
        };
        type_token("cf-mistyped-token").await;
        let refused = text(&c, "[data-testid=credential-refused]").await;
        assert!(!refused.is_empty(), "the refused token is said so");
        assert!(c.find(Locator::Css("[data-testid=changes]")).await.is_err(), "nothing read with the refused token");
        shot(&c, "cloudflare-token-refused").await;
        c.refresh().await.unwrap();
        wait_css(&c, "[data-testid=credential]").await;
        let log = seen.lock().unwrap().clone();
        assert_eq!(log.iter().filter(|(_, _, auth, _)| auth.contains("mistyped")).count(), 1, "the refused token is not sent again after a reload: {log:?}");
        type_token(TOKEN).await;
        let table = text(&c, "[data-testid=changes]").await;
        assert!(table.contains("192.0.2.99") && table.contains("removed"), "both pages read: {table}");
        assert!(!c.current_url().await.unwrap().as_str().contains(TOKEN), "the token is never in the address");
        // Proxy the new A record, then Connect.
        wait_css(&c, "[data-testid=proxy-toggle]").await.click().await.unwrap();
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let outcome = wait_text(&c, "[data-testid=outcome]", |t| t.contains("Done") || t.contains("not")).await;
        assert!(outcome.as_deref().is_ok_and(|t| t.contains("Cloudflare")), "{outcome:?}");

        let log = seen.lock().unwrap().clone();
        // Every request after the refused one carries the token typed again, as a header only.
        assert!(log[1..].iter().all(|(_, target, auth, _)| auth == &format!("Bearer {TOKEN}") && !target.contains(TOKEN)), "{log:?}");
        let batches: Vec<&(String, String, String, String)> = log.iter().filter(|(_, t, _, _)| t.ends_with("/batch")).collect();
        assert_eq!(batches.len(), 1, "one batch: {log:?}");
        assert!(log.iter().any(|(_, t, _, _)| t.contains("page=2")), "the second page is read: {log:?}");
        let body: Value = serde_json::from_str(&batches[0].3).unwrap();
        // Deletes carry only ids (the documented shape); the A at bar goes.
        assert_eq!(body["deletes"], json!([{"id": "372e67954025e0ba6aaa6d586b9e0b59"}]), "{body}");
        let posts = body["posts"].as_array().unwrap();
        let find = |t: &str| posts.iter().find(|p| p["type"] == t).unwrap_or_else(|| panic!("{t}: {body}")).clone();
        assert_eq!(find("A"), json!({"name": "bar.arnoldblinn.com", "type": "A", "content": "132.148.25.185", "ttl": 1, "proxied": true}));
        assert_eq!(find("TXT"), json!({"name": "bar.arnoldblinn.com", "type": "TXT", "content": "shm:1551036164:hello", "ttl": 1800}));
        assert_eq!(find("CNAME")["proxied"], false);
        assert!(body.as_object().unwrap().keys().all(|k| k == "deletes" || k == "posts"), "{body}");

        // The same body from `dconn apply --emit cloudflare` on the same listing and choices.
        let dir = std::env::temp_dir().join(format!("dc-cf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut all = page(1);
        all["result"].as_array_mut().unwrap().extend(page(2)["result"].as_array().unwrap().clone());
        std::fs::write(dir.join("listed.json"), all.to_string()).unwrap();
        std::fs::write(dir.join("proxy.json"), r#"{"*": {"A": true}}"#).unwrap();
        let out = std::process::Command::new(env("DC_DCONN"))
            .args(["apply", "--emit", "cloudflare", "--zone-id", ZONE_ID, "--api-base", &format!("http://127.0.0.1:{}/client/v4", env("DC_CF_PORT"))])
            .arg("--proxy-defaults")
            .arg(dir.join("proxy.json"))
            .arg("--template")
            .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/templates/exampleservice.domainconnect.org.template2.json"))
            .arg("--zone")
            .arg(dir.join("listed.json"))
            .args(["--domain", "arnoldblinn.com", "--host", "bar", "IP=132.148.25.185", "RANDOMTEXT=shm:1551036164:hello"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
        let emitted: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(emitted["requests"][0]["body"], body, "dconn apply --emit cloudflare and the page send the same batch");

        // Undo: what was created is deleted by the ids Cloudflare gave it, what was
        // deleted is created again as it was listed; the zone lists as before.
        wait_css(&c, "[data-testid=undo]").await.click().await.unwrap();
        let undone = wait_text(&c, "[data-testid=undo-outcome]", |t| t.contains("Undone") || t.contains("not")).await;
        assert!(undone.as_deref().is_ok_and(|t| t.contains("Undone")), "{undone:?}");
        let shape = |z: &[Value]| {
            let mut v: Vec<String> = z.iter().map(|r| format!("{} {} {} {} {}", r["name"], r["type"], r["content"], r["proxied"], r["ttl"])).collect();
            v.sort();
            v
        };
        assert_eq!(shape(&zone.lock().unwrap()), shape(&seed()), "Undo restores the zone");
        let batches = seen.lock().unwrap().iter().filter(|(_, t, _, _)| t.ends_with("/batch")).count();
        assert_eq!(batches, 2, "the apply and its undo, one batch each");

        // An error answer: Cloudflare's own words, and nothing applied. The token was
        // kept for this tab, so a reload does not ask again.
        *fail.lock().unwrap() = true;
        c.goto(&format!("{}{SIGNED}", env("DC_CF_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let failed = wait_text(&c, "[data-testid=apply-failed]", |t| t.contains("81057")).await;
        let failed = failed.unwrap_or_else(|t| panic!("{t:?}"));
        assert!(failed.contains("81057: Record already exists.") && failed.contains("not applied") && failed.contains("Nothing was changed"), "{failed}");
    })
    .await;
}
