//! The core's typed answers in the page's words: each variant a message of the
//! catalogues, its fields the placeholders. Technical detail nested in a variant (why a
//! key cannot be used, which rule of the template fails) stays as the core says it, in
//! English — it is what support searches for. A variant added to the core later shows
//! in English until it has a message.

use crate::i18n::{t, tr, Value};
use domain_connect::changeset::{ConflictRule, DeletionReason};
use domain_connect::return_uri::ReturnTo;
use domain_connect::review::ProxyWarning;
use domain_connect::verdict::Verdict;
use domain_connect::Refusal;

fn v(s: &str) -> Value<'_> {
    Value::from(s)
}

/// A phrase the core ends with a full stop, without it (the messages add their own).
fn bare(s: &str) -> String {
    s.trim_end_matches('.').to_string()
}

/// The signature line of a request that is not signed-and-valid.
pub fn verdict(x: &Verdict) -> String {
    match x {
        Verdict::Invalid(r) => tr("sig-invalid", &[("reason", bare(&r.to_string()).into())]),
        Verdict::RequiredButMissing(r) => tr("sig-required", &[("reason", bare(&r.to_string()).into())]),
        Verdict::NotRequired => t("sig-not-used"),
        other => other.to_string(),
    }
}

/// One reason a request cannot be applied.
pub fn refusal(x: &Refusal) -> String {
    match x {
        Refusal::SignatureInvalid { .. } | Refusal::SignatureMissing { .. } => t("refusal-signature"),
        Refusal::SyncBlock => t("refusal-sync-block"),
        Refusal::HostRequired => t("refusal-host-required"),
        Refusal::KeyUnavailable { key_host, reason } => tr("refusal-key-unavailable", &[("host", v(key_host)), ("reason", v(reason))]),
        Refusal::TemplateMismatch { url_provider_id, url_service_id, provider_id, service_id } => tr(
            "refusal-template-mismatch",
            &[("asked", format!("{url_provider_id}/{url_service_id}").into()), ("reviewed", format!("{provider_id}/{service_id}").into())],
        ),
        Refusal::ControlCharacter { parameter, position, code_point } => tr(
            "refusal-control-character",
            &[("parameter", format!("{parameter:?}").into()), ("character", format!("U+{code_point:04X}").into()), ("position", (*position).into())],
        ),
        Refusal::RedirectRefused { uri, reason } => tr("refusal-redirect", &[("uri", format!("{uri:?}").into()), ("reason", reason.to_string().into())]),
        Refusal::Apply { error } => tr("refusal-apply", &[("error", error.to_string().into())]),
        other => other.to_string(),
    }
}

/// Where the user is returned, as a sentence.
pub fn return_to(x: &ReturnTo) -> String {
    match x {
        ReturnTo::None => t("return-none"),
        ReturnTo::Allowed { uri, because } => tr("return-allowed", &[("uri", v(uri)), ("because", because.to_string().into())]),
        ReturnTo::Refused { uri, reason } => tr("return-refused", &[("uri", v(uri)), ("reason", bare(&reason.to_string()).into())]),
        other => other.to_string(),
    }
}

/// What a proxy choice risks.
pub fn proxy_warning(x: &ProxyWarning) -> String {
    match x {
        ProxyWarning::MixedAtName { name } => tr("proxy-mixed", &[("name", v(name))]),
        ProxyWarning::UnreachableAddress { name, address, kind } => tr("proxy-unreachable", &[("name", v(name)), ("address", v(address)), ("kind", v(kind))]),
        other => other.to_string(),
    }
}

/// Why a record is removed (`english`: the core's sentence, for a reason without a message).
pub fn deletion(x: &DeletionReason, english: &str) -> String {
    match x {
        DeletionReason::Conflict { rule, by, .. } => {
            let by = tr("by-new-record", &[("type", by.rtype.to_string().into()), ("name", v(&by.name))]);
            let id = match rule {
                ConflictRule::Cname => "why-cname",
                ConflictRule::SameType => "why-same-type",
                ConflictRule::SrvSameName => "why-srv",
                ConflictRule::TxtAll => "why-txt-all",
                ConflictRule::TxtPrefix { prefix } => return tr("why-txt-prefix", &[("by", by.into()), ("prefix", v(prefix))]),
                ConflictRule::SpfMerge => "why-spf",
                ConflictRule::NsDelegation => "why-ns-delegation",
                ConflictRule::NsAboveNewRecord => "why-ns-above",
                ConflictRule::Redirect => "why-redirect",
                _ => return english.to_string(),
            };
            tr(id, &[("by", by.into())])
        }
        DeletionReason::PreviousInstance { provider_id, service_id, host, .. } => {
            tr("why-previous", &[("template", format!("{provider_id}/{service_id}").into()), ("host", v(host))])
        }
        DeletionReason::EssentialCascade { trigger, provider_id, service_id, .. } => {
            tr("why-cascade", &[("template", format!("{provider_id}/{service_id}").into()), ("record", format!("{} {}", trigger.rtype, trigger.name).into())])
        }
        _ => english.to_string(),
    }
}
