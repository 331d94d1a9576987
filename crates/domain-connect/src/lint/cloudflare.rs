//! Cloudflare's profile (DCTL5000–5011): what its Domain Connect does not support.

use super::{filled, Out};
use crate::template::{Template, TemplateRecord};

/// Cloudflare's profile, template level (DCTL5000–5006).
pub(crate) fn cloudflare_template(t: &Template, out: &mut Out) {
    let yes = |b: Option<bool>| b == Some(true);
    if yes(t.sync_block) {
        out.add("DCTL5000", "syncBlock", "");
    }
    if !t.requires_signature() {
        out.add("DCTL5001", "syncPubKeyDomain", "");
    }
    if yes(t.shared_service_name) {
        out.add("DCTL5002", "sharedServiceName", "");
    }
    if t.sync_redirect_domain.as_deref().is_some_and(|s| !s.is_empty()) {
        out.add("DCTL5003", "syncRedirectDomain", "");
    }
    if yes(t.multi_instance) {
        out.add("DCTL5004", "multiInstance", "");
    }
    if yes(t.warn_phishing) {
        out.add("DCTL5005", "warnPhishing", "");
    }
    if yes(t.host_required) {
        out.add("DCTL5006", "hostRequired", "");
    }
}

/// Cloudflare's profile, record level (DCTL5008, DCTL5010, DCTL5011).
pub(crate) fn cloudflare_record(r: &TemplateRecord, rtype: &crate::record_type::RecordType, at: &dyn Fn(&str) -> String, out: &mut Out) {
    if *rtype == crate::record_type::RecordType::Txt {
        if filled(&r.txt_conflict_matching_mode) {
            out.add("DCTL5008", at("txtConflictMatchingMode"), "");
        }
        if filled(&r.txt_conflict_matching_prefix) {
            out.add("DCTL5008", at("txtConflictMatchingPrefix"), "");
        }
    }
    if r.ttl.as_ref().is_some_and(|t| t.0.parse::<i64>() == Ok(0)) {
        out.add("DCTL5010", at("ttl"), "");
    }
    if filled(&r.essential) {
        out.add("DCTL5011", at("essential"), "");
    }
}
