//! Hostile text made safe to show: every value a screen shows comes from a link, a
//! template or a zone, so characters a person cannot see — controls, zero-width and
//! bidirectional marks, soft hyphens, byte-order marks — are written out as `⟨U+200B⟩`
//! instead of rendered, and a value cannot look like another (`pay⟨U+200B⟩pal`).

use std::borrow::Cow;

/// A character a person cannot see, or that changes how the text around it looks.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'                      // soft hyphen
            | '\u{034F}'                    // combining grapheme joiner
            | '\u{061C}'                    // Arabic letter mark
            | '\u{115F}' | '\u{1160}'       // Hangul fillers
            | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'       // Mongolian variation selectors, vowel separator
            | '\u{200B}'..='\u{200F}'       // zero-width space/joiners, LRM, RLM
            | '\u{2028}'..='\u{202E}'       // line/paragraph separators, bidi embeddings
            | '\u{2060}'..='\u{206F}'       // word joiner, invisible operators, bidi isolates
            | '\u{3164}'                    // Hangul filler
            | '\u{FE00}'..='\u{FE0F}'       // variation selectors
            | '\u{FEFF}'                    // byte-order mark
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'       // interlinear annotation
            | '\u{E0000}'..='\u{E007F}'     // tags
        )
}

/// `text` with every [`is_invisible`] character written as `⟨U+XXXX⟩` (borrowed when
/// there is none).
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_invisible) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_invisible(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_written_out() {
        assert!(matches!(visible("v=spf1 include:a.example ~all"), Cow::Borrowed(_)));
        assert_eq!(visible("pay\u{200B}pal"), "pay⟨U+200B⟩pal");
        assert_eq!(visible("a\u{0}b\u{7F}\u{9B}"), "a⟨U+0000⟩b⟨U+007F⟩⟨U+009B⟩");
        assert_eq!(visible("\u{202E}lmth.exe"), "⟨U+202E⟩lmth.exe");
        assert_eq!(visible("\u{FEFF}x\u{E0041}"), "⟨U+FEFF⟩x⟨U+E0041⟩");
        assert_eq!(visible("bücher 日本"), "bücher 日本", "visible non-ASCII stays");
    }
}
