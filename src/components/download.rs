//! A file to save, as a link: a `data:` URL, so nothing leaves the browser.

use leptos::prelude::*;

/// A link that saves `text` as `name`.
pub fn download(name: String, mime: &'static str, text: &str, label: &str, testid: &'static str) -> impl IntoView {
    let href = format!("data:{mime};charset=utf-8,{}", String::from(js_sys::encode_uri_component(text)));
    view! { <a href=href download=name data-testid=testid>{label.to_string()}</a> }
}
