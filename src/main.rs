//! The consent bundle: the screen end users see (see the library docs).

#[cfg(target_arch = "wasm32")]
fn main() {
    dc_consent::mount_consent();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dc-consent is the web app; build and serve it with `cargo xtask serve`");
}
