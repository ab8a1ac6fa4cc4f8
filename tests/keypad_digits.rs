//! The keypad's number block types digits straight into the pad on screen (the check-in code,
//! the staff code), as its key's tap would, so that a resident who cannot see does not walk to
//! each key; a digit the pad lacks, or a screen without a pad, takes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::Duration;

use kiosk::app::Message;
use kiosk::screen::Screen;
use kiosk_core::domain::booking_code::CODE_LEN;

fn typed(kiosk: &mut support::Kiosk, digits: &str) {
    for digit in digits.chars() {
        kiosk.send(Message::Typed(digit));
    }
}

#[test]
fn digits_go_into_the_check_in_code_and_a_digit_codes_lack_is_left_out() {
    let mut kiosk = support::kiosk();
    // On the start screen there is no pad: nothing happens.
    typed(&mut kiosk, "23");
    assert!(matches!(kiosk.session().screen, Screen::Home(_)));

    kiosk.click("Ik heb een afspraak");
    kiosk.wait(Duration::from_secs(1));
    kiosk.click("Mijn code typen");
    kiosk.wait(Duration::from_secs(1));
    // The field: what was typed, then a dot for each character to come.
    let field = |typed: &str| format!("{typed}{}", "·".repeat(CODE_LEN - typed.len()));
    assert!(kiosk.shows(&field("")), "the code field starts empty");
    // Codes have no 0 or 1 (they are read as O and I): the pad has no such key.
    typed(&mut kiosk, "2301");
    assert!(
        kiosk.shows(&field("23")),
        "the two digits are in the code, 0 and 1 are not"
    );
}

#[test]
fn the_staff_code_can_be_typed_on_the_number_block() {
    let mut kiosk = support::kiosk();
    for _ in 0..5 {
        kiosk.click("10:30");
    }
    kiosk.wait(Duration::from_secs(1));
    typed(&mut kiosk, "2468");
    kiosk.click("Klaar");
    assert!(
        kiosk.shows("Testticket afdrukken"),
        "the staff panel opens with the code typed on the number block"
    );
}
