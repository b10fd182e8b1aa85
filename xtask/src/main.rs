//! Project chores, run as `cargo xtask <task>`.
//!
//! - `ci`: what `.ci/run` runs: tests, formatting, lints, a smoke run.
//! - `data`: rebuilds the entity gazetteers from installed sources.

mod data;

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

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let ok = match task.as_str() {
        "ci" => ci(),
        "data" => data::data(),
        _ => {
            eprintln!("usage: cargo xtask <task>\n\ntasks:\n  ci     tests, fmt, clippy and a smoke run, as .ci/run does\n  data   rebuild the entity gazetteers (crates/crosscheck-entities/data)");
            return ExitCode::from(2);
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
