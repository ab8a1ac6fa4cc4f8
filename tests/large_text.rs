//! Issue 15, larger text: "Larger text" on the start screen makes the words about 1.5 times
//! larger for the resident's visit, every screen reflowing in both orientations and all four
//! languages; the next resident starts at the standard size. Every flow's own fit checks run
//! at the larger sizes too (`tests/support/flow.rs` `assert_large_text_fits`), and
//! leave large-text pictures beside the others for a person to look at.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::Duration;

use iced::Size;
use iced::keyboard::{Key, Modifiers, key::Named};
use kiosk::app::Message;
use kiosk::screen::Screen;
use kiosk_core::i18n::Language;

use support::{LANDSCAPE, PORTRAIT, texts};

/// The height of the line that shows exactly `text`, on the portrait screen.
fn line_height(kiosk: &support::Kiosk, text: &str) -> f32 {
    texts(kiosk, PORTRAIT)
        .into_iter()
        .find(|(content, _)| content == text)
        .map(|(_, bounds)| bounds.height)
        .unwrap_or_else(|| panic!("{text:?} is not on the screen"))
}

/// Every text of the screen lies wholly on it, at whole lines (not cut off by its box).
fn assert_all_on_screen(kiosk: &support::Kiosk, size: Size, what: &str) {
    let texts = texts(kiosk, size);
    let sizes = support::text_sizes();
    assert!(texts.len() > 3, "{what}: no texts found");
    for (content, b) in &texts {
        assert!(
            b.x >= -0.5
                && b.y >= -0.5
                && b.x + b.width <= size.width + 0.5
                && b.y + b.height <= size.height + 0.5
                && support::whole_lines(b.height, &sizes),
            "{what} in {size:?}: {content:?} is not wholly on the screen: {b:?}"
        );
    }
}

#[test]
fn larger_text_grows_the_words_by_half_for_this_visit_only() {
    let mut kiosk = support::kiosk();
    let question = "Waarmee kunnen we u helpen?";
    let hint = "Met uw identiteitskaart en pincode";
    let standard = (line_height(&kiosk, question), line_height(&kiosk, hint));
    kiosk.click("Grotere tekst");
    assert!(kiosk.session().large_text);
    let large = (line_height(&kiosk, question), line_height(&kiosk, hint));
    // A hint grows by half; a title, already large, by a third.
    assert!(
        large.1 >= standard.1 * 1.45,
        "the hint grew from {} to {} px",
        standard.1,
        large.1
    );
    assert!(
        large.0 >= standard.0 * 1.3,
        "the question grew from {} to {} px",
        standard.0,
        large.0
    );

    // It stays with the resident through the flow.
    kiosk.click("Afspraak maken");
    kiosk.wait(Duration::from_secs(1));
    assert!(matches!(kiosk.session().screen, Screen::Booking(_)));
    // Without a backend the booking screen says it cannot book now: its title at the size.
    let booking_title = "Afspraken maken lukt nu niet";
    let large_title = line_height(&kiosk, booking_title);
    kiosk.click("Terug");
    assert!(matches!(kiosk.session().screen, Screen::Home(_)));
    assert!(kiosk.session().large_text, "Back keeps it");
    kiosk.wait(Duration::from_secs(1));
    kiosk.click("Afspraak maken");

    // The next resident, after the idle timeout, starts at the standard size.
    kiosk.wait(Duration::from_secs(600));
    assert!(matches!(kiosk.session().screen, Screen::Home(_)));
    assert!(
        !kiosk.session().large_text,
        "the next visit starts standard"
    );
    assert_eq!(line_height(&kiosk, question), standard.0);
    kiosk.wait(Duration::from_secs(1));
    kiosk.click("Afspraak maken");
    kiosk.wait(Duration::from_secs(1));
    assert!(
        line_height(&kiosk, booking_title) < large_title,
        "the booking screen is at the standard size again"
    );
}

#[test]
fn start_again_begins_a_new_visit_at_the_standard_size() {
    let mut kiosk = support::kiosk();
    kiosk.click("Grotere tekst");
    kiosk.click("Afspraak maken");
    kiosk.wait(Duration::from_secs(1));
    kiosk.click("Opnieuw beginnen");
    assert!(
        !kiosk.session().large_text,
        "as speech, it ends with the visit"
    );
}

#[test]
fn pressed_again_it_goes_back_to_the_standard_size() {
    let mut kiosk = support::kiosk();
    let standard = line_height(&kiosk, "Attest afdrukken");
    kiosk.click("Grotere tekst");
    assert!(line_height(&kiosk, "Attest afdrukken") > standard);
    kiosk.wait(Duration::from_secs(1));
    kiosk.click("Grotere tekst");
    assert!(!kiosk.session().large_text);
    assert_eq!(line_height(&kiosk, "Attest afdrukken"), standard);
}

#[test]
fn the_start_screen_fits_with_larger_text_in_both_orientations_and_four_languages() {
    let mut kiosk = support::kiosk();
    kiosk.click("Grotere tekst");
    let dir = support::screens_dir("large-text");
    let theme = kiosk.app.theme();
    for language in Language::ALL {
        kiosk.send(Message::Language(language));
        for (size, orientation) in [(PORTRAIT, "portrait"), (LANDSCAPE, "landscape")] {
            assert_all_on_screen(&kiosk, size, &format!("{language} start screen"));
            // Left for a person to look at.
            let name = format!("home-{language}-{orientation}");
            let _ = std::fs::remove_file(dir.join(format!("{name}-tiny-skia.png")));
            kiosk
                .ui_sized(size)
                .snapshot(&theme)
                .unwrap()
                .matches_image(dir.join(format!("{name}.png")))
                .unwrap();
            assert!(dir.join(format!("{name}-tiny-skia.png")).exists());
        }
    }
}

#[test]
fn the_keypad_reaches_larger_text_and_says_what_it_does() {
    let mut kiosk = support::kiosk();
    let tab = || Message::Key(Key::Named(Named::Tab), Modifiers::empty());
    let enter = || Message::Key(Key::Named(Named::Enter), Modifiers::empty());
    // The start screen's targets: the languages, the actions, then Larger text.
    let mut said = String::new();
    for _ in 0..12 {
        kiosk.send(tab());
        said = kiosk.app.as_kiosk().unwrap().focused_label().unwrap();
        if said == "Grotere tekst" {
            break;
        }
    }
    assert_eq!(said, "Grotere tekst", "Larger text is a keypad target");
    kiosk.send(enter());
    assert!(kiosk.session().large_text);
    // Once on, the same button says it brings the standard size back.
    assert_eq!(
        kiosk.app.as_kiosk().unwrap().focused_label().unwrap(),
        "Gewone tekstgrootte"
    );
}

#[test]
fn staff_read_their_screen_at_its_own_sizes() {
    let mut kiosk = support::kiosk();
    for _ in 0..5 {
        kiosk.click("10:30");
    }
    let standard = line_height(&kiosk, "Klaar");
    kiosk.send(Message::LargeText);
    assert!(kiosk.session().large_text);
    assert_eq!(line_height(&kiosk, "Klaar"), standard);
}

#[test]
fn four_actions_fit_with_larger_text_when_walk_in_numbers_are_given() {
    use kiosk::screen::home;
    use support::flow::Harness;
    let dir = support::screens_dir("large-text");
    for language in Language::ALL {
        let flow = Harness::at(
            home::State { walk_in_open: true },
            language,
            "2026-12-15T09:00:00+01:00[Europe/Brussels]",
        );
        flow.assert_large_text_fits();
        flow.dump(&dir, &format!("home-four-{language}"));
    }
}
