//! Hostile sizes in the tools: a 10 MB HAR opened in the replay, a 200,000-record zone
//! pasted into the workbench, a template of 10,000 records. Each gives a result or a
//! clear message, and the page stays usable. The longest main-thread task each causes
//! (the browser's Long Tasks API) is written to `target/long-tasks.txt` — a report,
//! not an assertion.

use super::*;

/// Start counting long tasks (over 50 ms) from now.
async fn watch_long_tasks(c: &Client) {
    c.execute(
        "window.__long = []; if (!window.__watching) { window.__watching = true; \
         new PerformanceObserver(l => { for (const e of l.getEntries()) window.__long.push(e.duration) }).observe({type: 'longtask'}); }",
        vec![],
    )
    .await
    .unwrap();
}

/// The longest task since [`watch_long_tasks`], and how many there were, after a quiet second.
async fn long_tasks(c: &Client) -> (f64, usize) {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let v = c.execute("return [Math.max(0, ...window.__long), window.__long.length]", vec![]).await.unwrap();
    (v[0].as_f64().unwrap(), v[1].as_u64().unwrap() as usize)
}

/// Set a text area as a paste would (one input event with the whole text), the text
/// made in the page by `make` (a JS expression) rather than sent over WebDriver.
async fn paste(c: &Client, css: &str, make: &str) {
    let script = format!("const t = document.querySelector('{css}'); t.value = {make}; t.dispatchEvent(new Event('input', {{bubbles: true}}));");
    c.execute(&script, vec![]).await.unwrap();
}

/// Wait up to 60 s for the first of `outcomes` (selector, text it must hold) to show;
/// its index and text.
async fn first_of(c: &Client, outcomes: &[(&str, &str)]) -> (usize, String) {
    for _ in 0..600 {
        for (i, (css, holds)) in outcomes.iter().enumerate() {
            if let Ok(e) = c.find(Locator::Css(css)).await {
                let t = e.text().await.unwrap_or_default();
                if t.contains(holds) {
                    return (i, t);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("none of {outcomes:?} within 60 s")
}

fn report(lines: &[String]) {
    let text = lines.join("\n") + "\n";
    eprint!("{text}");
    std::fs::write(target("long-tasks.txt"), text).unwrap();
}

/// A HAR of about `mb` MB: many ordinary requests with their response bodies, and the
/// signed example's apply request among them.
fn big_har(mb: usize) -> String {
    let body = "x".repeat(20_000);
    let mut entries = Vec::new();
    let n = mb * 1_000_000 / 20_300;
    for i in 0..n {
        let url = if i == n / 2 { format!("https://dns.example{SIGNED}") } else { format!("https://cdn.example/asset/{i}.js") };
        entries.push(json!({
            "startedDateTime": "2026-11-30T10:00:00Z",
            "request": {"method": "GET", "url": url, "headers": [], "queryString": []},
            "response": {"status": 200, "content": {"size": body.len(), "mimeType": "text/javascript", "text": body}}
        }));
    }
    json!({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": entries}}).to_string()
}

#[tokio::test]
async fn hostile_sizes_give_a_result_or_a_message_and_the_longest_task_is_reported() {
    with_browser("hostile_sizes", |c| async move {
        let base = env("DC_SANDBOX_APP");
        let mut lines = Vec::new();

        // 1. A 10 MB HAR opened in the replay: the apply request in it is listed.
        let har = big_har(10);
        let path = target("big.har");
        std::fs::write(&path, &har).unwrap();
        c.goto(&format!("{base}/replay")).await.unwrap();
        let input = wait_css(&c, "[data-testid=har-file]").await;
        watch_long_tasks(&c).await;
        input.send_keys(path.to_str().unwrap()).await.unwrap();
        let (which, said) = first_of(&c, &[("[data-testid=har-requests]", "apply"), ("[data-testid=file-problem]", ""), ("[data-testid=har-error]", "")]).await;
        assert_eq!(which, 0, "the apply request is found in a {} byte HAR: {said}", har.len());
        let (longest, count) = long_tasks(&c).await;
        lines.push(format!("HAR of {} bytes: listed its apply request; longest task {longest:.0} ms ({count} over 50 ms)", har.len()));

        // 2. A zone of 200,000 records pasted into the workbench.
        c.goto(&format!("{base}/preview?template=exampleservice.domainconnect.org/template2")).await.unwrap();
        for (var, value) in [("IP", "192.0.2.7"), ("RANDOMTEXT", "shm:big")] {
            wait_css(&c, &format!("[data-var={var}]")).await.send_keys(value).await.unwrap();
        }
        wait_css(&c, "[data-testid=summary]").await;
        watch_long_tasks(&c).await;
        let zone = "Array.from({length: 200000}, (_, i) => `h${i} 300 IN A 192.0.2.${i % 250 + 1}`).join('\\n')";
        paste(&c, "[data-testid=zone-input]", zone).await;
        let (which, said) = first_of(&c, &[("[data-testid=summary]", "200000"), ("[data-testid=summary]", "200,000"), ("[data-testid=zone-error]", "")]).await;
        assert!(which < 2, "a result for the 200,000-record zone: {said}");
        let (longest, count) = long_tasks(&c).await;
        lines.push(format!("zone of 200,000 records pasted: {said:?}; longest task {longest:.0} ms ({count} over 50 ms)"));
        // Its unchanged records are written out a page at a time, when asked for.
        watch_long_tasks(&c).await;
        wait_css(&c, "[data-testid=result-apex] details.unchanged summary").await.click().await.unwrap();
        let more = text(&c, "[data-testid=result-apex] [data-testid=more-unchanged]").await;
        assert_eq!(more, "Show 500 more (of 199500 not shown)");
        let items = c.execute("return document.querySelectorAll('[data-testid=result-apex] details.unchanged li').length", vec![]).await.unwrap();
        assert_eq!(items, json!(500));
        let (longest, _) = long_tasks(&c).await;
        lines.push(format!("  its unchanged records opened (500 of 200,000 written): longest task {longest:.0} ms"));

        // 3. A template of 10,000 records.
        c.goto(&format!("{base}/preview?template=exampleservice.domainconnect.org/template2")).await.unwrap();
        wait_css(&c, "[data-testid=template-editor]").await;
        watch_long_tasks(&c).await;
        let template = "JSON.stringify({providerId: 'big.example', providerName: 'Big', serviceId: 'many', serviceName: 'Many', version: 1, \
                        records: Array.from({length: 10000}, (_, i) => ({type: 'TXT', host: `t${i}`, data: `v=${i}`, ttl: 300}))}, null, 2)";
        paste(&c, "[data-testid=template-editor]", template).await;
        let (which, said) =
            first_of(&c, &[("[data-testid=summary]", "10000 to add"), ("[data-testid=summary]", "10,000 to add"), ("[data-testid=parse-error]", "")]).await;
        assert!(which < 2, "a result for the 10,000-record template: {said}");
        let (longest, count) = long_tasks(&c).await;
        lines.push(format!("template of 10,000 records: {said:?}; longest task {longest:.0} ms ({count} over 50 ms)"));
        // The page still answers.
        assert_eq!(c.execute("return 1 + 1", vec![]).await.unwrap(), json!(2));
        report(&lines);
    })
    .await;
}
