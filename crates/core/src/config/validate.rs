//! From [`RawConfig`] to [`Config`]: every check, every problem collected, none fatal alone.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::locate::KeyLocator;
use super::raw::{RawConfig, RawDocumentPrinter, RawTicketPrinter};
use super::*;

/// White text on the accent colour must meet WCAG AAA (7:1): many residents see poorly.
const MIN_CONTRAST: f64 = 7.0;

pub(super) fn parse_and_validate(path: &Path, source: &str) -> Result<Loaded, ConfigError> {
    let locator = KeyLocator::new(source);
    let problem = |line: Option<usize>, key: &str, reason: Reason| ConfigProblem {
        file: path.to_path_buf(),
        line,
        key: key.to_owned(),
        reason,
    };

    let mut unknown = Vec::new();
    let raw: RawConfig = toml::Deserializer::parse(source)
        .and_then(|deserializer| {
            serde_ignored::deserialize(deserializer, |key| unknown.push(key.to_string()))
        })
        .map_err(|error: toml::de::Error| {
            let start = error.span().map(|span| span.start);
            let line = start.map(|start| locator.line_at(start));
            let key = start
                .and_then(|start| locator.key_at(start))
                .unwrap_or_default();
            ConfigError {
                problems: vec![problem(line, &key, plain_reason(error.message()).into())],
            }
        })?;

    let warnings = unknown
        .iter()
        .map(|key| problem(locator.line_of(key), key, "unknown key, ignored".into()))
        .collect();

    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut checker = Checker {
        locator: &locator,
        file: path,
        problems: Vec::new(),
    };
    let config = checker.config(raw, &base);
    match config {
        Some(config) if checker.problems.is_empty() => Ok(Loaded { config, warnings }),
        _ => Err(ConfigError {
            problems: checker.problems,
        }),
    }
}

struct Checker<'a> {
    locator: &'a KeyLocator<'a>,
    file: &'a Path,
    problems: Vec<ConfigProblem>,
}

impl Checker<'_> {
    fn report(&mut self, key: &str, reason: impl Into<Reason>) {
        self.problems.push(ConfigProblem {
            file: self.file.to_path_buf(),
            line: self.locator.line_of(key),
            key: key.to_owned(),
            reason: reason.into(),
        });
    }

    /// `Some` when the value is in `range`; reports and gives `None` otherwise.
    fn in_range(
        &mut self,
        key: &str,
        value: i64,
        range: std::ops::RangeInclusive<i64>,
        unit: Unit,
    ) -> Option<i64> {
        if range.contains(&value) {
            Some(value)
        } else {
            self.report(
                key,
                Reason::OutOfRange {
                    value,
                    low: *range.start(),
                    high: *range.end(),
                    unit,
                },
            );
            None
        }
    }

    fn seconds(&mut self, key: &str, value: i64, range: std::ops::RangeInclusive<i64>) -> Duration {
        let seconds = self.in_range(key, value, range, Unit::Seconds).unwrap_or(1);
        Duration::from_secs(seconds.unsigned_abs())
    }

    fn language(&mut self, key: &str, tag: &str) -> Option<Language> {
        tag.parse()
            .map_err(|error: crate::i18n::UnknownLanguage| self.report(key, error.to_string()))
            .ok()
    }

    fn not_blank(&mut self, key: &str, value: String) -> String {
        if value.trim().is_empty() {
            self.report(key, Reason::Empty);
        }
        value
    }

    fn config(&mut self, raw: RawConfig, base: &Path) -> Option<Config> {
        let k = raw.kiosk;
        let name = self.not_blank("kiosk.name", k.name);
        let municipality = self.not_blank("kiosk.municipality", k.municipality);
        let accent = match k.accent_color.parse::<Rgb>() {
            Ok(colour) if colour.contrast(Rgb::WHITE) < MIN_CONTRAST => {
                self.report(
                    "kiosk.accent_color",
                    format!(
                        "{} gives white text a contrast of {:.1}:1; choose a darker colour (at least {MIN_CONTRAST}:1)",
                        k.accent_color,
                        colour.contrast(Rgb::WHITE)
                    ),
                );
                None
            }
            Ok(colour) => Some(colour),
            Err(reason) => {
                self.report("kiosk.accent_color", reason);
                None
            }
        };
        let default_language = self.language("kiosk.default_language", &k.default_language);
        let mut languages = Vec::new();
        for tag in &k.languages {
            if let Some(language) = self.language("kiosk.languages", tag) {
                if languages.contains(&language) {
                    self.report("kiosk.languages", Reason::ListedTwice { tag: tag.clone() });
                }
                languages.push(language);
            }
        }
        if k.languages.is_empty() {
            self.report("kiosk.languages", Reason::NoLanguage);
        }
        if let Some(default) = default_language
            && !k.languages.is_empty()
            && !languages.contains(&default)
        {
            self.report(
                "kiosk.default_language",
                Reason::DefaultNotOffered {
                    tag: default.tag().to_owned(),
                },
            );
        }
        let idle_timeout = self.seconds("kiosk.idle_timeout_s", k.idle_timeout_s, 15..=3600);
        let idle_warning = self.seconds("kiosk.idle_warning_s", k.idle_warning_s, 20..=300);
        let timezone = jiff::tz::TimeZone::get(&k.timezone)
            .map_err(|_| {
                self.report(
                    "kiosk.timezone",
                    format!("{:?} is not a known time zone", k.timezone),
                )
            })
            .ok();
        let data_dir = resolve(base, &k.data_dir);
        let logo = k.logo.map(|logo| resolve(base, &logo));
        if let Some(logo) = &logo
            && !logo.is_file()
        {
            self.report("kiosk.logo", format!("no file at {}", logo.display()));
        }

        let d = raw.display;
        let width = self.in_range("display.width", d.width, 320..=7680, Unit::Pixels);
        let height = self.in_range("display.height", d.height, 240..=7680, Unit::Pixels);
        let reach = self.in_range(
            "display.reach_top_percent",
            d.reach_top_percent,
            0..=40,
            Unit::None,
        );

        let b = raw.backend;
        let target = if b.url.trim() == "embedded" {
            Some(BackendTarget::Embedded)
        } else if is_acceptable_url(&b.url) {
            Some(BackendTarget::Remote(
                b.url.trim_end_matches('/').to_owned(),
            ))
        } else {
            self.report(
                "backend.url",
                format!("{:?} is neither \"embedded\" nor an https:// address without user name or query (http:// only on loopback)", b.url),
            );
            None
        };
        let backend = BackendSettings {
            target: target.unwrap_or(BackendTarget::Embedded),
            token_file: resolve(&data_dir, &b.token_file),
            enrolment_code: b.enrolment_code.filter(|code| !code.trim().is_empty()),
            connect_timeout: self.seconds("backend.connect_timeout_s", b.connect_timeout_s, 1..=60),
            request_timeout: self.seconds(
                "backend.request_timeout_s",
                b.request_timeout_s,
                1..=120,
            ),
        };

        let ticket_printer = self.ticket_printer(raw.printer.ticket, &data_dir);
        let document_printer = self.document_printer(raw.printer.document, &data_dir);

        let s = raw.scanner;
        let scanner = if s.enabled {
            // A device is a file under /dev (or a pty): a bare name is a typo, not a port.
            if !std::path::Path::new(&s.path).is_absolute() {
                self.report("scanner.path", Reason::ScannerPath);
            }
            let baud = self.baud("scanner.baud", s.baud);
            Some(ScannerSettings {
                path: PathBuf::from(s.path),
                baud,
            })
        } else {
            None
        };

        let card_reader = match raw.card_reader.mode.as_str() {
            "none" => CardReaderMode::None,
            "demo" => {
                let pin = raw.card_reader.demo_pin;
                if !(4..=12).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
                    self.report("card_reader.demo_pin", "must be 4 to 12 digits");
                }
                CardReaderMode::Demo { pin }
            }
            "pcsc" => CardReaderMode::Pcsc {
                reader: raw.card_reader.reader.filter(|r| !r.trim().is_empty()),
            },
            other => {
                self.report(
                    "card_reader.mode",
                    format!("{other:?}: use \"pcsc\", \"demo\" or \"none\""),
                );
                CardReaderMode::None
            }
        };

        let pin = raw.staff.pin;
        if !(4..=8).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
            self.report("staff.pin", "must be 4 to 8 digits");
        }

        let rate = self.in_range("speech.rate", raw.speech.rate, -100..=100, Unit::None);
        let headset = match raw.speech.headset.trim() {
            "auto" => HeadsetJack::Auto,
            "off" | "" => HeadsetJack::Off,
            path if path.starts_with('/') => HeadsetJack::Device(PathBuf::from(path)),
            other => {
                self.report(
                    "speech.headset",
                    format!("{other:?}: use \"auto\", \"off\" or an event device's path"),
                );
                HeadsetJack::Off
            }
        };
        let speech = SpeechSettings {
            enabled: raw.speech.enabled,
            socket: (!raw.speech.socket.trim().is_empty())
                .then(|| PathBuf::from(raw.speech.socket.trim())),
            rate: rate.and_then(|r| i8::try_from(r).ok()).unwrap_or(0),
            headset,
        };

        Some(Config {
            source: self.file.to_path_buf(),
            kiosk: KioskSettings {
                name,
                municipality,
                logo,
                accent: accent?,
                default_language: default_language?,
                languages,
                idle_timeout,
                idle_warning,
                data_dir,
                timezone: timezone?,
            },
            display: DisplaySettings {
                fullscreen: d.fullscreen,
                width: u32::try_from(width?).ok()?,
                height: u32::try_from(height?).ok()?,
                hide_cursor: d.hide_cursor,
                reach_top_percent: u8::try_from(reach?).ok()?,
            },
            backend,
            ticket_printer: ticket_printer?,
            document_printer: document_printer?,
            scanner,
            card_reader,
            staff: StaffSettings {
                pin,
                allow_exit: raw.staff.allow_exit,
            },
            speech,
        })
    }

    fn baud(&mut self, key: &str, baud: i64) -> u32 {
        if !SERIAL_SPEEDS.contains(&baud) {
            self.report(key, Reason::NotSerialSpeed { value: baud });
        }
        u32::try_from(baud).unwrap_or(9600)
    }

    fn required<T>(&mut self, key: &str, value: Option<T>, need: Need) -> Option<T> {
        if value.is_none() {
            self.report(key, Reason::Needs(need));
        }
        value
    }

    fn ticket_printer(
        &mut self,
        p: RawTicketPrinter,
        data_dir: &Path,
    ) -> Option<TicketPrinterSettings> {
        const T: &str = "printer.ticket";
        let transport = match p.transport.as_str() {
            "tcp" => {
                let host = self.required(&format!("{T}.host"), p.host, Need::Host);
                let port = p.port.unwrap_or(9100);
                let port = self.in_range(&format!("{T}.port"), port, 1..=65535, Unit::None);
                Some(TicketTransport::Tcp {
                    host: host?,
                    port: u16::try_from(port?).ok()?,
                })
            }
            "serial" => {
                let path = self.required(&format!("{T}.path"), p.path, Need::SerialDevice);
                let baud = self.baud(&format!("{T}.baud"), p.baud.unwrap_or(38400));
                Some(TicketTransport::Serial {
                    path: PathBuf::from(path?),
                    baud,
                })
            }
            "usb" => {
                let path = self.required(&format!("{T}.path"), p.path, Need::UsbDevice);
                Some(TicketTransport::Usb {
                    path: PathBuf::from(path?),
                })
            }
            "folder" => {
                let path = self.required(&format!("{T}.path"), p.path, Need::Folder);
                Some(TicketTransport::Folder {
                    path: resolve(data_dir, &path?),
                })
            }
            "cups" => {
                let queue = self.required(&format!("{T}.queue"), p.queue, Need::CupsQueue);
                Some(TicketTransport::Cups { queue: queue? })
            }
            other => {
                self.report(
                    &format!("{T}.transport"),
                    format!("{other:?}: use \"tcp\", \"serial\", \"usb\", \"folder\" or \"cups\""),
                );
                None
            }
        };
        let default_columns = match p.paper_width_mm {
            58 => Some(32),
            80 => Some(48),
            other => {
                self.report(
                    &format!("{T}.paper_width_mm"),
                    format!("{other} mm: use 58 or 80"),
                );
                None
            }
        };
        let columns = match (p.columns, default_columns) {
            (Some(columns @ (32 | 42 | 48)), _) => Some(columns),
            (Some(columns), _) => {
                self.report(
                    &format!("{T}.columns"),
                    format!("{columns}: use 32 (58 mm), 42 or 48 (80 mm)"),
                );
                None
            }
            (None, default) => default,
        };
        let write_timeout =
            self.seconds(&format!("{T}.write_timeout_s"), p.write_timeout_s, 1..=60);
        Some(TicketPrinterSettings {
            transport: transport?,
            paper_width_mm: u8::try_from(p.paper_width_mm).ok()?,
            columns: u8::try_from(columns?).ok()?,
            write_timeout,
        })
    }

    fn document_printer(
        &mut self,
        p: RawDocumentPrinter,
        data_dir: &Path,
    ) -> Option<DocumentPrinterSettings> {
        const T: &str = "printer.document";
        match p.transport.as_str() {
            "folder" => {
                let path = self.required(&format!("{T}.path"), p.path, Need::Folder);
                Some(DocumentPrinterSettings::Folder {
                    path: resolve(data_dir, &path?),
                })
            }
            "cups" => {
                let queue = self.required(&format!("{T}.queue"), p.queue, Need::CupsQueue);
                Some(DocumentPrinterSettings::Cups { queue: queue? })
            }
            other => {
                self.report(
                    &format!("{T}.transport"),
                    format!("{other:?}: use \"folder\" or \"cups\""),
                );
                None
            }
        }
    }
}

/// serde speaks Rust ("expected i64"); IT staff read TOML.
fn plain_reason(message: &str) -> String {
    let message = message.trim();
    [
        ("expected i64", "expected a whole number"),
        ("expected a boolean", "expected true or false"),
    ]
    .iter()
    .fold(message.to_owned(), |text, (rust, toml)| {
        text.replace(rust, toml)
    })
}

/// Relative paths are taken from `base` (the config file's folder, or the data folder), so that
/// the kiosk behaves the same whatever folder it was started from.
fn resolve(base: &Path, path: &str) -> PathBuf {
    let path = PathBuf::from(path);
    if path.is_absolute() {
        path
    } else {
        base.join(path)
    }
}

/// Tokens must not cross a network in clear text; plain http is for loopback tests only. The
/// address is parsed, not matched by prefix: `http://127.0.0.1@example.org` goes to
/// example.org. No user info (it would be sent to the host, and logged), no query or fragment.
fn is_acceptable_url(url: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(url.trim()) else {
        return false;
    };
    let plain = url.username().is_empty()
        && url.password().is_none()
        && url.query().is_none()
        && url.fragment().is_none();
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    plain
        && match url.scheme() {
            "https" => url.host().is_some(),
            "http" => loopback,
            _ => false,
        }
}
