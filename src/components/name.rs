use domain_connect::apply_url::DnsName;
use domain_connect::display::visible;
use leptos::prelude::*;

/// A DNS name in Unicode with the punycode that is applied beside it when they differ
/// (draft-04 §10.6), so a look-alike IDN cannot pass for another name; invisible
/// characters written out.
#[component]
pub fn Name(name: DnsName) -> impl IntoView {
    let idn = name.is_idn();
    let shown = if idn { name.unicode.clone() } else { name.ascii.clone() };
    view! {
        <span class="name">
            <span class="mono">{visible(&shown).into_owned()}</span>
            {idn.then(|| view! { <span class="idn">" ("{crate::i18n::t("punycode")}" " <span class="mono">{name.ascii.clone()}</span> ")"</span> })}
        </span>
    }
}

/// A DNS name that wraps only at label boundaries: a `<wbr>` after every dot.
#[component]
pub fn Breakable(name: String) -> impl IntoView {
    let labels: Vec<String> = name.split_inclusive('.').map(str::to_string).collect();
    view! { <span class="dns">{labels.into_iter().map(|l| view! { {l}<wbr/> }).collect_view()}</span> }
}
