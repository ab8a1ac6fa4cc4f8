//! ARCHITECTURE.md's rules about who depends on whom and where SQL lives, checked on the real
//! dependency graph (`cargo tree`) and the real sources, so that a change that breaks one fails
//! here instead of being noticed in review.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The names of every package in `package`'s normal (non-dev, non-build) dependency tree, with
/// `features` (extra `cargo tree` flags such as `--no-default-features`).
fn normal_dependencies(package: &str, features: &[&str]) -> Vec<String> {
    dependencies(package, "normal", features)
}

/// The names of every package in `package`'s dependency tree along `edges` (`cargo tree -e`).
fn dependencies(package: &str, edges: &str, features: &[&str]) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(workspace())
        .args([
            "tree",
            "--offline",
            "--locked",
            "-p",
            package,
            "-e",
            edges,
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .args(features)
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree -p {package} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8(output.stdout).expect("cargo tree prints UTF-8");
    let mut names: Vec<String> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

fn assert_none_of(package: &str, forbidden: &[&str]) {
    assert_none_of_with(package, &[], forbidden);
}

fn assert_none_of_with(package: &str, features: &[&str], forbidden: &[&str]) {
    let names = normal_dependencies(package, features);
    assert!(
        names.iter().any(|name| name == package),
        "{package} is not in its own tree: {names:?}"
    );
    let found: Vec<&String> = names
        .iter()
        .filter(|name| {
            forbidden
                .iter()
                .any(|f| *name == f || name.starts_with(&format!("{f}_")))
        })
        .collect();
    assert!(
        found.is_empty(),
        "{package} {features:?} must not depend on {forbidden:?}, but its tree has {found:?}"
    );
}

#[test]
fn kiosk_core_knows_neither_iced_nor_axum() {
    assert_none_of("kiosk-core", &["iced", "axum", "kiosk-backend", "kiosk"]);
}

#[test]
fn kiosk_api_stays_small() {
    assert_none_of(
        "kiosk-api",
        &["iced", "axum", "tokio", "rusqlite", "reqwest", "kiosk-core"],
    );
}

/// The backend verifies eID signatures and makes none: the test card (private keys, RSA among
/// them: RUSTSEC-2023-0071) is only ever its dev-dependency.
#[test]
fn backend_never_depends_on_the_kiosk_nor_the_test_card() {
    assert_none_of(
        "kiosk-backend",
        &["iced", "kiosk-core", "kiosk", "kiosk-testcard"],
    );
}

/// The production kiosk (`--no-default-features`, without the embedded demo) carries no server
/// and no test card, nor RSA at all (RUSTSEC-2023-0071, accepted in `.cargo/audit.toml` on this
/// ground); with the default `demo` feature it has both.
#[test]
fn the_kiosk_without_its_demo_has_no_server_and_no_test_card() {
    assert_none_of_with(
        "kiosk",
        &["--no-default-features"],
        &["axum", "utoipa", "kiosk-backend", "kiosk-testcard", "rsa"],
    );
    let demo = normal_dependencies("kiosk", &[]);
    for expected in ["kiosk-backend", "kiosk-testcard"] {
        assert!(
            demo.iter().any(|name| name == expected),
            "the default (demo) kiosk lost {expected}: is the feature still on by default?"
        );
    }
}

/// The items of the `rsa` crate the backend may name: public keys and signature verification.
/// RUSTSEC-2023-0071 (the Marvin attack) recovers a private key from the timing of private-key
/// operations; `.cargo/audit.toml` accepts it because the backend has none. A private key,
/// signing or decryption here must reopen that decision, not slip in.
const BACKEND_RSA_ITEMS: [&str; 3] = [
    "rsa::Pkcs1v15Sign",
    "rsa::RsaPublicKey",
    "rsa::traits::PublicKeyParts",
];

#[test]
fn the_backend_uses_rsa_public_keys_only() {
    let root = workspace();
    let mut files = Vec::new();
    rust_files(&root.join("crates/backend/src"), &mut files);
    let mut seen = 0;
    let mut other = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source readable");
        for (n, line) in text.lines().enumerate() {
            for (at, _) in line.match_indices("rsa::") {
                // `rsa::` as a path of its own, not the end of another name (`my_rsa::`).
                let before = line[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                // Grouped imports (`rsa::{...}`) end the path at `{` and so fail: one item a use.
                let path: String = line[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                seen += 1;
                let allowed = BACKEND_RSA_ITEMS
                    .iter()
                    .any(|item| path == *item || path.starts_with(&format!("{item}::")));
                if !allowed {
                    other.push(format!("{}:{}: {path}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        seen > 0,
        "the backend no longer names rsa: update this test"
    );
    assert!(
        other.is_empty(),
        "the backend names rsa items beyond public keys ({BACKEND_RSA_ITEMS:?}):\n{}\n\
         RUSTSEC-2023-0071 is accepted only while the backend holds no RSA private key",
        other.join("\n")
    );
}

/// iced's wgpu renderer is in Cargo.lock (iced_renderer's weak features `iced_wgpu?/svg`,
/// `?/image`, `?/geometry` put it there) but the kiosk uses tiny-skia only, so it is never
/// built. `.cargo/audit.toml` accepts RUSTSEC-2026-0253 (`lru` 0.16, through cryoglyph, the wgpu
/// text renderer) on this ground: whatever enables wgpu must reopen that decision.
#[test]
fn the_wgpu_renderer_is_locked_but_never_built() {
    let built = dependencies("kiosk", "normal,build,dev", &["--all-features"]);
    assert!(built.iter().any(|name| name == "iced_tiny_skia"));
    let wgpu: Vec<&String> = built
        .iter()
        .filter(|name| ["iced_wgpu", "cryoglyph", "wgpu"].contains(&name.as_str()))
        .collect();
    assert!(
        wgpu.is_empty(),
        "the kiosk now builds iced's wgpu renderer ({wgpu:?}): its text cache pulls lru 0.16 \
         (RUSTSEC-2026-0253, unsound); remove the exception in .cargo/audit.toml only after \
         checking that the unsound LruCache::pop path cannot be reached, or drop wgpu again"
    );
}

/// The kiosk-api types derive their OpenAPI schemas only when the backend asks (feature
/// `openapi`): the kiosk alone does not compile utoipa.
#[test]
fn kiosk_api_needs_utoipa_only_for_the_backend() {
    assert_none_of("kiosk-api", &["utoipa"]);
}

/// Where SQL may be written: the storage modules, and the print journal (its own SQLite file).
const SQL_HOMES: [&str; 3] = [
    "crates/core/src/store/",
    "crates/backend/src/store/",
    "crates/print/src/journal.rs",
];

/// A string that reads as SQL: a statement keyword and the word that must follow it.
fn looks_like_sql(line: &str) -> bool {
    let upper = line.to_uppercase();
    let pairs = [
        ("SELECT ", " FROM "),
        ("INSERT INTO ", "("),
        ("UPDATE ", " SET "),
        ("DELETE FROM ", ""),
        ("CREATE TABLE", ""),
        ("ALTER TABLE", ""),
    ];
    pairs.iter().any(|(start, then)| {
        upper
            .find(&format!("\"{start}"))
            .is_some_and(|at| upper[at..].contains(then))
    })
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn sql_only_in_the_store_modules() {
    let root = workspace();
    let mut files = Vec::new();
    for dir in [
        "src",
        "crates/core/src",
        "crates/api/src",
        "crates/backend/src",
        "crates/print/src",
        "crates/testcard/src",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 50, "found only {} source files", files.len());
    let mut misplaced = Vec::new();
    for file in &files {
        let relative = file
            .strip_prefix(&root)
            .expect("under the workspace")
            .to_string_lossy()
            .replace('\\', "/");
        if SQL_HOMES.iter().any(|home| relative.starts_with(home)) {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("source readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if code.contains("rusqlite::")
                || code.starts_with("use rusqlite")
                || looks_like_sql(code)
            {
                misplaced.push(format!("{relative}:{}: {}", n + 1, code));
            }
        }
    }
    assert!(
        misplaced.is_empty(),
        "SQL outside the store modules:\n{}",
        misplaced.join("\n")
    );
}

#[test]
fn the_sql_detector_sees_sql_and_not_apdus() {
    assert!(looks_like_sql(
        r#"tx.execute("DELETE FROM outbox WHERE id = ?1", [id])"#
    ));
    assert!(looks_like_sql(
        r#"let q = "SELECT body FROM idempotency_keys WHERE key = ?1";"#
    ));
    assert!(!looks_like_sql(
        r#"card.exchange(&apdu::select_applet(), "SELECT applet")"#
    ));
}
