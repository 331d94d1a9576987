//! Telling the embedding page what happened: when the consent screen runs in an iframe
//! of a dashboard or in a popup, it posts one message per event — `dc-need-credential`
//! (the records API needs a credential and none was handed over yet), `dc-ready`,
//! `dc-applied` (with counts), `dc-cancelled`, `dc-failed` (with the reason) — to its
//! parent or opener, addressed to each origin config.json lists in
//! `dashboard_origins` and to no other (never `*`: the browser delivers a message only
//! when the receiver's origin is the one addressed).

use wasm_bindgen::JsCast;

/// The opener (when a popup) or parent (when framed), if there is one.
fn embedder() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    // Not `dyn_into`: an opener of another origin is a cross-origin WindowProxy, which
    // `instanceof Window` does not recognise, yet it takes postMessage.
    if let Some(opener) = w.opener().ok().filter(|o| !o.is_null() && !o.is_undefined()) {
        return Some(opener.unchecked_into());
    }
    w.parent().ok().flatten().filter(|p| *p != w)
}

/// Post `{"type": kind, …fields}` to the embedder, once per listed origin.
pub fn notify(origins: &[String], kind: &str, fields: &[(&str, wasm_bindgen::JsValue)]) {
    if origins.is_empty() {
        return;
    }
    let Some(target) = embedder() else { return };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    for origin in origins {
        let _ = target.post_message(&msg, origin);
    }
}
