//! The Domain Connect consent and preview screen (Leptos, client-side rendered).
//!
//! The app asks the protocol core (`domain-connect`) for every answer and renders it;
//! it holds no protocol rule of its own. Network calls go through [`net`] only.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod config;
#[cfg(target_arch = "wasm32")]
mod net;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod providers;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dc-consent is the web app; build and serve it with `cargo xtask serve`");
}
