//! Opening a file the user picks or drops: read here, as text; nothing is uploaded.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files larger than this are refused (a template or a zone of this size is a mistake).
const MAX_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

pub async fn read(file: web_sys::File) -> Result<String, String> {
    if file.size() > MAX_BYTES {
        return Err(format!("{} is {} bytes; files over 4 MB are not opened", file.name(), file.size()));
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| format!("{} cannot be read", file.name()))?;
    text.as_string().ok_or_else(|| format!("{} is not text", file.name()))
}

/// A labelled file picker that hands the chosen file's text (or why it could not be
/// read) to `on_text`.
#[component]
pub fn OpenFile(label: &'static str, accept: &'static str, testid: &'static str, on_text: Callback<Result<String, String>>) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // The same file may be chosen again after an edit.
        input.set_value("");
        leptos::task::spawn_local(async move { on_text.run(read(file).await) });
    };
    view! { <label class="file">{label}" "<input type="file" accept=accept data-testid=testid on:change=on_change/></label> }
}
