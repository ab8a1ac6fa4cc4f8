//! The OpenAPI document (`GET /v1/openapi.json`) against the real `kiosk-backend serve --demo`, by
//! schemathesis: it makes requests from the document, valid and not, and checks that the server
//! never answers 5xx, answers only the statuses and content types the document lists, and that
//! every body fits its schema. Kiosk operations run with a kiosk's token, the admin ones with an
//! admin token.
//!
//! schemathesis comes from PyPI into a venv in the tools cache: `tests/tools/schemathesis` (run by
//! `tests/run`). `SCHEMATHESIS_EXAMPLES` (default 30 per operation) and `SCHEMATHESIS_SEED`
//! (default fixed, for a repeatable run) tune it; the default run takes a minute or two.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "crash/backend.rs"]
#[allow(dead_code)]
mod backend;

/// The operations only an admin token opens.
const ADMIN_PATHS: [&str; 2] = ["/v1/kiosks", "/v1/admin/figures"];

fn schemathesis() -> PathBuf {
    let tools = std::env::var_os("KIOSK_TOOLS")
        .map_or_else(|| PathBuf::from("/var/cache/kiosk-ci/tools"), PathBuf::from);
    let st = tools.join("schemathesis-venv/bin/st");
    assert!(
        st.is_file(),
        "schemathesis is not installed at {}: run tests/tools/schemathesis",
        st.display()
    );
    st
}

/// Runs schemathesis on the document at `base` with `token`, on the operations `filter` selects.
fn run(st: &Path, workdir: &Path, base: &str, token: &str, filter: &[String]) -> (bool, String) {
    let examples = std::env::var("SCHEMATHESIS_EXAMPLES").unwrap_or_else(|_| "30".into());
    let seed = std::env::var("SCHEMATHESIS_SEED").unwrap_or_else(|_| "20261207".into());
    let output = Command::new(st)
        .arg("run")
        .arg(format!("{base}/v1/openapi.json"))
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
            "--max-examples",
            &examples,
            "--seed",
            &seed,
            "--workers",
            "2",
            "--request-timeout",
            "10",
            "--no-color",
        ])
        .arg("--header")
        .arg(format!("Authorization: Bearer {token}"))
        .args(filter)
        // Its Hypothesis database and reports stay in the test's temporary folder.
        .current_dir(workdir)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_server_keeps_every_promise_of_its_openapi_document() {
    let st = schemathesis();
    let site = backend::Site::new().await;
    let db = site.db.clone();
    let admin = tokio::task::spawn_blocking(move || kiosk_backend::create_admin_token(&db))
        .await
        .unwrap()
        .unwrap();
    let server = site.serve(None);
    let base = server.url("");
    let workdir = tempfile::tempdir().unwrap();

    let exclude_admin: Vec<String> = ADMIN_PATHS
        .iter()
        .flat_map(|p| ["--exclude-path".to_owned(), (*p).to_owned()])
        .collect();
    let only_admin: Vec<String> = ADMIN_PATHS
        .iter()
        .flat_map(|p| ["--include-path".to_owned(), (*p).to_owned()])
        .collect();
    let st_for = st.clone();
    let (dir, kiosk_base, token) = (workdir.path().to_owned(), base.clone(), site.token.clone());
    let kiosk = tokio::task::spawn_blocking(move || {
        run(&st_for, &dir, &kiosk_base, &token, &exclude_admin)
    })
    .await
    .unwrap();
    let dir = workdir.path().to_owned();
    let admin = tokio::task::spawn_blocking(move || run(&st, &dir, &base, &admin, &only_admin))
        .await
        .unwrap();

    for (who, (passed, output)) in [("kiosk token", &kiosk), ("admin token", &admin)] {
        assert!(
            passed,
            "schemathesis with the {who} found problems:\n{output}"
        );
    }
}
