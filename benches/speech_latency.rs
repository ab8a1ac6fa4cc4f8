//! Issue 15's figure: from a key press on the tactile keypad to the start of speech, i.e. the
//! utterance handed to speech-dispatcher and accepted by it (its "message queued" reply), with
//! the real kiosk root (`App::update`) and a real daemon (espeak-ng, no audio device).
//! `cargo bench --bench speech_latency`; prints p50 / p95 / max over a few hundred presses, for
//! both a focus move (one button's name) and Repeat (a whole screen).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::keyboard::{Key, Modifiers, key::Named};
use kiosk::app::{App, Message, Services};
use kiosk::speech_mode::SpeechKey;
use kiosk_core::clock::ManualClock;
use kiosk_core::config;
use kiosk_core::i18n::I18n;
use kiosk_speech::testing::SpeechDaemon;
use kiosk_speech::{Speech, SpeechStatus};

const PRESSES: usize = 300;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let daemon = SpeechDaemon::start_quiet()?;
    let speech = Speech::start(&daemon.config());
    let ready_by = Instant::now() + Duration::from_secs(20);
    while speech.status() != SpeechStatus::Ready {
        if Instant::now() > ready_by {
            return Err(format!("speech-dispatcher not ready: {:?}", speech.status()).into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk.toml");
    let config = Arc::new(config::load(&path)?.config);
    let clock = ManualClock::new("2026-11-28T10:30:00+01:00[Europe/Brussels]".parse()?);
    let mut app = App::kiosk(
        config,
        Arc::new(I18n::embedded()?),
        Arc::new(clock),
        None,
        Services {
            speech: Some(speech.clone()),
            ..Services::default()
        },
    );
    let _ = app.update(Message::Speech(SpeechKey::Toggle));
    if !speech.wait_accepted(1, Duration::from_secs(5)) {
        return Err("the start screen was never accepted".into());
    }
    let next = || Message::Key(Key::Named(Named::ArrowDown), Modifiers::empty());
    for (what, press) in [
        ("focus move (one button)", &next as &dyn Fn() -> Message),
        ("repeat (the whole screen)", &|| {
            Message::Speech(SpeechKey::Repeat)
        }),
    ] {
        let mut times = Vec::with_capacity(PRESSES);
        for _ in 0..PRESSES {
            let before = speech.accepted();
            let start = Instant::now();
            let _ = app.update(press());
            if !speech.wait_accepted(before + 1, Duration::from_secs(5)) {
                return Err(format!("{what}: an utterance was not accepted within 5 s").into());
            }
            times.push(start.elapsed());
        }
        times.sort();
        let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "key press -> speech accepted, {what}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({PRESSES} presses)",
            at(0.50).as_secs_f64() * 1e3,
            at(0.95).as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3,
        );
    }
    Ok(())
}
