//! What a change breaks: the services that wrote the records it removes (IETF draft-04
//! §10.6, "the services that would be disabled"), named exactly from a record's `_dc`
//! provenance, or from a [`Catalogue`] of templates when a record can be told apart.
//!
//! A catalogue record identifies a service only by its *fixed text* — what is not a
//! variable — and only when that text holds a token few providers use (`google`,
//! `shopify`, `23.227.38.65`); `A @ %ip%` or `v=spf1 include:%x% ~all` identify no one.
//! A record several services could have written names them all: never a guess.

use crate::changeset::{ChangeSet, ConflictRule, DeletionReason};
use crate::record::ZoneRecord;
use crate::record_type::RecordType;
use crate::template::{Template, TemplateRecord};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

mod pattern;
#[cfg(test)]
mod tests;
use pattern::{fixed_parts, matches, pattern_of, tokens_of};

/// A token of fixed text identifies a service when at most this many providers'
/// templates carry it.
pub const DISTINCT_PROVIDERS: usize = 3;

/// A service of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// The template's `providerId`.
    pub provider_id: String,
    /// The template's `serviceId`.
    pub service_id: String,
    /// The template's `providerName`.
    pub provider_name: Option<String>,
    /// The template's `serviceName`.
    pub service_name: Option<String>,
}

/// One record a catalogue service writes, as the template writes it: variables stay
/// `%name%` and match any text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Index of its service in [`Catalogue::services`].
    pub service: usize,
    /// The record type; an SPFM rule is matched in a TXT `v=spf1` record.
    pub rtype: RecordType,
    /// The owner (`host`, or an SRV's `name`), lowercased; `@` matches any owner.
    pub host: String,
    /// The data (`pointsTo`, `data`, `target` or `spfRules`), lowercased.
    pub data: String,
}

/// Templates reduced to what tells their records apart. As a file ([`Catalogue::rows`]):
/// one JSON array of string rows `[providerId, serviceId, providerName, serviceName,
/// type, host, data]`, a service without an identifying record once with the last
/// three empty — plain strings, so that a page reads it with no parser of its own.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalogue {
    /// The services, in the order the templates were given (each once).
    pub services: Vec<Service>,
    /// The records that identify their service (the others are left out).
    pub patterns: Vec<Pattern>,
}

/// How a service was told from a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Via {
    /// The record's `_dc` names the template instance that wrote it.
    Provenance,
    /// The record matches a catalogue record's fixed text.
    Catalogue,
}

/// A service a removal would break.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Break {
    /// The service's `providerId`.
    #[serde(rename = "providerId")]
    pub provider_id: String,
    /// The service's `serviceId`.
    #[serde(rename = "serviceId")]
    pub service_id: String,
    /// The service's name, when the catalogue knows it.
    #[serde(rename = "serviceName")]
    pub service_name: Option<String>,
    /// How it was told.
    pub via: Via,
}

impl Break {
    /// The break as four strings (`providerId`, `serviceId`, `serviceName` or empty,
    /// `via`), for passing between bundles without a parser of its own.
    pub fn to_row(&self) -> [String; 4] {
        let via = match self.via {
            Via::Provenance => "provenance",
            Via::Catalogue => "catalogue",
        };
        [self.provider_id.clone(), self.service_id.clone(), self.service_name.clone().unwrap_or_default(), via.to_string()]
    }

    /// A break from [`Break::to_row`]'s strings.
    pub fn from_row(row: Vec<String>) -> Option<Break> {
        let [provider_id, service_id, name, via] = <[String; 4]>::try_from(row).ok()?;
        let via = if via == "provenance" { Via::Provenance } else { Via::Catalogue };
        Some(Break { provider_id, service_id, service_name: (!name.is_empty()).then_some(name), via })
    }

    /// The name a customer reads: the service's name and its provider (`Gmail Setup — google.com`).
    pub fn label(&self) -> String {
        format!("{} — {}", self.service_name.as_deref().unwrap_or(&self.service_id), self.provider_id)
    }
}

/// What kind of record a removal touches, for how prominently it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Concern {
    /// Mail delivery or its authentication: MX, SPF, DKIM (`_domainkey`), DMARC.
    Mail,
    /// A domain-ownership proof (`…-verification=`, `_…-challenge`).
    Verification,
    /// The record is `essential: Always` in its template instance.
    Essential,
}

/// The concerns a record raises.
pub fn concerns(r: &ZoneRecord) -> Vec<Concern> {
    let name = r.name.to_ascii_lowercase();
    let data = r.data.to_ascii_lowercase();
    let mut out = Vec::new();
    let txt = r.rtype == RecordType::Txt;
    if r.rtype == RecordType::Mx
        || (txt && (data.starts_with("v=spf1") || data.starts_with("v=dkim1") || data.starts_with("v=dmarc1")))
        || name.contains("_domainkey")
        || name.starts_with("_dmarc")
    {
        out.push(Concern::Mail);
    }
    if txt && (data.contains("verification") || data.contains("verify") || name.contains("challenge") || name.contains("verif")) {
        out.push(Concern::Verification);
    }
    if r.dc.as_ref().and_then(|d| d.essential.as_deref()).is_some_and(|e| e.eq_ignore_ascii_case("always")) {
        out.push(Concern::Essential);
    }
    out
}

/// A service a change disables, with the records of it that go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disabled {
    /// The service (for a record several could have written, each of them).
    pub service: Break,
    /// True when the records could also have been written by another service.
    pub one_of: bool,
    /// Positions in the change set's `deleted` of its records that go.
    pub deleted: Vec<usize>,
    /// What those records are for.
    pub concerns: Vec<Concern>,
}

impl Catalogue {
    /// The catalogue of `templates`: each template's services once, and the records
    /// whose fixed text identifies them.
    pub fn from_templates<'t>(templates: impl IntoIterator<Item = &'t Template>) -> Catalogue {
        let mut services: Vec<Service> = Vec::new();
        let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut candidates: Vec<(Pattern, BTreeSet<String>)> = Vec::new();
        for t in templates {
            let key = (t.provider_id.to_ascii_lowercase(), t.service_id.to_ascii_lowercase());
            let at = *seen.entry(key).or_insert_with(|| {
                services.push(Service {
                    provider_id: t.provider_id.clone(),
                    service_id: t.service_id.clone(),
                    provider_name: t.provider_name.clone(),
                    service_name: t.service_name.clone(),
                });
                services.len() - 1
            });
            for r in &t.records {
                if let Some(p) = pattern_of(r, at) {
                    let tokens = tokens_of(&p);
                    candidates.push((p, tokens));
                }
            }
        }
        // Which providers carry each token.
        let mut carriers: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (p, tokens) in &candidates {
            for tok in tokens {
                carriers.entry(tok.as_str()).or_default().insert(services[p.service].provider_id.as_str());
            }
        }
        let specific = |tokens: &BTreeSet<String>| tokens.iter().any(|t| carriers.get(t.as_str()).is_some_and(|c| c.len() <= DISTINCT_PROVIDERS));
        let mut patterns: Vec<Pattern> = candidates.iter().filter(|(_, tokens)| specific(tokens)).map(|(p, _)| p.clone()).collect();
        patterns.dedup();
        Catalogue { services, patterns }
    }

    /// The catalogue as rows of strings (see [`Catalogue`]).
    pub fn rows(&self) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        for (i, s) in self.services.iter().enumerate() {
            let head = [s.provider_id.clone(), s.service_id.clone(), s.provider_name.clone().unwrap_or_default(), s.service_name.clone().unwrap_or_default()];
            let mut tails: Vec<[String; 3]> =
                self.patterns.iter().filter(|p| p.service == i).map(|p| [p.rtype.name().into_owned(), p.host.clone(), p.data.clone()]).collect();
            if tails.is_empty() {
                tails.push(Default::default());
            }
            rows.extend(tails.into_iter().map(|t| head.iter().cloned().chain(t).collect()));
        }
        rows
    }

    /// The catalogue from its rows; a row of another length is left out.
    pub fn from_rows(rows: Vec<Vec<String>>) -> Catalogue {
        let mut c = Catalogue::default();
        for row in rows {
            let Ok([provider_id, service_id, provider_name, service_name, rtype, host, data]) = <[String; 7]>::try_from(row) else { continue };
            let at = match c.services.last() {
                Some(s) if s.provider_id == provider_id && s.service_id == service_id => c.services.len() - 1,
                _ => {
                    let some = |s: String| (!s.is_empty()).then_some(s);
                    c.services.push(Service { provider_id, service_id, provider_name: some(provider_name), service_name: some(service_name) });
                    c.services.len() - 1
                }
            };
            if !rtype.is_empty() {
                c.patterns.push(Pattern { service: at, rtype: RecordType::parse(&rtype), host, data });
            }
        }
        c
    }

    /// Whether a record like `p` identifies its service (its fixed text is specific enough).
    pub fn identifies(&self, p: &Pattern) -> bool {
        self.patterns.contains(p)
    }

    /// The service with these ids, if the catalogue holds it.
    pub fn service(&self, provider_id: &str, service_id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.provider_id.eq_ignore_ascii_case(provider_id) && s.service_id.eq_ignore_ascii_case(service_id))
    }

    /// The services that could have written `record`: its `_dc` provenance when it has
    /// one, otherwise every catalogue service with a matching record (none when none
    /// can be told).
    pub fn attribute(&self, record: &ZoneRecord) -> Vec<Break> {
        if let Some((p, s)) = record.dc.as_ref().and_then(|d| Some((d.provider_id.as_deref()?, d.service_id.as_deref()?))) {
            let service_name = self.service(p, s).and_then(|s| s.service_name.clone());
            return vec![Break { provider_id: p.to_string(), service_id: s.to_string(), service_name, via: Via::Provenance }];
        }
        // In catalogue order, each service once.
        let mut out: Vec<Break> = Vec::new();
        for p in self.patterns.iter().filter(|p| matches(p, record)) {
            let s = &self.services[p.service];
            if !out.iter().any(|b| b.provider_id == s.provider_id && b.service_id == s.service_id) {
                out.push(Break {
                    provider_id: s.provider_id.clone(),
                    service_id: s.service_id.clone(),
                    service_name: s.service_name.clone(),
                    via: Via::Catalogue,
                });
            }
        }
        out
    }

    /// For each record `changes` deletes, the services its removal breaks: none for a
    /// record the change writes again identically, for an SPF record whose rules are
    /// merged into its replacement, or for the applying template's own service.
    pub fn breaks(&self, changes: &ChangeSet, template: &Template) -> Vec<Vec<Break>> {
        let asked = to_attribute(changes);
        let records = changes.deleted.iter().zip(asked).map(|(d, ask)| ask.then_some(&d.record));
        self.attribute_each(records, &template.provider_id, &template.service_id)
    }

    /// [`Catalogue::attribute`] for each record given (none for `None`), leaving out the
    /// applying template's own service (`own_provider`/`own_service`).
    pub fn attribute_each<'r>(&self, records: impl IntoIterator<Item = Option<&'r ZoneRecord>>, own_provider: &str, own_service: &str) -> Vec<Vec<Break>> {
        records
            .into_iter()
            .map(|r| {
                let Some(r) = r else { return Vec::new() };
                let mut b = self.attribute(r);
                b.retain(|b| !(b.provider_id.eq_ignore_ascii_case(own_provider) && b.service_id.eq_ignore_ascii_case(own_service)));
                b
            })
            .collect()
    }
}

/// For each record `changes` deletes, whether its removal could break a service: not
/// when the change writes it again identically, nor for an SPF record whose rules are
/// merged into its replacement.
pub fn to_attribute(changes: &ChangeSet) -> Vec<bool> {
    let net = changes.net();
    changes
        .deleted
        .iter()
        .enumerate()
        .map(|(i, d)| !matches!(&d.reason, DeletionReason::Conflict { rule: ConflictRule::SpfMerge, .. }) && !net.rewrites_deleted(i))
        .collect()
}

/// The services a change disables, from [`Catalogue::breaks`]' answer: each once, with
/// its records and what they are for; those with mail, verification or essential
/// records first.
pub fn disabled(changes: &ChangeSet, breaks: &[Vec<Break>]) -> Vec<Disabled> {
    let mut out: Vec<Disabled> = Vec::new();
    for (i, b) in breaks.iter().enumerate() {
        let Some(d) = changes.deleted.get(i) else { continue };
        for s in b {
            let at = match out.iter().position(|x| x.service.provider_id == s.provider_id && x.service.service_id == s.service_id) {
                Some(at) => at,
                None => {
                    out.push(Disabled { service: s.clone(), one_of: false, deleted: Vec::new(), concerns: Vec::new() });
                    out.len() - 1
                }
            };
            let x = &mut out[at];
            x.one_of |= b.len() > 1;
            x.deleted.push(i);
            for c in concerns(&d.record) {
                if !x.concerns.contains(&c) {
                    x.concerns.push(c);
                }
            }
        }
    }
    // Those with mail, verification or essential records first, each group in order.
    let (mut first, rest): (Vec<Disabled>, Vec<Disabled>) = out.into_iter().partition(|d| !d.concerns.is_empty());
    first.extend(rest);
    first
}

impl Pattern {
    /// The catalogue record of a template record of service `service`, if its type
    /// carries data to match (a redirect does not).
    pub fn of(r: &TemplateRecord, service: usize) -> Option<Pattern> {
        pattern_of(r, service)
    }

    /// Whether any of its text (owner or data) is fixed, not a variable.
    pub fn has_fixed_text(&self) -> bool {
        self.host != "@" && !fixed_parts(&self.host).is_empty() || !fixed_parts(&self.data).is_empty()
    }
}
