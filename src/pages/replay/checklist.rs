//! The diagnosis: the verdict first, then each step with its status, what was found
//! and the evidence (exact strings, wrapped anywhere since they have no spaces), then
//! the change set as the consent screen shows it, and the text to paste in a ticket.

use crate::components::changes::{Changes, ZoneRef};
use domain_connect::consequences::Break;
use domain_connect::replay::{Diagnosis, Status, StepId};
use domain_connect::ZoneRecord;
use leptos::prelude::*;
use std::sync::Arc;

fn mark(s: Status) -> &'static str {
    match s {
        Status::Ok => "✓ ok",
        Status::Warn => "! warning",
        // A status the page does not know is shown as the worst.
        _ => "✗ failure",
    }
}

#[component]
pub fn Checklist(d: Diagnosis, records: Option<Vec<ZoneRecord>>, zone_error: Option<String>, breaks: Vec<Vec<Break>>) -> impl IntoView {
    let verdict = match (d.decision, d.failing()) {
        (Status::Fail, Some(step)) => format!("Would be refused at the step {}: {}", step.title, step.detail),
        (Status::Warn, _) => "Would be applied, with warnings below.".to_string(),
        _ => "Would be applied: every step passes.".to_string(),
    };
    let class = match d.decision {
        Status::Ok => "sig ok",
        Status::Warn => "sig none",
        _ => "sig bad",
    };
    let text = d.to_text();
    let shown_below = d.review.as_ref().is_some_and(|(r, _)| r.changes.is_ok());
    let diff = d.review.as_ref().and_then(|(r, domain)| {
        let cs = r.changes.as_ref().ok()?.clone();
        let zone = Arc::new(records.clone().unwrap_or_default());
        Some(view! { <h2>"The change set"</h2><Changes changes=cs zone=ZoneRef::Records(zone) domain=domain.clone() breaks=breaks.clone() at_once=500/> })
    });
    view! {
        <p class=class role="status" data-testid="replay-verdict" data-decision=d.decision.as_str()>
            <strong>{format!("Decision: {}. ", d.decision.as_str())}</strong>{verdict}</p>
        {zone_error.map(|e| view! { <div class="problem" role="alert" data-testid="zone-error"><p class="mono">{format!("The zone cannot be read: {e}")}</p></div> })}
        <ol class="checklist" data-testid="diagnosis">{d.steps.into_iter().map(|mut s| {
            // The change set's records are in the table below: not twice.
            if s.id == StepId::Changes && shown_below {
                s.evidence.clear();
            }
            view! {
            <li class=format!("step {}", s.status.as_str()) data-step=s.id.as_str() data-status=s.status.as_str()>
                <p><span class="status">{mark(s.status)}</span>" "<strong>{s.title}</strong></p>
                <p class="detail">{s.detail}</p>
                {s.evidence.into_iter().map(|(label, text)| view! {
                    <p class="label">{label}</p><pre class="mono wrap evidence">{text}</pre>
                }).collect_view()}
            </li>
        }}).collect_view()}</ol>
        {diff}
        <details class="markdown">
            <summary>"Copy as text (for the ticket)"</summary>
            <textarea class="mono" rows="12" readonly aria-label="The diagnosis as text" data-testid="replay-text" prop:value=text></textarea>
        </details>
    }
}
