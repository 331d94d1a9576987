//! The tools bundle: the template workbench.

use super::*;

#[tokio::test]
async fn preview_recomputes_as_the_author_types() {
    with_browser("preview", |c| async move {
        let base = env("DC_SANDBOX_APP");
        c.goto(&format!("{base}/preview?template=exampleservice.domainconnect.org/template2")).await.unwrap();
        // A field for each variable the template takes, empty; typing re-applies at once.
        for (var, value) in [("IP", "192.0.2.7"), ("RANDOMTEXT", "shm:preview")] {
            let field = wait_css(&c, &format!("[data-var={var}]")).await;
            assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(""), "{var}");
            field.send_keys(value).await.unwrap();
        }
        let apex = "[data-testid=result-apex] [data-testid=changes]";
        let summary = wait_text(&c, "[data-testid=result-apex] [data-testid=summary]", |s| s.starts_with("3 to add")).await;
        assert!(summary.is_ok(), "at the apex: {summary:?}");
        let table = text(&c, apex).await;
        assert!(table.contains("192.0.2.7") && table.contains("shm:preview"), "{table}");
        assert!(table.contains("192.0.2.80"), "the apex A it replaces: {table}");
        // Beside it, the same request at a host: www when none is given, then the one typed.
        let side = text(&c, "[data-testid=result-host] h2").await;
        assert_eq!(side, "At www.example.com");
        c.find(Locator::Css("#pv-host")).await.unwrap().send_keys("bar").await.unwrap();
        c.find(Locator::Css("#pv-domain")).await.unwrap().click().await.unwrap();
        let removed = wait_text(&c, "[data-testid=result-host] [data-testid=changes]", |t| t.contains("bar.example.com") && t.contains("192.0.2.81")).await;
        assert!(removed.is_ok(), "at host bar, the A record there is removed: {removed:?}");
        assert!(text(&c, apex).await.contains("192.0.2.80"), "the apex side stays the apex");
    })
    .await;
}

/// The author's workbench: the home page's example opens with values (no error), the
/// dropdown names the template, the JSON is edited in the page with parse errors at
/// their line and lint as the author types, the diff follows the edited template, and
/// the page fits a 360 px phone.
#[tokio::test]
async fn the_workbench_edits_lints_and_previews_a_template() {
    with_browser("workbench", |c| async move {
        let base = env("DC_SANDBOX_APP");
        c.goto(&format!("{base}/")).await.unwrap();
        wait_css(&c, "[data-testid=example-preview]").await.click().await.unwrap();
        let summary = wait_text(&c, "[data-testid=summary]", |s| s.starts_with("3 to add")).await;
        assert!(summary.is_ok(), "the example opens with values and a result: {summary:?}");
        assert!(c.find(Locator::Css(".problem")).await.is_err(), "and no error");
        let chosen = c.execute("const s = document.querySelector('#pv-template'); return s.options[s.selectedIndex].text", vec![]).await.unwrap();
        assert_eq!(chosen, json!("exampleservice.domainconnect.org.template2"), "the dropdown names the template shown");
        let lint = text(&c, "[data-testid=lint-summary]").await;
        assert!(lint.contains("finding"), "{lint}");

        // Broken JSON: the line it breaks on, and nothing computed.
        let editor = wait_css(&c, "[data-testid=template-editor]").await;
        editor.clear().await.unwrap();
        editor.send_keys("{\n  \"providerId\": \"example.com\",\n  \"records\": [\n}").await.unwrap();
        let err = text(&c, "[data-testid=parse-error]").await;
        assert!(err.contains("line 4"), "{err}");
        assert!(c.find(Locator::Css("[data-testid=changes]")).await.is_err(), "nothing is computed from a broken template");

        // A template of the author's own: lint names what is doubtful, the diff follows.
        editor.clear().await.unwrap();
        let own = r#"{"providerId": "example.com", "providerName": "Example", "serviceId": "own", "serviceName": "Own", "version": 1,
 "records": [{"type": "TXT", "host": "_foo", "data": "%token%", "ttl": 300}, {"type": "A", "host": "@", "pointsTo": "192.0.2.44", "ttl": 300}]}"#;
        editor.send_keys(own).await.unwrap();
        let lint = wait_text(&c, "[data-testid=lint]", |t| t.contains("DCTL1021")).await;
        assert!(lint.as_ref().is_ok_and(|t| t.contains("_foo") && t.contains("DCTL1029")), "{lint:?}");
        wait_css(&c, "[data-var=token]").await.send_keys("abc123").await.unwrap();
        let table = wait_text(&c, "[data-testid=result-apex] [data-testid=changes]", |t| t.contains("abc123") && t.contains("192.0.2.44")).await;
        assert!(table.is_ok(), "the diff is the edited template's: {table:?}");
        // The whole page, findings and diff included, for a person to look at.
        resize(&c, 1280, 2400).await;
        c.screenshot().await.map(|png| std::fs::write(target("workbench.png"), png)).unwrap().unwrap();

        resize(&c, 360, 800).await;
        assert_no_sideways_scroll(&c, 360, "the workbench").await;
        c.screenshot().await.map(|png| std::fs::write(target("workbench-360.png"), png)).unwrap().unwrap();
    })
    .await;
}

/// A pasted BIND zone drives the diff, and a permalink restores the whole workbench
/// (template, variables, domain, host, zone) exactly, from its fragment alone.
#[tokio::test]
async fn a_pasted_zone_drives_the_diff_and_a_permalink_round_trips_the_workbench() {
    with_browser("workbench_permalink", |c| async move {
        let base = env("DC_SANDBOX_APP");
        c.goto(&format!("{base}/preview?template=exampleservice.domainconnect.org/template2&IP=192.0.2.9&RANDOMTEXT=perm")).await.unwrap();
        wait_text(&c, "[data-testid=summary]", |s| s.starts_with("3 to add")).await.unwrap();
        let zone = wait_css(&c, "[data-testid=zone-input]").await;
        zone.send_keys("$ORIGIN example.com.\n@ 3600 IN A 192.0.2.200\nwww 3600 IN CNAME example.com.\n").await.unwrap();
        let table = wait_text(&c, "[data-testid=result-apex] [data-testid=changes]", |t| t.contains("192.0.2.200") && !t.contains("192.0.2.80")).await;
        assert!(table.is_ok(), "the pasted zone, not the sandbox's, is what the template meets: {table:?}");
        c.find(Locator::Css("#pv-host")).await.unwrap().send_keys("mail").await.unwrap();
        c.find(Locator::Css("#pv-domain")).await.unwrap().click().await.unwrap();
        // Not multi-aware: a choice the link keeps too.
        wait_css(&c, "[data-testid=multi-aware]").await.click().await.unwrap();
        let host_side = "[data-testid=result-host] [data-testid=changes]";
        let before = wait_text(&c, host_side, |t| t.contains("mail.example.com")).await.unwrap();
        let editor_before = wait_css(&c, "[data-testid=template-editor]").await.prop("value").await.unwrap();

        wait_css(&c, "[data-testid=permalink]").await.click().await.unwrap();
        let link = wait_css(&c, "[data-testid=permalink-url]").await.prop("value").await.unwrap().unwrap_or_default();
        assert!(link.contains("#s=") && !link.contains("192.0.2.200"), "the state is packed into the fragment: {link}");
        c.goto("about:blank").await.unwrap();
        c.goto(&link).await.unwrap();
        let after = wait_text(&c, host_side, |t| t.contains("mail.example.com")).await.unwrap();
        assert_eq!(after, before, "the same diff");
        assert_eq!(wait_css(&c, "[data-testid=template-editor]").await.prop("value").await.unwrap(), editor_before);
        let multi = c.find(Locator::Css("[data-testid=multi-aware]")).await.unwrap().prop("checked").await.unwrap();
        assert_eq!(multi.as_deref(), Some("false"), "multi-aware stays off");
        for (css, want) in [("[data-var=IP]", "192.0.2.9"), ("[data-var=RANDOMTEXT]", "perm"), ("#pv-host", "mail"), ("#pv-domain", "example.com")] {
            assert_eq!(c.find(Locator::Css(css)).await.unwrap().prop("value").await.unwrap().as_deref(), Some(want), "{css}");
        }
        let zone = c.find(Locator::Css("[data-testid=zone-input]")).await.unwrap().prop("value").await.unwrap().unwrap_or_default();
        assert!(zone.contains("192.0.2.200"), "{zone}");
        // A damaged link says so instead of showing an empty page.
        let damaged = format!("{}#s=AAAA", link.split('#').next().unwrap());
        c.goto("about:blank").await.unwrap();
        c.goto(&damaged).await.unwrap();
        let problem = text(&c, "[data-testid=link-problem]").await;
        assert!(problem.contains("cannot be opened"), "{problem}");
    })
    .await;
}

/// "Copy as Markdown" holds the apex and a host, each with what is added and removed.
#[tokio::test]
async fn the_workbench_writes_markdown_of_the_apex_and_a_host() {
    with_browser("workbench_markdown", |c| async move {
        let base = env("DC_SANDBOX_APP");
        c.goto(&format!("{base}/preview?template=exampleservice.domainconnect.org/template2&IP=192.0.2.5&RANDOMTEXT=md")).await.unwrap();
        wait_text(&c, "[data-testid=summary]", |s| s.starts_with("3 to add")).await.unwrap();
        let text = wait_value(&c, "[data-testid=markdown]", |t| t.contains("At host `www`")).await.unwrap_or_else(|t| t);
        assert!(text.starts_with("### Preview of `exampleservice.domainconnect.org/template2`"), "{text}");
        assert!(text.contains("#### At the apex (example.com)") && text.contains("#### At host `www` (www.example.com)"), "{text}");
        assert!(text.contains("| + | A | @ | 192.0.2.5 |"), "the apex A added: {text}");
        assert!(text.contains("| − | A | @ | 192.0.2.80 |"), "the sandbox's apex A removed, with why: {text}");
        assert!(text.contains("`IP=192.0.2.5`"), "{text}");
    })
    .await;
}

/// A template loaded by its ids; groups: ticking one applies only its records (the others'
/// variables are not needed).
#[tokio::test]
async fn the_workbench_applies_only_the_groups_ticked() {
    with_browser("workbench_groups", |c| async move {
        let base = env("DC_SANDBOX_APP");
        // Loaded by its ids from the configured template source, typed in the page.
        c.goto(&format!("{base}/preview?VERIFYTXT=MS%3Dms4711")).await.unwrap();
        wait_css(&c, "[data-testid=template-ids]").await.send_keys("microsoft.com/o365\u{E004}").await.unwrap();
        let editor = wait_value(&c, "[data-testid=template-editor]", |t| t.contains("\"providerId\": \"microsoft.com\"") && t.contains("%VERIFYTXT%")).await;
        assert!(editor.is_ok(), "{editor:?}");
        assert_eq!(text(&c, "[data-testid=variable-description]").await, "Self explanatory in the variable names.", "the template's variableDescription");
        let apex = "[data-testid=result-apex]";
        wait_text(&c, apex, |t| t.contains("At the apex")).await.unwrap();
        let groups = c.find_all(Locator::Css("[data-group]")).await.unwrap().len();
        assert_eq!(groups, 7, "a box for each of the template's groups");
        wait_css(&c, "[data-group=Verification]").await.click().await.unwrap();
        let one = wait_text(&c, &format!("{apex} [data-testid=summary]"), |s| s.starts_with("1 to add")).await;
        assert!(one.is_ok(), "only the Verification TXT: {one:?}");
        let table = text(&c, &format!("{apex} [data-testid=changes]")).await;
        assert!(table.contains("MS=ms4711") && !table.contains("autodiscover"), "{table}");
    })
    .await;
}

/// Sign a test URL: a key made in the page signs the request in the draft's canonical
/// form and in the order given; each checks out as the consent page checks it; the
/// key's TXT, published in the sandbox key store, makes the consent route verify it;
/// and the private key is nowhere in the browser's storage.
#[tokio::test]
async fn a_url_signed_on_the_workbench_verifies_on_the_consent_route() {
    with_browser("workbench_sign", |c| async move {
        let base = env("DC_SANDBOX_APP");
        c.goto(&format!("{base}/preview?template=exampleservice.domainconnect.org/template2&IP=192.0.2.31&RANDOMTEXT=signed%20here")).await.unwrap();
        wait_text(&c, "[data-testid=summary]", |s| s.starts_with("3 to add")).await.unwrap();
        wait_css(&c, "[data-testid=sign] summary").await.click().await.unwrap();
        wait_css(&c, "[data-testid=generate-key]").await.click().await.unwrap();
        let pem = wait_value(&c, "[data-testid=private-key]", |v| v.contains("BEGIN PRIVATE KEY")).await;
        assert!(pem.is_ok(), "{pem:?}");
        wait_css(&c, "[data-testid=sign-url]").await.click().await.unwrap();
        let verdict = wait_text(&c, "[data-testid=sign-verdict]", |t| !t.is_empty()).await.unwrap();
        assert!(verdict.contains("the signature verifies"), "{verdict}");
        let url = wait_value(&c, "[data-testid=signed-url]", |v| v.contains("&sig=")).await.unwrap();
        let query = url.split_once('?').unwrap().1;
        assert!(query.starts_with("IP=192.0.2.31&RANDOMTEXT=signed%20here&domain=example.com&sig="), "canonical: sorted, RFC 3986: {url}");
        assert!(url.ends_with("&key=_dcwb1"), "{url}");
        let txt = wait_value(&c, "[data-testid=key-txt]", |v| v.contains("p=1,")).await.unwrap();
        assert!(txt.starts_with("_dcwb1.exampleservice.domainconnect.org. 3600 IN TXT \"p=1,a=RS256,t=x509,d="), "{txt}");
        assert!(txt.lines().all(|l| l.split('"').nth(1).is_some_and(|s| s.len() <= 255)), "{txt}");

        // The order given (v2.3): the same values, other bytes, and it verifies too.
        wait_css(&c, "[data-testid=canonical]").await.click().await.unwrap();
        wait_css(&c, "[data-testid=sign-url]").await.click().await.unwrap();
        let legacy = wait_value(&c, "[data-testid=signed-url]", |v| v.split_once('?').is_some_and(|(_, q)| q.starts_with("domain="))).await.unwrap();
        assert!(legacy.contains("RANDOMTEXT=signed+here"), "form-encoded: {legacy}");
        assert!(text(&c, "[data-testid=sign-verdict]").await.contains("the signature verifies"));

        wait_css(&c, "[data-testid=publish-key]").await.click().await.unwrap();
        let open = wait_css(&c, "[data-testid=open-consent]").await.attr("href").await.unwrap().unwrap();
        assert!(open.starts_with("/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain="), "{open}");
        let stored = c.execute("return Object.keys(localStorage).map(k => localStorage.getItem(k)).join('\\n')", vec![]).await.unwrap();
        assert!(!stored.as_str().unwrap_or_default().contains("PRIVATE"), "the private key is not stored: {stored}");
        c.goto(&format!("{base}{open}")).await.unwrap();
        let sig = text(&c, "[data-testid=signature]").await;
        assert!(sig.contains("signature verifies"), "on the consent route: {sig}");
        let table = text(&c, "[data-testid=changes]").await;
        assert!(table.contains("192.0.2.31") && table.contains("signed here"), "{table}");
        c.screenshot().await.map(|png| std::fs::write(target("workbench-signed-consent.png"), png)).unwrap().unwrap();
    })
    .await;
}
