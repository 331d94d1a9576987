//! Reading inputs: files with a size limit, zones in JSON or BIND form, `NAME=VALUE` params.

use domain_connect::{Template, ZoneRecord};
use std::path::Path;

/// Inputs larger than this are refused before reading them whole.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

pub fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > MAX_INPUT_BYTES {
        return Err(format!("{}: {} bytes is over the {} byte limit", path.display(), meta.len(), MAX_INPUT_BYTES));
    }
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn read_template(path: &Path) -> Result<Template, String> {
    let bytes = read_limited(path)?;
    Template::from_json_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn read_zone(path: &Path, origin: &str) -> Result<Vec<ZoneRecord>, String> {
    let bytes = read_limited(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| format!("{}: not valid UTF-8 (byte {})", path.display(), e.valid_up_to()))?;
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) || text.trim_start().starts_with('[');
    if is_json {
        domain_connect::zone::from_json(text).map_err(|e| format!("{}: {e}", path.display()))
    } else {
        domain_connect::zone::from_bind(text, origin).map_err(|e| format!("{}: {e}", path.display()))
    }
}
