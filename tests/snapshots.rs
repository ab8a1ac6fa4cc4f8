//! Pixel snapshots of the start screen in both orientations (tiny-skia, embedded fonts), and in
//! German, the longest language, so that a person can see that everything fits. A changed
//! screen fails here; look at the new image under target/snapshots/ and, if it is right, copy it
//! over the committed one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;

use iced::Size;
use kiosk::app::Message;
use kiosk_core::i18n::Language;

fn check(name: &str, size: Size, language: Language) {
    assert_eq!(
        std::env::var("ICED_TEST_BACKEND").as_deref(),
        Ok("tiny-skia"),
        "run the snapshot tests with ICED_TEST_BACKEND=tiny-skia (the README's test command does)"
    );
    let mut kiosk = support::kiosk();
    kiosk.send(Message::Language(language));
    let theme = kiosk.app.theme();
    let snapshot = kiosk.ui_sized(size).snapshot(&theme).unwrap();
    let committed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    assert!(
        committed
            .with_file_name(format!("{name}-tiny-skia.png"))
            .exists(),
        "no committed snapshot for {name}: run once with KIOSK_RECORD_SNAPSHOTS=1 and commit it"
    );
    if snapshot.matches_image(&committed).unwrap() {
        return;
    }
    let fresh = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/snapshots")
        .join(name);
    std::fs::create_dir_all(fresh.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(fresh.with_file_name(format!("{name}-tiny-skia.png")));
    snapshot.matches_image(&fresh).unwrap();
    panic!("{name} differs from the committed snapshot; the new one is in target/snapshots/");
}

fn record_if_asked(name: &str, size: Size, language: Language) {
    if std::env::var_os("KIOSK_RECORD_SNAPSHOTS").is_some() {
        let mut kiosk = support::kiosk();
        kiosk.send(Message::Language(language));
        let theme = kiosk.app.theme();
        let snapshot = kiosk.ui_sized(size).snapshot(&theme).unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots")
            .join(name);
        let _ = std::fs::remove_file(path.with_file_name(format!("{name}-tiny-skia.png")));
        snapshot.matches_image(&path).unwrap();
    }
    check(name, size, language);
}

#[test]
fn home_portrait() {
    record_if_asked("home-portrait", support::PORTRAIT, Language::Dutch);
}

#[test]
fn home_landscape() {
    record_if_asked("home-landscape", support::LANDSCAPE, Language::Dutch);
}

#[test]
fn home_portrait_german() {
    record_if_asked("home-portrait-de", support::PORTRAIT, Language::German);
}

#[test]
fn home_landscape_german() {
    record_if_asked("home-landscape-de", support::LANDSCAPE, Language::German);
}
