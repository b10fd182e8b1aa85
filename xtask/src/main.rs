//! Project chores, run as `cargo xtask <task>`.
//!
//! - `ci`: what `.ci/run` runs: tests, formatting, lints, a smoke run.
//! - `corpus`: a deterministic generator of business-news documents.
//! - `bench`: stage benches, end-to-end speed, memory and scaling, spaCy as a peer.
//! - `fuzz`: every cargo-fuzz target in the repo for a set time each.
//! - `profile`: per-stage shares of end-to-end time under perf.
//! - `score-report`: a report's precision and recall against a generated
//!   corpus's answer key.
//! - `data`: rebuilds the entity gazetteers from installed sources.

mod bench;
mod corpus;
mod data;
mod fuzz;
mod profile;
mod rng;
mod score;

use std::process::{Command, ExitCode};

fn cargo(args: &[&str]) -> bool {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("$ cargo {}", args.join(" "));
    Command::new(cargo)
        .args(args)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn ci() -> bool {
    cargo(&["fmt", "--all", "--check"])
        && cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ])
        && cargo(&["test", "--workspace", "--locked"])
        && cargo(&[
            "run",
            "--release",
            "--locked",
            "--",
            "analyze",
            "fixtures/",
            "--no-cache",
        ])
}

/// Prints a task's error and turns it into success or failure.
fn done(r: Result<(), String>) -> bool {
    match r {
        Ok(()) => true,
        Err(e) => {
            eprintln!("xtask: {e}");
            false
        }
    }
}

const USAGE: &str = "usage: cargo xtask <task> [args]

tasks:
  ci       tests, fmt, clippy and a smoke run, as .ci/run does
  corpus   generate a deterministic business-news corpus (--help)
  bench    stage benches, end-to-end speed/memory/scaling, spaCy peer (--help)
  fuzz     run every cargo-fuzz target for a set time (--help)
  profile  where end-to-end time goes, per stage, under perf (--help)
  score-report  a report's precision and recall on a generated corpus (--help)
  data     rebuild the entity gazetteers (crates/crosscheck-entities/data)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().cloned().unwrap_or_default();
    let rest = args.get(1..).unwrap_or(&[]);
    let ok = match task.as_str() {
        "ci" => ci(),
        "corpus" => done(corpus::cmd(rest)),
        "bench" => done(bench::cmd(rest)),
        "fuzz" => done(fuzz::cmd(rest)),
        "profile" => done(profile::cmd(rest)),
        "score-report" => done(score::cmd(rest)),
        "data" => data::data(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
