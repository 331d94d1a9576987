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
        let vars = wait_css(&c, "#pv-vars").await;
        for _ in 0..100 {
            if vars.prop("value").await.unwrap().unwrap_or_default().contains("RANDOMTEXT=") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
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
