//! `dconn` — the command-line twin of the Domain Connect core.
//!
//! Argument parsing, file reading and JSON printing only; every protocol rule lives in
//! the `domain-connect` crate.

#[macro_use]
mod io;
mod apply_cmd;
mod conformance;
mod lint_cmd;
mod replay_cmd;
mod sign_cmd;
mod verify_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dconn", version, about = "Domain Connect on the command line: apply templates, run compliance suites, verify and sign apply URLs.", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Apply a template to a zone and print the change set and final zone as JSON.
    ///
    /// Example: dconn apply --template t.json --zone zone.json --domain example.com --host www IP=192.0.2.1
    ///
    /// Prints {"new_count", "delete_count", "records", "changes"}; on a rejected input
    /// prints {"exception", "message"} and exits 2. The signature is not checked here
    /// (use `dconn verify`). With `--emit powerdns|cloudflare` it prints instead the
    /// request a DNS provider's backend sends to apply the change set:
    /// {"emit", "requests": [{"method", "url", "headers", "body"}]}, credentials redacted.
    Apply(apply_cmd::ApplyArgs),
    /// Run compliance suites (the reference engine's YAML format) and report.
    ///
    /// Example: dconn conformance --templates ../shared/conformance/templates ../shared/conformance/*.yaml
    ///
    /// Prints each failing case with expected and actual, ends with "N passed, N failed",
    /// exits 1 if any case failed, 2 if a suite could not be read.
    Conformance(conformance::ConformanceArgs),
    /// Verify an apply URL's signature and print the verdict with its steps.
    ///
    /// Example: dconn verify --url 'https://…/apply?domain=…&sig=…&key=_dck1' --template t.json --txt key.txt [--zone zone.json]
    ///
    /// Prints the signature report ({"verdict", "reason", "key_host", "steps", …}) and the
    /// rest of the core's review: "decision" {"may_apply", "refusals"}, "flags",
    /// "return_to", "proxy", "changes" (against --zone, or an empty zone).
    /// Exits 0 when the request may be applied, 1 when it is refused (an invalid or
    /// missing signature, syncBlock, hostRequired, another template, a control
    /// character, a refused redirect_uri…), 2 on bad input ({"error", "message"}).
    Verify(sign_cmd::VerifyArgs),
    /// Sign an apply URL (for testing and for template authors) and print it.
    ///
    /// Example: dconn sign --url 'https://…/apply?domain=example.com&IP=192.0.2.1' --key private.pem --key-host _dck1
    Sign(sign_cmd::SignArgs),
    /// Generate an RSA-2048 key: prints the private key PEM and the TXT records to
    /// publish, or with --private and --txt writes each to its file and prints
    /// {"private", "txt", "records"}.
    ///
    /// Example: dconn keygen --private private.pem --txt key.txt
    Keygen(sign_cmd::KeygenArgs),
    /// Lint templates: every dc-template-linter rule (same codes and levels) and the
    /// IETF draft's checks (DCX…).
    ///
    /// Example: dconn lint --json ../shared/templates
    ///
    /// Prints each finding (with --json one object per line: {"template", "code",
    /// "level", "path", "message"}); exits 1 when any finding is an error, 0 otherwise,
    /// 2 on bad usage. A file that cannot be read or parsed is a finding; the others are
    /// still checked.
    Lint(lint_cmd::LintArgs),
    /// Diagnose a reported apply request step by step, as the /replay page does.
    ///
    /// Example: dconn replay --url 'https://…/apply?domain=…&sig=…&key=_dck1' --template t.json --txt key.txt --zone zone.txt
    ///
    /// Steps: url, template, variables, key_host, key, signature, redirect_uri, changes,
    /// each ok, warn or fail with what was found. With --json prints {"decision",
    /// "steps": [{"id", "status", "title", "detail"}]}. Exits 0 for ok or warn, 1 for
    /// fail (a malformed URL or template is a failing diagnosis), 2 for bad usage or an
    /// unreadable file.
    Replay(replay_cmd::ReplayArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Apply(a) => apply_cmd::run(a),
        Command::Conformance(a) => conformance::run(a),
        Command::Verify(a) => sign_cmd::verify(a),
        Command::Sign(a) => sign_cmd::sign(a),
        Command::Keygen(a) => sign_cmd::keygen(a),
        Command::Lint(a) => lint_cmd::run(a),
        Command::Replay(a) => replay_cmd::run(a),
    }
}
