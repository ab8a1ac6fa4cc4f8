//! The API's promise under any input, shared by the short run (`tests/fuzz.rs`, 256 cases each)
//! and the long run (`benches/fuzz.rs`, `FUZZ_CASES`): whatever a client sends as body, path
//! segment or query, the real router (every layer: auth, idempotency, body limit, extractors,
//! handlers, the SQLite store) answers; never a 5xx, never a panic; every refusal is a 4xx
//! `application/problem+json` whose `status` is the response's.
//!
//! Requests go through the router in process (`tower::ServiceExt::oneshot`), with the demo
//! municipality, an enrolled kiosk's token and the demo eID CA trusted, on a manual clock. The
//! rate limits are off: a fuzzer is the one client that would meet them, and a 429 would hide
//! the handler behind it.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::civil::date;
use kiosk_backend::http::kiosk_limits::KioskLimiters;
use kiosk_backend::http::limiter::Limiter;
use kiosk_backend::http::{AppState, EidSettings};
use kiosk_backend::store::SqliteStore;
use kiosk_backend::{Clock, KioskLimits};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Value, json};
use tempfile::TempDir;
use tower::ServiceExt;

/// Monday 23 March 2026, 09:00 in Brussels: the town hall gives walk-in numbers.
const NOW: &str = "2026-03-23T09:00:00+01:00";

pub struct Property {
    pub name: &'static str,
    pub run: fn(u32) -> Result<(), String>,
}

pub const ALL: &[Property] = &[
    Property {
        name: "bodies_any_bytes",
        run: bodies_any_bytes,
    },
    Property {
        name: "bodies_any_json",
        run: bodies_any_json,
    },
    Property {
        name: "bodies_one_field_changed",
        run: bodies_one_field_changed,
    },
    Property {
        name: "eid_evidence_bytes_changed",
        run: eid_evidence_bytes_changed,
    },
    Property {
        name: "paths_any_segment",
        run: paths_any_segment,
    },
    Property {
        name: "queries_any",
        run: queries_any,
    },
];

/// The backend in process: its router, a runtime to drive it, a kiosk's token.
pub struct Backend {
    runtime: tokio::runtime::Runtime,
    router: Router,
    token: String,
    /// Genuine eID evidence of the demo card (over a challenge the backend never issued).
    evidence: Value,
    /// The demo card of a resident of the register, to sign challenges the backend issued.
    card: kiosk_testcard::TestCard,
    /// A booking held by the kiosk, for paths that name one.
    booking_id: String,
    _dir: TempDir,
}

/// A response, as far as the properties look at it.
pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Backend {
    pub fn start() -> Result<Backend, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let db = dir.path().join("backend.sqlite");
        kiosk_testcard::seed_demo_on(&db, 42, date(2026, 1, 20)).map_err(|e| e.to_string())?;
        let now: jiff::Timestamp = NOW.parse().map_err(|e: jiff::Error| e.to_string())?;
        let code = kiosk_backend::create_enrolment_code_at(&db, "town-hall", now)
            .map_err(|e| e.to_string())?;
        let store = Arc::new(SqliteStore::open(&db).map_err(|e| e.to_string())?);
        let tz = jiff::tz::TimeZone::get(kiosk_backend::TIMEZONE).map_err(|e| e.to_string())?;
        let mut state = AppState::new(
            store,
            Clock::manual(now),
            tz,
            jiff::SignedDuration::from_mins(10),
        );
        state.eid = Arc::new(EidSettings {
            demo: true,
            crls: None,
        });
        state.kiosk_limits = Arc::new(KioskLimiters::new(KioskLimits::off()));
        state.limiter = Arc::new(Limiter::new(None));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let card = kiosk_testcard::DemoCa::from_seed(42)
            .and_then(|ca| ca.card(&demo_holder()))
            .map_err(|e| e.to_string())?;
        let evidence =
            serde_json::to_value(card.evidence(&[7u8; 32])).map_err(|e| e.to_string())?;
        let mut backend = Backend {
            runtime,
            router: kiosk_backend::http::router(state),
            token: String::new(),
            evidence,
            card,
            booking_id: String::new(),
            _dir: dir,
        };
        let enrolled = backend.send(
            Method::POST,
            "/v1/kiosks/enrol",
            Some("application/json"),
            json!({"enrolment_code": code, "hardware_id": "fuzz"})
                .to_string()
                .into_bytes(),
        );
        let enrolled: Value = serde_json::from_slice(&enrolled.body).map_err(|e| e.to_string())?;
        backend.token = enrolled["token"].as_str().unwrap_or_default().to_owned();
        let held = backend.send(
            Method::POST,
            "/v1/bookings",
            Some("application/json"),
            booking().to_string().into_bytes(),
        );
        let held: Value = serde_json::from_slice(&held.body).map_err(|e| e.to_string())?;
        backend.booking_id = held["id"].as_str().unwrap_or_default().to_owned();
        if backend.token.is_empty() || backend.booking_id.is_empty() {
            return Err("setting up the kiosk or its booking failed".into());
        }
        Ok(backend)
    }

    /// Sends one request as the kiosk (bearer token, fresh Idempotency-Key).
    pub fn send(
        &self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Answer {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {}", self.token))
            .header("Idempotency-Key", uuid::Uuid::new_v4().to_string());
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let Ok(request) = request.body(Body::from(body)) else {
            // A URI no client could send (the strategies percent-encode, so this is rare).
            return Answer {
                status: StatusCode::BAD_REQUEST,
                content_type: kiosk_api::PROBLEM_JSON.into(),
                body: br#"{"type":"bad-request","title":"unsendable","status":400}"#.to_vec(),
            };
        };
        let router = self.router.clone();
        self.runtime.block_on(async move {
            let response = match router.oneshot(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            let status = response.status();
            let content_type = response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let body = to_bytes(response.into_body(), 4 * 1024 * 1024)
                .await
                .map(|b| b.to_vec())
                .unwrap_or_default();
            Answer {
                status,
                content_type,
                body,
            }
        })
    }
}

fn demo_holder() -> kiosk_testcard::CardHolder {
    let tz = jiff::tz::TimeZone::get(kiosk_backend::TIMEZONE).unwrap_or(jiff::tz::TimeZone::UTC);
    let data = kiosk_backend::seed::generate(42, date(2026, 1, 20), &tz);
    let resident = data.residents.iter().find(|r| r.is_reference);
    let household = resident.and_then(|r| data.households.iter().find(|h| h.id == r.household_id));
    match (resident, household) {
        (Some(r), Some(h)) => kiosk_testcard::CardHolder::from_register(r, h),
        _ => kiosk_testcard::CardHolder::from_register(&data.residents[0], &data.households[0]),
    }
}

/// The promise: below 500, and a refusal is a problem document that says its own status.
pub fn check_answer(what: &str, answer: &Answer) -> Result<(), TestCaseError> {
    let status = answer.status.as_u16();
    prop_assert!(
        status < 500,
        "{} answered {}: {}",
        what,
        status,
        String::from_utf8_lossy(&answer.body)
    );
    if status >= 400 {
        prop_assert_eq!(
            answer.content_type.as_str(),
            kiosk_api::PROBLEM_JSON,
            "{}",
            what
        );
        let problem: Value = serde_json::from_slice(&answer.body)
            .map_err(|e| TestCaseError::fail(format!("{what}: problem is not JSON: {e}")))?;
        prop_assert_eq!(
            problem["status"].as_u64(),
            Some(u64::from(status)),
            "{}",
            what
        );
        prop_assert!(
            problem["type"].as_str().is_some_and(|t| !t.is_empty()),
            "{}",
            what
        );
        prop_assert!(
            problem["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{}",
            what
        );
    }
    Ok(())
}

fn check<S: Strategy>(
    cases: u32,
    strategy: S,
    test: impl Fn(&Backend, S::Value) -> Result<(), TestCaseError>,
) -> Result<(), String>
where
    S::Value: std::fmt::Debug,
{
    let backend = Backend::start()?;
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config)
        .run(&strategy, |value| test(&backend, value))
        .map_err(|e| e.to_string())
}

fn booking() -> Value {
    json!({
        "location_id": "town-hall",
        "product_id": "passport",
        "persons": 1,
        "start": "2026-03-24T10:00:00+01:00",
        "customer": {"name": "Zoë Testpersoon", "phone": "0470123456", "email": "zoe@example.org"}
    })
}

/// Every route that takes a body, with a body it accepts (or nearly: a certificate request
/// over a challenge the backend never issued).
fn routes(backend: &Backend) -> Vec<(Method, String, Value)> {
    let id = &backend.booking_id;
    vec![
        (Method::POST, "/v1/bookings".into(), booking()),
        (
            Method::POST,
            format!("/v1/bookings/{id}/confirm"),
            json!({}),
        ),
        (
            Method::POST,
            "/v1/tickets".into(),
            json!({"booking_code": "ABCDE23456"}),
        ),
        (
            Method::POST,
            "/v1/walk-in-tickets".into(),
            json!({"queue_service_id": "collect"}),
        ),
        (
            Method::POST,
            "/v1/kiosks/me/ticket-blocks".into(),
            json!({"queue_service_id": "travel", "day": "2026-03-23", "size": 5}),
        ),
        (
            Method::POST,
            "/v1/kiosks/me/events".into(),
            json!({"events": [
                {"id": uuid::Uuid::now_v7(), "type": "ticket.offline_checkin", "occurred_at": NOW,
                 "payload": {"booking_id": id, "queue_service_id": "travel", "day": "2026-03-23", "sequence": 901}},
                {"id": uuid::Uuid::now_v7(), "type": "ticket.offline_walk_in", "occurred_at": NOW,
                 "payload": {"queue_service_id": "collect", "day": "2026-03-23", "sequence": 902}},
                {"id": uuid::Uuid::now_v7(), "type": "ticket.printed", "occurred_at": NOW, "payload": null}
            ]}),
        ),
        (Method::POST, "/v1/eid-challenges".into(), json!({})),
        (
            Method::POST,
            "/v1/certificate-requests".into(),
            json!({"type": "residence", "language": "nl", "purpose": null, "eid": backend.evidence}),
        ),
        (
            Method::PUT,
            "/v1/kiosks/me/status".into(),
            json!({"app_version": "0.1.0", "printer": {"state": "ok"}, "card_reader": "ok",
                   "scanner": "ok", "outbox_depth": 0, "oldest_pending_at": null, "kiosk_time": NOW}),
        ),
        (
            Method::POST,
            "/v1/kiosks/enrol".into(),
            json!({"enrolment_code": "ABCD-EFGH", "hardware_id": "fuzz-2"}),
        ),
    ]
}

const ROUTES: usize = 10;

fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        8 => Just(Some("application/json")),
        1 => Just(None),
        1 => prop::sample::select(vec![
            Some("text/plain"),
            Some("application/json; charset=latin1"),
            Some("application/x-www-form-urlencoded"),
            Some("application/problem+json"),
        ]),
    ]
}

/// Days and instants at the ends of what jiff represents, around DST changes in Brussels, and
/// with odd offsets: where date arithmetic overflows or a day has 23 or 25 hours.
const EDGE_TIMES: &[&str] = &[
    "9999-12-31",
    "-009999-01-01",
    "0000-01-01",
    "2026-03-29",
    "2026-10-25",
    "9999-12-31T23:59:59+01:00",
    "9999-12-31T23:59:59-25:59",
    "-009999-01-01T00:00:00+25:59",
    "2026-03-29T02:30:00+01:00",
    "2026-10-25T02:30:00+02:00",
    "2026-03-24T10:00:00+14:00",
    "2026-03-24T10:00:00Z",
    "2026-03-24T10:00:00.999999999+01:00",
    "2026-03-24T10:00:00+01:00[Europe/Brussels]",
    "2026-03-24T10:00:00+01:00[America/New_York]",
];

/// Any JSON value: the odd numbers, dates and strings that parsers trip on weighted in.
pub fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop::sample::select(vec![0i64, -1, 1, 100, 101, 255, 256, 65_536, i64::from(u32::MAX), i64::from(u32::MAX) + 1]).prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::from),
        "[a-z0-9-]{0,12}".prop_map(Value::from),
        "[+-]?[0-9]{4,6}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?([+-][0-9]{2}:[0-9]{2}|Z)?(\\[[A-Za-z/_]{1,20}\\])?)?"
            .prop_map(Value::from),
        "[A-Za-z0-9+/]{0,40}={0,2}".prop_map(Value::from),
        prop::sample::select(EDGE_TIMES.to_vec()).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path to a value inside `value` (object keys and array indexes).
fn value_paths(value: &Value) -> Vec<Vec<PathStep>> {
    let mut paths = Vec::new();
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                paths.push(vec![PathStep::Key(key.clone())]);
                for mut path in value_paths(inner) {
                    path.insert(0, PathStep::Key(key.clone()));
                    paths.push(path);
                }
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                paths.push(vec![PathStep::Index(i)]);
                for mut path in value_paths(inner) {
                    path.insert(0, PathStep::Index(i));
                    paths.push(path);
                }
            }
        }
        _ => {}
    }
    paths
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

/// Sets (or with `None` removes) the value at `path`.
fn set_at(value: &mut Value, path: &[PathStep], new: Option<Value>) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = value;
    for step in parents {
        let next = match step {
            PathStep::Key(key) => at.get_mut(key.as_str()),
            PathStep::Index(i) => at.get_mut(*i),
        };
        match next {
            Some(next) => at = next,
            None => return,
        }
    }
    match (last, new, at) {
        (PathStep::Key(key), Some(new), Value::Object(map)) => {
            map.insert(key.clone(), new);
        }
        (PathStep::Key(key), None, Value::Object(map)) => {
            map.remove(key);
        }
        (PathStep::Index(i), Some(new), Value::Array(items)) if *i < items.len() => items[*i] = new,
        (PathStep::Index(i), None, Value::Array(items)) if *i < items.len() => {
            items.remove(*i);
        }
        _ => {}
    }
}

/// Any bytes to every route that takes a body.
fn bodies_any_bytes(cases: u32) -> Result<(), String> {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        "[ -~]{0,200}".prop_map(String::into_bytes),
        Just(vec![b'['; 10_000]),
        Just(vec![b'a'; 300 * 1024]),
    ];
    check(
        cases,
        (0..ROUTES, bytes, content_type()),
        |backend, (route, body, ct)| {
            let (method, path, _) = routes(backend).swap_remove(route);
            let answer = backend.send(method, &path, ct, body);
            check_answer(&path, &answer)
        },
    )
}

/// Any JSON value to every route that takes a body.
fn bodies_any_json(cases: u32) -> Result<(), String> {
    check(cases, (0..ROUTES, any_json()), |backend, (route, body)| {
        let (method, path, _) = routes(backend).swap_remove(route);
        let answer = backend.send(
            method,
            &path,
            Some("application/json"),
            body.to_string().into_bytes(),
        );
        check_answer(&path, &answer)
    })
}

/// A body the route accepts with one field (at any depth) set to any JSON value, or removed:
/// past the JSON syntax into the handlers' own checks and the store.
fn bodies_one_field_changed(cases: u32) -> Result<(), String> {
    check(
        cases,
        (
            0..ROUTES,
            any::<prop::sample::Index>(),
            prop::option::weighted(0.85, any_json()),
        ),
        |backend, (route, which, new)| {
            let (method, path, mut body) = routes(backend).swap_remove(route);
            let paths = value_paths(&body);
            if !paths.is_empty() {
                let path = which.get(paths.as_slice()).clone();
                set_at(&mut body, &path, new);
            }
            let answer = backend.send(
                method,
                &path,
                Some("application/json"),
                body.to_string().into_bytes(),
            );
            check_answer(&format!("{path} {body}"), &answer)
        },
    )
}

/// The eID evidence's files, certificates and signatures with bytes changed, cut or added:
/// the DER, TLV and signature checks refuse them with a problem.
fn eid_evidence_bytes_changed(cases: u32) -> Result<(), String> {
    let fields = vec![
        "identity",
        "identity_sig",
        "address",
        "address_sig",
        "rrn_cert",
        "auth_cert",
        "challenge",
        "challenge_sig",
    ];
    let edit = prop_oneof![
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Xor(i, b)),
        any::<prop::sample::Index>().prop_map(Edit::Cut),
        prop::collection::vec(any::<u8>(), 1..50).prop_map(Edit::Append),
        (
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<u8>(), 1..8)
        )
            .prop_map(|(i, b)| Edit::Insert(i, b)),
    ];
    check(
        cases,
        (
            prop::sample::select(fields),
            prop::collection::vec(edit, 1..4),
            any::<bool>(),
        ),
        |backend, (field, edits, in_ca_certs)| {
            let mut evidence = fresh_evidence(backend)?;
            let target = if in_ca_certs {
                evidence["ca_certs"].get_mut(0)
            } else {
                evidence.get_mut(field)
            };
            if let Some(slot) = target {
                let mut bytes = STANDARD
                    .decode(slot.as_str().unwrap_or_default())
                    .unwrap_or_default();
                for edit in &edits {
                    edit.apply(&mut bytes);
                }
                *slot = Value::from(STANDARD.encode(&bytes));
            }
            let body = json!({"type": "residence", "language": "nl", "eid": evidence});
            let answer = backend.send(
                Method::POST,
                "/v1/certificate-requests",
                Some("application/json"),
                body.to_string().into_bytes(),
            );
            check_answer(&format!("evidence {field} {edits:?}"), &answer)
        },
    )
}

/// A challenge the backend issued, signed by the card: evidence that gets past the challenge
/// check into the DER, TLV and signature checks.
fn fresh_evidence(backend: &Backend) -> Result<Value, TestCaseError> {
    let issued = backend.send(
        Method::POST,
        "/v1/eid-challenges",
        Some("application/json"),
        b"{}".to_vec(),
    );
    let issued: Value = serde_json::from_slice(&issued.body)
        .map_err(|e| TestCaseError::fail(format!("no challenge: {e}")))?;
    let challenge = STANDARD
        .decode(issued["challenge"].as_str().unwrap_or_default())
        .map_err(|e| TestCaseError::fail(format!("challenge: {e}")))?;
    serde_json::to_value(backend.card.evidence(&challenge))
        .map_err(|e| TestCaseError::fail(e.to_string()))
}

#[derive(Debug, Clone)]
enum Edit {
    Xor(prop::sample::Index, u8),
    Cut(prop::sample::Index),
    Append(Vec<u8>),
    Insert(prop::sample::Index, Vec<u8>),
}

impl Edit {
    fn apply(&self, bytes: &mut Vec<u8>) {
        match self {
            Edit::Xor(i, b) if !bytes.is_empty() => {
                let i = i.index(bytes.len());
                bytes[i] ^= b | 1;
            }
            Edit::Cut(i) if !bytes.is_empty() => bytes.truncate(i.index(bytes.len())),
            Edit::Append(more) => bytes.extend_from_slice(more),
            Edit::Insert(i, more) => {
                let at = i.index(bytes.len() + 1);
                bytes.splice(at..at, more.iter().copied());
            }
            _ => {}
        }
    }
}

/// Percent-encodes every byte that is not unreserved, as a client library would.
fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Any text as the id or location in a path, with every method.
fn paths_any_segment(cases: u32) -> Result<(), String> {
    let templates = vec![
        (Method::POST, "/v1/bookings/{}/confirm"),
        (Method::DELETE, "/v1/bookings/{}"),
        (Method::GET, "/v1/tickets/{}"),
        (Method::GET, "/v1/display/{}"),
        (Method::GET, "/v1/bookings/{}"),
        (Method::PATCH, "/v1/bookings/{}"),
    ];
    let segment = prop_oneof![
        any::<String>(),
        "[0-9a-f-]{30,40}",
        Just(String::new()),
        Just("..".to_owned()),
    ];
    check(
        cases,
        (prop::sample::select(templates), segment),
        |backend, ((method, template), segment)| {
            let path = template.replace("{}", &encode(&segment));
            let body = if method == Method::POST {
                b"{}".to_vec()
            } else {
                Vec::new()
            };
            let answer = backend.send(method, &path, Some("application/json"), body);
            check_answer(&path, &answer)
        },
    )
}

/// The GET routes' queries with one parameter set to any text, dropped or doubled, or the
/// whole query any text.
fn queries_any(cases: u32) -> Result<(), String> {
    let templates: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "/v1/slots",
            vec![
                ("location", "town-hall"),
                ("product", "passport"),
                ("persons", "1"),
                ("from", "2026-03-23"),
                ("to", "2026-03-30"),
            ],
        ),
        ("/v1/bookings/lookup", vec![("code", "ABCDE23456")]),
        ("/v1/kiosks/me/arrivals", vec![("day", "2026-03-23")]),
        ("/v1/documents/verify", vec![("code", "ABCD-EFGH-JKMN")]),
        ("/v1/catalogue", vec![]),
    ];
    let change = prop_oneof![
        any::<String>().prop_map(Change::Set),
        prop::sample::select(EDGE_TIMES.to_vec()).prop_map(|t| Change::Dates(t.to_owned())),
        "[+-]?[0-9]{1,12}".prop_map(Change::Set),
        "[+-]?[0-9]{4,6}-[0-9]{1,2}-[0-9]{1,2}".prop_map(Change::Set),
        Just(Change::Drop),
        Just(Change::Double),
        "[ -~]{0,80}".prop_map(Change::Raw),
    ];
    check(
        cases,
        (
            prop::sample::select(templates),
            any::<prop::sample::Index>(),
            change,
        ),
        |backend, ((path, params), which, change)| {
            let mut pairs: Vec<(String, String)> = params
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            let query = match &change {
                Change::Raw(raw) => raw.replace([' ', '#'], "+"),
                _ => {
                    if !pairs.is_empty() {
                        let i = which.index(pairs.len());
                        match &change {
                            Change::Set(value) => pairs[i].1 = value.clone(),
                            Change::Drop => drop(pairs.remove(i)),
                            Change::Double => pairs.push(pairs[i].clone()),
                            Change::Dates(day) => {
                                for pair in pairs.iter_mut() {
                                    if matches!(pair.0.as_str(), "from" | "to" | "day") {
                                        pair.1 = day.clone();
                                    }
                                }
                            }
                            Change::Raw(_) => {}
                        }
                    }
                    form_urlencoded::Serializer::new(String::new())
                        .extend_pairs(pairs)
                        .finish()
                }
            };
            let uri = format!("{path}?{query}");
            let answer = backend.send(Method::GET, &uri, None, Vec::new());
            check_answer(&uri, &answer)
        },
    )
}

#[derive(Debug, Clone)]
enum Change {
    Set(String),
    Drop,
    Double,
    Raw(String),
    /// Every date parameter (`from`, `to`, `day`) set to the same day or instant.
    Dates(String),
}

/// The unchanged bodies are accepted (the certificate request and the enrolment, whose
/// challenge and code are made up, are refused by the handler, not by the body's parser): so the
/// changed ones reach the handlers and the store.
pub fn templates_reach_the_handlers() -> Result<Vec<(String, u16)>, String> {
    let backend = Backend::start()?;
    let mut answers = Vec::new();
    for (method, path, body) in routes(&backend) {
        let answer = backend.send(
            method,
            &path,
            Some("application/json"),
            body.to_string().into_bytes(),
        );
        let problem: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
        let kind = problem["type"].as_str().unwrap_or("").to_owned();
        answers.push((format!("{path} {kind}"), answer.status.as_u16()));
    }
    // Genuine evidence over an issued challenge: what `eid_evidence_bytes_changed` changes.
    let evidence = fresh_evidence(&backend).map_err(|e| e.to_string())?;
    let body = json!({"type": "residence", "language": "nl", "eid": evidence});
    let answer = backend.send(
        Method::POST,
        "/v1/certificate-requests",
        Some("application/json"),
        body.to_string().into_bytes(),
    );
    answers.push(("genuine evidence ".into(), answer.status.as_u16()));
    Ok(answers)
}
