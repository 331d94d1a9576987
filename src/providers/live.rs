//! The live records APIs behind Connect — PowerDNS and Cloudflare, each in the builds
//! whose config names it (cargo features `powerdns`, `cloudflare`): read the zone with
//! the credential as the provider hands it over, apply all or nothing, settle a lost
//! answer by reading again, keep the change for Undo, probe the records over DoH.

use super::{Applied, ApplyFailure, Note, ZoneReadError};
use crate::config::{Config, Doh, RecordsApi};
use crate::{credentials, net};
use dc_config::Auth;
#[cfg(feature = "cloudflare")]
use domain_connect::records_api::cloudflare;
#[cfg(feature = "powerdns")]
use domain_connect::records_api::powerdns;
use domain_connect::records_api::{self, ApiFailure, Settled};
use domain_connect::{doh, zone, Approved, ZoneRecord};

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

/// The credential for the records API, as config says it is had: `(value, with_session)`.
fn credential(cfg: &Config) -> Result<(String, bool), ZoneReadError> {
    let (key, auth) = match &cfg.records_api {
        RecordsApi::Powerdns { api_key, auth, .. } => (api_key.clone(), *auth),
        RecordsApi::Cloudflare { auth, .. } => (None, *auth),
        RecordsApi::Sandbox {} => return Ok((String::new(), false)),
    };
    match (key, auth) {
        (Some(k), _) => Ok((k, false)),
        (None, Auth::Session) => Ok((String::new(), true)),
        (None, _) => credentials::current().map(|t| (t, false)).ok_or(ZoneReadError::NeedCredential),
    }
}

/// Send a request the core described. With the provider's session, the empty
/// credential header is left out and the cookies go instead.
async fn send(req: &records_api::HttpRequest, with_session: bool) -> Result<net::HttpResponse, net::Failure> {
    let headers: Vec<(&str, &str)> = req.headers.iter().filter(|(_, v)| !v.is_empty() && v != "Bearer ").map(|(k, v)| (k.as_str(), v.as_str())).collect();
    net::fetch_as(req.method, &req.url, &headers, req.body.as_deref(), with_session).await
}

/// When the records API refuses the credential the page holds (typed, or handed over by
/// the dashboard: expired, revoked, mistyped), forget it, so the page asks for a new one
/// rather than failing with it again on every reload; true then. Not a key from
/// config.json, nor the site's own session: those the page cannot replace.
fn forget_if_refused(cfg: &Config, status: u16, with_session: bool) -> bool {
    let from_config = matches!(cfg.records_api, RecordsApi::Powerdns { api_key: Some(_), .. });
    let refused = records_api::refuses_credential(status) && !with_session && !from_config;
    if refused {
        credentials::refuse_current();
    }
    refused
}

#[cfg(feature = "cloudflare")]
/// Read Cloudflare's zone: its id from the domain, then every page of records.
async fn read_cloudflare(
    cfg: &Config,
    base: &str,
    token: &str,
    with_session: bool,
    domain: &str,
) -> Result<(String, Vec<cloudflare::CfRecord>), ZoneReadError> {
    let failed = ZoneReadError::Failed;
    let req = cloudflare::zone_lookup_request(base, domain, token);
    let resp = send(&req, with_session).await.map_err(|e| failed(e.into()))?;
    if forget_if_refused(cfg, resp.status, with_session) {
        return Err(ZoneReadError::NeedCredential);
    }
    let zone_id = cloudflare::read_zone_lookup(resp.status, &resp.body, domain).map_err(|e| failed(format!("GET {}: {e}", req.url)))?;
    let mut records = Vec::new();
    let mut page = 1;
    loop {
        let req = cloudflare::list_request(base, &zone_id, page, token);
        let resp = send(&req, with_session).await.map_err(|e| failed(e.into()))?;
        let got = cloudflare::read_list_page(resp.status, &resp.body, domain).map_err(|e| failed(format!("GET {}: {e}", req.url)))?;
        records.extend(got.records);
        if page >= got.total_pages || records.len() > zone::MAX_ZONE_RECORDS {
            break;
        }
        page += 1;
    }
    Ok((zone_id, records))
}

/// Read the zone from the configured live records API.
pub async fn read_zone(cfg: &Config, domain: &str) -> Result<(Vec<ZoneRecord>, String), ZoneReadError> {
    let failed = ZoneReadError::Failed;
    match &cfg.records_api {
        #[cfg(feature = "powerdns")]
        RecordsApi::Powerdns { base, server_id, .. } => {
            let (key, with_session) = credential(cfg)?;
            let req = powerdns::read_zone_request(base, server_id, domain, &key);
            let resp = send(&req, with_session).await.map_err(|e| failed(e.into()))?;
            // Nothing is read or applied until a new credential comes.
            if forget_if_refused(cfg, resp.status, with_session) {
                return Err(ZoneReadError::NeedCredential);
            }
            let records = powerdns::read_zone_answer(resp.status, &resp.body, domain).map_err(|e| failed(format!("GET {}: {e}", req.url)))?;
            Ok((records, format!("PowerDNS at {base}")))
        }
        #[cfg(feature = "cloudflare")]
        RecordsApi::Cloudflare { base, .. } => {
            let (token, with_session) = credential(cfg)?;
            let (_, listed) = read_cloudflare(cfg, base, &token, with_session, domain).await?;
            Ok((listed.into_iter().map(|c| c.record).collect(), format!("Cloudflare at {base}")))
        }
        other => Err(failed(super::not_built(other))),
    }
}

/// Apply through the configured live records API.
pub async fn apply(cfg: &Config, domain: &str, zone: &[ZoneRecord], approved: &Approved) -> Result<Applied, ApplyFailure> {
    super::turns::in_turn(&format!("dc-change:{domain}"), apply_now(cfg, domain, zone, approved)).await
}

async fn apply_now(cfg: &Config, domain: &str, zone: &[ZoneRecord], approved: &Approved) -> Result<Applied, ApplyFailure> {
    match &cfg.records_api {
        #[cfg(feature = "powerdns")]
        RecordsApi::Powerdns { .. } => {
            let expected = powerdns::expected_zone(&approved.changes, zone, domain);
            change_zone(cfg, domain, zone, &expected).await
        }
        #[cfg(feature = "cloudflare")]
        RecordsApi::Cloudflare { base, .. } => apply_cloudflare(cfg, base, domain, zone, approved).await,
        other => Err(ApplyFailure::NotApplied(super::not_built(other))),
    }
}

/// Undo the change last applied to `domain` in this tab: the zone goes back to what it
/// was, under the same rules as Connect (read first, refused if changed since; one
/// PATCH; an unclear answer settled by reading again). PowerDNS only.
pub async fn undo(cfg: &Config, domain: &str) -> Result<Applied, ApplyFailure> {
    super::turns::in_turn(&format!("dc-change:{domain}"), undo_now(cfg, domain)).await
}

async fn undo_now(cfg: &Config, domain: &str) -> Result<Applied, ApplyFailure> {
    let zone_of = |part: &str| {
        let text = kept(domain, part).ok_or(ApplyFailure::NotApplied("this tab holds no applied change to undo".into()))?;
        zone::from_json(&text).map_err(|e| ApplyFailure::NotApplied(format!("the kept change cannot be read: {e}")))
    };
    let (before, after) = (zone_of("before")?, zone_of("after")?);
    let undone = match &cfg.records_api {
        #[cfg(feature = "powerdns")]
        RecordsApi::Powerdns { .. } => change_zone(cfg, domain, &after, &before).await?,
        #[cfg(feature = "cloudflare")]
        RecordsApi::Cloudflare { base, .. } => undo_cloudflare(cfg, base, domain, &before, &after).await?,
        other => return Err(ApplyFailure::NotApplied(super::not_built(other))),
    };
    if let Some(s) = session() {
        for part in ["request", "before", "after", "zone_id", "undo"] {
            let _ = s.remove_item(&format!("{APPLIED_PREFIX}{domain}:{part}"));
        }
    }
    Ok(undone)
}

/// Cloudflare's Undo: the zone must still be as the apply left it; then the kept batch.
#[cfg(feature = "cloudflare")]
async fn undo_cloudflare(cfg: &Config, base: &str, domain: &str, before: &[ZoneRecord], after: &[ZoneRecord]) -> Result<Applied, ApplyFailure> {
    let not_read = |e: String| ApplyFailure::NotApplied(format!("the zone could not be read again before undoing: {e}"));
    let (token, with_session) = credential(cfg).map_err(|e| not_read(e.to_string()))?;
    let (zone_id, listed) = read_cloudflare(cfg, base, &token, with_session, domain).await.map_err(|e| not_read(e.to_string()))?;
    let now: Vec<ZoneRecord> = listed.into_iter().map(|c| c.record).collect();
    unchanged(after, &now)?;
    let body: serde_json::Value = kept(domain, "undo")
        .filter(|_| kept(domain, "zone_id").as_deref() == Some(zone_id.as_str()))
        .and_then(|t| serde_json::from_str(&t).ok())
        .ok_or(ApplyFailure::NotApplied("this tab holds no Cloudflare batch to undo with".into()))?;
    let req = cloudflare::batch_request(base, &zone_id, &token, &body);
    let done = Applied { to: format!("Cloudflare at {base}"), request: Some(req.redacted()), note: None, already: false };
    match send_change(&req, with_session, cloudflare::read_batch_answer, "Cloudflare refused the undo").await? {
        Ok(_) => Ok(done),
        Err(failure) => settle(cfg, domain, &now, before, failure, done).await,
    }
}

/// The refusal of a zone that is not the one expected, with the difference.
fn zone_changed(expected: &[ZoneRecord], now: &[ZoneRecord]) -> ApplyFailure {
    let changed = records_api::diff(expected, now);
    ApplyFailure::ZoneChanged { gone: lines(&changed.gone), new: lines(&changed.new) }
}

/// Refuse, with the difference, when the zone read now is not the one expected.
#[cfg(feature = "cloudflare")]
fn unchanged(expected: &[ZoneRecord], now: &[ZoneRecord]) -> Result<(), ApplyFailure> {
    if records_api::diff(expected, now).is_empty() {
        Ok(())
    } else {
        Err(zone_changed(expected, now))
    }
}

/// Before a change, the zone read again (`now`) against the one previewed (`from`) and
/// the one the change makes (`to`), classified as the core settles a lost answer:
/// still `from`, go ahead (`None`); already `to` (made meanwhile, from another tab or
/// window), done with nothing sent; anything else, refused with the difference.
fn before_change(from: &[ZoneRecord], to: &[ZoneRecord], now: &[ZoneRecord], at: String) -> Result<Option<Applied>, ApplyFailure> {
    match records_api::settle(from, to, now) {
        Settled::NotApplied => Ok(None),
        Settled::Applied => Ok(Some(Applied { to: at, request: None, note: Some(Note::AlreadyMade), already: true })),
        _ => Err(zone_changed(from, now)),
    }
}

/// Send the one request that changes the zone and read its answer with `read`:
/// `Ok(Ok(answer))` applied; `Ok(Err(why))` not known (a 5xx, a lost or unreadable
/// answer: settle by reading again); `Err` refused — `refused` says by whom, of what —
/// nothing applied.
async fn send_change(
    req: &records_api::HttpRequest,
    with_session: bool,
    read: fn(u16, &[u8]) -> Result<(), ApiFailure>,
    refused: &str,
) -> Result<Result<net::HttpResponse, net::Failure>, ApplyFailure> {
    match send(req, with_session).await {
        Ok(resp) => match read(resp.status, &resp.body) {
            Ok(()) => Ok(Ok(resp)),
            Err(ApiFailure::Refused { status, messages }) => Err(ApplyFailure::NotApplied(format!("{refused} (HTTP {status}): {}", messages.join("; ")))),
            Err(e) => Ok(Err(e.to_string().into())),
        },
        Err(e) => Ok(Err(e)),
    }
}

/// Keep an applied change for Undo: the request sent (no credential), the zone before
/// and after (in the sandbox's JSON form, read back by the same reader), and for
/// Cloudflare the zone id and the undoing batch.
fn keep(domain: &str, request: &str, before: &[ZoneRecord], after: &[ZoneRecord], cloudflare_undo: Option<(&str, &str)>) {
    let Some(s) = session() else { return };
    let key = format!("{APPLIED_PREFIX}{domain}");
    let _ = s.set_item(&format!("{key}:request"), request);
    let _ = s.set_item(&format!("{key}:before"), &serde_json::to_string(before).unwrap_or_default());
    let _ = s.set_item(&format!("{key}:after"), &serde_json::to_string(after).unwrap_or_default());
    if let Some((zone_id, undo)) = cloudflare_undo {
        let _ = s.set_item(&format!("{key}:zone_id"), zone_id);
        let _ = s.set_item(&format!("{key}:undo"), undo);
    }
}

fn kept(domain: &str, part: &str) -> Option<String> {
    session()?.get_item(&format!("{APPLIED_PREFIX}{domain}:{part}")).ok().flatten()
}

/// The change kept for Undo and download: the request sent (credentials redacted),
/// the zone before and the zone expected after, as one JSON text.
pub fn kept_change(domain: &str) -> Option<String> {
    Some(format!("{{\"request\":{},\"before\":{},\"after\":{}}}", kept(domain, "request")?, kept(domain, "before")?, kept(domain, "after")?))
}

#[cfg(feature = "powerdns")]
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
    if let Some(already) = before_change(from, to, &now, format!("PowerDNS at {base}"))? {
        return Ok(already);
    }
    // 2. One PATCH, all or nothing.
    let req = powerdns::patch_between_request(base, server_id, domain, &key, &now, to);
    let done = Applied { to: format!("PowerDNS at {base}"), request: Some(req.redacted()), note: None, already: false };
    let result = match send_change(&req, with_session, powerdns::read_patch_answer, "PowerDNS refused the change").await? {
        Ok(_) => Ok(done),
        // 3. The answer was lost or unclear: read the zone again and compare.
        Err(failure) => settle(cfg, domain, &now, to, failure, done).await,
    };
    if result.is_ok() {
        keep(domain, &req.redacted(), &now, to, None);
    }
    result
}

/// After an unclear or lost answer: read the zone again and say what happened. A
/// change given up unanswered (the timeout) may still be carried out, so a zone read
/// unchanged after it is not "nothing was changed" but not known.
async fn settle(
    cfg: &Config,
    domain: &str,
    before: &[ZoneRecord],
    expected: &[ZoneRecord],
    failure: net::Failure,
    done: Applied,
) -> Result<Applied, ApplyFailure> {
    let (timed_out, failure) = (failure.timed_out, failure.text);
    match read_zone(cfg, domain).await {
        Err(e) => Err(ApplyFailure::Unknown(format!("{failure}; the zone could not be read again to see whether it changed: {e}"))),
        Ok((after, _)) => match records_api::settle(before, expected, &after) {
            Settled::Applied => {
                Ok(Applied { note: Some(Note::AnswerLost(failure.to_string())), ..done })
            }
            Settled::NotApplied if timed_out => Err(ApplyFailure::Unknown(format!(
                "{failure}; reading the zone again shows it unchanged so far, but your DNS provider may still carry out the request it did not answer. Reload this page in a minute: it shows what your domain's records hold then"
            ))),
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

#[cfg(feature = "cloudflare")]
/// Cloudflare: list the zone again (fresh record ids, refused if it changed), then one
/// batch — deletes by id, posts with the proxy choices — which Cloudflare runs in one
/// transaction.
async fn apply_cloudflare(cfg: &Config, base: &str, domain: &str, zone: &[ZoneRecord], approved: &Approved) -> Result<Applied, ApplyFailure> {
    let not_read = |e: String| ApplyFailure::NotApplied(format!("the zone could not be read again before applying: {e}"));
    let (token, with_session) = credential(cfg).map_err(|e| not_read(e.to_string()))?;
    let (zone_id, listed) = read_cloudflare(cfg, base, &token, with_session, domain).await.map_err(|e| not_read(e.to_string()))?;
    let expected = cloudflare::expected_zone(&approved.changes, zone, &approved.proxied);
    let Some(ids) = cloudflare::ids_for(zone, &listed) else {
        let now: Vec<ZoneRecord> = listed.into_iter().map(|c| c.record).collect();
        return before_change(zone, &expected, &now, format!("Cloudflare at {base}"))?.ok_or_else(|| zone_changed(zone, &now));
    };
    let body = cloudflare::batch_body(&approved.changes, &ids, &approved.proxied, domain)
        .map_err(|no| ApplyFailure::NotApplied(no.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))?;
    let req = cloudflare::batch_request(base, &zone_id, &token, &body);
    let done = Applied { to: format!("Cloudflare at {base}"), request: Some(req.redacted()), note: None, already: false };
    match send_change(&req, with_session, cloudflare::read_batch_answer, "Cloudflare refused the change").await? {
        Ok(resp) => {
            // Kept for Undo: the batch that deletes what was created (by the ids
            // Cloudflare gave) and creates again what was deleted, as listed.
            let listed_before: Vec<cloudflare::CfRecord> = zone
                .iter()
                .zip(&ids)
                .map(|(r, id)| cloudflare::CfRecord { id: id.clone(), record: r.clone(), proxied: listed.iter().any(|c| c.id == *id && c.proxied) })
                .collect();
            let posted = cloudflare::posted_ids(&resp.body);
            if let Some(undo) = cloudflare::undo_body(&approved.changes, &posted, &listed_before, domain) {
                keep(domain, &req.redacted(), zone, &expected, Some((&zone_id, &undo.to_string())));
            }
            Ok(done)
        }
        // The answer was lost or unclear: read the zone again and compare.
        Err(failure) => settle(cfg, domain, zone, &expected, failure, done).await,
    }
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
