//! The workbench's parts, each a component over the signals `Preview` holds: where the
//! template comes from, the editors, the lint report, one side of the comparison, the
//! permalink and the Markdown to copy.

use super::{lint_view, share, Choice, Side};
use crate::components::changes::{Changes, ZoneRef};
use crate::components::download::download;
use crate::components::open_file::{OpenFile, TEMPLATE_MB, ZONE_MB};
use crate::components::text_editor::TextEditor;
use crate::providers;
use domain_connect::{IndexedZone, Template};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the template comes from (a bundled file, or ids looked up in the configured
/// sources), and the domain and host it is tried at.
#[component]
pub(super) fn Source(
    choice: ReadSignal<Choice>,
    set_choice: WriteSignal<Choice>,
    domain: ReadSignal<String>,
    set_domain: WriteSignal<String>,
    host: ReadSignal<String>,
    set_host: WriteSignal<String>,
) -> impl IntoView {
    let index = LocalResource::new(providers::bundled_index);
    view! {
        <form class="grid" on:submit=|ev| ev.prevent_default()>
            <label for="pv-template">"Start from"</label>
            <select id="pv-template" on:change=move |ev| set_choice.set(Choice::File(event_target_value(&ev))) prop:value=move || choice.get().file()>
                <option value="">"Choose a bundled template"</option>
                {move || index.get().and_then(|r| r.ok()).unwrap_or_default().into_iter().map(|f| {
                    let label = f.trim_end_matches(".json").to_string();
                    // Options arrive after the choice: each says whether it is the one.
                    let chosen = f.clone();
                    view! { <option value=f selected=move || choice.get().file() == chosen>{label}</option> }
                }).collect_view()}
            </select>
            <label for="pv-ids">"Or by ids, from the configured template source"</label>
            <input id="pv-ids" type="text" spellcheck="false" placeholder="providerId/serviceId" data-testid="template-ids"
                prop:value=move || match choice.get() { Choice::Ids(p, s) => format!("{p}/{s}"), _ => String::new() }
                on:change=move |ev| if let Some((p, s)) = event_target_value(&ev).trim().split_once('/') {
                    set_choice.set(Choice::Ids(p.trim().to_string(), s.trim().to_string()));
                }/>
            <label for="pv-domain">"Domain"</label>
            <input id="pv-domain" type="text" prop:value=move || domain.get() on:change=move |ev| set_domain.set(event_target_value(&ev))/>
            <label for="pv-host">"Host, compared with the apex (empty: www)"</label>
            <input id="pv-host" type="text" prop:value=move || host.get() on:change=move |ev| set_host.set(event_target_value(&ev))/>
        </form>
    }
}

/// The template and the zone as the author edits, pastes or opens them.
#[component]
pub(super) fn Editors(text: RwSignal<String>, zone_text: RwSignal<String>) -> impl IntoView {
    let file_problem = RwSignal::new(None::<String>);
    let opened = move |into: RwSignal<String>| {
        Callback::new(move |r: Result<String, String>| match r {
            Ok(t) => {
                file_problem.set(None);
                into.set(t);
            }
            Err(e) => file_problem.set(Some(e)),
        })
    };
    view! {
        <div class="grid">
            <TextEditor id="pv-editor" label="Template (JSON; edit it here)" rows=14 testid="template-editor" value=text/>
            <TextEditor id="pv-zone" label="Zone (paste a BIND zone file or JSON records; empty: the sandbox zone)" rows=4 testid="zone-input" value=zone_text/>
        </div>
        <p class="files">
            <OpenFile label="Open a template file" accept=".json,application/json" testid="template-file" max_mb=TEMPLATE_MB on_text=opened(text)/>
            <OpenFile label="Open a zone file" accept=".zone,.txt,.json,.db,text/plain,application/json" testid="zone-file" max_mb=ZONE_MB on_text=opened(zone_text)/>
        </p>
        {move || file_problem.get().map(|e| view! { <div class="problem" role="alert" data-testid="file-problem"><p>{e}</p></div> })}
    }
}

/// Lint's findings as the author types, and the report as `dconn lint --json` writes it.
#[component]
pub(super) fn LintReport(text: RwSignal<String>, findings: Memo<Vec<domain_connect::lint::Finding>>, loaded: Signal<Option<Template>>) -> impl IntoView {
    let report = move || {
        let name = loaded.get().map(|t| Template::file_name(&t.provider_id, &t.service_id)).unwrap_or_else(|| "template.json".into());
        findings.get().iter().map(|f| f.json_line(&name) + "\n").collect::<String>()
    };
    move || {
        (!text.get().trim().is_empty()).then(|| {
            view! {
                <lint_view::Findings findings=findings.get()/>
                <p class="downloads">{download("lint.jsonl".into(), "application/json", &report(), "Save the lint report (JSON, one finding per line)", "export-lint")}</p>
            }
        })
    }
}

/// One side of the comparison (the apex, or the host): the change as the consent
/// screen shows it, and its exports; or why it cannot be applied.
#[component]
pub(super) fn SideView(
    testid: &'static str,
    at_host: bool,
    sides: Memo<Option<(Side, Side)>>,
    domain: Signal<String>,
    other_host: Memo<String>,
    zone: Signal<Option<Arc<IndexedZone>>>,
    template: Signal<Option<Template>>,
) -> impl IntoView {
    // Which services a removal breaks (none for a record only written again).
    let catalogue = providers::catalogue_resource();
    move || {
        let (apex, host_side) = sides.get()?;
        let d = domain.get();
        let (title, side, tag) =
            if at_host { (format!("At {}.{d}", other_host.get()), host_side, "host") } else { (format!("At the apex ({d})"), apex, "apex") };
        let body = match side {
            Ok((review, d)) => match (review.changes, zone.get()) {
                (Ok(cs), Some(z)) => {
                    let (json, bind) = (cs.export_json(&d), cs.export_bind(&d));
                    let breaks = match (catalogue.get().flatten(), template.get()) {
                        (Some(c), Some(t)) => c.breaks(&cs, &t),
                        _ => Vec::new(),
                    };
                    view! {
                        <Changes changes=cs zone=ZoneRef::Indexed(z) domain=d breaks=breaks at_once=500/>
                        <p class="downloads">"Save this change: "
                            {download(format!("change-{tag}.json"), "application/json", &json, "as JSON", "export-json")}", "
                            {download(format!("change-{tag}.zone"), "text/plain", &bind, "as zone-file text", "export-bind")}</p>
                    }
                    .into_any()
                }
                (Err(e), _) => view! { <div class="problem" role="alert"><p class="mono">{e.to_string()}</p></div> }.into_any(),
                (Ok(_), None) => ().into_any(),
            },
            Err(e) => view! { <div class="problem" role="alert"><p class="mono">{e}</p></div> }.into_any(),
        };
        Some(view! { <section class="side" data-testid=testid><h2>{title}</h2>{body}</section> })
    }
}

/// *Make a permalink* for the whole page; and why a permalink the page was opened
/// with cannot be read, if so.
#[component]
pub(super) fn Permalink(state: Callback<(), share::State>, problem: Option<String>) -> impl IntoView {
    view! {
        <crate::permalink::MakePermalink state=state what="The whole page goes into the link's fragment, which browsers never send to a server." input_id="pv-link"/>
        {problem.map(|e| view! { <div class="problem" role="alert" data-testid="link-problem"><p>{format!("This permalink cannot be opened: {e}.")}</p></div> })}
    }
}

/// The apex and host results as Markdown, for a template pull request.
#[component]
pub(super) fn MarkdownCopy(text: Signal<String>) -> impl IntoView {
    view! {
        <details class="markdown">
            <summary>"Copy as Markdown (the apex and a host, for a template pull request)"</summary>
            <textarea class="mono" rows="12" readonly aria-label="Markdown of the apex and host results" data-testid="markdown"
                prop:value=move || text.get()></textarea>
        </details>
    }
}
