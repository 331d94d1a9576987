//! The page's configuration: `config.json`, fetched at start, read by the one typed
//! reader the build shares (`dc-config`). With no file the app runs on its embedded
//! default (bundled templates, sandbox keys, sandbox provider).

use crate::net::HttpResponse;
pub use dc_config::{Config, Doh, RecordsApi, TemplateSource};

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
    Invalid(dc_config::ConfigError),
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
