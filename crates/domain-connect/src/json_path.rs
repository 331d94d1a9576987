//! Where in a JSON text a parse error is, as a path (`records[3].pointsTo`): serde_json
//! reports the line and column where it stopped, and [`at`] reads the text up to there
//! and names the value being read. This replaces a tracking deserializer, which would
//! be compiled again for every type read (about 60 KB of the consent screen's wasm); a
//! test holds the paths to `serde_path_to_error`'s on broken templates.

enum Frame {
    /// In an object: the key whose value is being read (`None` between members).
    Object(Option<String>),
    /// In an array: the index of the element being read.
    Array(usize),
}

/// The path of what a serde_json error in `text` is about. serde_json reports a bad
/// value that is its object's last member after reading the object's closing brace;
/// unless the error is serde's "missing field" (which is about the object itself), the
/// path then names that member.
pub fn of_error(text: &str, e: &serde_json::Error) -> String {
    let member = !e.to_string().starts_with("missing field");
    locate(text, e.line(), e.column(), member)
}

/// The path of the value at `line` and `column` (1-based, as serde_json counts: the
/// column is the number of bytes read on that line) of `text`; `""` for the top level.
pub fn at(text: &str, line: usize, column: usize) -> String {
    locate(text, line, column, false)
}

fn locate(text: &str, line: usize, column: usize, closed_member: bool) -> String {
    let bytes = text.as_bytes();
    let line_start =
        if line <= 1 { 0 } else { bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(line - 2).map(|(i, _)| i + 1).unwrap_or(bytes.len()) };
    let end = (line_start + column).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    // Within an object, whether the next string is a key.
    let mut want_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if want_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(unescape(&text[start..i.min(text.len())]));
                    }
                    want_key = false;
                }
            }
            b'{' => {
                stack.push(Frame::Object(None));
                want_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' if closed_member && i + 1 == end && matches!(stack.last(), Some(Frame::Object(Some(_)))) => {}
            b'}' | b']' => {
                stack.pop();
                want_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => {
                    *key = None;
                    want_key = true;
                }
                Some(Frame::Array(n)) => *n += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object(Some(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object(None) => break,
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// A key's text with its JSON escapes read (`\"`, `\\`, `\uXXXX`…).
fn unescape(raw: &str) -> String {
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::at;

    #[test]
    fn paths_of_positions() {
        let t = "{\"a\": [1, {\"b\": x}], \"c\": 2}";
        let col = t.find('x').unwrap() + 1;
        assert_eq!(at(t, 1, col), "a[1].b");
        assert_eq!(at("[1, 2, true", 1, 11), "[2]");
        assert_eq!(at("{\n \"k\\\"ey\": nul", 2, 14), "k\"ey");
        assert_eq!(at("", 1, 0), "");
        let t = "[{\"a\": 1, \"ttl\": \"x\"}]";
        let e = serde_json::from_str::<Vec<std::collections::BTreeMap<String, u8>>>(t).unwrap_err();
        assert_eq!(super::of_error(t, &e), "[0].ttl", "{e}");
    }
}
