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
    let records = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        domain_connect::zone::from_json(text)
    } else {
        domain_connect::zone::from_text(text, origin)
    };
    records.map_err(|e| format!("{}: {e}", path.display()))
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
