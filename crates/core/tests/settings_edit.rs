//! Settings changed from the staff screen: on a real copy of the shipped kiosk.toml, comments and
//! layout stay, a wrong value is refused with the config check's reason and leaves the file as it
//! was, and a save that fails before the rename leaves the old file whole.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use kiosk_core::config::edit::backup_path;
use kiosk_core::config::{self, EditError, Reason, SettingsEdit, Unit};

const SHIPPED: &str = include_str!("../../../kiosk.toml");

/// The shipped file in a folder of its own, with the logo it names so that it checks clean.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets");
    std::fs::create_dir(folder.path().join("assets")).unwrap();
    std::fs::copy(
        assets.join("logo.svg"),
        folder.path().join("assets/logo.svg"),
    )
    .unwrap();
    let path = folder.path().join("kiosk.toml");
    std::fs::write(&path, SHIPPED).unwrap();
    (folder, path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_change_keeps_every_other_byte_and_a_backup_of_the_old_file() {
    let (_folder, path) = copy();
    let mut edit = SettingsEdit::open(&path).unwrap();
    assert_eq!(edit.current("kiosk.idle_timeout_s").as_deref(), Some("60"));
    edit.set("kiosk.idle_timeout_s", "90").unwrap();
    let loaded = edit.save().unwrap();
    assert_eq!(loaded.config.kiosk.idle_timeout.as_secs(), 90);

    let expected = SHIPPED.replacen("idle_timeout_s = 60", "idle_timeout_s = 90", 1);
    assert_eq!(read(&path), expected, "only the value changed");
    assert_eq!(read(&backup_path(&path)), SHIPPED);
    assert!(!path.with_file_name("kiosk.toml.new").exists());
    assert_eq!(
        config::load(&path)
            .unwrap()
            .config
            .kiosk
            .idle_timeout
            .as_secs(),
        90
    );
}

#[test]
fn lists_choices_and_optional_keys_are_written_in_place_or_at_their_table() {
    let (_folder, path) = copy();
    let mut edit = SettingsEdit::open(&path).unwrap();
    edit.set("kiosk.languages", "fr-BE, nl-BE").unwrap();
    edit.set("kiosk.default_language", "fr-BE").unwrap();
    edit.set("printer.ticket.paper_width_mm", "58").unwrap();
    edit.set("card_reader.mode", "none").unwrap();
    edit.set("card_reader.reader", "ACS").unwrap();
    edit.set("printer.ticket.path", "").unwrap();
    edit.set("printer.ticket.transport", "tcp").unwrap();
    edit.set("printer.ticket.host", "192.0.2.10").unwrap();
    let loaded = edit.save().unwrap().config;
    assert_eq!(loaded.kiosk.languages.len(), 2);
    assert_eq!(loaded.ticket_printer.paper_width_mm, 58);
    assert_eq!(
        loaded.ticket_printer.columns, 32,
        "columns follow the paper"
    );

    let text = read(&path);
    assert!(
        text.contains("languages = [\"fr-BE\", \"nl-BE\"]\n"),
        "{text}"
    );
    assert!(text.contains("default_language = \"fr-BE\"\n"));
    assert!(
        text.contains("paper_width_mm = 58\n") && text.contains("\ncolumns = 32\n"),
        "{text}"
    );
    assert!(text.contains("# reader = \"ACS\"\n"), "the comment stays");
    assert!(
        text.contains("demo_pin = \"1234\"\nreader = \"ACS\"\n"),
        "{text}"
    );
    assert!(!text.contains("path = \"tickets\""));
    assert!(
        text.contains("write_timeout_s = 5\nhost = \"192.0.2.10\"\n"),
        "{text}"
    );
    // Every comment line of the shipped file is still there, in order.
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(comments(&text), comments(SHIPPED));
}

#[test]
fn a_wrong_value_is_refused_with_the_check_configs_reason_and_nothing_is_written() {
    let (_folder, path) = copy();
    let mut edit = SettingsEdit::open(&path).unwrap();
    edit.set("kiosk.idle_timeout_s", "5").unwrap();
    let Err(EditError::Refused(error)) = edit.save() else {
        panic!("5 seconds must be refused");
    };
    assert_eq!(error.problems.len(), 1);
    assert_eq!(error.problems[0].key, "kiosk.idle_timeout_s");
    assert_eq!(
        error.problems[0].reason.to_string(),
        "5 is out of range: use 15 to 3600 seconds"
    );
    // The kind and its values, which the staff screen words in the clerk's language.
    assert_eq!(
        error.problems[0].reason,
        Reason::OutOfRange {
            value: 5,
            low: 15,
            high: 3600,
            unit: Unit::Seconds
        }
    );
    assert_eq!(read(&path), SHIPPED);
    assert!(!backup_path(&path).exists());

    // The same rule as `--check-config`: the default language must be offered.
    let mut edit = SettingsEdit::open(&path).unwrap();
    edit.set("kiosk.languages", "fr-BE").unwrap();
    let Err(EditError::Refused(error)) = edit.check() else {
        panic!("nl-BE is no longer offered");
    };
    assert_eq!(error.problems[0].key, "kiosk.default_language");
    assert_eq!(read(&path), SHIPPED);
}

#[test]
fn only_the_clerks_settings_and_values_of_their_kind_are_taken() {
    let (_folder, path) = copy();
    let mut edit = SettingsEdit::open(&path).unwrap();
    assert_eq!(
        edit.set("staff.pin", "0000"),
        Err(EditError::NotEditable("staff.pin".into()))
    );
    assert_eq!(
        edit.set("backend.url", "https://evil.example"),
        Err(EditError::NotEditable("backend.url".into()))
    );
    assert!(matches!(
        edit.set("kiosk.idle_timeout_s", "sixty"),
        Err(EditError::BadValue { .. })
    ));
    assert!(matches!(
        edit.set("card_reader.mode", "magic"),
        Err(EditError::BadValue { .. })
    ));
    assert_eq!(edit.text(), SHIPPED, "nothing refused reached the document");
}

#[test]
fn a_save_that_fails_before_the_rename_leaves_the_old_file_whole() {
    let (_folder, path) = copy();
    let mut edit = SettingsEdit::open(&path).unwrap();
    edit.set("kiosk.idle_timeout_s", "120").unwrap();
    let result = edit.save_with(|_, _| Err(std::io::Error::other("power cut")));
    assert!(
        matches!(result, Err(EditError::Io(ref e)) if e.contains("power cut")),
        "{result:?}"
    );
    assert_eq!(read(&path), SHIPPED);
    assert_eq!(read(&backup_path(&path)), SHIPPED);
    assert!(
        !path.with_file_name("kiosk.toml.new").exists(),
        "no leftover"
    );

    // After the failure the same edit saves fine.
    edit.save().unwrap();
    assert!(read(&path).contains("idle_timeout_s = 120\n"));
}

#[test]
fn a_file_changed_by_someone_else_meanwhile_is_not_overwritten() {
    let (_folder, path) = copy();
    let mut edit = SettingsEdit::open(&path).unwrap();
    edit.set("kiosk.idle_timeout_s", "120").unwrap();
    let by_it = SHIPPED.replacen("name = \"Inkomhal 1\"", "name = \"Inkomhal 2\"", 1);
    std::fs::write(&path, &by_it).unwrap();
    assert!(matches!(edit.save(), Err(EditError::Io(_))));
    assert_eq!(read(&path), by_it);
}

#[test]
fn the_saved_file_and_its_backup_keep_the_old_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (_folder, path) = copy();
    // IT may keep the file (it holds the staff PIN) from other users.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    // A leftover of a save cut short, readable by everyone.
    let leftover = path.with_file_name("kiosk.toml.new");
    std::fs::write(&leftover, "half").unwrap();
    std::fs::set_permissions(&leftover, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut edit = SettingsEdit::open(&path).unwrap();
    edit.set("kiosk.idle_timeout_s", "120").unwrap();
    edit.save_with(|from, to| {
        let mode = std::fs::metadata(from).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the new text before it is put in place");
        std::fs::rename(from, to)
    })
    .unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&backup_path(&path)), 0o600);
}

#[test]
fn the_default_language_choices_are_the_kiosks_languages() {
    // The list is written out (a const); a language added to the kiosk must be offered too.
    let Some(config::edit::Editable {
        kind: config::edit::Kind::Choice(choices),
        ..
    }) = config::edit::editable_key("kiosk.default_language")
    else {
        panic!("kiosk.default_language is a choice");
    };
    let tags: Vec<&str> = kiosk_core::i18n::Language::ALL
        .iter()
        .map(|language| language.tag())
        .collect();
    assert_eq!(choices.to_vec(), tags);
}
