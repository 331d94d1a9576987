//! `dconn conformance`: runs compliance suites in the reference engine's YAML format
//! (`suite_type: process_records` and `suite_type: apply_template`), exactly per the
//! contract in their headers.

use crate::io;
use clap::Args;
use domain_connect::record::{sort_canonical, ZoneRecord};
use domain_connect::{
    apply_template, process_records, ApplyError, ApplyRequest, ChangeSet, Dialect, Fault, Params, Problem, ProcessOptions, SignatureGate, TemplateRecord,
};
use serde_yaml_ng::Value;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct ConformanceArgs {
    /// Directory of `{providerId}.{serviceId}.json` templates for apply_template suites.
    #[arg(long)]
    templates: PathBuf,
    /// Directory of key TXT files named `{key host}.txt` (one TXT string per line), used
    /// to verify signed cases. Default: `exampleservice-keys` beside the templates'
    /// parent directory, if present.
    #[arg(long)]
    keys: Option<PathBuf>,
    /// Which engine behaviour to check: `reference` (default: the suites encode the
    /// reference engine, including its refusal of SRV at the apex) or `ours`.
    #[arg(long, default_value = "reference", value_parser = ["reference", "ours"])]
    dialect: String,
    /// Print every case, not only failures.
    #[arg(long, short)]
    verbose: bool,
    /// Suite files (YAML).
    #[arg(required = true)]
    suites: Vec<PathBuf>,
}

struct Outcome {
    passed: usize,
    failed: usize,
}

pub fn run(a: ConformanceArgs) -> ExitCode {
    let keys = a.keys.clone().or_else(|| {
        let guess = a.templates.parent()?.parent()?.join("exampleservice-keys");
        guess.is_dir().then_some(guess)
    });
    let mut total = Outcome { passed: 0, failed: 0 };
    let mut unreadable = false;
    for path in &a.suites {
        let suite = match io::read_limited(path).and_then(|b| serde_yaml_ng::from_slice::<Value>(&b).map_err(|e| format!("{}: {e}", path.display()))) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("error: {e}");
                unreadable = true;
                continue;
            }
        };
        let kind = suite.get("suite_type").and_then(Value::as_str).unwrap_or("");
        let Some(tests) = suite.get("tests").and_then(Value::as_sequence) else {
            eprintln!("error: {}: no `tests` list", path.display());
            unreadable = true;
            continue;
        };
        if kind != "process_records" && kind != "apply_template" {
            eprintln!("skipping {}: suite_type {kind:?} is not one this runner knows", path.display());
            continue;
        }
        for case in tests {
            let id = case.get("id").and_then(Value::as_str).unwrap_or("?").to_string();
            let dialect = if a.dialect == "ours" { Dialect::Ours } else { Dialect::Reference };
            let result = run_case(kind, case, &a.templates, keys.as_deref(), dialect);
            match result {
                Ok(()) => {
                    total.passed += 1;
                    if a.verbose {
                        outln!("ok   {id}");
                    }
                }
                Err(why) => {
                    total.failed += 1;
                    outln!("FAIL {id} ({})\n{}\n", path.display(), indent(&why));
                }
            }
        }
    }
    outln!("{} passed, {} failed", total.passed, total.failed);
    if unreadable {
        ExitCode::from(2)
    } else if total.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("     {l}")).collect::<Vec<_>>().join("\n")
}

fn to_json(v: &Value) -> Result<serde_json::Value, String> {
    serde_json::to_value(v).map_err(|e| e.to_string())
}

fn opt_str(v: Option<&Value>) -> Option<String> {
    match v {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(serde_yaml_ng::to_string(other).unwrap_or_default().trim().to_string()),
    }
}

fn records<T: serde::de::DeserializeOwned>(v: Option<&Value>, what: &str) -> Result<Vec<T>, String> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(v) => serde_json::from_value(to_json(v)?).map_err(|e| format!("{what}: {e}")),
    }
}

fn params(v: Option<&Value>) -> Params {
    let mut p = Params::new();
    if let Some(Value::Mapping(m)) = v {
        for (k, val) in m {
            let Some(k) = opt_str(Some(k)) else { continue };
            match val {
                Value::String(s) => p.insert(k, s.clone()),
                other => p.insert_non_text(k, serde_yaml_ng::to_string(other).unwrap_or_default().trim().to_string()),
            }
        }
    }
    p
}

fn run_case(kind: &str, case: &Value, templates: &Path, keys: Option<&Path>, dialect: Dialect) -> Result<(), String> {
    let input = case.get("input").ok_or("case has no input")?;
    let expect = case.get("expect").ok_or("case has no expect")?;
    let zone: Vec<ZoneRecord> = records(input.get("zone_records"), "zone_records")?;
    let params = params(input.get("params"));
    let group_ids: Vec<String> = match input.get("group_ids") {
        Some(Value::Sequence(s)) => s.iter().filter_map(|v| opt_str(Some(v))).collect(),
        _ => Vec::new(),
    };
    let flag = |k: &str| input.get(k).and_then(Value::as_bool).unwrap_or(false);
    let domain = opt_str(input.get("domain")).unwrap_or_default();
    let unique_id = opt_str(input.get("unique_id"));
    let mut normalise_random = false;

    let result: Result<ChangeSet, ApplyError> = if kind == "process_records" {
        let template_records: Vec<TemplateRecord> = records(input.get("template_records"), "template_records")?;
        let redirect: Option<Vec<TemplateRecord>> = match input.get("redirect_records") {
            None | Some(Value::Null) => None,
            v => Some(records(v, "redirect_records")?),
        };
        // The harness passes `input.get("host", "")`: absent means the apex, null stays null.
        let host = match input.get("host") {
            None => Some(String::new()),
            Some(Value::Null) => None,
            v => opt_str(v),
        };
        let provider_id = opt_str(input.get("provider_id"));
        let service_id = opt_str(input.get("service_id"));
        let opts = ProcessOptions {
            domain: &domain,
            host: host.as_deref(),
            params: Some(&params),
            group_ids: &group_ids,
            multi_aware: flag("multi_aware"),
            multi_instance: flag("multi_instance"),
            provider_id: provider_id.as_deref(),
            service_id: service_id.as_deref(),
            unique_id: unique_id.as_deref(),
            redirect_records: redirect.as_deref(),
            dialect,
        };
        process_records(&template_records, &zone, &opts)
    } else {
        let pid = opt_str(input.get("provider_id")).unwrap_or_default();
        let sid = opt_str(input.get("service_id")).unwrap_or_default();
        let file = templates.join(domain_connect::Template::file_name(&pid, &sid));
        let template = match io::read_template(&file) {
            Ok(t) => t,
            Err(e) => return check_outcome(expect, Err(ApplyError::InvalidTemplate(Fault::new(Problem::TemplateNotRead { reason: e }))), false, &zone),
        };
        let host = opt_str(input.get("host")).unwrap_or_default();
        let signature = if flag("ignore_signature") {
            SignatureGate::Ignore
        } else {
            crate::verify_cmd::gate_for_suite(
                &template,
                opt_str(input.get("qs")).as_deref(),
                opt_str(input.get("sig")).as_deref(),
                opt_str(input.get("key")).as_deref(),
                keys,
            )
        };
        let multi_aware = flag("multi_aware");
        let random;
        let uid = match (&unique_id, multi_aware) {
            (Some(u), _) => Some(u.as_str()),
            (None, true) => {
                normalise_random = true;
                random = uuid::Uuid::new_v4().to_string();
                Some(random.as_str())
            }
            _ => None,
        };
        let redirect = domain_connect::apply::reference_redirect_records();
        let req = ApplyRequest {
            domain: &domain,
            host: Some(&host),
            params: &params,
            group_ids: &group_ids,
            signature,
            multi_aware,
            unique_id: uid,
            redirect_records: Some(&redirect),
            provider_id: Some(&pid),
            service_id: Some(&sid),
            dialect,
        };
        apply_template(&template, &zone, &req)
    };
    check_outcome(expect, result, normalise_random, &zone)
}

fn check_outcome(expect: &Value, result: Result<ChangeSet, ApplyError>, normalise_random: bool, zone: &[ZoneRecord]) -> Result<(), String> {
    if let Some(exc) = opt_str(expect.get("exception")) {
        return match result {
            Err(e) if e.name() == exc => Ok(()),
            Err(e) => Err(format!("expected exception {exc}, got {}: {}", e.name(), e.message())),
            Ok(cs) => Err(format!("expected exception {exc}, got success: {} added, {} deleted", cs.new_count(), cs.delete_count())),
        };
    }
    let cs = result.map_err(|e| format!("expected success, got {}: {}", e.name(), e.message()))?;
    let mut problems = Vec::new();
    if let Some(n) = expect.get("new_count").and_then(Value::as_u64) {
        if cs.new_count() as u64 != n {
            problems.push(format!("new_count: expected {n}, got {}", cs.new_count()));
        }
    }
    if let Some(n) = expect.get("delete_count").and_then(Value::as_u64) {
        if cs.delete_count() as u64 != n {
            problems.push(format!("delete_count: expected {n}, got {}", cs.delete_count()));
        }
    }
    match expect.get("records") {
        None | Some(Value::Null) => {}
        Some(v) => {
            let mut expected: Vec<ZoneRecord> = records(Some(v), "expect.records")?;
            let mut actual = cs.final_zone(zone);
            if normalise_random {
                for r in &mut actual {
                    if let Some(dc) = &mut r.dc {
                        dc.id = Some("<test only: random>".into());
                    }
                }
            }
            sort_canonical(&mut expected);
            sort_canonical(&mut actual);
            if expected != actual {
                problems.push(format!(
                    "records differ\n  expected: {}\n  actual:   {}",
                    serde_json::to_string(&expected).unwrap_or_default(),
                    serde_json::to_string(&actual).unwrap_or_default()
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}
