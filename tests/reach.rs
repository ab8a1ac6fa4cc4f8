//! The reach band (`display.reach_top_percent`, EN 301 549 clause 8): on a tall portrait
//! screen mounted so that its top is out of reach for a resident in a wheelchair, nothing to
//! touch is drawn in its top quarter, only the municipality's name and the clock; every screen
//! still fits below. In landscape there is no band. The flows' own fit checks cover every
//! screen at the smaller size the band leaves (tests/support/flow.rs `REACH`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::texts;

use std::time::Duration;

use iced::Size;
use kiosk::app::Message;
use kiosk_core::i18n::Language;

const PORTRAIT: Size = Size::new(1080.0, 1920.0);
const LANDSCAPE: Size = Size::new(1920.0, 1080.0);

/// Asserts that in portrait only the header's words lie in the top `percent`, and that every
/// text is wholly on the screen.
fn assert_band_is_free(kiosk: &support::Kiosk, header: &[String], screen: &str) {
    let band = PORTRAIT.height * 0.25;
    let texts = texts(kiosk, PORTRAIT);
    assert!(texts.len() > 3, "{screen}: no texts found");
    for (content, bounds) in &texts {
        assert!(
            bounds.x >= 0.0
                && bounds.x + bounds.width <= PORTRAIT.width + 0.5
                && bounds.y + bounds.height <= PORTRAIT.height + 0.5
                && bounds.height >= 1.0,
            "{screen}: {content:?} is not wholly on the screen: {bounds:?}"
        );
        if bounds.y < band {
            assert!(
                header.contains(content),
                "{screen}: {content:?} is within reach band's top {band} px at {bounds:?}"
            );
        }
    }
}

fn kiosk_with_band(percent: u8) -> support::Kiosk {
    let mut config = support::shipped_config();
    config.display.reach_top_percent = percent;
    support::kiosk_with(config)
}

/// The header's words: the municipality, the time and the date, in the kiosk's language.
fn header(kiosk: &support::Kiosk) -> Vec<String> {
    let texts = texts(kiosk, PORTRAIT);
    // Without a band the header is the first thing on the page, above the language bar.
    let languages = texts
        .iter()
        .find(|(content, _)| content == "Nederlands")
        .map(|(_, bounds)| bounds.y)
        .unwrap();
    texts
        .into_iter()
        .filter(|(_, bounds)| bounds.y < languages)
        .map(|(content, _)| content)
        .collect()
}

#[test]
fn with_a_reach_band_nothing_to_touch_is_in_the_top_quarter_of_a_portrait_screen() {
    let plain = support::kiosk();
    let header_words = header(&plain);
    assert!(
        header_words.contains(&support::shipped_config().kiosk.municipality),
        "the header was not found: {header_words:?}"
    );
    // Without the band, the language bar and the question are up there: the check can fail.
    let without = texts(&plain, PORTRAIT);
    assert!(
        without
            .iter()
            .any(|(content, bounds)| content == "Nederlands" && bounds.y < 480.0),
        "the test's premise: the language bar is in the top quarter without a band"
    );

    let mut kiosk = kiosk_with_band(25);
    for language in Language::ALL {
        kiosk.send(Message::Language(language));
        let header_words = header_of_language(language);
        assert_band_is_free(&kiosk, &header_words, &format!("{language} start"));
    }
    kiosk.send(Message::Language(Language::Dutch));
    let header_words = header_of_language(Language::Dutch);
    // The check-in screens: the question, then the code pad.
    kiosk.click("Ik heb een afspraak");
    assert_band_is_free(&kiosk, &header_words, "check-in question");
    // A tap right after a screen change is held back as a ghost tap: a resident's pace.
    kiosk.wait(Duration::from_secs(1));
    kiosk.click("Mijn code typen");
    assert!(kiosk.shows("Typ de code van uw afspraak"));
    assert_band_is_free(&kiosk, &header_words, "check-in code pad");
    // Left for a person to look at.
    let dir = support::screens_dir("reach");
    let _ = std::fs::remove_file(dir.join("code-pad-tiny-skia.png"));
    let theme = kiosk.app.theme();
    kiosk
        .ui_sized(PORTRAIT)
        .snapshot(&theme)
        .unwrap()
        .matches_image(dir.join("code-pad.png"))
        .unwrap();
    assert!(dir.join("code-pad-tiny-skia.png").exists());
    kiosk.wait(Duration::from_secs(1));
    kiosk.click("Opnieuw beginnen");
    // The staff code pad, opened by five taps on the clock (in the band: not a resident's).
    for _ in 0..5 {
        kiosk.click("10:30");
    }
    assert!(kiosk.shows("Klaar"), "the staff code pad is open");
    assert_band_is_free(&kiosk, &header_words, "staff code");
}

/// The header's words for `language`, read from a kiosk without a band at the same time (so
/// that the band's own screen cannot pass off anything as header).
fn header_of_language(language: Language) -> Vec<String> {
    let mut plain = support::kiosk();
    plain.send(Message::Language(language));
    header(&plain)
}

#[test]
fn in_landscape_the_band_changes_nothing() {
    let plain = texts(&support::kiosk(), LANDSCAPE);
    let banded = texts(&kiosk_with_band(25), LANDSCAPE);
    assert_eq!(plain, banded);
}
