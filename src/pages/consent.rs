//! The consent screen at the exact path a Service Provider redirects to. Everything it
//! shows comes from one call: the core's `review` of the request.

use crate::components::changes::{Changes, ZoneRef};
use crate::components::name::{Breakable, Name};
use crate::config::{Config, RecordsApi};
use crate::context::{use_config, ConfigReady};
use crate::providers::{self, LoadedTemplate};
use domain_connect::display::visible;
#[cfg(feature = "powerdns")]
use domain_connect::records_api::powerdns;
use domain_connect::verdict::{self, Verdict};
use domain_connect::{review, ApplyUrl, ApplyUrlError, Policy, Refusal, Review, ZoneInput};
use leptos::prelude::*;
use std::sync::Arc;

mod decide;
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
mod verify;
use decide::Decide;

/// Why the screen has no request to show.
#[derive(Clone)]
enum LoadError {
    /// The path is not an apply URL at all.
    NotFound,
    /// The records API needs a credential the page does not hold yet.
    NeedCredential,
    /// A step failed: what happened, what the user can do, and the detail for support.
    Problem { title: String, advice: &'static str, stage: &'static str, detail: String },
}

const START_AGAIN: &str =
    "Go back to the service that sent you here and start the setup again. If this happens again, send the diagnostic below to its support.";
const TRY_LATER: &str = "Try again in a moment. If it keeps failing, send the diagnostic below to your DNS provider's support.";
const NOT_SUPPORTED: &str = "Ask the service for another way to connect your domain, or add the records it needs by hand in your DNS provider's dashboard.";

impl LoadError {
    fn problem(title: impl Into<String>, advice: &'static str, stage: &'static str, detail: impl Into<String>) -> Self {
        LoadError::Problem { title: title.into(), advice, stage, detail: detail.into() }
    }
}

/// The copyable block for support: when, where, which step, and what it said. The
/// page address carries the request (no credential is ever in it).
fn diagnostic(stage: &str, detail: &str) -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let when = String::from(js_sys::Date::new_0().to_iso_string());
    format!("Domain Connect consent: diagnostic\nwhen: {when}\nstep: {stage}\npage: {href}\nerror: {}", visible(detail))
}

/// What was fetched, and the core's review of it (shared, never copied).
struct Loaded {
    cfg: Config,
    url: ApplyUrl,
    template: LoadedTemplate,
    zone: Arc<Vec<domain_connect::ZoneRecord>>,
    zone_source: String,
    review: Review,
}

/// `path` and `search` are the router's: the raw, still percent-encoded forms, so
/// the signed bytes are exactly what the Service Provider signed.
async fn load(cfg: Config, path: String, search: String) -> Result<Arc<Loaded>, LoadError> {
    let url = ApplyUrl::from_parts_with(&path, &search, &crate::web::Browser).map_err(|e| match e {
        ApplyUrlError::NotAnApplyPath { .. } => LoadError::NotFound,
        e => LoadError::problem("This link is not a valid Domain Connect request", START_AGAIN, "reading the link", e.to_string()),
    })?;
    // The template (then the key it names) and the zone are fetched together.
    let template_and_key = async {
        let template = providers::load_template(&cfg, &url.provider_id, &url.service_id).await.map_err(|e| {
            if e.missing {
                let title = format!("This DNS provider does not support {} from {} yet", url.service_id, url.provider_id);
                LoadError::problem(title, NOT_SUPPORTED, "loading the template", e.message)
            } else {
                LoadError::problem("The service's template cannot be read", TRY_LATER, "loading the template", e.message)
            }
        })?;
        let host = verdict::key_host(&template.template, &url).ok();
        let key = providers::key_answer(&cfg, host.as_deref()).await;
        Ok::<_, LoadError>((template, key))
    };
    let (tk, zone) = futures::join!(template_and_key, providers::read_zone(&cfg, &url.domain.ascii));
    let (template, key) = tk?;
    let (zone, zone_source) = zone.map_err(|e| match e {
        providers::ZoneReadError::NeedCredential => LoadError::NeedCredential,
        e => LoadError::problem("Your domain's records cannot be read", TRY_LATER, "reading the zone", e.to_string()),
    })?;
    let review = {
        let policy = Policy { proxy_defaults: Some(&cfg.proxy_defaults), ..Policy::default() };
        review(&url, &template.template, &key, ZoneInput::Records(&zone), &policy)
    };
    Ok(Arc::new(Loaded { cfg, url, template, zone: Arc::new(zone), zone_source, review }))
}

#[component]
pub fn Consent() -> impl IntoView {
    let config = use_config();
    // The consent bundle has no router: each request is a page load of its own.
    let (path, search) =
        web_sys::window().map(|w| (w.location().pathname().unwrap_or_default(), w.location().search().unwrap_or_default())).unwrap_or_default();
    // Bumped when a records-API credential arrives (typed, or from the dashboard).
    let credential = RwSignal::new(0u32);
    let listening = std::cell::Cell::new(false);
    let data = LocalResource::new(move || {
        let cfg = config.get();
        credential.track();
        #[cfg(any(feature = "powerdns", feature = "cloudflare"))]
        if let ConfigReady::Ready(c) = &cfg {
            if !listening.replace(true) && !c.dashboard_origins.is_empty() {
                crate::credentials::listen(c.dashboard_origins.clone(), move || credential.update(|n| *n += 1));
            }
        }
        let _ = &listening;
        let (path, search) = (path.clone(), search.clone());
        async move {
            match cfg {
                ConfigReady::Loading => None,
                ConfigReady::Failed => Some(Err(LoadError::problem(
                    "The DNS provider's configuration cannot be used",
                    TRY_LATER,
                    "loading config.json",
                    "see the configuration problem above",
                ))),
                ConfigReady::Ready(c) => Some(load(c, path, search).await),
            }
        }
    });
    view! {
        <section aria-labelledby="consent-title">
        {move || match data.get().flatten() {
            None => view! { <p class="loading" aria-live="polite">"Loading the request…"</p> }.into_any(),
            Some(Err(LoadError::NotFound)) => view! {
                <h1 id="consent-title">"Not found"</h1>
                <p>"No page here: this address is not a Domain Connect apply URL. "<a href="/">"Home"</a></p>
            }.into_any(),
            Some(Err(LoadError::NeedCredential)) => {
                // An embedding dashboard hands the credential over when asked.
                if let ConfigReady::Ready(c) = config.get_untracked() {
                    crate::embed::notify(&c.dashboard_origins, "dc-need-credential", &[]);
                }
                ask_credential(move || credential.update(|n| *n += 1))
            }
            Some(Err(LoadError::Problem { title, advice, stage, detail })) => view! {
                <h1 id="consent-title">{title}</h1>
                <div class="problem" role="alert" data-testid="load-error"><p class="mono">{visible(&detail).into_owned()}</p><p>"Nothing has been changed."</p></div>
                <p>{advice}</p>
                <Diagnostic text=diagnostic(stage, &detail) open=true/>
            }.into_any(),
            Some(Ok(l)) => view! { <Screen l=l/> }.into_any(),
        }}
        </section>
    }
}

#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
fn ask_credential(on_set: impl Fn() + Copy + 'static) -> AnyView {
    view! { <Credential on_set=on_set/> }.into_any()
}

#[cfg(not(any(feature = "powerdns", feature = "cloudflare")))]
fn ask_credential(_: impl Fn() + Copy + 'static) -> AnyView {
    ().into_any()
}

/// Asks for the records-API credential: typed by the operator (kept in memory, or for
/// this tab if asked), or — when the dashboard hands it over — waited for.
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
#[component]
fn Credential(on_set: impl Fn() + Copy + 'static) -> impl IntoView {
    let token = RwSignal::new(String::new());
    let keep = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = token.get_untracked();
        if !t.trim().is_empty() {
            crate::credentials::set(t.trim().to_string(), keep.get_untracked());
            token.set(String::new());
            on_set();
        }
    };
    view! {
        <h1 id="consent-title">"Sign in to your DNS provider"</h1>
        <p>"This page needs access to your domain's records. If your DNS provider's dashboard opened it, it hands the access over by itself; otherwise enter your API token."</p>
        <form class="credential" data-testid="credential" on:submit=submit>
            <label for="dc-token">"API token"</label>
            <input id="dc-token" type="password" autocomplete="off" spellcheck="false" prop:value=move || token.get()
                on:input=move |e| token.set(event_target_value(&e))/>
            <label><input type="checkbox" prop:checked=move || keep.get() on:change=move |e| keep.set(event_target_checked(&e))/>" Keep it for this tab"</label>
            <button type="submit">"Continue"</button>
        </form>
        <p class="why">"The token stays in this page (or this tab, if you ask): it is never put in an address, a log or a download."</p>
    }
}

/// A block support can be sent, selected whole with one click.
#[component]
fn Diagnostic(text: String, #[prop(optional)] open: bool) -> impl IntoView {
    view! {
        <details class="diagnostic" open=open>
            <summary>"Diagnostic for support"</summary>
            <pre class="mono wrap" data-testid="diagnostic" tabindex="0">{text}</pre>
        </details>
    }
}

/// Opened on this machine (a loopback host), where a key in config.json is a test.
fn on_loopback() -> bool {
    let host = web_sys::window().and_then(|w| w.location().hostname().ok()).unwrap_or_default();
    host == "localhost" || host == "[::1]" || host.starts_with("127.")
}

/// A phrase from the core as a sentence: capitalised, with a full stop.
fn sentence(phrase: &str) -> String {
    let mut c = phrase.chars();
    match c.next() {
        Some(first) => format!("{}{}.", first.to_ascii_uppercase(), c.as_str().trim_end_matches('.')),
        None => String::new(),
    }
}

#[component]
fn Screen(l: Arc<Loaded>) -> impl IntoView {
    let t = &l.template.template;
    let r = &l.review;
    let provider = t.provider_name.clone().unwrap_or_else(|| t.provider_id.clone());
    let service = t.service_name.clone().unwrap_or_else(|| t.service_id.clone());
    let sig_class = match r.signature.verdict {
        Verdict::Valid => "sig ok",
        Verdict::NotRequired => "sig none",
        _ => "sig bad",
    };
    let sig_text = match &r.signature.verdict {
        Verdict::Valid => view! {
            {format!("Signed by {provider}: {} (key ", r.signature.verdict)}<Breakable name=r.signature.key_host.clone().unwrap_or_default()/>")."
        }
        .into_any(),
        other => sentence(&other.to_string()).into_any(),
    };
    let return_text = sentence(&r.return_to.to_string());
    let flags = r.flags.clone();
    let proxy = RwSignal::new(r.proxy.clone());
    let provider = match &flags.provider_name_extra {
        Some(extra) => format!("{provider} ({extra})"),
        None => provider,
    };
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("dc-first-render");
    }
    {
        let domain: wasm_bindgen::JsValue = l.url.domain.ascii.as_str().into();
        crate::embed::notify(&l.cfg.dashboard_origins, "dc-ready", &[("domain", domain), ("may_apply", r.decision.may_apply.into())]);
    }
    // The signature's refusal is the verdict line above; the box does not say it again.
    let refusals: Vec<String> = r
        .decision
        .refusals
        .iter()
        .map(|x| match x {
            Refusal::SignatureInvalid { .. } | Refusal::SignatureMissing { .. } => "its signature does not hold (see above)".into(),
            other => other.to_string(),
        })
        .collect();
    let domain = l.url.domain.ascii.clone();
    // What else the user should know about who is asking and what is applied, each a
    // plain paragraph: the template's own names when the link adds names (shared
    // templates), the host's underscore labels, the groups the link selects.
    let mut notes: Vec<(&'static str, String)> = Vec::new();
    if flags.provider_name_extra.is_some() || flags.service_name_extra.is_some() {
        let own = |name: &Option<String>, id: &str| name.clone().unwrap_or_else(|| id.to_string());
        notes.push((
            "template-names",
            format!("Template: {} / {} ({}/{})", own(&t.provider_name, &t.provider_id), own(&t.service_name, &t.service_id), t.provider_id, t.service_id),
        ));
    }
    if !flags.service_labels.is_empty() {
        notes.push((
            "service-labels",
            format!(
                "{}: a name starting with an underscore holds settings for a service (mail authentication, certificates), not a web site.",
                flags.service_labels.join(", ")
            ),
        ));
    }
    if !l.url.group_ids.is_empty() {
        notes.push(("groups", format!("Only these parts of the template are applied (groupId): {}.", l.url.group_ids.join(", "))));
    }
    // PowerDNS keeps one TTL per name and type: say which TTL an RRset gets when its
    // records ask for different ones.
    #[cfg(feature = "powerdns")]
    if let (RecordsApi::Powerdns { .. }, Ok(cs)) = (&l.cfg.records_api, &r.changes) {
        for choice in powerdns::ttl_choices(cs, &l.zone, &domain) {
            notes.push(("ttl-choice", format!("{choice}.")));
        }
    }
    // A records-API key in config.json is readable by anyone who opens this page: for
    // testing on this machine only.
    let key_in_config = matches!(&l.cfg.records_api, RecordsApi::Powerdns { api_key: Some(_), .. }) && !on_loopback();
    let service = flags.service_name_extra.clone().map(|extra| format!("{service} ({extra})")).unwrap_or(service);
    // A logo only from https (the core checks). It is decoration: the name beside it is
    // the text, so an image that does not load takes no room.
    let logo = flags.logo_url.clone().map(|src| view! { <img class="logo" src=src alt="" referrerpolicy="no-referrer"/> });
    let warnings = {
        let l = l.clone();
        move || proxy.with(|p| l.review.proxy_warnings(p))
    };
    view! {
        <div class="who">{logo}<h1 id="consent-title" data-testid="provider">{provider.clone()}</h1></div>
        <p class="lead">{format!("{provider} asks to set up {service} on ")}<Name name=l.url.domain.clone()/>
            {l.url.host.clone().filter(|h| !h.ascii.is_empty()).map(|h| view! { " at host " <Name name=h/> })}</p>
        {notes.into_iter().map(|(id, text)| view! { <p class="note" data-testid=id>{text}</p> }).collect_view()}
        {key_in_config.then(|| view! {
            <p class="warning" role="note" data-testid="key-in-config">"This page's config.json holds the records API key, so anyone who can open this page can read it. That is for testing on this machine only: hand the key over from your dashboard instead."</p>
        })}
        <p class=sig_class data-testid="signature">{sig_text}</p>
        {flags.phishing_warning.then(|| view! {
            <p class="warning" role="note" data-testid="phishing">"Check this request: its values were chosen by whoever made the link and are not vouched for by a verified signature. Apply it only if you started this setup yourself at "{service.clone()}"."</p>
        })}
        {(!refusals.is_empty()).then(|| view! {
            <div class="problem" role="alert" data-testid="refusals">
                <p>"This request cannot be applied:"</p>
                <ul>{refusals.iter().map(|x| view! { <li>{visible(x).into_owned()}</li> }).collect_view()}</ul>
                <p>"Nothing has been changed."</p>
            </div>
            <Diagnostic text=diagnostic("reviewing the request", &refusals.join("; "))/>
        })}
        <details class="steps"><summary>"How this was checked"</summary>
            <ul>{r.signature.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
            <p>"Signed bytes:"</p><pre class="mono wrap">{r.signature.signed_bytes.clone()}</pre>
            <p>{format!("Template from {}; zone from {}.", l.template.source, l.zone_source)}</p>
            <p data-testid="redirect">{return_text}</p>
            {(!flags.unused_variables.is_empty()).then(|| view! { <p>{format!("Parameters the template does not use: {}", flags.unused_variables.join(", "))}</p> })}
            {(!flags.missing_variables.is_empty()).then(|| view! { <p>{format!("Variables the link does not give: {}", flags.missing_variables.join(", "))}</p> })}
            {flags.ignored.iter().map(|i| view! { <p>{format!("Ignored: {i}")}</p> }).collect_view()}
        </details>
        {r.changes.clone().ok().map(|cs| view! { <Changes changes=cs zone=ZoneRef::Records(l.zone.clone()) domain=domain proxy=proxy/> })}
        {move || {
            let w = warnings();
            (!w.is_empty()).then(|| view! {
                <div class="warning" role="note" data-testid="proxy-warnings"><ul>{w.into_iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}</ul></div>
            })
        }}
        <Decide l=l.clone() proxy=proxy/>
    }
}
