#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `kiosk-speech-say`, the command IT uses to check speech on a kiosk PC: against a private
//! daemon, without one (a plain reason), and with no socket configured, where it starts the
//! user's own speech-dispatcher at its default socket as the kiosk does.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use kiosk_speech::testing::SpeechDaemon;

fn say(args: &[&str], runtime_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk-speech-say"))
        .args(args)
        .env("XDG_RUNTIME_DIR", runtime_dir)
        .env("HOME", runtime_dir)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn it_says_a_sentence_through_a_running_daemon() {
    let daemon = SpeechDaemon::start().unwrap();
    let home = tempfile::tempdir().unwrap();
    let socket = daemon.socket().to_str().unwrap();
    let output = say(
        &[
            "--socket", socket, "--rate", "-20", "fr-BE", "Votre", "numéro", "est", "B", "7",
        ],
        home.path(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let spoken = daemon
        .wait_spoken(Duration::from_secs(30), |spoken| !spoken.is_empty())
        .unwrap();
    assert_eq!(spoken[0].text, "Votre numéro est B 7");
    assert_eq!(
        (spoken[0].language.as_str(), spoken[0].rate),
        ("fr-be", -20)
    );
}

#[test]
fn without_a_daemon_it_gives_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("speechd.sock");
    let output = say(
        &["--socket", socket.to_str().unwrap(), "en", "Hello"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("speech is unavailable: speech-dispatcher is not running"),
        "{stderr}"
    );
}

#[test]
fn a_wrong_command_line_is_refused_with_the_usage() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["it", "Ciao"][..],
        &["nl-BE"],
        &["--rate", "300", "en", "Hi"],
        &[],
    ] {
        let output = say(args, dir.path());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            text(&output.stderr).contains("usage: kiosk-speech-say"),
            "{args:?}"
        );
    }
}

#[test]
fn without_a_socket_it_starts_the_users_own_daemon() {
    let runtime_dir = tempfile::tempdir().unwrap();
    let output = say(&["nl-BE", "Goedemiddag"], runtime_dir.path());
    let daemon_dir = runtime_dir.path().join("speech-dispatcher");
    stop_spawned_daemon(&daemon_dir);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let log = std::fs::read_to_string(daemon_dir.join("log/speech-dispatcher.log")).unwrap();
    assert!(log.contains("Speech Dispatcher started"), "{log}");
}

/// The daemon `--spawn` started for this test, killed by the pid it wrote (it would stop by
/// itself seconds after its last client, but not reliably: and SIGTERM right after its start
/// goes unheeded while it loads its modules). Its espeak-ng module ends with it.
fn stop_spawned_daemon(daemon_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(daemon_dir.join("pid")) else {
        return;
    };
    for entry in entries.flatten() {
        if let Ok(pid) = std::fs::read_to_string(entry.path()) {
            let _ = Command::new("kill").args(["-KILL", pid.trim()]).status();
        }
    }
}
