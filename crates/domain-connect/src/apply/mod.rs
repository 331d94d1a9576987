//! The apply engine — spec sections "Apply Template", "Record Types and Conflicts",
//! "SPF Record Merging", "Groups", "Multiple Templates" (multi-aware `_dc`
//! provenance), "APEXCNAME" and "Redirects".
//!
//! It follows the reference engine (DCAZ `process_records`) rule for rule, with the
//! departures listed in the crate docs. The zone is indexed by owner name, so the work
//! per template record is proportional to the records at that name; building the index
//! is one pass over the zone that reads only each record's name length unless the
//! length matches a name the template touches (plus, for NS records and multi-aware
//! bookkeeping, the names and provenance): linear in the zone's size overall.

mod index;
mod prepare;
mod rules;

use crate::changeset::{Addition, ChangeSet, Deletion, DeletionReason, Kept};
use crate::error::ApplyError;
use crate::record::{Provenance, ZoneRecord};
use crate::record_type::RecordType;
use crate::template::{Template, TemplateRecord};
use crate::variables::Params;
use rustc_hash::FxHashSet;

pub use crate::record::normalise;
pub use index::IndexedZone;
use index::{Source, Zone};

/// Inputs of one application of template records to a zone (DCAZ `process_records`).
#[derive(Debug, Clone, Default)]
pub struct ProcessOptions<'a> {
    /// The zone (registered domain) the records go into, e.g. `example.com`.
    pub domain: &'a str,
    /// The host under the domain (`Some("")` for the apex; `None` when the request
    /// has no host parameter at all — then `%host%` is a missing parameter).
    pub host: Option<&'a str>,
    /// The variables' values.
    pub params: Option<&'a Params>,
    /// Apply only records whose `groupId` is listed (records without one always
    /// apply); empty: all records.
    pub group_ids: &'a [String],
    /// Track provenance in `_dc` and replace earlier instances of the template.
    pub multi_aware: bool,
    /// The template allows several instances side by side (`multiInstance`).
    pub multi_instance: bool,
    /// The `providerId` recorded in provenance (`_dc`).
    pub provider_id: Option<&'a str>,
    /// The `serviceId` recorded in provenance (`_dc`).
    pub service_id: Option<&'a str>,
    /// The instance id written into `_dc.id` (the caller makes a random one when the
    /// request has none; the core has no randomness of its own).
    pub unique_id: Option<&'a str>,
    /// The A/AAAA records that back REDIR301/REDIR302 (e.g. the provider's redirect
    /// servers); without them a redirect template is refused as InvalidTemplate.
    pub redirect_records: Option<&'a [TemplateRecord]>,
    /// Where our engine departs from the reference engine on purpose, which to follow.
    pub dialect: Dialect,
}

/// Which engine's answer to give on the one rule where the reference compliance suites
/// and our documented behaviour contradict each other (see the crate docs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Dialect {
    /// Our engine: SRV records at the apex work (owner `_service._proto`).
    #[default]
    Ours,
    /// The reference engine: SRV at the apex is InvalidData (`_proto.@`), as the
    /// reference compliance suites expect.
    Reference,
}

/// How the caller settled the request's signature before applying.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureGate {
    /// Do not check (previews, the suites' `ignore_signature`).
    Ignore,
    /// The signature was verified against the template's `syncPubKeyDomain` key.
    Verified,
    /// The request is unsigned or its signature did not verify; the problem says why.
    NotVerified(crate::signature::SignatureProblem),
}

/// A request to apply a whole template (DCAZ `DomainConnect.apply_template`).
#[derive(Debug, Clone)]
pub struct ApplyRequest<'a> {
    /// The zone (registered domain), e.g. `example.com`.
    pub domain: &'a str,
    /// The host under the domain (`Some("")`: the apex).
    pub host: Option<&'a str>,
    /// The variables' values.
    pub params: &'a Params,
    /// The groups to apply (empty: all).
    pub group_ids: &'a [String],
    /// How the caller settled the request's signature.
    pub signature: SignatureGate,
    /// Track provenance (`_dc`) and replace earlier instances.
    pub multi_aware: bool,
    /// The instance id written into `_dc.id`.
    pub unique_id: Option<&'a str>,
    /// The A/AAAA records behind REDIR301/REDIR302.
    pub redirect_records: Option<&'a [TemplateRecord]>,
    /// The provider and service ids as the request named them (the URL path); the
    /// template's own ids when `None`.
    pub provider_id: Option<&'a str>,
    /// The `serviceId` recorded in provenance (`_dc`).
    pub service_id: Option<&'a str>,
    /// Which engine's answer to give where they differ on purpose.
    pub dialect: Dialect,
}

impl<'a> ApplyRequest<'a> {
    /// A request at `host` of `domain` with these values: every group, the signature
    /// not checked here, not multi-aware, no instance id or redirect records, the
    /// template's own ids, our dialect. Set the rest as needed.
    pub fn new(domain: &'a str, host: Option<&'a str>, params: &'a Params) -> ApplyRequest<'a> {
        ApplyRequest {
            domain,
            host,
            params,
            group_ids: &[],
            signature: SignatureGate::Ignore,
            multi_aware: false,
            unique_id: None,
            redirect_records: None,
            provider_id: None,
            service_id: None,
            dialect: Dialect::default(),
        }
    }
}

/// The records behind REDIR301/REDIR302 that the reference compliance suites assume
/// (A 127.0.0.1 and AAAA ::1, TTL 600): `dconn`'s default where a DNS provider would
/// name its redirect servers.
pub fn reference_redirect_records() -> Vec<TemplateRecord> {
    let record = |rtype: RecordType, to: &str| TemplateRecord { rtype, points_to: Some(to.to_string()), ttl: Some(600.into()), ..TemplateRecord::default() };
    vec![record(RecordType::A, "127.0.0.1"), record(RecordType::Aaaa, "::1")]
}

/// Apply a template: domain and host are lowercased, `hostRequired` and the
/// signature are enforced, and the template's records are processed.
pub fn apply_template(template: &Template, zone: &[ZoneRecord], req: &ApplyRequest<'_>) -> Result<ChangeSet, ApplyError> {
    apply(template, Source::Records(zone), req)
}

/// [`apply_template`] on a zone indexed beforehand (see [`IndexedZone`]).
pub fn apply_template_indexed(template: &Template, zone: &IndexedZone, req: &ApplyRequest<'_>) -> Result<ChangeSet, ApplyError> {
    apply(template, Source::Indexed(zone), req)
}

fn apply(template: &Template, zone: Source<'_>, req: &ApplyRequest<'_>) -> Result<ChangeSet, ApplyError> {
    let domain = req.domain.to_ascii_lowercase();
    let host = req.host.map(str::to_ascii_lowercase);
    if template.host_required == Some(true) && host.as_deref().unwrap_or("").is_empty() {
        return Err(ApplyError::HostRequired { provider_id: template.provider_id.clone(), service_id: template.service_id.clone() });
    }
    if template.requires_signature() {
        if let SignatureGate::NotVerified(why) = &req.signature {
            return Err(ApplyError::InvalidSignature { reason: why.clone() });
        }
    }
    let multi_instance = req.multi_aware && template.multi_instance == Some(true);
    let opts = ProcessOptions {
        domain: &domain,
        host: host.as_deref(),
        params: Some(req.params),
        group_ids: req.group_ids,
        multi_aware: req.multi_aware,
        multi_instance,
        provider_id: Some(req.provider_id.unwrap_or(&template.provider_id)),
        service_id: Some(req.service_id.unwrap_or(&template.service_id)),
        unique_id: req.unique_id,
        redirect_records: req.redirect_records,
        dialect: req.dialect,
    };
    process(&template.records, zone, &opts)
}

/// Apply template records to a zone (DCAZ `process_records`). The zone is indexed for
/// this one call; to apply templates to the same zone again and again, index it once
/// with [`IndexedZone`] and use [`process_records_indexed`].
pub fn process_records(template_records: &[TemplateRecord], zone_records: &[ZoneRecord], opts: &ProcessOptions<'_>) -> Result<ChangeSet, ApplyError> {
    process(template_records, Source::Records(zone_records), opts)
}

/// [`process_records`] on a zone indexed beforehand: the time it takes depends on the
/// records at the names the template touches, not on the size of the zone — except
/// that an NS record looks over every owner name for those below it, and multi-aware
/// mode reads every record that carries `_dc` provenance.
pub fn process_records_indexed(template_records: &[TemplateRecord], zone: &IndexedZone, opts: &ProcessOptions<'_>) -> Result<ChangeSet, ApplyError> {
    process(template_records, Source::Indexed(zone), opts)
}

fn process(template_records: &[TemplateRecord], source: Source<'_>, opts: &ProcessOptions<'_>) -> Result<ChangeSet, ApplyError> {
    source.check_size()?;
    let empty = Params::new();
    let params = opts.params.unwrap_or(&empty);
    let expanded = prepare::expand_redirects(template_records, opts.redirect_records)?;
    // Substitution does not depend on the zone: resolve first (keeping each error for
    // its turn, so errors surface in the reference engine's order), and learn which
    // names the template touches.
    let mut resolved: Vec<(usize, &TemplateRecord, Result<prepare::Resolved, ApplyError>)> = Vec::new();
    let mut wanted: FxHashSet<String> = FxHashSet::default();
    let mut below: Vec<String> = Vec::new();
    wanted.insert("@".to_string());
    for (index, tr) in &expanded {
        if !tr.in_groups(opts.group_ids) {
            continue;
        }
        let r = prepare::resolve_record(tr, *index, opts, params);
        if let Ok(r) = &r {
            let mut name = r.host.to_ascii_lowercase();
            if r.rtype == RecordType::Ns {
                below.push(name.clone());
            }
            loop {
                wanted.insert(name.clone());
                match name.split_once('.') {
                    Some((_, parent)) => name = parent.to_string(),
                    None => break,
                }
            }
        }
        resolved.push((*index, tr, r));
    }
    let mut zone = Zone::new(source, &wanted, &below);

    if opts.multi_aware && !opts.multi_instance {
        mark_previous_instances(&mut zone, opts);
    }

    let mut added = rules::AddedSoFar::default();
    let mut kept: Vec<Kept> = Vec::new();
    for (index, tr, r) in resolved {
        let resolved = r?;
        let outcome = rules::process(&resolved, index, &mut zone)?;
        let mut new_record = match outcome {
            rules::Outcome::Add(r) => r,
            rules::Outcome::AlreadyPresent { index: at, record } => {
                kept.push(Kept { index: at, record, template_record: index });
                continue;
            }
        };
        new_record = normalise(&new_record);
        rules::check_conflict_with_self(&new_record, index, &added)?;
        if resolved.rtype != RecordType::Ns && new_record.name != "@" {
            rules::delete_ns_above(&new_record, index, &mut zone);
        }
        if opts.multi_aware {
            new_record.dc = Some(Provenance {
                id: opts.unique_id.map(str::to_string),
                provider_id: opts.provider_id.map(str::to_string),
                service_id: opts.service_id.map(str::to_string),
                host: opts.host.map(str::to_string),
                essential: Some(tr.essential.clone().unwrap_or_else(|| "Always".to_string())),
            });
            added.push(Addition { record: new_record, template_record: index });
        } else if let Some((at, record)) = rules::find_identical(&new_record, &zone) {
            kept.push(Kept { index: at, record, template_record: index });
        } else {
            added.push(Addition { record: new_record, template_record: index });
        }
    }

    if opts.multi_aware {
        cascade_essential(&mut zone);
    }

    let mut cs = ChangeSet { added: added.into_list(), kept, deleted: Vec::new() };
    let mut marked: Vec<usize> = zone.replace.keys().chain(zone.delete.keys()).copied().collect();
    marked.sort_unstable();
    marked.dedup();
    for i in marked {
        let reason = zone.replace.remove(&i).or_else(|| zone.delete.remove(&i)).expect("marked");
        let explanation = reason.explain();
        cs.deleted.push(Deletion { index: i, record: normalise(zone.rec(i)), reason, explanation });
    }
    Ok(cs)
}

/// Multi-aware, not multi-instance: records written earlier by the same template at
/// the same host are replaced. (DCAZ skips this at the apex; we do not — crate docs.)
fn mark_previous_instances(zone: &mut Zone<'_>, opts: &ProcessOptions<'_>) {
    let (Some(pid), Some(sid)) = (opts.provider_id.filter(|s| !s.is_empty()), opts.service_id.filter(|s| !s.is_empty())) else {
        return;
    };
    let host = opts.host.unwrap_or("");
    let records = zone.records;
    for i in zone.with_provenance() {
        let Some(dc) = &records[i].dc else { continue };
        if dc.provider_id.as_deref() == Some(pid) && dc.service_id.as_deref() == Some(sid) && dc.host.as_deref().unwrap_or("") == host {
            zone.replace.insert(
                i,
                DeletionReason::PreviousInstance {
                    provider_id: pid.to_string(),
                    service_id: sid.to_string(),
                    host: host.to_string(),
                    instance_id: dc.id.clone(),
                },
            );
        }
    }
}

/// Multi-aware: when a record marked `essential: Always` is deleted, every record of
/// the same template (provider, service, host) goes with it.
fn cascade_essential(zone: &mut Zone<'_>) {
    type Key<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let records = zone.records;
    let mut triggers: Vec<(Key<'_>, usize)> = Vec::new();
    let mut deleted: Vec<usize> = zone.delete.keys().copied().collect();
    deleted.sort_unstable();
    for i in deleted {
        if let Some(dc) = &records[i].dc {
            if dc.essential.as_deref() == Some("Always") {
                let k = (dc.provider_id.as_deref(), dc.service_id.as_deref(), dc.host.as_deref());
                if !triggers.iter().any(|(t, _)| *t == k) {
                    triggers.push((k, i));
                }
            }
        }
    }
    if triggers.is_empty() {
        return;
    }
    for i in zone.with_provenance() {
        let Some(dc) = &records[i].dc else { continue };
        let k = (dc.provider_id.as_deref(), dc.service_id.as_deref(), dc.host.as_deref());
        if let Some((_, t)) = triggers.iter().find(|(tk, _)| *tk == k) {
            zone.mark(i, || DeletionReason::EssentialCascade {
                trigger: normalise(&records[*t]),
                provider_id: k.0.unwrap_or_default().to_string(),
                service_id: k.1.unwrap_or_default().to_string(),
                host: k.2.unwrap_or_default().to_string(),
            });
        }
    }
}
