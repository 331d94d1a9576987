//! Support replay: a reported apply request diagnosed step by step — the URL, the
//! template, the variables, the key host, the public key, the signature (and, when it
//! fails, which other common construction the Service Provider signed), the
//! `redirect_uri`, and the change set — each step ok, warn or fail with its evidence,
//! then one decision. The page and `dconn replay` both call [`diagnose`].
//!
//! The decision agrees with [`crate::review`] run as the consent page runs it: every
//! refusal of the review fails the step it belongs to, so a request the consent page
//! would refuse is never diagnosed ok. Inputs the supporter could not supply (the key
//! TXT, the zone) make their steps warn, not fail.

use crate::record::ZoneRecord;
use crate::review::{review, KeyAnswer, Policy, Refusal, Review, ZoneInput};
use crate::template::Template;
use crate::web::WebStandards;
use serde::Serialize;

pub mod har;
mod signing;
mod steps;

/// How a step, or the whole request, came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Nothing wrong.
    Ok,
    /// Worth a look; would not by itself stop the request.
    Warn,
    /// Stops the request.
    Fail,
}

impl Status {
    /// `ok`, `warn` or `fail`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail => "fail",
        }
    }
}

/// Which step of the checklist, in the order they are taken; serialized as its stable
/// name (`url`, `template`, `variables`, `key_host`, `key`, `signature`,
/// `redirect_uri`, `changes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StepId {
    /// The apply URL as sent.
    Url,
    /// The template it names.
    Template,
    /// The template's variables against the URL's.
    Variables,
    /// `{key}.{syncPubKeyDomain}`.
    KeyHost,
    /// The public key published there.
    Key,
    /// The signature over the signed bytes.
    Signature,
    /// The return address.
    RedirectUri,
    /// What applying would change.
    Changes,
}

impl StepId {
    /// The stable name (as in `dconn replay --json` and the page's `data-step`).
    pub fn as_str(self) -> &'static str {
        match self {
            StepId::Url => "url",
            StepId::Template => "template",
            StepId::Variables => "variables",
            StepId::KeyHost => "key_host",
            StepId::Key => "key",
            StepId::Signature => "signature",
            StepId::RedirectUri => "redirect_uri",
            StepId::Changes => "changes",
        }
    }
}

impl std::fmt::Display for StepId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Which step.
    pub id: StepId,
    /// How it came out.
    pub status: Status,
    /// The step's name.
    pub title: &'static str,
    /// What was found, in a sentence or a few.
    pub detail: String,
    /// The evidence behind it, as (label, exact text) pairs: the signed bytes, the TXT
    /// strings, what another construction would have signed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<(String, String)>,
}

impl Step {
    fn new(id: StepId, title: &'static str, status: Status, detail: impl Into<String>) -> Step {
        Step { id, status, title, detail: detail.into(), evidence: Vec::new() }
    }

    fn with(mut self, label: impl Into<String>, text: impl Into<String>) -> Step {
        self.evidence.push((label.into(), text.into()));
        self
    }

    /// Fail this step, adding `why` to its detail unless the step failed already (its
    /// own detail then says why, in its own words).
    fn fail(&mut self, why: &str) {
        if self.status != Status::Fail {
            self.status = Status::Fail;
            self.detail = if self.detail.is_empty() { why.to_string() } else { format!("{} {why}", self.detail) };
        }
    }
}

/// The checklist and its outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    /// The worst status among the steps.
    pub decision: Status,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The review behind the steps, and the domain (ASCII) it applies to, when the URL
    /// and the template could be read: for a screen's diff.
    #[serde(skip)]
    pub review: Option<(Box<Review>, String)>,
}

impl Diagnosis {
    fn of(steps: Vec<Step>) -> Diagnosis {
        Diagnosis { decision: steps.iter().map(|s| s.status).max().unwrap_or(Status::Ok), steps, review: None }
    }

    /// The first step that fails, if any.
    pub fn failing(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.status == Status::Fail)
    }

    /// `{"decision", "steps": [{"id", "status", "title", "detail"}]}`, as `dconn replay --json` prints it.
    pub fn to_json(&self) -> serde_json::Value {
        let steps: Vec<serde_json::Value> = self
            .steps
            .iter()
            .map(|s| {
                let mut step = serde_json::json!({"id": s.id, "status": s.status, "title": s.title, "detail": s.detail});
                // The exact strings behind it (signed bytes, what verifies), when there are any.
                if !s.evidence.is_empty() {
                    let evidence: Vec<_> = s.evidence.iter().map(|(label, text)| serde_json::json!({"label": label, "text": text})).collect();
                    step["evidence"] = evidence.into();
                }
                step
            })
            .collect();
        serde_json::json!({"decision": self.decision, "steps": steps})
    }

    /// The diagnosis as plain text for a support ticket.
    pub fn to_text(&self) -> String {
        let mut out = format!("Decision: {}\n", self.decision.as_str().to_uppercase());
        for (i, s) in self.steps.iter().enumerate() {
            out += &format!("\n{}. [{}] {}: {}\n", i + 1, s.status.as_str(), s.title, s.detail);
            for (label, text) in &s.evidence {
                out += &format!("   {label}:\n");
                for line in text.lines() {
                    out += &format!("     {line}\n");
                }
            }
        }
        out
    }
}

/// The template the request names, as the supporter has it.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum TemplateInput<'a> {
    /// Its JSON text (a malformed one fails the step).
    Text {
        /// The JSON.
        json: &'a str,
        /// Where it came from.
        source: &'a str,
    },
    /// Loaded already.
    Loaded {
        /// The template.
        template: &'a Template,
        /// Where it came from.
        source: &'a str,
    },
    /// None could be had.
    Missing {
        /// Why (what was searched).
        reason: &'a str,
    },
}

/// What a diagnosis is made from.
#[derive(Debug, Clone, Copy)]
pub struct Case<'a> {
    /// The apply URL exactly as it was sent (absolute, or a path with its query).
    pub url: &'a str,
    /// The template.
    pub template: TemplateInput<'a>,
    /// The TXT strings at the key host, or why there are none.
    pub key: &'a KeyAnswer,
    /// The customer's zone, when the supporter has it (else an empty zone, said).
    pub zone: Option<&'a [ZoneRecord]>,
}

/// Diagnose one request. Never panics; a malformed URL or template is a failing step.
pub fn diagnose(case: &Case<'_>, web: &dyn WebStandards) -> Diagnosis {
    let mut steps = Vec::new();
    let (sent, dropped) = steps::as_sent(case.url);
    let url = match steps::url(&sent, dropped, web) {
        Ok((url, step)) => {
            steps.push(step);
            url
        }
        Err(step) => return Diagnosis::of(vec![step]),
    };
    let owned;
    let (template, source) = match case.template {
        TemplateInput::Loaded { template, source } => (template, source),
        TemplateInput::Text { json, source } => match Template::from_json(json) {
            Ok(t) => {
                owned = t;
                (&owned, source)
            }
            Err(e) => {
                let at = if e.path.is_empty() { String::new() } else { format!(" at {}", e.path) };
                steps.push(Step::new(StepId::Template, steps::TEMPLATE, Status::Fail, format!("The template from {source} does not load{at}: {}", e.message)));
                return Diagnosis::of(steps);
            }
        },
        TemplateInput::Missing { reason } => {
            steps.push(Step::new(StepId::Template, steps::TEMPLATE, Status::Fail, format!("No template {}/{}: {reason}", url.provider_id, url.service_id)));
            return Diagnosis::of(steps);
        }
    };
    let empty = [];
    let zone = case.zone.unwrap_or(&empty);
    let r = review(&url, template, case.key, ZoneInput::Records(zone), &Policy::default());
    steps.push(steps::template(&url, template, source));
    steps.push(steps::variables(&url, template, &r));
    steps.extend(signing::steps(&url, &sent, template, case.key, &r.signature));
    steps.push(steps::redirect(&r.return_to));
    steps.push(steps::changes(&r, case.zone.is_some()));
    // Every refusal of the review fails its step: the decision is never kinder than the consent page.
    for refusal in &r.decision.refusals {
        let id = match refusal {
            Refusal::ControlCharacter { .. } => StepId::Url,
            Refusal::TemplateMismatch { .. } | Refusal::SyncBlock | Refusal::HostRequired => StepId::Template,
            Refusal::SignatureMissing { .. } => StepId::KeyHost,
            Refusal::KeyUnavailable { .. } => StepId::Key,
            Refusal::SignatureInvalid { .. } if matches!(case.key, KeyAnswer::NotAsked) => continue,
            Refusal::SignatureInvalid { .. } => StepId::Signature,
            Refusal::RedirectRefused { .. } => StepId::RedirectUri,
            Refusal::Apply { error } if steps::is_variable_error(error) => StepId::Variables,
            _ => StepId::Changes,
        };
        if let Some(step) = steps.iter_mut().find(|s| s.id == id) {
            step.fail(&format!("{refusal}."));
        }
    }
    let mut d = Diagnosis::of(steps);
    d.review = Some((Box::new(r), url.domain.ascii.clone()));
    d
}
