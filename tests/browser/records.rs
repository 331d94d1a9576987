//! Applying to a real records API: PowerDNS started by `cargo xtask test`. Connect
//! leaves exactly the zone the core expects (read back through the API and served on
//! PowerDNS's DNS port), sends exactly what `dconn apply --emit powerdns` prints, and a
//! zone changed behind the page's back is refused with the difference shown.

use super::*;
use domain_connect::records_api::{self, powerdns};
use domain_connect::{review, ApplyUrl, KeyAnswer, Policy, Signatures, Template, ZoneInput, ZoneRecord};

pub(super) const DOMAIN: &str = "arnoldblinn.com";

/// One request to PowerDNS's API: status, body.
fn http(method: &str, url: &str, body: Option<&str>) -> (u16, String) {
    let key = env("DC_PDNS_KEY");
    let a = http_request(method, url, &[("X-API-Key", &key), ("Content-Type", "application/json")], body.unwrap_or(""));
    (a.status, a.body)
}

/// The zone as PowerDNS holds it now, read as the page reads it.
pub(super) fn pdns_zone() -> Vec<ZoneRecord> {
    let req = powerdns::read_zone_request(&env("DC_PDNS_API"), "localhost", DOMAIN, "");
    let (status, body) = http("GET", &req.url, None);
    powerdns::read_zone_answer(status, body.as_bytes(), DOMAIN).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// Put the customer's zone back as the test tier created it.
pub(super) fn reset_zone() {
    let api = env("DC_PDNS_API");
    let _ = http("DELETE", &format!("{api}/api/v1/servers/localhost/zones/{DOMAIN}."), None);
    let seed = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/pdns-zone.json")).unwrap();
    let (status, body) = http("POST", &format!("{api}/api/v1/servers/localhost/zones"), Some(&seed));
    assert_eq!(status, 201, "{body}");
}

/// What `dig` gets from PowerDNS's DNS port.
fn dig(name: &str, rtype: &str) -> Vec<String> {
    let out = std::process::Command::new("dig")
        .args(["@127.0.0.1", "-p", &env("DC_PDNS_DNS_PORT"), "+short", "+time=2", "+tries=2", name, rtype])
        .output()
        .expect("dig (bind9-dnsutils) runs");
    let mut v: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect();
    v.sort();
    v
}

pub(super) fn template2() -> Template {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/templates/exampleservice.domainconnect.org.template2.json");
    Template::from_json(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[tokio::test]
async fn connect_on_powerdns_leaves_exactly_the_expected_zone_and_sends_what_dconn_emits() {
    with_browser("powerdns_apply", |c| async move {
        reset_zone();
        let before = pdns_zone();
        let url = ApplyUrl::parse(&format!("https://dns.example{SIGNED}")).unwrap();
        let policy = Policy { signatures: Signatures::Preview, ..Policy::default() };
        let changes = review(&url, &template2(), &KeyAnswer::NotAsked, ZoneInput::Records(&before), &policy).changes.unwrap();
        let expected = powerdns::expected_zone(&changes, &before, DOMAIN);

        c.goto(&format!("{}{SIGNED}", env("DC_PDNS_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let outcome = wait_text(&c, "[data-testid=outcome]", |t| t.contains("Done") || t.contains("not")).await;
        assert!(outcome.as_deref().is_ok_and(|t| t.contains("PowerDNS")), "{outcome:?}");

        // Through the API: exactly the zone the core expects.
        let after = pdns_zone();
        let d = records_api::diff(&expected, &after);
        assert!(d.is_empty(), "PowerDNS holds a different zone than the core expects: {d:?}");
        // On the DNS port: the new records answer, the removed one is gone.
        assert_eq!(dig("bar.arnoldblinn.com", "A"), ["132.148.25.185"]);
        assert_eq!(dig("bar.arnoldblinn.com", "TXT"), ["\"shm:1551036164:hello\""]);
        assert_eq!(dig("www.arnoldblinn.com", "CNAME"), ["arnoldblinn.com."], "records beside the change are untouched");

        // Verify after apply: every new record answers through dnsdist's DoH.
        let verified = wait_text(&c, "[data-testid=verify-state]", |t| t.starts_with("All")).await;
        assert_eq!(verified.as_deref(), Ok("All 3 records answer as expected."), "{verified:?}");
        let items = text(&c, "[data-testid=verify] ul").await;
        assert_eq!(items.matches("answers as expected").count(), 3, "{items}");
        c.execute("document.querySelector('[data-testid=verify]').scrollIntoView()", vec![]).await.unwrap();
        shot(&c, "powerdns-applied").await;

        // The request the page sent is what `dconn apply --emit powerdns` prints.
        let sent: Value =
            serde_json::from_str(c.execute("return document.querySelector('[data-testid=request-sent]').textContent", vec![]).await.unwrap().as_str().unwrap())
                .unwrap();
        assert!(!sent.to_string().contains(&env("DC_PDNS_KEY")), "the key is not in the request shown");
        let dir = std::env::temp_dir().join(format!("dc-emit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let zone_file = dir.join("zone.json");
        std::fs::write(&zone_file, domain_connect::zone::to_json(&before)).unwrap();
        let out = std::process::Command::new(env("DC_DCONN"))
            .args(["apply", "--emit", "powerdns", "--api-base", &env("DC_PDNS_API"), "--template"])
            .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/templates/exampleservice.domainconnect.org.template2.json"))
            .arg("--zone")
            .arg(&zone_file)
            .args(["--domain", DOMAIN, "--host", "bar", "IP=132.148.25.185", "RANDOMTEXT=shm:1551036164:hello"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
        let emitted: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(emitted["requests"][0], sent, "dconn apply --emit and the page send the same request");

        // The change can be saved, without the key.
        for id in ["download-json", "download-bind", "download-request"] {
            let href = wait_css(&c, &format!("[data-testid={id}]")).await.attr("href").await.unwrap().unwrap_or_default();
            assert!(href.starts_with("data:") && !href.contains(&env("DC_PDNS_KEY")), "{id}: {href}");
        }
        // Undo restores the zone exactly, and the earlier record answers again.
        wait_css(&c, "[data-testid=undo]").await.click().await.unwrap();
        let undone = wait_text(&c, "[data-testid=undo-outcome]", |t| t.contains("All 1 records answer") || t.contains("not")).await;
        assert!(undone.as_deref().is_ok_and(|t| t.contains("Undone")), "{undone:?}");
        let d = records_api::diff(&before, &pdns_zone());
        assert!(d.is_empty(), "Undo left a different zone: {d:?}");
        assert_eq!(dig("bar.arnoldblinn.com", "A"), ["192.0.2.99"]);
        assert!(dig("whd.bar.arnoldblinn.com", "CNAME").is_empty());
        reset_zone();
    })
    .await;
}

#[tokio::test]
async fn a_zone_changed_behind_the_pages_back_is_refused_with_the_difference() {
    with_browser("powerdns_changed", |c| async move {
        reset_zone();
        c.goto(&format!("{}{SIGNED}", env("DC_PDNS_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        // Someone else changes the zone between the preview and Connect.
        let patch = json!({"rrsets": [{"name": "sneaky.arnoldblinn.com.", "type": "TXT", "ttl": 300, "changetype": "REPLACE",
            "records": [{"content": "\"added meanwhile\"", "disabled": false}]}]});
        let (status, body) = http("PATCH", &format!("{}/api/v1/servers/localhost/zones/{DOMAIN}.", env("DC_PDNS_API")), Some(&patch.to_string()));
        assert_eq!(status, 204, "{body}");
        let before = pdns_zone();
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let failed = wait_text(&c, "[data-testid=apply-failed]", |t| t.contains("sneaky")).await;
        let failed = failed.unwrap_or_else(|t| panic!("no refusal naming the new record: {t:?}"));
        assert!(failed.contains("changed after this page read them") && failed.contains("added meanwhile"), "{failed}");
        assert!(failed.contains("Nothing was changed"), "{failed}");
        assert!(records_api::diff(&before, &pdns_zone()).is_empty(), "nothing was applied");
        reset_zone();
    })
    .await;
}

/// Embed the consent page in an iframe of the page at `parent` and post it a credential.
/// The parent is a JSON file of that site, shown as a plain document (the app's own
/// pages forbid framing other origins in their CSP, as they should).
async fn embed_and_post(c: &Client, parent: &str, token: &str, may_frame: bool) {
    c.goto(parent).await.unwrap();
    let src = format!("{}{SIGNED}", env("DC_DASH_APP"));
    c.execute(
        "window.msgs = []; addEventListener('message', e => msgs.push({origin: e.origin, data: e.data})); \
         document.body.innerHTML = ''; const f = document.createElement('iframe'); f.src = arguments[0]; f.style.width = '900px'; f.style.height = '700px'; document.body.appendChild(f);",
        vec![json!(src)],
    )
    .await
    .unwrap();
    c.enter_frame(0).await.unwrap();
    if may_frame {
        wait_css(c, "[data-testid=credential]").await;
    } else {
        // frame-ancestors: the browser renders nothing of the page in this frame.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert!(c.find(Locator::Css("main, [data-testid=credential]")).await.is_err(), "an unlisted origin cannot frame the consent page");
    }
    c.enter_parent_frame().await.unwrap();
    c.execute("document.querySelector('iframe').contentWindow.postMessage({type: 'dc-credential', token: arguments[0]}, '*')", vec![json!(token)])
        .await
        .unwrap();
    c.enter_frame(0).await.unwrap();
}

#[tokio::test]
async fn the_embedding_dashboard_hands_over_the_key_and_hears_what_happens_and_no_other_page_can() {
    with_browser("dashboard_credential", |c| async move {
        reset_zone();
        // From a page whose origin config does not list: ignored, the page still asks.
        // A page of an unlisted origin cannot even frame it (frame-ancestors), let
        // alone hand it a key.
        embed_and_post(&c, &format!("{}/templates/index.json", env("DC_STATIC_APP")), &env("DC_PDNS_KEY"), false).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(c.find(Locator::Css("[data-testid=changes]")).await.is_err());
        c.enter_parent_frame().await.unwrap();
        assert_eq!(c.execute("return msgs.length", vec![]).await.unwrap(), json!(0), "nothing is posted to an unlisted origin");
        // examples/dashboard.html, from the origin config lists: it hands the key over
        // when asked, and hears what happens — in an iframe, then as a popup.
        let consent = format!("{}{SIGNED}", env("DC_DASH_APP"));
        let encoded: String = consent.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
        c.goto(&format!("{}?consent={encoded}", env("DC_EXAMPLE_DASHBOARD"))).await.unwrap();
        wait_css(&c, "#token").await.send_keys(&env("DC_PDNS_KEY")).await.unwrap();
        wait_css(&c, "#embed").await.click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        c.enter_frame(0).await.unwrap();
        let table = text(&c, "[data-testid=changes]").await;
        assert!(table.contains("192.0.2.99"), "{table}");
        let href = c.current_url().await.unwrap().to_string();
        assert!(!href.contains(&env("DC_PDNS_KEY")));
        let stored = c.execute("return JSON.stringify(Object.assign({}, sessionStorage, localStorage))", vec![]).await.unwrap();
        assert!(!stored.as_str().unwrap_or("").contains(&env("DC_PDNS_KEY")), "a handed-over key is kept in memory only: {stored}");
        wait_css(&c, "[data-testid=cancel]").await.click().await.unwrap();
        wait_text(&c, "[data-testid=outcome]", |t| t.contains("Cancelled")).await.unwrap();
        c.enter_parent_frame().await.unwrap();
        let events = wait_text(&c, "#events", |t| t.contains("dc-cancelled")).await.unwrap();
        let kinds: Vec<String> = events.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["type"].as_str().unwrap().to_string()).collect();
        assert_eq!(kinds, ["dc-need-credential", "dc-ready", "dc-cancelled"], "{events}");
        assert!(events.contains("\"domain\":\"arnoldblinn.com\""), "{events}");
        c.screenshot().await.map(|png| std::fs::write(target("example-dashboard.png"), png)).unwrap().unwrap();
        // The same page opens the screen as a popup: the messages go to the opener.
        let dashboard = c.window().await.unwrap();
        let before = c.windows().await.unwrap();
        wait_css(&c, "#popup").await.click().await.unwrap();
        let popup = loop {
            if let Some(w) = c.windows().await.unwrap().into_iter().find(|w| !before.contains(w)) {
                break w;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        c.switch_to_window(popup.clone()).await.unwrap();
        let opener = c.execute("return [window.opener === null, typeof window.opener, location.href]", vec![]).await.unwrap();
        let table = wait_text(&c, "[data-testid=changes]", |t| t.contains("192.0.2.99")).await;
        if table.is_err() {
            c.switch_to_window(dashboard.clone()).await.unwrap();
            let events = text(&c, "#events").await;
            panic!("the popup got no credential; opener: {opener}; the dashboard heard: {events:?}");
        }
        // Cancel in a popup closes it, after telling the opener.
        wait_css(&c, "[data-testid=cancel]").await.click().await.unwrap();
        for _ in 0..50 {
            if !c.windows().await.unwrap().contains(&popup) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(!c.windows().await.unwrap().contains(&popup), "the popup closes itself on Cancel");
        c.switch_to_window(dashboard).await.unwrap();
        let events = wait_text(&c, "#events", |t| t.matches("dc-cancelled").count() == 2).await;
        let events = events.unwrap_or_else(|t| panic!("the popup's messages reach its opener: {t:?}"));
        assert_eq!(events.lines().count(), 6, "{events}");
    })
    .await;
}
