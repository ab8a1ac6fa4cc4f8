//! Round trips, exit codes, and what a refused import leaves behind.

use crate::{Db, backend, backend_at, demo_with, stderr, stdout};

#[test]
fn the_demo_database_exports_exactly_the_demo_file_and_imports_it_back_unchanged() {
    let db = Db::seeded();
    let first = db.export();
    assert_eq!(
        first,
        kiosk_backend::catalogue_file::DEMO,
        "seeding went through the import: the export is the demo file"
    );
    let file = db.write("exported.toml", &first);
    let out = db.import(&file);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out)
            .contains("2 locations, 4 desks, 6 queue services, 9 products, 12 certificate types"),
        "{}",
        stdout(&out)
    );
    assert_eq!(db.export(), first, "export -> import -> export");
}

#[test]
fn export_to_a_file_writes_the_same_text_as_to_stdout() {
    let db = Db::seeded();
    let path = db.dir.path().join("catalogue.toml");
    let out = backend(&[
        "catalogue",
        "export",
        "--db",
        db.arg(),
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), db.export());
}

#[test]
fn an_edited_file_changes_the_catalogue_and_exit_code_zero_says_so() {
    let db = Db::seeded();
    let edited = demo_with(
        "duration_min = 30\nextra_min_per_person = 0\nmax_persons = 2",
        "duration_min = 45\nextra_min_per_person = 0\nmax_persons = 2",
    );
    let file = db.write("longer-marriage.toml", &edited);
    let out = db.import(&file);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("imported"), "{}", stdout(&out));
    assert_eq!(db.export(), edited);
}

#[test]
fn a_refused_file_exits_non_zero_and_leaves_the_catalogue_as_it_was() {
    let db = Db::seeded();
    let before = db.export();
    // One good change (a longer appointment) beside one mistake: nothing of it may land.
    let broken = demo_with("duration_min = 15", "duration_min = 20").replacen(
        "prefix = \"B\"",
        "prefix = \"A\"",
        1,
    );
    let file = db.write("broken.toml", &broken);
    let out = db.import(&file);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("queue_service.prefix"), "{err}");
    assert!(err.contains("\"A\" is used twice"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert_eq!(db.export(), before, "a refused file changes nothing");
}

#[test]
fn removing_a_product_with_bookings_ahead_is_refused_with_their_number() {
    let db = Db::seeded();
    let before = db.export();
    let demo = kiosk_backend::catalogue_file::DEMO;
    let start = demo.find("[[product]]\nid = \"passport\"").unwrap();
    let end = start + demo[start + 1..].find("\n[[").unwrap() + 1;
    let without = format!("{}{}", &demo[..start], &demo[end + 1..]);
    let file = db.write("no-passport.toml", &without);
    let out = db.import(&file);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let line = err
        .lines()
        .find(|l| l.contains("product \"passport\" is missing"))
        .unwrap_or_else(|| panic!("{err}"));
    // The demo seeded bookings for the four weeks after 20 January: some are passports.
    let ahead: u64 = line
        .split(" from now on")
        .next()
        .and_then(|s| s.rsplit('(').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no count in {line}"));
    assert!(ahead > 0, "{line}");
    assert!(
        line.contains("locations = []"),
        "says how to stop its bookings: {line}"
    );
    assert_eq!(db.export(), before);
}

#[test]
fn withdrawing_a_product_from_a_location_with_bookings_ahead_names_the_line() {
    let db = Db::seeded();
    let demo = kiosk_backend::catalogue_file::DEMO;
    let product = demo.find("id = \"eid-application\"").unwrap();
    let edited = format!(
        "{}{}",
        &demo[..product],
        demo[product..].replacen(
            "locations = [\"branch-kiezel\", \"town-hall\"]",
            "locations = [\"town-hall\"]",
            1
        )
    );
    let file = db.write("town-hall-only.toml", &edited);
    let out = db.import(&file);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let product_line = demo[..product].lines().count();
    assert!(
        err.contains(&format!(
            "town-hall-only.toml:{product_line}: product.locations"
        )),
        "{err}"
    );
    assert!(
        err.contains("no longer offered at \"branch-kiezel\""),
        "{err}"
    );
}

#[test]
fn after_its_last_appointment_a_product_can_be_withdrawn_but_not_removed() {
    let db = Db::seeded();
    let withdrawn = demo_with(
        "queue_service = \"travel\"\nlocations = [\"town-hall\"]",
        "queue_service = \"travel\"\nlocations = []",
    );
    assert!(
        withdrawn.contains("id = \"passport\"\nname"),
        "the passport is the first travel product of the town hall only"
    );
    let file = db.write("withdrawn.toml", &withdrawn);
    let ahead = db.import(&file);
    assert_eq!(
        ahead.status.code(),
        Some(1),
        "bookings lie ahead on the seed day"
    );
    assert!(
        stderr(&ahead).contains("no longer offered at \"town-hall\""),
        "{}",
        stderr(&ahead)
    );

    // Two months later every demo booking is past: withdrawing is accepted, the product stays.
    let later = "2026-03-30T08:00:00+02:00";
    let file_arg = file.to_str().unwrap();
    let out = backend_at(later, &["catalogue", "import", "--db", db.arg(), file_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(db.export(), withdrawn);

    let demo = kiosk_backend::catalogue_file::DEMO;
    let start = demo.find("[[product]]\nid = \"passport\"").unwrap();
    let end = start + demo[start + 1..].find("\n[[").unwrap() + 1;
    let removed = format!("{}{}", &demo[..start], &demo[end + 1..]);
    let file = db.write("removed.toml", &removed);
    let out = backend_at(
        later,
        &[
            "catalogue",
            "import",
            "--db",
            db.arg(),
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("(0 from now on)"), "{}", stderr(&out));
    assert_eq!(
        db.export(),
        withdrawn,
        "the refused removal changed nothing"
    );
}

#[test]
fn a_missing_file_or_database_folder_is_a_message_not_a_panic() {
    let db = Db::seeded();
    let out = backend(&[
        "catalogue",
        "import",
        "--db",
        db.arg(),
        "/nonexistent/cat.toml",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("reading /nonexistent/cat.toml"),
        "{}",
        stderr(&out)
    );
    let out = backend(&["catalogue", "export", "--db", "/nonexistent/dir/db.sqlite"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn check_only_reports_and_writes_nothing() {
    let db = Db::seeded();
    let before = db.export();
    let edited = demo_with("daily_limit = 80", "daily_limit = 120");
    let file = db.write("limit.toml", &edited);
    let out = backend(&[
        "catalogue",
        "import",
        "--check",
        "--db",
        db.arg(),
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("checked, not applied"),
        "{}",
        stdout(&out)
    );
    assert_eq!(db.export(), before);
}
