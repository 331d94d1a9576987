//! Connect and Cancel, and what the user is told after either.

use super::Loaded;
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
use crate::components::download::download;
use crate::i18n::{t, tr, Value};
use crate::providers;
use domain_connect::display::visible;
use leptos::prelude::*;
use std::sync::Arc;

/// What happened after Connect or Cancel.
#[derive(Clone)]
enum Outcome {
    Applying,
    Applied { applied: providers::Applied, next: Option<String> },
    Failed(providers::ApplyFailure),
    Cancelled { next: Option<String> },
}

fn go(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(url);
    }
}

/// The way out when there is no `redirect_uri`: a popup closes itself (its opener heard
/// what happened); a page in a tab or frame stays.
fn close_if_popup() {
    if let Some(w) = web_sys::window() {
        if w.opener().map(|o| !o.is_null()).unwrap_or(false) {
            let _ = w.close();
        }
    }
}

/// After Connect on a live records API: verify, save, Undo (builds with an adapter).
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
fn after_apply(l: Arc<Loaded>) -> AnyView {
    view! { <AfterApply l=l/> }.into_any()
}

#[cfg(not(any(feature = "powerdns", feature = "cloudflare")))]
fn after_apply(_: Arc<Loaded>) -> AnyView {
    ().into_any()
}

/// After Connect, when the user stays on the page: the new records checked over DNS,
/// the change to download, and Undo.
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
#[component]
fn AfterApply(l: Arc<Loaded>) -> impl IntoView {
    let domain = l.url.domain.ascii.clone();
    let Ok(cs) = &l.review.changes else { return ().into_any() };
    let added: Vec<_> = cs.added.iter().map(|a| a.record.clone()).collect();
    let removed: Vec<_> = cs.deleted.iter().map(|d| d.record.clone()).collect();
    let change_json = cs.export_json(&domain);
    let bind = cs.export_bind(&domain);
    let request = providers::kept_change(&domain).unwrap_or_default();
    let undone: RwSignal<Option<Result<providers::Applied, providers::ApplyFailure>>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let on_undo = {
        let (cfg, domain) = (l.cfg.clone(), domain.clone());
        move |_| {
            if busy.get_untracked() || undone.get_untracked().is_some() {
                return;
            }
            busy.set(true);
            let (cfg, domain) = (cfg.clone(), domain.clone());
            leptos::task::spawn_local(async move {
                undone.set(Some(providers::undo(&cfg, &domain).await));
                busy.set(false);
            });
        }
    };
    let (cfg, d2) = (l.cfg.clone(), domain.clone());
    view! {
        <super::verify::Verify cfg=l.cfg.clone() records=added domain=domain.clone() title=t("verify-new")/>
        <p class="downloads">{t("save-change")}" "
            {download("change.json".into(), "application/json", &change_json, &t("download-json"), "download-json")}", "
            {download("change.zone".into(), "text/plain", &bind, &t("download-bind"), "download-bind")}
            {(!request.is_empty()).then(|| view! { ", "{download("applied.json".into(), "application/json", &request, &t("download-request"), "download-request")} })}</p>
        {(!request.is_empty()).then(|| view! {
            <button type="button" class="cancel" data-testid="undo" disabled=move || busy.get() || undone.with(|u| u.is_some()) on:click=on_undo>{t("undo")}</button>
        })}
        <div data-testid="undo-outcome" role="status">{move || undone.get().map(|u| match u {
            Ok(_) => view! {
                <p class="sig ok">{t("undone")}</p>
                <super::verify::Verify cfg=cfg.clone() records=removed.clone() domain=d2.clone() title=t("verify-earlier")/>
            }.into_any(),
            Err(f) => failed(f).into_any(),
        })}</div>
    }.into_any()
}

/// What the user is told when Connect did not (or may not have) changed the zone.
fn failed(f: providers::ApplyFailure) -> impl IntoView {
    use providers::ApplyFailure as F;
    let (title, body, tail) = match f {
        F::NotApplied(why) => ("failed-not-applied", vec![visible(&why).into_owned()], "failed-nothing-changed"),
        F::ZoneChanged { gone, new } => (
            "failed-zone-changed",
            gone.iter()
                .map(|g| tr("zone-gone", &[("record", visible(g).as_ref().into())]))
                .chain(new.iter().map(|n| tr("zone-new", &[("record", visible(n).as_ref().into())])))
                .collect(),
            "failed-nothing-changed",
        ),
        F::Unknown(why) => ("failed-unknown", vec![visible(&why).into_owned()], "failed-check-dashboard"),
    };
    let (title, tail) = (t(title), t(tail));
    view! {
        <div class="problem" role="alert" data-testid="apply-failed">
            <p>{title}</p>
            <ul class="mono wrap">{body.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
            <p>{tail}</p>
        </div>
    }
}

/// Connect and Cancel. Connect is disabled, with the reasons, whenever the review
/// refuses; a second click never applies twice; Cancel always offers a way out.
#[component]
pub(super) fn Decide(l: Arc<Loaded>, proxy: RwSignal<Vec<Option<bool>>>, nothing: bool) -> impl IntoView {
    if nothing {
        return view! { <AlreadySetUp l=l/> }.into_any();
    }
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let may_apply = l.review.decision.may_apply;
    let connect = {
        let l = l.clone();
        move |_| {
            if outcome.get_untracked().is_some() {
                return; // applying, applied or cancelled: never twice
            }
            let approved = match l.review.approve(&proxy.get_untracked()) {
                Ok(a) => a,
                Err(_) => return,
            };
            crate::i18n::settle();
            outcome.set(Some(Outcome::Applying));
            let l = l.clone();
            leptos::task::spawn_local(async move {
                let result = providers::apply(&l.cfg, &l.url.domain.ascii, &l.zone, &approved).await;
                let origins = &l.cfg.dashboard_origins;
                outcome.set(Some(match result {
                    Ok(applied) => {
                        let (added, removed) = match applied.already {
                            true => (0, 0),
                            false => (approved.changes.added.len() as u32, approved.changes.deleted.len() as u32),
                        };
                        crate::embed::notify(
                            origins,
                            "dc-applied",
                            &[("added", added.into()), ("removed", removed.into()), ("already", applied.already.into())],
                        );
                        let next = l.review.return_url(&l.url, false);
                        if let Some(n) = &next {
                            go(n);
                        }
                        Outcome::Applied { applied, next }
                    }
                    Err(e) => {
                        let reason = match &e {
                            providers::ApplyFailure::NotApplied(_) => "not_applied",
                            providers::ApplyFailure::ZoneChanged { .. } => "zone_changed",
                            providers::ApplyFailure::Unknown(_) => "unknown",
                        };
                        crate::embed::notify(origins, "dc-failed", &[("reason", reason.into())]);
                        Outcome::Failed(e)
                    }
                }));
            });
        }
    };
    let cancel = {
        let l = l.clone();
        move |_| {
            if matches!(outcome.get_untracked(), Some(Outcome::Applying | Outcome::Applied { .. })) {
                return;
            }
            crate::i18n::settle();
            let next = l.review.return_url(&l.url, true);
            outcome.set(Some(Outcome::Cancelled { next: next.clone() }));
            crate::embed::notify(&l.cfg.dashboard_origins, "dc-cancelled", &[]);
            match next {
                Some(n) => go(&n),
                // Opened as a popup: close it; otherwise the page says it may be closed.
                None => close_if_popup(),
            }
        }
    };
    let done = move || outcome.with(|o| o.is_some());
    view! {
        <div class="decide">
            <button type="button" class="connect" data-testid="connect" aria-describedby="connect-why"
                disabled=move || !may_apply || done() on:click=connect>{t("connect")}</button>
            <button type="button" class="cancel" data-testid="cancel" disabled=done on:click=cancel>{t("cancel")}</button>
        </div>
        {(!may_apply).then(|| view! { <p id="connect-why" class="why">{t("connect-why")}</p> })}
        <div data-testid="outcome" role="status" aria-live="polite">
            {move || outcome.get().map(|o| match o {
                Outcome::Applying => view! { <p>{t("applying")}</p> }.into_any(),
                Outcome::Applied { applied, next } => { let stays = next.is_none(); view! {
                    <p class="sig ok">{tr(if applied.already { "done-already" } else { "done-applied" }, &[("at", Value::from(applied.to.as_str()))])}</p>
                    {applied.note.map(|n| view! { <p>{match n {
                        providers::Note::AlreadyMade => t("note-already-made"),
                        providers::Note::AnswerLost(why) => tr("note-answer-lost", &[("failure", why.into())]),
                    }}</p> })}
                    <p>{match next { Some(n) => tr("returning", &[("to", n.into())]), None => t("close-window") }}</p>
                    {applied.request.map(|r| view! {
                        {stays.then(|| after_apply(l.clone()))}
                        <details><summary>{t("request-sent")}</summary><pre class="mono wrap" data-testid="request-sent">{r}</pre></details>
                    })}
                }}.into_any(),
                Outcome::Failed(f) => failed(f).into_any(),
                Outcome::Cancelled { next } => view! {
                    <p>{match next { Some(n) => tr("cancelled-returning", &[("to", n.into())]), None => t("cancelled-close") }}</p>
                }.into_any(),
            })}
        </div>
    }
    .into_any()
}

/// Nothing would change: no Connect, nothing sent to the records API; the way back to
/// the Service Provider is offered as after a success (with its `state`).
#[component]
fn AlreadySetUp(l: Arc<Loaded>) -> impl IntoView {
    let next = l.review.return_url(&l.url, false);
    let label = t(if next.is_some() { "return-to-service" } else { "done" });
    let back = move |_| {
        crate::embed::notify(&l.cfg.dashboard_origins, "dc-applied", &[("added", 0u32.into()), ("removed", 0u32.into()), ("already", true.into())]);
        match &next {
            Some(n) => go(n),
            None => close_if_popup(),
        }
    };
    view! {
        <div class="decide">
            <button type="button" class="connect" data-testid="return" on:click=back>{label}</button>
        </div>
    }
}
