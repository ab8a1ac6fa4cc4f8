//! A file with many mistakes: every one is reported, each with its line and a plain reason.

use crate::{Db, stderr};

const BROKEN: &str = r#"# A catalogue with one mistake of each kind.
[[location]]
id = "town-hall"
name = { nl = "Gemeentehuis", fr = "Maison communale", de = "Gemeindehaus", en = "Town hall" }
street = "Marktplein 1"
postal_code = "3599"
municipality = "Heidebeek"
timezone = "Europe/Brussels"
opening = "always"
hours = [
    { day = "monday", opens = "08:30", closes = "12:00" },
    { day = "monday", opens = "11:00", closes = "13:00" },
    { day = "tuesday", opens = "16:00", closes = "09:00" },
]

[[desk]]
location = "town-hal"
name = "Loket 1"

[[desk]]
location = "town-hall"
name = "Loket 2"
services = ["identity", "passports"]

[[queue_service]]
id = "identity"
prefix = "A"
name = { nl = "Identiteit", fr = "Identité", de = "Identität", en = "Identity" }

[[queue_service]]
id = "identity"
prefix = "B"
name = { nl = "Reizen", fr = "Voyages", de = "Reisen", en = "Travel" }

[[product]]
id = "eid"
name = { nl = "eID", fr = "eID", de = "eID", en = "eID" }
queue_service = "identity"
locations = ["town-hall", "branch"]
duration_min = -5
extra_min_per_person = 5
max_persons = "two"
arrive_before_min = 30
arrive_after_min = 10
customer_fields = ["name"]

[[product]]
id = "marriage"
name = { nl = "Huwelijk", fr = "Mariage", de = "Ehe", en = "Marriage" }
queue_service = "civil"
locations = ["town-hall"]
duration_min = 100000
extra_min_per_person = 0
max_persons = 2
arrive_before_min = 30
arrive_after_min = 10
customer_fields = ["name"]

[[certificate]]
code = "residence"
name = { nl = "Woonst", fr = "Résidence", de = "Wohnsitz", en = "Residence" }
delivery = "by pigeon"
needs_purpose = "no"

[[closure]]
date = 2026-13-01
locations = ["town-hall"]
reason = { nl = "x", fr = "x", de = "x", en = "x" }
"#;

fn line_of(needle: &str) -> usize {
    BROKEN
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in the file"))
        + 1
}

#[test]
fn every_mistake_is_reported_with_its_line_and_nothing_changes() {
    let db = Db::seeded();
    let before = db.export();
    let file = db.write("broken.toml", BROKEN);
    let out = db.import(&file);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // A TOML date 2026-13-01 is a syntax error: the parser's message alone, with its line.
    assert!(
        err.contains(&format!(
            "broken.toml:{}: not valid TOML",
            line_of("2026-13-01")
        )),
        "{err}"
    );
    assert_eq!(db.export(), before);

    // The same file with a date that parses but does not exist: now every other mistake shows.
    let broken = BROKEN.replace("date = 2026-13-01", "date = \"2026-02-30\"");
    let file = db.write("broken.toml", &broken);
    let out = db.import(&file);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let expected = [
        (line_of("opening = "), "location.opening: unknown key"),
        (
            line_of("opens = \"11:00\""),
            "monday 11:00-13:00 overlaps 08:30-12:00",
        ),
        (
            line_of("opens = \"16:00\""),
            "closes at 09:00 but opens at 16:00",
        ),
        (
            line_of("location = \"town-hal\""),
            "desk.location: no location has the id \"town-hal\"",
        ),
        (
            line_of("\"passports\""),
            "desk.services: no queue service has the id \"passports\"",
        ),
        (
            line_of("prefix = \"B\"") - 1,
            "queue_service.id: \"identity\" is used twice; it was already given on line",
        ),
        (
            line_of("duration_min = -5"),
            "product.duration_min: must be from 1 to 480 minutes; -5 is not",
        ),
        (
            line_of("max_persons = \"two\""),
            "product.max_persons: must be a whole number, not a string",
        ),
        (
            line_of("duration_min = 100000"),
            "must be from 1 to 480 minutes; 100000 is not",
        ),
        (
            line_of("delivery = \"by pigeon\""),
            "\"by pigeon\" is not a delivery",
        ),
        (
            line_of("needs_purpose = \"no\""),
            "certificate.needs_purpose: must be true or false, not a string",
        ),
        (
            line_of("2026-13-01"),
            "closure.date: must be a calendar date as YYYY-MM-DD",
        ),
    ];
    for (line, says) in expected {
        assert!(
            err.lines()
                .any(|l| l.contains(&format!("broken.toml:{line}: ")) && l.contains(says)),
            "line {line} should say {says:?}:\n{err}"
        );
    }
    // The products that failed their own checks are not checked against the rest: the
    // unknown queue service "civil" of a product whose duration is absurd comes on the next run.
    assert!(
        !err.contains("no location has the id \"town-hall\""),
        "a location with a mistake of its own is still known to its desks:\n{err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!(db.export(), before);
}

#[test]
fn references_of_well_formed_entries_are_all_reported() {
    let db = Db::seeded();
    let fixed = BROKEN
        .replace("date = 2026-13-01", "date = 2026-12-25")
        .replace("duration_min = -5", "duration_min = 5")
        .replace("max_persons = \"two\"", "max_persons = 2")
        .replace("duration_min = 100000", "duration_min = 30");
    let file = db.write("refs.toml", &fixed);
    let out = db.import(&file);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for (needle, says) in [
        (
            "\"branch\"]",
            "product.locations: no location has the id \"branch\"",
        ),
        (
            "queue_service = \"civil\"",
            "product.queue_service: no queue service has the id \"civil\"",
        ),
    ] {
        let line = fixed.lines().position(|l| l.contains(needle)).unwrap() + 1;
        assert!(
            err.contains(&format!("refs.toml:{line}: {says}")),
            "line {line} should say {says:?}:\n{err}"
        );
    }
}

#[test]
fn the_commented_example_in_packaging_imports_cleanly() {
    let example = include_str!("../../../../packaging/catalogue.example.toml");
    let parsed = kiosk_backend::catalogue_file::parse(example);
    assert!(parsed.is_ok(), "{:?}", parsed.err());
}
