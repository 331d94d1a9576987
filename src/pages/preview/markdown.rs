//! "Copy as Markdown": the template at the apex and at a host, as the template
//! repository asks of every pull request (reproducible test evidence), in one block.

use domain_connect::{ChangeSet, ZoneRecord};

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn row(sign: &str, r: &ZoneRecord, note: &str) -> String {
    let ttl = r.ttl.map(|t| t.to_string()).unwrap_or_default();
    let prio = r.priority.map(|p| format!("{p} ")).unwrap_or_default();
    format!("| {sign} | {} | {} | {}{} | {ttl} | {} |\n", cell(&r.rtype.to_string()), cell(&r.name), prio, cell(&r.data), cell(note))
}

/// One section: a heading naming where it was applied, then the added and removed
/// records (what stays is left out), or why it could not be applied.
pub fn section(title: &str, result: &Result<ChangeSet, String>) -> String {
    let mut out = format!("#### {title}\n\n");
    match result {
        Err(e) => out += &format!("Not applied: {}\n", cell(e)),
        Ok(cs) => {
            out += &format!("{} to add, {} to remove.\n\n", cs.new_count(), cs.delete_count());
            out += "| | type | name | data | TTL | why |\n|---|---|---|---|---|---|\n";
            for a in &cs.added {
                out += &row("+", &a.record, "");
            }
            for d in &cs.deleted {
                out += &row("−", &d.record, &d.explanation);
            }
        }
    }
    out + "\n"
}

/// The whole block: the template, the variables, then each section.
pub fn block(template: &str, vars: &str, sections: &[String]) -> String {
    let vars: Vec<String> = vars.lines().filter(|l| l.contains('=')).map(|l| format!("`{}`", l.trim())).collect();
    format!(
        "### Preview of `{template}`\n\nVariables: {}\n\n{}Computed by the Domain Connect workbench (the reference engine's rules).\n",
        if vars.is_empty() { "none".to_string() } else { vars.join(", ") },
        sections.concat()
    )
}
