//! The tools bundle: template preview and support replay (see the library docs).

#[cfg(target_arch = "wasm32")]
fn main() {
    dc_consent::mount_tools();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dc-tools is the web app's tools bundle; build and serve it with `cargo xtask serve`");
}
