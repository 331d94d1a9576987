use leptos::prelude::*;

/// A URL exampleservice signed (the compliance suite's `template_apply_sig_verified`);
/// it verifies against the published `_dck1.exampleservice.domainconnect.org` key.
pub const SIGNED_EXAMPLE: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template2/apply?domain=arnoldblinn.com&RANDOMTEXT=shm%3A1551036164%3Ahello&IP=132.148.25.185&host=bar&sig=LyCE%2B7H0zr%2FXHaxX36pdD1eSQENRiGTFxm79m7A5NLDPiUKLe71IrsEgnDLN76ndQcLTZlr4%2BHhpWzKZKyFl9ieEpNzZlDHRp35H83Erhm0eDctUmI1Zct51alZ8RuTL%2Baa29WC%2BAM7%2BgSpnL%2FAHl9mxckyeEuFFqXcl%2F3ShwK2F9x%2F7r%2BcICefiUEzsZN3EuqOvwqQkBSqcdVy%2FohjNAG%2FInYAYSX%2B0fUK9UNQfQYkuPqOAptPRjX%2BhUnYsXUk%2FeQq16aX7TzhZm%2BeEq%2BEn%2BoiEgh7qps1yvGbJm6QXKovan%2Fsqng40R6FBP3R3dvfZC6QrfCUtGpQ8c0D0S5oLBw%3D%3D&key=_dck1";

/// An unsigned request to a template that takes no signature.
pub const UNSIGNED_EXAMPLE: &str = "/v2/domainTemplates/providers/exampleservice.domainconnect.org/services/template1/apply?domain=example.com&IP=192.0.2.10&RANDOMTEXT=shm%3A1542108821%3AHello";

#[component]
pub fn Home() -> impl IntoView {
    let replay = format!("/replay?url={}", js_sys::encode_uri_component(SIGNED_EXAMPLE));
    let reset = move |_| {
        let n = crate::providers::reset_sandbox();
        if let Some(w) = web_sys::window() {
            let _ = w.alert_with_message(&format!("The sandbox provider was reset ({n} zone(s) forgotten)."));
        }
    };
    view! {
        <h1>"Domain Connect consent and preview"</h1>
        <p>"A Service Provider asks your DNS provider to set the records its service needs. This screen shows, record by record, what applying its template does to your zone — what is added, what is removed and by which rule, what stays — after checking the request's signature in your browser."</p>
        <h2>"Try it"</h2>
        <ul class="examples">
            <li><a href=SIGNED_EXAMPLE rel="external" data-testid="example-consent">"Consent: a signed request from exampleservice"</a>" — what a user sees when a Service Provider sends them here."</li>
            <li><a href=UNSIGNED_EXAMPLE rel="external">"Consent: an unsigned request"</a>" — a template that takes no signature."</li>
            <li><a href="/preview?template=exampleservice.domainconnect.org/template2&IP=192.0.2.1&RANDOMTEXT=hello" data-testid="example-preview">"Preview a template"</a>" — for template authors: what a template does to a zone, before any provider has it."</li>
            <li><a href=replay>"Replay an apply URL"</a>" — for support staff: why a customer's request failed."</li>
        </ul>
        <p>"With no configuration, the DNS provider is a sandbox in this browser: zones live in its storage, each starting from an example zone."</p>
        <button type="button" on:click=reset>"Reset the sandbox provider"</button>
    }
}
