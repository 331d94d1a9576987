//! The page's configuration: `config.json`, fetched at start. With no file the app
//! runs on its embedded default (bundled templates, sandbox keys, sandbox provider).
//! Every key is documented in the README; unknown keys are errors, so a typo shows.

use crate::net::HttpResponse;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where templates come from, tried in order.
    #[serde(default = "default_templates")]
    pub templates: Vec<TemplateSource>,
    /// Where Service Providers' public keys are read.
    #[serde(default)]
    pub doh: Doh,
    /// The DNS provider's records API.
    #[serde(default)]
    pub records_api: RecordsApi,
    /// Initial proxy toggle per `providerId/serviceId` (or `*`), per record type.
    #[serde(default)]
    pub proxy_defaults: domain_connect::review::ProxyDefaults,
    #[serde(default)]
    pub branding: Branding,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TemplateSource {
    /// The templates bundled with the app (`templates/index.json`).
    Bundled,
    /// `{base}{providerId}.{serviceId}.json` (lowercased, as the public repository names files).
    Url { base: String },
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Doh {
    /// Keys from the bundled `keys/{host}.txt` files (offline; for the examples).
    #[default]
    Sandbox,
    /// RFC 8484 DNS-over-HTTPS (`application/dns-message`, GET `?dns=`).
    Wire { url: String },
    /// The JSON dialect (`application/dns-json`) of public resolvers.
    Json { url: String },
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RecordsApi {
    /// An in-browser provider: zones in localStorage, seeded with an example zone.
    #[default]
    Sandbox,
    /// PowerDNS Authoritative's HTTP API.
    Powerdns {
        base: String,
        #[serde(default = "localhost")]
        server_id: String,
        /// The `X-API-Key`; when absent the page asks for it and keeps it for the tab.
        #[serde(default)]
        api_key: Option<String>,
    },
    /// Cloudflare's v4 API; the token is asked for on the page.
    Cloudflare {
        #[serde(default = "cloudflare_base")]
        base: String,
    },
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branding {
    #[serde(default = "default_name")]
    pub name: String,
    /// A logo URL (same origin, or listed in the CSP by the build).
    #[serde(default)]
    pub logo: Option<String>,
    /// Accent colour, `#rgb` or `#rrggbb`.
    #[serde(default)]
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
    pub fn from_json(text: &str) -> Result<Config, String> {
        let cfg: Config = serde_json::from_str(text).map_err(|e| {
            let path = domain_connect::json_path::of_error(text, &e);
            format!("config.json, at {}: {e}", if path.is_empty() { "the top level".into() } else { path })
        })?;
        if let Some(a) = &cfg.branding.accent {
            let hex = a.strip_prefix('#').unwrap_or("");
            if !(hex.len() == 3 || hex.len() == 6) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!("config.json, at branding.accent: {a:?} is not a #rgb or #rrggbb colour"));
            }
        }
        Ok(cfg)
    }
}
