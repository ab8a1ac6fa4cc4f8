//! Every way a configuration can be wrong is reported with file, line, key and reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use kiosk_core::config::{self, BackendTarget, ConfigProblem, TicketTransport};
use kiosk_core::i18n::Language;

const SHIPPED: &str = include_str!("../../../kiosk.toml");

fn shipped_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kiosk.toml")
}

/// The shipped file with one line replaced, checked as if it lived beside the shipped one.
fn with_line(old: &str, new: &str) -> Result<config::Loaded, config::ConfigError> {
    assert!(SHIPPED.contains(old), "kiosk.toml no longer has {old:?}");
    config::parse(&shipped_path(), &SHIPPED.replacen(old, new, 1))
}

fn only_problem(result: Result<config::Loaded, config::ConfigError>) -> ConfigProblem {
    let problems = result.expect_err("the config should be refused").problems;
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

fn line_of(text: &str) -> usize {
    SHIPPED
        .lines()
        .position(|line| line.starts_with(text))
        .unwrap()
        + 1
}

#[test]
fn the_shipped_kiosk_toml_is_valid_and_runs_the_embedded_demo() {
    let loaded = config::load(&shipped_path()).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let config = loaded.config;
    assert_eq!(config.kiosk.default_language, Language::Dutch);
    assert_eq!(config.kiosk.languages, Language::ALL.to_vec());
    assert_eq!(config.backend.target, BackendTarget::Embedded);
    assert!(!config.display.fullscreen);
    assert!(matches!(
        config.ticket_printer.transport,
        TicketTransport::Folder { .. }
    ));
    assert_eq!(config.kiosk.idle_timeout.as_secs(), 60);
    assert!(config.staff.pin_matches("2468"));
    assert!(!config.staff.pin_matches("2469"));
    assert!(
        !format!("{:?}", config.staff).contains("2468"),
        "the PIN must not reach a log"
    );
}

#[test]
fn a_wrong_type_names_the_line() {
    let problem = only_problem(with_line(
        "idle_timeout_s = 60",
        "idle_timeout_s = \"sixty\"",
    ));
    assert_eq!(problem.line, Some(line_of("idle_timeout_s")));
    assert_eq!(problem.key, "kiosk.idle_timeout_s");
    assert!(
        problem
            .reason
            .to_string()
            .contains("expected a whole number"),
        "{}",
        problem.reason
    );
    let shown = problem.to_string();
    let prefix = format!(
        "{}:{}: ",
        shipped_path().display(),
        line_of("idle_timeout_s")
    );
    assert!(shown.starts_with(&prefix), "{shown}");
}

#[test]
fn an_unknown_language_names_key_line_and_the_choices() {
    let problem = only_problem(with_line(
        "languages = [\"nl-BE\", \"fr-BE\", \"de-BE\", \"en\"]",
        "languages = [\"nl-BE\", \"es-ES\"]",
    ));
    assert_eq!(problem.key, "kiosk.languages");
    assert_eq!(problem.line, Some(line_of("languages =")));
    assert!(
        problem.reason.to_string().contains("es-ES")
            && problem
                .reason
                .to_string()
                .contains("nl-BE, fr-BE, de-BE, en")
    );
}

#[test]
fn impossible_values_are_each_reported() {
    let source = SHIPPED
        .replacen("idle_timeout_s = 60", "idle_timeout_s = 0", 1)
        .replacen("idle_warning_s = 20", "idle_warning_s = 5", 1)
        .replacen("width = 1080", "width = -3", 1)
        .replacen("paper_width_mm = 80", "paper_width_mm = 70", 1);
    let problems = config::parse(&shipped_path(), &source)
        .unwrap_err()
        .problems;
    let keys: Vec<_> = problems.iter().map(|p| (p.key.as_str(), p.line)).collect();
    assert_eq!(
        keys,
        [
            ("kiosk.idle_timeout_s", Some(line_of("idle_timeout_s"))),
            ("kiosk.idle_warning_s", Some(line_of("idle_warning_s"))),
            ("display.width", Some(line_of("width ="))),
            (
                "printer.ticket.paper_width_mm",
                Some(line_of("paper_width_mm"))
            ),
        ]
    );
    assert!(
        problems[0]
            .reason
            .to_string()
            .contains("use 15 to 3600 seconds"),
        "{}",
        problems[0].reason
    );
}

#[test]
fn a_default_language_that_is_not_offered_is_refused() {
    let problem = only_problem(with_line(
        "languages = [\"nl-BE\", \"fr-BE\", \"de-BE\", \"en\"]",
        "languages = [\"fr-BE\", \"en\"]",
    ));
    assert_eq!(problem.key, "kiosk.default_language");
    assert!(
        problem
            .reason
            .to_string()
            .contains("nl-BE is not among kiosk.languages")
    );
}

#[test]
fn unknown_keys_warn_with_their_line_but_do_not_stop_the_kiosk() {
    let loaded = with_line(
        "hide_cursor = false",
        "hide_cursor = false\nhide_cursr = true",
    )
    .unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].key, "display.hide_cursr");
    assert_eq!(loaded.warnings[0].line, Some(line_of("hide_cursor") + 1));
}

#[test]
fn a_light_accent_colour_is_refused_for_its_contrast() {
    let problem = only_problem(with_line(
        "accent_color = \"#0B4F8A\"",
        "accent_color = \"#66A3FF\"",
    ));
    assert_eq!(problem.key, "kiosk.accent_color");
    assert!(
        problem.reason.to_string().contains("7:1"),
        "{}",
        problem.reason
    );
}

#[test]
fn transports_need_their_settings() {
    let folder = "transport = \"folder\"\n# For \"folder\"";
    let problem = only_problem(with_line(folder, "transport = \"tcp\"\n# For \"folder\""));
    assert_eq!(problem.key, "printer.ticket.host");
    let problem = only_problem(with_line(
        folder,
        "transport = \"parallel\"\n# For \"folder\"",
    ));
    assert_eq!(problem.key, "printer.ticket.transport");
}

#[test]
fn a_scanner_port_must_be_a_full_device_path() {
    let scanner = "enabled = false\npath = \"/dev/ttyACM0\"";
    let enabled = with_line(scanner, "enabled = true\npath = \"/dev/ttyACM0\"").unwrap();
    assert_eq!(
        enabled.config.scanner.unwrap().path,
        PathBuf::from("/dev/ttyACM0")
    );
    let problem = only_problem(with_line(scanner, "enabled = true\npath = \"ttyACM0\""));
    assert_eq!(problem.key, "scanner.path");
    assert!(
        problem.reason.to_string().contains("/dev/ttyACM0"),
        "{problem}"
    );
    // A scanner that is off may keep any leftover port.
    with_line(scanner, "enabled = false\npath = \"ttyACM0\"").unwrap();
}

#[test]
fn speech_takes_a_socket_and_a_rate_on_speech_dispatchers_scale() {
    let shipped = config::load(&shipped_path()).unwrap().config.speech;
    assert!(shipped.enabled);
    assert_eq!(shipped.socket, None, "empty: the kiosk user's own daemon");
    assert_eq!(shipped.rate, 0);

    let socket = with_line("socket = \"\"", "socket = \" /run/speechd.sock \"").unwrap();
    assert_eq!(
        socket.config.speech.socket,
        Some(PathBuf::from("/run/speechd.sock"))
    );
    let slowest = with_line("rate = 0", "rate = -100").unwrap();
    assert_eq!(slowest.config.speech.rate, -100);

    let problem = only_problem(with_line("rate = 0", "rate = 101"));
    assert_eq!(problem.key, "speech.rate");
    assert_eq!(
        problem.reason.to_string(),
        "101 is out of range: use -100 to 100"
    );
    assert_eq!(problem.line, Some(line_of("rate = 0")));
}

#[test]
fn speech_starts_from_the_sound_cards_own_jack_another_device_or_none() {
    use kiosk_core::config::HeadsetJack;
    let shipped = config::load(&shipped_path()).unwrap().config.speech;
    assert_eq!(shipped.headset, HeadsetJack::Auto);
    let line = "headset = \"auto\"";
    let off = with_line(line, "headset = \"off\"").unwrap();
    assert_eq!(off.config.speech.headset, HeadsetJack::Off);
    let device = "/dev/input/by-path/pci-0000:00:1f.3-platform-skl_hda_dsp_generic-event";
    let chosen = with_line(line, &format!("headset = \"{device}\"")).unwrap();
    assert_eq!(
        chosen.config.speech.headset,
        HeadsetJack::Device(PathBuf::from(device))
    );
    let problem = only_problem(with_line(line, "headset = \"yes\""));
    assert_eq!(problem.key, "speech.headset");
    assert!(
        problem.reason.to_string().contains("\"auto\", \"off\""),
        "{problem}"
    );
    assert_eq!(problem.line, Some(line_of(line)));
}

#[test]
fn a_backend_address_must_be_https_except_on_loopback() {
    let problem = only_problem(with_line(
        "url = \"embedded\"",
        "url = \"http://backend.example.be\"",
    ));
    assert_eq!(problem.key, "backend.url");
    let loaded = with_line("url = \"embedded\"", "url = \"http://127.0.0.1:8080/\"").unwrap();
    assert_eq!(
        loaded.config.backend.target,
        BackendTarget::Remote("http://127.0.0.1:8080".into())
    );
    let loaded = with_line("url = \"embedded\"", "url = \"https://kiosk.example.be\"").unwrap();
    assert_eq!(
        loaded.config.backend.target,
        BackendTarget::Remote("https://kiosk.example.be".into())
    );
    for loopback in [
        "http://localhost:8080",
        "http://[::1]:8080",
        "http://127.0.0.2",
    ] {
        let loaded = with_line("url = \"embedded\"", &format!("url = \"{loopback}\""));
        assert!(loaded.is_ok(), "{loopback} is loopback");
    }
    // Parsed, not matched by prefix: each of these sends the token elsewhere or in clear text.
    for refused in [
        "http://127.0.0.1@backend.example.be/",
        "http://localhost:80@backend.example.be",
        "http://localhost.example.be",
        "http://127.0.0.1.example.be",
        "https://kiosk:secret@kiosk.example.be",
        "https://kiosk.example.be/?token=1",
        "ftp://kiosk.example.be",
        "https://",
    ] {
        let problem = only_problem(with_line(
            "url = \"embedded\"",
            &format!("url = \"{refused}\""),
        ));
        assert_eq!(problem.key, "backend.url", "{refused}");
    }
}

#[test]
fn a_staff_pin_must_be_four_to_eight_digits() {
    let problem = only_problem(with_line("pin = \"2468\"", "pin = \"12a4\""));
    assert_eq!(problem.key, "staff.pin");
}

#[test]
fn broken_toml_and_missing_files_are_reported_not_panicked() {
    let problem = only_problem(with_line("[display]", "[display"));
    assert_eq!(problem.line, Some(line_of("[display]")));
    let missing = config::load(Path::new("/nonexistent/kiosk.toml")).unwrap_err();
    let shown = missing.problems[0].to_string();
    assert!(
        shown.starts_with("/nonexistent/kiosk.toml: cannot read the file"),
        "{shown}"
    );
}

/// The reach band is a share of the screen's height: none by default, up to 40 %, where more
/// would leave a portrait screen too little room for its keys.
#[test]
fn the_reach_band_is_off_by_default_and_at_most_40_percent() {
    let shipped = with_line("reach_top_percent = 0", "reach_top_percent = 0").unwrap();
    assert_eq!(shipped.config.display.reach_top_percent, 0);
    let quarter = with_line("reach_top_percent = 0", "reach_top_percent = 25").unwrap();
    assert_eq!(quarter.config.display.reach_top_percent, 25);
    let problem = only_problem(with_line("reach_top_percent = 0", "reach_top_percent = 50"));
    assert_eq!(problem.key, "display.reach_top_percent");
    assert_eq!(
        problem.reason.to_string(),
        "50 is out of range: use 0 to 40"
    );
}
