use crate::i18n::{t, tr, Value};
use domain_connect::changeset::{ConflictRule, DeletionReason};
use domain_connect::consequences::{self, Break, Concern};
use domain_connect::display::visible;
use domain_connect::record::full_name as fqdn;
use domain_connect::{ChangeSet, IndexedZone, ZoneRecord};
use leptos::prelude::*;
use std::sync::Arc;

/// The zone a change set was computed from, shared without copying it.
#[derive(Clone)]
pub enum ZoneRef {
    Records(Arc<Vec<ZoneRecord>>),
    Indexed(Arc<IndexedZone>),
}

impl ZoneRef {
    fn records(&self) -> &[ZoneRecord] {
        match self {
            ZoneRef::Records(r) => r,
            ZoneRef::Indexed(z) => z.records(),
        }
    }
}

/// The record's data made visible (hostile text), with its priority, weight and port
/// in the page's words (whose bidi marks, in a right-to-left language, stay invisible).
fn data_of(r: &ZoneRecord) -> String {
    let data = visible(&r.data);
    let mut parts = Vec::new();
    if let Some(p) = r.priority {
        parts.push(tr("data-priority", &[("priority", p.into())]));
    }
    if let (Some(w), Some(p)) = (r.weight, r.port) {
        parts.push(tr("data-weight-port", &[("weight", w.into()), ("port", p.into())]));
    }
    if parts.is_empty() {
        data.into_owned()
    } else {
        format!("{data} ({})", parts.join(", "))
    }
}

/// The owner name as in a zone file (SRV service and protocol folded in, as the core
/// writes it); redirect pseudo-records keep their name.
fn owner(r: &ZoneRecord) -> String {
    domain_connect::zone::presentation(r).map(|(o, _)| o).unwrap_or_else(|| r.name.clone())
}

/// One row: `change` is `add`, `remove` or `keep` (the `data-change` hook); `added`
/// is its position among the added records.
#[derive(Clone)]
struct Row {
    change: &'static str,
    /// Its label's message (`label-added`…), also its class (`change-added`…).
    label: &'static str,
    record: ZoneRecord,
    why: String,
    added: Option<usize>,
    /// For an SPF record made by merging: the record it replaces (before → after).
    before: Option<String>,
    /// Its position among the deleted records.
    deleted: Option<usize>,
}

/// "This stops Gmail Setup — google.com", or for a record several services could have
/// written, each of them as "one of".
fn stops(b: &[Break]) -> String {
    let names: Vec<String> = b.iter().map(Break::label).collect();
    match names.len() {
        1 => tr("stops", &[("service", Value::from(names[0].as_str()))]),
        _ => tr("stops-one-of", &[("services", Value::from(names.join("; ")))]),
    }
}

/// The proxy switch of an added record: proxied / DNS only, as Cloudflare shows it; a
/// type that cannot be proxied says so, disabled.
#[component]
fn ProxySwitch(proxy: RwSignal<Vec<Option<bool>>>, at: usize, record: ZoneRecord) -> impl IntoView {
    match record.rtype.not_proxiable_because() {
        Some(why) => view! { <span class="proxy off" title=why>{t("dns-only")}<span class="sr-only">{format!(" ({why})")}</span></span> }.into_any(),
        None => {
            let on = move || proxy.with(|p| p.get(at).copied().flatten().unwrap_or(false));
            let label = tr("proxy-label", &[("type", record.rtype.to_string().into()), ("name", Value::from(record.name.as_str()))]);
            view! {
                <button type="button" role="switch" class="proxy" data-testid="proxy-toggle" aria-label=label
                    aria-checked=move || if on() { "true" } else { "false" }
                    on:click=move |_| proxy.update(|p| if let Some(Some(v)) = p.get_mut(at) { *v = !*v })>
                    {move || if on() { t("proxied") } else { t("dns-only") }}
                </button>
            }
            .into_any()
        }
    }
}

/// The change set, record by record: added, removed (and by which rule), already there,
/// and the rest of the zone, unchanged. Every value is text, escaped by the DOM.
#[component]
pub fn Changes(
    changes: ChangeSet,
    zone: ZoneRef,
    domain: String,
    /// The proxy choices of the added records, when the screen offers them (not when
    /// nothing would be applied).
    #[prop(optional_no_strip)]
    proxy: Option<RwSignal<Vec<Option<bool>>>>,
    /// For each deleted record, the services its removal breaks (as they become known:
    /// the consent page asks the explain bundle after its first render).
    #[prop(optional, into)]
    breaks: Signal<Vec<Vec<Break>>>,
    /// The tools: write out at most this many rows until asked for the rest (a template
    /// of 10,000 records). The consent screen shows every row.
    #[prop(optional)]
    at_once: Option<usize>,
) -> impl IntoView {
    // Records the change only writes again identically are shown once, as already present.
    let net = changes.net();
    // Shared, not copied, by the summary of what it disables and the unchanged list.
    let changes = Arc::new(changes);
    let deleted = changes.clone();
    let off = Memo::new(move |_| breaks.with(|b| consequences::disabled(&deleted, b)));
    let mut rows: Vec<Row> = Vec::new();
    let merged_into = |a: &ZoneRecord| {
        changes.deleted.iter().find_map(|d| match &d.reason {
            DeletionReason::Conflict { rule: ConflictRule::SpfMerge, by, .. } if by == a => Some(d.record.data.clone()),
            _ => None,
        })
    };
    rows.extend(changes.added.iter().enumerate().map(|(i, a)| {
        let before = merged_into(&a.record);
        let again = net.rewrites_added(i);
        Row {
            change: if again { "keep" } else { "add" },
            label: if again { "kept" } else { "added" },
            record: a.record.clone(),
            why: match (&before, again) {
                (_, true) => t("why-rewritten"),
                (Some(_), _) => t("why-spf-merged"),
                _ => String::new(),
            },
            added: Some(i),
            before,
            deleted: None,
        }
    }));
    rows.extend(net.removed.iter().map(|&i| {
        let d = &changes.deleted[i];
        Row {
            change: "remove",
            label: "removed",
            record: d.record.clone(),
            why: crate::words::deletion(&d.reason, &d.explanation),
            added: None,
            before: None,
            deleted: Some(i),
        }
    }));
    rows.extend(changes.kept.iter().map(|k| Row {
        change: "keep",
        label: "kept",
        record: k.record.clone(),
        why: t("why-kept"),
        added: None,
        before: None,
        deleted: None,
    }));
    let others = changes.untouched(zone.records()).count();
    let summary = tr(
        "changes-summary",
        &[("add", net.added.len().into()), ("remove", net.removed.len().into()), ("present", net.unchanged.len().into()), ("others", others.into())],
    );
    let mut head = rows;
    let rest = Arc::new(head.split_off(at_once.unwrap_or(usize::MAX).min(head.len())));
    let hidden = rest.len();
    let all = RwSignal::new(hidden == 0);
    let row = row_of(domain.clone(), proxy, breaks);
    let unchanged = Unchanged { changes: changes.clone(), zone, domain: domain.clone(), count: others };
    view! {
        <p class="summary" data-testid="summary">{summary}</p>
        <div class="table-wrap">
        <table class="records" data-testid="changes">
            <caption class="sr-only">{t("changes-caption")}</caption>
            <thead><tr><th scope="col">{t("col-change")}</th><th scope="col">{t("col-type")}</th><th scope="col">{t("col-name")}</th><th scope="col">{t("col-data")}</th><th scope="col">{t("col-ttl")}</th><th scope="col">{t("col-why")}</th>
                {proxy.is_some().then(|| view! { <th scope="col">{t("col-proxy")}</th> })}</tr></thead>
            <tbody>
                {head.into_iter().map(row.clone()).collect_view()}
                {move || all.get().then(|| rest.iter().cloned().map(row.clone()).collect_view())}
            </tbody>
        </table>
        </div>
        {move || (!all.get()).then(|| view! {
            <button type="button" class="cancel" data-testid="more-changes" on:click=move |_| all.set(true)>{tr("show-other", &[("count", hidden.into())])}</button>
        })}
        {move || view! { <Disables off=off.get()/> }}
        <UnchangedList list=unchanged/>
    }
}

/// One row of the table.
fn row_of(domain: String, proxy: Option<RwSignal<Vec<Option<bool>>>>, breaks: Signal<Vec<Vec<Break>>>) -> impl Fn(Row) -> AnyView + Clone {
    move |r: Row| {
        let name = fqdn(&owner(&r.record), &domain);
        let rtype = r.record.rtype.to_string();
        let (type_attr, name_attr) = (rtype.clone(), name.clone());
        let [l_type, l_name, l_data, l_ttl] = ["col-type", "col-name", "col-data", "col-ttl"].map(t);
        view! {
            <tr class=format!("change-{}", r.label) data-change=r.change data-type=type_attr data-name=name_attr>
                <td><span class="badge">{t(&format!("label-{}", r.label))}</span></td>
                <td data-label=l_type>{rtype}</td>
                <td class="mono" data-label=l_name>{visible(&name).into_owned()}</td>
                <td class="mono data" data-label=l_data>
                    {r.before.map(|b| view! { <span class="before" data-testid="spf-before">{visible(&b).into_owned()}</span>" → "<br/> })}
                    {data_of(&r.record)}
                </td>
                <td data-label=l_ttl>{r.record.ttl.map(|t| t.to_string()).unwrap_or_default()}</td>
                <td data-label=if r.why.is_empty() { String::new() } else { t("col-why") }>{r.why.clone()}
                    {r.deleted.map(|i| move || breaks.with(|b| b.get(i).filter(|b| !b.is_empty()).map(|b| view! {
                        <span class="breaks" data-testid="breaks">{stops(b)}</span>
                    })))}
                </td>
                {proxy.map(|p| view! { <td data-label=if r.added.is_some() { t("col-proxy") } else { String::new() }>{r.added.map(|at| view! { <ProxySwitch proxy=p at=at record=r.record.clone()/> })}</td> })}
            </tr>
        }.into_any()
    }
}

/// The records a change leaves alone, for [`UnchangedList`].
struct Unchanged {
    changes: Arc<ChangeSet>,
    zone: ZoneRef,
    domain: String,
    count: usize,
}

/// How many unchanged records are written out at a time.
const PAGE: usize = 500;

/// The zone's other records, collapsed: written out only when opened, `PAGE` at a
/// time (a zone of 200,000 records would otherwise be 200,000 list items at once).
#[component]
fn UnchangedList(list: Unchanged) -> impl IntoView {
    let shown = RwSignal::new(0usize);
    let count = list.count;
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok()).and_then(|o| o.as_bool()).unwrap_or(false);
        if open && shown.get_untracked() == 0 {
            shown.set(PAGE.min(count));
        }
    };
    let lines = move || {
        let n = shown.get();
        let Unchanged { changes, zone, domain, .. } = &list;
        changes
            .untouched(zone.records())
            .take(n)
            .map(|(_, r)| view! { <li class="mono">{format!("{} {} {}", visible(&fqdn(&owner(r), domain)), visible(&r.rtype.to_string()), data_of(r))}</li> })
            .collect_view()
    };
    view! {
        <details class="unchanged" on:toggle=on_toggle>
            <summary>{tr("unchanged-count", &[("count", count.into())])}</summary>
            <ul>{lines}</ul>
            {move || (shown.get() > 0 && shown.get() < count).then(|| view! {
                <button type="button" class="cancel" data-testid="more-unchanged" on:click=move |_| shown.update(|s| *s = (*s + PAGE).min(count))>
                    {tr("show-more", &[("count", PAGE.min(count - shown.get()).into()), ("rest", (count - shown.get()).into())])}
                </button>
            })}
        </details>
    }
}

/// "Connecting disables: Gmail Setup — google.com", below the records (above Connect on
/// the consent screen); more prominent when mail, domain verification or essential
/// records go.
#[component]
fn Disables(off: Vec<consequences::Disabled>) -> impl IntoView {
    (!off.is_empty()).then(|| {
        let serious: Vec<String> = [Concern::Mail, Concern::Verification, Concern::Essential]
            .into_iter()
            .filter(|c| off.iter().any(|d| d.concerns.contains(c)))
            .map(concern_text)
            .collect();
        let class = if serious.is_empty() { "note disables" } else { "warning disables serious" }; // classes (English words, never shown)
        let names: Vec<String> = off
            .iter()
            .map(|d| match d.one_of {
                true => tr("one-of", &[("service", d.service.label().into())]),
                false => d.service.label(),
            })
            .collect();
        view! {
            <div class=class role="note" data-testid="disables">
                <p><strong>{t("disables")}" "</strong>{names.join(", ")}</p>
                {(!serious.is_empty()).then(|| view! { <p>{tr("disables-used-for", &[("uses", serious.join(", ").into())])}</p> })}
            </div>
        }
    })
}

fn concern_text(c: Concern) -> String {
    t(match c {
        Concern::Mail => "concern-mail",
        Concern::Verification => "concern-verification",
        Concern::Essential => "concern-essential",
        _ => "concern-other",
    })
}
