//! The page's language. Once config.json is read, the language is negotiated
//! (`dc_i18n::negotiate`: the dashboard's `dc-locale`, config.json, the browser), and
//! `<html lang dir>` follow. English is compiled in (`dc_i18n::English`, no Fluent
//! runtime on the first load); another language loads the words bundle (Fluent's
//! runtime, `boot.js`'s `dcWords`) and only its catalogue (`/locales/{tag}.ftl`, and
//! the operator's from `messages`). Components show every string through [`t`] / [`tr`];
//! a message a catalogue lacks or breaks is shown in English, with one console warning.

use crate::config::Config;
use dc_i18n::{Choice, English};
use leptos::prelude::*;
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// A placeholder's value: text or a whole number (which a catalogue may select a plural
/// on). Whole: no float formatting in the consent page.
#[derive(Clone)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    Number(i64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::Text(Cow::Owned(s))
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Value<'_> {
            fn from(n: $t) -> Self {
                Value::Number(n as i64)
            }
        }
    )*};
}
numbers!(usize, u16, u32, i64);

impl Value<'_> {
    fn text(&self) -> Cow<'_, str> {
        match self {
            Value::Text(s) => Cow::Borrowed(s.as_ref()),
            Value::Number(n) => Cow::Owned(n.to_string()),
        }
    }
}

/// Who formats the page's messages.
enum Speaker {
    /// English, compiled in.
    English,
    /// The words bundle's `format(id, argsJson)`, for the language it loaded.
    Words(js_sys::Function),
}

thread_local! {
    static SPEAKER: RefCell<Speaker> = const { RefCell::new(Speaker::English) };
    /// Set once the user has acted (Connect, Cancel): the page no longer switches
    /// language, which would render its buttons and outcome anew mid-change.
    static SETTLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The user has acted: keep the language as it is from now on.
pub fn settle() {
    SETTLED.with(|s| s.set(true));
}

fn english(id: &str, args: &[(&str, Value)]) -> String {
    let args: Vec<(&str, Cow<str>)> = args.iter().map(|(k, v)| (*k, v.text())).collect();
    English.text(id, &args).unwrap_or_else(|| {
        web_sys::console::warn_1(&format!("{id}: no such message").into());
        id.to_string()
    })
}

/// The message `id` in the page's language.
pub fn t(id: &str) -> String {
    tr(id, &[])
}

/// The message `id` with its placeholders filled.
pub fn tr(id: &str, args: &[(&str, Value)]) -> String {
    SPEAKER.with(|s| match &*s.borrow() {
        Speaker::English => english(id, args),
        Speaker::Words(format) => {
            let json = js_sys::Object::new();
            for (k, v) in args {
                let v = match v {
                    Value::Text(s) => JsValue::from_str(s),
                    Value::Number(n) => JsValue::from_f64(*n as f64),
                };
                let _ = js_sys::Reflect::set(&json, &(*k).into(), &v);
            }
            let json = js_sys::JSON::stringify(&json).map(String::from).unwrap_or_default();
            format.call2(&JsValue::NULL, &id.into(), &json.into()).ok().and_then(|t| t.as_string()).unwrap_or_else(|| english(id, args))
        }
    })
}

/// The language spoken: `None` until the negotiated catalogue is in (views that show
/// words wait for it, so a German page never flashes English), then its tag — a
/// signal, so a dashboard's `dc-locale` re-renders what it shows.
#[derive(Clone, Copy)]
pub struct Lang(pub RwSignal<Option<String>>);

/// The page's language as a signal (provided by [`provide`]).
pub fn lang() -> RwSignal<Option<String>> {
    use_context::<Lang>().map(|l| l.0).unwrap_or_else(|| RwSignal::new(Some("en".into())))
}

fn browser_languages() -> Vec<String> {
    let Some(w) = web_sys::window() else { return Vec::new() };
    w.navigator().languages().iter().filter_map(|l| l.as_string()).collect()
}

/// Negotiate, fetch the catalogue(s) and the words bundle, switch. What cannot be
/// fetched is a warning: the message falls back to English (a whole catalogue missing,
/// every message).
async fn switch(cfg: Option<Config>, dashboard: Option<String>, lang: RwSignal<Option<String>>) {
    let cfg = cfg.unwrap_or_default();
    let operator: Vec<String> = cfg.messages.iter().map(|(t, _)| t.clone()).collect();
    let browser = browser_languages();
    let choice = Choice { dashboard: dashboard.as_deref(), configured: cfg.locale.as_deref(), allowed: &cfg.locales, operator: &operator, browser: &browser };
    let tag = dc_i18n::negotiate(&choice);
    if lang.get_untracked().as_deref() == Some(tag.as_str()) || SETTLED.with(|s| s.get()) {
        return;
    }
    let speaker = match (tag.as_str(), cfg.messages_of(&tag)) {
        ("en", None) => Speaker::English,
        _ => match words(&tag, &cfg).await {
            Ok(format) => Speaker::Words(format),
            Err(e) => {
                web_sys::console::warn_1(&format!("{e}: the page speaks English").into());
                Speaker::English
            }
        },
    };
    let shown = if matches!(speaker, Speaker::English) { "en" } else { tag.as_str() };
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", shown);
        let _ = root.set_attribute("dir", dc_i18n::direction(shown).as_str());
    }
    SPEAKER.with(|s| *s.borrow_mut() = speaker);
    lang.set(Some(tag));
}

/// Start: negotiate once the configuration is in (or has failed), and listen for the
/// dashboard's `{"type": "dc-locale", "locale": "de"}` from `dashboard_origins`.
pub fn provide(config: Signal<crate::context::ConfigReady>) {
    use crate::context::ConfigReady;
    let lang = RwSignal::new(None);
    provide_context(Lang(lang));
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let cfg = match config.get() {
            ConfigReady::Loading => return false,
            ConfigReady::Ready(c) => Some(c),
            ConfigReady::Failed => None,
        };
        if let Some(c) = &cfg {
            if !c.dashboard_origins.is_empty() {
                listen(c.clone(), lang);
            }
        }
        leptos::task::spawn_local(switch(cfg, None, lang));
        true
    });
}

/// The dashboard's choice of language, from a configured origin only.
fn listen(cfg: Config, lang: RwSignal<Option<String>>) {
    let Some(w) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if !cfg.dashboard_origins.iter().any(|o| *o == e.origin()) {
            return;
        }
        let data = e.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
        if field("type").as_deref() != Some("dc-locale") {
            return;
        }
        if let Some(locale) = field("locale").filter(|l| l.len() <= 35) {
            leptos::task::spawn_local(switch(Some(cfg.clone()), Some(locale), lang));
        }
    });
    let _ = w.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    handler.forget(); // for the page's lifetime
}

/// A piece of a message shown with components inside it: text, or the slot (by its
/// position in `slots`) where a component goes.
pub enum Part {
    Text(String),
    Slot(usize),
}

/// The message `id` cut at its `slots` placeholders (each filled by a component the
/// caller renders: a domain name with its punycode, a breakable key host), so a
/// translation may put them wherever its grammar wants.
pub fn parts(id: &str, args: &[(&str, Value)], slots: &[&str]) -> Vec<Part> {
    const FIRST: u32 = 0xE000; // private use: no catalogue text holds these
    let marks: Vec<String> = (0..slots.len()).map(|i| char::from_u32(FIRST + i as u32).unwrap_or('\u{E000}').to_string()).collect();
    let mut all: Vec<(&str, Value)> = args.to_vec();
    all.extend(slots.iter().zip(&marks).map(|(s, m)| (*s, Value::from(m.as_str()))));
    let text = tr(id, &all);
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        match (c as u32).checked_sub(FIRST).filter(|i| (*i as usize) < slots.len()) {
            Some(i) => {
                if !run.is_empty() {
                    out.push(Part::Text(std::mem::take(&mut run)));
                }
                out.push(Part::Slot(i as usize));
            }
            None => run.push(c),
        }
    }
    if !run.is_empty() {
        out.push(Part::Text(run));
    }
    out
}

/// Load the words bundle and `tag`'s catalogues (the shipped one, when the language is
/// shipped, and the operator's, when config.json names one) into it: its `format`.
async fn words(tag: &str, cfg: &Config) -> Result<js_sys::Function, String> {
    let warn = |e: String| web_sys::console::warn_1(&e.into());
    let shipped = async {
        // Shipped, or the operator's own language with its file under dist/locales/.
        let file = tag != "en" && tag != dc_i18n::PSEUDO && (dc_i18n::SHIPPED.contains(&tag) || cfg.messages_of(tag).is_none());
        match file {
            true => crate::net::get_text(&format!("/locales/{tag}.ftl")).await.map_err(|e| warn(format!("{e}: the {tag} catalogue"))).ok(),
            false => None,
        }
    };
    let operator = async {
        match cfg.messages_of(tag) {
            Some(url) => crate::net::get_text(url).await.map_err(|e| warn(format!("{e}: the operator's {tag} catalogue"))).ok(),
            None => None,
        }
    };
    let (module, shipped, operator) = futures::join!(crate::net::bundle("dcWords"), shipped, operator);
    let module = module?;
    let get = |name: &str| js_sys::Reflect::get(&module, &name.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let (load, format) = (get("load").ok_or("the words bundle has no load")?, get("format").ok_or("the words bundle has no format")?);
    let said = load.call3(
        &JsValue::NULL,
        &tag.into(),
        &shipped.map(JsValue::from).unwrap_or(JsValue::UNDEFINED),
        &operator.map(JsValue::from).unwrap_or(JsValue::UNDEFINED),
    );
    match said.map_err(|e| format!("{e:?}"))?.as_string() {
        Some(w) if !w.is_empty() => warn(w),
        _ => {}
    }
    Ok(format)
}
