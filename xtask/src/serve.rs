//! Serving `dist/` on loopback as a provider's host would: tower-http's `ServeDir` for
//! the files (the brotli or gzip copy the build wrote when the browser accepts it,
//! ranges, conditional requests), any other path (the app's routes) answered with the
//! app's page, its CSP rendered for the configuration this instance serves, and the
//! headers of [`crate::web::page_headers`] and [`crate::web::cache_control`] — or, as
//! [`Site::static_host`], exactly as an ordinary static host with a single-page
//! fallback serves `dist/`, headers and compression left out.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Response, StatusCode};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

pub struct Site {
    pub dist: PathBuf,
    /// `config.json` as served (`None`: the file in `dist/`).
    pub config: Option<String>,
    pub index: String,
    /// The headers of a page response ([`crate::web::page_headers`]); none for a host
    /// that ignores `_headers`.
    pub page_headers: Vec<(&'static str, String)>,
    /// An ordinary static host: every path that is not a file gets `index.html` with
    /// status 200 (hashed assets, `config.json` and templates included).
    pub spa_fallback_everywhere: bool,
    /// Leave `config.json` out, as an operator who forgot it would.
    pub without_config: bool,
}

impl Site {
    pub fn new(dist: PathBuf, config: Option<String>) -> Result<Site, String> {
        let template = std::fs::read_to_string(dist.join(crate::web::TEMPLATE)).map_err(|e| e.to_string())?;
        let shipped = std::fs::read_to_string(dist.join("config.json")).ok();
        let effective = config.as_deref().or(shipped.as_deref());
        let index = crate::web::render(&template, effective)?;
        let page_headers = crate::web::page_headers(effective)?;
        Ok(Site { dist, config, index, page_headers, spa_fallback_everywhere: false, without_config: false })
    }

    /// `dist/` as a static host serves it: files as built, `index.html` for the rest.
    pub fn static_host(dist: PathBuf, without_config: bool) -> Result<Site, String> {
        let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
        Ok(Site { dist, config: None, index, page_headers: Vec::new(), spa_fallback_everywhere: true, without_config })
    }

    /// What a path is answered with.
    fn answer(&self, path: &str) -> Answer {
        let rel = Path::new(path.trim_start_matches('/'));
        let safe = rel.components().all(|c| matches!(c, Component::Normal(_)));
        let hidden = rel.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let is_file = safe
            && !hidden
            && !path.ends_with('/')
            && path != "/index.html"
            && self.dist.join(rel).is_file()
            && !(self.without_config && path == "/config.json");
        if is_file && !(path == "/config.json" && self.config.is_some()) {
            Answer::File
        } else if self.spa_fallback_everywhere {
            Answer::Page
        } else if path == "/config.json" && self.config.is_some() {
            Answer::Config
        } else if path.contains('.') && !path.contains("/apply") && !path.starts_with("/v2/") {
            Answer::NotFound
        } else {
            Answer::Page
        }
    }
}

#[derive(Debug, PartialEq)]
enum Answer {
    File,
    Page,
    Config,
    NotFound,
}

async fn respond(State(site): State<Arc<Site>>, req: Request) -> Response<Body> {
    let path = req.uri().path().to_string();
    let text = |ctype: &'static str, body: String| {
        let mut r = Response::new(Body::from(body));
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
        r
    };
    let mut response = match site.answer(&path) {
        Answer::File => {
            let files = ServeDir::new(&site.dist).append_index_html_on_directories(false);
            let files = if site.spa_fallback_everywhere { files } else { files.precompressed_br().precompressed_gzip() };
            match files.oneshot(req).await {
                Ok(r) => r.map(Body::new),
                Err(e) => match e {},
            }
        }
        Answer::Page => text("text/html; charset=utf-8", site.index.clone()),
        Answer::Config => text("application/json", site.config.clone().unwrap_or_default()),
        Answer::NotFound => {
            let mut r = text("text/plain; charset=utf-8", "not found".into());
            *r.status_mut() = StatusCode::NOT_FOUND;
            r
        }
    };
    let h = response.headers_mut();
    let page = h.get(header::CONTENT_TYPE).is_some_and(|c| c.as_bytes().starts_with(b"text/html"));
    for (k, v) in site.page_headers.iter().filter(|_| page) {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(*k, v);
        }
    }
    let cache = if page { "no-cache" } else { crate::web::cache_control(&path) };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // A catalogue is public text another origin's page may read (an operator's
    // catalogues on a CDN of their own).
    if path.ends_with(".ftl") {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    }
    response
}

/// Serve until the process ends, on a thread of its own.
pub fn spawn(listener: std::net::TcpListener, site: Site) {
    let compress = !site.spa_fallback_everywhere;
    let app = axum::Router::new().fallback(respond).with_state(Arc::new(site));
    // What the build did not precompress (the page, config.json, templates), compressed
    // as it is sent; precompressed files already carry their encoding and pass through.
    let app = if compress { app.layer(CompressionLayer::new()) } else { app };
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime");
        rt.block_on(async move {
            let _ = listener.set_nonblocking(true);
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                return;
            };
            let _ = axum::serve(listener, app).await;
        });
    });
}

#[cfg(test)]
mod tests;
