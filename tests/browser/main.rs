//! The browser tier: real headless Chromium over WebDriver (chromedriver), against the
//! release build served by `cargo xtask test`, with real PowerDNS (and dnsdist) behind
//! it. Run through `cargo xtask test`, which starts those servers and passes their
//! addresses in `DC_*` variables; without them these tests fail (they never skip).

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::future::Future;
use std::time::Duration;

mod auth;
mod cloudflare;
mod consent;
mod consequences;
mod decide;
mod deploy;
mod faults;
mod locales;
mod records;
mod replay;
mod screen;
mod sizes;
mod soak;
mod tools;

const SIGNED: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar&sig=LyCE%2B7H0zr%2FXHaxX36pdD1eSQENRiGTFxm79m7A5NLDPiUKLe71IrsEgnDLN76ndQcLTZlr4%2BHhpWzKZKyFl9ieEpNzZlDHRp35H83Erhm0eDctUmI1Zct51alZ8RuTL%2Baa29WC%2BAM7%2BgSpnL%2FAHl9mxckyeEuFFqXcl%2F3ShwK2F9x%2F7r%2BcICefiUEzsZN3EuqOvwqQkBSqcdVy%2FohjNAG%2FInYAYSX%2B0fUK9UNQfQYkuPqOAptPRjX%2BhUnYsXUk%2FeQq16aX7TzhZm%2BeEq%2BEn%2BoiEgh7qps1yvGbJm6QXKovan%2Fsqng40R6FBP3R3dvfZC6QrfCUtGpQ8c0D0S5oLBw%3D%3D&key=_dck1";

const ROUTES: [&str; 5] = ["/", "/preview?template=exampleservice.domainconnect.org/template2", "/replay", SIGNED, "/no/such/page"];

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run the browser tier through `cargo xtask test`, which starts the servers"))
}

/// A fresh Chromium; `languages` (`de-DE,de`), when given, is what the browser asks
/// for (`navigator.languages`), as a user's setting would.
async fn browser(languages: Option<&str>) -> Client {
    let mut args = vec![
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--no-first-run".into(),
        "--window-size=1280,900".into(),
    ];
    let mut prefs = json!({});
    if let Some(l) = languages {
        args.push(format!("--lang={}", l.split(',').next().unwrap_or(l)));
        args.push(format!("--accept-lang={l}"));
        prefs = json!({"intl.accept_languages": l});
    }
    let caps = json!({
        "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args, "prefs": prefs },
        "goog:loggingPrefs": {"browser": "ALL"}
    });
    let caps = caps.as_object().unwrap().clone();
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&env("DC_WEBDRIVER"))
        .await
        .expect("chromedriver session")
}

/// Run a test body in a fresh browser; on failure save a screenshot under
/// `target/browser-failures/` for a person to look at, then fail.
async fn with_browser<F, Fut>(name: &str, body: F)
where
    F: FnOnce(Client) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_browser_in(None, name, body).await
}

/// [`with_browser`] in a browser set to `languages`.
async fn with_browser_in<F, Fut>(languages: Option<&str>, name: &str, body: F)
where
    F: FnOnce(Client) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let c = browser(languages).await;
    let task = tokio::spawn(body(c.clone()));
    let abort = task.abort_handle();
    let outcome = match tokio::time::timeout(Duration::from_secs(180), task).await {
        Ok(r) => r,
        Err(_) => {
            abort.abort();
            Err(tokio::spawn(async { panic!("the test took more than 180 s") }).await.unwrap_err())
        }
    };
    if outcome.is_err() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-failures");
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = c.screenshot().await {
            let path = dir.join(format!("{name}.png"));
            let _ = std::fs::write(&path, png);
            eprintln!("screenshot of the failure: {}", path.display());
        }
    }
    let _ = c.close().await;
    if let Err(e) = outcome {
        match e.try_into_panic() {
            Ok(p) => std::panic::resume_unwind(p),
            Err(e) => panic!("{name}: {e}"),
        }
    }
}

/// The browser console since the last call (chromedriver's log endpoint).
async fn console(c: &Client) -> Vec<Value> {
    let id = c.session_id().await.unwrap().expect("session id");
    let url = format!("{}/session/{id}/se/log", env("DC_WEBDRIVER"));
    let body = json!({"type": "browser"}).to_string();
    let out = http_request("POST", &url, &[("Content-Type", "application/json")], &body).body;
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("log endpoint: {e}: {out}"));
    v["value"].as_array().cloned().unwrap_or_default()
}

/// An HTTP answer: status, headers (names lowercase), body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    /// A header's value ("" when absent).
    fn header(&self, name: &str) -> String {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }
}

/// One HTTP request through hyper-util's client, on a thread and runtime of its own so
/// that sync and async code alike may call it; it gives up after 20 s.
fn http_request(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    use http_body_util::{BodyExt, Full};
    let uri: hyper::Uri = url::Url::parse(url).unwrap_or_else(|e| panic!("{url}: {e}")).as_str().parse().unwrap();
    let mut req = hyper::Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(Full::new(hyper::body::Bytes::from(body.to_string()))).unwrap();
    let what = format!("{method} {url}");
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();
            let send = async {
                let resp = client.request(req).await.unwrap_or_else(|e| panic!("{what}: {e}"));
                let status = resp.status().as_u16();
                let headers =
                    resp.headers().iter().map(|(k, v)| (k.as_str().to_ascii_lowercase(), String::from_utf8_lossy(v.as_bytes()).into_owned())).collect();
                let bytes = resp.into_body().collect().await.unwrap_or_else(|e| panic!("{what}: {e}")).to_bytes();
                Answer { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
            };
            tokio::time::timeout(Duration::from_secs(20), send).await.unwrap_or_else(|_| panic!("{what}: no answer in 20 s"))
        })
    })
    .join()
    .unwrap()
}

/// One HTTP/1.1 request read from a connection, for the test servers that stand in
/// for a provider (a proxy, Cloudflare's API): its request line, its header lines
/// (`Name: value`, as sent) and its body (`Content-Length` bytes). `None` when the
/// connection closes first.
struct Request {
    line: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn read(stream: &std::net::TcpStream) -> Option<Request> {
        use std::io::{BufRead, BufReader, Read};
        let mut r = BufReader::new(stream.try_clone().ok()?);
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if r.read_line(&mut h).ok()? == 0 {
                return None;
            }
            if h == "\r\n" || h == "\n" {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        let len = headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("content-length")).and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
        let mut body = vec![0; len];
        r.read_exact(&mut body).ok()?;
        Some(Request { line: line.trim_end().to_string(), headers, body })
    }

    /// The value of a header, by name in any case.
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// The innermost elements that reach past the right edge of the window, for a message.
const WIDER_THAN_THE_SCREEN: &str = "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1 && ![...e.children].some(k => k.getBoundingClientRect().right > innerWidth + 1)).slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')";

/// Resize the window and give the page a moment to lay itself out again.
async fn resize(c: &Client, width: u32, height: u32) {
    c.set_window_size(width, height).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// Assert the page needs no sideways scroll in a window `width` px wide: it is no
/// wider than that, nor than the window; when it is, say which elements reach past.
async fn assert_no_sideways_scroll(c: &Client, width: u64, page: &str) {
    let sizes = c.execute("return [document.documentElement.scrollWidth, window.innerWidth]", vec![]).await.unwrap();
    let (scroll, inner) = (sizes[0].as_u64().unwrap(), sizes[1].as_u64().unwrap());
    let wide = c.execute(WIDER_THAN_THE_SCREEN, vec![]).await.unwrap();
    assert!(
        scroll <= width && scroll <= inner,
        "{page}: no sideways scroll at {width} px, but the page is {scroll} px wide (window {inner}); too wide: {wide}"
    );
}

/// Save what the page shows as `target/screenshots/{name}.png`, to be looked at.
async fn shot(c: &Client, name: &str) {
    std::fs::create_dir_all(target("screenshots")).unwrap();
    std::fs::write(target(&format!("screenshots/{name}.png")), c.screenshot().await.unwrap()).unwrap();
}

/// A file under the crate's `target/` (reports and screenshots the tests write).
fn target(file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join(file)
}

async fn wait_css(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait().at_most(Duration::from_secs(20)).for_element(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}"))
}

async fn text(c: &Client, css: &str) -> String {
    wait_css(c, css).await.text().await.unwrap()
}

/// Wait until the text of `css` satisfies `ok`; the last text seen when it never does.
async fn wait_text(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> Result<String, String> {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            last = e.text().await.unwrap_or_default();
            if ok(&last) {
                return Ok(last);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(last)
}

/// Like [`wait_text`], for a form control's value (a textarea's text is not its value).
async fn wait_value(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> Result<String, String> {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            last = e.prop("value").await.ok().flatten().unwrap_or_default();
            if ok(&last) {
                return Ok(last);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(last)
}

/// The files a page fetched itself (scripts, wasm, styles), as paths.
async fn fetched(c: &Client) -> Vec<String> {
    let v = c.execute("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)", vec![]).await.unwrap();
    v.as_array().unwrap().iter().filter_map(|p| p.as_str().map(String::from)).collect()
}

fn brotli_size(path: &std::path::Path) -> usize {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() };
    brotli::BrotliCompress(&mut raw.as_slice(), &mut out, &params).unwrap();
    out.len()
}
