//! The workbench's editor feedback: where the JSON breaks, and what lint finds.

use domain_connect::lint::{Finding, Level};
use domain_connect::template::TemplateError;
use leptos::prelude::*;

/// The template's JSON does not load: where (JSON path, and the line and column the
/// parser gives) and why.
#[component]
pub fn ParseError(error: TemplateError) -> impl IntoView {
    let place = if error.path.is_empty() { "The template".to_string() } else { format!("At {}", error.path) };
    view! {
        <div class="problem" role="alert" data-testid="parse-error">
            <p><strong>{place}</strong>": "<span class="mono">{error.message}</span></p>
            <p>"Nothing below is computed until the template loads."</p>
        </div>
    }
}

/// Lint's findings, errors first, each with how to fix it.
#[component]
pub fn Findings(findings: Vec<Finding>) -> impl IntoView {
    let mut findings = findings;
    findings.sort_by_key(|f| std::cmp::Reverse(f.level));
    let count = |l: Level| findings.iter().filter(|f| f.level == l).count();
    let summary = match findings.len() {
        0 => "No findings: every dc-template-linter rule and the draft's checks pass.".to_string(),
        n => format!("{n} finding(s): {} error(s), {} warning(s), {} note(s).", count(Level::Error), count(Level::Warn), count(Level::Info)),
    };
    view! {
        <section class="lint" data-testid="lint" aria-labelledby="lint-title">
            <h2 id="lint-title">"Lint"</h2>
            <p data-testid="lint-summary">{summary}</p>
            <ul class="findings">
                {findings.into_iter().map(|f| {
                    let class = format!("finding {}", f.level.as_str());
                    let at = if f.path.is_empty() { String::new() } else { format!(" at {}", f.path) };
                    view! {
                        <li class=class>
                            <span class="level">{f.level.as_str()}</span>" "
                            <span class="mono">{f.code}</span>{at}": "{f.message}
                            <br/><span class="fix">{f.fix}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
