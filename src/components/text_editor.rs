//! A labelled monospace text area bound both ways to a signal: what the tools edit or
//! paste (templates, zones, URLs, TXT records, a private key).

use leptos::prelude::*;

/// The label and the text area (two children of the enclosing `.grid`). `secret`
/// turns the browser's autocomplete off (a private key).
#[component]
pub fn TextEditor(
    id: &'static str,
    label: &'static str,
    rows: u32,
    testid: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] secret: bool,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <textarea id=id class="mono" rows=rows spellcheck="false" autocomplete=secret.then_some("off") data-testid=testid
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
    }
}
