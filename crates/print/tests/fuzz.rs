//! Property-based fuzzing of the printer's status replies, the short run: 256 cases each
//! (`FUZZ_CASES` to change it). The long run is `cargo bench -p kiosk-print --bench fuzz`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "fuzz/props.rs"]
mod props;

fn run(name: &str) {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    let property = props::ALL.iter().find(|p| p.name == name).unwrap();
    if let Err(failure) = (property.run)(cases) {
        panic!("{name}: {failure}");
    }
}

#[test]
fn status_replies_over_tcp() {
    run("status_replies_over_tcp");
}

#[test]
fn status_bytes_decoded() {
    run("status_bytes_decoded");
}
