//! Reading what `packaging/` ships the way systemd and a person following the guide read it: unit
//! files, `ExecStart=` lines and the guide's shell commands. Only `std`, so that both the kiosk's
//! and the backend's packaging tests include this file (`#[path]`) instead of each keeping a copy.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

/// `packaging/PATH`, found above the crate whose test includes this file.
pub fn packaging(path: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("packaging").is_dir())
        .expect("a packaging/ folder above the crate");
    root.join("packaging").join(path)
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(packaging(path)).unwrap_or_else(|e| panic!("packaging/{path}: {e}"))
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A unit file read the way systemd reads one: `[Section]` headers, `Key=Value` lines, `#` and
/// `;` comments, a trailing backslash continuing a line. Any other line is an error here (systemd
/// would only warn and ignore it, which is how a typo goes unnoticed on a kiosk).
pub struct Unit {
    pub name: String,
    pub entries: Vec<(String, String, String)>,
}

impl Unit {
    pub fn read(path: &str) -> Unit {
        let source = read(path);
        let mut entries = Vec::new();
        let mut section: Option<String> = None;
        let mut pending = String::new();
        for (index, raw) in source.lines().enumerate() {
            let line = format!("{pending}{}", raw.trim());
            pending.clear();
            if let Some(head) = line.strip_suffix('\\') {
                pending = format!("{head} ");
                continue;
            }
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            let at = format!("packaging/{path}:{}", index + 1);
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(name.to_owned());
                continue;
            }
            let (key, value) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{at}: neither a section nor Key=Value: {line}"));
            let section = section
                .clone()
                .unwrap_or_else(|| panic!("{at}: {key} outside any section"));
            entries.push((section, key.trim().to_owned(), value.trim().to_owned()));
        }
        assert!(
            pending.is_empty(),
            "packaging/{path}: ends in a continuation"
        );
        Unit {
            name: path.to_owned(),
            entries,
        }
    }

    pub fn all(&self, section: &str, key: &str) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|(s, k, _)| s == section && k == key)
            .map(|(_, _, v)| v.as_str())
            .collect()
    }

    pub fn get(&self, section: &str, key: &str) -> &str {
        match self.all(section, key).as_slice() {
            [value] => value,
            other => panic!(
                "{}: want one [{section}] {key}=, found {}",
                self.name,
                other.len()
            ),
        }
    }

    /// Every key is a directive `known` lists for its section: a misspelt option is otherwise
    /// silently without effect.
    pub fn assert_known_keys(&self, known: impl Fn(&str) -> &'static [&'static str]) {
        for (section, key, _) in &self.entries {
            assert!(
                known(section).contains(&key.as_str()),
                "{}: [{section}] {key}= is no systemd directive this test knows (a typo?)",
                self.name
            );
        }
    }
}

/// An `ExecStart=` line as systemd splits it: the prefixes `-@:+!` dropped, words split at
/// whitespace, double quotes grouping words.
pub fn exec_argv(line: &str) -> Vec<String> {
    let line = line.trim_start_matches(['-', '@', ':', '+', '!']);
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quotes in {line}");
    if started {
        words.push(word);
    }
    words
}

/// The commands of the guide's ```sh blocks, one argv each, with `runuser -u USER --` taken off
/// (the guide runs the kiosk as its own user with it).
pub fn guide_commands() -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    let mut in_shell = false;
    let mut pending = String::new();
    for line in read("README.md").lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_shell = trimmed == "```sh";
            continue;
        }
        if !in_shell {
            continue;
        }
        let line = format!("{pending}{trimmed}");
        pending.clear();
        if let Some(head) = line.strip_suffix('\\') {
            pending = format!("{head} ");
            continue;
        }
        let line = line.split(" #").next().unwrap_or_default();
        for command in line.split("&&") {
            let mut argv: Vec<String> = command.split_whitespace().map(str::to_owned).collect();
            if argv.len() > 3 && argv[0] == "runuser" && argv[1] == "-u" && argv[3] == "--" {
                argv.drain(..4);
            }
            if !argv.is_empty() {
                commands.push(argv);
            }
        }
    }
    commands
}
