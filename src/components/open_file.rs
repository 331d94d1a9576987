//! Opening a file the user picks or drops: read here, as text; nothing is uploaded.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest template file opened, in MB.
pub const TEMPLATE_MB: u32 = 4;
/// The largest zone file opened (a zone of 200,000 records is about 6 MB).
pub const ZONE_MB: u32 = 32;
/// The largest HAR opened: the browser saves response bodies in it.
pub const HAR_MB: u32 = 100;

/// Read `file` as text, unless it is over `max_mb` MB (1,000,000 bytes each): each
/// picker says what size of its kind is a mistake (a template of 4 MB; a HAR with its
/// response bodies is often tens of MB).
pub async fn read(file: web_sys::File, max_mb: u32) -> Result<String, String> {
    if file.size() > f64::from(max_mb) * 1e6 {
        return Err(format!("{} is {} bytes; files over {max_mb} MB are not opened here", file.name(), file.size()));
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| format!("{} cannot be read", file.name()))?;
    text.as_string().ok_or_else(|| format!("{} is not text", file.name()))
}

/// A labelled file picker that hands the chosen file's text (or why it could not be
/// read) to `on_text`.
#[component]
pub fn OpenFile(label: &'static str, accept: &'static str, testid: &'static str, max_mb: u32, on_text: Callback<Result<String, String>>) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // The same file may be chosen again after an edit.
        input.set_value("");
        leptos::task::spawn_local(async move { on_text.run(read(file, max_mb).await) });
    };
    view! { <label class="file">{label}" "<input type="file" accept=accept data-testid=testid on:change=on_change/></label> }
}

/// A place to drop a file on: its children as given, and the dropped file's text (or
/// why it could not be read) handed to `on_text`.
#[component]
pub fn DropFile(max_mb: u32, on_text: Callback<Result<String, String>>, children: Children) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) else { return };
        leptos::task::spawn_local(async move { on_text.run(read(file, max_mb).await) });
    };
    view! {
        <div class="drop" class:dragging=move || dragging.get() data-testid="drop-zone"
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            {children()}
        </div>
    }
}
