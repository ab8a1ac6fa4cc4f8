//! An utterance rendered by the espeak-ng command-line program, for tests that check what a
//! resident would hear: a WAV file that is not empty and lasts about as long as the words.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{TestingError, io_error, spawn_error};
use crate::Utterance;

/// Renders `utterance` with `espeak-ng -v VOICE -w path` in the utterance's voice (the one
/// speech-dispatcher uses for it) and returns the WAV's duration. The text goes through
/// standard input, so that no text is taken for an option.
pub fn render_wav(utterance: &Utterance, path: &Path) -> Result<Duration, TestingError> {
    let voice = utterance.language.voice();
    let mut child = Command::new("espeak-ng")
        .args(["-v", voice, "--stdin", "-w"])
        .arg(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(spawn_error("espeak-ng", "apt-get install -y espeak-ng"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(utterance.text.as_bytes())
            .map_err(io_error("cannot hand the text to espeak-ng"))?;
    }
    let output = child
        .wait_with_output()
        .map_err(io_error("espeak-ng did not finish"))?;
    // espeak-ng says "voice not found" on stderr but still exits 0 with a default voice.
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    if !output.status.success() || !stderr.is_empty() {
        return Err(TestingError::Espeak { voice, stderr });
    }
    let reader = hound::WavReader::open(path).map_err(|source| TestingError::Wav {
        path: path.to_path_buf(),
        source,
    })?;
    let rate = u64::from(reader.spec().sample_rate.max(1));
    let frames = u64::from(reader.duration());
    Ok(Duration::from_micros(frames * 1_000_000 / rate))
}
