//! Issue 15: a headset plugged into the kiosk's jack starts speech mode, pulled out stops it,
//! as the speech key does. The jack's events reach the root as `Message::Headset`; reading them
//! from the device is tested in `crates/core/tests/headset.rs` (through a real pipe: this
//! machine has no sound card).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use kiosk::app::Message;
use kiosk_core::devices::headset::JackEvent;

fn said(kiosk: &support::Kiosk) -> Vec<String> {
    kiosk
        .session()
        .said
        .iter()
        .map(|u| u.text.clone())
        .collect()
}

#[test]
fn a_headset_plugged_in_starts_speech_and_pulled_out_stops_it() {
    let mut kiosk = support::kiosk();
    assert!(!kiosk.session().speech.is_on());
    kiosk.send(Message::Headset(JackEvent::Plugged));
    assert!(kiosk.session().speech.is_on());
    let first = said(&kiosk);
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(
        first[0].starts_with("Spraak staat aan.")
            && first[0].contains("Waarmee kunnen we u helpen?"),
        "speech starts with the start screen's question: {first:?}"
    );
    // A second report of the same jack (some codecs send one per channel) changes nothing.
    kiosk.send(Message::Headset(JackEvent::Plugged));
    assert!(kiosk.session().speech.is_on());
    assert_eq!(said(&kiosk), first);

    kiosk.send(Message::Headset(JackEvent::Unplugged));
    assert!(!kiosk.session().speech.is_on());
    assert_eq!(said(&kiosk).last().unwrap(), "Spraak staat uit.");
}

#[test]
fn a_headset_pulled_out_when_speech_is_off_says_nothing() {
    let mut kiosk = support::kiosk();
    kiosk.send(Message::Headset(JackEvent::Unplugged));
    assert!(!kiosk.session().speech.is_on());
    assert!(said(&kiosk).is_empty());
}

#[test]
fn where_speech_is_switched_off_a_headset_changes_nothing() {
    let mut config = support::shipped_config();
    config.speech.enabled = false;
    let mut kiosk = support::kiosk_with(config);
    kiosk.send(Message::Headset(JackEvent::Plugged));
    assert!(!kiosk.session().speech.is_on());
    assert!(said(&kiosk).is_empty());
}
