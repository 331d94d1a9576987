//! What a Service Provider signed, when its signature does not verify over the bytes
//! sent: a bounded search over the ways real signers build the signed string, so
//! support can tell them exactly what they signed and what they sent.
//!
//! Tried, in order: each parameter set — all of them, then leaving out the parameters
//! a signer may add after signing (`redirect_uri`, `state`, `groupId`, and any the
//! template does not know, such as a timestamp), fewest left out first — laid out each
//! way ([`Layout`]), against the `sig` decoded in its base64 variant ([`SigEncoding`]).
//! At most [`MAX_VERIFIES`] RSA verifications; [`Search::cut`] says when that ran out.

use super::{PublicKey, QueryOrder};
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use serde::Serialize;
use std::fmt;

/// The most RSA verifications one search makes.
pub const MAX_VERIFIES: usize = 2000;

/// Parameters a signer may add after signing, whatever the template.
const ADDED_AFTER: [&str; 3] = ["redirect_uri", "state", "groupId"];

/// Parameters of the protocol itself (never a template's variable).
const RESERVED: [&str; 9] = ["domain", "host", "redirect_uri", "state", "groupId", "providerName", "serviceName", "sig", "key"];

/// How the `sig` value was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SigEncoding {
    /// Standard base64 with `=` padding (what the draft asks for).
    Standard,
    /// Standard base64 without padding.
    StandardUnpadded,
    /// Standard base64 whose `+` became a space (the `sig` was not percent-encoded and
    /// a form decoder read `+` as a space).
    PlusAsSpace,
    /// URL-safe base64 (`-` and `_`), padded.
    UrlSafe,
    /// URL-safe base64, unpadded.
    UrlSafeUnpadded,
}

impl fmt::Display for SigEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SigEncoding::Standard => "standard base64, padded (as the draft asks)",
            SigEncoding::StandardUnpadded => "standard base64 without its = padding",
            SigEncoding::PlusAsSpace => "standard base64 sent without percent-encoding, so each + reads as a space",
            SigEncoding::UrlSafe => "URL-safe base64 (- and _), padded",
            SigEncoding::UrlSafeUnpadded => "URL-safe base64 (- and _) without padding",
        })
    }
}

/// How the signed parameters are laid out as bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// Each parameter exactly as it stands in the URL, in the order sent.
    AsSent,
    /// The draft's canonical form: RFC 3986-encoded, sorted by name.
    Canonical,
    /// Form-encoded (a space as `+`), in the order sent.
    Form,
    /// RFC 3986-encoded (a space as `%20`), in the order sent.
    Rfc3986,
    /// Each parameter as it stands in the URL, sorted by name.
    AsSentSorted,
    /// Form-encoded, sorted by name.
    FormSorted,
    /// The values decoded, not encoded at all, in the order sent.
    Raw,
    /// The values decoded, not encoded at all, sorted by name.
    RawSorted,
}

const LAYOUTS: [Layout; 8] =
    [Layout::AsSent, Layout::Canonical, Layout::Form, Layout::Rfc3986, Layout::AsSentSorted, Layout::FormSorted, Layout::Raw, Layout::RawSorted];

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Layout::AsSent => "the parameters exactly as sent, in the order sent",
            Layout::Canonical => "the draft's canonical form (RFC 3986-encoded, sorted by name)",
            Layout::Form => "the parameters form-encoded (a space as +), in the order sent",
            Layout::Rfc3986 => "the parameters RFC 3986-encoded (a space as %20), in the order sent",
            Layout::AsSentSorted => "the parameters as sent, sorted by name",
            Layout::FormSorted => "the parameters form-encoded, sorted by name",
            Layout::Raw => "the parameters decoded (raw, not encoded), in the order sent",
            Layout::RawSorted => "the parameters decoded (raw, not encoded), sorted by name",
        })
    }
}

/// The construction that verifies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// The exact bytes the signature covers.
    pub bytes: String,
    /// How they are laid out.
    pub layout: Layout,
    /// How `sig` was encoded.
    pub sig_encoding: SigEncoding,
    /// Parameters the URL carries that were not signed (in URL order).
    pub unsigned: Vec<String>,
}

/// What the search found, and how far it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Search {
    /// The first construction that verifies, if any.
    pub found: Option<Found>,
    /// RSA verifications made.
    pub verifies: usize,
    /// True when the search stopped at [`MAX_VERIFIES`] before trying everything.
    pub cut: bool,
    /// Parameters the URL repeats, with how often (the draft has one `groupId` whose
    /// groups are separated by commas).
    pub repeated: Vec<(String, usize)>,
}

impl Search {
    /// A paragraph for support: what verifies, or that nothing did.
    pub fn explain(&self) -> String {
        let mut out = match &self.found {
            Some(f) => {
                let mut s = format!("The signature verifies over {} — with sig encoded as {}.", f.layout, f.sig_encoding);
                if !f.unsigned.is_empty() {
                    s += &format!(" Not signed, though the URL carries them: {}.", f.unsigned.join(", "));
                }
                s
            }
            None => format!(
                "No construction verifies ({} RSA verifications{}): the key, or the values, differ from what was signed.",
                self.verifies,
                if self.cut { ", cut at the limit before all were tried" } else { ", all tried" }
            ),
        };
        for (name, n) in &self.repeated {
            out += &format!(" {name} appears {n} times");
            if name == "groupId" {
                out += " (once per group); the draft's form is one groupId with the groups separated by commas (groupId=a,b)";
            }
            out += ".";
        }
        out
    }
}

/// One parameter: its name and value decoded, and exactly as it stands.
struct Param<'q> {
    name: String,
    value: String,
    raw: &'q str,
}

/// Search what `sig` signs, given the raw query string it came with and the variables
/// the template knows.
pub fn search(raw_query: &str, sig: &str, known: &[String], key: &PublicKey) -> Search {
    // The form decoder skips empty parameters as the split does: each raw one beside its decoding.
    let params: Vec<Param<'_>> = raw_query
        .split('&')
        .filter(|p| !p.is_empty())
        .zip(form_urlencoded::parse(raw_query.as_bytes()))
        .map(|(raw, (name, value))| Param { name: name.into_owned(), value: value.into_owned(), raw })
        .filter(|p| p.name != "sig" && p.name != "key")
        .collect();
    let mut repeated: Vec<(String, usize)> = Vec::new();
    for p in &params {
        let n = params.iter().filter(|q| q.name == p.name).count();
        if n > 1 && !repeated.iter().any(|(r, _)| *r == p.name) {
            repeated.push((p.name.clone(), n));
        }
    }
    // What a signer may have added after signing, each name once, in URL order.
    let mut optional: Vec<&str> = Vec::new();
    for p in &params {
        let added = ADDED_AFTER.contains(&p.name.as_str()) || (!RESERVED.contains(&p.name.as_str()) && !known.iter().any(|k| k.eq_ignore_ascii_case(&p.name)));
        if added && !optional.contains(&p.name.as_str()) {
            optional.push(&p.name);
        }
    }
    let sigs = decodings(sig);
    let mut tried: Vec<String> = Vec::new();
    let mut verifies = 0;
    // Subsets of the optional names, fewest left out first (bit i: optional[i] left out).
    let n = optional.len().min(16) as u32;
    let masks = (0..=n).flat_map(|left| (0..1u32 << n).filter(move |m| m.count_ones() == left));
    for mask in masks {
        let left_out: Vec<&str> = optional.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, n)| *n).collect();
        let kept: Vec<&Param<'_>> = params.iter().filter(|p| !left_out.contains(&p.name.as_str())).collect();
        for layout in LAYOUTS {
            let bytes = lay_out(&kept, layout);
            if tried.contains(&bytes) {
                continue;
            }
            for (sig_bytes, sig_encoding) in &sigs {
                if verifies == MAX_VERIFIES {
                    return Search { found: None, verifies, cut: true, repeated };
                }
                verifies += 1;
                if super::verify_bytes(key, bytes.as_bytes(), sig_bytes).is_ok() {
                    let unsigned = left_out.iter().map(|n| n.to_string()).collect();
                    return Search { found: Some(Found { bytes, layout, sig_encoding: *sig_encoding, unsigned }), verifies, cut: false, repeated };
                }
            }
            tried.push(bytes);
        }
    }
    Search { found: None, verifies, cut: false, repeated }
}

/// The `sig` value decoded in each base64 variant it is valid in (the same bytes once).
fn decodings(sig: &str) -> Vec<(Vec<u8>, SigEncoding)> {
    let indifferent = GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    let standard = GeneralPurpose::new(&alphabet::STANDARD, indifferent);
    let url_safe = GeneralPurpose::new(&alphabet::URL_SAFE, indifferent);
    let s = sig.trim();
    let padded = s.ends_with('=');
    let mut out: Vec<(Vec<u8>, SigEncoding)> = Vec::new();
    let mut push = |bytes: Vec<u8>, e: SigEncoding| {
        if !out.iter().any(|(b, _)| *b == bytes) {
            out.push((bytes, e));
        }
    };
    if let Ok(b) = standard.decode(s) {
        push(b, if padded { SigEncoding::Standard } else { SigEncoding::StandardUnpadded });
    }
    if s.contains(' ') {
        if let Ok(b) = standard.decode(s.replace(' ', "+")) {
            push(b, SigEncoding::PlusAsSpace);
        }
    }
    if let Ok(b) = url_safe.decode(s) {
        push(b, if padded { SigEncoding::UrlSafe } else { SigEncoding::UrlSafeUnpadded });
    }
    out
}

/// The parameters as bytes, laid out one way: the draft's canonical form and the
/// form- and RFC 3986-encoded ones as signers lay them out ([`super::signing_query`],
/// [`super::rfc3986_query`]); the others from the parameters as sent or decoded.
fn lay_out(kept: &[&Param<'_>], layout: Layout) -> String {
    let decoded = || kept.iter().map(|p| (p.name.as_str(), p.value.as_str()));
    let mut pairs: Vec<(String, String)> = match layout {
        Layout::Canonical => return super::signing_query(decoded(), QueryOrder::Canonical),
        Layout::Form => return super::signing_query(decoded(), QueryOrder::AsGiven),
        Layout::Rfc3986 => return super::rfc3986_query(decoded()),
        Layout::AsSent | Layout::AsSentSorted => kept
            .iter()
            .map(|p| {
                let (n, v) = p.raw.split_once('=').unwrap_or((p.raw, ""));
                (n.to_string(), v.to_string())
            })
            .collect(),
        Layout::FormSorted => {
            let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            decoded().map(|(n, v)| (enc(n), enc(v))).collect()
        }
        Layout::Raw | Layout::RawSorted => decoded().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
    };
    if matches!(layout, Layout::AsSentSorted | Layout::FormSorted | Layout::RawSorted) {
        // Stable: a repeated name keeps its values in the order given.
        pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    }
    pairs.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("&")
}
