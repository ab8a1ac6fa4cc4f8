#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The kill -9 soak, short: 10 kiosk kills, 10 backend kills and 10 residents around network
//! cuts, so that CI proves the harness works. The long run is `cargo bench --bench soak`
//! (tests/soak_harness/mod.rs says what it checks).
//!
//! A plain `main` (`harness = false`): the backend is this program run again (see
//! `soak_harness::backend_role`), which the test harness's argument parsing would not allow.
//! Fails (does not skip) when emupos is not running: `sudo tests/tools/emupos-up`.

mod soak_harness;
mod support;

use std::process::ExitCode;

fn main() -> ExitCode {
    if soak_harness::backend_role() {
        return ExitCode::SUCCESS;
    }
    let seed = std::env::var("SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::from(std::process::id()));
    let report = soak_harness::run(&soak_harness::Plan { seed, kills: 10 });
    println!("{report}");
    if report.is_clean() && report.receipts > 0 {
        println!("kill -9 soak, short: every promise held ... ok");
        ExitCode::SUCCESS
    } else {
        println!("kill -9 soak, short ... FAILED (rerun with SOAK_SEED={seed})");
        ExitCode::FAILURE
    }
}
