//! The consent screen at the exact path a Service Provider redirects to. Everything it
//! shows comes from one call: the core's `review` of the request.

use crate::config::Config;
use crate::context::{use_config, ConfigReady};
use crate::i18n::{t, tr, Value};
use crate::providers::{self, LoadedTemplate};
use domain_connect::consequences::{self, Break};
use domain_connect::display::visible;
use domain_connect::verdict;
use domain_connect::{review, ApplyUrl, ApplyUrlError, Policy, Review, ZoneInput};
use leptos::prelude::*;
use std::sync::Arc;

mod decide;
mod screen;
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
mod verify;
use screen::Screen;

/// Why the screen has no request to show.
#[derive(Clone)]
enum LoadError {
    /// The path is not an apply URL at all.
    NotFound,
    /// The records API needs a credential the page does not hold yet.
    NeedCredential,
    /// A step failed: what happened (a message and its arguments), what the user can do
    /// (a message), and the detail for support (the stage named in English: it is for support).
    Problem { title: (&'static str, Vec<(&'static str, String)>), advice: &'static str, stage: &'static str, detail: String },
}

const START_AGAIN: &str = "advice-start-again";
const TRY_LATER: &str = "advice-try-later";
const NOT_SUPPORTED: &str = "advice-not-supported";

impl LoadError {
    fn problem(title: &'static str, advice: &'static str, stage: &'static str, detail: impl Into<String>) -> Self {
        LoadError::Problem { title: (title, Vec::new()), advice, stage, detail: detail.into() }
    }
}

/// A message with string arguments (kept as ids until shown, so a language that
/// arrives later still applies).
fn tr_owned((id, args): &(&'static str, Vec<(&'static str, String)>)) -> String {
    let args: Vec<(&str, Value)> = args.iter().map(|(k, v)| (*k, Value::from(v.as_str()))).collect();
    tr(id, &args)
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
        // The stage, in English: for support (so every stage below).
        e => LoadError::problem("problem-link-invalid", START_AGAIN, "reading the link", e.to_string()),
    })?;
    // The template (then the key it names) and the zone are fetched together.
    let template_and_key = async {
        let template = providers::load_template(&cfg, &url.provider_id, &url.service_id).await.map_err(|e| {
            // The stage, in English: for support.
            let stage = "loading the template";
            if e.missing {
                let title = ("problem-not-supported", vec![("service", url.service_id.clone()), ("provider", url.provider_id.clone())]);
                LoadError::Problem { title, advice: NOT_SUPPORTED, stage, detail: e.message }
            } else {
                LoadError::problem("problem-template-unreadable", TRY_LATER, stage, e.message)
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
        e => LoadError::problem("problem-zone-unreadable", TRY_LATER, "reading the zone", e.to_string()), // English stage
    })?;
    let review = {
        // RS256 by the browser's Web Crypto, asked before the (synchronous) review.
        let rs256 = crate::crypto::answers(&template.template, &url, &key).await;
        let policy = Policy { proxy_defaults: Some(&cfg.proxy_defaults), rs256: &rs256, ..Policy::default() };
        review(&url, &template.template, &key, ZoneInput::Records(&zone), &policy)
    };
    Ok(Arc::new(Loaded { cfg, url, template, zone: Arc::new(zone), zone_source, review }))
}

/// For each record the change deletes, the services its removal breaks; and the flags
/// of the names the link gives: from catalogue.json, read by the explain bundle.
pub(super) async fn explain(review: &Review, t: &domain_connect::Template, names: &[String]) -> Result<(Vec<Vec<Break>>, Vec<String>), String> {
    let catalogue = providers::catalogue_text().await?;
    let mut breaks = Vec::new();
    if let Ok(cs) = &review.changes {
        let asked = consequences::to_attribute(cs);
        let records: Vec<Option<&domain_connect::ZoneRecord>> = cs.deleted.iter().zip(asked).map(|(d, ask)| ask.then_some(&d.record)).collect();
        let records = serde_json::to_string(&records).map_err(|e| e.to_string())?;
        let answer = crate::net::explain("breaks", &[&catalogue, &records, &t.provider_id, &t.service_id]).await?;
        let rows: Vec<Vec<Vec<String>>> = serde_json::from_str(&answer).map_err(|e| e.to_string())?;
        breaks = rows.into_iter().map(|b| b.into_iter().filter_map(Break::from_row).collect()).collect();
    }
    let mut flags = Vec::new();
    if !names.is_empty() {
        let names = serde_json::to_string(names).map_err(|e| e.to_string())?;
        let answer = crate::net::explain("names", &[&catalogue, &t.provider_id, &names]).await?;
        flags = serde_json::from_str(&answer).map_err(|e| e.to_string())?;
    }
    Ok((breaks, flags))
}

#[component]
pub fn Consent() -> impl IntoView {
    let config = use_config();
    // The consent bundle has no router: each request is a page load of its own.
    let (path, search) =
        web_sys::window().map(|w| (w.location().pathname().unwrap_or_default(), w.location().search().unwrap_or_default())).unwrap_or_default();
    // Bumped when a records-API credential arrives (typed, or from the dashboard).
    #[cfg(any(feature = "powerdns", feature = "cloudflare"))]
    let credential = crate::credentials::arrivals(config);
    #[cfg(not(any(feature = "powerdns", feature = "cloudflare")))]
    let credential = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        let cfg = config.get();
        credential.track();
        let (path, search) = (path.clone(), search.clone());
        async move {
            match cfg {
                ConfigReady::Loading => None,
                ConfigReady::Failed => Some(Err(LoadError::problem(
                    "problem-config-unusable",
                    TRY_LATER,
                    "loading config.json",                 // English: for support
                    "see the configuration problem above", // English: for support
                ))),
                ConfigReady::Ready(c) => Some(load(c, path, search).await),
            }
        }
    });
    let shown = move |loaded: Option<Result<Arc<Loaded>, LoadError>>| {
        match loaded {
        None => view! { <p class="loading" aria-live="polite">{t("loading-request")}</p> }.into_any(),
        Some(Err(LoadError::NotFound)) => view! {
            <h1 id="consent-title">{t("not-found")}</h1>
            <p>{t("not-found-body")}" "<a href="/">{t("home")}</a></p>
        }
        .into_any(),
        Some(Err(LoadError::NeedCredential)) => {
            // An embedding dashboard hands the credential over when asked (told when the
            // one it handed over was refused, so it can get a fresh one).
            if let ConfigReady::Ready(c) = config.get_untracked() {
                let why: &[(&str, wasm_bindgen::JsValue)] = if refused() { &[("reason", wasm_bindgen::JsValue::from_str("refused"))] } else { &[] };
                crate::embed::notify(&c.dashboard_origins, "dc-need-credential", why);
            }
            ask_credential(move || credential.update(|n| *n += 1))
        }
        Some(Err(LoadError::Problem { title, advice, stage, detail })) => view! {
            <h1 id="consent-title">{tr_owned(&title)}</h1>
            <div class="problem" role="alert" data-testid="load-error"><p class="mono">{visible(&detail).into_owned()}</p><p>{t("nothing-changed")}</p></div>
            <p>{t(advice)}</p>
            <Diagnostic text=diagnostic(stage, &detail) open=true/>
        }
        .into_any(),
        Some(Ok(l)) => view! { <Screen l=l/> }.into_any(),
    }
    };
    // The resource's states are matched here rather than through `<Suspense>`: Suspense
    // and `Suspend` cost the consent page 4,509 bytes brotli (measured), on the phone path.
    // Words wait for the page's language (its catalogue is fetched beside the request's
    // data), and are shown again when the dashboard changes it.
    let lang = crate::i18n::lang();
    view! {
        <section aria-labelledby="consent-title">
            {move || match lang.get() {
                Some(_) => shown(data.get().flatten()),
                None => shown(None),
            }}
        </section>
    }
}

/// Whether the records API refused the credential the page held (expired, revoked).
#[cfg(any(feature = "powerdns", feature = "cloudflare"))]
fn refused() -> bool {
    crate::credentials::was_refused()
}

#[cfg(not(any(feature = "powerdns", feature = "cloudflare")))]
fn refused() -> bool {
    false
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
        <h1 id="consent-title">{t("credential-title")}</h1>
        <p>{t("credential-intro")}</p>
        {refused().then(|| view! { <p class="warning" role="alert" data-testid="credential-refused">{t("credential-refused")}</p> })}
        <form class="credential" data-testid="credential" on:submit=submit>
            <label for="dc-token">{t("credential-token")}</label>
            <input id="dc-token" type="password" autocomplete="off" spellcheck="false" prop:value=move || token.get()
                on:input=move |e| token.set(event_target_value(&e))/>
            <label><input type="checkbox" prop:checked=move || keep.get() on:change=move |e| keep.set(event_target_checked(&e))/>" "{t("credential-keep")}</label>
            <button type="submit">{t("continue")}</button>
        </form>
        <p class="why">{t("credential-why")}</p>
    }
}

/// A block support can be sent, selected whole with one click.
#[component]
fn Diagnostic(text: String, #[prop(optional)] open: bool) -> impl IntoView {
    view! {
        <details class="diagnostic" open=open>
            <summary>{t("diagnostic")}</summary>
            <pre class="mono wrap" data-testid="diagnostic" tabindex="0">{text}</pre>
        </details>
    }
}

/// Opened on this machine (a loopback host), where a key in config.json is a test.
fn on_loopback() -> bool {
    let host = web_sys::window().and_then(|w| w.location().hostname().ok()).unwrap_or_default();
    host == "localhost" || host == "[::1]" || host.starts_with("127.")
}
