//! The names a request shows (`providerName`, `serviceName` from the link, for shared
//! templates): flagged when a word mixes scripts (`Gооgle` with Cyrillic `о`), or when
//! the name looks like — has the same UTS #39 skeleton as — another catalogue
//! provider's or service's name (IETF draft-04 §10.6, §11.5).

use crate::consequences::Catalogue;
use serde::Serialize;
use std::fmt;
use unicode_script::UnicodeScript;
use unicode_security::{confusable_detection::skeleton, MixedScript};

/// Why a name is flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameFlag {
    /// A word of the name mixes letters of several scripts.
    MixedScripts {
        /// The name.
        name: String,
        /// The word.
        word: String,
        /// Its letters outside ASCII, each with its code point and script (`о U+043E Cyrillic`).
        letters: Vec<String>,
    },
    /// The name looks like another provider's or service's name in the catalogue.
    LooksLike {
        /// The name.
        name: String,
        /// The name it looks like.
        like: String,
        /// Whose name that is (`providerId`).
        provider_id: String,
    },
}

impl fmt::Display for NameFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameFlag::MixedScripts { name, word, letters } => {
                write!(f, "\"{name}\" mixes letters of different alphabets in \"{word}\" ({}), as a name made to look like another does", letters.join(", "))
            }
            NameFlag::LooksLike { name, like, provider_id } => {
                write!(f, "\"{name}\" looks like \"{like}\", the name of another provider's service ({provider_id}): check who is really asking")
            }
        }
    }
}

/// A name's skeleton, lowercased and without spaces: names that look alike share it.
fn shape(name: &str) -> String {
    skeleton(&name.to_lowercase()).filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// The flags of `name`, shown on behalf of the template of `own_provider`.
pub fn check(name: &str, own_provider: &str, catalogue: &Catalogue) -> Vec<NameFlag> {
    let mut out = Vec::new();
    if let Some(word) = name.split_whitespace().find(|w| !w.is_single_script()) {
        let mut letters: Vec<String> = Vec::new();
        for c in word.chars().filter(|c| !c.is_ascii()) {
            let l = format!("{c} U+{:04X} {}", c as u32, c.script().full_name());
            if !letters.contains(&l) {
                letters.push(l);
            }
        }
        out.push(NameFlag::MixedScripts { name: name.to_string(), word: word.to_string(), letters });
    }
    let mine = shape(name);
    if mine.is_empty() {
        return out;
    }
    for s in catalogue.services.iter().filter(|s| !s.provider_id.eq_ignore_ascii_case(own_provider)) {
        let theirs = [s.provider_name.as_deref(), s.service_name.as_deref()];
        if let Some(like) = theirs.into_iter().flatten().find(|t| shape(t) == mine) {
            out.push(NameFlag::LooksLike { name: name.to_string(), like: like.to_string(), provider_id: s.provider_id.clone() });
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Template;

    fn catalogue() -> Catalogue {
        let gmail =
            Template::from_json(r#"{"providerId": "google.com", "providerName": "Google", "serviceId": "gmail", "serviceName": "Gmail Setup", "records": []}"#)
                .unwrap();
        let shop = Template::from_json(r#"{"providerId": "shop.example", "providerName": "Shop Builder", "serviceId": "site", "records": []}"#).unwrap();
        Catalogue::from_templates([&gmail, &shop])
    }

    #[test]
    fn a_cyrillic_o_in_a_latin_word_is_mixed_scripts_and_looks_like_google() {
        let flags = check("G\u{43e}\u{43e}gle", "reseller.example", &catalogue());
        assert!(matches!(&flags[0], NameFlag::MixedScripts { word, .. } if word == "G\u{43e}\u{43e}gle"), "{flags:?}");
        assert!(flags[0].to_string().contains("(\u{43e} U+043E Cyrillic)"), "{}", flags[0]);
        assert!(matches!(&flags[1], NameFlag::LooksLike { like, provider_id, .. } if like == "Google" && provider_id == "google.com"), "{flags:?}");
        assert!(flags[1].to_string().contains("looks like \"Google\""), "{}", flags[1]);
    }

    #[test]
    fn look_alikes_by_shape_and_plain_names_pass() {
        let c = catalogue();
        // rn for m, 0 for o; spaces and case aside.
        assert!(matches!(check("Grnail setup", "x.example", &c).as_slice(), [NameFlag::LooksLike { .. }]));
        assert!(matches!(check("G00GLE", "x.example", &c).as_slice(), [NameFlag::LooksLike { .. }]));
        assert!(check("Acme Mail", "x.example", &c).is_empty());
        // Its own provider's name is not a look-alike; Japanese mixing kana and kanji is one script set.
        assert!(check("Google", "google.com", &c).is_empty());
        assert!(check("日本のメール", "x.example", &c).is_empty());
    }
}
