//! The staff screen's settings, as staff use them: opened with the staff code, a setting
//! changed in its editor (number pad, choice list, keyboard with its symbols page), then "Save
//! and restart". The real kiosk.toml copied to a temporary folder is read and written by the
//! kiosk's own effects (their tasks run here on a tokio runtime), so what is asserted is the
//! file on disk, its backup and the program's end with the restart code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Duration;

use iced::Task;
use iced::futures::StreamExt;
use kiosk::app::Message;
use kiosk::screen::flow::Flow as _;
use kiosk::screen::{Screen, staff};
use kiosk::widget::keyboard::KeyboardMessage;
use kiosk_core::config;
use kiosk_core::config::edit::backup_path;
use kiosk_core::i18n::Language;
use support::{LANDSCAPE, PORTRAIT};

const SHIPPED: &str = include_str!("../kiosk.toml");

/// The kiosk started from a copy of the shipped kiosk.toml, with its tasks run to the end.
struct Staff {
    kiosk: support::Kiosk,
    runtime: tokio::runtime::Runtime,
    path: PathBuf,
    /// The program asked to end (iced's exit).
    exited: bool,
    _dir: tempfile::TempDir,
}

impl Staff {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.toml");
        std::fs::write(&path, SHIPPED).unwrap();
        // The shipped file names its logo relative to itself.
        std::fs::create_dir(dir.path().join("assets")).unwrap();
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/logo.svg"),
            dir.path().join("assets/logo.svg"),
        )
        .unwrap();
        let loaded = config::load(&path).unwrap();
        assert_eq!(
            loaded.config.source, path,
            "the UI knows the file it came from"
        );
        Self {
            kiosk: support::kiosk_with(loaded.config),
            runtime: support::runtime(),
            path,
            exited: false,
            _dir: dir,
        }
    }

    /// Five quick taps on the clock and the staff code, then "Settings", read from the file.
    fn open_settings(&mut self) {
        self.open_panel();
        self.open_settings_from_panel();
    }

    fn open_settings_from_panel(&mut self) {
        self.tap("Instellingen");
        assert_eq!(self.step(), Some(staff::Step::Settings));
        assert!(self.shows("Talen"), "the settings are listed once read");
    }

    fn open_panel(&mut self) {
        for _ in 0..5 {
            self.kiosk.clock.advance(Duration::from_millis(100));
            self.tap("10:30");
        }
        for key in ["2", "4", "6", "8", "Klaar"] {
            self.tap(key);
        }
        assert_eq!(self.step(), Some(staff::Step::Panel));
    }

    fn step(&self) -> Option<staff::Step> {
        match &self.kiosk.session().screen {
            Screen::Staff(panel) => Some(panel.step()),
            _ => None,
        }
    }

    /// Taps the widget showing `label` half a second after the last tap (the ghost-tap guard
    /// drops faster ones) and runs what it asks for.
    fn tap(&mut self, label: &str) {
        self.kiosk.clock.advance(Duration::from_millis(500));
        let messages: Vec<Message> = {
            let mut ui = self.kiosk.ui();
            ui.click(label)
                .unwrap_or_else(|e| panic!("cannot tap {label:?}: {e}"));
            ui.into_messages().collect()
        };
        assert!(!messages.is_empty(), "tapping {label:?} produced nothing");
        for message in messages {
            self.send(message);
        }
    }

    fn taps(&mut self, labels: &[&str]) {
        for label in labels {
            self.tap(label);
        }
    }

    /// A staff tap on the settings pages, half a second after the last one.
    fn input(&mut self, input: staff::SettingsInput) {
        self.kiosk.clock.advance(Duration::from_millis(500));
        self.send(Message::Tap(kiosk::app::Tap::Staff(
            staff::Message::Settings(input),
        )));
    }

    /// The root's Back, half a second after the last tap.
    fn back(&mut self) {
        self.kiosk.clock.advance(Duration::from_millis(500));
        self.send(Message::Tap(kiosk::app::Tap::Back));
    }

    fn send(&mut self, message: Message) {
        let task = self.kiosk.app.update(message);
        self.run(task);
    }

    /// Runs `task` and what its outputs lead to, as iced's runtime would.
    fn run(&mut self, task: Task<Message>) {
        let mut pending = VecDeque::from([task]);
        while let Some(task) = pending.pop_front() {
            let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
                continue;
            };
            while let Some(action) = self.runtime.block_on(stream.next()) {
                match action {
                    iced_test::runtime::Action::Output(message) => {
                        pending.push_back(self.kiosk.app.update(message));
                    }
                    iced_test::runtime::Action::Exit => self.exited = true,
                    _ => {}
                }
            }
        }
    }

    fn shows(&self, text: &str) -> bool {
        support::shows_inside(text, [PORTRAIT, LANDSCAPE], |size| {
            self.kiosk.ui_sized(size)
        })
    }

    fn assert_shows(&self, text: &str) {
        assert!(
            self.shows(text),
            "{:?} does not show {text:?} in both orientations",
            self.step()
        );
    }

    fn file(&self) -> String {
        std::fs::read_to_string(&self.path).unwrap()
    }

    /// Deletes what the editor holds: one Wissen per character.
    fn clear(&mut self, characters: usize) {
        for _ in 0..characters {
            self.tap("Wissen");
        }
    }

    fn dump(&self, name: &str) {
        let dir = support::screens_dir("settings");
        let theme = self.kiosk.app.theme();
        for (size, orientation) in [(PORTRAIT, "portrait"), (LANDSCAPE, "landscape")] {
            let written = dir.join(format!("{name}-{orientation}-tiny-skia.png"));
            let _ = std::fs::remove_file(&written);
            self.kiosk
                .ui_sized(size)
                .snapshot(&theme)
                .unwrap()
                .matches_image(dir.join(format!("{name}-{orientation}.png")))
                .unwrap();
            assert!(written.exists(), "{} not written", written.display());
        }
    }
}

#[test]
fn idle_time_and_paper_width_are_saved_with_the_comments_kept_then_the_kiosk_restarts() {
    let mut staff = Staff::new();
    staff.open_panel();
    staff.send(Message::Language(Language::German));
    staff.dump("0-panel-de");
    staff.send(Message::Language(Language::Dutch));
    staff.open_settings_from_panel();
    staff.assert_shows("Wachttijd (seconden)");
    staff.assert_shows("60");
    staff.dump("1-list");

    staff.tap("Wachttijd (seconden)");
    assert_eq!(staff.step(), Some(staff::Step::Edit));
    staff.assert_shows("60|");
    staff.clear(2);
    staff.taps(&["9", "0"]);
    staff.assert_shows("90|");
    staff.dump("2-number");
    staff.tap("Klaar");
    assert_eq!(staff.step(), Some(staff::Step::Settings));
    staff.assert_shows("90");

    staff.tap("Meer");
    staff.assert_shows("Pagina 2 van 3");
    staff.tap("Papierbreedte (mm)");
    staff.assert_shows("58 mm");
    staff.dump("3-choice");
    staff.tap("58 mm");
    staff.assert_shows("Papierbreedte (mm)");
    assert_eq!(staff.file(), SHIPPED, "nothing is written before Save");

    assert!(!staff.exited);
    staff.tap("Opslaan en herstarten");
    let expected = SHIPPED
        .replacen("idle_timeout_s = 60", "idle_timeout_s = 90", 1)
        .replacen("paper_width_mm = 80", "paper_width_mm = 58", 1)
        .replacen("columns = 48", "columns = 32", 1);
    assert_ne!(expected, SHIPPED);
    assert_eq!(
        staff.file(),
        expected,
        "only the two values (and the columns that follow the paper) changed: every comment kept"
    );
    assert_eq!(
        std::fs::read_to_string(backup_path(&staff.path)).unwrap(),
        SHIPPED,
        "the old file kept as kiosk.toml.bak"
    );
    assert!(staff.exited, "the program ends to be started again");
    assert_eq!(
        staff::restart::exit_code(),
        staff::restart::RESTART_EXIT_CODE
    );
    let saved = config::load(&staff.path).unwrap().config;
    assert_eq!(saved.kiosk.idle_timeout, Duration::from_secs(90));
}

/// Saves and expects a refusal on screen: the sentence, and the reason in the clerk's language
/// after the setting's name (no file path or config key: IT's words are for what a clerk cannot
/// cause), and the file as it was to the byte, with no backup written and no restart.
fn assert_refused(staff: &mut Staff, reason: &str) {
    staff.tap("Opslaan en herstarten");
    staff.assert_shows("Niet opgeslagen: deze instellingen kloppen niet.");
    staff.assert_shows(reason);
    assert_eq!(
        staff.file().as_bytes(),
        SHIPPED.as_bytes(),
        "the file unchanged"
    );
    assert!(!backup_path(&staff.path).exists(), "no backup either");
    assert!(!staff.exited, "no restart");
}

#[test]
fn an_idle_time_of_zero_is_refused_on_screen_and_nothing_is_written() {
    let mut staff = Staff::new();
    staff.open_settings();
    staff.tap("Wachttijd (seconden)");
    staff.clear(2);
    staff.taps(&["0", "Klaar"]);
    assert_refused(
        &mut staff,
        "Wachttijd (seconden): 0 mag niet: kies van 15 tot 3600.",
    );
    staff.dump("4-refused");
    // In each language, the same reason in its words.
    for (language, reason) in [
        (
            Language::French,
            "Attente (secondes) : 0 n'est pas permis : de 15 à 3600.",
        ),
        (
            Language::German,
            "Wartezeit (Sekunden): 0 ist nicht erlaubt: von 15 bis 3600.",
        ),
        (
            Language::English,
            "Idle time (seconds): 0 is not allowed: use 15 to 3600.",
        ),
    ] {
        staff.send(Message::Language(language));
        staff.assert_shows(reason);
    }
    staff.send(Message::Language(Language::Dutch));
    // Back to the list, the value still there to put right.
    staff.tap("Instellingen aanpassen");
    staff.assert_shows("Wachttijd (seconden)");
    assert_eq!(staff.step(), Some(staff::Step::Settings));
}

#[test]
fn a_scanner_port_that_is_not_a_path_is_refused_and_the_symbols_page_types_a_real_one() {
    let mut staff = Staff::new();
    staff.open_settings();
    staff.taps(&["Meer", "Scanner aan", "Aan", "Meer", "Scanner: poort"]);
    staff.assert_shows("/dev/ttyACM0|");
    staff.clear("/dev/ttyACM0".len());
    staff.taps(&["s", "c", "a", "n", "n", "e", "r", "Klaar"]);
    staff.assert_shows("scanner");
    assert_refused(
        &mut staff,
        "Scanner: poort: geef de poort als volledig pad, bv. /dev/ttyACM0.",
    );

    staff.tap("Instellingen aanpassen");
    staff.assert_shows("Pagina 3 van 3");
    staff.tap("Scanner: poort");
    staff.clear("scanner".len());
    staff.taps(&["/:_#", "/", "d", "e", "v", "/:_#", "/", "t", "t", "y"]);
    staff.taps(&["Aa", "U", "Aa", "S", "Aa", "B", "0"]);
    staff.assert_shows("/dev/ttyUSB0|");
    staff.tap("/:_#");
    staff.dump("5-symbols");
    staff.tap("Klaar");
    staff.assert_shows("/dev/ttyUSB0");
    staff.tap("Opslaan en herstarten");
    assert!(staff.exited);
    let file = staff.file();
    assert!(
        file.contains("enabled = true\npath = \"/dev/ttyUSB0\"\n"),
        "{file}"
    );
    assert!(file.contains("# A barcode scanner on a serial port"));
}

/// Every text of every settings page, and the keyboard's keys on all three pages, lie wholly
/// on screen in portrait and landscape, in the four languages.
#[test]
fn every_settings_page_fits_both_orientations_in_four_languages() {
    let mut staff = Staff::new();
    staff.open_settings();
    let i18n = support::i18n();
    for language in Language::ALL {
        let words = |id: &str| i18n.text(language, id);
        staff.send(Message::Language(language));
        staff.input(staff::SettingsInput::Page(0));
        staff.assert_shows(&words("staff-settings-title"));
        for page in 0..3 {
            staff.input(staff::SettingsInput::Page(page));
            for (i, setting) in kiosk_core::config::edit::EDITABLE.iter().enumerate() {
                if i / staff::settings::PAGE_SIZE == page {
                    let label = words(&staff::settings::label_id(setting.key));
                    assert!(!label.starts_with("staff-"), "{language}: {label}");
                    staff.assert_shows(&label);
                }
            }
            staff.assert_shows(&words("staff-settings-save"));
            staff.assert_shows(&words("staff-settings-more"));
        }
        // The number pad, and the choice lists.
        staff.input(staff::SettingsInput::Open(2));
        for id in [
            "staff-setting-kiosk-idle-timeout-s",
            "input-key-done",
            "input-key-backspace",
        ] {
            staff.assert_shows(&words(id));
        }
        staff.assert_shows("60|");
        staff.back();
        staff.input(staff::SettingsInput::Open(0));
        // Each language by its own name, as the language bar names it.
        for name in [
            "Nederlands",
            "Français",
            "Deutsch",
            "English",
            &words("input-key-done"),
        ] {
            staff.assert_shows(name);
        }
        staff.back();
        staff.input(staff::SettingsInput::Open(4));
        for choice in ["tcp", "serial", "usb", "cups", "folder"] {
            let id = format!("staff-setting-printer-ticket-transport-{choice}");
            let choice = words(&id);
            assert!(!choice.starts_with("staff-"), "{language}: no {id}");
            staff.assert_shows(&choice);
        }
        staff.back();
        assert_eq!(staff.step(), Some(staff::Step::Settings));
        // The text editor with the keyboard on each of its pages.
        staff.input(staff::SettingsInput::Open(14));
        staff.assert_shows(&words("staff-setting-card-reader-reader"));
        for page in support::keyboard::PAGES {
            staff.input(staff::SettingsInput::Typed(KeyboardMessage::Page(page)));
            for key in support::keyboard::keys_every_page_shows(&words) {
                staff.assert_shows(&key);
            }
        }
        staff.dump(&format!("6-keyboard-{}", language.tag()));
        staff.back();
        assert_eq!(staff.step(), Some(staff::Step::Settings));
    }
}

/// The keyboard (or a keypad) reaches the settings shown, then paging and Save, in that order.
#[test]
fn the_keyboard_reaches_the_settings_shown_in_the_order_shown() {
    use kiosk::focus::FocusId;
    use staff::SettingsInput::{Open, Page};
    let mut staff = Staff::new();
    staff.open_settings();
    let targets = |staff: &Staff| -> Vec<staff::Message> {
        staff
            .kiosk
            .app
            .as_kiosk()
            .unwrap()
            .focus_targets()
            .into_iter()
            .filter_map(|(id, message)| match (id, message) {
                (FocusId::Content(_), Message::Tap(kiosk::app::Tap::Staff(message))) => {
                    Some(message)
                }
                _ => None,
            })
            .collect()
    };
    let settings = staff::Message::Settings;
    let mut first: Vec<staff::Message> = (0..6).map(|i| settings(Open(i))).collect();
    first.extend([settings(Page(1)), staff::Message::SaveSettings]);
    assert_eq!(targets(&staff), first);
    staff.tap("Meer");
    staff.tap("Meer");
    let mut last: Vec<staff::Message> = (12..15).map(|i| settings(Open(i))).collect();
    last.extend([settings(Page(1)), staff::Message::SaveSettings]);
    assert_eq!(targets(&staff), last);
}
