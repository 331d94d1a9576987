use super::*;

fn codes(text: &str, options: Options) -> Vec<&'static str> {
    lint(text, options).into_iter().map(|f| f.code).collect()
}

const GOOD: &str = r#"{"providerId": "example.com", "providerName": "Example", "serviceId": "web", "serviceName": "Web",
  "version": 1, "syncPubKeyDomain": "keys.example.com", "logoUrl": "https://example.com/logo.svg",
  "records": [{"type": "A", "host": "@", "pointsTo": "%ip%", "ttl": 3600}, {"type": "CNAME", "host": "www", "pointsTo": "@", "ttl": 3600}]}"#;

#[test]
fn a_clean_template_has_no_findings() {
    assert_eq!(lint(GOOD, Options::default()), vec![]);
}

#[test]
fn broken_json_is_one_finding_with_its_place() {
    let f = lint("{\"providerId\": \"a\",\n \"records\": [}", Options::default());
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].code, f[0].level), ("DCTL0003", Level::Error));
    assert!(f[0].message.contains("line 2"), "{}", f[0].message);
}

#[test]
fn each_rule_fires_on_what_it_names() {
    let cases: &[(&str, &str)] = &[
        (r#""providerId": "exa mple.com""#, "DCTL1002"),
        (r#""shared": true"#, "DCTL1007"),
        (r#""serviceName": "%svc%""#, "DCTL1009"),
        (r#""syncRedirectDomain": "a.example, b.example""#, "DCTL1026"),
        (r#""syncPubKeyDomain": "localhost""#, "DCTL1022"),
        (r#""warnPhishing": true"#, "DCTL1028"),
        (r#""hostRequired": true"#, "DCTL1037"),
        (r#""templateSpecVersion": 2"#, "DCX005"),
        (r#""crit": ["vnd.example.thing"], "vnd.example.thing": 1"#, "DCX006"),
        (r#""vnd.Example-1": 1"#, "DCX007"),
        (r#""color": "blue""#, "DCTL0003"),
    ];
    for (field, code) in cases {
        let mut t: serde_json::Value = serde_json::from_str(GOOD).unwrap();
        let change: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&format!("{{{field}}}")).unwrap();
        t.as_object_mut().unwrap().extend(change);
        let got = codes(&t.to_string(), Options::default());
        assert!(got.contains(code), "{field} → {got:?}");
    }
}

fn with_record(record: &str) -> Vec<&'static str> {
    codes(&GOOD.replace(r#"{"type": "CNAME", "host": "www", "pointsTo": "@", "ttl": 3600}"#, record), Options::default())
}

#[test]
fn record_rules() {
    let cases: &[(&str, &str)] = &[
        (r#"{"type": "CNAME", "host": "@", "pointsTo": "x.example."}"#, "DCTL1012"),
        (r#"{"type": "TXT", "host": "", "data": "x"}"#, "DCTL1013"),
        (r#"{"type": "TXT", "host": "@", "data": "v=spf1 include:x ~all"}"#, "DCTL1014"),
        (r#"{"type": "MX", "host": "@", "pointsTo": "mx", "priority": "high"}"#, "DCTL1015"),
        (r#"{"type": "SRV", "host": "@", "service": "_sip", "protocol": "_xyz", "priority": 1, "weight": 1, "port": 99999, "target": "t"}"#, "DCTL1015"),
        (r#"{"type": "CAA", "host": "@", "data": "0 issue \"ca.example\""}"#, "DCTL1016"),
        (r#"{"type": "SPFM", "host": "@", "spfRules": "v=spf1 include:x"}"#, "DCTL1017"),
        (r#"{"type": "SPFM", "host": "@", "spfRules": "redirect=a redirect=b"}"#, "DCTL1018"),
        (r#"{"type": "TXT", "host": "@", "data": "%a b%"}"#, "DCTL1019"),
        (r#"{"type": "TXT", "host": "@", "data": "%open"}"#, "DCTL1020"),
        (r#"{"type": "TXT", "host": "_foo", "data": "x"}"#, "DCTL1021"),
        (r#"{"type": "A", "host": "_dmarc", "pointsTo": "192.0.2.1"}"#, "DCTL1021"),
        (r#"{"type": "A", "host": "@", "pointsTo": "%ip%", "ttl": 3600}"#, "DCTL1023"),
        (r#"{"type": "TXT", "host": "@", "data": "%host%"}"#, "DCTL1024"),
        (r#"{"type": "TXT", "host": "my_host", "data": "x"}"#, "DCTL1025"),
        (r#"{"type": "TXT", "host": "a b", "data": "x"}"#, "DCTL1027"),
        (r#"{"type": "A", "host": "x", "pointsTo": "not-an-ip"}"#, "DCTL1034"),
        (r#"{"type": "A", "host": "x", "pointsTo": "2001:db8::1"}"#, "DCTL1035"),
        (r#"{"type": "AAAA", "host": "x", "pointsTo": "192.0.2.1"}"#, "DCTL1036"),
        (r#"{"type": "REDIR301", "host": "x", "target": "https://example.com"}"#, "DCTL1038"),
        (r#"{"type": "CNAME", "host": "x", "pointsTo": "y", "data": "z"}"#, "DCTL0009"),
        (r#"{"type": "MX", "host": "@", "priority": 1}"#, "DCTL0008"),
        (r#"{"type": "A", "host": "@", "pointsTo": "192.0.2.1", "ttl": 600}"#, "DCX004"),
        (r#"{"type": "TXT", "host": "@", "data": "%redirect_uri%"}"#, "DCX001"),
        (r#"{"type": "TXT", "host": "@", "data": "x", "essential": "Sometimes"}"#, "DCTL1005"),
    ];
    for (record, code) in cases {
        let got = with_record(record);
        assert!(got.contains(code), "{record} → {got:?}");
    }
    // An underscored name with a type its registration allows is fine.
    assert!(!with_record(r#"{"type": "TXT", "host": "_dmarc", "data": "v=DMARC1; p=none"}"#).contains(&"DCTL1021"));
    assert!(!with_record(r#"{"type": "CNAME", "host": "_domainkey", "pointsTo": "k.example."}"#).contains(&"DCTL1021"));
}

#[test]
fn the_cloudflare_profile_adds_its_rules_and_replaces_two() {
    let t = GOOD.replace(r#""version": 1"#, r#""version": 1, "multiInstance": true, "syncBlock": true"#).replace(
        r#"{"type": "CNAME", "host": "www", "pointsTo": "@", "ttl": 3600}"#,
        r#"{"type": "CNAME", "host": "@", "pointsTo": "x.example.", "ttl": 0}, {"type": "APEXCNAME", "host": "@", "pointsTo": "y.example."}"#,
    );
    let cf = codes(&t, Options { cloudflare: true });
    for code in ["DCTL5000", "DCTL5004", "DCTL5007", "DCTL5009", "DCTL5010"] {
        assert!(cf.contains(&code), "{code}: {cf:?}");
    }
    assert!(!cf.contains(&"DCTL1012") && !cf.contains(&"DCTL1038"), "{cf:?}");
    let plain = codes(&t, Options::default());
    assert!(plain.contains(&"DCTL1012") && plain.contains(&"DCTL1038") && !plain.iter().any(|c| c.starts_with("DCTL50")), "{plain:?}");
}

#[test]
fn files_are_checked_one_by_one_and_duplicates_across_them_found() {
    let mut l = Linter::new(Options::default());
    assert_eq!(l.lint(Some("example.com.web.json"), GOOD), vec![]);
    assert_eq!(l.lint(Some("broken.json"), "{")[0].code, "DCTL0003");
    let again: Vec<_> = l.lint(Some("copy.json"), GOOD).into_iter().map(|f| f.code).collect();
    assert_eq!(again, ["DCTL1003", "DCTL1004"]);
}

#[test]
fn every_code_the_linter_emits_is_in_the_catalogue() {
    for file in [include_str!("../lint.rs"), include_str!("records.rs"), include_str!("draft.rs"), include_str!("names.rs")] {
        for (at, _) in file.match_indices("\"DC") {
            let code: String = file[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if code.len() >= 6 && code != "DCTL" {
                assert!(RULES.iter().any(|r| r.code == code), "{code} is not in RULES");
            }
        }
    }
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    codes.dedup();
    assert_eq!(codes.len(), RULES.len());
}
