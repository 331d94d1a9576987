//! The sources a page reads from, each chosen by the configuration: templates, the
//! Service Provider's key TXT records, and the zone (records API). Parsing and every
//! protocol decision are the core's; this module only fetches and stores.

use crate::config::{Config, Doh, RecordsApi, TemplateSource};
use crate::net;
use domain_connect::{doh, signature, zone, Approved, KeyAnswer, Template, ZoneRecord};
use leptos::prelude::LocalResource;

/// The live records APIs (PowerDNS, Cloudflare), in the builds whose config names one.
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
mod live;
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
pub use live::{kept_change, probe, undo};
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
mod turns;

/// A template and where it was found.
#[derive(Debug, Clone)]
pub struct LoadedTemplate {
    pub template: Template,
    pub source: String,
}

/// Why a template could not be loaded: no source has it, or one failed.
#[derive(Debug, Clone)]
pub struct TemplateLoadError {
    /// No configured source has the template (this provider does not support it).
    pub missing: bool,
    pub message: String,
}

impl std::fmt::Display for TemplateLoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<String> for TemplateLoadError {
    fn from(message: String) -> Self {
        TemplateLoadError { missing: false, message }
    }
}

/// Load `{providerId}.{serviceId}.json` from the configured sources, in order.
pub async fn load_template(cfg: &Config, provider_id: &str, service_id: &str) -> Result<LoadedTemplate, TemplateLoadError> {
    let file = Template::file_name(provider_id, service_id);
    let mut tried = Vec::new();
    for src in &cfg.templates {
        let url = match src {
            TemplateSource::Bundled {} => format!("/templates/{file}"),
            TemplateSource::Url { base } => format!("{base}{file}"),
        };
        let resp = net::fetch("GET", &url, &[], None).await?;
        if resp.missing() {
            tried.push(url);
            continue;
        }
        if !resp.ok() {
            return Err(format!("GET {url}: HTTP {}", resp.status).into());
        }
        let template = Template::from_json_bytes(&resp.body).map_err(|e| format!("{url}: {e}"))?;
        return Ok(LoadedTemplate { template, source: url });
    }
    Err(TemplateLoadError { missing: true, message: format!("no template {provider_id}/{service_id}: not found at {}", tried.join(", ")) })
}

/// A bundled template by its file name (as `templates/index.json` lists them).
pub async fn load_bundled(file: &str) -> Result<LoadedTemplate, String> {
    let url = format!("/templates/{file}");
    let resp = net::fetch("GET", &url, &[], None).await?;
    if resp.missing() || !resp.ok() {
        return Err(format!("GET {url}: no such bundled template (HTTP {})", resp.status));
    }
    let template = Template::from_json_bytes(&resp.body).map_err(|e| format!("{url}: {e}"))?;
    Ok(LoadedTemplate { template, source: url })
}

/// The bundled templates' file names (`templates/index.json`).
pub async fn bundled_index() -> Result<Vec<String>, String> {
    let text = net::get_text("/templates/index.json").await?;
    serde_json::from_str(&text).map_err(|e| format!("templates/index.json: {e}"))
}

/// The catalogue of templates `cargo xtask build` wrote (`catalogue.json`), as text:
/// which services the records a change removes belong to. Fetched only when a change
/// removes something, so the first load does not carry it.
pub async fn catalogue_text() -> Result<String, String> {
    net::get_text("/catalogue.json").await
}

/// [`catalogue_text`], read.
pub async fn load_catalogue() -> Result<domain_connect::consequences::Catalogue, String> {
    let text = catalogue_text().await?;
    serde_json::from_str(&text).map(domain_connect::consequences::Catalogue::from_rows).map_err(|e| format!("catalogue.json: {e}"))
}

/// The catalogue for the tools pages (the workbench, the replay): fetched once, when a
/// page first asks; `None` while loading or when it cannot be read.
pub fn catalogue_resource() -> LocalResource<Option<std::sync::Arc<domain_connect::consequences::Catalogue>>> {
    LocalResource::new(|| async { load_catalogue().await.ok().map(std::sync::Arc::new) })
}

/// The answer of the key lookup at `host` (`{key}.{syncPubKeyDomain}`), for the review.
pub async fn key_answer(cfg: &Config, host: Option<&str>) -> KeyAnswer {
    let Some(host) = host else { return KeyAnswer::NotAsked };
    match key_txt(cfg, host).await {
        Ok((txt, source)) => KeyAnswer::Found { txt, source },
        Err(reason) => KeyAnswer::Failed { reason },
    }
}

/// The TXT strings published at `host` (`{key}.{syncPubKeyDomain}`), and where they came from.
async fn key_txt(cfg: &Config, host: &str) -> Result<(Vec<String>, String), String> {
    match &cfg.doh {
        Doh::Sandbox {} => {
            if let Some(txt) = storage().and_then(|s| s.get_item(&format!("{SANDBOX_KEY_PREFIX}{host}")).ok().flatten()) {
                return Ok((signature::parse_txt_lines(&txt), "this browser's sandbox key store (published from the workbench)".into()));
            }
            let url = format!("/keys/{host}.txt");
            let resp = net::fetch("GET", &url, &[], None).await?;
            if resp.missing() {
                return Ok((Vec::new(), format!("{url} (sandbox key store): no such key")));
            }
            if !resp.ok() {
                return Err(format!("GET {url}: HTTP {}", resp.status));
            }
            Ok((signature::parse_txt_lines(&resp.text()), format!("{url} (sandbox key store)")))
        }
        Doh::Wire { url } => {
            let query = doh::txt_query(host, 0).map_err(|e| format!("{host}: {e}"))?;
            let get = doh::get_url(url, &query);
            let resp = net::fetch("GET", &get, &[("Accept", "application/dns-message")], None).await?;
            if !resp.ok() {
                return Err(format!("DNS-over-HTTPS {url}: HTTP {}", resp.status));
            }
            let txt = doh::read_wire_answer(&resp.body, host, 0).map_err(|e| format!("DNS-over-HTTPS {url}: {e}"))?;
            Ok((txt, format!("DNS-over-HTTPS (RFC 8484) at {url}")))
        }
        Doh::Json { url } => {
            let get = doh::json_url(url, host);
            let resp = net::fetch("GET", &get, &[("Accept", "application/dns-json")], None).await?;
            if !resp.ok() {
                return Err(format!("DNS-over-HTTPS {url}: HTTP {}", resp.status));
            }
            let txt = doh::read_json_answer(&resp.text(), host).map_err(|e| format!("DNS-over-HTTPS {url}: {e}"))?;
            Ok((txt, format!("DNS-over-HTTPS (JSON) at {url}")))
        }
    }
}

const SANDBOX_PREFIX: &str = "dc-sandbox-zone:";
/// Public keys a template author published from the workbench, by key host, in this
/// browser only; they stand before the bundled ones (`/keys/`).
const SANDBOX_KEY_PREFIX: &str = "dc-sandbox-key:";

/// Publish the TXT strings of a public key at `host` in this browser's sandbox key
/// store, where the sandbox's key lookup finds them.
pub fn publish_sandbox_key(host: &str, txt: &[String]) -> Result<(), String> {
    let lines: Vec<String> = txt.iter().map(|t| format!("\"{t}\"")).collect();
    storage()
        .and_then(|s| s.set_item(&format!("{SANDBOX_KEY_PREFIX}{host}"), &lines.join("\n")).ok())
        .ok_or_else(|| "this browser's storage cannot be written".to_string())
}

/// The realistic example zone every sandbox domain starts with.
pub const SANDBOX_SEED: &str = include_str!("../public/sandbox-zone.json");

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Why a zone could not be read.
#[derive(Debug, Clone)]
#[cfg_attr(not(any(feature = "powerdns", feature = "cloudflare")), allow(dead_code))]
pub enum ZoneReadError {
    /// The records API needs a credential this page does not hold yet.
    NeedCredential,
    Failed(String),
}

impl std::fmt::Display for ZoneReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NeedCredential => f.write_str("the records API needs a credential (a token or API key) that this page does not hold yet"),
            Self::Failed(e) => f.write_str(e),
        }
    }
}

/// Read the zone for `domain` from the configured records API.
pub async fn read_zone(cfg: &Config, domain: &str) -> Result<(Vec<ZoneRecord>, String), ZoneReadError> {
    match &cfg.records_api {
        RecordsApi::Sandbox {} => {
            let stored = storage().and_then(|s| s.get_item(&format!("{SANDBOX_PREFIX}{domain}")).ok().flatten());
            let (text, note) = match stored {
                Some(t) => (t, "sandbox provider (this browser's storage)"),
                None => (SANDBOX_SEED.to_string(), "sandbox provider (example zone)"),
            };
            let records = zone::from_json(&text).map_err(|e| ZoneReadError::Failed(format!("sandbox zone for {domain}: {e}")))?;
            Ok((records, note.to_string()))
        }
        #[cfg(any(feature = "powerdns", feature = "cloudflare"))]
        _ => live::read_zone(cfg, domain).await,
        #[cfg(not(any(feature = "powerdns", feature = "cloudflare")))]
        other => Err(ZoneReadError::Failed(not_built(other))),
    }
}

/// What a build without the configured adapter says.
#[allow(dead_code)]
pub(crate) fn not_built(api: &RecordsApi) -> String {
    let name = match api {
        RecordsApi::Powerdns { .. } => "PowerDNS",
        RecordsApi::Cloudflare { .. } => "Cloudflare",
        RecordsApi::Sandbox {} => "sandbox",
    };
    format!("this build of the page has no {name} adapter: build it with this config.json (`cargo xtask build --config config.json`), which includes the adapter it names")
}

/// Where the sandbox keeps the proxy choices of the records it was last given.
const SANDBOX_PROXIED_PREFIX: &str = "dc-sandbox-proxied:";

/// What applying led to, as far as is known.
#[derive(Debug, Clone)]
#[cfg_attr(not(any(feature = "powerdns", feature = "cloudflare")), allow(dead_code))]
pub enum ApplyFailure {
    /// Known not applied: why (the provider's own messages, verbatim).
    NotApplied(String),
    /// Refused before sending: the zone is no longer the one previewed. Each line a
    /// record (`owner ttl type rdata`), gone since the preview or new.
    ZoneChanged { gone: Vec<String>, new: Vec<String> },
    /// Not known, even after reading the zone again: what happened.
    Unknown(String),
}

/// What the page says beside a change that was made.
#[derive(Debug, Clone)]
#[cfg_attr(not(any(feature = "powerdns", feature = "cloudflare")), allow(dead_code))] // only live APIs say these
pub enum Note {
    /// Read again before the change, the zone already held it (another tab or window).
    AlreadyMade,
    /// The change's answer was lost (why), but reading the zone again shows it in place.
    AnswerLost(String),
}

/// Where the change went, and the request that carried it (credentials redacted).
#[derive(Debug, Clone)]
pub struct Applied {
    pub to: String,
    /// The request sent, as `{method, url, headers, body}` JSON; `None` for the sandbox.
    pub request: Option<String>,
    /// Said beside the outcome: the answer was lost but a second reading shows the
    /// change in place, or nothing was sent because the zone already held it.
    pub note: Option<Note>,
    /// Nothing was sent: the zone already held the change when read again (another
    /// tab or window made it meanwhile).
    pub already: bool,
}

/// Apply an approved change set to the configured records API: the zone becomes the
/// change set's final zone, with the proxy choices of the added records.
pub async fn apply(cfg: &Config, domain: &str, zone: &[ZoneRecord], approved: &Approved) -> Result<Applied, ApplyFailure> {
    match &cfg.records_api {
        RecordsApi::Sandbox {} => {
            let s = storage().ok_or(ApplyFailure::NotApplied("this browser has no local storage".into()))?;
            let final_zone = approved.changes.final_zone(zone);
            let text = serde_json::to_string(&final_zone).map_err(|e| ApplyFailure::NotApplied(format!("the zone could not be written: {e}")))?;
            s.set_item(&format!("{SANDBOX_PREFIX}{domain}"), &text)
                .map_err(|_| ApplyFailure::NotApplied("the sandbox could not store the zone (storage full?)".into()))?;
            // The proxy choices, in the order of the added records.
            let proxied = serde_json::to_string(&approved.proxied).unwrap_or_default();
            let _ = s.set_item(&format!("{SANDBOX_PROXIED_PREFIX}{domain}"), &proxied);
            Ok(Applied { to: crate::i18n::t("sandbox-provider"), request: None, note: None, already: false })
        }
        #[cfg(any(feature = "powerdns", feature = "cloudflare"))]
        _ => live::apply(cfg, domain, zone, approved).await,
        #[cfg(not(any(feature = "powerdns", feature = "cloudflare")))]
        other => Err(ApplyFailure::NotApplied(not_built(other))),
    }
}

/// Forget every sandbox zone (each domain starts again from the example zone) and every
/// key published from the workbench.
pub fn reset_sandbox() -> usize {
    let Some(s) = storage() else { return 0 };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| [SANDBOX_PREFIX, SANDBOX_PROXIED_PREFIX, SANDBOX_KEY_PREFIX].iter().any(|p| k.starts_with(p)))
        .collect();
    for k in &keys {
        let _ = s.remove_item(k);
    }
    keys.iter().filter(|k| k.starts_with(SANDBOX_PREFIX)).count()
}
