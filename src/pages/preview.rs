//! Template authors: what a template does to a zone, before any provider has it.
//! The template is edited as JSON here (parse errors at their line and path, the core's
//! lint as the author types); the form is read as the apply URL it stands for
//! (`ApplyUrl::build`) and reviewed by the core like any request, at the apex and at a
//! host side by side, with signatures reported but not demanded; a test URL can be
//! signed and checked as the consent page checks it.

mod form;
mod lint_view;
mod markdown;
mod parts;
mod share;
mod sign;

use crate::context::{use_config, ConfigReady};
use crate::providers;
use domain_connect::{review, ApplyUrl, IndexedZone, KeyAnswer, Policy, Review, Signatures, Template, ZoneInput};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// Which template: a bundled file (from the list), or ids from the page's URL
/// (`?template=providerId/serviceId`, looked up in the configured sources).
#[derive(Clone, PartialEq)]
enum Choice {
    None,
    File(String),
    Ids(String, String),
}

impl Choice {
    fn file(&self) -> String {
        match self {
            Choice::None => String::new(),
            Choice::File(f) => f.clone(),
            Choice::Ids(p, s) => Template::file_name(p, s),
        }
    }
}

/// What the form says besides the host: the request's other parameters and options.
#[derive(Clone, PartialEq)]
struct Form {
    domain: String,
    vars: String,
    groups: Vec<String>,
    multi_aware: bool,
}

/// One side of the comparison: the review, and the domain in ASCII; or why there is none.
type Side = Result<(Review, String), String>;

#[component]
pub fn Preview() -> impl IntoView {
    let config = use_config();
    let query = use_query_map();
    let initial = match query.get_untracked().get("template").as_deref().and_then(|t| t.split_once('/')) {
        Some((p, s)) => Choice::Ids(p.to_string(), s.to_string()),
        None => Choice::None,
    };
    // A permalink (`#s=…`) restores the whole page; it wins over the query.
    let (restored, link_problem) = match crate::permalink::from_location::<share::State>() {
        Some(Ok(state)) => (Some(state), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let initial = if restored.is_some() { Choice::None } else { initial };
    let state = restored.unwrap_or_else(|| share::State { domain: "example.com".into(), multi_aware: true, ..Default::default() });
    let (choice, set_choice) = signal(initial);
    let (domain, set_domain) = signal(state.domain);
    let (host, set_host) = signal(state.host);
    let vars = RwSignal::new(state.vars);
    let chosen_groups = RwSignal::new(state.groups);
    let multi_aware = RwSignal::new(state.multi_aware);
    // The template as the author edits it; parsed and linted on every change.
    let text = RwSignal::new(state.template);
    // A zone the author pastes or opens (BIND or JSON); empty: the sandbox provider's.
    let zone_text = RwSignal::new(state.zone);
    let template = LocalResource::new(move || {
        let choice = choice.get();
        let cfg = config.get();
        async move {
            let ConfigReady::Ready(cfg) = cfg else { return None };
            Some(match choice {
                Choice::None => return None,
                Choice::File(f) => providers::load_bundled(&f).await,
                Choice::Ids(p, s) => providers::load_template(&cfg, &p, &s).await.map_err(|e| e.to_string()),
            })
        }
    });
    // The zone is indexed once per read or paste, not on every keystroke that re-applies.
    // In tasks of its own: the paste's event ends first, the zone is read in the next
    // task and drawn in the one after (a zone of 200,000 records takes most of a
    // second to read; the page is not held for all of it at once).
    let pasted = LocalResource::new(move || {
        let text = zone_text.get();
        let origin = domain.get().trim().to_ascii_lowercase();
        async move {
            if text.trim().is_empty() {
                return None;
            }
            crate::net::sleep(0).await;
            let records = domain_connect::zone::from_text(&text, &origin).map_err(|e| e.to_string());
            let indexed = records.and_then(|z| IndexedZone::new(z).map(Arc::new).map_err(|e| e.to_string()));
            crate::net::sleep(0).await;
            Some(indexed)
        }
    });
    let sandbox_zone = LocalResource::new(move || {
        let d = domain.get();
        let cfg = config.get();
        async move {
            let ConfigReady::Ready(cfg) = cfg else { return None };
            let read = providers::read_zone(&cfg, d.trim()).await;
            Some(read.map_err(|e| e.to_string()).and_then(|(z, _)| IndexedZone::new(z).map(Arc::new).map_err(|e| e.to_string())))
        }
    });
    // A loaded template fills the editor, and the variables it takes: with the values
    // the page's URL gives (`?IP=192.0.2.1`), else empty.
    Effect::new(move |_| {
        if let Some(Some(Ok(t))) = template.get() {
            text.set(serde_json::to_string_pretty(&t.template).unwrap_or_default());
            let q = query.get_untracked();
            let lines: Vec<String> = t.template.variables(&[]).into_iter().map(|v| format!("{v}={}", q.get(&v).unwrap_or_default())).collect();
            vars.set(lines.join("\n"));
        }
    });
    let parsed = Memo::new(move |_| {
        let t = text.get();
        (!t.trim().is_empty()).then(|| Template::from_json(&t))
    });
    let loaded = Signal::derive(move || parsed.get().and_then(Result::ok));
    let names = Signal::derive(move || loaded.get().map(|t| t.variables(&[])).unwrap_or_default());
    let groups = Signal::derive(move || loaded.get().map(|t| t.group_ids()).unwrap_or_default());
    let findings = Memo::new(move |_| {
        let t = text.get();
        if t.trim().is_empty() {
            Vec::new()
        } else {
            domain_connect::lint::lint(&t, domain_connect::lint::Options::default())
        }
    });
    // The zone the template meets: the pasted one, else the sandbox provider's. A pasted
    // zone that cannot be read gives nothing here (it is said once, above the results).
    let zone = move || match pasted.get() {
        Some(Some(Ok(z))) => Some(Ok(z)),
        Some(Some(Err(_))) => None,
        // Still reading the pasted zone: nothing yet, rather than the sandbox's.
        None if !zone_text.with(|t| t.trim().is_empty()) => None,
        _ => sandbox_zone.get().flatten(),
    };
    let zone_ok = Signal::derive(move || zone().and_then(Result::ok));
    let inputs = Memo::new(move |_| {
        // The ticked groups in the template's order, so the request does not depend on clicks.
        let ticked = chosen_groups.get();
        let groups = groups.get().into_iter().filter(|g| ticked.contains(g)).collect();
        Form { domain: domain.get().trim().to_string(), vars: vars.get(), groups, multi_aware: multi_aware.get() }
    });
    // The host compared with the apex: the one given, else `www`.
    let other_host = Memo::new(move |_| match host.get().trim() {
        "" => "www".to_string(),
        h => h.to_string(),
    });
    // Both sides, computed once per change and shared by the page and the Markdown.
    let sides = Memo::new(move |_| {
        let t = loaded.get()?;
        let z = zone()?;
        let f = inputs.get();
        let at = |h: &str| z.as_ref().map_err(Clone::clone).and_then(|z| preview_at(&t, z, &f, h));
        Some((at(""), at(&other_host.get())))
    });
    let markdown = move || {
        let t = loaded.get()?;
        let (apex, at_host) = sides.get()?;
        let (d, h) = (inputs.get().domain, other_host.get());
        let section = |title: String, side: &Side| {
            let changes = side.clone().and_then(|(r, _)| r.changes.map_err(|e| e.to_string()));
            markdown::section(&title, &changes)
        };
        let sections = [section(format!("At the apex ({d})"), &apex), section(format!("At host `{h}` ({h}.{d})"), &at_host)];
        Some(markdown::block(&format!("{}/{}", t.provider_id, t.service_id), &vars.get(), &sections))
    };
    // The request the form stands for at the host given (none: the apex), for signing:
    // the template's variables with their values, laid out by the core's ApplyUrl::build.
    let sign_params = Signal::derive(move || {
        let (Some(t), f) = (loaded.get(), inputs.get()) else { return Err("A template that loads is needed first.".to_string()) };
        let names = names.get();
        let values: Vec<String> = names.iter().map(|n| form::value_of(&f.vars, n)).collect();
        let host = host.get();
        let host = Some(host.trim()).filter(|h| !h.is_empty());
        let url =
            ApplyUrl::build(&t.provider_id, &t.service_id, &f.domain, host, names.iter().map(String::as_str).zip(values.iter().map(String::as_str)), &f.groups)
                .map_err(|e| e.to_string())?;
        Ok(url.params.into_iter().map(|p| (p.name, p.value)).collect())
    });
    // What a permalink holds: the whole page as it stands.
    let page_state = Callback::new(move |()| share::State {
        template: text.get_untracked(),
        vars: vars.get_untracked(),
        domain: domain.get_untracked(),
        host: host.get_untracked(),
        zone: zone_text.get_untracked(),
        groups: chosen_groups.get_untracked(),
        multi_aware: multi_aware.get_untracked(),
    });
    let load_error = move || match template.get().flatten() {
        Some(Err(e)) => Some(view! { <div class="problem" role="alert"><p class="mono">{e}</p></div> }),
        _ => None,
    };
    view! {
        <h1>"Preview a template"</h1>
        <parts::Source choice=choice set_choice=set_choice domain=domain set_domain=set_domain host=host set_host=set_host/>
        <form::Variables names=names vars=vars description=Signal::derive(move || loaded.get().and_then(|t| t.variable_description))/>
        <form::Options groups=groups chosen=chosen_groups multi_aware=multi_aware/>
        <parts::Editors text=text zone_text=zone_text/>
        <parts::Permalink state=page_state problem=link_problem/>
        {move || match pasted.get().flatten() {
            Some(Err(e)) => Some(view! { <div class="problem" role="alert" data-testid="zone-error"><p class="mono">{format!("The pasted zone cannot be read: {e}")}</p></div> }),
            _ => None,
        }}
        <parts::MarkdownCopy text=Signal::derive(move || markdown().unwrap_or_default())/>
        <sign::Sign template=loaded zone=zone_ok params=sign_params config=config/>
        {load_error}
        {move || match parsed.get() {
            Some(Err(e)) => Some(view! { <lint_view::ParseError error=e/> }.into_any()),
            _ => None,
        }}
        <parts::LintReport text=text findings=findings loaded=loaded/>
        <div class="sides">
            <parts::SideView testid="result-apex" at_host=false sides=sides domain=Signal::derive(move || inputs.get().domain) other_host=other_host zone=zone_ok template=loaded/>
            <parts::SideView testid="result-host" at_host=true sides=sides domain=Signal::derive(move || inputs.get().domain) other_host=other_host zone=zone_ok template=loaded/>
        </div>
    }
}

/// The request the form stands for at `host`, reviewed by the core as the consent
/// page would, signatures reported but not demanded; with the domain in ASCII.
fn preview_at(t: &Template, zone: &IndexedZone, f: &Form, host: &str) -> Side {
    let url = ApplyUrl::build(&t.provider_id, &t.service_id, &f.domain, Some(host), form::pairs(&f.vars), &f.groups).map_err(|e| e.to_string())?;
    let policy = Policy { signatures: Signatures::Preview, multi_aware: f.multi_aware, ..Policy::default() };
    let r = review(&url, t, &KeyAnswer::NotAsked, ZoneInput::Indexed(zone), &policy);
    Ok((r, url.domain.ascii.clone()))
}
