//! Starting and stopping: in process, and the binary with its commands and SIGTERM.

use std::process::{Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{key, start};

#[tokio::test]
async fn shutdown_stops_listening() {
    let env = start().await;
    let url = env.url("/v1/health");
    assert_eq!(
        env.http.get(&url).send().await.unwrap().status(),
        StatusCode::OK
    );
    env.server.shutdown().await.unwrap();
    let fresh = reqwest::Client::new();
    assert!(
        fresh.get(&url).send().await.is_err(),
        "still answering after shutdown"
    );
}

fn backend() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kiosk-backend"))
}

fn output(args: &[&str]) -> String {
    let out = backend().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[tokio::test]
async fn the_binary_seeds_enrols_serves_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite");
    let db = db.to_str().unwrap();
    let seeded = output(&["seed", "--db", db, "--demo", "--seed", "3"]);
    assert!(seeded.contains("2 locations"), "{seeded}");
    let code = output(&["enrol", "--db", db, "--location", "town-hall"]);
    assert!(code.len() >= 8, "{code}");
    let admin = output(&["admin-token", "--db", db]);
    assert!(!admin.is_empty());
    let refused = backend()
        .args(["enrol", "--db", db, "--location", "nowhere"])
        .output()
        .unwrap();
    assert!(!refused.status.success(), "unknown location");

    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let listen = format!("127.0.0.1:{port}");
    let mut child = backend()
        .args(["serve", "--db", db, "--listen", &listen, "--demo"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let base = format!("http://{listen}");
    let mut up = false;
    for _ in 0..100 {
        if client.get(format!("{base}/v1/health")).send().await.is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(up, "server did not come up");
    let enrolled = client
        .post(format!("{base}/v1/kiosks/enrol"))
        .header("Idempotency-Key", key())
        .json(&json!({"enrolment_code": code, "hardware_id": "cli"}))
        .send()
        .await
        .unwrap();
    assert_eq!(enrolled.status(), StatusCode::CREATED);
    let listed: Value = client
        .get(format!("{base}/v1/kiosks"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed["kiosks"][0]["hardware_id"], "cli");

    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let mut exited = None;
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            exited = Some(status);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let status = exited.unwrap_or_else(|| {
        let _ = child.kill();
        panic!("no exit after SIGTERM")
    });
    assert!(status.success(), "graceful exit: {status}");
}

#[test]
fn serve_wants_revocation_lists_or_demo_and_refuses_the_demo_ca_without_demo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite");
    kiosk_testcard::seed_demo_on(&db, 3, jiff::civil::date(2026, 1, 20)).unwrap();
    let db = db.to_str().unwrap();
    let crls = dir.path().to_str().unwrap();
    let refused = |args: &[&str]| {
        let out = backend()
            .args(["serve", "--db", db, "--listen", "127.0.0.1:0"])
            .args(args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?} started");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(refused(&[]).contains("--crl-dir"));
    // With revocation lists but the demo CA in the database: refused, saying why.
    let said = refused(&["--crl-dir", crls]);
    assert!(said.contains("demo eID CA"), "{said}");
}
