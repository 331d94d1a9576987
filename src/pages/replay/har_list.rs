//! The apply requests found in a HAR file, with their time and status; choosing one
//! replays it.

use domain_connect::display::visible;
use domain_connect::replay::har::HarRequest;
use leptos::prelude::*;

#[component]
pub fn HarList(found: Result<Vec<HarRequest>, String>, url: RwSignal<String>) -> impl IntoView {
    let found = match found {
        Err(e) => return view! { <div class="problem" role="alert" data-testid="har-error"><p>{format!("The HAR file cannot be read: {e}.")}</p></div> }.into_any(),
        Ok(f) if f.is_empty() => {
            return view! { <div class="problem" role="alert" data-testid="har-error"><p>"The HAR file holds no apply request (…/v2/domainTemplates/providers/…/apply)."</p></div> }.into_any()
        }
        Ok(f) => f,
    };
    // With one request there is nothing to choose.
    if found.len() == 1 {
        url.set(found[0].url.clone());
    }
    view! {
        <fieldset class="har" data-testid="har-requests">
            <legend>{format!("Apply requests in the HAR file ({})", found.len())}</legend>
            <ol>{found.into_iter().enumerate().map(|(i, r)| {
                let chosen = r.url.clone();
                let this = r.url.clone();
                view! {
                    <li>
                        <label class="check">
                            <input type="radio" name="har-pick" data-testid=format!("har-pick-{}", i + 1)
                                prop:checked=move || url.get() == this on:change=move |_| url.set(chosen.clone())/>
                            " "<span>{format!("{} · {} {}", r.started, r.method, r.status.map(|s| format!("HTTP {s}")).unwrap_or_else(|| "no response".into()))}</span>
                        </label>
                        <div class="mono wrap evidence">{visible(&r.url).into_owned()}</div>
                    </li>
                }
            }).collect_view()}</ol>
        </fieldset>
    }
    .into_any()
}
