//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `shared/` beside the repository checkout (CI clones the repository beside it).
pub fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(p.join("templates").is_dir(), "{} is missing: tests need shared/ beside the checkout", p.display());
    p
}

/// A file under `shared/`, as text.
pub fn shared_text(rel: &str) -> String {
    let p = shared().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}
