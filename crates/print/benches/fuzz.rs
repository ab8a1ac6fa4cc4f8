#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Property-based fuzzing of the printer's status replies, the long run:
//! `FUZZ_CASES=200000 cargo bench -p kiosk-print --bench fuzz [NAME...]` (default 20,000 cases
//! per property). Prints cases per second for each; exits 1 if a property fails, with the
//! shrunk input. The same properties run 256 cases each in `tests/fuzz.rs`.

#[path = "../tests/fuzz/props.rs"]
mod props;

use std::time::Instant;

fn main() {
    let cases: u32 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    // `cargo bench` passes `--bench`; other arguments pick properties by name.
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut failed = false;
    for property in props::ALL {
        if !wanted.is_empty() && !wanted.iter().any(|w| property.name.contains(w.as_str())) {
            continue;
        }
        let started = Instant::now();
        let result = (property.run)(cases);
        let seconds = started.elapsed().as_secs_f64();
        let rate = f64::from(cases) / seconds.max(1e-9);
        match result {
            Ok(()) => println!(
                "{:<26} {cases:>9} cases {seconds:>8.2} s {rate:>10.0} cases/s",
                property.name
            ),
            Err(failure) => {
                failed = true;
                println!(
                    "{:<26} FAILED after {seconds:.2} s: {failure}",
                    property.name
                );
            }
        }
    }
    std::process::exit(i32::from(failed));
}
