//! The one network adapter: every request the app makes goes through [`fetch`], so
//! what the page talks to is exactly what its configuration names (and the CSP allows).
//! The requests themselves are gloo-net's (the browser's fetch, typed).

use gloo_net::http::{Method, RequestBuilder};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

/// How long a request may take before it is given up, in seconds (config.json's
/// `timeout_seconds`; the page then says so, and after an apply reads the zone again
/// to see what happened).
static TIMEOUT_SECONDS: AtomicU32 = AtomicU32::new(dc_config::DEFAULT_TIMEOUT_SECONDS);

/// Give up every later request after `seconds` (the configuration, once read).
pub fn set_timeout_seconds(seconds: u32) {
    TIMEOUT_SECONDS.store(seconds, Relaxed);
}

/// Why a request got no answer: what was asked and what happened, and whether it was
/// given up unanswered (a change given up may still be carried out by the server).
#[derive(Debug, Clone)]
pub struct Failure {
    pub text: String,
    pub timed_out: bool,
}

impl From<Failure> for String {
    fn from(f: Failure) -> String {
        f.text
    }
}

impl From<String> for Failure {
    fn from(text: String) -> Failure {
        Failure { text, timed_out: false }
    }
}

/// Largest response body read (a zone of 200,000 records is well under this).
pub const MAX_BODY: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    /// The `Content-Type` header, when there is one.
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
    /// An HTML page where a file was asked for: a static host's single-page fallback
    /// answering a missing file with `index.html` (status 200).
    pub fn is_html(&self) -> bool {
        self.content_type.as_deref().is_some_and(|t| t.to_ascii_lowercase().contains("html"))
            || self.body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
    }

    /// Not there: a 404, or the host's HTML fallback page in its place.
    pub fn missing(&self) -> bool {
        self.status == 404 || (self.ok() && self.is_html())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP request. `body` is sent as is; `headers` are (name, value) pairs.
pub async fn fetch(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Result<HttpResponse, String> {
    Ok(fetch_as(method, url, headers, body, false).await?)
}

fn method_of(m: &str) -> Method {
    match m {
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        "PATCH" => Method::PATCH,
        "DELETE" => Method::DELETE,
        "HEAD" => Method::HEAD,
        _ => Method::GET,
    }
}

/// [`fetch`], carrying the site's cookies when `with_session` (a DNS provider's own
/// session, `credentials: "include"`). A read (`GET`, `HEAD`) that fails on the way (a
/// connection dropped, a gateway's 502/503/504) is tried again, twice at most, after
/// 300 ms and then 1.2 s — not after a timeout, which already waited. A write is
/// never tried again: what it did is settled by reading the zone again.
pub async fn fetch_as(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>, with_session: bool) -> Result<HttpResponse, Failure> {
    let read = matches!(method, "GET" | "HEAD");
    let mut waits = [300, 1200].into_iter();
    loop {
        let started = js_sys::Date::now();
        let answer = fetch_once(method, url, headers, body, with_session).await;
        let passing = match &answer {
            Ok(r) => matches!(r.status, 502..=504),
            Err(f) => !f.timed_out && js_sys::Date::now() - started < 5_000.0,
        };
        match waits.next() {
            Some(ms) if read && passing => sleep(ms).await,
            _ => return answer,
        }
    }
}

async fn fetch_once(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>, with_session: bool) -> Result<HttpResponse, Failure> {
    let what = format!("{method} {url}");
    let seconds = TIMEOUT_SECONDS.load(Relaxed);
    let signal = web_sys::AbortSignal::timeout_with_u32(seconds.saturating_mul(1000));
    // Given up by the timeout's signal: said so, and marked (unlike a connection lost).
    let failed = |e: String| match signal.aborted() {
        true => Failure { text: format!("{what}: no answer within {seconds} s"), timed_out: true },
        false => Failure { text: e, timed_out: false },
    };
    let mut b = RequestBuilder::new(url).method(method_of(method)).abort_signal(Some(&signal));
    if with_session {
        b = b.credentials(web_sys::RequestCredentials::Include);
    }
    for (k, v) in headers {
        // The browser throws on a header it cannot send (a typed token with a line
        // break, say); refuse it here, as an error the page shows.
        if !is_header(k, v) {
            return Err(format!("{what}: the header {k:?} cannot be sent (a control character, or a character outside Latin-1)").into());
        }
        b = b.header(k, v);
    }
    let req = match body {
        Some(bytes) => b.body(js_sys::Uint8Array::from(bytes)),
        None => b.build(),
    }
    .map_err(|e| Failure::from(format!("{what}: {e}")))?;
    let resp = req.send().await.map_err(|e| failed(format!("{what}: network error ({e})")))?;
    let status = resp.status();
    let content_type = resp.headers().get("content-type");
    // The body as the browser's ArrayBuffer, measured before it is copied into wasm memory.
    let raw: web_sys::Response = resp.into();
    let buf = JsFuture::from(raw.array_buffer().map_err(|e| Failure::from(format!("{what}: {}", js_error(&e))))?)
        .await
        .map_err(|e| failed(format!("{what}: reading the body: {}", js_error(&e))))?;
    let arr = js_sys::Uint8Array::new(&buf);
    if arr.length() as usize > MAX_BODY {
        return Err(format!("{what}: the response is larger than {MAX_BODY} bytes").into());
    }
    Ok(HttpResponse { status, content_type, body: arr.to_vec() })
}

/// A header name (an RFC 9110 token) and value the fetch API accepts.
fn is_header(name: &str, value: &str) -> bool {
    !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        && value.chars().all(|c| (c as u32) <= 0xFF && c != '\r' && c != '\n' && c != '\0')
}

/// GET a same-origin or configured URL as text; non-2xx is an error naming the status.
pub async fn get_text(url: &str) -> Result<String, String> {
    let r = fetch("GET", url, &[], None).await?;
    if r.ok() {
        Ok(r.text())
    } else {
        Err(format!("GET {url}: HTTP {}", r.status))
    }
}

/// What a JavaScript exception says: its message, or the value itself.
pub(crate) fn js_error(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| format!("{e:?}"))
}

/// A bundle loaded on first use through `boot.js`'s loader `loader` (`dcExplain`,
/// `dcWords`: each imports its script and wasm once): its module. A page built without
/// it (`trunk serve`) says so.
pub async fn bundle(loader: &str) -> Result<wasm_bindgen::JsValue, String> {
    use js_sys::{Function, Promise, Reflect};
    let window = web_sys::window().ok_or("no window")?;
    let load: Function = Reflect::get(&window, &loader.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("this page was built without {loader}'s bundle (cargo xtask build writes it)"))?;
    let module = load.call0(&wasm_bindgen::JsValue::NULL).map_err(|e| js_error(&e))?;
    JsFuture::from(Promise::from(module)).await.map_err(|e| format!("{loader}'s bundle did not load: {}", js_error(&e)))
}

/// Call `name` of the explain bundle with string arguments; its answer as a string.
pub async fn explain(name: &str, args: &[&str]) -> Result<String, String> {
    use js_sys::{Array, Function, Reflect};
    let module = bundle("dcExplain").await?;
    let f: Function = Reflect::get(&module, &name.into()).ok().and_then(|f| f.dyn_into().ok()).ok_or_else(|| format!("the explain bundle has no {name}"))?;
    let list: Array = args.iter().map(|a| wasm_bindgen::JsValue::from_str(a)).collect();
    f.apply(&wasm_bindgen::JsValue::NULL, &list).map_err(|e| js_error(&e))?.as_string().ok_or_else(|| format!("{name} answered no text"))
}

/// Wait `ms` milliseconds (the browser's timer).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
