//! The headphone jack read through a real pipe. This machine has no sound card and its kernel
//! no uinput, so no real jack device can exist here; a FIFO carries the same `input_event`
//! records the kernel writes to `/dev/input/eventN`, through the same blocking reads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use kiosk_core::devices::headset::{self, JackEvent, JackEvents};

fn fifo(dir: &Path) -> PathBuf {
    let path = dir.join("event12");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo (coreutils) runs");
    assert!(made.success());
    path
}

/// Writes `events` to the jack as the kernel would: the switch, then its report marker.
fn play(jack: &Path, plugged: &[bool]) {
    let mut device = std::fs::OpenOptions::new().write(true).open(jack).unwrap();
    for &plugged in plugged {
        device.write_all(&headset::jack_event(plugged)).unwrap();
        device.write_all(&headset::encode(0, 0, 0)).unwrap();
    }
}

async fn next(events: &mut JackEvents) -> JackEvent {
    tokio::time::timeout(Duration::from_secs(10), events.next())
        .await
        .expect("a jack event within 10 s")
        .expect("the jack is still watched")
}

#[tokio::test]
async fn plugging_and_pulling_a_headset_are_reported_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let jack = fifo(dir.path());
    let mut events = headset::start(vec![jack.clone()]).unwrap();
    let writer = std::thread::spawn(move || play(&jack, &[true, false, true]));
    assert_eq!(next(&mut events).await, JackEvent::Plugged);
    assert_eq!(next(&mut events).await, JackEvent::Unplugged);
    assert_eq!(next(&mut events).await, JackEvent::Plugged);
    writer.join().unwrap();
}

#[tokio::test]
async fn a_jack_that_appears_later_is_opened_when_it_does() {
    let dir = tempfile::tempdir().unwrap();
    let jack = dir.path().join("event12");
    // Nothing there yet (a USB sound card not plugged in): the watch keeps trying.
    let mut events = headset::start(vec![jack.clone()]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let jack = fifo(dir.path());
    let writer = std::thread::spawn(move || play(&jack, &[true]));
    assert_eq!(next(&mut events).await, JackEvent::Plugged);
    writer.join().unwrap();
}
