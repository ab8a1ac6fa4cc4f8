#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The kill -9 soak, long: `cargo bench --bench soak` kills the kiosk 200 times, then the
//! backend 200 times, then cuts the network around 200 residents, and prints the figures.
//! `SOAK_KILLS=N` changes the count, `SOAK_SEED=S` replays a run (the seed is printed).
//! Needs emupos (`sudo tests/tools/emupos-up`) and the packages of tests/tools/packages.

#[path = "../tests/soak_harness/mod.rs"]
mod soak_harness;
#[path = "../tests/support/mod.rs"]
mod support;

use std::process::ExitCode;

fn main() -> ExitCode {
    if soak_harness::backend_role() {
        return ExitCode::SUCCESS;
    }
    let env = |name: &str| std::env::var(name).ok().and_then(|s| s.parse().ok());
    let seed = env("SOAK_SEED").unwrap_or_else(|| jiff::Timestamp::now().as_second() as u64);
    let kills = env("SOAK_KILLS").map_or(200, |k: u64| k as usize);
    let report = soak_harness::run(&soak_harness::Plan { seed, kills });
    println!("{report}");
    if report.is_clean() {
        ExitCode::SUCCESS
    } else {
        println!("a promise broke: rerun with SOAK_SEED={seed}");
        ExitCode::FAILURE
    }
}
