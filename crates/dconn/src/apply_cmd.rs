//! `dconn apply`.

use crate::io;
use clap::Args;
use domain_connect::records_api::{cloudflare, powerdns};
use domain_connect::review::ProxyDefaults;
use domain_connect::{review, ApplyUrl, KeyAnswer, Policy, Signatures, TemplateRecord, ZoneInput};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ApplyArgs {
    /// The template JSON file.
    #[arg(long)]
    template: PathBuf,
    /// The zone: a JSON array of records ({type, name, data, ttl, …}) or a BIND zone file.
    #[arg(long)]
    zone: PathBuf,
    /// The domain (zone) the template is applied to.
    #[arg(long)]
    domain: String,
    /// The host under the domain (omit for the apex).
    #[arg(long)]
    host: Option<String>,
    /// Apply only this group (repeatable).
    #[arg(long = "group")]
    groups: Vec<String>,
    /// Track provenance (`_dc`) and replace earlier instances of the template.
    #[arg(long)]
    multi_aware: bool,
    /// The instance id for `_dc.id` (random when omitted in multi-aware mode).
    #[arg(long)]
    unique_id: Option<String>,
    /// JSON array of template records that back REDIR301/REDIR302 (default: A 127.0.0.1
    /// and AAAA ::1, TTL 600).
    #[arg(long)]
    redirect_records: Option<PathBuf>,
    /// Print the request(s) a records API is sent for this change set instead of the
    /// change set: `{"emit", "requests": [{method, url, headers, body}]}`, credentials
    /// shown as `<redacted>`. For `cloudflare`, `--zone` is Cloudflare's own list answer
    /// (`GET /zones/{zone_id}/dns_records`), whose record ids the deletes name.
    #[arg(long, value_enum)]
    emit: Option<Emit>,
    /// The records API's base URL (default: PowerDNS http://127.0.0.1:8081,
    /// Cloudflare https://api.cloudflare.com/client/v4).
    #[arg(long)]
    api_base: Option<String>,
    /// PowerDNS's server id.
    #[arg(long, default_value = "localhost")]
    server_id: String,
    /// Cloudflare's zone id.
    #[arg(long)]
    zone_id: Option<String>,
    /// Initial proxy toggles, as `proxy_defaults` in config.json
    /// (`{"providerId/serviceId" or "*": {"A": true, …}}`).
    #[arg(long)]
    proxy_defaults: Option<PathBuf>,
    /// A directory of templates (`*.json`) that tells which services a removal breaks
    /// (`breaks` on each deleted record; `_dc` provenance is read without it).
    #[arg(long)]
    catalogue: Option<PathBuf>,
    /// Variables as NAME=VALUE.
    #[arg(value_name = "NAME=VALUE")]
    params: Vec<String>,
}

/// Which records API `--emit` describes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Emit {
    Powerdns,
    Cloudflare,
}

fn fail(exception: &str, message: String) -> ExitCode {
    outln!("{}", json!({"exception": exception, "message": message}));
    ExitCode::from(2)
}

pub fn run(a: ApplyArgs) -> ExitCode {
    let template = match io::read_template(&a.template) {
        Ok(t) => t,
        Err(e) => return fail("InvalidTemplate", e),
    };
    // Cloudflare's list answer carries the record ids a batch deletes by.
    let (zone, ids) = match a.emit {
        Some(Emit::Cloudflare) => {
            match io::read_limited(&a.zone).and_then(|b| cloudflare::read_list_page(200, &b, &a.domain).map_err(|e| format!("{}: {e}", a.zone.display()))) {
                Ok(p) => (p.records.iter().map(|c| c.record.clone()).collect(), p.records.into_iter().map(|c| c.id).collect()),
                Err(e) => return fail("InvalidData", format!("zone (Cloudflare's list answer) {e}")),
            }
        }
        _ => match io::read_zone(&a.zone, &a.domain) {
            Ok(z) => (z, Vec::new()),
            Err(e) => return fail("InvalidData", format!("zone {e}")),
        },
    };
    let proxy_defaults: Option<ProxyDefaults> = match &a.proxy_defaults {
        None => None,
        Some(p) => match io::read_limited(p).and_then(|b| serde_json::from_slice(&b).map_err(|e| format!("{}: {e}", p.display()))) {
            Ok(d) => Some(d),
            Err(e) => return fail("InvalidData", e),
        },
    };
    let redirect = match &a.redirect_records {
        None => domain_connect::apply::reference_redirect_records(),
        Some(p) => match io::read_limited(p).and_then(|b| serde_json::from_slice::<Vec<TemplateRecord>>(&b).map_err(|e| format!("{}: {e}", p.display()))) {
            Ok(r) => r,
            Err(e) => return fail("InvalidTemplate", e),
        },
    };
    let catalogue = match &a.catalogue {
        None => Default::default(),
        Some(dir) => match io::read_catalogue(dir) {
            Ok((c, _)) => c,
            Err(e) => return fail("InvalidData", format!("--catalogue {e}")),
        },
    };
    let mut params: Vec<(&str, &str)> = Vec::new();
    for p in &a.params {
        match p.split_once('=') {
            Some((k, v)) if !k.is_empty() => params.push((k, v)),
            _ => return fail("MissingParameter", format!("expected NAME=VALUE, got {p:?}")),
        }
    }
    // The request as a link would carry it, so the review reads it as the consent
    // screen does (IDNs converted, names checked, repeated parameters refused).
    let host = a.host.as_deref().unwrap_or("");
    let url = match ApplyUrl::build(&template.provider_id, &template.service_id, &a.domain, Some(host), params, &a.groups) {
        Ok(u) => u,
        Err(e) => return fail("InvalidData", e.to_string()),
    };
    let random_id;
    let unique_id = match (&a.unique_id, a.multi_aware) {
        (Some(id), _) => Some(id.as_str()),
        (None, true) => {
            random_id = uuid::Uuid::new_v4().to_string();
            Some(random_id.as_str())
        }
        (None, false) => None,
    };
    let policy = Policy {
        signatures: Signatures::Preview,
        redirect_records: Some(&redirect),
        multi_aware: a.multi_aware,
        unique_id,
        proxy_defaults: proxy_defaults.as_ref(),
        ..Policy::default()
    };
    let r = review(&url, &template, &KeyAnswer::NotAsked, ZoneInput::Records(&zone), &policy);
    match (&r.changes, a.emit) {
        (Ok(cs), Some(emit)) => {
            let domain = url.domain.ascii.as_str();
            let req = match emit {
                Emit::Powerdns => {
                    let base = a.api_base.as_deref().unwrap_or("http://127.0.0.1:8081");
                    powerdns::patch_request(base, &a.server_id, domain, "<redacted>", cs, &zone)
                }
                Emit::Cloudflare => {
                    let base = a.api_base.as_deref().unwrap_or("https://api.cloudflare.com/client/v4");
                    let Some(zone_id) = &a.zone_id else { return fail("MissingParameter", "--emit cloudflare needs --zone-id".into()) };
                    match cloudflare::batch_body(cs, &ids, &r.proxy, domain) {
                        Ok(body) => cloudflare::batch_request(base, zone_id, "<redacted>", &body),
                        Err(no) => return fail("Unsupported", no.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
                    }
                }
            };
            let name = match emit {
                Emit::Powerdns => "powerdns",
                Emit::Cloudflare => "cloudflare",
            };
            outln!("{}", serde_json::to_string_pretty(&json!({"emit": name, "requests": [req.redacted_json()]})).expect("JSON"));
            ExitCode::SUCCESS
        }
        (Ok(cs), None) => {
            let out = json!({
                "new_count": cs.new_count(),
                "delete_count": cs.delete_count(),
                "records": cs.sorted_final_zone(&zone),
                "changes": {"added": cs.added, "deleted": io::deleted_with_breaks(cs, &template, &catalogue), "kept": cs.kept},
                "net": io::net_json(cs),
                "decision": r.decision,
            });
            outln!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
            ExitCode::SUCCESS
        }
        (Err(e), _) => fail(e.name(), e.message().to_string()),
    }
}
