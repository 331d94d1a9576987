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
    /// The language the page speaks when the embedding dashboard does not choose one
    /// (a BCP 47 tag); left out, the browser's languages decide.
    pub locale: Option<String>,
    /// The languages the page may speak (tags); empty: every catalogue it has.
    pub locales: Vec<String>,
    /// The operator's own catalogues (Fluent `.ftl` URLs) by language tag: added to, or
    /// overriding message by message, the shipped one of that language.
    pub messages: Vec<(String, String)>,
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
            locale: None,
            locales: Vec::new(),
            messages: Vec::new(),
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

pub(crate) fn default_templates() -> Vec<TemplateSource> {
    vec![TemplateSource::Bundled {}]
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
        let raw: raw::Raw = serde_json::from_str(text).map_err(|e| {
            let path = domain_connect::json_path::of_error(text, &e);
            ConfigError { path: if path.is_empty() { "the top level".into() } else { path }, message: e.to_string() }
        })?;
        raw.into_config()
    }

    /// The operator's catalogue of language `tag` (config.json's `messages`), if any.
    pub fn messages_of(&self, tag: &str) -> Option<&str> {
        self.messages.iter().find(|(t, _)| t == tag).map(|(_, url)| url.as_str())
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
    /// DoH resolver, the records API, the operator's catalogues (the CSP's `connect-src` lists their origins).
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
        urls.extend(self.messages.iter().map(|(_, url)| url.as_str()));
        urls
    }
}

mod raw;
#[cfg(test)]
mod tests;
