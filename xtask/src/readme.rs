//! The README, run: every command in its fenced `sh` blocks runs, from the repository's
//! root as a newcomer would type it, and must succeed. `cargo xtask test` is the run
//! itself; `cargo xtask serve` is started, must answer at http://127.0.0.1:8080/ with
//! the page, and is stopped. A command the tests cannot run says so on its line, with
//! `# not run by the tests: <why>`. Files the commands write are removed afterwards.

use crate::root;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOT_RUN: &str = "# not run by the tests: ";

/// The commands of the fenced `sh` blocks: continuation lines joined, comment lines dropped.
pub fn commands(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_sh = false;
    let mut pending = String::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = !in_sh && line.trim() == "```sh";
            continue;
        }
        let l = line.trim();
        if !in_sh || (pending.is_empty() && (l.is_empty() || l.starts_with('#'))) {
            continue;
        }
        match l.strip_suffix('\\') {
            Some(head) => pending += head,
            None => {
                out.push(format!("{pending}{l}"));
                pending.clear();
            }
        }
    }
    out
}

fn serve_answers() -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    // In a process group of its own, so that cargo and the server it starts stop together.
    let mut child =
        Command::new("bash").args(["-c", "cargo xtask serve"]).current_dir(root()).stdout(Stdio::null()).process_group(0).spawn().map_err(|e| e.to_string())?;
    let until = Instant::now() + Duration::from_secs(600);
    let result = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break Err(format!("`cargo xtask serve` exited with {status}"));
        }
        if let Ok((200, body)) = crate::servers::http("GET", "http://127.0.0.1:8080/", "", "") {
            break if body.contains("/boot.js") { Ok(()) } else { Err(format!("http://127.0.0.1:8080/ is not the app: {body}")) };
        }
        if Instant::now() > until {
            break Err("`cargo xtask serve` did not answer at http://127.0.0.1:8080/ within 10 minutes".into());
        }
        std::thread::sleep(Duration::from_millis(500));
    };
    let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", child.id())]).status();
    let _ = child.wait();
    result
}

fn entries() -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(root()).map(|d| d.filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned())).collect()).unwrap_or_default();
    v.sort();
    v
}

/// Run every README command; the first failure stops the run.
pub fn run_all() -> Result<(), String> {
    let readme = std::fs::read_to_string(root().join("README.md")).map_err(|e| e.to_string())?;
    let before = entries();
    let mut result = Ok(());
    for cmd in commands(&readme) {
        let plain = cmd.split(" #").next().unwrap_or(&cmd).trim();
        if let Some((_, why)) = cmd.split_once(NOT_RUN) {
            eprintln!("xtask: README: not run: {plain} ({why})");
            continue;
        }
        eprintln!("xtask: README: {plain}");
        let r = match plain {
            "cargo xtask test" => Ok(()),
            "cargo xtask serve" => serve_answers(),
            _ => {
                let out = Command::new("bash").args(["-o", "pipefail", "-c", &cmd]).current_dir(root()).output().map_err(|e| e.to_string())?;
                if out.status.success() {
                    Ok(())
                } else {
                    Err(format!(
                        "README command failed ({}): {cmd}\n{}{}",
                        out.status,
                        String::from_utf8_lossy(&out.stdout),
                        String::from_utf8_lossy(&out.stderr)
                    ))
                }
            }
        };
        if r.is_err() {
            result = r;
            break;
        }
    }
    for name in entries().into_iter().filter(|n| !before.contains(n)) {
        let _ = std::fs::remove_file(root().join(&name));
    }
    result
}

#[cfg(test)]
mod tests {
    #[test]
    fn commands_are_lines_of_sh_blocks_with_continuations_joined() {
        let md = "text\n```sh\n# a comment\ncargo a \\\n    --b c   # note\n\nls\n```\n```json\n{}\n```\n```sh\necho x # not run by the tests: because\n```\n";
        assert_eq!(super::commands(md), ["cargo a --b c   # note", "ls", "echo x # not run by the tests: because"]);
    }
}
