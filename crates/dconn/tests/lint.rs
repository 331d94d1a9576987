//! `dconn lint`: its JSON lines, exit codes, and the per-code counts over the 1,154
//! public templates (pinned: a change in any rule shows here, and README's lint
//! section explains where the counts differ from dc-template-linter's).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

fn dconn() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dconn"))
}

fn templates() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/templates");
    assert!(p.is_dir(), "{} is missing", p.display());
    p
}

fn counts(args: &[&str]) -> (Option<i32>, BTreeMap<String, usize>, usize) {
    let started = std::time::Instant::now();
    let out = dconn().arg("lint").args(args).arg("--json").arg(templates()).output().unwrap();
    eprintln!("dconn lint {args:?} over the public templates: {:?}", started.elapsed());
    let mut by_code = BTreeMap::new();
    let mut files = std::collections::BTreeSet::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["code", "level", "message", "path", "template"], "{line}");
        assert!(matches!(v["level"].as_str(), Some("info" | "warn" | "error")), "{line}");
        *by_code.entry(v["code"].as_str().unwrap().to_string()).or_insert(0) += 1;
        files.insert(v["template"].as_str().unwrap().to_string());
    }
    (out.status.code(), by_code, files.len())
}

fn pinned(list: &[(&str, usize)]) -> BTreeMap<String, usize> {
    list.iter().map(|(c, n)| (c.to_string(), *n)).collect()
}

const COMMON: [(&str, usize); 17] = [
    ("DCTL1005", 2),
    ("DCTL1008", 93),
    ("DCTL1014", 19),
    ("DCTL1016", 14),
    ("DCTL1021", 287),
    ("DCTL1025", 9),
    ("DCTL1026", 305),
    ("DCTL1028", 9),
    ("DCTL1029", 70),
    ("DCTL1031", 71),
    ("DCTL1032", 3),
    ("DCTL1033", 1),
    ("DCTL1037", 25),
    ("DCTL1038", 36),
    ("DCTL1039", 8),
    ("DCX001", 1),
    ("DCX008", 59),
];

#[test]
fn the_public_templates_give_the_pinned_counts() {
    let (code, by_code, files) = counts(&[]);
    assert_eq!(code, Some(1), "some templates have errors");
    assert_eq!(by_code, pinned(&COMMON));
    assert_eq!(files, 523);
}

#[test]
fn the_cloudflare_profile_gives_the_pinned_counts() {
    let (_, by_code, files) = counts(&["--cloudflare"]);
    let mut expected: Vec<(&str, usize)> = COMMON.iter().copied().filter(|(c, _)| *c != "DCTL1038").collect();
    expected.extend([
        ("DCTL1038", 23),
        ("DCTL5000", 4),
        ("DCTL5001", 72),
        ("DCTL5002", 9),
        ("DCTL5003", 835),
        ("DCTL5004", 19),
        ("DCTL5005", 29),
        ("DCTL5006", 331),
        ("DCTL5007", 315),
        ("DCTL5008", 738),
        ("DCTL5009", 13),
        ("DCTL5011", 632),
    ]);
    assert_eq!(by_code, pinned(&expected));
    assert_eq!(files, 1066);
}

#[test]
fn a_broken_file_is_a_finding_and_the_next_file_is_still_checked() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lint-mixed");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.broken.json"), "{\"providerId\": ").unwrap();
    std::fs::copy(templates().join("google.com.gmail-setup.json"), dir.join("b.json")).unwrap();
    let out = dconn().args(["lint", "--json"]).arg(dir.join("a.broken.json")).arg(dir.join("b.json")).arg(dir.join("c.missing.json")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let seen: Vec<(&str, &str)> = lines.iter().map(|v| (v["template"].as_str().unwrap(), v["code"].as_str().unwrap())).collect();
    assert_eq!(seen.first(), Some(&("a.broken.json", "DCTL0003")));
    assert!(seen.contains(&("b.json", "DCTL1003")), "the next file is linted: {seen:?}");
    assert_eq!(seen.last(), Some(&("c.missing.json", "DCTL0001")));
}

#[test]
fn exit_codes_are_0_without_errors_and_2_on_bad_usage() {
    let out = dconn().args(["lint"]).arg(templates().join("google.com.gmail-setup.json")).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(dconn().args(["lint"]).output().unwrap().status.code(), Some(2));
    assert_eq!(dconn().args(["lint", "--no-such-flag", "x.json"]).output().unwrap().status.code(), Some(2));
}
