//! Template authors: what a template does to a zone, before any provider has it.

use crate::app::use_config;
use crate::components::changes::Changes;
use crate::providers;
use domain_connect::{apply_template_indexed, ApplyRequest, IndexedZone, Params, SignatureGate};
use std::sync::Arc;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Preview() -> impl IntoView {
    let config = use_config();
    let query = use_query_map();
    let (template_id, set_template_id) = signal(query.get_untracked().get("template").unwrap_or_default());
    let (domain, set_domain) = signal("example.com".to_string());
    let (host, set_host) = signal(String::new());
    let (vars, set_vars) = signal(String::new());
    let index = LocalResource::new(providers::bundled_index);
    let template = LocalResource::new(move || {
        let id = template_id.get();
        let cfg = config.get();
        async move {
            let cfg = cfg?;
            let (p, s) = id.split_once('/')?;
            Some(providers::load_template(&cfg, p, s).await)
        }
    });
    // The zone is indexed once per read, not on every keystroke that re-applies.
    let zone = LocalResource::new(move || {
        let d = domain.get();
        let cfg = config.get();
        async move {
            let read = providers::read_zone(&cfg?, &d).await;
            Some(read.and_then(|(z, _)| IndexedZone::new(z).map(Arc::new).map_err(|e| e.message().to_string())))
        }
    });
    // Prefill the variables a template takes.
    Effect::new(move |_| {
        if let Some(Some(Ok(t))) = template.get() {
            let lines: Vec<String> = t.template.variables(&[]).into_iter().map(|v| format!("{v}=")).collect();
            set_vars.set(lines.join("\n"));
        }
    });
    let result = move || {
        let t = template.get().flatten()?;
        let z = zone.get().flatten()?;
        Some(match (t, z) {
            (Err(e), _) | (_, Err(e)) => Err(e),
            (Ok(t), Ok(zone)) => {
                let mut params = Params::new();
                for line in vars.get().lines() {
                    if let Some((k, v)) = line.split_once('=') {
                        params.insert(k.trim(), v.trim());
                    }
                }
                let d = domain.get().trim().to_ascii_lowercase();
                let h = host.get().trim().to_ascii_lowercase();
                let req = ApplyRequest {
                    domain: &d, host: Some(&h), params: &params, group_ids: &[], signature: SignatureGate::Ignore,
                    multi_aware: true, unique_id: None, redirect_records: None, provider_id: None, service_id: None,
                    dialect: Default::default(),
                };
                apply_template_indexed(&t.template, &zone, &req)
                    .map(|cs| (cs, zone.records().to_vec(), d))
                    .map_err(|e| format!("{}: {}", e.name(), e.message()))
            }
        })
    };
    view! {
        <h1>"Preview a template"</h1>
        <form class="grid" on:submit=|ev| ev.prevent_default()>
            <label for="pv-template">"Template"</label>
            <select id="pv-template" on:change=move |ev| set_template_id.set(event_target_value(&ev)) prop:value=move || template_id.get()>
                <option value="">"Choose a bundled template"</option>
                {move || index.get().and_then(|r| r.ok()).unwrap_or_default().into_iter().map(|f| {
                    let id = f.trim_end_matches(".json").rsplit_once('.').map(|(p, s)| format!("{p}/{s}")).unwrap_or_default();
                    let label = id.clone();
                    view! { <option value=id>{label}</option> }
                }).collect_view()}
            </select>
            <label for="pv-domain">"Domain"</label>
            <input id="pv-domain" type="text" prop:value=move || domain.get() on:change=move |ev| set_domain.set(event_target_value(&ev))/>
            <label for="pv-host">"Host (empty: the apex)"</label>
            <input id="pv-host" type="text" prop:value=move || host.get() on:change=move |ev| set_host.set(event_target_value(&ev))/>
            <label for="pv-vars">"Variables (NAME=value, one per line)"</label>
            <textarea id="pv-vars" rows="4" prop:value=move || vars.get() on:change=move |ev| set_vars.set(event_target_value(&ev))></textarea>
        </form>
        {move || result().map(|r| match r {
            Ok((cs, zone, d)) => view! { <Changes changes=cs zone=zone domain=d/> }.into_any(),
            Err(e) => view! { <div class="problem" role="alert"><p class="mono">{e}</p></div> }.into_any(),
        })}
    }
}
