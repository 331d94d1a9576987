//! How the page gets at the records API as a provider's own site would let it: the
//! customer's session cookie (`auth: session`), or a token the dashboard hands over
//! (`auth: dashboard`) that may have expired. Both behind nginx, started by the test
//! command, with PowerDNS's API at the site's own origin.

use super::records::{pdns_zone, reset_zone};
use super::*;
use domain_connect::records_api;

/// `auth: session` behind a real reverse proxy (nginx, the provider's own site) that
/// admits the records API only with the customer's session cookie: without it the zone
/// cannot be read and nothing is offered; with it Connect applies; a session that ends
/// before Connect applies nothing.
#[tokio::test]
async fn a_session_cookie_admits_the_records_api_and_nothing_is_applied_without_it() {
    with_browser("powerdns_session", |c| async move {
        reset_zone();
        let before = pdns_zone();
        let site = env("DC_SESSION_APP");
        // No session: the read is refused (401) and said so; no Connect.
        c.goto(&format!("{site}{SIGNED}")).await.unwrap();
        let said = wait_text(&c, "[data-testid=load-error]", |t| !t.is_empty()).await;
        assert!(said.as_deref().is_ok_and(|t| t.contains("401")), "{said:?}");
        assert!(c.find(Locator::Css("[data-testid=connect]")).await.is_err());
        // Signed in (the provider's cookie on its own site): the page reads the zone and applies.
        c.execute("document.cookie = 'dc_session=valid; path=/'", vec![]).await.unwrap();
        c.goto(&format!("{site}{SIGNED}")).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let outcome = wait_text(&c, "[data-testid=outcome]", |t| t.contains("Done") || t.contains("not")).await;
        assert!(outcome.as_deref().is_ok_and(|t| t.contains("Done")), "{outcome:?}");
        assert!(!records_api::diff(&before, &pdns_zone()).is_empty(), "applied");
        // The session ends between the preview and Connect: nothing is applied.
        reset_zone();
        c.goto(&format!("{site}{SIGNED}")).await.unwrap();
        wait_css(&c, "[data-testid=changes]").await;
        c.execute("document.cookie = 'dc_session=; path=/; max-age=0'", vec![]).await.unwrap();
        wait_css(&c, "[data-testid=connect]").await.click().await.unwrap();
        let failed = wait_text(&c, "[data-testid=apply-failed]", |t| !t.is_empty()).await;
        assert!(failed.as_deref().is_ok_and(|t| t.contains("not applied") && t.contains("Nothing was changed")), "{failed:?}");
        assert!(records_api::diff(&before, &pdns_zone()).is_empty(), "nothing half-applied");
        shot(&c, "session-ended").await;
        reset_zone();
    })
    .await;
}

/// `auth: dashboard` with a token that has expired: the records API refuses it (401),
/// the page forgets it, says so, tells the dashboard why, and does not try the same
/// token again (the example dashboard answers every ask with what it holds: no loop);
/// nothing is read or applied until a new one comes, then the page proceeds.
#[tokio::test]
async fn an_expired_dashboard_token_is_refused_once_and_a_new_one_is_waited_for() {
    with_browser("dashboard_expired", |c| async move {
        reset_zone();
        // The provider's own site (nginx, PowerDNS's API at the same origin), so that
        // PowerDNS's 401 reaches the page as an answer rather than a CORS failure.
        let consent = format!("{}{SIGNED}", env("DC_TOKEN_APP"));
        let encoded: String = consent.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
        c.goto(&format!("{}?consent={encoded}", env("DC_EXAMPLE_DASHBOARD"))).await.unwrap();
        wait_css(&c, "#token").await.send_keys("expired-token").await.unwrap();
        wait_css(&c, "#embed").await.click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        c.enter_frame(0).await.unwrap();
        let said = wait_text(&c, "[data-testid=credential-refused]", |t| !t.is_empty()).await;
        if said.is_err() {
            let body = text(&c, "body").await;
            c.enter_parent_frame().await.unwrap();
            panic!("no refusal shown; the page: {body}; the dashboard heard: {}", text(&c, "#events").await);
        }
        assert!(said.as_deref().is_ok_and(|t| t.contains("may have expired")), "{said:?}");
        assert!(c.find(Locator::Css("[data-testid=changes]")).await.is_err(), "nothing read with a refused token");
        c.enter_parent_frame().await.unwrap();
        // The dashboard re-sent the same token when asked again: ignored, no loop.
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let events = text(&c, "#events").await;
        let asks: Vec<&str> = events.lines().filter(|l| l.contains("dc-need-credential")).collect();
        assert_eq!(asks.len(), 2, "asked once, then once more saying why: {events}");
        assert!(asks[1].contains("\"reason\":\"refused\""), "{events}");
        // A new token: the page reads the zone and offers Connect.
        let token = wait_css(&c, "#token").await;
        token.clear().await.unwrap();
        token.send_keys(&env("DC_PDNS_KEY")).await.unwrap();
        wait_css(&c, "#send").await.click().await.unwrap();
        c.enter_frame(0).await.unwrap();
        let table = wait_text(&c, "[data-testid=changes]", |t| t.contains("192.0.2.99")).await;
        assert!(table.is_ok(), "{table:?}");
        c.enter_parent_frame().await.unwrap();
        reset_zone();
    })
    .await;
}
