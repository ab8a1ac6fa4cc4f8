//! The configuration exactly as written in `kiosk.toml`, before any check.
//!
//! Every field has a default so that a short file works; checks that need more than a type
//! (ranges, languages, colours, combinations) live in `validate.rs`, where each problem can be
//! reported with its key and line instead of stopping at the first.

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawConfig {
    pub kiosk: RawKiosk,
    pub display: RawDisplay,
    pub backend: RawBackend,
    pub printer: RawPrinters,
    pub scanner: RawScanner,
    pub card_reader: RawCardReader,
    pub staff: RawStaff,
    pub speech: RawSpeech,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawKiosk {
    pub name: String,
    pub municipality: String,
    pub logo: Option<String>,
    pub accent_color: String,
    pub default_language: String,
    pub languages: Vec<String>,
    pub idle_timeout_s: i64,
    pub idle_warning_s: i64,
    pub data_dir: String,
    pub timezone: String,
}

impl Default for RawKiosk {
    fn default() -> Self {
        Self {
            name: "kiosk-1".into(),
            municipality: "Gemeente".into(),
            logo: None,
            accent_color: "#0B4F8A".into(),
            default_language: "nl-BE".into(),
            languages: vec!["nl-BE".into(), "fr-BE".into(), "de-BE".into(), "en".into()],
            idle_timeout_s: 60,
            idle_warning_s: 20,
            data_dir: "data".into(),
            timezone: "Europe/Brussels".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawDisplay {
    pub fullscreen: bool,
    pub width: i64,
    pub height: i64,
    pub hide_cursor: bool,
    pub reach_top_percent: i64,
}

impl Default for RawDisplay {
    fn default() -> Self {
        Self {
            fullscreen: true,
            width: 1080,
            height: 1920,
            hide_cursor: true,
            reach_top_percent: 0,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawSpeech {
    pub enabled: bool,
    pub socket: String,
    pub rate: i64,
    pub headset: String,
}

impl Default for RawSpeech {
    fn default() -> Self {
        Self {
            enabled: true,
            socket: String::new(),
            rate: 0,
            headset: "auto".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawBackend {
    pub url: String,
    pub token_file: String,
    pub enrolment_code: Option<String>,
    pub connect_timeout_s: i64,
    pub request_timeout_s: i64,
}

impl Default for RawBackend {
    fn default() -> Self {
        Self {
            url: "embedded".into(),
            token_file: "kiosk.token".into(),
            enrolment_code: None,
            connect_timeout_s: 5,
            request_timeout_s: 10,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawPrinters {
    pub ticket: RawTicketPrinter,
    pub document: RawDocumentPrinter,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawTicketPrinter {
    pub transport: String,
    pub host: Option<String>,
    pub port: Option<i64>,
    pub path: Option<String>,
    pub baud: Option<i64>,
    pub queue: Option<String>,
    pub paper_width_mm: i64,
    pub columns: Option<i64>,
    pub write_timeout_s: i64,
}

impl Default for RawTicketPrinter {
    fn default() -> Self {
        Self {
            transport: "folder".into(),
            host: None,
            port: None,
            path: Some("tickets".into()),
            baud: None,
            queue: None,
            paper_width_mm: 80,
            columns: None,
            write_timeout_s: 5,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawDocumentPrinter {
    pub transport: String,
    pub path: Option<String>,
    pub queue: Option<String>,
}

impl Default for RawDocumentPrinter {
    fn default() -> Self {
        Self {
            transport: "folder".into(),
            path: Some("documents".into()),
            queue: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawScanner {
    pub enabled: bool,
    pub path: String,
    pub baud: i64,
}

impl Default for RawScanner {
    fn default() -> Self {
        Self {
            enabled: false,
            path: "/dev/ttyACM0".into(),
            baud: 9600,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RawCardReader {
    pub mode: String,
    pub reader: Option<String>,
    pub demo_pin: String,
}

impl Default for RawCardReader {
    fn default() -> Self {
        Self {
            mode: "demo".into(),
            reader: None,
            demo_pin: "1234".into(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawStaff {
    pub pin: String,
    pub allow_exit: bool,
}
