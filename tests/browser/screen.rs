//! What the consent screen shows besides the diff: screenshots a person looks at
//! (desktop and phone), proxy warnings, invisible characters, error pages with a
//! diagnostic for support, and a 3,500-record zone.

use super::*;

const TEMPLATE2: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply";
/// The same records without a signature requirement.
const TEMPLATE1: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template1/apply";

/// Saved for a person to look at: `target/screenshots/consent-{desktop,360}.png`.
#[tokio::test]
async fn screenshots_of_the_consent_page_at_desktop_and_phone_width() {
    with_browser("screenshots", |c| async move {
        for (w, h, name) in [(1280, 1000, "desktop"), (360, 1400, "360")] {
            c.set_window_size(w, h).await.unwrap();
            c.goto(&format!("{}{SIGNED}", env("DC_SANDBOX_APP"))).await.unwrap();
            wait_css(&c, "[data-testid=changes]").await;
            shot(&c, &format!("consent-{name}")).await;
        }
        // And an unsigned request with a hostile value and a private proxied address.
        c.set_window_size(1280, 1000).await.unwrap();
        c.goto(&format!("{}{TEMPLATE2}?domain=example.com&IP=10.0.0.5&RANDOMTEXT=shm%3Apay%E2%80%8Bpal", env("DC_SANDBOX_APP"))).await.unwrap();
        wait_css(&c, "[data-testid=proxy-toggle]").await.click().await.unwrap();
        wait_css(&c, "[data-testid=proxy-warnings]").await;
        shot(&c, "consent-unsigned-warnings").await;
    })
    .await;
}

#[tokio::test]
async fn a_proxied_record_at_a_private_address_is_warned_about() {
    with_browser("proxy_warning", |c| async move {
        c.goto(&format!("{}{TEMPLATE2}?domain=example.com&IP=10.0.0.5&RANDOMTEXT=shm%3Ax", env("DC_SANDBOX_APP"))).await.unwrap();
        let switch = wait_css(&c, "[data-testid=proxy-toggle]").await;
        assert!(c.find(Locator::Css("[data-testid=proxy-warnings]")).await.is_err(), "DNS only: no warning");
        switch.click().await.unwrap();
        let w = text(&c, "[data-testid=proxy-warnings]").await;
        assert!(w.contains("10.0.0.5") && w.contains("private"), "{w}");
        switch.click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(c.find(Locator::Css("[data-testid=proxy-warnings]")).await.is_err(), "back to DNS only: the warning goes");
    })
    .await;
}

#[tokio::test]
async fn unsigned_requests_are_cautioned_and_invisible_characters_written_out() {
    with_browser("invisible", |c| async move {
        // U+200B ZERO WIDTH SPACE and U+202E RIGHT-TO-LEFT OVERRIDE in the TXT value.
        c.goto(&format!("{}{TEMPLATE2}?domain=example.com&IP=192.0.2.1&RANDOMTEXT=shm%3Apay%E2%80%8Bpal%E2%80%AEtxt", env("DC_SANDBOX_APP"))).await.unwrap();
        assert!(text(&c, "[data-testid=phishing]").await.contains("not vouched for"));
        let table = text(&c, "[data-testid=changes]").await;
        assert!(table.contains("shm:pay⟨U+200B⟩pal⟨U+202E⟩txt"), "{table}");
        assert!(!table.contains('\u{200B}') && !table.contains('\u{202E}'), "never rendered raw");
    })
    .await;
}

#[tokio::test]
async fn an_unknown_template_says_what_to_do_and_gives_a_diagnostic() {
    with_browser("unknown_template", |c| async move {
        c.goto(&format!("{}/v2/domainTemplates/providers/nobody.example/services/mail/apply?domain=example.com", env("DC_SANDBOX_APP"))).await.unwrap();
        let h1 = text(&c, "main h1").await;
        assert_eq!(h1, "This DNS provider does not support mail from nobody.example yet");
        let body = text(&c, "main").await;
        assert!(body.contains("Nothing has been changed") && body.contains("add the records it needs by hand"), "{body}");
        let diag = text(&c, "[data-testid=diagnostic]").await;
        assert!(diag.contains("step: loading the template") && diag.contains("nobody.example"), "{diag}");
        assert!(c.find(Locator::Css("[data-testid=connect]")).await.is_err(), "nothing to connect");
    })
    .await;
}

/// 3,500 records in the sandbox zone: the screen renders, the switches respond, and the
/// time from navigation to Connect enabled is written to `target/browser-large-zone.txt`
/// (measured, not asserted).
#[tokio::test]
async fn a_3500_record_zone_renders_and_stays_responsive() {
    with_browser("large_zone", |c| async move {
        let base = env("DC_SANDBOX_APP");
        let mut records = vec![json!({"type": "A", "name": "@", "data": "192.0.2.80", "ttl": 3600})];
        for i in 0..3499 {
            records.push(match i % 3 {
                0 => json!({"type": "A", "name": format!("h{i}"), "data": format!("198.51.100.{}", i % 250), "ttl": 300}),
                1 => json!({"type": "TXT", "name": format!("t{i}"), "data": format!("token-{i}"), "ttl": 300}),
                _ => json!({"type": "CNAME", "name": format!("c{i}"), "data": "@", "ttl": 300}),
            });
        }
        let zone = serde_json::to_string(&records).unwrap();
        let url = format!("{base}{TEMPLATE1}?domain=big.example&IP=192.0.2.1&RANDOMTEXT=shm%3Ax");
        c.goto(&format!("{base}/no/such/page")).await.unwrap();
        c.execute("localStorage.setItem('dc-sandbox-zone:big.example', arguments[0])", vec![json!(zone)]).await.unwrap();
        let mut times = Vec::new();
        for _ in 0..5 {
            c.goto(&url).await.unwrap();
            wait_css(&c, "[data-testid=connect]:not([disabled])").await;
            let t = c.execute("return performance.now()", vec![]).await.unwrap();
            times.push(t.as_f64().unwrap());
        }
        let summary = text(&c, "[data-testid=summary]").await;
        assert!(summary.contains("3499 other records unchanged"), "{summary}");
        // Responsive: a switch flips and the unchanged list opens.
        let switch = wait_css(&c, "[data-testid=proxy-toggle]").await;
        switch.click().await.unwrap();
        assert_eq!(switch.attr("aria-checked").await.unwrap().as_deref(), Some("true"));
        // Written out 500 at a time, when opened.
        let count = "return document.querySelectorAll('details.unchanged li').length";
        assert_eq!(c.execute(count, vec![]).await.unwrap().as_u64(), Some(0), "nothing written out while closed");
        wait_css(&c, "details.unchanged summary").await.click().await.unwrap();
        assert_eq!(c.execute(count, vec![]).await.unwrap().as_u64(), Some(500));
        let more = wait_css(&c, "[data-testid=more-unchanged]").await;
        assert_eq!(more.text().await.unwrap(), "Show 500 more (of 2999 not shown)");
        more.click().await.unwrap();
        assert_eq!(c.execute(count, vec![]).await.unwrap().as_u64(), Some(1000));
        c.execute("localStorage.removeItem('dc-sandbox-zone:big.example')", vec![]).await.unwrap();
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let line = format!(
            "3,500-record sandbox zone: navigation to Connect enabled, median {:.0} ms of 5 loads (min {:.0}, max {:.0}; polled over WebDriver, so an upper bound)\n",
            times[2], times[0], times[4]
        );
        print!("{line}");
        std::fs::write(target("browser-large-zone.txt"), line).unwrap();
    })
    .await;
}

#[tokio::test]
async fn an_spf_merge_shows_before_and_after_and_underscore_hosts_are_explained() {
    with_browser("spf_and_labels", |c| async move {
        let base = env("DC_SANDBOX_APP");
        c.goto(&format!("{base}/v2/domainTemplates/providers/google.com/services/gmail-setup/apply?domain=example.com&spfrule=include%3A_spf.google.com"))
            .await
            .unwrap();
        let before = text(&c, "[data-testid=spf-before]").await;
        assert_eq!(before, "v=spf1 include:_spf.mail-host.example ~all", "the seed zone's SPF record");
        let row = text(&c, "tr[data-change=add][data-type=TXT]").await;
        assert!(row.contains("include:_spf.mail-host.example") && row.contains("include:_spf.google.com"), "merged: {row}");
        c.goto(&format!("{base}{TEMPLATE1}?domain=example.com&host=_acme-challenge&IP=192.0.2.1&RANDOMTEXT=shm%3Ax")).await.unwrap();
        let labels = text(&c, "[data-testid=service-labels]").await;
        assert!(labels.starts_with("_acme-challenge: a name starting with an underscore"), "{labels}");
    })
    .await;
}
