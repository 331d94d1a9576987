use domain_connect::{ChangeSet, ZoneRecord};
use leptos::prelude::*;

fn fqdn(name: &str, domain: &str) -> String {
    match name {
        "" | "@" => domain.to_string(),
        n => format!("{n}.{domain}"),
    }
}

fn data_of(r: &ZoneRecord) -> String {
    let mut parts = Vec::new();
    if let Some(p) = r.priority {
        parts.push(format!("priority {p}"));
    }
    if let (Some(w), Some(p)) = (r.weight, r.port) {
        parts.push(format!("weight {w} port {p}"));
    }
    if parts.is_empty() {
        r.data.clone()
    } else {
        format!("{} ({})", r.data, parts.join(", "))
    }
}

/// The owner name as in a zone file (SRV service and protocol folded in, as the core
/// writes it); redirect pseudo-records keep their name.
fn owner(r: &ZoneRecord) -> String {
    domain_connect::zone::presentation(r).map(|(o, _)| o).unwrap_or_else(|| r.name.clone())
}

#[derive(Clone)]
struct Row {
    change: &'static str,
    record: ZoneRecord,
    why: String,
}

/// The change set, record by record: added, removed (and by which rule), already there,
/// and the rest of the zone, unchanged. Every value is text, escaped by the DOM.
#[component]
pub fn Changes(changes: ChangeSet, zone: Vec<ZoneRecord>, domain: String) -> impl IntoView {
    let mut rows: Vec<Row> = Vec::new();
    rows.extend(changes.added.iter().map(|a| Row { change: "added", record: a.record.clone(), why: String::new() }));
    rows.extend(changes.deleted.iter().map(|d| Row { change: "removed", record: d.record.clone(), why: d.explanation.clone() }));
    rows.extend(changes.kept.iter().map(|k| Row {
        change: "kept",
        record: k.record.clone(),
        why: "already present, as the template asks".into(),
    }));
    let touched: std::collections::HashSet<usize> = changes.deleted.iter().map(|d| d.index).collect();
    let others: Vec<ZoneRecord> = zone
        .iter()
        .enumerate()
        .filter(|(i, r)| !touched.contains(i) && !changes.kept.iter().any(|k| &k.record == *r))
        .map(|(_, r)| r.clone())
        .collect();
    let summary = format!(
        "{} to add, {} to remove, {} already present, {} other records unchanged",
        changes.added.len(),
        changes.deleted.len(),
        changes.kept.len(),
        others.len()
    );
    let d2 = domain.clone();
    view! {
        <p class="summary" data-testid="summary">{summary}</p>
        <div class="table-wrap">
        <table class="records" data-testid="changes">
            <caption class="sr-only">"Records this template changes"</caption>
            <thead><tr><th scope="col">"Change"</th><th scope="col">"Type"</th><th scope="col">"Name"</th><th scope="col">"Data"</th><th scope="col">"TTL"</th><th scope="col">"Why"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr class=format!("change-{}", r.change)>
                        <td><span class="badge">{r.change}</span></td>
                        <td>{r.record.rtype.clone()}</td>
                        <td class="mono">{fqdn(&owner(&r.record), &domain)}</td>
                        <td class="mono data">{data_of(&r.record)}</td>
                        <td>{r.record.ttl.map(|t| t.to_string()).unwrap_or_default()}</td>
                        <td>{r.why}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <details class="unchanged">
            <summary>{format!("{} unchanged records", others.len())}</summary>
            <ul>
                {others.into_iter().map(|r| view! {
                    <li class="mono">{format!("{} {} {}", fqdn(&owner(&r), &d2), r.rtype, data_of(&r))}</li>
                }).collect_view()}
            </ul>
        </details>
    }
}
