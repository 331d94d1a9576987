//! "Try it": a field for each variable the template takes, its groups, and whether
//! the provider is multi-aware. The values are kept as `NAME=value` lines (what the
//! permalink holds), so a variable the edited template drops keeps its value until
//! the template takes it again.

use leptos::prelude::*;

/// The value of `name` in `NAME=value` lines.
pub fn value_of(lines: &str, name: &str) -> String {
    lines.lines().filter_map(|l| l.split_once('=')).find(|(k, _)| k.trim() == name).map(|(_, v)| v.trim().to_string()).unwrap_or_default()
}

/// `lines` with `name` set to `value` (replaced where it stands, else added).
pub fn with_value(lines: &str, name: &str, value: &str) -> String {
    let mut found = false;
    let mut out: Vec<String> = lines
        .lines()
        .map(|l| match l.split_once('=') {
            Some((k, _)) if k.trim() == name && !found => {
                found = true;
                format!("{name}={value}")
            }
            _ => l.to_string(),
        })
        .collect();
    if !found {
        out.push(format!("{name}={value}"));
    }
    out.join("\n")
}

/// The `NAME=value` pairs of `lines`, trimmed, nameless lines left out.
pub fn pairs(lines: &str) -> impl Iterator<Item = (&str, &str)> {
    lines.lines().filter_map(|l| l.split_once('=')).map(|(k, v)| (k.trim(), v.trim())).filter(|(k, _)| !k.is_empty())
}

/// The variables form: one labelled field per variable the template takes, under the
/// template's description of them.
#[component]
pub fn Variables(names: Signal<Vec<String>>, vars: RwSignal<String>, description: Signal<Option<String>>) -> impl IntoView {
    view! {
        <fieldset class="vars" data-testid="variables">
            <legend>"Variables"</legend>
            // The template's own words on its variables (variableDescription), as text.
            {move || description.get().filter(|d| !d.trim().is_empty()).map(|d| view! { <p class="hint" data-testid="variable-description">{domain_connect::display::visible(&d).into_owned()}</p> })}
            {move || names.get().is_empty().then(|| view! { <p class="hint">"This template takes no variables."</p> })}
            <For each=move || names.get().into_iter().enumerate() key=|(i, n)| (*i, n.clone()) let:((i, name))>
                {
                    let id = format!("pv-var-{i}");
                    let n = name.clone();
                    let n2 = name.clone();
                    view! {
                        <label for=id.clone() class="mono">{name.clone()}</label>
                        <input id=id type="text" spellcheck="false" data-var=name.clone()
                            prop:value=move || value_of(&vars.get(), &n)
                            on:input=move |ev| vars.update(|v| *v = with_value(v, &n2, &event_target_value(&ev)))/>
                    }
                }
            </For>
        </fieldset>
    }
}

/// The template's groups (none ticked: every record applies, as the spec says) and
/// whether the provider is multi-aware.
#[component]
pub fn Options(groups: Signal<Vec<String>>, chosen: RwSignal<Vec<String>>, multi_aware: RwSignal<bool>) -> impl IntoView {
    view! {
        <fieldset class="options">
            <legend>"Options"</legend>
            {move || (!groups.get().is_empty()).then(|| view! {
                <p class="hint">"Groups to apply (none ticked: all of them)"</p>
                <For each=move || groups.get() key=|g| g.clone() let:group>
                    {
                        let g = group.clone();
                        let g2 = group.clone();
                        view! {
                            <label class="check"><input type="checkbox" data-group=group.clone()
                                prop:checked=move || chosen.get().contains(&g)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| x != &g2);
                                        if on {
                                            c.push(g2.clone());
                                        }
                                    });
                                }/>" "<span class="mono">{group}</span></label>
                        }
                    }
                </For>
            })}
            <label class="check"><input type="checkbox" data-testid="multi-aware" prop:checked=move || multi_aware.get()
                on:change=move |ev| multi_aware.set(event_target_checked(&ev))/>
                " The DNS provider is multi-aware (remembers which records each template wrote)"</label>
        </fieldset>
    }
}
