//! Support staff: a reported apply URL, or a HAR file the customer saved, replayed and
//! diagnosed step by step by the core (`replay::diagnose`, as `dconn replay` does):
//! the template and the key are fetched as the consent page fetches them, unless
//! support pastes others; the zone is pasted or, where the operator may, read from the
//! records API. The whole state fits in a permalink; the diagnosis copies as text.

mod checklist;
mod har_list;
mod parts;

use crate::components::open_file::{DropFile, OpenFile, HAR_MB};
use crate::components::text_editor::TextEditor;
use crate::context::{use_config, ConfigReady};
use crate::providers;
use domain_connect::replay::{self, har, Case, TemplateInput};
use domain_connect::{verdict, zone, ApplyUrl, KeyAnswer, Template};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use serde::{Deserialize, Serialize};

/// What the permalink holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct State {
    url: String,
    /// A template pasted in place of the configured source's (empty: fetched).
    #[serde(default)]
    template: String,
    /// TXT records pasted in place of the key lookup (empty: looked up).
    #[serde(default)]
    txt: String,
    /// The customer's zone, BIND or JSON (empty: none given).
    #[serde(default)]
    zone: String,
}

#[component]
pub fn Replay() -> impl IntoView {
    let config = use_config();
    // The reported URL is itself a query value: decode it exactly once, as the browser's
    // URLSearchParams does (the router's query map decodes percent-escapes again, which
    // would change the URL's own encoding and so its signed bytes).
    let search = use_location().search.get_untracked();
    let from_query = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|p| p.get("url")).unwrap_or_default();
    let (restored, link_problem) = match crate::permalink::from_location::<State>() {
        Some(Ok(s)) => (Some(s), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let state = restored.unwrap_or(State { url: from_query, ..Default::default() });
    let url_text = RwSignal::new(state.url);
    let template_text = RwSignal::new(state.template);
    let txt_text = RwSignal::new(state.txt);
    let zone_text = RwSignal::new(state.zone);
    let har_requests = RwSignal::new(None::<Result<Vec<har::HarRequest>, String>>);

    let parsed = Memo::new(move |_| ApplyUrl::parse_with(url_text.get().trim(), &crate::web::Browser).ok());
    let ids = Memo::new(move |_| parsed.get().map(|u| (u.provider_id, u.service_id)));
    // The template from the configured sources, by the URL's ids (unless one is pasted).
    let fetched = LocalResource::new(move || {
        let (ids, cfg, pasted) = (ids.get(), config.get(), !template_text.get().trim().is_empty());
        async move {
            let (ConfigReady::Ready(cfg), Some((p, s)), false) = (cfg, ids, pasted) else { return None };
            Some(providers::load_template(&cfg, &p, &s).await.map_err(|e| e.to_string()))
        }
    });
    // A pasted template, parsed once per edit for the key lookup and the diagnosis.
    let pasted_template = Memo::new(move |_| {
        let t = template_text.get();
        (!t.trim().is_empty()).then(|| Template::from_json(&t))
    });
    // The key host the template and URL name, looked up as the consent page does (unless TXT is pasted).
    let key_host = Memo::new(move |_| {
        let url = parsed.get()?;
        let t = match pasted_template.get() {
            Some(t) => t.ok()?,
            None => fetched.get().flatten()?.ok()?.template,
        };
        verdict::key_host(&t, &url).ok()
    });
    let looked_up = LocalResource::new(move || {
        let (host, cfg, pasted) = (key_host.get(), config.get(), !txt_text.get().trim().is_empty());
        async move {
            let (ConfigReady::Ready(cfg), Some(host), false) = (cfg, host, pasted) else { return None };
            Some(providers::key_answer(&cfg, Some(&host)).await)
        }
    });
    let catalogue = providers::catalogue_resource();
    let diagnosis = Memo::new(move |_| {
        let url = url_text.get();
        if url.trim().is_empty() {
            return None;
        }
        let (pasted, text) = (pasted_template.get(), template_text.get());
        let loaded = fetched.get().flatten();
        let template = match &pasted {
            Some(Ok(t)) => TemplateInput::Loaded { template: t, source: "the template pasted here" },
            // The core says where and why it does not load.
            Some(Err(_)) => TemplateInput::Text { json: &text, source: "the template pasted here" },
            None => match &loaded {
                Some(Ok(t)) => TemplateInput::Loaded { template: &t.template, source: &t.source },
                Some(Err(e)) => TemplateInput::Missing { reason: e.as_str() },
                None if matches!(config.get(), ConfigReady::Failed) => TemplateInput::Missing { reason: "this page's configuration did not load" },
                None if ids.get().is_some() => return Some(Err("Fetching the template…")),
                None => TemplateInput::Missing { reason: "the URL names none" },
            },
        };
        let key = match txt_text.get() {
            t if !t.trim().is_empty() => KeyAnswer::Found { txt: domain_connect::signature::parse_txt_lines(&t), source: "the TXT records pasted here".into() },
            _ => match (key_host.get(), looked_up.get().flatten()) {
                (Some(_), None) if !matches!(config.get(), ConfigReady::Failed) => return Some(Err("Looking up the key…")),
                (_, answer) => answer.unwrap_or(KeyAnswer::NotAsked),
            },
        };
        let origin = parsed.get().map(|u| u.domain.ascii).unwrap_or_default();
        let z = zone_text.get();
        let records = (!z.trim().is_empty()).then(|| zone::from_text(&z, &origin).map_err(|e| e.to_string()));
        let zone_error = records.as_ref().and_then(|r| r.as_ref().err().cloned());
        let records = records.and_then(Result::ok);
        let own = match &template {
            TemplateInput::Loaded { template, .. } => Some((*template).clone()),
            _ => None,
        };
        let d = replay::diagnose(&Case { url: &url, template, key: &key, zone: records.as_deref() }, &crate::web::Browser);
        // Which services a removal breaks, once the catalogue is read.
        let breaks = match (d.review.as_ref().and_then(|(r, _)| r.changes.as_ref().ok()), own) {
            (Some(cs), Some(t)) => catalogue.get().flatten().map(|c| c.breaks(cs, &t)).unwrap_or_default(),
            _ => Vec::new(),
        };
        Some(Ok((d, records, zone_error, breaks)))
    });
    let on_har = Callback::new(move |r: Result<String, String>| {
        har_requests.set(Some(r.and_then(|text| har::apply_requests(&text).map_err(|e| e.to_string()))));
    });
    let state = Callback::new(move |()| State {
        url: url_text.get_untracked(),
        template: template_text.get_untracked(),
        txt: txt_text.get_untracked(),
        zone: zone_text.get_untracked(),
    });
    view! {
        <h1>"Replay a reported request"</h1>
        <p class="hint">"Paste the apply URL the customer reported, or open the HAR file their browser saved. Nothing is sent anywhere but the lookups the consent page itself makes."</p>
        <DropFile max_mb=HAR_MB on_text=on_har>
            <div class="grid">
                <TextEditor id="replay-url" label="Apply URL (exactly as sent)" rows=4 testid="replay-url" value=url_text/>
            </div>
            <p class="files"><OpenFile label="Or open a HAR file (or drop it here)" accept=".har,application/json" testid="har-file" max_mb=HAR_MB on_text=on_har/></p>
        </DropFile>
        {move || har_requests.get().map(|r| view! { <har_list::HarList found=r url=url_text/> })}
        <parts::OtherInputs template_text=template_text txt_text=txt_text zone_text=zone_text domain=Signal::derive(move || parsed.get().map(|u| u.domain.ascii)) config=config/>
        {link_problem.map(|e| view! { <div class="problem" role="alert" data-testid="link-problem"><p>{format!("This permalink cannot be opened: {e}.")}</p></div> })}
        {move || diagnosis.get().map(|r| match r {
            Ok((d, records, zone_error, breaks)) => view! { <checklist::Checklist d=d records=records zone_error=zone_error breaks=breaks/> }.into_any(),
            Err(waiting) => view! { <p role="status" data-testid="replay-waiting">{waiting}</p> }.into_any(),
        })}
        <parts::Permalink state=state/>
    }
}
