//! The Domain Connect consent and preview screen (Leptos, client-side rendered), as
//! two bundles with one shell each, so that each audience downloads only its own code:
//!
//! * [`mount_consent`] (binary `dc-consent`): the consent screen end users open — what
//!   DNS providers embed and their customers open on phones — and nothing else;
//! * [`mount_tools`] (binary `dc-tools`): the home page, the template preview and
//!   support replay.
//!
//! `boot.js` (written by `cargo xtask build`) picks the bundle from the path. The app
//! asks the protocol core (`domain-connect`) for every answer and renders it; it holds
//! no protocol rule of its own. Network calls go through [`net`] only.

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod config;
#[cfg(target_arch = "wasm32")]
mod context;
#[cfg(all(target_arch = "wasm32", any(feature = "powerdns", feature = "cloudflare")))]
mod credentials;
#[cfg(target_arch = "wasm32")]
mod crypto;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod i18n;
#[cfg(target_arch = "wasm32")]
mod net;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod permalink;
#[cfg(target_arch = "wasm32")]
mod providers;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
mod words;

#[cfg(target_arch = "wasm32")]
mod shells {
    use crate::context::{provide_config, ConfigProblem, Header};
    use crate::pages;
    use leptos::prelude::*;
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;

    fn not_found() -> impl IntoView {
        view! { <h1>"Not found"</h1><p>"No page here. "<a href="/" rel="external">"Home"</a></p> }
    }

    /// The consent bundle: the consent screen alone, no router (every request is a page
    /// load of its own; any other path says it is not an apply URL).
    #[component]
    fn ConsentApp() -> impl IntoView {
        provide_config();
        crate::i18n::provide(crate::context::use_config());
        view! {
            // End users see no links to the authors' and support tools.
            <Header links=&[]/>
            <main id="main" tabindex="-1">
                <ConfigProblem/>
                <pages::consent::Consent/>
            </main>
        }
    }

    #[component]
    fn ToolsApp() -> impl IntoView {
        provide_config();
        view! {
            <Router>
                <Header links=&[("/preview", "Preview", true), ("/replay", "Replay", true)]/>
                <main id="main" tabindex="-1">
                    <ConfigProblem/>
                    <Routes fallback=not_found>
                        <Route path=path!("/") view=pages::home::Home/>
                        <Route path=path!("/preview") view=pages::preview::Preview/>
                        <Route path=path!("/replay") view=pages::replay::Replay/>
                    </Routes>
                </main>
            </Router>
        }
    }

    /// A panic is written to the console, with where it happened, so a bug shows as a
    /// message and not as a silent blank (a smaller stand-in for console_error_panic_hook).
    fn panic_to_console() {
        std::panic::set_hook(Box::new(|info| {
            let mut msg = String::from("panicked");
            if let Some(l) = info.location() {
                msg = msg + " at " + l.file() + ":" + &l.line().to_string();
            }
            if let Some(p) = info.payload_as_str() {
                msg = msg + ": " + p;
            }
            web_sys::console::error_1(&msg.into());
        }));
    }

    pub fn consent() {
        panic_to_console();
        leptos::mount::mount_to_body(ConsentApp);
    }

    pub fn tools() {
        panic_to_console();
        leptos::mount::mount_to_body(ToolsApp);
    }
}

/// Mount the consent bundle's app (the consent screen).
#[cfg(target_arch = "wasm32")]
pub fn mount_consent() {
    shells::consent();
}

/// Mount the tools bundle's app (home, preview and replay routes).
#[cfg(target_arch = "wasm32")]
pub fn mount_tools() {
    shells::tools();
}
