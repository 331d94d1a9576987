//! The deployment's `config.json`, typed — one reader for the app (in the browser) and
//! for `cargo xtask` (the CSP, the records-API adapter compiled in, the host headers).
//! Every key is documented in the README. Unknown keys are errors, so a typo shows;
//! an error names the key that is wrong (`records_api.kind`), as `serde_path_to_error`
//! would (the tests hold the two alike).

use domain_connect::review::ProxyDefaults;
use serde::{Deserialize, Deserializer};
use std::fmt;

/// The whole file. Every key may be left out (the embedded default: bundled
/// templates, sandbox keys, the in-browser sandbox provider).
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where templates come from, tried in order.
    pub templates: Vec<TemplateSource>,
    /// Where Service Providers' public keys are read.
    pub doh: Doh,
    /// The DNS provider's records API.
    pub records_api: RecordsApi,
    /// Initial proxy toggle per `providerId/serviceId` (or `*`), per record type.
    pub proxy_defaults: ProxyDefaults,
    /// Name, logo and accent colour.
    pub branding: Branding,
    /// Origins of the provider's dashboards that may embed this page and hand it a
    /// records-API credential (postMessage `{"type": "dc-credential", "token": …}`).
    pub dashboard_origins: Vec<String>,
    /// Build time only: a directory of templates (`*.json`) that `cargo xtask build` adds
    /// to the bundled ones in `catalogue.json`, which names the services a removal
    /// breaks. The page does not read it.
    pub catalogue_dir: Option<String>,
    /// How long any request of the page may go unanswered before it is given up, in
    /// seconds (1–600). A write given up is settled by reading the zone again.
    pub timeout_seconds: u32,
}

/// The default of [`Config::timeout_seconds`].
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 30;

impl Default for Config {
    fn default() -> Self {
        Config {
            templates: default_templates(),
            doh: Doh::default(),
            records_api: RecordsApi::default(),
            proxy_defaults: ProxyDefaults::default(),
            branding: Branding::default(),
            dashboard_origins: Vec::new(),
            catalogue_dir: None,
            timeout_seconds: DEFAULT_TIMEOUT_SECONDS,
        }
    }
}

/// How the page gets the records-API credential it does not find in config.json.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Auth {
    /// The provider's own session: requests carry its cookies (same site), no header.
    Session,
    /// Handed over by the embedding dashboard (postMessage from `dashboard_origins`).
    Dashboard,
    /// Typed by the operator, kept in memory (or this tab's sessionStorage if asked).
    #[default]
    Typed,
}

/// A source of templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateSource {
    /// The templates bundled with the app (`templates/index.json`).
    Bundled {},
    /// `{base}{providerId}.{serviceId}.json` (lowercased, as the public repository names files).
    Url {
        /// The directory's URL.
        base: String,
    },
}

/// Where Service Providers' public keys are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doh {
    /// Keys from the bundled `keys/{host}.txt` files (offline; for the examples).
    Sandbox {},
    /// RFC 8484 DNS-over-HTTPS (`application/dns-message`, GET `?dns=`).
    Wire {
        /// The resolver's URL.
        url: String,
    },
    /// The JSON dialect (`application/dns-json`) of public resolvers.
    Json {
        /// The resolver's URL.
        url: String,
    },
}

/// The DNS provider's records API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsApi {
    /// An in-browser provider: zones in localStorage, seeded with an example zone.
    Sandbox {},
    /// PowerDNS Authoritative's HTTP API.
    Powerdns {
        /// The API's base URL.
        base: String,
        /// The server id (`localhost`).
        server_id: String,
        /// The `X-API-Key`, for loopback testing only; when absent, `auth` says how the
        /// page gets it.
        api_key: Option<String>,
        /// How the credential comes when `api_key` is absent.
        auth: Auth,
    },
    /// Cloudflare's v4 API: a bearer token, got as `auth` says.
    Cloudflare {
        /// The API's base URL.
        base: String,
        /// How the token comes.
        auth: Auth,
    },
}

impl Default for Doh {
    fn default() -> Self {
        Doh::Sandbox {}
    }
}

impl Default for RecordsApi {
    fn default() -> Self {
        RecordsApi::Sandbox {}
    }
}

/// The page's name, logo and accent colour.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Branding {
    /// The name in the header and the title.
    pub name: String,
    /// A logo URL (same origin, or listed in the CSP by the build).
    pub logo: Option<String>,
    /// Accent colour, `#rgb` or `#rrggbb` (checked when read: it goes into a style attribute).
    #[serde(deserialize_with = "accent")]
    pub accent: Option<String>,
}

impl Default for Branding {
    fn default() -> Self {
        Self { name: "Domain Connect".into(), logo: None, accent: None }
    }
}

fn accent<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let Some(a) = Option::<String>::deserialize(d)? else { return Ok(None) };
    let hex = a.strip_prefix('#').unwrap_or("");
    if (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(Some(a))
    } else {
        Err(serde::de::Error::custom(format!("{a:?} is not a #rgb or #rrggbb colour")))
    }
}

/// Origins, `scheme://host[:port]` with nothing after (http or https).
fn origins<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    for o in &list {
        match o.strip_prefix("https://").or_else(|| o.strip_prefix("http://")) {
            Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ']) => {}
            _ => return Err(serde::de::Error::custom(format!("{o:?} is not an origin (scheme://host[:port], nothing after)"))),
        }
    }
    Ok(list)
}

/// The file as serde reads it: every `{"kind": …}` object flat, its kind typed and
/// every field any kind has, unknown fields refused. [`Raw::into_config`] then takes
/// the fields of each object's kind and refuses the others, naming the key. (Flat
/// rather than serde's `#[serde(tag = "kind")]`, whose buffering of each object costs
/// the consent page several KB of wasm and loses the path inside it.)
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Raw {
    templates: Option<Vec<RawTemplates>>,
    doh: Option<RawDoh>,
    records_api: Option<RawApi>,
    proxy_defaults: ProxyDefaults,
    branding: Branding,
    #[serde(deserialize_with = "origins")]
    dashboard_origins: Vec<String>,
    catalogue_dir: Option<String>,
    #[serde(deserialize_with = "seconds")]
    timeout_seconds: Option<u32>,
}

/// A timeout: whole seconds, 1 to 600.
fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let s = u32::deserialize(d)?;
    if (1..=600).contains(&s) {
        Ok(Some(s))
    } else {
        Err(serde::de::Error::custom(format!("{s} is not between 1 and 600 seconds")))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplates {
    kind: TemplatesKind,
    base: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum TemplatesKind {
    Bundled,
    Url,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoh {
    kind: DohKind,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum DohKind {
    Sandbox,
    Wire,
    Json,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApi {
    kind: ApiKind,
    base: Option<String>,
    server_id: Option<String>,
    api_key: Option<String>,
    auth: Option<Auth>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ApiKind {
    Sandbox,
    Powerdns,
    Cloudflare,
}

/// The value of a field the object's kind needs, or why the object at `at` lacks it.
fn needed(value: Option<String>, at: &str, kind: &str, field: &str) -> Result<String, ConfigError> {
    value.ok_or_else(|| ConfigError { path: at.to_string(), message: format!("kind {kind:?} needs the field `{field}`") })
}

/// The first field given (of `given`: name, whether set) that the object's kind does
/// not have (`allowed`), named at its own path.
fn no_field(at: &str, kind: &str, given: &[(&str, bool)], allowed: &[&str]) -> Result<(), ConfigError> {
    match given.iter().find(|(f, set)| *set && !allowed.contains(f)) {
        Some((f, _)) => Err(ConfigError {
            path: format!("{at}.{f}"),
            message: format!("kind {kind:?} has no field `{f}` (it has: {})", if allowed.is_empty() { "none".to_string() } else { allowed.join(", ") }),
        }),
        None => Ok(()),
    }
}

impl Raw {
    fn into_config(self) -> Result<Config, ConfigError> {
        let templates = match self.templates {
            None => default_templates(),
            Some(list) => list
                .into_iter()
                .enumerate()
                .map(|(i, t)| {
                    let at = format!("templates[{i}]");
                    let given = [("base", t.base.is_some())];
                    Ok(match t.kind {
                        TemplatesKind::Bundled => {
                            no_field(&at, "bundled", &given, &[])?;
                            TemplateSource::Bundled {}
                        }
                        TemplatesKind::Url => TemplateSource::Url { base: needed(t.base, &at, "url", "base")? },
                    })
                })
                .collect::<Result<_, ConfigError>>()?,
        };
        let doh = match self.doh {
            None => Doh::default(),
            Some(d) => match d.kind {
                DohKind::Sandbox => {
                    no_field("doh", "sandbox", &[("url", d.url.is_some())], &[])?;
                    Doh::Sandbox {}
                }
                DohKind::Wire => Doh::Wire { url: needed(d.url, "doh", "wire", "url")? },
                DohKind::Json => Doh::Json { url: needed(d.url, "doh", "json", "url")? },
            },
        };
        let records_api = match self.records_api {
            None => RecordsApi::default(),
            Some(r) => {
                let given = [("base", r.base.is_some()), ("server_id", r.server_id.is_some()), ("api_key", r.api_key.is_some()), ("auth", r.auth.is_some())];
                match r.kind {
                    ApiKind::Sandbox => {
                        no_field("records_api", "sandbox", &given, &[])?;
                        RecordsApi::Sandbox {}
                    }
                    ApiKind::Powerdns => RecordsApi::Powerdns {
                        base: needed(r.base, "records_api", "powerdns", "base")?,
                        server_id: r.server_id.unwrap_or_else(localhost),
                        api_key: r.api_key,
                        auth: r.auth.unwrap_or_default(),
                    },
                    ApiKind::Cloudflare => {
                        no_field("records_api", "cloudflare", &given, &["base", "auth"])?;
                        RecordsApi::Cloudflare { base: r.base.unwrap_or_else(cloudflare_base), auth: r.auth.unwrap_or_default() }
                    }
                }
            }
        };
        Ok(Config {
            templates,
            doh,
            records_api,
            proxy_defaults: self.proxy_defaults,
            branding: self.branding,
            dashboard_origins: self.dashboard_origins,
            catalogue_dir: self.catalogue_dir,
            timeout_seconds: self.timeout_seconds.unwrap_or(DEFAULT_TIMEOUT_SECONDS),
        })
    }
}

fn default_templates() -> Vec<TemplateSource> {
    vec![TemplateSource::Bundled {}]
}
fn localhost() -> String {
    "localhost".into()
}
fn cloudflare_base() -> String {
    "https://api.cloudflare.com/client/v4".into()
}

/// Why the file cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The key that is wrong (`records_api.base`, `templates[1]`), or `the top level`.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "config.json, at {}: {}", self.path, self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Read `config.json`; an error names the key that is wrong.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        // The path comes from where serde_json stopped (`json_path`), not from a tracking
        // deserializer compiled again for every type (a test holds the two alike).
        let raw: Raw = serde_json::from_str(text).map_err(|e| {
            let path = domain_connect::json_path::of_error(text, &e);
            ConfigError { path: if path.is_empty() { "the top level".into() } else { path }, message: e.to_string() }
        })?;
        raw.into_config()
    }

    /// The live records-API adapter this configuration needs compiled in (the cargo
    /// feature of the app), if any.
    pub fn adapter(&self) -> Option<&'static str> {
        match self.records_api {
            RecordsApi::Powerdns { .. } => Some("powerdns"),
            RecordsApi::Cloudflare { .. } => Some("cloudflare"),
            RecordsApi::Sandbox {} => None,
        }
    }

    /// Every URL the page fetches from, besides its own origin: template sources, the
    /// DoH resolver, the records API (the CSP's `connect-src` lists their origins).
    pub fn fetched_urls(&self) -> Vec<&str> {
        let mut urls: Vec<&str> = self
            .templates
            .iter()
            .filter_map(|t| match t {
                TemplateSource::Url { base } => Some(base.as_str()),
                TemplateSource::Bundled {} => None,
            })
            .collect();
        match &self.doh {
            Doh::Wire { url } | Doh::Json { url } => urls.push(url),
            Doh::Sandbox {} => {}
        }
        match &self.records_api {
            RecordsApi::Powerdns { base, .. } | RecordsApi::Cloudflare { base, .. } => urls.push(base),
            RecordsApi::Sandbox {} => {}
        }
        urls
    }
}

#[cfg(test)]
mod tests;
