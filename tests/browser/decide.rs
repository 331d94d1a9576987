//! The consent screen decides: Connect applies exactly the core's change set on the
//! sandbox provider (with the proxy choices), Cancel returns with access_denied, and a
//! refused request or redirect_uri is never acted on.

use super::*;
use domain_connect::{review, zone, ApplyUrl, KeyAnswer, Policy, Signatures, Template, ZoneInput};

const UNSIGNED_WITH_RETURN: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template1/apply?domain=example.com&IP=192.0.2.10&RANDOMTEXT=shm%3A1%3Ax&redirect_uri=https%3A%2F%2Fexampleservice.domainconnect.org%2Fdone&state=abc";

fn public(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public").join(path)).unwrap()
}

/// What the core says the sandbox zone becomes when `url` is applied to the seed zone.
fn expected_final_zone(url: &str, template_file: &str) -> Vec<domain_connect::ZoneRecord> {
    let seed = zone::from_json(&public("sandbox-zone.json")).unwrap();
    let template = Template::from_json(&public(&format!("templates/{template_file}"))).unwrap();
    let u = ApplyUrl::parse(url).unwrap();
    let policy = Policy { signatures: Signatures::Preview, ..Policy::default() };
    let r = review(&u, &template, &KeyAnswer::NotAsked, ZoneInput::Records(&seed), &policy);
    r.changes.unwrap().sorted_final_zone(&seed)
}

/// Wait (up to 10 s) for the browser to be at `want`; the last address seen.
pub(super) async fn wait_url(c: &Client, want: &str) -> String {
    let mut now = String::new();
    for _ in 0..100 {
        now = c.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        if now == want {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    now
}

pub(super) async fn stored(c: &Client, key: &str) -> Option<String> {
    let v = c.execute("return localStorage.getItem(arguments[0])", vec![json!(key)]).await.unwrap();
    v.as_str().map(String::from)
}

#[tokio::test]
async fn connect_applies_exactly_the_core_final_zone_with_the_proxy_choices() {
    with_browser("connect_sandbox", |c| async move {
        let base = env("DC_SANDBOX_APP");
        c.goto(&format!("{base}{SIGNED}")).await.unwrap();
        c.execute("localStorage.clear()", vec![]).await.unwrap();
        c.goto(&format!("{base}{SIGNED}")).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        // The A record at bar can be proxied; the TXT cannot (no switch); the CNAME can.
        let switches = c.find_all(Locator::Css("[data-testid=proxy-toggle]")).await.unwrap();
        assert_eq!(switches.len(), 2, "A and CNAME are proxiable, TXT is not");
        assert_eq!(switches[0].attr("aria-checked").await.unwrap().as_deref(), Some("false"));
        switches[0].click().await.unwrap();
        assert_eq!(switches[0].attr("aria-checked").await.unwrap().as_deref(), Some("true"));
        let connect = wait_css(&c, "[data-testid=connect]").await;
        connect.click().await.unwrap();
        let outcome = wait_text(&c, "[data-testid=outcome]", |t| t.contains("Done")).await;
        assert!(outcome.is_ok(), "{outcome:?}");
        let stored_zone = stored(&c, "dc-sandbox-zone:arnoldblinn.com").await.expect("the sandbox zone is stored");
        let mut got = zone::from_json(&stored_zone).unwrap();
        domain_connect::record::sort_canonical(&mut got);
        let url = format!("https://dns.example{SIGNED}");
        assert_eq!(got, expected_final_zone(&url, "exampleservice.domainconnect.org.template2.json"), "the stored zone is the core's final zone");
        let proxied: Value = serde_json::from_str(&stored(&c, "dc-sandbox-proxied:arnoldblinn.com").await.unwrap()).unwrap();
        assert_eq!(proxied, json!([true, null, false]), "A proxied, TXT not proxiable, CNAME DNS only");
        // A second click applies nothing more: the button is disabled and the zone unchanged.
        assert!(!connect.is_enabled().await.unwrap());
        let _ = connect.click().await;
        assert_eq!(stored(&c, "dc-sandbox-zone:arnoldblinn.com").await.unwrap(), stored_zone);
    })
    .await;
}

#[tokio::test]
async fn cancel_returns_to_an_allowed_redirect_uri_with_access_denied() {
    with_browser("cancel_redirect", |c| async move {
        c.goto(&format!("{}{UNSIGNED_WITH_RETURN}", env("DC_SANDBOX_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        assert!(wait_css(&c, "[data-testid=connect]").await.is_enabled().await.unwrap());
        wait_css(&c, "[data-testid=cancel]").await.click().await.unwrap();
        let want = "https://exampleservice.domainconnect.org/done?state=abc&error=access_denied&error_description=user_cancel";
        assert_eq!(wait_url(&c, want).await, want);
    })
    .await;
}

#[tokio::test]
async fn a_refused_request_or_redirect_uri_is_never_acted_on() {
    with_browser("refused", |c| async move {
        let base = env("DC_SANDBOX_APP");
        let evil = UNSIGNED_WITH_RETURN.replace("https%3A%2F%2Fexampleservice.domainconnect.org%2Fdone", "https%3A%2F%2Fevil.example%2F");
        let page = format!("{base}{evil}");
        c.goto(&page).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        assert!(!wait_css(&c, "[data-testid=connect]").await.is_enabled().await.unwrap(), "a refused redirect_uri refuses the request");
        assert!(text(&c, "[data-testid=refusals]").await.contains("evil.example"));
        wait_css(&c, "[data-testid=cancel]").await.click().await.unwrap();
        let outcome = wait_text(&c, "[data-testid=outcome]", |t| t.contains("close this window")).await;
        assert!(outcome.is_ok(), "{outcome:?}");
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(c.current_url().await.unwrap().to_string(), page, "never navigated");
        // A tampered request: Connect disabled, Cancel still offered.
        c.goto(&format!("{base}{}", SIGNED.replace("IP=132.148.25.185", "IP=203.0.113.66"))).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        assert!(!wait_css(&c, "[data-testid=connect]").await.is_enabled().await.unwrap());
        assert!(wait_css(&c, "[data-testid=cancel]").await.is_enabled().await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn connect_lands_on_the_allowed_redirect_uri_with_state() {
    with_browser("connect_redirect", |c| async move {
        c.goto(&format!("{}{UNSIGNED_WITH_RETURN}", env("DC_SANDBOX_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let want = "https://exampleservice.domainconnect.org/done?state=abc";
        assert_eq!(wait_url(&c, want).await, want);
    })
    .await;
}
