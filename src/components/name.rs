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

/// A DNS name that wraps only at label boundaries: a `<wbr>` after every dot.
#[component]
pub fn Breakable(name: String) -> impl IntoView {
    let labels: Vec<String> = name.split_inclusive('.').map(str::to_string).collect();
    view! { <span class="dns">{labels.into_iter().map(|l| view! { {l}<wbr/> }).collect_view()}</span> }
}
