//! SPFM's `spfRules` (DCTL1017, DCTL1018).

use super::{has_variable, Out};

/// SPFM's terms: mechanisms and the redirect=/exp= modifiers only (DCTL1017, DCTL1018).
pub(crate) fn spf_rules(rules: &str, path: &str, out: &mut Out) {
    let lower = rules.to_ascii_lowercase();
    if lower.starts_with("v=spf1") {
        out.add("DCTL1017", path, "starts with v=spf1");
    }
    if lower.trim_end().ends_with("all") {
        out.add("DCTL1017", path, "ends with all");
    }
    let (mut redirect, mut exp) = (0, 0);
    for term in lower.split_whitespace().filter(|t| !has_variable(t)) {
        if let Some((name, _)) = term.split_once('=') {
            match name {
                "redirect" => redirect += 1,
                "exp" => exp += 1,
                _ => out.add("DCTL1017", path, format!("modifier {term:?}")),
            }
            continue;
        }
        let mechanism = term.trim_start_matches(['+', '-', '~', '?']);
        let name = mechanism.split([':', '/']).next().unwrap_or("");
        if !matches!(name, "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists") {
            out.add("DCTL1017", path, format!("mechanism {term:?}"));
        }
    }
    if redirect > 1 {
        out.add("DCTL1018", path, "redirect=");
    }
    if exp > 1 {
        out.add("DCTL1018", path, "exp=");
    }
}
