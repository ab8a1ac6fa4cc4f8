//! What is wrong with a configuration file, said so that IT can fix it: file, line, key, reason.
//! The reasons a desk clerk can meet on the staff settings screen are kinds of [`Reason`] with
//! their values, so that the screen says them in the clerk's language; the rest stay IT's words.

use std::fmt;
use std::path::PathBuf;

/// One thing wrong (or, for a warning, odd) in a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub file: PathBuf,
    /// 1-based line of the key, when the key is written in the file.
    pub line: Option<usize>,
    /// The dotted key, e.g. `kiosk.idle_timeout_s`; empty for a problem with the whole file.
    pub key: String,
    pub reason: Reason,
}

impl fmt::Display for ConfigProblem {
    /// `PATH:LINE: KEY: reason`, the shape editors and CI logs link to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.key.is_empty() {
            write!(f, ": {}", self.key)?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// The serial speeds a ticket printer or scanner may use.
pub const SERIAL_SPEEDS: [i64; 8] = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

/// Why a value is refused. Its `Display` is the English that `--check-config` and the logs
/// show; the staff screen translates the kinds a clerk can cause (everything but
/// [`Reason::Other`]) from the kind and its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A name or text that must be there.
    Empty,
    /// A number outside what the kiosk accepts.
    OutOfRange {
        value: i64,
        low: i64,
        high: i64,
        unit: Unit,
    },
    /// The same language twice in the list.
    ListedTwice { tag: String },
    /// An empty list of languages.
    NoLanguage,
    /// The default language is not among those offered.
    DefaultNotOffered { tag: String },
    /// Not one of [`SERIAL_SPEEDS`].
    NotSerialSpeed { value: i64 },
    /// The printer connection chosen needs another setting.
    Needs(Need),
    /// The scanner's port is not a full path.
    ScannerPath,
    /// Typed where a whole number belongs.
    NotANumber { input: String },
    /// Anything a clerk cannot cause from the staff screen (a colour, a time zone, the backend's
    /// address, a TOML syntax error): IT's words, as they are.
    Other(String),
}

/// The unit a range is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    None,
    Seconds,
    Pixels,
}

/// What a printer connection needs besides itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Host,
    SerialDevice,
    UsbDevice,
    Folder,
    CupsQueue,
}

impl Need {
    fn english(self) -> &'static str {
        match self {
            Need::Host => "the printer's host name or address",
            Need::SerialDevice => "the serial device, e.g. /dev/ttyUSB0",
            Need::UsbDevice => "the device file, e.g. /dev/usb/lp0",
            Need::Folder => "a folder",
            Need::CupsQueue => "a CUPS queue name",
        }
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Self {
        Reason::Other(text)
    }
}

impl From<&str> for Reason {
    fn from(text: &str) -> Self {
        Reason::Other(text.to_owned())
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Empty => write!(f, "must not be empty"),
            Reason::OutOfRange {
                value,
                low,
                high,
                unit,
            } => {
                let unit = match unit {
                    Unit::None => "",
                    Unit::Seconds => " seconds",
                    Unit::Pixels => " pixels",
                };
                write!(f, "{value} is out of range: use {low} to {high}{unit}")
            }
            Reason::ListedTwice { tag } => write!(f, "{tag} is listed twice"),
            Reason::NoLanguage => write!(f, "offer at least one language"),
            Reason::DefaultNotOffered { tag } => {
                write!(f, "{tag} is not among kiosk.languages")
            }
            Reason::NotSerialSpeed { value } => write!(
                f,
                "{value} is not a serial speed: use one of {SERIAL_SPEEDS:?}"
            ),
            Reason::Needs(need) => write!(f, "missing: this transport needs {}", need.english()),
            Reason::ScannerPath => write!(
                f,
                "the scanner's serial device as a full path, e.g. /dev/ttyACM0"
            ),
            Reason::NotANumber { input } => write!(f, "{input:?} is not a whole number"),
            Reason::Other(text) => write!(f, "{text}"),
        }
    }
}

/// A configuration that cannot be used, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ConfigError {
    pub problems: Vec<ConfigProblem>,
}
