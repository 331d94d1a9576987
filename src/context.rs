//! What every page shares: the configuration as loaded (a context), the page shell
//! (header, skip link, configuration problems) and the branding it applies. Pages
//! import this module; it imports no page.

use crate::config::{Config, ConfigError};
use crate::net;
use leptos::prelude::*;

/// The configuration as loaded: `Ok` (from `config.json` or the embedded default, with
/// where it came from) or why it could not be used.
#[derive(Clone)]
pub struct ConfigState(pub LocalResource<Result<(Config, String), ConfigError>>);

async fn load_config() -> Result<(Config, String), ConfigError> {
    let resp = net::fetch("GET", "/config.json", &[], None).await.map_err(ConfigError::Unreachable)?;
    let loaded = crate::config::from_response(&resp);
    if let Ok((cfg, _)) = &loaded {
        net::set_timeout_seconds(cfg.timeout_seconds);
    }
    loaded
}

fn apply_branding(cfg: &Config) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    doc.set_title(&format!("{} — Domain Connect", cfg.branding.name));
    if let (Some(accent), Some(root)) = (&cfg.branding.accent, doc.document_element()) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = root.dyn_into::<web_sys::HtmlElement>() {
            // Through the CSSOM, which the CSP allows (inline style attributes are not).
            let _ = el.style().set_property("--accent", accent);
        }
    }
}

/// Load the configuration once and share it with every page below.
pub fn provide_config() -> LocalResource<Result<(Config, String), ConfigError>> {
    let config = LocalResource::new(load_config);
    provide_context(ConfigState(config));
    Effect::new(move |_| {
        if let Some(Ok((cfg, _))) = config.get() {
            apply_branding(&cfg);
        }
    });
    config
}

/// The header every page has. Links to the other bundle's pages are full page loads
/// (`rel="external"`): each audience's code is its own download.
#[component]
pub fn Header(
    /// (href, label, same bundle?)
    links: &'static [(&'static str, &'static str, bool)],
) -> impl IntoView {
    let ConfigState(config) = expect_context::<ConfigState>();
    let lang = crate::i18n::lang();
    // The product's name until the operator's arrives (a name: in English in every language).
    let brand = move || config.get().and_then(|c| c.ok()).map(|(c, _)| c.branding.name).unwrap_or_else(|| "Domain Connect".into());
    view! {
        <header class="top">
            <a class="skip" href="#main">{move || { lang.track(); crate::i18n::t("skip") }}</a>
            <a href="/" class="brand" rel="external">{brand}</a>
            <nav aria-label="Modes">
                {links.iter().map(|(href, label, local)| view! {
                    <a href=*href rel=(!local).then_some("external")>{*label}</a>
                }).collect_view()}
            </nav>
        </header>
    }
}

/// A configuration that cannot be used is shown on every page, with what is wrong.
#[component]
pub fn ConfigProblem() -> impl IntoView {
    let ConfigState(config) = expect_context::<ConfigState>();
    move || {
        config.get().and_then(|c| c.err()).map(|e| {
            view! {
                <div class="problem" role="alert" data-testid="config-problem">
                    <h2>{crate::i18n::t("config-problem")}</h2>
                    <p class="mono">{e.to_string()}</p>
                    <p>{crate::i18n::t("config-problem-body")}</p>
                </div>
            }
        })
    }
}

/// What a page waits for: the loaded configuration, or that it failed (so the page
/// stops waiting and says so instead of spinning).
#[derive(Clone)]
pub enum ConfigReady {
    Loading,
    Ready(Config),
    Failed,
}

/// The loaded configuration, for pages.
pub fn use_config() -> Signal<ConfigReady> {
    let ConfigState(config) = expect_context::<ConfigState>();
    Signal::derive(move || match config.get() {
        None => ConfigReady::Loading,
        Some(Ok((c, _))) => ConfigReady::Ready(c),
        Some(Err(_)) => ConfigReady::Failed,
    })
}
