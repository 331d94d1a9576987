//! `json_path::at` names the same place as a tracking deserializer (serde_path_to_error)
//! for templates broken in many ways: a wrong type in every field of every record, a
//! missing required field, a truncated document.

use domain_connect::Template;
use serde_json::{json, Value};

fn tracked_path(text: &str) -> Option<String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Template>(de) {
        Ok(_) => None,
        Err(e) => Some(e.path().to_string()).map(|p| if p == "." { String::new() } else { p }),
    }
}

fn broken_variants(t: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let obj = t.as_object().unwrap();
    for key in obj.keys() {
        for bad in [json!(true), json!([1]), json!({"x": 1})] {
            let mut v = t.clone();
            v[key] = bad;
            out.push(v);
        }
    }
    for required in ["providerId", "serviceId", "records"] {
        let mut v = t.clone();
        v.as_object_mut().unwrap().remove(required);
        out.push(v);
    }
    for (i, r) in t["records"].as_array().unwrap().iter().enumerate() {
        for key in r.as_object().unwrap().keys() {
            for bad in [json!(true), json!([]), json!(null)] {
                let mut v = t.clone();
                v["records"][i][key] = bad;
                out.push(v);
            }
        }
        let mut v = t.clone();
        v["records"][i].as_object_mut().unwrap().remove("type");
        out.push(v);
    }
    out
}

#[test]
fn json_paths_match_a_tracking_deserializer() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/templates");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    let (mut compared, mut differ) = (0, Vec::new());
    for f in files.iter().step_by(10) {
        let Ok(t) = serde_json::from_str::<Value>(&std::fs::read_to_string(f).unwrap()) else { continue };
        if Template::from_json(&t.to_string()).is_err() {
            continue;
        }
        for v in broken_variants(&t) {
            for text in [serde_json::to_string_pretty(&v).unwrap(), v.to_string()] {
                let Some(expected) = tracked_path(&text) else { continue };
                let ours = Template::from_json(&text).unwrap_err().path;
                compared += 1;
                if ours != expected {
                    differ.push(format!("{}: ours {ours:?}, tracked {expected:?}", f.display()));
                }
            }
        }
    }
    assert!(compared > 1000, "only {compared} broken templates compared");
    assert!(differ.is_empty(), "{} of {compared} differ:\n{}", differ.len(), differ[..differ.len().min(20)].join("\n"));
}

#[test]
fn a_truncated_template_names_where_it_stops() {
    let e = Template::from_json("{\"providerId\": \"p\", \"serviceId\": \"s\", \"records\": [{\"type\": \"A\", \"host\": ").unwrap_err();
    assert_eq!(e.path, "records[0].host");
    assert!(e.message.contains("EOF"), "{}", e.message);
}
