use super::*;
use fluent_syntax::ast;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn shipped(tag: &str) -> String {
    std::fs::read_to_string(format!("{}/../../locales/{tag}.ftl", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Every message of a catalogue and the placeholders its value uses (in any variant).
fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    fn inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        if let ast::InlineExpression::VariableReference { id } = e {
            out.insert(id.name.to_string());
        }
        if let ast::InlineExpression::Placeable { expression } = e {
            expr(expression, out);
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline(i, out),
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                variants.iter().for_each(|v| pattern(&v.value, out));
            }
        }
    }
    fn pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }
    let res = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let mut all = BTreeMap::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                pattern(v, &mut vars);
            }
            all.insert(m.id.name.to_string(), vars);
        }
    }
    all
}

/// The test the issue asks for: every shipped catalogue parses, has every English
/// message and no other, each with the same placeholders.
#[test]
fn every_catalogue_has_every_message_with_the_same_placeholders() {
    let english = messages(ENGLISH);
    assert!(english.len() > 100, "{}", english.len());
    for tag in SHIPPED {
        let theirs = messages(&shipped(tag));
        let missing: Vec<_> = english.keys().filter(|k| !theirs.contains_key(*k)).collect();
        let extra: Vec<_> = theirs.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{tag}: missing {missing:?}, not in English {extra:?}");
        for (id, vars) in &english {
            assert_eq!(&theirs[id], vars, "{tag}: {id}'s placeholders");
        }
        // Each formats without an error, and is not English (the same text is allowed
        // for DNS terms and names only).
        let cat = Catalogue::new(tag, Some(shipped(tag)), None);
        assert!(cat.warnings.is_empty(), "{tag}: {:?}", cat.warnings);
        let (connect, fell_back) = cat.text("connect", &[]);
        assert_eq!(fell_back, None, "{tag}");
        if tag != "en" {
            let plain: Vec<&String> = english.iter().filter(|(_, v)| v.is_empty()).map(|(k, _)| k).collect();
            let same: Vec<&&String> = plain.iter().filter(|id| cat.text(id, &[]).0 == Catalogue::english().text(id, &[]).0).collect();
            assert!(same.len() * 8 < plain.len(), "{tag}: {same:?} read as in English");
            assert_ne!(connect, "Connect", "{tag}");
        }
    }
}

#[test]
fn negotiation_follows_dashboard_then_config_then_browser() {
    let browser = strings(&["de-AT", "en-US"]);
    let none: Vec<String> = Vec::new();
    fn c<'a>(dashboard: Option<&'a str>, configured: Option<&'a str>, allowed: &'a [String], browser: &'a [String]) -> Choice<'a> {
        Choice { dashboard, configured, allowed, operator: &[], browser }
    }
    assert_eq!(negotiate(&c(None, None, &none, &browser)), "de");
    assert_eq!(negotiate(&c(None, Some("fr"), &none, &browser)), "fr");
    assert_eq!(negotiate(&c(Some("ja"), Some("fr"), &none, &browser)), "ja");
    // A language not allowed, or with no catalogue, is passed over.
    assert_eq!(negotiate(&c(Some("sv"), None, &none, &browser)), "de");
    assert_eq!(negotiate(&c(None, None, &strings(&["fr", "en"]), &browser)), "en");
    assert_eq!(negotiate(&c(Some("de"), None, &strings(&["fr", "nl"]), &browser)), "fr");
    // pt gets pt-BR; an unknown language English.
    let pt = strings(&["pt"]);
    assert_eq!(negotiate(&Choice { browser: &pt, ..Choice::default() }), "pt-BR");
    let xx = strings(&["xx-YY", "tlh"]);
    assert_eq!(negotiate(&Choice { browser: &xx, ..Choice::default() }), "en");
    // An operator's own language is offered.
    let sv = strings(&["sv"]);
    let svb = strings(&["sv-SE"]);
    assert_eq!(negotiate(&Choice { operator: &sv, browser: &svb, ..Choice::default() }), "sv");
}

#[test]
fn arabic_runs_right_to_left_with_isolated_placeholders() {
    assert_eq!(direction("ar"), Dir::Rtl);
    assert_eq!(direction("he-IL"), Dir::Rtl);
    assert_eq!(direction("de"), Dir::Ltr);
    assert_eq!(direction("not a tag"), Dir::Ltr);
    let ar = Catalogue::new("ar", Some(shipped("ar")), None);
    let (s, _) = ar.text("returning", &[("to", Value::from("https://example.com/"))]);
    assert!(s.contains("\u{2068}https://example.com/\u{2069}"), "{s}");
    let (s, _) = Catalogue::english().text("returning", &[("to", Value::from("https://example.com/"))]);
    assert_eq!(s, "Returning you to https://example.com/…");
}

#[test]
fn a_broken_catalogue_falls_back_message_by_message() {
    let operator = "connect = Verbinden!\ncancel = { $\nundo = Rückgängig { $missing }\n".to_string();
    let cat = Catalogue::new("de", Some(shipped("de")), Some(operator));
    assert!(!cat.warnings.is_empty());
    assert_eq!(cat.text("connect", &[]), ("Verbinden!".to_string(), None));
    // The broken entry leaves the shipped one; a placeholder not given is English.
    assert_ne!(cat.text("cancel", &[]).0, "");
    let (undo, why) = cat.text("undo", &[]);
    assert_eq!(undo, "Undo");
    assert!(why.is_some());
    // A message no catalogue has shows its id.
    assert_eq!(Catalogue::english().text("no-such-message", &[]).0, "no-such-message");
    // Garbage is no panic.
    let cat = Catalogue::new("fr", Some("\u{0}{{{ [[ *".into()), None);
    assert_eq!(cat.text("connect", &[]).0, "Connect");
}

#[test]
fn the_pseudo_locale_is_longer_and_plural_rules_hold() {
    let x = Catalogue::new(PSEUDO, None, None);
    let en = Catalogue::english();
    let (long, _) = x.text("credential-intro", &[]);
    assert!(long.chars().count() * 100 > en.text("credential-intro", &[]).0.chars().count() * 125, "{long}");
    assert!(long.contains('ï') || long.contains('ǫ'), "{long}");
    // Placeholders are left as given.
    let (s, _) = x.text("returning", &[("to", Value::from("https://sp.example/"))]);
    assert!(s.contains("https://sp.example/"), "{s}");
    let pl = Catalogue::new("pl", Some(shipped("pl")), None);
    let (one, _) = pl.text("unchanged-count", &[("count", 1.into())]);
    let (few, _) = pl.text("unchanged-count", &[("count", 3.into())]);
    let (many, _) = pl.text("unchanged-count", &[("count", 5.into())]);
    assert!(one != few && few != many, "{one} / {few} / {many}");
}

/// English on the first load is formatted without Fluent: that is exact because every
/// English message is plain text with placeholders, which this holds — and each comes
/// out as Fluent's runtime makes it.
#[test]
fn english_formats_as_fluent_does_without_its_runtime() {
    let plain = English::new();
    let fluent = Catalogue::english();
    for (id, vars) in messages(ENGLISH) {
        assert!(!ENGLISH.lines().any(|l| l.starts_with(&format!("{id} =")) && l.contains("->")), "{id}: a select in English");
        let args: Vec<(&str, Value)> = vars.iter().enumerate().map(|(i, v)| (v.as_str(), Value::from(format!("v{i}<&>")))).collect();
        let cows: Vec<(&str, Cow<str>)> = vars.iter().enumerate().map(|(i, v)| (v.as_str(), Cow::Owned(format!("v{i}<&>")))).collect();
        assert_eq!(plain.text(&id, &cows), Some(fluent.text(&id, &args).0), "{id}");
    }
    assert_eq!(plain.text("no-such-message", &[]), None);
    assert_eq!(plain.text("returning", &[]).as_deref(), Some("Returning you to {$to}…"));
}
