//! The records-API credential, held as a DNS provider's page holds one: from
//! config.json only for loopback testing; otherwise handed over by the embedding
//! dashboard (postMessage from a configured origin) or typed by the operator, and kept
//! in this page's memory — or, when the operator asks, this tab's sessionStorage. It is
//! sent in a request header only: never in a URL, a log, a permalink or a download.

use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast};

thread_local! {
    static TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The last credential the records API refused (401/403: expired, revoked): the
    /// same one handed over again is not tried again.
    static REFUSED: RefCell<Option<String>> = const { RefCell::new(None) };
}

const TAB_KEY: &str = "dc-records-api-credential";

fn tab() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The credential held, if any.
pub fn current() -> Option<String> {
    TOKEN.with(|t| t.borrow().clone()).or_else(|| tab()?.get_item(TAB_KEY).ok().flatten()).filter(|t| !t.is_empty())
}

/// Hold `token`; in this tab's sessionStorage too when `keep_for_tab`.
pub fn set(token: String, keep_for_tab: bool) {
    if let Some(s) = tab() {
        let _ = if keep_for_tab { s.set_item(TAB_KEY, &token) } else { s.remove_item(TAB_KEY) };
    }
    TOKEN.with(|t| *t.borrow_mut() = Some(token));
}

/// The records API refused the credential held: forget it (and this tab's copy), and
/// do not take the same one again.
pub fn refuse_current() {
    let held = current();
    if let Some(s) = tab() {
        let _ = s.remove_item(TAB_KEY);
    }
    TOKEN.with(|t| *t.borrow_mut() = None);
    REFUSED.with(|r| *r.borrow_mut() = held);
}

/// Whether a credential was refused (the page then asks for a new one, saying why).
pub fn was_refused() -> bool {
    REFUSED.with(|r| r.borrow().is_some())
}

/// A counter bumped each time a credential arrives from the embedding dashboard (a
/// page reads again on it): listening starts once, when the configuration names the
/// dashboards' origins.
pub fn arrivals(config: leptos::prelude::Signal<crate::context::ConfigReady>) -> leptos::prelude::RwSignal<u32> {
    use leptos::prelude::*;
    let arrived = RwSignal::new(0u32);
    // The window's message listener is the outside world: an effect, run until it listens.
    Effect::new(move |listening: Option<bool>| {
        if listening == Some(true) {
            return true;
        }
        match config.get() {
            crate::context::ConfigReady::Ready(c) if !c.dashboard_origins.is_empty() => {
                listen(c.dashboard_origins.clone(), move || arrived.update(|n| *n += 1));
                true
            }
            _ => false,
        }
    });
    arrived
}

/// Take a credential from a `message` event of the embedding dashboard: only from
/// `origins`, only `{"type": "dc-credential", "token": "…"}`; anything else is
/// ignored. `on_token` runs after each one taken.
fn listen(origins: Vec<String>, on_token: impl Fn() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if !origins.iter().any(|o| *o == e.origin()) {
            return;
        }
        let data = e.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
        if field("type").as_deref() != Some("dc-credential") {
            return;
        }
        if let Some(token) = field("token").filter(|t| !t.is_empty() && !t.chars().any(char::is_control)) {
            // The one just refused, handed over again (a dashboard answering every ask
            // with what it holds): not tried again, or the page would ask in a loop.
            if REFUSED.with(|r| r.borrow().as_deref() == Some(token.as_str())) {
                return;
            }
            set(token, false);
            on_token();
        }
    });
    let _ = w.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    handler.forget(); // for the page's lifetime
}
