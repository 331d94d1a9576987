//! The one network adapter: every request the app makes goes through [`fetch`], so
//! what the page talks to is exactly what its configuration names (and the CSP allows).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

/// How long a request may take before it is given up (the page then says so, and
/// after an apply reads the zone again to see what happened).
pub const TIMEOUT_MS: u32 = 30_000;

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
    fetch_as(method, url, headers, body, false).await
}

/// [`fetch`], carrying the site's cookies when `with_session` (a DNS provider's own
/// session, `credentials: "include"`).
pub async fn fetch_as(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>, with_session: bool) -> Result<HttpResponse, String> {
    let what = format!("{method} {url}");
    let init = RequestInit::new();
    init.set_method(method);
    if with_session {
        init.set_credentials(web_sys::RequestCredentials::Include);
    }
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let h = Headers::new().map_err(|e| format!("{what}: {e:?}"))?;
    for (k, v) in headers {
        h.set(k, v).map_err(|e| format!("{what}: header {k}: {e:?}"))?;
    }
    init.set_headers(&h);
    if let Some(b) = body {
        let arr = js_sys::Uint8Array::from(b);
        init.set_body(&arr);
    }
    let req = Request::new_with_str_and_init(url, &init).map_err(|e| format!("{what}: {e:?}"))?;
    let window = web_sys::window().ok_or("no window")?;
    let resp: Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(|e| format!("{what}: network error ({})", js_error(&e)))?
        .dyn_into()
        .map_err(|_| format!("{what}: not a Response"))?;
    let buf =
        JsFuture::from(resp.array_buffer().map_err(|e| format!("{what}: {e:?}"))?).await.map_err(|e| format!("{what}: reading the body: {}", js_error(&e)))?;
    let arr = js_sys::Uint8Array::new(&buf);
    if arr.length() as usize > MAX_BODY {
        return Err(format!("{what}: the response is larger than {MAX_BODY} bytes"));
    }
    let content_type = resp.headers().get("content-type").ok().flatten();
    Ok(HttpResponse { status: resp.status(), content_type, body: arr.to_vec() })
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

fn js_error(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| format!("{e:?}"))
}

/// Wait `ms` milliseconds (the browser's timer).
#[cfg_attr(not(any(feature = "powerdns", feature = "cloudflare")), allow(dead_code))]
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
