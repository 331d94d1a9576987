//! Support staff: paste an apply URL a customer reported and see how it reads.

use domain_connect::ApplyUrl;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Replay() -> impl IntoView {
    // The reported URL is itself a query value: decode it exactly once, as the browser's
    // URLSearchParams does (the router's query map decodes percent-escapes again, which
    // would change the URL's own encoding and so its signed bytes).
    let search = use_location().search.get_untracked();
    let initial = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|p| p.get("url")).unwrap_or_default();
    let (text, set_text) = signal(initial);
    let parsed = move || {
        let t = text.get();
        (!t.trim().is_empty()).then(|| ApplyUrl::parse(&t))
    };
    view! {
        <h1>"Replay an apply URL"</h1>
        <label for="replay-url">"Apply URL (as the customer reported it)"</label>
        <textarea id="replay-url" rows="5" prop:value=move || text.get()
            on:input=move |ev| set_text.set(event_target_value(&ev))></textarea>
        {move || parsed().map(|r| match r {
            Err(e) => view! { <div class="problem" role="alert" data-testid="replay-error"><p class="mono">{e.to_string()}</p></div> }.into_any(),
            Ok(u) => {
                let open = format!("/v2/domainTemplates/providers/{}/services/{}/apply?{}",
                    js_sys::encode_uri_component(&u.provider_id), js_sys::encode_uri_component(&u.service_id), u.raw_query);
                view! {
                    <p data-testid="replay-ok">{format!("Template {}/{} on {}", u.provider_id, u.service_id, u.fqdn())}</p>
                    <table class="records"><caption>"Parameters, in order"</caption>
                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Value"</th><th scope="col">"Role"</th></tr></thead>
                        <tbody>{u.params.iter().map(|p| view! {
                            <tr><td class="mono">{p.name.clone()}</td><td class="mono data">{p.value.clone()}</td>
                            <td>{if p.reserved { "reserved" } else { "variable" }}</td></tr>
                        }).collect_view()}</tbody>
                    </table>
                    <ul>{u.notes.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                    <p>"Signed bytes:"</p><pre class="mono wrap">{u.signed_bytes()}</pre>
                    <p><a href=open>"Open it on the consent screen"</a></p>
                }.into_any()
            }
        })}
    }
}
