//! Any language through Project Fluent's runtime (`fluent-bundle`), English behind
//! every message. Compiled into the words bundle, which the consent page loads only
//! when it speaks another language than English.

use super::{direction, Dir, ENGLISH, PSEUDO};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use std::borrow::Cow;
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue as Value;

/// Accented, a third longer: how a string that does not fit shows in the layout tests.
fn pseudo(s: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        let accented = match c {
            'a' => "á",
            'e' => "ē",
            'i' => "ï",
            'o' => "ǫ",
            'u' => "ū",
            'A' => "Å",
            'E' => "Ē",
            'I' => "Ĭ",
            'O' => "Ø",
            'U' => "Ū",
            'c' => "ç",
            'n' => "ñ",
            's' => "š",
            't' => "ţ",
            'y' => "ý",
            _ => "",
        };
        match accented {
            "" => out.push(c),
            a => {
                out.push_str(a);
                // Vowels doubled: German and Finnish run about this much longer.
                if "aeiouAEIOU".contains(c) {
                    out.push_str(a);
                }
            }
        }
    }
    Cow::Owned(out)
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(tag: &str) -> Bundle {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut b = Bundle::new(vec![id]);
    // Bidi isolation marks around placeholders where text runs right to left; in
    // left-to-right text they would only be invisible characters in copied text.
    b.set_use_isolating(direction(tag) == Dir::Rtl);
    b
}

/// Parse `text` into `b` (later resources override earlier ones message by message);
/// what cannot be read is said in `warnings`, the rest is kept.
fn add(b: &mut Bundle, text: String, source: &str, warnings: &mut Vec<String>) {
    let resource = match FluentResource::try_new(text) {
        Ok(r) => r,
        Err((r, errors)) => {
            warnings.extend(errors.iter().map(|e| format!("{source}: {e:?}")));
            r
        }
    };
    b.add_resource_overriding(resource);
}

/// One language's messages, with English behind each.
pub struct Catalogue {
    /// The language tag spoken.
    pub tag: String,
    /// Its direction.
    pub dir: Dir,
    chosen: Option<Bundle>,
    english: Bundle,
    /// What could not be read (said once, in the console).
    pub warnings: Vec<String>,
}

impl Catalogue {
    /// English alone.
    pub fn english() -> Self {
        Self::new("en", None, None)
    }

    /// `tag`'s catalogue from its shipped text (when the language is shipped) and the
    /// operator's (which overrides message by message); English behind both. The
    /// pseudo-locale needs neither.
    pub fn new(tag: &str, shipped: Option<String>, operator: Option<String>) -> Self {
        let mut warnings = Vec::new();
        let mut english = bundle("en");
        add(&mut english, ENGLISH.to_string(), "en.ftl", &mut warnings);
        let chosen = if tag == PSEUDO {
            let mut b = bundle("en");
            add(&mut b, ENGLISH.to_string(), "en.ftl", &mut warnings);
            b.set_transform(Some(pseudo));
            Some(b)
        } else if tag == "en" && operator.is_none() {
            None
        } else {
            let mut b = bundle(tag);
            if let Some(s) = shipped {
                add(&mut b, s, &format!("{tag}.ftl"), &mut warnings);
            }
            if let Some(o) = operator {
                add(&mut b, o, &format!("the operator's {tag} catalogue"), &mut warnings);
            }
            Some(b)
        };
        Catalogue { tag: tag.to_string(), dir: direction(tag), chosen, english, warnings }
    }

    /// The message `id` with its placeholders filled, in this language or — when this
    /// catalogue lacks it or cannot format it — in English; a message no catalogue has
    /// shows as its id. The second value says why it fell back, if it did.
    pub fn text(&self, id: &str, args: &[(&str, Value)]) -> (String, Option<String>) {
        let args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::with_capacity(args.len());
            for (k, v) in args {
                a.set(*k, v.clone());
            }
            a
        });
        let format = |b: &Bundle| -> Result<String, String> {
            let pattern = b.get_message(id).and_then(|m| m.value()).ok_or_else(|| "no such message".to_string())?;
            let mut errors = Vec::new();
            let s = b.format_pattern(pattern, args.as_ref(), &mut errors).into_owned();
            match errors.first() {
                None => Ok(s),
                Some(e) => Err(format!("{e:?}")),
            }
        };
        let Some(chosen) = &self.chosen else {
            return match format(&self.english) {
                Ok(s) => (s, None),
                Err(e) => (id.to_string(), Some(format!("{id}: {e}"))),
            };
        };
        match format(chosen) {
            Ok(s) => (s, None),
            Err(why) => {
                let said = format!("{id} in {}: {why}; shown in English", self.tag);
                (format(&self.english).unwrap_or_else(|_| id.to_string()), Some(said))
            }
        }
    }
}
