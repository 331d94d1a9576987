//! The page's configuration: `config.json`, fetched at start. With no file the app
//! runs on its embedded default (bundled templates, sandbox keys, sandbox provider).
//! Every key is documented in the README; unknown keys are errors, so a typo shows.

use crate::net::HttpResponse;
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where templates come from, tried in order.
    pub templates: Vec<TemplateSource>,
    /// Where Service Providers' public keys are read.
    pub doh: Doh,
    /// The DNS provider's records API.
    pub records_api: RecordsApi,
    /// Initial proxy toggle per `providerId/serviceId` (or `*`), per record type.
    pub proxy_defaults: domain_connect::review::ProxyDefaults,
    pub branding: Branding,
    /// Origins of the provider's dashboards that may embed this page and hand it a
    /// records-API credential (postMessage `{"type": "dc-credential", "token": …}`).
    pub dashboard_origins: Vec<String>,
}

/// How the page gets the records-API credential it does not find in config.json.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Auth {
    /// The provider's own session: requests carry its cookies (same site), no header.
    Session,
    /// Handed over by the embedding dashboard (postMessage from `dashboard_origins`).
    Dashboard,
    /// Typed by the operator, kept in memory (or this tab's sessionStorage if asked).
    #[default]
    Typed,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TemplateSource {
    /// The templates bundled with the app (`templates/index.json`).
    Bundled,
    /// `{base}{providerId}.{serviceId}.json` (lowercased, as the public repository names files).
    Url { base: String },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Doh {
    /// Keys from the bundled `keys/{host}.txt` files (offline; for the examples).
    #[default]
    Sandbox,
    /// RFC 8484 DNS-over-HTTPS (`application/dns-message`, GET `?dns=`).
    Wire { url: String },
    /// The JSON dialect (`application/dns-json`) of public resolvers.
    Json { url: String },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum RecordsApi {
    /// An in-browser provider: zones in localStorage, seeded with an example zone.
    #[default]
    Sandbox,
    /// PowerDNS Authoritative's HTTP API.
    Powerdns {
        base: String,
        server_id: String,
        /// The `X-API-Key`, for loopback testing only; when absent, `auth` says how the
        /// page gets it.
        api_key: Option<String>,
        auth: Auth,
    },
    /// Cloudflare's v4 API: a bearer token, got as `auth` says.
    Cloudflare { base: String, auth: Auth },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Branding {
    pub name: String,
    /// A logo URL (same origin, or listed in the CSP by the build).
    pub logo: Option<String>,
    /// Accent colour, `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
}

impl Default for Branding {
    fn default() -> Self {
        Self { name: default_name(), logo: None, accent: None }
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            templates: default_templates(),
            doh: Doh::default(),
            records_api: RecordsApi::default(),
            proxy_defaults: Default::default(),
            branding: Branding::default(),
            dashboard_origins: Vec::new(),
        }
    }
}

fn default_templates() -> Vec<TemplateSource> {
    vec![TemplateSource::Bundled]
}
fn localhost() -> String {
    "localhost".into()
}
fn cloudflare_base() -> String {
    "https://api.cloudflare.com/client/v4".into()
}
fn default_name() -> String {
    "Domain Connect".into()
}

/// Why the configuration cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigError {
    /// `/config.json` could not be fetched at all.
    Unreachable(String),
    /// The server answered with an HTML page: a static host's single-page fallback
    /// serving `index.html` for a missing file.
    AnsweredWithHtml,
    /// An HTTP status other than 2xx or 404.
    Http(u16),
    /// The file is not a valid configuration: at which key, and why.
    Invalid(String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreachable(e) => write!(f, "GET /config.json failed: {e}"),
            Self::AnsweredWithHtml => write!(
                f,
                "GET /config.json answered with an HTML page, not the configuration: the host serves its single-page fallback for a missing file. Put a config.json beside index.html (`cargo xtask build` writes one holding the defaults)."
            ),
            Self::Http(s) => write!(f, "GET /config.json: HTTP {s}"),
            Self::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl Config {
    /// The configuration from the answer to `GET /config.json`: 404 is the embedded
    /// default; an HTML page (a host's SPA fallback) is told apart from a broken file.
    pub fn from_response(resp: &HttpResponse) -> Result<(Config, String), ConfigError> {
        match resp.status {
            404 => Ok((Config::default(), "embedded default (no config.json)".into())),
            200..=299 if resp.is_html() => Err(ConfigError::AnsweredWithHtml),
            200..=299 => Config::from_json(&resp.text()).map(|c| (c, "config.json".into())).map_err(ConfigError::Invalid),
            s => Err(ConfigError::Http(s)),
        }
    }

    /// Parse `config.json`; the error names the key that is wrong.
    /// Read `config.json`; an error names the key that is wrong (`records_api.kind`).
    pub fn from_json(text: &str) -> Result<Config, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| {
            let path = domain_connect::json_path::of_error(text, &e);
            format!("config.json, at {}: {e}", if path.is_empty() { "the top level".into() } else { path })
        })?;
        Self::from_value(&v).map_err(|(at, e)| format!("config.json, at {at}: {e}"))
    }

    fn from_value(v: &Value) -> Result<Config, (String, String)> {
        let top = object(v, "the top level")?;
        let mut cfg = Config::default();
        for (key, val) in top {
            match key.as_str() {
                "templates" => {
                    let list = val.as_array().ok_or_else(|| ("templates".to_string(), "expected a list".to_string()))?;
                    cfg.templates = list.iter().enumerate().map(|(i, t)| template_source(t, &format!("templates[{i}]"))).collect::<Result<_, _>>()?;
                }
                "doh" => cfg.doh = doh(val)?,
                "records_api" => cfg.records_api = records_api(val)?,
                "proxy_defaults" => cfg.proxy_defaults = proxy_defaults(val)?,
                "branding" => cfg.branding = branding(val)?,
                "dashboard_origins" => cfg.dashboard_origins = origins(val)?,
                other => {
                    return Err((other.to_string(), "unknown key (known: templates, doh, records_api, proxy_defaults, branding, dashboard_origins)".into()))
                }
            }
        }
        Ok(cfg)
    }
}

/// Where a setting is wrong, and why.
type Wrong = (String, String);

fn object<'a>(v: &'a Value, at: &str) -> Result<&'a Map<String, Value>, Wrong> {
    v.as_object().ok_or_else(|| (at.to_string(), "expected an object".to_string()))
}

/// A `{"kind": …}` setting: its kind, checked against `kinds` with the fields each may
/// have, and its object.
fn tagged<'v, 'k>(v: &'v Value, at: &str, kinds: &[(&'k str, &[&str])]) -> Result<(&'k str, &'v Map<String, Value>), Wrong> {
    let o = object(v, at)?;
    let known: Vec<&str> = kinds.iter().map(|(k, _)| *k).collect();
    let kind = o.get("kind").and_then(Value::as_str).ok_or_else(|| (format!("{at}.kind"), format!("missing; one of {}", known.join(", "))))?;
    let Some((kind, fields)) = kinds.iter().find(|(k, _)| *k == kind) else {
        return Err((format!("{at}.kind"), format!("unknown kind {kind:?}, expected one of {}", known.join(", "))));
    };
    if let Some(extra) = o.keys().find(|k| *k != "kind" && !fields.contains(&k.as_str())) {
        return Err((format!("{at}.{extra}"), format!("kind {kind:?} has no such field (it has: {})", fields.join(", "))));
    }
    Ok((kind, o))
}

/// An optional string field.
fn string(o: &Map<String, Value>, at: &str, field: &str) -> Result<Option<String>, Wrong> {
    match o.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err((format!("{at}.{field}"), "expected a string".into())),
    }
}

fn required(o: &Map<String, Value>, at: &str, field: &str) -> Result<String, Wrong> {
    string(o, at, field)?.ok_or_else(|| (format!("{at}.{field}"), "missing".into()))
}

fn template_source(v: &Value, at: &str) -> Result<TemplateSource, Wrong> {
    Ok(match tagged(v, at, &[("bundled", &[]), ("url", &["base"])])? {
        ("bundled", _) => TemplateSource::Bundled,
        (_, o) => TemplateSource::Url { base: required(o, at, "base")? },
    })
}

fn doh(v: &Value) -> Result<Doh, Wrong> {
    Ok(match tagged(v, "doh", &[("sandbox", &[]), ("wire", &["url"]), ("json", &["url"])])? {
        ("sandbox", _) => Doh::Sandbox,
        ("wire", o) => Doh::Wire { url: required(o, "doh", "url")? },
        (_, o) => Doh::Json { url: required(o, "doh", "url")? },
    })
}

fn records_api(v: &Value) -> Result<RecordsApi, Wrong> {
    let at = "records_api";
    Ok(match tagged(v, at, &[("sandbox", &[]), ("powerdns", &["base", "server_id", "api_key", "auth"]), ("cloudflare", &["base", "auth"])])? {
        ("sandbox", _) => RecordsApi::Sandbox,
        ("powerdns", o) => RecordsApi::Powerdns {
            base: required(o, at, "base")?,
            server_id: string(o, at, "server_id")?.unwrap_or_else(localhost),
            api_key: string(o, at, "api_key")?,
            auth: auth(o)?,
        },
        (_, o) => RecordsApi::Cloudflare { base: string(o, at, "base")?.unwrap_or_else(cloudflare_base), auth: auth(o)? },
    })
}

fn auth(o: &Map<String, Value>) -> Result<Auth, Wrong> {
    Ok(match string(o, "records_api", "auth")?.as_deref() {
        None | Some("typed") => Auth::Typed,
        Some("session") => Auth::Session,
        Some("dashboard") => Auth::Dashboard,
        Some(other) => return Err(("records_api.auth".into(), format!("{other:?}: expected session, dashboard or typed"))),
    })
}

/// A list of origins (`https://dash.example`, no path).
fn origins(v: &Value) -> Result<Vec<String>, Wrong> {
    let list = v.as_array().ok_or_else(|| ("dashboard_origins".to_string(), "expected a list of origins".to_string()))?;
    list.iter()
        .enumerate()
        .map(|(i, o)| {
            let at = format!("dashboard_origins[{i}]");
            let o = o.as_str().ok_or_else(|| (at.clone(), "expected a string".to_string()))?;
            let rest = o.strip_prefix("https://").or_else(|| o.strip_prefix("http://"));
            match rest {
                Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ']) => Ok(o.to_string()),
                _ => Err((at, format!("{o:?} is not an origin (scheme://host[:port], nothing after)"))),
            }
        })
        .collect()
}

/// `{"providerId/serviceId" or "*": {"A": true, …}}`.
fn proxy_defaults(v: &Value) -> Result<domain_connect::review::ProxyDefaults, Wrong> {
    let mut out = std::collections::BTreeMap::new();
    for (template, types) in object(v, "proxy_defaults")? {
        let at = format!("proxy_defaults.{template}");
        let mut per_type = std::collections::BTreeMap::new();
        for (rtype, on) in object(types, &at)? {
            let on = on.as_bool().ok_or_else(|| (format!("{at}.{rtype}"), "expected true or false".to_string()))?;
            per_type.insert(rtype.clone(), on);
        }
        out.insert(template.clone(), per_type);
    }
    Ok(domain_connect::review::ProxyDefaults(out))
}

fn branding(v: &Value) -> Result<Branding, Wrong> {
    let o = object(v, "branding")?;
    if let Some(extra) = o.keys().find(|k| !["name", "logo", "accent"].contains(&k.as_str())) {
        return Err((format!("branding.{extra}"), "unknown key (known: name, logo, accent)".into()));
    }
    let accent = string(o, "branding", "accent")?;
    if let Some(a) = &accent {
        let hex = a.strip_prefix('#').unwrap_or("");
        if !(hex.len() == 3 || hex.len() == 6) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(("branding.accent".into(), format!("{a:?} is not a #rgb or #rrggbb colour")));
        }
    }
    Ok(Branding { name: string(o, "branding", "name")?.unwrap_or_else(default_name), logo: string(o, "branding", "logo")?, accent })
}
