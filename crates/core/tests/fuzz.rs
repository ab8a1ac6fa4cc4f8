//! Property-based fuzzing of the kiosk's parsers of outside input, the short run: 256 cases
//! each (`FUZZ_CASES` to change it). The long run is `cargo bench -p kiosk-core --bench fuzz`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "fuzz/props.rs"]
mod props;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn run(name: &str) {
    let property = props::ALL.iter().find(|p| p.name == name).unwrap();
    if let Err(failure) = (property.run)(cases()) {
        panic!("{name}: {failure}");
    }
}

#[test]
fn every_property_has_a_test() {
    let here = include_str!("fuzz.rs");
    for property in props::ALL {
        assert!(
            here.contains(&format!("run(\"{}\")", property.name)),
            "{} is not run by a test",
            property.name
        );
    }
}

#[test]
fn scanner_lines() {
    run("scanner_lines");
}

#[test]
fn booking_input_any_text() {
    run("booking_input_any_text");
}

#[test]
fn booking_code_round_trip() {
    run("booking_code_round_trip");
}

#[test]
fn typed_fields_any_text() {
    run("typed_fields_any_text");
}

#[test]
fn beid_tlv_any_bytes() {
    run("beid_tlv_any_bytes");
}

#[test]
fn beid_tlv_round_trip() {
    run("beid_tlv_round_trip");
}

#[test]
fn beid_files_from_fields() {
    run("beid_files_from_fields");
}

#[test]
fn apdu_responses() {
    run("apdu_responses");
}

#[test]
fn card_answers_anything() {
    run("card_answers_anything");
}

#[test]
fn config_any_text() {
    run("config_any_text");
}

#[test]
fn config_mutated() {
    run("config_mutated");
}
