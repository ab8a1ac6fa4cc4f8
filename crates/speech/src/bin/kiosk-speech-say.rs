//! `kiosk-speech-say`: says one sentence through speech-dispatcher the way the kiosk does, to
//! check speech on a kiosk PC (as the kiosk user) and in tests. Exit 0 once the daemon has
//! accepted it, 1 when speech is unavailable (with the reason), 2 for a wrong command line.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use kiosk_speech::{Language, Speech, SpeechConfig, SpeechStatus, Utterance};

const USAGE: &str =
    "usage: kiosk-speech-say [--socket PATH] [--rate -100..100] nl-BE|fr-BE|de-BE|en TEXT...";

/// Connecting (and starting the user's daemon, about half a second) takes far less.
const PATIENCE: Duration = Duration::from_secs(15);

fn main() -> ExitCode {
    let (config, utterance) = match parse(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("kiosk-speech-say: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let speech = Speech::start(&config);
    let deadline = Instant::now() + PATIENCE;
    while speech.status() == SpeechStatus::Starting && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    match speech.status() {
        SpeechStatus::Ready => {}
        SpeechStatus::Unavailable { reason } => {
            eprintln!("kiosk-speech-say: speech is unavailable: {reason}");
            return ExitCode::from(1);
        }
        other => {
            eprintln!("kiosk-speech-say: speech is not ready: {other:?}");
            return ExitCode::from(1);
        }
    }
    speech.say(utterance);
    if speech.wait_accepted(1, PATIENCE) {
        // The daemon goes on speaking it after we have gone.
        println!("speech-dispatcher accepted the utterance");
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "kiosk-speech-say: speech-dispatcher did not accept the utterance: {:?}",
            speech.status()
        );
        ExitCode::from(1)
    }
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<(SpeechConfig, Utterance), String> {
    let mut config = SpeechConfig::default();
    let language = loop {
        match args.next().as_deref() {
            Some("--socket") => {
                let path = args.next().ok_or("--socket needs a path")?;
                config.socket = Some(PathBuf::from(path));
            }
            Some("--rate") => {
                let rate = args.next().ok_or("--rate needs a number")?;
                config.rate = rate
                    .parse()
                    .ok()
                    .filter(|rate| (-100..=100).contains(rate))
                    .ok_or(format!("--rate {rate}: a number from -100 to 100"))?;
            }
            Some(locale) => {
                break Language::from_locale(locale)
                    .ok_or(format!("{locale}: not one of the kiosk's languages"))?;
            }
            None => return Err("no language and text".into()),
        }
    };
    let text = args.collect::<Vec<_>>().join(" ");
    if text.trim().is_empty() {
        return Err("no text to say".into());
    }
    Ok((config, Utterance::new(language, text)))
}
