//! Permalinks of the tools (workbench, replay): a page's whole state deflated into the
//! URL fragment. A fragment is never sent to a server, so sharing the link shares
//! nothing with anyone but its reader.

use base64::Engine;
use serde::{de::DeserializeOwned, Serialize};

/// Links longer than this are refused when read (a fragment of a few KB is normal).
const MAX_STATE_BYTES: usize = 4 * 1024 * 1024;

/// `s=` and the state, deflated and base64url-encoded.
pub fn encode<T: Serialize>(state: &T) -> String {
    let json = serde_json::to_vec(state).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("s={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed))
}

/// The state in a fragment (`#s=…` or `s=…`); `None` when the fragment holds none,
/// an error when it holds a damaged one.
pub fn decode<T: DeserializeOwned>(fragment: &str) -> Option<Result<T, String>> {
    let data = fragment.trim_start_matches('#').strip_prefix("s=")?;
    Some((|| {
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(data.trim()).map_err(|e| format!("the link is damaged ({e})"))?;
        let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_STATE_BYTES)
            .map_err(|_| "the link is damaged (it does not inflate)".to_string())?;
        serde_json::from_slice(&json).map_err(|e| format!("the link is damaged ({e})"))
    })())
}

/// The state in this page's fragment, if any.
pub fn from_location<T: DeserializeOwned>() -> Option<Result<T, String>> {
    decode(&web_sys::window()?.location().hash().ok()?)
}

/// Put `state` into this page's fragment, in place (no navigation, no history entry,
/// the router undisturbed); the link, whole.
pub fn replace<T: Serialize>(state: &T) -> String {
    let Some(w) = web_sys::window() else { return String::new() };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{}", encode(state))));
    }
    w.location().href().unwrap_or_default()
}

/// *Make a permalink*: a button that puts the page's state (`state`, asked when it is
/// pressed) into the fragment, and the link to copy; `what` says what goes in.
#[leptos::component]
pub fn MakePermalink<T: Serialize + 'static>(state: leptos::prelude::Callback<(), T>, what: &'static str, input_id: &'static str) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let link = RwSignal::new(String::new());
    view! {
        <p class="share">
            <button type="button" data-testid="permalink" on:click=move |_| link.set(replace(&state.run(())))>"Make a permalink"</button>
            " "{what}
        </p>
        {move || (!link.get().is_empty()).then(|| view! {
            <p><label for=input_id>"Permalink"</label>" "<input id=input_id type="text" readonly data-testid="permalink-url" prop:value=move || link.get()/></p>
        })}
    }
}
