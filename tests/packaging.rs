//! `packaging/` as the municipality's IT uses it on a kiosk PC: the user unit's command line and
//! every `kiosk` command of the install guide are accepted by the real binary, the example
//! configuration passes the guide's own `--check-config`, and the X session and login scripts do,
//! step by step, what the guide says. (The backend's unit: `crates/backend/tests/packaging.rs`.)
//! `systemd-analyze verify` is not used: it is not installed where the tests run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output};

use kiosk_core::config::{BackendTarget, CardReaderMode, DocumentPrinterSettings};

#[path = "support/unit_files.rs"]
mod unit_files;

use unit_files::{Unit, exec_argv, guide_commands, packaging, text};

fn kiosk(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(args)
        .output()
        .unwrap()
}

/// The kiosk parses `args` as given (flags, subcommand, values) and would run them: with `--help`
/// appended, clap still rejects an unknown flag, a missing or bad value, or an unknown command
/// before it prints the help.
fn assert_kiosk_accepts(args: &[String], context: &str) {
    let mut with_help = args.to_vec();
    with_help.push("--help".into());
    let output = kiosk(&with_help);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{context}: `kiosk {}` is refused: {}",
        args.join(" "),
        text(&output.stderr)
    );
}

/// The systemd directives the shipped units may use, by section: a key not listed is taken for a
/// typo (systemd would only warn and ignore it, which is how a misspelt option goes unnoticed).
fn kiosk_directives(section: &str) -> &'static [&'static str] {
    match section {
        "Unit" => &["Description", "After", "Wants", "StartLimitIntervalSec"],
        "Service" => &[
            "Type",
            "NotifyAccess",
            "WatchdogSec",
            "ExecStart",
            "Restart",
            "RestartSec",
            "Environment",
            "NoNewPrivileges",
        ],
        "Install" => &["WantedBy"],
        _ => &[],
    }
}

fn is_kiosk(program: &str) -> bool {
    program == "kiosk" || program == "/usr/local/bin/kiosk"
}

/// The destination of the guide's `install ... SOURCE DEST`, the source named as in the guide.
fn installed_to(source: &str) -> String {
    guide_commands()
        .into_iter()
        .find(|argv| argv[0] == "install" && argv.iter().any(|a| a == source))
        .and_then(|argv| argv.last().cloned())
        .unwrap_or_else(|| panic!("the guide never installs {source}"))
}

#[test]
fn the_kiosk_unit_runs_the_installed_kiosk_with_flags_it_accepts_and_always_restarts() {
    let unit = Unit::read("systemd/kiosk.service");
    unit.assert_known_keys(kiosk_directives);
    assert!(!unit.get("Unit", "Description").is_empty());

    let argv = exec_argv(unit.get("Service", "ExecStart"));
    assert_eq!(
        argv[0], "/usr/local/bin/kiosk",
        "where the guide installs it"
    );
    assert_eq!(
        installed_to("target/release/kiosk").as_str(),
        "/usr/local/bin/kiosk"
    );
    assert_kiosk_accepts(&argv[1..], "kiosk.service ExecStart");
    let config = argv.windows(2).find(|w| w[0] == "--config").map(|w| &w[1]);
    assert_eq!(
        config.map(String::as_str),
        Some("/etc/kiosk/kiosk.toml"),
        "the service reads the file the guide installs and checks"
    );

    // The staff screen's Restart exits with 75 and counts on the service manager to start the
    // kiosk again; "always" restarts after any exit, and nothing may exempt a status from it.
    assert_eq!(unit.get("Service", "Restart"), "always");
    // Ready and watchdog come from the kiosk's own UI loop (src/watchdog.rs): a frozen UI stops
    // the pings and is restarted, where a plain `simple` unit would wait forever.
    assert_eq!(unit.get("Service", "Type"), "notify");
    assert_eq!(unit.get("Service", "NotifyAccess"), "main");
    let watchdog: u32 = unit.get("Service", "WatchdogSec").parse().unwrap();
    assert!((10..=120).contains(&watchdog), "WatchdogSec={watchdog}");
    assert!(unit.all("Service", "RestartPreventExitStatus").is_empty());
    assert_eq!(
        unit.get("Unit", "StartLimitIntervalSec"),
        "0",
        "a kiosk never stops retrying"
    );
    // A user unit: installed among the user units, started by the session, not at boot.
    assert_eq!(
        installed_to("packaging/systemd/kiosk.service"),
        "/etc/systemd/user/kiosk.service"
    );
    assert!(unit.all("Install", "WantedBy").is_empty());
}

#[test]
fn every_kiosk_command_in_the_guide_is_accepted_by_the_kiosk() {
    let commands: Vec<_> = guide_commands()
        .into_iter()
        .filter(|argv| is_kiosk(&argv[0]))
        .collect();
    for argv in &commands {
        assert_kiosk_accepts(&argv[1..], "packaging/README.md");
    }
    for expected in ["--check-config", "print-test"] {
        assert!(
            commands
                .iter()
                .any(|argv| argv.iter().any(|a| a == expected)),
            "the guide has no `kiosk {expected}` command: {commands:?}"
        );
    }
}

#[test]
fn the_example_config_passes_the_check_the_guide_runs_and_is_set_up_for_a_kiosk_pc() {
    let installed = installed_to("packaging/kiosk.toml.example");
    let example = packaging("kiosk.toml.example");
    let check = guide_commands()
        .into_iter()
        .find(|argv| is_kiosk(&argv[0]) && argv.get(1).is_some_and(|a| a == "--check-config"))
        .expect("the guide checks the configuration");
    assert_eq!(
        check.get(2),
        Some(&installed),
        "the guide checks the file it installed"
    );

    // The guide's own command, run on the example instead of /etc/kiosk/kiosk.toml.
    let args: Vec<String> = check[1..]
        .iter()
        .map(|a| {
            if *a == installed {
                example.display().to_string()
            } else {
                a.clone()
            }
        })
        .collect();
    let output = kiosk(&args);
    assert_eq!(
        (output.status.code(), text(&output.stdout).trim()),
        (Some(0), "ok"),
        "{}",
        text(&output.stdout)
    );
    assert!(
        !text(&output.stderr).contains("(warning)"),
        "unknown keys in the example: {}",
        text(&output.stderr)
    );

    // What makes it a kiosk PC's file rather than the developer's kiosk.toml.
    let config = kiosk_core::config::load(&example).unwrap().config;
    assert!(config.display.fullscreen && config.display.hide_cursor);
    assert!(
        matches!(&config.backend.target, BackendTarget::Remote(url) if url.starts_with("https://")),
        "{:?}",
        config.backend.target
    );
    assert!(config.backend.enrolment_code.is_some());
    assert!(matches!(config.card_reader, CardReaderMode::Pcsc { .. }));
    assert!(matches!(
        config.document_printer,
        DocumentPrinterSettings::Cups { .. }
    ));
    // /etc is not the kiosk user's to write: its data folder is one the guide creates for it.
    let data_dir = config.kiosk.data_dir.display().to_string();
    assert!(config.kiosk.data_dir.is_absolute(), "{data_dir}");
    let create: Vec<String> = ["install", "-d", "-o", "kiosk", "-g", "kiosk", "-m", "0700"]
        .into_iter()
        .map(str::to_owned)
        .chain([data_dir.clone()])
        .collect();
    assert!(
        guide_commands().contains(&create),
        "the guide does not create {data_dir} for the kiosk user"
    );
}

/// Runs `script` with `sh`, every program in `stubs` replaced by one that logs its arguments;
/// returns each call as its argv.
fn run_with_stubs(script: &str, stubs: &[&str], env: &[(&str, &str)]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("calls");
    for stub in stubs {
        let path = dir.path().join(stub);
        // One call: its name, its arguments one per line, an empty line.
        let body = format!(
            "#!/bin/sh\n{{ echo {stub}; printf '%s\\n' \"$@\"; echo; }} >> '{}'\n",
            log.display()
        );
        std::fs::write(&path, body).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:/usr/bin:/bin", dir.path().display());
    let output = Command::new("sh")
        .arg(script)
        .env_clear()
        .env("PATH", path)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{script}: {}",
        text(&output.stderr)
    );
    std::fs::read_to_string(&log)
        .unwrap_or_default()
        .split("\n\n")
        .filter(|call| !call.is_empty())
        .map(|call| call.lines().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_x_session_turns_blanking_off_then_starts_the_kiosk_unit_once_openbox_runs() {
    let session = packaging("xsession/kiosk-session");
    let mode = std::fs::metadata(&session).unwrap().permissions().mode();
    assert!(mode & 0o111 != 0, "kiosk-session is not executable");
    let calls = run_with_stubs(
        session.to_str().unwrap(),
        &["xset", "systemctl", "openbox"],
        &[("DISPLAY", ":0")],
    );
    let calls: Vec<Vec<&str>> = calls
        .iter()
        .map(|c| c.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        calls,
        [
            vec!["xset", "s", "off", "-dpms"],
            vec![
                "systemctl",
                "--user",
                "import-environment",
                "DISPLAY",
                "XAUTHORITY"
            ],
            vec![
                "openbox",
                "--startup",
                "systemctl --user restart kiosk.service"
            ],
        ]
    );
    // The unit it restarts is the one the guide installs.
    let unit = installed_to("packaging/systemd/kiosk.service");
    assert!(unit.ends_with("/kiosk.service"), "{unit}");
}

#[test]
fn the_kiosk_users_login_on_tty1_starts_that_session_and_nowhere_else() {
    let session = installed_to("packaging/xsession/kiosk-session");
    assert_eq!(
        installed_to("packaging/xsession/bash_profile"),
        "/home/kiosk/.bash_profile"
    );
    let profile = packaging("xsession/bash_profile");
    let dir = tempfile::tempdir().unwrap();
    let tty_stub = |tty: &str| {
        let path = dir
            .path()
            .join(format!("profile-{}", tty.replace('/', "_")));
        // `tty` answered by a function: the profile asks it which console it is on.
        let script = format!(
            "tty() {{ echo {tty}; }}\n. '{}'\necho no-x\n",
            profile.display()
        );
        std::fs::write(&path, script).unwrap();
        path
    };
    let on_tty1 = run_with_stubs(tty_stub("/dev/tty1").to_str().unwrap(), &["startx"], &[]);
    assert_eq!(on_tty1, [vec!["startx".to_owned(), session.clone()]]);
    let over_ssh = run_with_stubs(tty_stub("/dev/pts/0").to_str().unwrap(), &["startx"], &[]);
    assert!(over_ssh.is_empty(), "{over_ssh:?}");
    let inside_x = run_with_stubs(
        tty_stub("/dev/tty1").to_str().unwrap(),
        &["startx"],
        &[("DISPLAY", ":0")],
    );
    assert!(inside_x.is_empty(), "{inside_x:?}");
}

#[test]
fn getty_logs_in_the_kiosk_user_the_guide_creates_on_tty1() {
    let dropin = Unit::read("systemd/getty@tty1.service.d/autologin.conf");
    dropin.assert_known_keys(kiosk_directives);
    let exec = dropin.all("Service", "ExecStart");
    // A drop-in's ExecStart= adds to Debian's; the empty one first clears it.
    assert_eq!(exec.len(), 2, "{exec:?}");
    assert_eq!(exec[0], "");
    let argv = exec_argv(exec[1]);
    let user = argv
        .windows(2)
        .find(|w| w[0] == "--autologin")
        .map(|w| &w[1]);
    assert_eq!(user.map(String::as_str), Some("kiosk"), "{argv:?}");
    assert_eq!(
        installed_to("packaging/systemd/getty@tty1.service.d/autologin.conf"),
        "/etc/systemd/system/getty@tty1.service.d/autologin.conf"
    );

    let useradd = guide_commands()
        .into_iter()
        .find(|argv| argv[0] == "useradd" && argv.last().is_some_and(|u| u == "kiosk"))
        .expect("the guide creates the kiosk user");
    let groups = useradd
        .windows(2)
        .find(|w| w[0] == "--groups")
        .map(|w| w[1].split(',').map(str::to_owned).collect::<Vec<_>>())
        .unwrap_or_default();
    // dialout: serial printer and scanner; lp: /dev/usb/lp0.
    for group in ["dialout", "lp"] {
        assert!(groups.iter().any(|g| g == group), "{useradd:?}");
    }
}
