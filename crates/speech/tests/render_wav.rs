#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `testing::render_wav`: espeak-ng really renders each language to a WAV file of a length
//! that fits the words.

use std::time::Duration;

use kiosk_speech::testing::render_wav;
use kiosk_speech::{Language, Utterance};

#[test]
fn every_language_renders_a_wav_as_long_as_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let phrases = [
        (
            Language::NlBe,
            "Uw volgnummer is A twaalf. Er zijn drie mensen voor u.",
        ),
        (
            Language::FrBe,
            "Votre numéro est A douze. Il y a trois personnes avant vous.",
        ),
        (
            Language::DeBe,
            "Ihre Nummer ist A zwölf. Vor Ihnen sind drei Personen.",
        ),
        (
            Language::En,
            "Your number is A twelve. There are three people before you.",
        ),
    ];
    for (language, text) in phrases {
        let path = dir.path().join(format!("{}.wav", language.locale()));
        let duration = render_wav(&Utterance::new(language, text), &path).unwrap();
        let words = text.split_whitespace().count() as u32;
        // espeak-ng speaks about 2 to 4 words a second at its normal rate.
        assert!(
            duration >= Duration::from_millis(150) * words,
            "{language:?}: {duration:?}"
        );
        assert!(
            duration <= Duration::from_millis(1000) * words,
            "{language:?}: {duration:?}"
        );
        assert!(
            std::fs::metadata(&path).unwrap().len() > 44,
            "{language:?}: header only"
        );
    }
}

#[test]
fn a_longer_text_renders_longer() {
    let dir = tempfile::tempdir().unwrap();
    let short = render_wav(
        &Utterance::new(Language::NlBe, "Dank u"),
        &dir.path().join("short.wav"),
    )
    .unwrap();
    let long = render_wav(
        &Utterance::new(
            Language::NlBe,
            "Dank u wel en nog een prettige dag verder in Gent",
        ),
        &dir.path().join("long.wav"),
    )
    .unwrap();
    assert!(long > short * 2, "short {short:?}, long {long:?}");
}
