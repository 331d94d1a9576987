//! The sources a page reads from, each chosen by the configuration: templates, the
//! Service Provider's key TXT records, and the zone (records API). Parsing and every
//! protocol decision are the core's; this module only fetches and stores.

use crate::config::{Auth, Config, Doh, RecordsApi, TemplateSource};
use crate::{credentials, net};
use domain_connect::records_api::{self, cloudflare, powerdns, ApiFailure, Settled};
use domain_connect::{doh, signature, zone, Approved, KeyAnswer, Template, ZoneRecord};

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
            TemplateSource::Bundled => format!("/templates/{file}"),
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
        Doh::Sandbox => {
            let url = format!("/keys/{host}.txt");
            let resp = net::fetch("GET", &url, &[], None).await?;
            if resp.missing() {
                return Ok((Vec::new(), format!("{url} (sandbox key store): no such key")));
            }
            if !resp.ok() {
                return Err(format!("GET {url}: HTTP {}", resp.status).into());
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

/// The realistic example zone every sandbox domain starts with.
pub const SANDBOX_SEED: &str = include_str!("../public/sandbox-zone.json");

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Why a zone could not be read.
#[derive(Debug, Clone)]
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

/// The credential for the records API, as config says it is had: `(value, with_session)`.
fn credential(cfg: &Config) -> Result<(String, bool), ZoneReadError> {
    let (key, auth) = match &cfg.records_api {
        RecordsApi::Powerdns { api_key, auth, .. } => (api_key.clone(), *auth),
        RecordsApi::Cloudflare { auth, .. } => (None, *auth),
        RecordsApi::Sandbox => return Ok((String::new(), false)),
    };
    match (key, auth) {
        (Some(k), _) => Ok((k, false)),
        (None, Auth::Session) => Ok((String::new(), true)),
        (None, _) => credentials::current().map(|t| (t, false)).ok_or(ZoneReadError::NeedCredential),
    }
}

/// Send a request the core described. With the provider's session, the empty
/// credential header is left out and the cookies go instead.
async fn send(req: &records_api::HttpRequest, with_session: bool) -> Result<net::HttpResponse, String> {
    let headers: Vec<(&str, &str)> =
        req.headers.iter().filter(|(_, v)| !v.is_empty() && v != "Bearer ").map(|(k, v)| (k.as_str(), v.as_str())).collect();
    net::fetch_as(req.method, &req.url, &headers, req.body.as_deref(), with_session).await
}

/// Read Cloudflare's zone: its id from the domain, then every page of records.
async fn read_cloudflare(base: &str, token: &str, with_session: bool, domain: &str) -> Result<(String, Vec<cloudflare::CfRecord>), String> {
    let req = cloudflare::zone_lookup_request(base, domain, token);
    let resp = send(&req, with_session).await?;
    let zone_id = cloudflare::read_zone_lookup(resp.status, &resp.body, domain).map_err(|e| format!("GET {}: {e}", req.url))?;
    let mut records = Vec::new();
    let mut page = 1;
    loop {
        let req = cloudflare::list_request(base, &zone_id, page, token);
        let resp = send(&req, with_session).await?;
        let got = cloudflare::read_list_page(resp.status, &resp.body, domain).map_err(|e| format!("GET {}: {e}", req.url))?;
        records.extend(got.records);
        if page >= got.total_pages || records.len() > zone::MAX_ZONE_RECORDS {
            break;
        }
        page += 1;
    }
    Ok((zone_id, records))
}

/// Read the zone for `domain` from the configured records API.
pub async fn read_zone(cfg: &Config, domain: &str) -> Result<(Vec<ZoneRecord>, String), ZoneReadError> {
    let failed = ZoneReadError::Failed;
    match &cfg.records_api {
        RecordsApi::Sandbox => {
            let stored = storage().and_then(|s| s.get_item(&format!("{SANDBOX_PREFIX}{domain}")).ok().flatten());
            let (text, note) = match stored {
                Some(t) => (t, "sandbox provider (this browser's storage)"),
                None => (SANDBOX_SEED.to_string(), "sandbox provider (example zone)"),
            };
            let records = zone::from_json(&text).map_err(|e| failed(format!("sandbox zone for {domain}: {e}")))?;
            Ok((records, note.to_string()))
        }
        RecordsApi::Powerdns { base, server_id, .. } => {
            let (key, with_session) = credential(cfg)?;
            let req = powerdns::read_zone_request(base, server_id, domain, &key);
            let resp = send(&req, with_session).await.map_err(failed)?;
            if resp.status == 401 && !with_session {
                return Err(ZoneReadError::NeedCredential);
            }
            let records = powerdns::read_zone_answer(resp.status, &resp.body, domain).map_err(|e| failed(format!("GET {}: {e}", req.url)))?;
            Ok((records, format!("PowerDNS at {base}")))
        }
        RecordsApi::Cloudflare { base, .. } => {
            let (token, with_session) = credential(cfg)?;
            let (_, listed) = read_cloudflare(base, &token, with_session, domain).await.map_err(failed)?;
            Ok((listed.into_iter().map(|c| c.record).collect(), format!("Cloudflare at {base}")))
        }
    }
}

/// Where the sandbox keeps the proxy choices of the records it was last given.
const SANDBOX_PROXIED_PREFIX: &str = "dc-sandbox-proxied:";

/// What applying led to, as far as is known.
#[derive(Debug, Clone)]
pub enum ApplyFailure {
    /// Known not applied: why (the provider's own messages, verbatim).
    NotApplied(String),
    /// Refused before sending: the zone is no longer the one previewed. Each line a
    /// record (`owner ttl type rdata`), gone since the preview or new.
    ZoneChanged { gone: Vec<String>, new: Vec<String> },
    /// Not known, even after reading the zone again: what happened.
    Unknown(String),
}

/// Where the change went, and the request that carried it (credentials redacted).
#[derive(Debug, Clone)]
pub struct Applied {
    pub to: String,
    /// The request sent, as `{method, url, headers, body}` JSON; `None` for the sandbox.
    pub request: Option<String>,
    /// Said when the answer was lost but a second reading shows the change in place.
    pub note: Option<String>,
}

/// Where the last applied change is kept for this tab: the request sent (credentials
/// redacted) and the change set, keyed by domain.
const APPLIED_PREFIX: &str = "dc-applied:";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// A record as a zone file line, for saying what differs.
fn line(r: &ZoneRecord) -> String {
    match zone::presentation(r) {
        Some((owner, rdata)) => format!("{owner} {} {} {rdata}", r.ttl.unwrap_or_default(), r.rtype),
        None => format!("{} {} {}", r.name, r.rtype, r.data),
    }
}

fn lines(records: &[ZoneRecord]) -> Vec<String> {
    records.iter().map(line).collect()
}

/// Apply an approved change set to the configured records API: the zone becomes the
/// change set's final zone, with the proxy choices of the added records. Before
/// sending, the zone is read again and the apply refused if it changed since the
/// preview; after a lost or unclear answer it is read again to say what happened.
pub async fn apply(cfg: &Config, domain: &str, zone: &[ZoneRecord], approved: &Approved) -> Result<Applied, ApplyFailure> {
    match &cfg.records_api {
        RecordsApi::Sandbox => {
            let s = storage().ok_or(ApplyFailure::NotApplied("this browser has no local storage".into()))?;
            let final_zone = approved.changes.final_zone(zone);
            let text = serde_json::to_string(&final_zone).map_err(|e| ApplyFailure::NotApplied(format!("the zone could not be written: {e}")))?;
            s.set_item(&format!("{SANDBOX_PREFIX}{domain}"), &text)
                .map_err(|_| ApplyFailure::NotApplied("the sandbox could not store the zone (storage full?)".into()))?;
            // The proxy choices, in the order of the added records.
            let proxied = serde_json::to_string(&approved.proxied).unwrap_or_default();
            let _ = s.set_item(&format!("{SANDBOX_PROXIED_PREFIX}{domain}"), &proxied);
            Ok(Applied { to: "sandbox provider (this browser's storage)".into(), request: None, note: None })
        }
        RecordsApi::Powerdns { .. } => {
            let expected = powerdns::expected_zone(&approved.changes, zone, domain);
            change_zone(cfg, domain, zone, &expected).await
        }
        RecordsApi::Cloudflare { base, .. } => apply_cloudflare(cfg, base, domain, zone, approved).await,
    }
}

/// Undo the change last applied to `domain` in this tab: the zone goes back to what it
/// was, under the same rules as Connect (read first, refused if changed since; one
/// PATCH; an unclear answer settled by reading again).
pub async fn undo(cfg: &Config, domain: &str) -> Result<Applied, ApplyFailure> {
    let kept = session().and_then(|s| s.get_item(&format!("{APPLIED_PREFIX}{domain}")).ok().flatten());
    let v: serde_json::Value = kept.and_then(|k| serde_json::from_str(&k).ok()).ok_or(ApplyFailure::NotApplied("this tab holds no applied change to undo".into()))?;
    let zone_of = |key: &str| serde_json::from_value::<Vec<ZoneRecord>>(v[key].clone()).map_err(|e| ApplyFailure::NotApplied(format!("the kept change cannot be read: {e}")));
    let (before, after) = (zone_of("before")?, zone_of("after")?);
    let undone = change_zone(cfg, domain, &after, &before).await?;
    if let Some(s) = session() {
        let _ = s.remove_item(&format!("{APPLIED_PREFIX}{domain}"));
    }
    Ok(undone)
}

/// The change kept for Undo and download: the request sent (credentials redacted),
/// the zone before and the zone expected after, as JSON.
pub fn kept_change(domain: &str) -> Option<String> {
    session().and_then(|s| s.get_item(&format!("{APPLIED_PREFIX}{domain}")).ok().flatten())
}

/// Turn the zone, read as `from`, into `to` through the records API: read it again and
/// refuse if it is no longer `from`; send one request; on a lost or unclear answer read
/// it again and say what happened. The change is kept in this tab for Undo.
async fn change_zone(cfg: &Config, domain: &str, from: &[ZoneRecord], to: &[ZoneRecord]) -> Result<Applied, ApplyFailure> {
    let RecordsApi::Powerdns { base, server_id, .. } = &cfg.records_api else {
        return Err(ApplyFailure::NotApplied("Undo is offered for PowerDNS only".into()));
    };
    let not_read = |e: ZoneReadError| ApplyFailure::NotApplied(format!("the zone could not be read again before applying: {e}"));
    let (key, with_session) = credential(cfg).map_err(not_read)?;
    // 1. The zone must still be the one previewed.
    let (now, _) = read_zone(cfg, domain).await.map_err(not_read)?;
    let changed = records_api::diff(from, &now);
    if !changed.is_empty() {
        return Err(ApplyFailure::ZoneChanged { gone: lines(&changed.gone), new: lines(&changed.new) });
    }
    // 2. One PATCH, all or nothing.
    let req = powerdns::patch_between_request(base, server_id, domain, &key, &now, to);
    let failure = match send(&req, with_session).await {
        Ok(resp) => match powerdns::read_patch_answer(resp.status, &resp.body) {
            Ok(()) => None,
            Err(ApiFailure::Refused { status, messages }) => {
                return Err(ApplyFailure::NotApplied(format!("PowerDNS refused the change (HTTP {status}): {}", messages.join("; "))));
            }
            Err(e) => Some(e.to_string()),
        },
        Err(e) => Some(e),
    };
    let done = Applied { to: format!("PowerDNS at {base}"), request: Some(req.redacted_json().to_string()), note: None };
    let keep = || {
        if let Some(s) = session() {
            let kept = serde_json::json!({"request": req.redacted_json(), "before": now, "after": to});
            let _ = s.set_item(&format!("{APPLIED_PREFIX}{domain}"), &kept.to_string());
        }
    };
    let result = match failure {
        None => Ok(done),
        // 3. The answer was lost or unclear: read the zone again and compare.
        Some(failure) => settle(cfg, domain, &now, to, failure, done).await,
    };
    if result.is_ok() {
        keep();
    }
    result
}

/// After an unclear or lost answer: read the zone again and say what happened.
async fn settle(cfg: &Config, domain: &str, before: &[ZoneRecord], expected: &[ZoneRecord], failure: String, done: Applied) -> Result<Applied, ApplyFailure> {
    match read_zone(cfg, domain).await {
        Err(e) => Err(ApplyFailure::Unknown(format!("{failure}; the zone could not be read again to see whether it changed: {e}"))),
        Ok((after, _)) => match records_api::settle(before, expected, &after) {
            Settled::Applied => Ok(Applied {
                note: Some(format!("the answer was lost ({failure}), but reading the zone again shows every change in place")),
                ..done
            }),
            Settled::NotApplied => Err(ApplyFailure::NotApplied(format!("{failure}; reading the zone again shows it unchanged"))),
            Settled::Neither { from_expected } => Err(ApplyFailure::Unknown(format!(
                "{failure}; reading the zone again shows neither the old nor the new zone: missing {} record(s), {} unexpected: {}",
                from_expected.gone.len(),
                from_expected.new.len(),
                lines(&from_expected.gone).into_iter().chain(lines(&from_expected.new)).collect::<Vec<_>>().join(" | ")
            ))),
            _ => Err(ApplyFailure::Unknown(failure)),
        },
    }
}

/// Cloudflare: list the zone again (fresh record ids, refused if it changed), then one
/// batch — deletes by id, posts with the proxy choices — which Cloudflare runs in one
/// transaction.
async fn apply_cloudflare(cfg: &Config, base: &str, domain: &str, zone: &[ZoneRecord], approved: &Approved) -> Result<Applied, ApplyFailure> {
    let not_read = |e: String| ApplyFailure::NotApplied(format!("the zone could not be read again before applying: {e}"));
    let (token, with_session) = credential(cfg).map_err(|e| not_read(e.to_string()))?;
    let (zone_id, listed) = read_cloudflare(base, &token, with_session, domain).await.map_err(not_read)?;
    let Some(ids) = cloudflare::ids_for(zone, &listed) else {
        let now: Vec<ZoneRecord> = listed.into_iter().map(|c| c.record).collect();
        let changed = records_api::diff(zone, &now);
        return Err(ApplyFailure::ZoneChanged { gone: lines(&changed.gone), new: lines(&changed.new) });
    };
    let body = cloudflare::batch_body(&approved.changes, &ids, &approved.proxied, domain)
        .map_err(|no| ApplyFailure::NotApplied(no.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))?;
    let req = cloudflare::batch_request(base, &zone_id, &token, &body);
    let done = Applied { to: format!("Cloudflare at {base}"), request: Some(req.redacted_json().to_string()), note: None };
    let failure = match send(&req, with_session).await {
        Ok(resp) => match cloudflare::read_batch_answer(resp.status, &resp.body) {
            Ok(()) => return Ok(done),
            Err(ApiFailure::Refused { status, messages }) => {
                return Err(ApplyFailure::NotApplied(format!("Cloudflare refused the change (HTTP {status}): {}", messages.join("; "))));
            }
            Err(e) => e.to_string(),
        },
        Err(e) => e,
    };
    let expected = cloudflare::expected_zone(&approved.changes, zone, &approved.proxied);
    settle(cfg, domain, zone, &expected, failure, done).await
}

/// Forget every sandbox zone: each domain starts again from the example zone.
pub fn reset_sandbox() -> usize {
    let Some(s) = storage() else { return 0 };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> =
        (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(SANDBOX_PREFIX) || k.starts_with(SANDBOX_PROXIED_PREFIX)).collect();
    for k in &keys {
        let _ = s.remove_item(k);
    }
    keys.iter().filter(|k| k.starts_with(SANDBOX_PREFIX)).count()
}

/// Ask the configured DNS-over-HTTPS resolver whether it serves a probe's record.
/// `Err`: it cannot be asked (no RFC 8484 resolver configured, or it failed).
pub async fn probe(cfg: &Config, p: &domain_connect::propagation::Probe) -> Result<bool, String> {
    let Doh::Wire { url } = &cfg.doh else {
        return Err("no RFC 8484 DNS-over-HTTPS resolver is configured to check with".into());
    };
    // A fresh ID each time: the GET URL differs, so no HTTP cache answers from before.
    let id = (js_sys::Math::random() * 65535.0) as u16 | 1;
    let query = p.query(id).map_err(|e| e.to_string())?;
    let resp = net::fetch("GET", &doh::get_url(url, &query), &[("Accept", "application/dns-message")], None).await?;
    if !resp.ok() {
        return Err(format!("DNS-over-HTTPS {url}: HTTP {}", resp.status));
    }
    p.seen_in(&resp.body, id).map_err(|e| format!("DNS-over-HTTPS {url}: {e}"))
}
