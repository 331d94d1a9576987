//! "Sign a test URL": the author's request as the apply URL a DNS provider would
//! receive, signed with a key made here (Web Crypto) or pasted (PEM), laid out as the
//! draft's canonical string or in the order given; the TXT records to publish; and the
//! URL checked by the core's `review`, as the consent page checks it. The private key
//! stays in this page: it is not in the permalink, in storage or in any request.

use crate::components::text_editor::TextEditor;
use crate::context::ConfigReady;
use crate::providers;
use domain_connect::signature::QueryOrder;
use domain_connect::{review, ApplyUrl, IndexedZone, KeyAnswer, Policy, Template, ZoneInput};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the rest of the page supplies: the parameters of the request as the form
/// stands, in the order the core's `ApplyUrl::build` lays them out.
pub type Params = Vec<(String, String)>;

/// A signed URL and what checking it found.
#[derive(Clone)]
struct Signed {
    url: String,
    key_host: String,
    txt: Vec<String>,
    verdict: String,
    ok: bool,
}

fn js(e: JsValue) -> String {
    e.as_string().or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string())).unwrap_or_else(|| format!("{e:?}"))
}

/// A new RSA-2048 key from the browser's Web Crypto, as PKCS#8 PEM.
async fn generate_pem() -> Result<String, String> {
    use base64::Engine;
    let subtle = web_sys::window().ok_or("no window")?.crypto().map_err(js)?.subtle();
    let alg = js_sys::Object::new();
    let exponent = js_sys::Uint8Array::from(&[1u8, 0, 1][..]);
    for (k, v) in
        [("name", JsValue::from("RSASSA-PKCS1-v1_5")), ("modulusLength", 2048.into()), ("publicExponent", exponent.into()), ("hash", "SHA-256".into())]
    {
        js_sys::Reflect::set(&alg, &k.into(), &v).map_err(js)?;
    }
    let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
    let pair = JsFuture::from(subtle.generate_key_with_object(&alg, true, &usages).map_err(js)?).await.map_err(js)?;
    let private: web_sys::CryptoKey = js_sys::Reflect::get(&pair, &"privateKey".into()).map_err(js)?.unchecked_into();
    let der = JsFuture::from(subtle.export_key("pkcs8", &private).map_err(js)?).await.map_err(js)?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(js_sys::Uint8Array::new(&der).to_vec());
    let lines: Vec<&str> = b64.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
    Ok(format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", lines.join("\n")))
}

/// Sign the request and check it as a DNS provider would, with the TXT this key publishes.
fn sign(t: &Template, zone: &IndexedZone, params: &Params, base: &str, label: &str, order: QueryOrder, pem: &str) -> Result<Signed, String> {
    let made = domain_connect::test_url::sign_test_url(t, base, params, order, label, pem).map_err(|e| e.to_string())?;
    let parsed = ApplyUrl::parse_with(&made.url, &crate::web::Browser).map_err(|e| format!("the signed URL does not parse: {e}"))?;
    let answer = KeyAnswer::Found { txt: made.txt.clone(), source: "the TXT records above".into() };
    let r = review(&parsed, t, &answer, ZoneInput::Indexed(zone), &Policy::default());
    let mut verdict = r.signature.verdict.to_string();
    for refusal in &r.decision.refusals {
        verdict += &format!("; {refusal}");
    }
    let ok = r.signature.is_valid();
    Ok(Signed { url: made.url, key_host: made.key_host, txt: made.txt, verdict, ok })
}

#[component]
pub fn Sign(
    template: Signal<Option<Template>>,
    zone: Signal<Option<Arc<IndexedZone>>>,
    params: Signal<Result<Params, String>>,
    config: Signal<ConfigReady>,
) -> impl IntoView {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let base = RwSignal::new(origin.clone());
    let label = RwSignal::new("_dcwb1".to_string());
    let redirect = RwSignal::new(String::new());
    let state = RwSignal::new(String::new());
    let canonical = RwSignal::new(true);
    // The private key: this signal only (never the permalink, storage or a request).
    let pem = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let signed = RwSignal::new(None::<Signed>);
    let sandbox = move || matches!(config.get(), ConfigReady::Ready(c) if matches!(c.doh, crate::config::Doh::Sandbox {}));
    let generate = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            match generate_pem().await {
                Ok(p) => pem.set(p),
                Err(e) => problem.set(Some(format!("The browser could not make a key: {e}"))),
            }
            busy.set(false);
        });
    };
    let do_sign = move |_| {
        let (Some(t), Some(z)) = (template.get_untracked(), zone.get_untracked()) else {
            problem.set(Some("A template that loads and a zone are needed first.".into()));
            return;
        };
        let mut p = match params.get_untracked() {
            Ok(p) => p,
            Err(e) => {
                signed.set(None);
                problem.set(Some(e));
                return;
            }
        };
        for (name, v) in [("redirect_uri", redirect.get_untracked()), ("state", state.get_untracked())] {
            if !v.trim().is_empty() {
                p.push((name.to_string(), v.trim().to_string()));
            }
        }
        let order = if canonical.get_untracked() { QueryOrder::Canonical } else { QueryOrder::AsGiven };
        match sign(&t, &z, &p, &base.get_untracked(), &label.get_untracked(), order, &pem.get_untracked()) {
            Ok(s) => {
                problem.set(None);
                signed.set(Some(s));
            }
            Err(e) => {
                signed.set(None);
                problem.set(Some(e));
            }
        }
    };
    view! {
        <details class="sign" data-testid="sign">
            <summary>"Sign a test URL"</summary>
            <p class="hint">"The private key stays in this page: it is not put in the permalink, in storage or in any request."</p>
            <div class="grid">
                <label for="pv-base">"DNS provider's base URL (urlSyncUX)"</label>
                <input id="pv-base" type="url" prop:value=move || base.get() on:input=move |ev| base.set(event_target_value(&ev))/>
                <label for="pv-label">"Key label (the key host is label.syncPubKeyDomain)"</label>
                <input id="pv-label" type="text" spellcheck="false" prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                <label for="pv-redirect">"redirect_uri (optional)"</label>
                <input id="pv-redirect" type="url" prop:value=move || redirect.get() on:input=move |ev| redirect.set(event_target_value(&ev))/>
                <label for="pv-state">"state (optional)"</label>
                <input id="pv-state" type="text" prop:value=move || state.get() on:input=move |ev| state.set(event_target_value(&ev))/>
                <TextEditor id="pv-pem" label="Private key (PEM, PKCS#8 or PKCS#1)" rows=4 testid="private-key" value=pem secret=true/>
            </div>
            <p>
                <button type="button" data-testid="generate-key" disabled=move || busy.get() on:click=generate>"Make a new RSA-2048 key"</button>" "
                <label class="check"><input type="checkbox" data-testid="canonical" prop:checked=move || canonical.get()
                    on:change=move |ev| canonical.set(event_target_checked(&ev))/>" The draft's canonical form (sorted); unticked: the order given (v2.3)"</label>" "
                <button type="button" data-testid="sign-url" on:click=do_sign>"Sign"</button>
            </p>
            {move || problem.get().map(|e| view! { <div class="problem" role="alert" data-testid="sign-problem"><p>{e}</p></div> })}
            {move || signed.get().map(|s| view! { <SignedView s=s sandbox=sandbox()/> })}
        </details>
    }
}

/// A signed URL: the URL, the core's verdict on it, the TXT records to publish and — in
/// the sandbox — a button that publishes them here and opens the consent route.
#[component]
fn SignedView(s: Signed, sandbox: bool) -> impl IntoView {
    let published = RwSignal::new(None::<Result<(), String>>);
    let consent = s.url.find("/v2/domainTemplates/").map(|i| s.url[i..].to_string()).unwrap_or_default();
    let zone_lines: String = s.txt.iter().map(|t| format!("{}. 3600 IN TXT \"{t}\"\n", s.key_host)).collect();
    let (key_host, txt) = (s.key_host.clone(), s.txt.clone());
    let publish = move |_| published.set(Some(providers::publish_sandbox_key(&key_host, &txt)));
    view! {
        <label for="pv-signed">"The signed URL"</label>
        <textarea id="pv-signed" class="mono" rows="4" readonly data-testid="signed-url" prop:value=s.url.clone()></textarea>
        <p class=if s.ok { "sig ok" } else { "sig bad" } data-testid="sign-verdict" role="status">{format!("Checked as the consent page checks it: {}.", s.verdict)}</p>
        <label for="pv-txt">{format!("Publish these TXT records at {} (each string under 255 bytes)", s.key_host)}</label>
        <textarea id="pv-txt" class="mono" rows="3" readonly data-testid="key-txt" prop:value=zone_lines></textarea>
        {if sandbox {
            view! {
                <p>
                    <button type="button" data-testid="publish-key" on:click=publish>"Publish them in this browser's sandbox key store"</button>" "
                    {move || published.get().map(|r| match r {
                        Ok(()) => view! { <a href=consent.clone() target="_blank" rel="external noopener" data-testid="open-consent">"Open it on the consent route"</a> }.into_any(),
                        Err(e) => view! { <span class="problem">{e}</span> }.into_any(),
                    })}
                </p>
                <p class="hint">"The consent route loads the template by its ids from its own template source, not the one edited here."</p>
            }.into_any()
        } else {
            view! { <p class="hint">"Once they are in DNS, the consent route finds them over DNS-over-HTTPS: "<a href=consent rel="external" target="_blank">"open it there"</a>"."</p> }.into_any()
        }}
    }
}
