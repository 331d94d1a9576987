//! The tools bundle: template preview and support replay.

use super::*;

#[tokio::test]
async fn replay_explains_a_reported_url() {
    with_browser("replay", |c| async move {
        let base = env("DC_SANDBOX_APP");
        let reported = format!("https://dns.example{}&Host=www", SIGNED);
        let q: String = reported.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
        c.goto(&format!("{base}/replay?url={q}")).await.unwrap();
        let ok = text(&c, "[data-testid=replay-ok]").await;
        assert!(ok.contains("exampleservice.domainconnect.org/template2 on bar.arnoldblinn.com"), "{ok}");
        let main = text(&c, "main").await;
        assert!(main.contains("\"Host\" is a template variable, not the reserved \"host\""), "{main}");
        assert!(main.contains("domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar&Host=www"), "signed bytes: {main}");
        let area = wait_css(&c, "#replay-url").await;
        area.clear().await.unwrap();
        area.send_keys("https://dns.example/v2/domainTemplates/providers/p/services/s/apply?domain=a.com&domain=b.com").await.unwrap();
        let err = text(&c, "[data-testid=replay-error]").await;
        assert!(err.contains("\"domain\" appears more than once"), "{err}");
    })
    .await;
}

#[tokio::test]
async fn preview_recomputes_as_the_author_types() {
    with_browser("preview", |c| async move {
        let base = env("DC_SANDBOX_APP");
        c.goto(&format!("{base}/preview?template=exampleservice.domainconnect.org/template2")).await.unwrap();
        // The variables the template takes are prefilled, empty.
        let _ = wait_value(&c, "#pv-vars", |v| v.contains("RANDOMTEXT=")).await;
        let vars = wait_css(&c, "#pv-vars").await;
        vars.clear().await.unwrap();
        vars.send_keys("IP=192.0.2.7\nRANDOMTEXT=shm:preview").await.unwrap();
        c.find(Locator::Css("#pv-host")).await.unwrap().click().await.unwrap();
        let summary = wait_text(&c, "[data-testid=summary]", |s| s.starts_with("3 to add")).await;
        assert!(summary.is_ok(), "at the apex: {summary:?}");
        let table = text(&c, "[data-testid=changes]").await;
        assert!(table.contains("192.0.2.7") && table.contains("shm:preview"), "{table}");
        assert!(table.contains("192.0.2.80"), "the apex A it replaces: {table}");
        // Another host: the same zone, applied again.
        c.find(Locator::Css("#pv-host")).await.unwrap().send_keys("bar").await.unwrap();
        c.find(Locator::Css("#pv-domain")).await.unwrap().click().await.unwrap();
        let removed = wait_text(&c, "[data-testid=changes]", |t| t.contains("bar.example.com") && t.contains("192.0.2.81")).await;
        assert!(removed.is_ok(), "at host bar, the A record there is removed: {removed:?}");
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
        let vars = wait_css(&c, "#pv-vars").await;
        vars.clear().await.unwrap();
        vars.send_keys("token=abc123").await.unwrap();
        let table = wait_text(&c, "[data-testid=changes]", |t| t.contains("abc123") && t.contains("192.0.2.44")).await;
        assert!(table.is_ok(), "the diff is the edited template's: {table:?}");
        // The whole page, findings and diff included, for a person to look at.
        c.set_window_size(1280, 2400).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        c.screenshot().await.map(|png| std::fs::write(target("workbench.png"), png)).unwrap().unwrap();

        c.set_window_size(360, 800).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let width = c.execute("return document.documentElement.scrollWidth", vec![]).await.unwrap();
        assert!(width.as_u64().unwrap() <= 360, "no sideways scroll at 360 px: {width}");
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
        let table = wait_text(&c, "[data-testid=changes]", |t| t.contains("192.0.2.200") && !t.contains("192.0.2.80")).await;
        assert!(table.is_ok(), "the pasted zone, not the sandbox's, is what the template meets: {table:?}");
        c.find(Locator::Css("#pv-host")).await.unwrap().send_keys("www").await.unwrap();
        c.find(Locator::Css("#pv-domain")).await.unwrap().click().await.unwrap();
        let before = wait_text(&c, "[data-testid=changes]", |t| t.contains("www.example.com")).await.unwrap();
        let editor_before = wait_css(&c, "[data-testid=template-editor]").await.prop("value").await.unwrap();

        wait_css(&c, "[data-testid=permalink]").await.click().await.unwrap();
        let link = wait_css(&c, "[data-testid=permalink-url]").await.prop("value").await.unwrap().unwrap_or_default();
        assert!(link.contains("#s=") && !link.contains("192.0.2.200"), "the state is packed into the fragment: {link}");
        c.goto("about:blank").await.unwrap();
        c.goto(&link).await.unwrap();
        let after = wait_text(&c, "[data-testid=changes]", |t| t.contains("www.example.com")).await.unwrap();
        assert_eq!(after, before, "the same diff");
        assert_eq!(wait_css(&c, "[data-testid=template-editor]").await.prop("value").await.unwrap(), editor_before);
        for (css, want) in [("#pv-vars", "IP=192.0.2.9\nRANDOMTEXT=perm"), ("#pv-host", "www"), ("#pv-domain", "example.com")] {
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
