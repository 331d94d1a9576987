//! The consent screen's words. Every user-visible string is a message of a Fluent
//! catalogue (`locales/{tag}.ftl` at the top of the repository, copied to
//! `dist/locales/`). This crate holds what the page decides about language without the
//! browser, tested on the host:
//!
//! * which language a page speaks ([`negotiate`], RFC 4647 lookup over the catalogues
//!   it may use) and its direction ([`direction`]);
//! * English, compiled in ([`English`]): the first load of an English page formats its
//!   messages with no Fluent runtime at all (English messages are plain text with
//!   `{ $placeholders }`; a test holds that, and that it formats as Fluent does);
//! * with the `fluent` feature, [`Catalogue`]: any language through Project Fluent's
//!   own runtime (`fluent-bundle`: plurals, selects, bidi isolation), falling back to
//!   English message by message — the consent page loads it (the words bundle) only
//!   when it speaks another language.

use std::borrow::Cow;

/// The catalogues shipped in `locales/`, English first.
pub const SHIPPED: [&str; 10] = ["en", "de", "fr", "es", "it", "nl", "pl", "pt-BR", "ja", "ar"];

/// The pseudo-locale for layout tests: English, accented and about a third longer
/// (made from English by the Fluent runtime's transform; no file).
pub const PSEUDO: &str = "en-XA";

/// The English catalogue, compiled in: the fallback of every message.
pub const ENGLISH: &str = include_str!("../../../locales/en.ftl");

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu…).
    Rtl,
}

impl Dir {
    /// The `dir` attribute's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// The languages written right to left (CLDR's, by language subtag), unless a script
/// subtag says otherwise.
const RTL: [&str; 12] = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"];

/// The direction of the language `tag` (`ar-EG`: right to left; `az-Arab` too; anything
/// unreadable left to right).
pub fn direction(tag: &str) -> Dir {
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().unwrap_or("").to_ascii_lowercase();
    let script = parts.next().filter(|s| s.len() == 4).map(str::to_ascii_lowercase);
    let rtl = match script.as_deref() {
        Some("arab" | "hebr" | "thaa" | "syrc" | "nkoo" | "adlm" | "rohg") => true,
        Some(_) => false,
        None => RTL.contains(&lang.as_str()),
    };
    if rtl {
        Dir::Rtl
    } else {
        Dir::Ltr
    }
}

/// What the page may choose from and what it is asked for.
#[derive(Debug, Clone, Default)]
pub struct Choice<'a> {
    /// The embedding dashboard's choice (`postMessage` `dc-locale`), if any.
    pub dashboard: Option<&'a str>,
    /// config.json's `locale`.
    pub configured: Option<&'a str>,
    /// config.json's `locales` (empty: every language available).
    pub allowed: &'a [String],
    /// Languages with an operator's catalogue (config.json's `messages`).
    pub operator: &'a [String],
    /// The browser's `navigator.languages`, in order.
    pub browser: &'a [String],
}

/// The languages a page can speak: the shipped ones, the pseudo-locale, and any the
/// operator adds (a catalogue in `messages`, or a file named in `locales`).
pub fn available(c: &Choice) -> Vec<String> {
    let mut all: Vec<String> = SHIPPED.iter().chain([&PSEUDO]).map(|s| s.to_string()).collect();
    for t in c.allowed.iter().chain(c.operator) {
        if !all.iter().any(|a| a.eq_ignore_ascii_case(t)) {
            all.push(t.clone());
        }
    }
    match c.allowed.is_empty() {
        true => all,
        false => all.into_iter().filter(|a| c.allowed.iter().any(|t| t.eq_ignore_ascii_case(a))).collect(),
    }
}

/// The one of `offered` that serves `asked` (RFC 4647 lookup, then a sibling): the tag
/// itself, then the tag cut subtag by subtag (`de-AT` → `de`), then a catalogue of the
/// same language (`pt` → `pt-BR`). Case does not matter; `_` reads as `-`.
fn best(asked: &str, offered: &[String]) -> Option<String> {
    let asked = asked.trim().replace('_', "-").to_ascii_lowercase();
    if asked.is_empty() || asked == "*" {
        return None;
    }
    let mut range = asked.as_str();
    loop {
        if let Some(o) = offered.iter().find(|o| o.eq_ignore_ascii_case(range)) {
            return Some(o.clone());
        }
        match range.rfind('-') {
            Some(at) => range = &range[..at],
            None => break,
        }
    }
    offered.iter().find(|o| o.to_ascii_lowercase().split('-').next() == Some(range) && !o.eq_ignore_ascii_case(PSEUDO)).cloned()
}

/// The language a page speaks, in the order the product settles: the dashboard's
/// choice, config.json's `locale`, the browser's languages in order, then English —
/// each only when it is allowed and a catalogue exists. Never from a URL parameter
/// (that would change the bytes a Service Provider signed).
pub fn negotiate(c: &Choice) -> String {
    let offered = available(c);
    c.dashboard
        .and_then(|d| best(d, &offered))
        .or_else(|| c.configured.and_then(|d| best(d, &offered)))
        .or_else(|| c.browser.iter().find_map(|b| best(b, &offered)))
        .or_else(|| offered.iter().find(|o| *o == "en").cloned())
        .or_else(|| offered.first().cloned())
        .unwrap_or_else(|| "en".into())
}

/// English, compiled in, formatted without a Fluent runtime: each message is one line
/// of text with `{ $name }` placeholders (the catalogue's test holds that English has
/// nothing else). Looked up by a scan of the text: a page asks for a few hundred
/// messages, and a table would cost the first load more code than the scans cost time.
#[derive(Default)]
pub struct English;

impl English {
    /// English.
    pub fn new() -> Self {
        English
    }

    /// The message `id`, its placeholders filled from `args` (a placeholder not given
    /// is left as `{$name}`, as Fluent shows one); `None` when English has no such message.
    pub fn text(&self, id: &str, args: &[(&str, Cow<str>)]) -> Option<String> {
        let line = ENGLISH.lines().find(|l| l.strip_prefix(id).is_some_and(|r| r.starts_with(" = ")))?;
        let mut rest = line[id.len() + 3..].trim();
        let mut out = String::with_capacity(rest.len() + 16);
        while let Some(open) = rest.find("{ $") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 3..];
            let close = after.find(" }").unwrap_or(after.len());
            let name = &after[..close];
            match args.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = after.get(close + 2..).unwrap_or("");
        }
        out.push_str(rest);
        Some(out)
    }
}

#[cfg(feature = "fluent")]
mod fluent;
#[cfg(feature = "fluent")]
pub use fluent::{Catalogue, Value};

#[cfg(test)]
mod tests;
