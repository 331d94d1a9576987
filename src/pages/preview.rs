//! Template authors: what a template does to a zone, before any provider has it.
//! The template is edited as JSON here (parse errors at their line and path, the core's
//! lint as the author types); the form is read as the apply URL it stands for
//! (`ApplyUrl::build`) and reviewed by the core like any request, with signatures
//! reported but not demanded.

mod lint_view;
mod markdown;
mod share;

use crate::components::changes::{Changes, ZoneRef};
use crate::context::{use_config, ConfigReady};
use crate::providers;
use domain_connect::{review, ApplyUrl, IndexedZone, KeyAnswer, Policy, Review, Signatures, Template, ZoneInput};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// Which template: a bundled file (from the list), or ids from the page's URL
/// (`?template=providerId/serviceId`, looked up in the configured sources).
#[derive(Clone, PartialEq)]
enum Choice {
    None,
    File(String),
    Ids(String, String),
}

impl Choice {
    fn file(&self) -> String {
        match self {
            Choice::None => String::new(),
            Choice::File(f) => f.clone(),
            Choice::Ids(p, s) => Template::file_name(p, s),
        }
    }
}

#[component]
pub fn Preview() -> impl IntoView {
    let config = use_config();
    let query = use_query_map();
    let initial = match query.get_untracked().get("template").as_deref().and_then(|t| t.split_once('/')) {
        Some((p, s)) => Choice::Ids(p.to_string(), s.to_string()),
        None => Choice::None,
    };
    // A permalink (`#s=…`) restores the whole page; it wins over the query.
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let (restored, link_problem) = match share::decode(&hash) {
        Some(Ok(state)) => (Some(state), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let initial = if restored.is_some() { Choice::None } else { initial };
    let state = restored.unwrap_or_else(|| share::State { domain: "example.com".into(), ..Default::default() });
    let (choice, set_choice) = signal(initial);
    let (domain, set_domain) = signal(state.domain);
    let (host, set_host) = signal(state.host);
    let (vars, set_vars) = signal(state.vars);
    // The template as the author edits it; parsed and linted on every change.
    let (text, set_text) = signal(state.template);
    // A zone the author pastes (BIND or JSON); empty: the sandbox provider's.
    let (zone_text, set_zone_text) = signal(state.zone);
    let (link, set_link) = signal(String::new());
    let index = LocalResource::new(providers::bundled_index);
    let template = LocalResource::new(move || {
        let choice = choice.get();
        let cfg = config.get();
        async move {
            let ConfigReady::Ready(cfg) = cfg else { return None };
            Some(match choice {
                Choice::None => return None,
                Choice::File(f) => providers::load_bundled(&f).await,
                Choice::Ids(p, s) => providers::load_template(&cfg, &p, &s).await.map_err(|e| e.to_string()),
            })
        }
    });
    // The zone is indexed once per read or paste, not on every keystroke that re-applies.
    let pasted: RwSignal<Option<Result<Arc<IndexedZone>, String>>> = RwSignal::new(None);
    Effect::new(move |_| {
        let text = zone_text.get();
        let origin = domain.get().trim().to_ascii_lowercase();
        pasted.set((!text.trim().is_empty()).then(|| {
            let records = if text.trim_start().starts_with('[') {
                domain_connect::zone::from_json(&text).map_err(|e| e.to_string())
            } else {
                domain_connect::zone::from_bind(&text, &origin).map_err(|e| e.to_string())
            };
            records.and_then(|z| IndexedZone::new(z).map(Arc::new).map_err(|e| e.to_string()))
        }));
    });
    let sandbox_zone = LocalResource::new(move || {
        let d = domain.get();
        let cfg = config.get();
        async move {
            let ConfigReady::Ready(cfg) = cfg else { return None };
            let read = providers::read_zone(&cfg, d.trim()).await;
            Some(read.map_err(|e| e.to_string()).and_then(|(z, _)| IndexedZone::new(z).map(Arc::new).map_err(|e| e.to_string())))
        }
    });
    // A loaded template fills the editor, and the variables it takes: with the values
    // the page's URL gives (`?IP=192.0.2.1`), else empty.
    Effect::new(move |_| {
        if let Some(Some(Ok(t))) = template.get() {
            set_text.set(serde_json::to_string_pretty(&t.template).unwrap_or_default());
            let q = query.get_untracked();
            let lines: Vec<String> = t.template.variables(&[]).into_iter().map(|v| format!("{v}={}", q.get(&v).unwrap_or_default())).collect();
            set_vars.set(lines.join("\n"));
        }
    });
    let parsed = Memo::new(move |_| {
        let t = text.get();
        (!t.trim().is_empty()).then(|| Template::from_json(&t))
    });
    let findings = Memo::new(move |_| {
        let t = text.get();
        if t.trim().is_empty() {
            Vec::new()
        } else {
            domain_connect::lint::lint(&t, domain_connect::lint::Options::default())
        }
    });
    // The zone the template meets: the pasted one, else the sandbox provider's. A pasted
    // zone that cannot be read gives nothing here (it is said once, above the form).
    let zone = move || match pasted.get() {
        Some(Ok(z)) => Some(Ok(z)),
        Some(Err(_)) => None,
        None => sandbox_zone.get().flatten(),
    };
    let result = move || {
        let t = parsed.get()?.ok()?;
        Some(zone()?.and_then(|z| {
            let (r, d) = preview_at(&t, &z, domain.get().trim(), host.get().trim(), &vars.get())?;
            Ok((r, z, d))
        }))
    };
    // The apex and a host (the one given, else `www`), for a template pull request.
    let markdown = move || {
        let t = parsed.get()?.ok()?;
        let z = zone()?.ok()?;
        let d = domain.get().trim().to_string();
        let h = match host.get().trim() {
            "" => "www".to_string(),
            h => h.to_string(),
        };
        let text = vars.get();
        let sections: Vec<String> = [("", format!("At the apex ({d})")), (h.as_str(), format!("At host `{h}` ({h}.{d})"))]
            .into_iter()
            .map(|(at, title)| {
                let changes = preview_at(&t, &z, &d, at, &text).and_then(|(r, _)| r.changes.map_err(|e| e.to_string()));
                markdown::section(&title, &changes)
            })
            .collect();
        Some(markdown::block(&format!("{}/{}", t.provider_id, t.service_id), &text, &sections))
    };
    let make_link = move |_| {
        let state = share::State { template: text.get_untracked(), vars: vars.get_untracked(), domain: domain.get_untracked(), host: host.get_untracked(), zone: zone_text.get_untracked() };
        let fragment = share::encode(&state);
        // Replaced in place: no navigation, no history entry, the router undisturbed.
        if let Some(w) = web_sys::window() {
            if let Ok(h) = w.history() {
                let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{fragment}")));
            }
            set_link.set(w.location().href().unwrap_or_default());
        }
    };
    let load_error = move || match template.get().flatten() {
        Some(Err(e)) => Some(view! { <div class="problem" role="alert"><p class="mono">{e}</p></div> }),
        _ => None,
    };
    view! {
        <h1>"Preview a template"</h1>
        <form class="grid" on:submit=|ev| ev.prevent_default()>
            <label for="pv-template">"Start from"</label>
            <select id="pv-template" on:change=move |ev| set_choice.set(Choice::File(event_target_value(&ev))) prop:value=move || choice.get().file()>
                <option value="">"Choose a bundled template"</option>
                {move || index.get().and_then(|r| r.ok()).unwrap_or_default().into_iter().map(|f| {
                    let label = f.trim_end_matches(".json").to_string();
                    // Options arrive after the choice: each says whether it is the one.
                    let chosen = f.clone();
                    view! { <option value=f selected=move || choice.get().file() == chosen>{label}</option> }
                }).collect_view()}
            </select>
            <label for="pv-domain">"Domain"</label>
            <input id="pv-domain" type="text" prop:value=move || domain.get() on:change=move |ev| set_domain.set(event_target_value(&ev))/>
            <label for="pv-host">"Host (empty: the apex)"</label>
            <input id="pv-host" type="text" prop:value=move || host.get() on:change=move |ev| set_host.set(event_target_value(&ev))/>
            <label for="pv-vars">"Variables (NAME=value, one per line)"</label>
            <textarea id="pv-vars" rows="4" prop:value=move || vars.get() on:input=move |ev| set_vars.set(event_target_value(&ev))></textarea>
            <label for="pv-editor">"Template (JSON; edit it here)"</label>
            <textarea id="pv-editor" class="mono" rows="14" spellcheck="false" data-testid="template-editor"
                prop:value=move || text.get() on:input=move |ev| set_text.set(event_target_value(&ev))></textarea>
            <label for="pv-zone">"Zone (paste a BIND zone file or JSON records; empty: the sandbox zone)"</label>
            <textarea id="pv-zone" class="mono" rows="4" spellcheck="false" data-testid="zone-input"
                prop:value=move || zone_text.get() on:input=move |ev| set_zone_text.set(event_target_value(&ev))></textarea>
        </form>
        <p class="share">
            <button type="button" data-testid="permalink" on:click=make_link>"Make a permalink"</button>
            " The whole page goes into the link's fragment, which browsers never send to a server."
        </p>
        {move || (!link.get().is_empty()).then(|| view! {
            <p><label for="pv-link">"Permalink"</label>" "<input id="pv-link" type="text" readonly data-testid="permalink-url" prop:value=move || link.get()/></p>
        })}
        {link_problem.map(|e| view! { <div class="problem" role="alert" data-testid="link-problem"><p>{format!("This permalink cannot be opened: {e}.")}</p></div> })}
        {move || match pasted.get() {
            Some(Err(e)) => Some(view! { <div class="problem" role="alert" data-testid="zone-error"><p class="mono">{format!("The pasted zone cannot be read: {e}")}</p></div> }),
            _ => None,
        }}
        <details class="markdown">
            <summary>"Copy as Markdown (the apex and a host, for a template pull request)"</summary>
            <textarea class="mono" rows="12" readonly aria-label="Markdown of the apex and host results" data-testid="markdown"
                prop:value=move || markdown().unwrap_or_default()></textarea>
        </details>
        {load_error}
        {move || match parsed.get() {
            Some(Err(e)) => Some(view! { <lint_view::ParseError error=e/> }.into_any()),
            _ => None,
        }}
        {move || (!text.get().trim().is_empty()).then(|| view! { <lint_view::Findings findings=findings.get()/> })}
        {move || result().map(|r| match r {
            Ok((review, zone, d)) => match review.changes {
                Ok(cs) => view! { <Changes changes=cs zone=ZoneRef::Indexed(zone) domain=d/> }.into_any(),
                Err(e) => view! { <div class="problem" role="alert"><p class="mono">{e.to_string()}</p></div> }.into_any(),
            },
            Err(e) => view! { <div class="problem" role="alert"><p class="mono">{e}</p></div> }.into_any(),
        })}
    }
}

/// The request the form stands for (`NAME=value` lines as its variables) at `host`,
/// reviewed by the core as the consent page would, signatures reported but not
/// demanded; with the domain in ASCII.
fn preview_at(t: &Template, zone: &IndexedZone, domain: &str, host: &str, vars: &str) -> Result<(Review, String), String> {
    let params = vars.lines().filter_map(|l| l.split_once('=')).map(|(k, v)| (k.trim(), v.trim())).filter(|(k, _)| !k.is_empty());
    let url = ApplyUrl::build(&t.provider_id, &t.service_id, domain, Some(host), params, &[]).map_err(|e| e.to_string())?;
    let policy = Policy { signatures: Signatures::Preview, multi_aware: true, ..Policy::default() };
    let r = review(&url, t, &KeyAnswer::NotAsked, ZoneInput::Indexed(zone), &policy);
    Ok((r, url.domain.ascii.clone()))
}
