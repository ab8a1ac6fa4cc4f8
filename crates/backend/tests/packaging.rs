//! `packaging/` as the municipality's IT uses it on the backend server: the unit's command line
//! really starts the backend and SIGTERM (`systemctl stop`) really stops it cleanly, every
//! `kiosk-backend` command of the install guide is accepted and its seed, trust-anchor, enrol and admin-token
//! steps work in order, and the sandbox and backup units agree with the paths the server uses.
//! (The kiosk PC's files: `tests/packaging.rs` of the root package.) `systemd-analyze verify` is
//! not used: it is not installed where the tests run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[path = "../../../tests/support/unit_files.rs"]
mod unit_files;

use unit_files::{Unit, exec_argv, guide_commands, text};

const BACKEND: &str = env!("CARGO_BIN_EXE_kiosk-backend");

fn backend(args: &[String]) -> Output {
    Command::new(BACKEND).args(args).output().unwrap()
}

fn with_stdin(args: &[String], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(BACKEND)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The backend parses `args` as given: with `--help` appended, clap still rejects an unknown
/// command or flag and a missing or bad value (an address that is none) before printing the help.
fn assert_backend_accepts(args: &[String], context: &str) {
    let mut with_help = args.to_vec();
    with_help.push("--help".into());
    let output = backend(&with_help);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{context}: `kiosk-backend {}` is refused: {}",
        args.join(" "),
        text(&output.stderr)
    );
}

/// The systemd directives the shipped units may use, by section: a key not listed is taken for a
/// typo (systemd would only warn and ignore it, which is how a misspelt option goes unnoticed).
fn backend_directives(section: &str) -> &'static [&'static str] {
    match section {
        "Unit" => &["Description", "After", "Wants"],
        "Service" => &[
            "Type",
            "User",
            "Group",
            "StateDirectory",
            "StateDirectoryMode",
            "UMask",
            "ExecStart",
            "Restart",
            "RestartSec",
            "NoNewPrivileges",
            "ProtectSystem",
            "ReadWritePaths",
            "ProtectHome",
            "PrivateTmp",
            "PrivateDevices",
            "PrivateNetwork",
            "ProtectKernelTunables",
            "ProtectKernelModules",
            "ProtectKernelLogs",
            "ProtectControlGroups",
            "ProtectClock",
            "ProtectHostname",
            "ProtectProc",
            "RestrictAddressFamilies",
            "RestrictNamespaces",
            "RestrictRealtime",
            "RestrictSUIDSGID",
            "LockPersonality",
            "MemoryDenyWriteExecute",
            "SystemCallArchitectures",
            "SystemCallFilter",
            "SystemCallErrorNumber",
            "CapabilityBoundingSet",
        ],
        "Timer" => &["OnCalendar", "Persistent"],
        "Install" => &["WantedBy"],
        _ => &[],
    }
}

fn is_backend(program: &str) -> bool {
    program == "kiosk-backend" || program == "/usr/local/bin/kiosk-backend"
}

fn guide_has(command: &[&str]) -> bool {
    let command: Vec<String> = command.iter().map(|s| (*s).to_owned()).collect();
    guide_commands().contains(&command)
}

/// The value after `flag` in `argv`.
fn flag<'a>(argv: &'a [String], flag: &str) -> &'a str {
    argv.windows(2)
        .find(|w| w[0] == flag)
        .map(|w| w[1].as_str())
        .unwrap_or_else(|| panic!("no {flag} in {argv:?}"))
}

/// The backend unit's ExecStart, and its data folder (`/var/lib/` + StateDirectory).
fn backend_unit() -> (Unit, Vec<String>, String) {
    let unit = Unit::read("systemd/kiosk-backend.service");
    unit.assert_known_keys(backend_directives);
    let argv = exec_argv(unit.get("Service", "ExecStart"));
    let state = format!("/var/lib/{}", unit.get("Service", "StateDirectory"));
    (unit, argv, state)
}

#[test]
fn the_backend_unit_is_sandboxed_and_its_database_is_where_it_may_write() {
    let (unit, argv, state) = backend_unit();
    assert!(!unit.get("Unit", "Description").is_empty());
    for (key, value) in [
        ("User", "kiosk-backend"),
        ("Restart", "on-failure"),
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("PrivateDevices", "yes"),
        ("StateDirectoryMode", "0700"),
        ("CapabilityBoundingSet", ""),
    ] {
        assert_eq!(unit.get("Service", key), value, "{key}");
    }
    assert_eq!(unit.get("Install", "WantedBy"), "multi-user.target");

    assert_eq!(
        argv[0], "/usr/local/bin/kiosk-backend",
        "where the guide installs it"
    );
    assert!(guide_has(&[
        "install",
        "-m",
        "0755",
        "target/release/kiosk-backend",
        "/usr/local/bin/kiosk-backend"
    ]));
    assert_backend_accepts(&argv[1..], "kiosk-backend.service ExecStart");
    assert_eq!(argv[1], "serve");
    // ProtectSystem=strict makes everything else read-only: the database, with its -wal and -shm
    // files beside it, must be in the state folder, which ReadWritePaths also names.
    let db = Path::new(flag(&argv, "--db"));
    assert_eq!(db.parent(), Some(Path::new(&state)), "{}", db.display());
    let writable: Vec<&str> = unit
        .all("Service", "ReadWritePaths")
        .iter()
        .flat_map(|v| v.split_whitespace())
        .collect();
    assert!(writable.contains(&state.as_str()), "{writable:?}");
    // Loopback only: TLS is the reverse proxy's.
    assert!(flag(&argv, "--listen").starts_with("127.0.0.1:"));

    // The user and the folder exist before the service (and `seed`) first run.
    let user = unit.get("Service", "User");
    assert!(
        guide_commands()
            .iter()
            .any(|argv| argv[0] == "useradd" && argv.last().is_some_and(|u| u == user)),
        "the guide never creates {user}"
    );
    assert!(guide_has(&[
        "install", "-d", "-o", user, "-g", user, "-m", "0700", &state
    ]));
    assert!(guide_has(&[
        "install",
        "-m",
        "0644",
        "packaging/systemd/kiosk-backend.service",
        "/etc/systemd/system/"
    ]));
}

/// Reads the backend's log lines into a channel, so that waiting for one can time out.
fn log_lines(stderr: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

#[test]
fn the_units_command_serves_and_stops_cleanly_on_sigterm() {
    let (_, argv, state) = backend_unit();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().display().to_string();
    // The unit's own command line, with the state folder in a temp dir and a free port.
    let mut args: Vec<String> = argv[1..]
        .iter()
        .map(|a| a.replace(&state, &folder))
        .collect();
    let listen = args.iter().position(|a| a == "--listen").unwrap() + 1;
    args[listen] = "127.0.0.1:0".into();
    let mut child = Command::new(BACKEND)
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = log_lines(child.stderr.take().unwrap());

    let deadline = Instant::now() + Duration::from_secs(30);
    let port = loop {
        let line = lines
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("no `listening` line within 30 s"));
        if let Some((_, rest)) = line
            .contains("listening")
            .then(|| line.split_once("127.0.0.1:"))
            .flatten()
        {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            break digits.parse::<u16>().unwrap();
        }
    };
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        Path::new(flag(&args, "--db")).is_file(),
        "the database was created"
    );

    // What `systemctl stop` sends. A clean exit 0 is what keeps Restart=on-failure from
    // restarting a backend that was asked to stop, and the journal free of false failures.
    let term = Command::new("sh")
        .args(["-c", "kill -TERM \"$0\"", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("still running 10 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0), "{status}");
}

#[test]
fn the_guides_backend_commands_are_accepted_and_work_in_their_order() {
    let (_, argv, state) = backend_unit();
    let db = flag(&argv, "--db").to_owned();
    let commands: Vec<Vec<String>> = guide_commands()
        .into_iter()
        .filter(|argv| is_backend(&argv[0]))
        .collect();
    for argv in &commands {
        assert_backend_accepts(&argv[1..], "packaging/README.md");
        assert_eq!(flag(argv, "--db"), db, "the service's database: {argv:?}");
    }

    // Run in the guide's order on a temp copy of the state folder: seed first, or enrol finds no
    // location.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().display().to_string();
    // The guide's `install` of the demo CA (read by `trust-anchor add`), done here by hand.
    let demo_ca = guide_commands()
        .into_iter()
        .find(|argv| argv[0] == "install" && argv.iter().any(|a| a == "packaging/demo-ca.pem"))
        .expect("the guide installs packaging/demo-ca.pem");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packaging/demo-ca.pem"),
        demo_ca[demo_ca.len() - 1].replace(&state, &folder),
    )
    .unwrap();
    let mut ran = Vec::new();
    for argv in &commands {
        let args: Vec<String> = argv[1..]
            .iter()
            .map(|a| a.replace(&state, &folder))
            .collect();
        let output = if args[..2] == ["staff", "add"] {
            // Not a terminal: the password the operator would type twice comes on stdin.
            with_stdin(&args, "a-long-enough-password\n")
        } else {
            backend(&args)
        };
        assert!(
            output.status.success(),
            "`kiosk-backend {}`: {}",
            args.join(" "),
            text(&output.stderr)
        );
        let printed = text(&output.stdout);
        match args[0].as_str() {
            "enrol" | "admin-token" => {
                assert_eq!(printed.trim().lines().count(), 1, "{printed}");
                assert!(!printed.trim().is_empty());
            }
            "seed" => assert!(printed.starts_with("seeded "), "{printed}"),
            "trust-anchor" => assert!(printed.starts_with("trust anchor demo: "), "{printed}"),
            _ => {}
        }
        ran.push(args[0].clone());
    }
    assert_eq!(
        ran,
        [
            "seed",
            "trust-anchor",
            "staff",
            "staff",
            "enrol",
            "admin-token"
        ]
    );
}

#[test]
fn the_nightly_backup_copies_the_services_database_into_a_folder_the_guide_creates() {
    let (backend, argv, state) = backend_unit();
    let db = flag(&argv, "--db");
    let unit = Unit::read("systemd/kiosk-backend-backup.service");
    unit.assert_known_keys(backend_directives);
    assert_eq!(unit.get("Service", "Type"), "oneshot");
    let user = backend.get("Service", "User");
    assert_eq!(unit.get("Service", "User"), user);
    assert_eq!(unit.get("Service", "UMask"), "0077");

    let steps: Vec<Vec<String>> = unit
        .all("Service", "ExecStart")
        .iter()
        .map(|line| exec_argv(line))
        .collect();
    let [copy, rename] = steps.as_slice() else {
        panic!("want a copy and a rename: {steps:?}")
    };
    assert_eq!(copy[0], "/usr/bin/sqlite3");
    assert_eq!(copy[1], db, "the database the service uses");
    let target = copy[2]
        .strip_prefix(".backup ")
        .unwrap_or_else(|| panic!("{copy:?}"));
    let partial = Path::new(target);
    let kept = rename.last().unwrap();
    assert_eq!(
        rename[..],
        ["/bin/mv", "-f", target, kept.as_str()].map(String::from)[..]
    );
    assert_eq!(
        partial.parent(),
        Path::new(kept).parent(),
        "renamed within one folder"
    );
    let folder = Path::new(kept).parent().unwrap().display().to_string();
    let writable: Vec<&str> = unit
        .all("Service", "ReadWritePaths")
        .iter()
        .flat_map(|v| v.split_whitespace())
        .collect();
    assert!(
        writable.contains(&folder.as_str()) && writable.contains(&state.as_str()),
        "{writable:?}"
    );
    assert!(guide_has(&[
        "install", "-d", "-o", user, "-g", user, "-m", "0700", &folder
    ]));
    // The restore puts the copy back where the service reads it.
    assert!(
        guide_commands().iter().any(|argv| argv[0] == "install"
            && argv[argv.len() - 2] == *kept
            && argv[argv.len() - 1] == db),
        "the guide does not restore {kept} to {db}"
    );

    let timer = Unit::read("systemd/kiosk-backend-backup.timer");
    timer.assert_known_keys(backend_directives);
    assert!(!timer.get("Timer", "OnCalendar").is_empty());
    assert_eq!(timer.get("Install", "WantedBy"), "timers.target");
    assert!(guide_has(&[
        "systemctl",
        "enable",
        "--now",
        "kiosk-backend-backup.timer"
    ]));
}
