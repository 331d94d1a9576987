use domain_connect::apply_url::DnsName;
use leptos::prelude::*;

/// A DNS name as it is applied (ASCII/punycode), with its Unicode form beside it when
/// they differ, so a look-alike IDN cannot pass for another name.
#[component]
pub fn Name(name: DnsName) -> impl IntoView {
    let idn = name.is_idn();
    view! {
        <span class="name">
            <span class="mono">{name.ascii.clone()}</span>
            {idn.then(|| view! { <span class="idn">" (shown as “" {name.unicode.clone()} "”)"</span> })}
        </span>
    }
}
