//! One request, reviewed, as the consent screen shows it: small components over the
//! core's `Review`, each the part a user reads in turn.

use super::decide::Decide;
use super::{diagnostic, on_loopback, Diagnostic, Loaded};
use crate::components::changes::{Changes, ZoneRef};
use crate::components::name::{Breakable, Name};
use crate::config::RecordsApi;
use crate::i18n::{t, tr, Value};
use domain_connect::display::visible;
#[cfg(feature = "powerdns")]
use domain_connect::records_api::powerdns;
use domain_connect::verdict::Verdict;
use domain_connect::Refusal;
use leptos::prelude::*;
use std::sync::Arc;

/// What else the user should know about who is asking and what is applied, each a
/// plain paragraph (its `data-testid`, its text): the template's own names when the
/// link adds names (shared templates), the host's underscore labels, the groups the
/// link selects, and — PowerDNS keeping one TTL per name and type — which TTL an RRset
/// gets when its records ask for different ones.
fn notes(l: &Loaded) -> Vec<(&'static str, String)> {
    let (tpl, flags) = (&l.template.template, &l.review.flags);
    let mut notes: Vec<(&'static str, String)> = Vec::new();
    if flags.provider_name_extra.is_some() || flags.service_name_extra.is_some() {
        let own = |name: &Option<String>, id: &str| name.clone().unwrap_or_else(|| id.to_string());
        notes.push((
            "template-names",
            tr(
                "note-template-names",
                &[
                    ("provider", own(&tpl.provider_name, &tpl.provider_id).into()),
                    ("service", own(&tpl.service_name, &tpl.service_id).into()),
                    ("ids", format!("{}/{}", tpl.provider_id, tpl.service_id).into()),
                ],
            ),
        ));
    }
    if !flags.service_labels.is_empty() {
        notes.push(("service-labels", tr("note-service-labels", &[("labels", flags.service_labels.join(", ").into())])));
    }
    if !l.url.group_ids.is_empty() {
        notes.push(("groups", tr("note-groups", &[("groups", l.url.group_ids.join(", ").into())])));
    }
    #[cfg(feature = "powerdns")]
    if let (RecordsApi::Powerdns { .. }, Ok(cs)) = (&l.cfg.records_api, &l.review.changes) {
        for choice in powerdns::ttl_choices(cs, &l.zone, &l.url.domain.ascii) {
            notes.push(("ttl-choice", format!("{choice}.")));
        }
    }
    notes
}

/// The page is ready: a performance mark for the first-render report, and `dc-ready`
/// to the embedding dashboard.
fn announce_ready(l: &Loaded) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("dc-first-render");
    }
    let domain: wasm_bindgen::JsValue = l.url.domain.ascii.as_str().into();
    crate::embed::notify(&l.cfg.dashboard_origins, "dc-ready", &[("domain", domain), ("may_apply", l.review.decision.may_apply.into())]);
}

/// One request, reviewed: who asks for what, whether it holds, what it changes, and
/// the buttons.
#[component]
pub(super) fn Screen(l: Arc<Loaded>) -> impl IntoView {
    announce_ready(&l);
    let proxy = RwSignal::new(l.review.proxy.clone());
    let net = l.review.changes.as_ref().ok().map(|cs| cs.net());
    // Nothing to change: the request is already set up (a refused request stays refused).
    let nothing = l.review.decision.may_apply && net.as_ref().is_some_and(|n| n.is_nothing());
    // After the first render: which services the removals break, and whether the names
    // the link gives look like another provider's (only names the page shows) — asked of
    // the explain bundle, which is loaded only then, and only when there is something to ask.
    let (breaks, name_flags) = (RwSignal::new(Vec::new()), RwSignal::new(Vec::<String>::new()));
    let removes = net.as_ref().is_some_and(|n| !n.removed.is_empty());
    let f = &l.review.flags;
    let names: Vec<String> = [&f.provider_name_extra, &f.service_name_extra].into_iter().flatten().cloned().collect();
    if removes || !names.is_empty() {
        let l = l.clone();
        leptos::task::spawn_local(async move {
            match super::explain(&l.review, &l.template.template, &names).await {
                Ok((b, n)) => {
                    breaks.set(b);
                    name_flags.set(n);
                }
                Err(e) => web_sys::console::warn_1(&format!("{e}: the services a removal breaks are not named").into()),
            }
        });
    }
    view! {
        <Who l=l.clone() name_flags=name_flags/>
        <Verdicts l=l.clone()/>
        <HowChecked l=l.clone()/>
        {nothing.then(|| view! {
            <p class="sig ok" data-testid="already-set-up">{tr("already-set-up", &[("service", service_name(&l).into()), ("domain", Value::from(l.url.domain.ascii.as_str()))])}</p>
        })}
        {l.review.changes.clone().ok().map(|cs| view! { <Changes changes=cs zone=ZoneRef::Records(l.zone.clone()) domain=l.url.domain.ascii.clone() proxy=(!nothing).then_some(proxy) breaks=breaks/> })}
        <ProxyWarnings l=l.clone() proxy=proxy/>
        <Decide l=l.clone() proxy=proxy nothing=nothing/>
    }
}

/// The provider (with its logo), the service, the domain and host, and the notes.
#[component]
fn Who(l: Arc<Loaded>, name_flags: RwSignal<Vec<String>>) -> impl IntoView {
    let (tpl, flags) = (&l.template.template, &l.review.flags);
    let provider = tpl.provider_name.clone().unwrap_or_else(|| tpl.provider_id.clone());
    let provider = match &flags.provider_name_extra {
        Some(extra) => format!("{provider} ({extra})"),
        None => provider,
    };
    let service = service_name(&l);
    let host = l.url.host.clone().filter(|h| !h.ascii.is_empty());
    // A logo only from https (the core checks). It is decoration: the name beside it is
    // the text, so an image that does not load takes no room.
    let logo = flags.logo_url.clone().map(|src| view! { <img class="logo" src=src alt="" referrerpolicy="no-referrer"/> });
    // A records-API key in config.json is readable by anyone who opens this page: for
    // testing on this machine only.
    let key_in_config = matches!(&l.cfg.records_api, RecordsApi::Powerdns { api_key: Some(_), .. }) && !on_loopback();
    view! {
        <div class="who">{logo}<h1 id="consent-title" data-testid="provider">{provider.clone()}</h1></div>
        <p class="lead">{crate::i18n::parts(if host.is_some() { "lead-host" } else { "lead" }, &[("provider", provider.clone().into()), ("service", service.into())], &["domain", "host"]).into_iter().map(|p| match p {
            crate::i18n::Part::Text(s) => s.into_any(),
            crate::i18n::Part::Slot(0) => view! { <Name name=l.url.domain.clone()/> }.into_any(),
            crate::i18n::Part::Slot(_) => host.clone().map(|h| view! { <Name name=h/> }).into_any(),
        }).collect_view()}</p>
        {notes(&l).into_iter().map(|(id, text)| view! { <p class="note" data-testid=id>{text}</p> }).collect_view()}
        {move || name_flags.get().into_iter().map(|f| view! { <p class="warning" role="note" data-testid="name-flag">{visible(&f).into_owned()}"."</p> }).collect_view()}
        {key_in_config.then(|| view! {
            <p class="warning" role="note" data-testid="key-in-config">{t("key-in-config")}</p>
        })}
    }
}

/// The service's name as shown (the link's `serviceName` beside it when the template shares it).
fn service_name(l: &Loaded) -> String {
    let t = &l.template.template;
    let service = t.service_name.clone().unwrap_or_else(|| t.service_id.clone());
    l.review.flags.service_name_extra.clone().map(|extra| format!("{service} ({extra})")).unwrap_or(service)
}

/// The signature line, the phishing caution, and every refusal.
#[component]
fn Verdicts(l: Arc<Loaded>) -> impl IntoView {
    let (tpl, r) = (&l.template.template, &l.review);
    let provider = tpl.provider_name.clone().unwrap_or_else(|| tpl.provider_id.clone());
    let sig_class = match r.signature.verdict {
        Verdict::Valid => "sig ok",         // classes (English words, never shown)
        Verdict::NotRequired => "sig none", // English: a class
        _ => "sig bad",                     // English: a class
    };
    let sig_text = match &r.signature.verdict {
        Verdict::Valid => {
            let key = r.signature.key_host.clone().unwrap_or_default();
            crate::i18n::parts("sig-valid", &[("provider", provider.into())], &["key"])
                .into_iter()
                .map(|p| match p {
                    crate::i18n::Part::Text(s) => s.into_any(),
                    crate::i18n::Part::Slot(_) => view! { <Breakable name=key.clone()/> }.into_any(),
                })
                .collect_view()
                .into_any()
        }
        other => crate::words::verdict(other).into_any(),
    };
    // The signature's refusal is the verdict line above; the box does not say it again.
    // Support's diagnostic keeps the core's English.
    let refusals: Vec<String> = r.decision.refusals.iter().map(crate::words::refusal).collect();
    let english: Vec<String> = r
        .decision
        .refusals
        .iter()
        .map(|x| match x {
            // English: the diagnostic for support.
            Refusal::SignatureInvalid { .. } | Refusal::SignatureMissing { .. } => "its signature does not hold (see above)".into(),
            other => other.to_string(),
        })
        .collect();
    let service = service_name(&l);
    view! {
        <p class=sig_class data-testid="signature">{sig_text}</p>
        {r.flags.phishing_warning.then(|| view! {
            <p class="warning" role="note" data-testid="phishing">{tr("phishing", &[("service", service.into())])}</p>
        })}
        {(!refusals.is_empty()).then(|| view! {
            <div class="problem" role="alert" data-testid="refusals">
                <p>{t("cannot-apply")}</p>
                <ul>{refusals.iter().map(|x| view! { <li>{visible(x).into_owned()}</li> }).collect_view()}</ul>
                <p>{t("nothing-changed")}</p>
            </div>
            // The stage, in English: for support.
            <Diagnostic text=diagnostic("reviewing the request", &english.join("; "))/>
        })}
    }
}

/// "How this was checked": the signature's steps, the signed bytes, where the template
/// and zone came from, the return address, and the variables given and wanted.
#[component]
fn HowChecked(l: Arc<Loaded>) -> impl IntoView {
    let (r, flags) = (&l.review, &l.review.flags);
    // A signature that does not verify: what the client signed instead, searched only
    // when this is opened (up to 2,000 RSA verifications, off the first render).
    let searched: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let can_search = matches!(r.signature.verdict, Verdict::Invalid(_)) && l.url.sig.is_some() && !r.signature.txt.is_empty();
    let on_toggle = {
        let l = l.clone();
        move |_| {
            if !can_search || searched.with_untracked(Option::is_some) {
                return;
            }
            searched.set(Some((t("searching-signed"), String::new())));
            let l = l.clone();
            leptos::task::spawn_local(async move {
                let known = serde_json::to_string(&l.template.template.variables(&[])).unwrap_or_default();
                let txt = serde_json::to_string(&l.review.signature.txt).unwrap_or_default();
                let sig = l.url.sig.as_deref().unwrap_or_default();
                let answer = crate::net::explain("search", &[&l.url.raw_query, sig, &known, &txt]).await;
                let said = answer.and_then(|a| serde_json::from_str::<Vec<String>>(&a).map_err(|e| e.to_string()));
                searched.set(Some(match said.as_deref() {
                    Ok([explain, bytes]) => (explain.clone(), bytes.clone()),
                    Ok(_) => (t("search-no-answer"), String::new()),
                    Err(e) => (tr("search-failed", &[("error", e.as_str().into())]), String::new()),
                }));
            });
        }
    };
    view! {
        <details class="steps"><summary on:click=on_toggle>{t("how-checked")}</summary>
            <ul>{r.signature.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
            <p>{t("signed-bytes")}</p><pre class="mono wrap">{r.signature.signed_bytes.clone()}</pre>
            {move || searched.get().map(|(explain, bytes)| view! {
                <p data-testid="signature-search" role="status">{explain}</p>
                {(!bytes.is_empty()).then(|| view! { <p>{t("what-verifies")}</p><pre class="mono wrap" data-testid="signature-found">{visible(&bytes).into_owned()}</pre> })}
            })}
            <p>{tr("sources", &[("template", l.template.source.as_str().into()), ("zone", l.zone_source.as_str().into())])}</p>
            <p data-testid="redirect">{crate::words::return_to(&r.return_to)}</p>
            {(!flags.unused_variables.is_empty()).then(|| view! { <p>{tr("unused-parameters", &[("list", flags.unused_variables.join(", ").into())])}</p> })}
            {(!flags.missing_variables.is_empty()).then(|| view! { <p>{tr("missing-variables", &[("list", flags.missing_variables.join(", ").into())])}</p> })}
            {flags.ignored.iter().map(|i| view! { <p>{tr("ignored", &[("what", i.to_string().into())])}</p> }).collect_view()}
        </details>
    }
}

/// What the proxy choices risk (mixed at a name, an unreachable address), as they change.
#[component]
fn ProxyWarnings(l: Arc<Loaded>, proxy: RwSignal<Vec<Option<bool>>>) -> impl IntoView {
    let warnings = Memo::new(move |_| proxy.with(|p| l.review.proxy_warnings(p)));
    move || {
        let w = warnings.get();
        (!w.is_empty()).then(|| view! {
            <div class="warning" role="note" data-testid="proxy-warnings"><ul>{w.into_iter().map(|w| view! { <li>{crate::words::proxy_warning(&w)}</li> }).collect_view()}</ul></div>
        })
    }
}
