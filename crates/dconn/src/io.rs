//! Reading inputs: files with a size limit, zones in JSON or BIND form, `NAME=VALUE` params.

use domain_connect::consequences::Catalogue;
use domain_connect::{ChangeSet, Template, ZoneRecord};
use serde_json::{json, Value};
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
    let records = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        domain_connect::zone::from_json(text)
    } else {
        domain_connect::zone::from_text(text, origin)
    };
    records.map_err(|e| format!("{}: {e}", path.display()))
}

/// The catalogue of every template (`*.json`) in `dir`; a file that does not load is
/// left out (the count is returned beside it).
pub fn read_catalogue(dir: &Path) -> Result<(Catalogue, usize), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    let mut skipped = 0;
    let templates: Vec<Template> = files
        .iter()
        .filter_map(|f| {
            let t = read_template(f).ok();
            skipped += usize::from(t.is_none());
            t
        })
        .collect();
    Ok((Catalogue::from_templates(&templates), skipped))
}

/// The change set's deletions as the reference engine lists them, each with
/// `"breaks"`: the services its removal would break (`[]` when none can be told).
pub fn deleted_with_breaks(cs: &ChangeSet, template: &Template, catalogue: &Catalogue) -> Value {
    let breaks = catalogue.breaks(cs, template);
    let list = cs
        .deleted
        .iter()
        .zip(breaks)
        .map(|(d, b)| {
            let mut v = serde_json::to_value(d).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("breaks".into(), serde_json::to_value(b).unwrap_or_default());
            }
            v
        })
        .collect();
    Value::Array(list)
}

/// `{"added", "removed", "unchanged"}`: the change once records it only rewrites
/// (type, name and data equal) are set aside; `unchanged` holds the kept records and
/// those rewritten.
pub fn net_json(cs: &ChangeSet) -> Value {
    use domain_connect::changeset::Unchanged;
    let net = cs.net();
    let unchanged: Vec<&ZoneRecord> = net
        .unchanged
        .iter()
        .filter_map(|u| match *u {
            Unchanged::Kept(k) => cs.kept.get(k).map(|k| &k.record),
            Unchanged::Rewritten { added, .. } => cs.added.get(added).map(|a| &a.record),
            _ => None,
        })
        .collect();
    json!({
        "added": net.added.iter().map(|&i| &cs.added[i].record).collect::<Vec<_>>(),
        "removed": net.removed.iter().map(|&i| &cs.deleted[i].record).collect::<Vec<_>>(),
        "unchanged": unchanged,
    })
}

/// Write to standard output. When the reader has gone away (`dconn … | head`), stop
/// quietly with the status a shell reports for SIGPIPE (141) instead of panicking, as
/// `println!` does; any other write error is reported and exits 2.
pub fn write_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        let _ = writeln!(std::io::stderr(), "dconn: cannot write the output: {e}");
        std::process::exit(2);
    }
}

/// `println!` for standard output, through [`write_out`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::io::write_out(&format!("{}\n", format_args!($($arg)*))) };
}

/// `print!` for standard output, through [`write_out`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::io::write_out(&format!($($arg)*)) };
}
