//! Property-based fuzzing of the API through the real router, the short run: 256 cases each
//! (`FUZZ_CASES` to change it). The long run is `cargo bench -p kiosk-backend --bench fuzz`.
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
fn bodies_any_bytes() {
    run("bodies_any_bytes");
}

#[test]
fn bodies_any_json() {
    run("bodies_any_json");
}

#[test]
fn bodies_one_field_changed() {
    run("bodies_one_field_changed");
}

#[test]
fn eid_evidence_bytes_changed() {
    run("eid_evidence_bytes_changed");
}

#[test]
fn paths_any_segment() {
    run("paths_any_segment");
}

#[test]
fn queries_any() {
    run("queries_any");
}

#[test]
fn the_unchanged_bodies_reach_the_handlers() {
    let answers = props::templates_reach_the_handlers().unwrap();
    println!("{answers:?}");
    for (route, status) in &answers {
        let refused_by_handler = route.contains("certificate-requests")
            || route.contains("enrol")
            || route.contains("/v1/tickets ");
        if refused_by_handler {
            assert!(
                (403..=422).contains(status) && !route.ends_with(' '),
                "{route}: {status}"
            );
        } else {
            assert!((200..300).contains(status), "{route}: {status}");
        }
    }
}
