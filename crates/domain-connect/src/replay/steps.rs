//! The steps of a replay that are not about the signature: the URL, the template, the
//! variables, `redirect_uri` and the change set.

use super::{Status, Step, StepId};
use crate::apply_url::ApplyUrl;
use crate::display::visible;
use crate::error::ApplyError;
use crate::return_uri::ReturnTo;
use crate::review::Review;
use crate::template::Template;
use crate::web::WebStandards;

pub(super) const URL: &str = "Apply URL";
pub(super) const TEMPLATE: &str = "Template";

/// Characters a URL carries only percent-encoded; one sent raw may be re-encoded on the
/// way (by a browser, a proxy, a mail client) and the bytes signed are then not the
/// bytes received.
fn unencoded(raw_query: &str) -> Vec<char> {
    let mut out: Vec<char> = raw_query.chars().filter(|c| !c.is_ascii() || c.is_ascii_control() || " \"<>\\^`{|}".contains(*c)).collect();
    out.dedup();
    out
}

/// The URL as a browser sends it: a URL parser drops every tab and line break (a URL
/// pasted from a mail is often broken across lines); whether any were dropped.
pub(super) fn as_sent(input: &str) -> (String, bool) {
    let kept: String = input.trim().chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let dropped = kept.len() != input.trim().len();
    (kept, dropped)
}

/// An internationalised domain's Unicode form, to show beside its ASCII form.
fn unicode(url: &ApplyUrl) -> String {
    if url.domain.is_idn() || url.host.as_ref().is_some_and(|h| h.is_idn()) {
        let host = url.host.as_ref().map(|h| format!("{}.", h.unicode)).filter(|h| h != ".").unwrap_or_default();
        format!(" ({}, in Unicode)", visible(&format!("{host}{}", url.domain.unicode)))
    } else {
        String::new()
    }
}

/// The URL's shape and parameters (`dropped`: line breaks were taken out of it).
pub(super) fn url(input: &str, dropped: bool, web: &dyn WebStandards) -> Result<(ApplyUrl, Step), Step> {
    let url =
        ApplyUrl::parse_with(input, web).map_err(|e| Step::new(StepId::Url, URL, Status::Fail, format!("The URL cannot be read as an apply URL: {e}.")))?;
    let names: Vec<&str> = url.params.iter().map(|p| p.name.as_str()).collect();
    let mut step = Step::new(
        StepId::Url,
        URL,
        Status::Ok,
        format!("Template {}/{} at {}{}; {} parameter(s): {}.", url.provider_id, url.service_id, url.fqdn(), unicode(&url), names.len(), names.join(", ")),
    );
    let mut warnings: Vec<String> = url.notes.iter().map(|n| format!("{n}.")).collect();
    if dropped {
        warnings.push("line breaks or tabs in it were taken out, as a browser's URL parser does: check that the URL was not cut where it was broken.".into());
    }
    for p in url.params.iter().filter(|p| !p.reserved) {
        if p.name.starts_with("dc.") || p.name.starts_with("vnd.") {
            warnings.push(format!("{:?} uses a prefix the draft reserves for extensions (dc., vnd.), not for template variables.", p.name));
        }
    }
    let (host, domain) = (url.host_ascii(), url.domain.ascii.as_str());
    if host == domain || host.ends_with(&format!(".{domain}")) {
        warnings.push(format!(
            "host {host:?} repeats the domain: the records would land at {}, not at {host}. The host parameter is the part before the domain.",
            url.fqdn()
        ));
    }
    let raw = unencoded(&url.raw_query);
    if !raw.is_empty() {
        let shown: Vec<String> = raw.iter().map(|c| visible(&c.to_string()).into_owned()).collect();
        warnings.push(format!("the query carries {} unencoded: it may be re-encoded on the way and no longer match what was signed.", shown.join(" ")));
    }
    if !warnings.is_empty() {
        step.status = Status::Warn;
        step.detail += &format!(" Note: {}", warnings.join(" "));
    }
    let listed: Vec<String> =
        url.params.iter().map(|p| format!("{} = {}{}", visible(&p.name), visible(&p.value), if p.reserved { "" } else { "   (variable)" })).collect();
    Ok((url, step.with("Parameters, in order, decoded", listed.join("\n"))))
}

/// Which template, from where, and what of it decides the flow.
pub(super) fn template(url: &ApplyUrl, t: &Template, source: &str) -> Step {
    let mut facts =
        vec![format!("{}/{} version {} from {source}", t.provider_id, t.service_id, t.version.map(|v| v.to_string()).unwrap_or_else(|| "(none)".into()))];
    facts.push(match t.sync_pub_key_domain.as_deref().filter(|d| !d.is_empty()) {
        Some(d) => format!("signed requests only (syncPubKeyDomain {d})"),
        None => "no syncPubKeyDomain: signatures are not checked".into(),
    });
    if t.host_required == Some(true) {
        facts.push(format!(
            "hostRequired (the URL gives {})",
            if url.host_ascii().is_empty() { "none".to_string() } else { format!("host {:?}", url.host_ascii()) }
        ));
    }
    if t.sync_block == Some(true) {
        facts.push("syncBlock: it may not be applied from a link".into());
    }
    Step::new(StepId::Template, TEMPLATE, Status::Ok, facts.join("; ") + ".")
}

/// An engine error about a variable's value (missing, or one it rejects).
pub(super) fn is_variable_error(e: &ApplyError) -> bool {
    matches!(e, ApplyError::MissingParameter(_) | ApplyError::InvalidData(_))
}

/// Missing and unused variables, and values the engine rejects.
pub(super) fn variables(url: &ApplyUrl, t: &Template, r: &Review) -> Step {
    let wanted = t.variables(&url.group_ids);
    let mut step = Step::new(
        StepId::Variables,
        "Variables",
        Status::Ok,
        match wanted.len() {
            0 => "The template takes no variables.".to_string(),
            _ => format!("The template takes {}.", wanted.join(", ")),
        },
    );
    if !r.flags.missing_variables.is_empty() {
        step.fail(&format!("Missing from the URL: {}.", r.flags.missing_variables.join(", ")));
    }
    if !r.flags.unused_variables.is_empty() {
        step.status = step.status.max(Status::Warn);
        step.detail += &format!(" Not used by the template (ignored, though signed): {}.", r.flags.unused_variables.join(", "));
    }
    step
}

/// Where the user would be sent back, and why (not).
pub(super) fn redirect(to: &ReturnTo) -> Step {
    let status = if matches!(to, ReturnTo::Refused { .. }) { Status::Fail } else { Status::Ok };
    Step::new(StepId::RedirectUri, "Return address (redirect_uri)", status, format!("{}.", visible(&to.to_string())))
}

/// The change set against the zone given, or an empty one.
pub(super) fn changes(r: &Review, zone_given: bool) -> Step {
    let title = "Change set";
    match &r.changes {
        Err(e) => Step::new(StepId::Changes, title, Status::Fail, format!("The template cannot be applied: {e}.")),
        Ok(cs) => {
            let against = if zone_given { "the customer's zone" } else { "an empty zone (no zone was given: what it removes cannot be seen)" };
            let mut step = Step::new(
                StepId::Changes,
                title,
                if zone_given { Status::Ok } else { Status::Warn },
                format!("Against {against}: {} to add, {} to remove.", cs.new_count(), cs.delete_count()),
            );
            let line = |r| crate::zone::bind_line(r).replace('\t', " ");
            for a in &cs.added {
                step = step.with("add", visible(&line(&a.record)));
            }
            for d in &cs.deleted {
                step = step.with("remove", visible(&format!("{} — {}", line(&d.record), d.explanation)));
            }
            step
        }
    }
}
