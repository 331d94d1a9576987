//! The review of a whole apply request — one answer to "what does this request ask,
//! who vouches for it, what would it change, and may it be applied?" for every front
//! end: the consent screen, the template preview, support replay, `dconn apply` and
//! `dconn verify`.
//!
//! The caller fetches (template, key TXT, zone) and passes them in with the DNS
//! provider's [`Policy`]; [`review`] does everything else, in this order: the
//! signature verdict ([`crate::verdict::check`]), the request flags
//! ([`crate::verdict::flags`]), the `redirect_uri` decision ([`crate::return_uri`]),
//! the change set ([`crate::apply`]), and the [`Decision`] with every [`Refusal`] that
//! stands in the way.
//!
//! The change set is computed whatever the signature says, so a screen can show what
//! an unverified request *would* do; whether it may be applied is the decision's
//! alone.

use crate::apply::{apply_template, apply_template_indexed, ApplyRequest, Dialect, IndexedZone, SignatureGate};
use crate::apply_url::ApplyUrl;
use crate::changeset::ChangeSet;
use crate::error::ApplyError;
use crate::record::ZoneRecord;
use crate::return_uri::{self, RedirectRefusal, ReturnTo};
use crate::signature::SignatureProblem;
use crate::template::{Template, TemplateRecord};
use crate::verdict::{self, RequestFlags, SignatureReport, Verdict};
use serde::Serialize;
use std::fmt;

mod proxy;
pub use proxy::{ProxyDefaults, ProxyWarning};

/// What the key lookup at `{key}.{syncPubKeyDomain}` gave.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyAnswer {
    /// No lookup was made (the template takes no signature, or the URL names no key).
    NotAsked,
    /// The TXT strings found (none is a valid answer: the key is not published), and
    /// where they were read, in the caller's words (e.g. "DNS-over-HTTPS at …").
    Found {
        /// One string per TXT record, its strings joined.
        txt: Vec<String>,
        /// Where they were read, in the caller's words.
        source: String,
    },
    /// The lookup itself failed (network, DoH error): why.
    Failed {
        /// What failed.
        reason: String,
    },
}

/// The zone the request is applied to.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum ZoneInput<'a> {
    /// Records as read (indexed for this one review).
    Records(&'a [ZoneRecord]),
    /// A zone indexed beforehand, for reviews repeated on every keystroke.
    Indexed(&'a IndexedZone),
}

impl<'a> ZoneInput<'a> {
    /// The zone's records.
    pub fn records(&self) -> &'a [ZoneRecord] {
        match self {
            ZoneInput::Records(r) => r,
            ZoneInput::Indexed(z) => z.records(),
        }
    }
}

/// Whether a signature is demanded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Signatures {
    /// The consent screen and `dconn verify`: a template with `syncPubKeyDomain` needs
    /// a signature that verifies.
    #[default]
    Enforce,
    /// A template author's preview, before any key is published: the verdict is still
    /// reported, but it does not refuse the request.
    Preview,
}

/// The DNS provider's side of a request.
#[derive(Debug, Clone)]
pub struct Policy<'a> {
    /// Whether a signature is demanded.
    pub signatures: Signatures,
    /// The A/AAAA records behind REDIR301/REDIR302 (the provider's redirect servers);
    /// `None`: redirect templates are refused.
    pub redirect_records: Option<&'a [TemplateRecord]>,
    /// Track provenance (`_dc`) and replace earlier instances of the template.
    pub multi_aware: bool,
    /// The instance id written into `_dc.id` (the core has no randomness).
    pub unique_id: Option<&'a str>,
    /// Which engine's answer to give where they differ on purpose.
    pub dialect: Dialect,
    /// Initial proxy toggles.
    pub proxy_defaults: Option<&'a ProxyDefaults>,
    /// How RS256 is computed: RustCrypto, or the platform's (the consent page passes
    /// the browser's Web Crypto answers, so it carries no RSA code).
    pub rs256: &'a dyn crate::signature::Rs256,
}

impl Default for Policy<'_> {
    fn default() -> Self {
        Policy {
            signatures: Signatures::default(),
            redirect_records: None,
            multi_aware: false,
            unique_id: None,
            dialect: Dialect::default(),
            proxy_defaults: None,
            rs256: &crate::signature::RustCrypto,
        }
    }
}

/// Why a request may not be applied. One request can have several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "refusal", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Refusal {
    /// The template has `syncBlock`: it may not be applied through this flow.
    SyncBlock,
    /// The template has `hostRequired` and the URL gives no host.
    HostRequired,
    /// The template requires a signature and the URL has none (or no key).
    SignatureMissing {
        /// What is missing.
        reason: SignatureProblem,
    },
    /// The URL is signed, but the signature does not verify or the key cannot be used.
    SignatureInvalid {
        /// Why it does not verify.
        reason: SignatureProblem,
    },
    /// The key could not be looked up at all.
    KeyUnavailable {
        /// Where the key was looked up.
        key_host: String,
        /// What failed.
        reason: String,
    },
    /// The URL's path names another template than the one reviewed.
    TemplateMismatch {
        /// `providerId` in the URL's path.
        url_provider_id: String,
        /// `serviceId` in the URL's path.
        url_service_id: String,
        /// The reviewed template's `providerId`.
        provider_id: String,
        /// The reviewed template's `serviceId`.
        service_id: String,
    },
    /// A parameter's name or value holds a control character (NUL, other C0, DEL, C1);
    /// nothing with one reaches a records API.
    ControlCharacter {
        /// The parameter's name.
        parameter: String,
        /// The character's position (0-based, in characters) in the name or value.
        position: usize,
        /// The character.
        code_point: u32,
    },
    /// The `redirect_uri` may not be followed; a request that cannot return its user
    /// safely is not applied either.
    RedirectRefused {
        /// The `redirect_uri`.
        uri: String,
        /// Why it may not be followed.
        reason: RedirectRefusal,
    },
    /// The engine refused the template or its values.
    Apply {
        /// The engine's error.
        error: ApplyError,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SyncBlock => write!(f, "the template may not be applied from a link (syncBlock)"),
            Self::HostRequired => write!(f, "the template must be applied at a host, and the link gives none (hostRequired)"),
            Self::SignatureMissing { reason } => write!(f, "a signature is required: {reason}"),
            Self::SignatureInvalid { reason } => write!(f, "the signature does not verify: {reason}"),
            Self::KeyUnavailable { key_host, reason } => write!(f, "the key at {key_host} could not be read: {reason}"),
            Self::TemplateMismatch { url_provider_id, url_service_id, provider_id, service_id } => {
                write!(f, "the link names template {url_provider_id}/{url_service_id}, but the template reviewed is {provider_id}/{service_id}")
            }
            Self::ControlCharacter { parameter, position, code_point } => {
                write!(f, "parameter {parameter:?} holds the control character U+{code_point:04X} at character {position}")
            }
            Self::RedirectRefused { uri, reason } => write!(f, "the return address {uri:?} may not be used: {reason}"),
            Self::Apply { error } => write!(f, "the template cannot be applied: {error}"),
        }
    }
}

/// Whether the request may be applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// No refusal stands in the way.
    pub may_apply: bool,
    /// Every reason it may not, in the order of the review's steps (empty when it may).
    pub refusals: Vec<Refusal>,
}

/// Everything a front end needs to show a request and act on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// The signature verdict, with its steps.
    pub signature: SignatureReport,
    /// syncBlock, the phishing warning, shared names, missing and unused variables.
    pub flags: RequestFlags,
    /// Whether and why the user may be returned to the request's `redirect_uri`.
    pub return_to: ReturnTo,
    /// What applying would do (computed even when the decision refuses).
    #[serde(serialize_with = "ser_changes")]
    pub changes: Result<ChangeSet, ApplyError>,
    /// The initial proxy toggle of each added record, in `changes.added` order
    /// (`None`: the type cannot be proxied).
    pub proxy: Vec<Option<bool>>,
    /// Whether it may be applied, and every reason it may not.
    pub decision: Decision,
}

/// The change set, or the error as `dconn apply` prints one (`{"exception", "message"}`).
fn ser_changes<S: serde::Serializer>(c: &Result<ChangeSet, ApplyError>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Ok(cs) => cs.serialize(s),
        Err(e) => e.serialize(s),
    }
}

/// What the user approved: the change set, and the proxy choice for each added record
/// (`None` where the type cannot be proxied), which travel together to the records API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approved {
    /// The change set reviewed.
    pub changes: ChangeSet,
    /// Proxied (`Some(true)`), DNS-only (`Some(false)`) or not proxiable (`None`), in
    /// `changes.added` order.
    pub proxied: Vec<Option<bool>>,
}

impl Review {
    /// Approve the request with the user's proxy choices (in `changes.added` order; a
    /// choice for a type that cannot be proxied is ignored). Refused when the decision
    /// refuses: nothing reaches a records API then.
    pub fn approve(&self, proxied: &[Option<bool>]) -> Result<Approved, Vec<Refusal>> {
        let changes = match (&self.decision.may_apply, &self.changes) {
            (true, Ok(cs)) => cs.clone(),
            _ => return Err(self.decision.refusals.clone()),
        };
        let proxied =
            changes.added.iter().enumerate().map(|(i, a)| a.record.rtype.is_proxiable().then(|| proxied.get(i).copied().flatten().unwrap_or(false))).collect();
        Ok(Approved { changes, proxied })
    }

    /// What is worth a warning in these proxy choices (in `changes.added` order).
    pub fn proxy_warnings(&self, proxied: &[Option<bool>]) -> Vec<ProxyWarning> {
        match &self.changes {
            Ok(cs) => proxy::warnings(cs, proxied),
            Err(_) => Vec::new(),
        }
    }

    /// Where to send the user once the request is applied (`cancelled: false`) or
    /// declined (`true`): the allowed `redirect_uri` with `state`, and on cancel
    /// `error=access_denied&error_description=user_cancel`. `None`: no allowed
    /// `redirect_uri` — say the window may be closed.
    pub fn return_url(&self, url: &ApplyUrl, cancelled: bool) -> Option<String> {
        let ReturnTo::Allowed { .. } = &self.return_to else { return None };
        let Some(Ok(uri)) = &url.redirect else { return None };
        Some(return_uri::return_url(uri, url.state.as_deref(), cancelled.then_some("user_cancel")))
    }
}

/// The engine's request for an apply URL: the one place an [`ApplyRequest`] is built
/// from an [`ApplyUrl`] (domain and host in their ASCII form, the URL's variables and
/// groups, the path's ids for provenance).
pub fn apply_request<'a>(url: &'a ApplyUrl, policy: &Policy<'a>, signature: SignatureGate) -> ApplyRequest<'a> {
    ApplyRequest {
        domain: &url.domain.ascii,
        host: Some(url.host_ascii()),
        params: &url.variables,
        group_ids: &url.group_ids,
        signature,
        multi_aware: policy.multi_aware,
        unique_id: policy.unique_id,
        redirect_records: policy.redirect_records,
        provider_id: Some(&url.provider_id),
        service_id: Some(&url.service_id),
        dialect: policy.dialect,
    }
}

/// A control character in a parameter (C0, DEL, C1), as a refusal.
fn control_character(url: &ApplyUrl) -> Option<Refusal> {
    url.params.iter().find_map(|p| {
        [&p.name, &p.value].into_iter().find_map(|text| {
            text.chars().enumerate().find(|(_, c)| c.is_control()).map(|(position, c)| Refusal::ControlCharacter {
                parameter: p.name.clone(),
                position,
                code_point: c as u32,
            })
        })
    })
}

/// Review one request. Never panics; every problem is in the result.
pub fn review(url: &ApplyUrl, template: &Template, key: &KeyAnswer, zone: ZoneInput<'_>, policy: &Policy<'_>) -> Review {
    let txt: &[String] = match key {
        KeyAnswer::Found { txt, .. } => txt,
        _ => &[],
    };
    let mut signature = verdict::check_with(policy.rs256, template, url, txt);
    match key {
        KeyAnswer::Found { source, .. } if signature.key_host.is_some() => {
            signature.steps.insert(1.min(signature.steps.len()), format!("read from {source}"));
        }
        KeyAnswer::Failed { reason } if signature.key_host.is_some() => {
            signature.steps.insert(1.min(signature.steps.len()), format!("the lookup failed: {reason}"));
        }
        _ => {}
    }
    let flags = verdict::flags(template, url, &signature);
    let return_to = return_uri::decide(template, url, signature.is_valid());

    let mut refusals = Vec::new();
    if url.provider_id != template.provider_id || url.service_id != template.service_id {
        refusals.push(Refusal::TemplateMismatch {
            url_provider_id: url.provider_id.clone(),
            url_service_id: url.service_id.clone(),
            provider_id: template.provider_id.clone(),
            service_id: template.service_id.clone(),
        });
    }
    if flags.sync_blocked {
        refusals.push(Refusal::SyncBlock);
    }
    refusals.extend(control_character(url));
    let host_missing = template.host_required == Some(true) && url.host_ascii().is_empty();
    if host_missing {
        refusals.push(Refusal::HostRequired);
    }
    if policy.signatures == Signatures::Enforce {
        match (&signature.verdict, key) {
            (Verdict::Valid | Verdict::NotRequired, _) => {}
            (Verdict::RequiredButMissing(reason), _) => refusals.push(Refusal::SignatureMissing { reason: reason.clone() }),
            (Verdict::Invalid(_), KeyAnswer::Failed { reason }) if signature.key_host.is_some() => {
                refusals.push(Refusal::KeyUnavailable { key_host: signature.key_host.clone().unwrap_or_default(), reason: reason.clone() })
            }
            (Verdict::Invalid(reason), _) => refusals.push(Refusal::SignatureInvalid { reason: reason.clone() }),
        }
    }
    if let ReturnTo::Refused { uri, reason } = &return_to {
        refusals.push(Refusal::RedirectRefused { uri: uri.clone(), reason: reason.clone() });
    }

    let req = apply_request(url, policy, SignatureGate::Ignore);
    let changes = match zone {
        ZoneInput::Records(records) => apply_template(template, records, &req),
        ZoneInput::Indexed(z) => apply_template_indexed(template, z, &req),
    };
    match &changes {
        Err(ApplyError::HostRequired { .. }) if host_missing => {}
        Err(error) => refusals.push(Refusal::Apply { error: error.clone() }),
        Ok(_) => {}
    }
    let proxy = match &changes {
        Ok(cs) => {
            let defaults = policy.proxy_defaults.cloned().unwrap_or_default();
            cs.added.iter().map(|a| defaults.initial(&template.provider_id, &template.service_id, &a.record.rtype)).collect()
        }
        Err(_) => Vec::new(),
    };
    Review { signature, flags, return_to, changes, proxy, decision: Decision { may_apply: refusals.is_empty(), refusals } }
}

#[cfg(test)]
mod tests;
