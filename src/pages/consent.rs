//! The consent screen at the exact path a Service Provider redirects to.

use crate::app::use_config;
use crate::components::{changes::Changes, name::Name};
use crate::config::Config;
use crate::providers::{self, LoadedTemplate};
use domain_connect::verdict::{self, SignatureReport, Verdict};
use domain_connect::{apply_template, ApplyRequest, ApplyUrl, ChangeSet, ZoneRecord};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Everything the screen shows, computed by the core from what was fetched.
#[derive(Clone)]
struct Loaded {
    url: ApplyUrl,
    template: LoadedTemplate,
    signature: SignatureReport,
    zone: Vec<ZoneRecord>,
    zone_source: String,
    result: Result<ChangeSet, String>,
}

/// `path` and `search` are the router's: the raw, still percent-encoded forms, so
/// the signed bytes are exactly what the Service Provider signed.
async fn load(cfg: Config, path: String, search: String) -> Result<Loaded, String> {
    let url = ApplyUrl::from_parts(&path, &search).map_err(|e| e.to_string())?;
    // The template (then the key it names) and the zone are fetched together.
    let template_and_key = async {
        let template = providers::load_template(&cfg, &url.provider_id, &url.service_id).await?;
        let (txt, key_source) = match verdict::key_host(&template.template, &url) {
            Ok(host) => match providers::key_txt(&cfg, &host).await {
                Ok((t, source)) => (t, format!("key read from {source}")),
                Err(e) => (Vec::new(), format!("the key could not be read: {e}")),
            },
            Err(_) => (Vec::new(), String::new()),
        };
        Ok::<_, String>((template, txt, key_source))
    };
    let (tk, zone) = futures::join!(template_and_key, providers::read_zone(&cfg, &url.domain.ascii));
    let (template, txt, key_source) = tk?;
    let (zone, zone_source) = zone?;
    let mut signature = verdict::check(&template.template, &url, &txt);
    if !key_source.is_empty() {
        signature.steps.insert(1.min(signature.steps.len()), key_source);
    }
    let req = ApplyRequest {
        domain: &url.domain.ascii,
        host: Some(url.host_ascii()),
        params: &url.variables,
        group_ids: &url.group_ids,
        signature: signature.gate(),
        multi_aware: true,
        unique_id: None,
        redirect_records: None,
        provider_id: Some(&url.provider_id),
        service_id: Some(&url.service_id),
        dialect: Default::default(),
    };
    let result = apply_template(&template.template, &zone, &req).map_err(|e| format!("{}: {}", e.name(), e.message()));
    Ok(Loaded { url, template, signature, zone, zone_source, result })
}

#[component]
pub fn Consent() -> impl IntoView {
    let config = use_config();
    let location = use_location();
    let data = LocalResource::new(move || {
        let cfg = config.get();
        let (path, search) = (location.pathname.get(), location.search.get());
        async move {
            match cfg {
                Some(c) => Some(load(c, path, search).await),
                None => None,
            }
        }
    });
    view! {
        <section aria-labelledby="consent-title">
        {move || match data.get().flatten() {
            None => view! { <p class="loading" aria-live="polite">"Loading the request…"</p> }.into_any(),
            Some(Err(e)) => view! {
                <h1 id="consent-title">"This request cannot be shown"</h1>
                <div class="problem" role="alert"><p class="mono">{e}</p><p>"Nothing has been changed."</p></div>
            }.into_any(),
            Some(Ok(l)) => view! { <Screen l=l/> }.into_any(),
        }}
        </section>
    }
}

#[component]
fn Screen(l: Loaded) -> impl IntoView {
    let t = &l.template.template;
    let provider = t.provider_name.clone().unwrap_or_else(|| t.provider_id.clone());
    let service = t.service_name.clone().unwrap_or_else(|| t.service_id.clone());
    let sig_class = match l.signature.verdict {
        Verdict::Valid => "sig ok",
        Verdict::NotRequired => "sig none",
        _ => "sig bad",
    };
    let sig_text = match &l.signature.verdict {
        Verdict::Valid => format!("Signed by {provider}: the signature verifies ({}).", l.signature.key_host.clone().unwrap_or_default()),
        Verdict::NotRequired => "This template does not use signatures.".to_string(),
        Verdict::Invalid(r) => format!("The signature does not verify: {r}"),
        Verdict::RequiredButMissing(r) => format!("A signature is required: {r}"),
    };
    let flags = verdict::flags(t, &l.url, &l.signature);
    let redirect = domain_connect::redirect::decide(t, &l.url, l.signature.is_valid());
    let redirect_text = match &redirect {
        domain_connect::redirect::Redirect::None => "No redirect_uri: the window closes when done.".to_string(),
        domain_connect::redirect::Redirect::Allowed { uri, because } => format!("Returns to {uri} ({because})."),
        domain_connect::redirect::Redirect::Refused { uri, reason } => format!("Will not return to {uri}: {reason}."),
    };
    let provider = match &flags.provider_name_extra {
        Some(extra) => format!("{provider} ({extra})"),
        None => provider,
    };
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("dc-first-render");
    }
    let domain = l.url.domain.ascii.clone();
    view! {
        <h1 id="consent-title" data-testid="provider">{provider.clone()}</h1>
        <p class="lead">{format!("{provider} asks to set up {service} on ")}<Name name=l.url.domain.clone()/>
            {l.url.host.clone().filter(|h| !h.ascii.is_empty()).map(|h| view! { " at host " <Name name=h/> })}</p>
        <p class=sig_class data-testid="signature">{sig_text}</p>
        {flags.sync_blocked.then(|| view! { <p class="problem" role="alert">"This template may not be applied from a link (syncBlock)."</p> })}
        {flags.phishing_warning.then(|| view! {
            <p class="warning" role="note" data-testid="phishing">"Check this request: its values were chosen by whoever made the link and are not vouched for by a verified signature. Apply it only if you started this setup yourself at "{service.clone()}"."</p>
        })}
        <details class="steps"><summary>"How this was checked"</summary>
            <ul>{l.signature.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
            <p>"Signed bytes:"</p><pre class="mono wrap">{l.signature.signed_bytes.clone()}</pre>
            <p>{format!("Template from {}; zone from {}.", l.template.source, l.zone_source)}</p>
            <p data-testid="redirect">{redirect_text}</p>
            {(!flags.unused_variables.is_empty()).then(|| view! { <p>{format!("Parameters the template does not use: {}", flags.unused_variables.join(", "))}</p> })}
            {(!flags.missing_variables.is_empty()).then(|| view! { <p>{format!("Variables the link does not give: {}", flags.missing_variables.join(", "))}</p> })}
            {flags.ignored.iter().map(|i| view! { <p>{format!("Ignored: {i}")}</p> }).collect_view()}
        </details>
        {match l.result {
            Ok(cs) => view! { <Changes changes=cs zone=l.zone domain=domain/> }.into_any(),
            Err(e) => view! { <div class="problem" role="alert"><p>"This template cannot be applied:"</p><p class="mono">{e}</p></div> }.into_any(),
        }}
    }
}
