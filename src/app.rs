//! The router and the configuration every page reads.

use crate::config::Config;
use crate::net;
use crate::pages::{consent::Consent, home::Home, preview::Preview, replay::Replay};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The configuration as loaded: `Ok` (from `config.json` or the embedded default, with
/// where it came from) or the reason it could not be used.
#[derive(Clone)]
pub struct ConfigState(pub LocalResource<Result<(Config, String), String>>);

async fn load_config() -> Result<(Config, String), String> {
    let resp = net::fetch("GET", "/config.json", &[], None).await?;
    match resp.status {
        404 => Ok((Config::default(), "embedded default (no config.json)".into())),
        s if (200..300).contains(&s) => Config::from_json(&resp.text()).map(|c| (c, "config.json".into())),
        s => Err(format!("GET /config.json: HTTP {s}")),
    }
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

#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(load_config);
    provide_context(ConfigState(config));
    Effect::new(move |_| {
        if let Some(Ok((cfg, _))) = config.get() {
            apply_branding(&cfg);
        }
    });
    let brand = move || {
        config.get().and_then(|c| c.ok()).map(|(c, _)| c.branding.name).unwrap_or_else(|| "Domain Connect".into())
    };
    view! {
        <Router>
            <header class="top">
                <a class="skip" href="#main">"Skip to content"</a>
                <A href="/" attr:class="brand">{brand}</A>
                <nav aria-label="Modes">
                    <A href="/preview">"Preview"</A>
                    <A href="/replay">"Replay"</A>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <ConfigProblem/>
                <Routes fallback=|| view! { <h1>"Not found"</h1><p>"No page here. "<a href="/">"Home"</a></p> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/preview") view=Preview/>
                    <Route path=path!("/replay") view=Replay/>
                    <Route path=path!("/v2/domainTemplates/providers/:providerId/services/:serviceId/apply") view=Consent/>
                </Routes>
            </main>
        </Router>
    }
}

/// A bad `config.json` is shown on every page, with the key that is wrong.
#[component]
fn ConfigProblem() -> impl IntoView {
    let ConfigState(config) = expect_context::<ConfigState>();
    move || {
        config.get().and_then(|c| c.err()).map(|e| {
            view! {
                <div class="problem" role="alert">
                    <h2>"The configuration cannot be used"</h2>
                    <p class="mono">{e}</p>
                    <p>"Nothing will be read from or written to a DNS provider until it is fixed."</p>
                </div>
            }
        })
    }
}

/// The loaded configuration, for pages (None while loading or when broken).
pub fn use_config() -> Signal<Option<Config>> {
    let ConfigState(config) = expect_context::<ConfigState>();
    Signal::derive(move || config.get().and_then(|c| c.ok()).map(|(c, _)| c))
}
