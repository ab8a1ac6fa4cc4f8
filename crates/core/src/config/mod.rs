//! The kiosk's configuration: read raw (serde), then validated into [`Config`] before the UI
//! starts. A problem names the file, the line, the key and what is wrong.

mod color;
pub mod edit;
mod locate;
mod printing;
mod problem;
mod raw;
mod validate;

pub use color::Rgb;
pub use edit::{EditError, SettingsEdit};
pub use problem::{ConfigError, ConfigProblem, Need, Reason, SERIAL_SPEEDS, Unit};
pub use raw::RawConfig;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::i18n::Language;

/// Where the kiosk looks for its configuration when `--config` is not given, in this order.
pub const DEFAULT_LOCATIONS: [&str; 2] = ["kiosk.toml", "/etc/kiosk/kiosk.toml"];

/// A configuration that passed every check.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from.
    pub source: PathBuf,
    pub kiosk: KioskSettings,
    pub display: DisplaySettings,
    pub backend: BackendSettings,
    pub ticket_printer: TicketPrinterSettings,
    pub document_printer: DocumentPrinterSettings,
    /// `None` when no serial barcode scanner is attached.
    pub scanner: Option<ScannerSettings>,
    pub card_reader: CardReaderMode,
    pub staff: StaffSettings,
    pub speech: SpeechSettings,
}

/// Speech mode for residents who cannot see the screen (started by the resident with a key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechSettings {
    /// `false`: no speech key and no "Read aloud" button at all.
    pub enabled: bool,
    /// speech-dispatcher's socket; `None`: the kiosk user's own (started when needed).
    pub socket: Option<PathBuf>,
    /// The rate a session starts at, in speech-dispatcher's scale (-100..=100).
    pub rate: i8,
    /// Where a headset plugged in starts speech mode.
    pub headset: HeadsetJack,
}

/// Which headphone jack starts speech mode when a headset is plugged in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadsetJack {
    /// The sound card's own, found in `/proc/bus/input/devices` (none: nothing happens).
    Auto,
    /// None: only the speech key and "Read aloud" start speech.
    Off,
    /// This event device (`/dev/input/by-path/…-event`), for a machine with several cards.
    Device(PathBuf),
}

#[derive(Debug, Clone)]
pub struct KioskSettings {
    pub name: String,
    pub municipality: String,
    pub logo: Option<PathBuf>,
    /// Background of the main actions; white text on it meets 7:1.
    pub accent: Rgb,
    pub default_language: Language,
    /// Offered in the language bar, in this order.
    pub languages: Vec<Language>,
    /// Inactivity before the "are you still there?" warning.
    pub idle_timeout: Duration,
    /// How long the warning counts down before the kiosk starts again.
    pub idle_warning: Duration,
    /// Where the kiosk keeps its database, token and demo printer output.
    pub data_dir: PathBuf,
    pub timezone: jiff::tz::TimeZone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisplaySettings {
    pub fullscreen: bool,
    pub width: u32,
    pub height: u32,
    pub hide_cursor: bool,
    /// On a tall portrait screen, the top share (in percent) kept free of anything to touch
    /// (EN 301 549 clause 8, reach range): only the header is drawn there. 0 for none.
    pub reach_top_percent: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendTarget {
    /// The reference backend, run inside the kiosk's process with demo data.
    Embedded,
    /// The municipality's backend at this base URL.
    Remote(String),
}

#[derive(Debug, Clone)]
pub struct BackendSettings {
    pub target: BackendTarget,
    pub token_file: PathBuf,
    pub enrolment_code: Option<String>,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketTransport {
    Tcp {
        host: String,
        port: u16,
    },
    Serial {
        path: PathBuf,
        baud: u32,
    },
    /// A USB printer-class device file such as `/dev/usb/lp0`.
    Usb {
        path: PathBuf,
    },
    /// Each ticket written as a file into this folder (demo, tests).
    Folder {
        path: PathBuf,
    },
    /// A raw CUPS queue (`lp -d QUEUE -o raw`).
    Cups {
        queue: String,
    },
}

#[derive(Debug, Clone)]
pub struct TicketPrinterSettings {
    pub transport: TicketTransport,
    pub paper_width_mm: u8,
    /// Characters per line in font A.
    pub columns: u8,
    pub write_timeout: Duration,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentPrinterSettings {
    Folder { path: PathBuf },
    Cups { queue: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannerSettings {
    pub path: PathBuf,
    pub baud: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardReaderMode {
    /// No card reader: certificates are not offered.
    None,
    /// A simulated card for demonstrations, labelled as such on screen with its PIN (it is
    /// not a secret: the card is a synthetic resident of the demo register).
    Demo { pin: String },
    /// A real reader through PC/SC: the first whose name contains `reader`, or any reader.
    Pcsc { reader: Option<String> },
}

#[derive(Clone)]
pub struct StaffSettings {
    pin: String,
    pub allow_exit: bool,
}

impl StaffSettings {
    /// Compares without revealing where the first difference is.
    pub fn pin_matches(&self, attempt: &str) -> bool {
        let (a, b) = (self.pin.as_bytes(), attempt.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl std::fmt::Debug for StaffSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaffSettings")
            .field("pin", &"<hidden>")
            .field("allow_exit", &self.allow_exit)
            .finish()
    }
}

/// A usable configuration and what was odd about it (unknown keys).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    pub warnings: Vec<ConfigProblem>,
}

/// Reads and checks the configuration at `path`.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let source = std::fs::read_to_string(path).map_err(|error| ConfigError {
        problems: vec![ConfigProblem {
            file: path.to_path_buf(),
            line: None,
            key: String::new(),
            reason: Reason::Other(format!("cannot read the file: {error}")),
        }],
    })?;
    parse(path, &source)
}

/// Checks configuration text as if it had been read from `path`.
pub fn parse(path: &Path, source: &str) -> Result<Loaded, ConfigError> {
    validate::parse_and_validate(path, source)
}

/// The file to use when none is named: the first of [`DEFAULT_LOCATIONS`] that exists.
pub fn default_path() -> PathBuf {
    DEFAULT_LOCATIONS
        .iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
        .unwrap_or_else(|| PathBuf::from(DEFAULT_LOCATIONS[0]))
}
