//! The emupos control API (http://127.0.0.1:8765, or `EMUPOS_API`) for tests: receipts, faults,
//! the serial pty. A plain HTTP/1.1 client, so the tests need no HTTP crate.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The control API, `EMUPOS_API` (as for the emupos CLI) or its default.
pub fn api() -> String {
    std::env::var("EMUPOS_API")
        .unwrap_or_else(|_| "http://127.0.0.1:8765".to_owned())
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned()
}

pub const HINT: &str = "the emupos printer simulator is not reachable at 127.0.0.1:8765/9100: \
                    start it with `../shared/tools/emupos up` (from /work/main)";

/// Faults are global to the simulated printer: these tests take turns.
pub static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub fn http(method: &str, path: &str) -> (u16, String) {
    let api = api();
    let mut stream = TcpStream::connect(&api).unwrap_or_else(|e| panic!("{HINT} ({e})"));
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {api}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    // The simulator answers with chunked encoding for some routes; keep only the payload lines.
    (status, dechunk(&body))
}

pub fn dechunk(body: &str) -> String {
    let mut lines = body.split("\r\n");
    let first = lines.clone().next().unwrap_or_default();
    if !first.is_empty() && first.chars().all(|c| c.is_ascii_hexdigit()) && body.contains("\r\n") {
        let mut out = String::new();
        while let Some(size) = lines.next() {
            if usize::from_str_radix(size.trim(), 16).unwrap_or(0) == 0 {
                break;
            }
            out.push_str(lines.next().unwrap_or_default());
        }
        out
    } else {
        body.to_owned()
    }
}

pub fn require_emupos() {
    if TcpStream::connect(api()).is_err() || TcpStream::connect("127.0.0.1:9100").is_err() {
        panic!("{HINT}");
    }
}

pub fn receipt_ids() -> HashSet<String> {
    let (status, body) = http("GET", "/api/v1/devices/front/receipts");
    assert_eq!(status, 200, "{body}");
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

pub fn receipt_text(id: &str) -> String {
    http("GET", &format!("/api/v1/devices/front/receipts/{id}/text")).1
}

/// New receipts since `before` whose text contains `marker`.
pub fn receipts_with(before: &HashSet<String>, marker: &str) -> Vec<String> {
    receipt_ids()
        .difference(before)
        .map(|id| receipt_text(id))
        .filter(|text| text.contains(marker))
        .collect()
}

pub fn wait_for_receipt(before: &HashSet<String>, marker: &str) -> String {
    let start = Instant::now();
    loop {
        if let Some(text) = receipts_with(before, marker).pop() {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no receipt with {marker:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn set_fault(fault: &str, on: bool) {
    let method = if on { "PUT" } else { "DELETE" };
    let (status, body) = http(method, &format!("/api/v1/devices/front/faults/{fault}"));
    assert!(
        status == 204 || status == 200,
        "{method} fault {fault}: {status} {body}"
    );
}

pub fn clear_all_faults() {
    for fault in ["paper-out", "cover-open", "offline", "paper-near-end"] {
        set_fault(fault, false);
    }
}

pub fn serial_path() -> String {
    let (_, body) = http("GET", "/api/v1/devices");
    let devices: serde_json::Value = serde_json::from_str(&body).unwrap();
    devices
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == "front")
        .flat_map(|d| d["connections"].as_array().unwrap().iter())
        .find(|c| c["kind"] == "serial")
        .and_then(|c| c["device_path"].as_str())
        .expect("front has a serial connection")
        .to_owned()
}

/// A marker unique to this run, so that receipts of other tests or teammates never match.
pub fn marker() -> String {
    format!(
        "T{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8].to_uppercase()
    )
}

/// Receipt text with line breaks and runs of spaces as single spaces: wrapping is the golden
/// tests' business, content is this file's.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
