#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The speech handle against a real speech-dispatcher (espeak-ng module, ALSA's null device),
//! started for each test in a temporary folder. What the daemon did is read back from its own
//! log: the SSIP lines it received and the messages it handed to espeak-ng with their settings.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kiosk_speech::testing::{SpeechDaemon, Spoken};
use kiosk_speech::{Language, Speech, SpeechConfig, SpeechStatus, Utterance};

/// Generous bounds for a loaded CI machine: the tests wait up to these, they assert no timing.
const PATIENCE: Duration = Duration::from_secs(30);

fn wait_for_status(speech: &Speech, done: impl Fn(&SpeechStatus) -> bool) -> SpeechStatus {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let status = speech.status();
        if done(&status) || Instant::now() >= deadline {
            return status;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn ready(daemon: &SpeechDaemon, rate: i8) -> Speech {
    let speech = Speech::start(&SpeechConfig {
        rate,
        ..daemon.config()
    });
    let status = wait_for_status(&speech, |status| *status == SpeechStatus::Ready);
    assert_eq!(status, SpeechStatus::Ready);
    speech
}

/// Says `text` and waits until the daemon has queued it and handed it to espeak-ng.
fn say_and_wait(speech: &Speech, daemon: &SpeechDaemon, language: Language, text: &str) -> Spoken {
    let before = speech.accepted();
    speech.say(Utterance::new(language, text));
    assert!(
        speech.wait_accepted(before + 1, PATIENCE),
        "speech-dispatcher never accepted {text:?}; status {:?}",
        speech.status()
    );
    let spoken = daemon
        .wait_spoken(PATIENCE, |spoken| spoken.iter().any(|s| s.text == text))
        .unwrap();
    spoken
        .into_iter()
        .rev()
        .find(|s| s.text == text)
        .unwrap_or_else(|| panic!("{text:?} never reached espeak-ng"))
}

#[test]
fn each_utterance_is_spoken_in_its_own_language() {
    let daemon = SpeechDaemon::start().unwrap();
    let speech = ready(&daemon, 0);
    let phrases = [
        (Language::NlBe, "Welkom in het gemeentehuis", "nl"),
        (Language::FrBe, "Bienvenue à la maison communale", "fr-be"),
        (Language::DeBe, "Willkommen im Rathaus", "de"),
        (Language::En, "Welcome to the town hall", "en"),
        (Language::NlBe, "Kies een taal", "nl"),
    ];
    for (language, text, voice) in phrases {
        let spoken = say_and_wait(&speech, &daemon, language, text);
        assert_eq!(spoken.language, voice, "{text}");
    }
    // Each went over SSIP as text of its own message, after its language.
    let requests = daemon.requests().unwrap();
    let french = requests
        .iter()
        .position(|line| line == "Bienvenue à la maison communale");
    let french = french.expect("the French text reached the daemon");
    assert_eq!(requests[french - 2], "SET self LANGUAGE fr-be");
    assert_eq!(requests[french - 1], "SPEAK");
}

#[test]
fn the_configured_rate_and_later_changes_are_applied() {
    let daemon = SpeechDaemon::start().unwrap();
    let speech = ready(&daemon, -40);
    assert_eq!(
        say_and_wait(&speech, &daemon, Language::NlBe, "Uw nummer is A 12").rate,
        -40
    );
    speech.set_rate(60);
    assert_eq!(
        say_and_wait(&speech, &daemon, Language::NlBe, "Er zijn 3 mensen voor u").rate,
        60
    );
    // Out of SSIP's scale: the fastest it has.
    speech.set_rate(127);
    assert_eq!(
        say_and_wait(&speech, &daemon, Language::En, "Thank you").rate,
        100
    );
}

#[test]
fn stop_cancels_what_the_kiosk_is_saying() {
    let daemon = SpeechDaemon::start().unwrap();
    let speech = ready(&daemon, 0);
    let text = "Neem uw ticket en wacht tot uw nummer op het scherm verschijnt";
    say_and_wait(&speech, &daemon, Language::NlBe, text);
    speech.stop();
    // The daemon got a CANCEL after the text and confirmed it (say cancels before, too).
    let deadline = Instant::now() + PATIENCE;
    let (cancels_after_text, confirmed) = loop {
        let requests = daemon.requests().unwrap();
        let text_at = requests.iter().position(|line| line == text).unwrap();
        let cancels = requests[text_at..]
            .iter()
            .filter(|line| *line == "CANCEL self")
            .count();
        let replies = daemon.replies().unwrap();
        // "225-<id>" opens the "message queued" reply.
        let queued = replies
            .iter()
            .rposition(|line| line.starts_with("225-"))
            .unwrap();
        let confirmed = replies[queued..]
            .iter()
            .any(|line| line == "213 OK CANCELED");
        if (cancels > 0 && confirmed) || Instant::now() >= deadline {
            break (cancels, confirmed);
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(cancels_after_text, 1);
    assert!(confirmed, "speech-dispatcher did not confirm the cancel");
}

#[test]
fn a_new_utterance_interrupts_the_one_before_and_the_latest_wins() {
    let daemon = SpeechDaemon::start().unwrap();
    let speech = ready(&daemon, 0);
    let first = "Stap 1 van 4: kies wat u wilt doen";
    say_and_wait(&speech, &daemon, Language::NlBe, first);
    // A resident moving the focus fast: many utterances at once, only the last one matters.
    for item in 0..40 {
        speech.say(Utterance::new(Language::NlBe, format!("Knop {item}")));
    }
    let last = "Knop 39";
    daemon
        .wait_spoken(PATIENCE, |spoken| spoken.iter().any(|s| s.text == last))
        .unwrap();
    let requests = daemon.requests().unwrap();
    let texts: Vec<&String> = requests
        .iter()
        .filter(|line| line.starts_with("Knop "))
        .collect();
    // That only the latest waiting one is handed over is the mailbox's unit test: here the
    // worker's pace decides how many got through, so no count is asserted.
    assert_eq!(texts.last().map(|text| text.as_str()), Some(last));
    // Each one was preceded by a cancel of what was being said.
    for (index, line) in requests
        .iter()
        .enumerate()
        .filter(|(_, line)| line.starts_with("Knop "))
    {
        assert_eq!(requests[index - 3], "CANCEL self", "before {line}");
    }
}

/// Speech pointed at a socket in an empty folder, and its status once the first try is over.
fn speech_without_daemon() -> (tempfile::TempDir, PathBuf, Speech, SpeechStatus) {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("speechd.sock");
    let speech = Speech::start(&SpeechConfig {
        enabled: true,
        socket: Some(socket.clone()),
        rate: 0,
    });
    let status = wait_for_status(&speech, |status| *status != SpeechStatus::Starting);
    (dir, socket, speech, status)
}

#[test]
fn a_missing_daemon_makes_speech_unavailable_and_calls_do_nothing() {
    let (_dir, socket, speech, status) = speech_without_daemon();
    let SpeechStatus::Unavailable { reason } = status else {
        panic!("expected Unavailable, got {status:?}");
    };
    assert!(reason.contains("not running"), "{reason}");
    assert!(reason.contains(&socket.display().to_string()), "{reason}");
    // Every call returns and does nothing.
    speech.say(Utterance::new(Language::En, "Hello"));
    speech.set_rate(30);
    speech.stop();
    assert_eq!(speech.accepted(), 0);
    assert!(!speech.wait_accepted(1, Duration::from_millis(300)));
}

#[test]
fn a_daemon_started_later_is_picked_up() {
    let (_dir, socket, speech, status) = speech_without_daemon();
    assert!(
        matches!(status, SpeechStatus::Unavailable { .. }),
        "{status:?}"
    );

    let daemon = SpeechDaemon::start_at(&socket).unwrap();
    let status = wait_for_status(&speech, |status| *status == SpeechStatus::Ready);
    assert_eq!(status, SpeechStatus::Ready);
    let spoken = say_and_wait(&speech, &daemon, Language::DeBe, "Guten Tag");
    assert_eq!(spoken.language, "de");
}

#[test]
fn a_restarted_daemon_is_picked_up_again() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("speechd.sock");
    let first = SpeechDaemon::start_at(&socket).unwrap();
    let speech = ready(&first, 0);
    say_and_wait(&speech, &first, Language::En, "Before the restart");
    drop(first);
    remove_stale_socket(&socket);

    let second = SpeechDaemon::start_at(&socket).unwrap();
    // The worker finds the old connection broken when it next speaks, reconnects and says
    // the utterance on the new one.
    let spoken = say_and_wait(&speech, &second, Language::En, "After the restart");
    assert_eq!(spoken.language, "en");
    assert_eq!(speech.status(), SpeechStatus::Ready);
}

/// A killed daemon leaves its socket file behind.
fn remove_stale_socket(socket: &Path) {
    let _ = std::fs::remove_file(socket);
}

#[test]
fn a_disabled_speech_never_connects() {
    let daemon = SpeechDaemon::start().unwrap();
    let speech = Speech::start(&SpeechConfig {
        enabled: false,
        ..daemon.config()
    });
    speech.say(Utterance::new(Language::En, "Nobody hears this"));
    assert_eq!(speech.status(), SpeechStatus::Off);
    assert!(!speech.wait_accepted(1, Duration::from_millis(300)));
    assert!(
        !daemon
            .requests()
            .unwrap()
            .iter()
            .any(|line| line.contains("CLIENT_NAME"))
    );
}

#[test]
fn an_utterance_said_while_connecting_is_spoken_once_connected() {
    let daemon = SpeechDaemon::start().unwrap();
    let speech = Speech::start(&daemon.config());
    // Straight away, as the kiosk does at its start: the worker may still be connecting.
    speech.say(Utterance::new(Language::NlBe, "Welkom"));
    assert!(speech.wait_accepted(1, PATIENCE), "{:?}", speech.status());
    let spoken = daemon
        .wait_spoken(PATIENCE, |spoken| spoken.iter().any(|s| s.text == "Welkom"))
        .unwrap();
    assert!(
        spoken
            .iter()
            .any(|s| s.text == "Welkom" && s.language == "nl")
    );
}

#[test]
fn a_hung_daemon_makes_speech_unavailable_until_it_answers_again() {
    let daemon = SpeechDaemon::start().unwrap();
    let speech = ready(&daemon, 0);
    signal(&daemon, "-STOP");
    // The UI goes on calling; none of these waits for the frozen daemon.
    for item in 0..20 {
        speech.say(Utterance::new(Language::En, format!("Item {item}")));
        let _ = speech.status();
    }
    let status = wait_for_status(&speech, |status| {
        matches!(status, SpeechStatus::Unavailable { .. })
    });
    signal(&daemon, "-CONT");
    let SpeechStatus::Unavailable { reason } = status else {
        panic!("expected Unavailable while the daemon is stopped, got {status:?}");
    };
    assert!(reason.contains("no answer within"), "{reason}");

    let status = wait_for_status(&speech, |status| *status == SpeechStatus::Ready);
    assert_eq!(status, SpeechStatus::Ready);
    let spoken = say_and_wait(&speech, &daemon, Language::En, "Back again");
    assert_eq!(spoken.language, "en");
}

/// Our own daemon, by its pid: SIGSTOP freezes it as a hung process would be.
fn signal(daemon: &SpeechDaemon, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([signal, &daemon.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill {signal}");
}
