//! From `Speech::say` to speech-dispatcher's reply that it queued the utterance ("225 OK
//! MESSAGE QUEUED"), against a private daemon (espeak-ng, ALSA null device): p50, p95 and the
//! longest over a few hundred utterances. Plain timing loop, no benchmark framework.
//! `BENCH_UTTERANCES=1000 cargo bench -p kiosk-speech` for more.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use kiosk_speech::testing::SpeechDaemon;
use kiosk_speech::{Language, Speech, SpeechStatus, Utterance};

const PATIENCE: Duration = Duration::from_secs(30);

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index]
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    println!(
        "{name:<52} p50 {:>9.3?}  p95 {:>9.3?}  max {:>9.3?}  ({} utterances)",
        percentile(&times, 0.50),
        percentile(&times, 0.95),
        times[times.len() - 1],
        times.len()
    );
}

fn run(name: &str, daemon: &SpeechDaemon, count: usize) {
    let speech = Speech::start(&daemon.config());
    let deadline = Instant::now() + PATIENCE;
    while speech.status() != SpeechStatus::Ready {
        assert!(
            Instant::now() < deadline,
            "not ready: {:?}",
            speech.status()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let phrases = [
        (
            Language::NlBe,
            "Uw volgnummer is A 12. Er zijn 3 mensen voor u.",
        ),
        (
            Language::FrBe,
            "Votre numéro est A 12. Il y a 3 personnes avant vous.",
        ),
        (
            Language::DeBe,
            "Ihre Nummer ist A 12. Vor Ihnen sind 3 Personen.",
        ),
        (
            Language::En,
            "Your number is A 12. There are 3 people before you.",
        ),
    ];
    let mut to_accepted = Vec::with_capacity(count);
    let mut say_returns = Vec::with_capacity(count);
    // The first few warm the connection and espeak-ng up; not counted.
    for index in 0..count + 10 {
        let (language, text) = phrases[index % phrases.len()];
        let target = speech.accepted() + 1;
        let start = Instant::now();
        speech.say(Utterance::new(language, text));
        let returned = start.elapsed();
        assert!(
            speech.wait_accepted(target, PATIENCE),
            "utterance {index} never accepted"
        );
        if index >= 10 {
            say_returns.push(returned);
            to_accepted.push(start.elapsed());
        }
    }
    report(&format!("say() returns ({name})"), say_returns);
    report(&format!("say() -> daemon queued it ({name})"), to_accepted);
}

fn main() {
    let count = std::env::var("BENCH_UTTERANCES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(300);
    run(
        "log level 3, as shipped",
        &SpeechDaemon::start_quiet().unwrap(),
        count,
    );
    run(
        "log level 5, as in the tests",
        &SpeechDaemon::start().unwrap(),
        count,
    );
}
