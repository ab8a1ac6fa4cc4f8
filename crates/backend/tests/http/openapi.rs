//! The OpenAPI document is valid 3.1 in shape, describes what the server really sends, and keeps
//! the main schemas' fields and types (they are derived from the kiosk-api types).

use std::collections::HashSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{problem, start};

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/components/schemas/");
            let target = &doc["components"]["schemas"][name];
            assert!(target.is_object(), "unresolved {reference}");
            resolve(doc, target)
        }
        None => schema,
    }
}

fn type_matches(name: &str, value: &Value) -> bool {
    match name {
        "null" => value.is_null(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    }
}

/// A small JSON Schema check: types, required and known properties, enums, items, and date-times
/// that must carry an offset.
pub fn check(doc: &Value, schema: &Value, value: &Value, at: &str) {
    let schema = resolve(doc, schema);
    if let Some(any) = schema
        .get("oneOf")
        .or_else(|| schema.get("anyOf"))
        .and_then(Value::as_array)
    {
        // utoipa writes Option<Struct> as oneOf [null, $ref].
        let ok = any.iter().any(|s| {
            let s = resolve(doc, s);
            if s.get("type") == Some(&json!("null")) {
                value.is_null()
            } else {
                !value.is_null()
            }
        });
        assert!(ok, "{at}: {value} matches none of {any:?}");
        let non_null = any
            .iter()
            .find(|s| resolve(doc, s).get("type") != Some(&json!("null")));
        if let (Some(s), false) = (non_null, value.is_null()) {
            check(doc, s, value, at);
        }
        return;
    }
    if let Some(types) = schema.get("type") {
        let ok = match types {
            Value::String(t) => type_matches(t, value),
            Value::Array(ts) => ts
                .iter()
                .filter_map(Value::as_str)
                .any(|t| type_matches(t, value)),
            _ => true,
        };
        assert!(ok, "{at}: {value} is not {types}");
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        assert!(values.contains(value), "{at}: {value} not in {values:?}");
    }
    if schema.get("format") == Some(&json!("date-time")) && value.is_string() {
        kiosk_api::rfc3339::parse(value.as_str().unwrap()).unwrap_or_else(|e| panic!("{at}: {e}"));
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            check(doc, items, item, &format!("{at}[{i}]"));
        }
    }
    if let (Some(properties), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        value.as_object(),
    ) {
        for required in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let key = required.as_str().unwrap();
            assert!(object.contains_key(key), "{at}: missing {key}");
        }
        for (key, field) in object {
            let property = properties
                .get(key)
                .unwrap_or_else(|| panic!("{at}: {key} is not in the schema"));
            check(doc, property, field, &format!("{at}.{key}"));
        }
    }
}

pub fn response_schema<'a>(doc: &'a Value, path: &str, method: &str, status: u16) -> &'a Value {
    let response = &doc["paths"][path][method]["responses"][status.to_string()];
    let content = response["content"]
        .as_object()
        .unwrap_or_else(|| panic!("{method} {path} {status} undocumented"));
    &content.values().next().unwrap()["schema"]
}

#[tokio::test]
async fn openapi_document_is_3_1_with_unique_operations_and_resolvable_refs() {
    let env = start().await;
    let response = env
        .http
        .get(env.url("/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let doc: Value = response.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut operation_ids = HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let id = operation["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            assert!(
                operation_ids.insert(id.to_owned()),
                "duplicate operationId {id}"
            );
        }
    }
    for expected in [
        "/v1/health",
        "/v1/catalogue",
        "/v1/kiosks/enrol",
        "/v1/kiosks/me/status",
        "/v1/kiosks",
        "/v1/slots",
        "/v1/bookings",
        "/v1/bookings/{id}/confirm",
        "/v1/bookings/lookup",
        "/v1/bookings/{id}",
        "/v1/tickets",
        "/v1/tickets/{id}",
        "/v1/kiosks/me/arrivals",
        "/v1/kiosks/me/ticket-blocks",
        "/v1/kiosks/me/events",
        "/v1/eid-challenges",
        "/v1/certificate-requests",
        "/v1/documents/verify",
        "/v1/display/{location}",
        "/v1/display/{location}/events",
    ] {
        assert!(doc["paths"].get(expected).is_some(), "{expected} missing");
    }
    let text = doc.to_string();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let name = reference
            .split('"')
            .next()
            .unwrap()
            .trim_start_matches("#/components/schemas/");
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "dangling $ref {name}"
        );
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
}

#[tokio::test]
async fn openapi_describes_real_responses() {
    let env = start().await;
    let doc: Value = env.openapi().await;
    let body = |v: Value| v;

    let health: Value = env
        .http
        .get(env.url("/v1/health"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/health", "get", 200),
        &health,
        "health",
    );
    let catalogue: Value = env
        .get("/v1/catalogue")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/catalogue", "get", 200),
        &catalogue,
        "catalogue",
    );
    let slots: Value = env
        .get("/v1/slots?location=town-hall&product=passport&from=2026-03-24&to=2026-03-24")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/slots", "get", 200),
        &slots,
        "slots",
    );
    let held = env
        .hold("town-hall", "passport", 2, "2026-03-24T10:00:00+01:00")
        .await;
    check(
        &doc,
        response_schema(&doc, "/v1/bookings", "post", 201),
        &held,
        "held",
    );
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:15:00+01:00")
        .await;
    check(
        &doc,
        response_schema(&doc, "/v1/bookings/{id}/confirm", "post", 200),
        &booking,
        "booking",
    );
    env.set_now("2026-03-24T10:00:00+01:00");
    let ticket: Value = env
        .check_in(booking["code"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/tickets", "post", 201),
        &ticket,
        "ticket",
    );
    let arrivals: Value = env
        .get("/v1/kiosks/me/arrivals?day=2026-03-24")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/kiosks/me/arrivals", "get", 200),
        &arrivals,
        "arrivals",
    );
    let block: Value = env
        .send(
            "/v1/kiosks/me/ticket-blocks",
            &json!({"queue_service_id": "travel", "day": "2026-03-24", "size": 3}),
        )
        .await
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/kiosks/me/ticket-blocks", "post", 201),
        &block,
        "block",
    );
    let events: Value = env
        .send("/v1/kiosks/me/events", &json!({"events": [{"id": uuid::Uuid::now_v7(), "type": "x", "occurred_at": "2026-03-24T10:00:00+01:00"}]})).await
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/kiosks/me/events", "post", 200),
        &events,
        "events",
    );
    let status = json!({"app_version": "1", "printer": {"state": "ok"}, "card_reader": "ok", "scanner": "ok",
                        "outbox_depth": 0, "kiosk_time": "2026-03-24T10:00:00+01:00"});
    let reply: Value = env
        .http
        .put(env.url("/v1/kiosks/me/status"))
        .bearer_auth(&env.token)
        .json(&status)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/kiosks/me/status", "put", 200),
        &reply,
        "status",
    );
    let db = env.db.clone();
    let admin = tokio::task::spawn_blocking(move || kiosk_backend::create_admin_token(&db))
        .await
        .unwrap()
        .unwrap();
    let kiosks: Value = env
        .http
        .get(env.url("/v1/kiosks"))
        .bearer_auth(admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/kiosks", "get", 200),
        &kiosks,
        "kiosks",
    );
    env.set_now("2026-03-24T11:00:00+01:00");
    let late = problem(
        env.check_in(held["code"].as_str().unwrap()).await,
        StatusCode::CONFLICT,
        "booking-not-confirmed",
    )
    .await;
    check(
        &doc,
        response_schema(&doc, "/v1/tickets", "post", 409),
        &body(late),
        "problem",
    );
}

/// A schema in one line: a `$ref`'s name, or the type (`|` between several) with `(format)`,
/// `[items]`, `{enum}`, and `?` when null is allowed.
fn shape(schema: &Value) -> String {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return reference.rsplit('/').next().unwrap().to_owned();
    }
    if let Some(any) = schema
        .get("oneOf")
        .or_else(|| schema.get("anyOf"))
        .and_then(Value::as_array)
    {
        let parts: Vec<String> = any.iter().map(shape).collect();
        let some: Vec<&str> = parts
            .iter()
            .map(String::as_str)
            .filter(|p| *p != "null")
            .collect();
        let null = if some.len() < parts.len() { "?" } else { "" };
        return format!("{}{null}", some.join("|"));
    }
    let (kind, null) = match schema.get("type") {
        Some(Value::String(t)) => (t.clone(), false),
        Some(Value::Array(ts)) => {
            let names: Vec<&str> = ts.iter().filter_map(Value::as_str).collect();
            let some: Vec<&str> = names.iter().copied().filter(|t| *t != "null").collect();
            (some.join("|"), some.len() < names.len())
        }
        _ => ("any".to_owned(), false),
    };
    let mut out = kind;
    if let Some(format) = schema.get("format").and_then(Value::as_str) {
        out.push_str(&format!("({format})"));
    }
    if let Some(items) = schema.get("items") {
        out.push_str(&format!("[{}]", shape(items)));
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        out.push_str(&format!("{{{}}}", values.join(",")));
    }
    if null {
        out.push('?');
    }
    out
}

/// A component schema as `name: shape` per property (`name~` when not required), sorted; an
/// enum or other property-less schema as its shape.
fn outline(doc: &Value, name: &str) -> Vec<String> {
    let schema = &doc["components"]["schemas"][name];
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return vec![shape(schema)];
    };
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut lines: Vec<String> = properties
        .iter()
        .map(|(key, property)| {
            let optional = if required.contains(&key.as_str()) {
                ""
            } else {
                "~"
            };
            format!("{key}{optional}: {}", shape(property))
        })
        .collect();
    lines.sort();
    lines
}

/// The key schemas as the hand-written OpenAPI schemas described them before they were derived
/// from the kiosk-api types: the same required fields, types and formats. One change on purpose:
/// `EidEvidence.ca_certs` was `array | null`, but the wire type (a `Vec` with a serde default)
/// refuses null, so it is now `array` (still optional).
const KEY_SCHEMAS: &[(&str, &[&str])] = &[
    (
        "Booking",
        &[
            "code: string",
            "end: string(date-time)",
            "hold_expires_at~: string(date-time)?",
            "id: string(uuid)",
            "location_id: string",
            "persons: integer(int32)",
            "product_id: string",
            "qr_payload: string",
            "start: string(date-time)",
            "status: BookingStatus",
        ],
    ),
    (
        "CreateBooking",
        &[
            "customer: Customer",
            "location_id: string",
            "persons: integer(int32)",
            "product_id: string",
            "start: string(date-time)",
        ],
    ),
    (
        "Slot",
        &["end: string(date-time)", "start: string(date-time)"],
    ),
    (
        "Ticket",
        &[
            "booked_start~: string(date-time)?",
            "booking_id~: string(uuid)?",
            "desk~: string?",
            "estimated_wait_min: integer(int32)",
            "id: string(uuid)",
            "issued_at: string(date-time)",
            "number: string",
            "people_ahead: integer(int32)",
            "queue_service_id: string",
            "service_day: string(date)",
            "status: TicketStatus",
        ],
    ),
    ("CreateTicket", &["booking_code: string"]),
    (
        "Problem",
        &[
            "detail~: string?",
            "field~: string?",
            "status: integer(int32)",
            "title: string",
            "type: string",
            "window_end~: string(date-time)?",
            "window_start~: string(date-time)?",
        ],
    ),
    ("EventBatch", &["events: array[KioskEvent]"]),
    (
        "KioskEvent",
        &[
            "id: string(uuid)",
            "occurred_at: string(date-time)",
            "payload~: object?",
            "type: string",
        ],
    ),
    (
        "EventResult",
        &[
            "id: string(uuid)",
            "problem~: Problem?",
            "status: EventStatus",
        ],
    ),
    (
        "KioskStatus",
        &[
            "app_version: string",
            "card_reader: DeviceState",
            "kiosk_time: string(date-time)",
            "oldest_pending_at~: string(date-time)?",
            "outbox_depth: integer(int32)",
            "printer: PrinterStatus",
            "scanner: DeviceState",
        ],
    ),
    (
        "Arrivals",
        &[
            "arrivals: array[Arrival]",
            "day: string(date)",
            "salt: string",
        ],
    ),
    (
        "Arrival",
        &[
            "booking_id: string(uuid)",
            "code_digest: string",
            "product_id: string",
            "queue_service_id: string",
            "start: string(date-time)",
            // Added for one number per visit: optional, so older kiosks read it unchanged.
            "ticket_numbers~: array[string]",
            "window_end: string(date-time)",
            "window_start: string(date-time)",
        ],
    ),
    (
        "TicketBlockRequest",
        &[
            "day: string(date)",
            "queue_service_id: string",
            "size: integer(int32)",
        ],
    ),
    (
        "TicketBlock",
        &[
            "day: string(date)",
            "first: integer(int32)",
            "id: string(uuid)",
            "last: integer(int32)",
            "prefix: string",
            "queue_service_id: string",
        ],
    ),
    (
        "CreateCertificateRequest",
        &[
            "eid: EidEvidence",
            "language: string",
            "purpose~: string?",
            "type: string",
        ],
    ),
    (
        "EidEvidence",
        &[
            "address: string(byte)",
            "address_sig: string(byte)",
            "auth_cert: string(byte)",
            "ca_certs~: array[string]",
            "challenge: string(byte)",
            "challenge_sig: string(byte)",
            "identity: string(byte)",
            "identity_sig: string(byte)",
            "rrn_cert: string(byte)",
        ],
    ),
    (
        "CertificateRequestResult",
        &[
            "document~: CertificateDocument?",
            "id: string(uuid)",
            "status: CertificateRequestStatus",
        ],
    ),
    (
        "CertificateDocument",
        &[
            "document_number: string",
            "household: array[string]",
            "issued_at: string(date-time)",
            "language: string",
            "municipality: DocumentMunicipality",
            "person: CertifiedPerson",
            "purpose~: string?",
            "title: string",
            "type: string",
            "verification: DocumentVerification",
        ],
    ),
    (
        "CertifiedPerson",
        &[
            "address: string",
            "address_since~: string(date)?",
            "birth_date: string(date)",
            "birth_place: string",
            "first_names: string",
            "national_number: string",
            "nationality: string",
            "surname: string",
        ],
    ),
    (
        "Catalogue",
        &[
            "certificate_types: array[CertificateType]",
            "locations: array[Location]",
            "products: array[Product]",
            "queue_services: array[QueueService]",
        ],
    ),
    (
        "Product",
        &[
            "arrival_window: ArrivalWindow",
            "bring: array[LocalizedText]",
            "duration_min: integer(int32)",
            "extra_duration_per_person_min: integer(int32)",
            "id: string",
            "location_ids: array[string]",
            "max_persons: integer(int32)",
            "name: LocalizedText",
            "queue_service_id: string",
            "required_customer_fields: array[CustomerField]",
        ],
    ),
    (
        "Location",
        &[
            "address: Address",
            "closures: array[Closure]",
            "desks: integer(int32)",
            "id: string",
            "name: LocalizedText",
            "opening_hours: array[OpeningPeriod]",
            "timezone: string",
        ],
    ),
    (
        "OpeningPeriod",
        &[
            // Wall-clock times with a pattern: JSON Schema's "time" needs an offset.
            "closes: string",
            "opens: string",
            "weekday: Weekday",
        ],
    ),
    (
        "BookingStatus",
        &["string{held,confirmed,cancelled,expired}"],
    ),
    (
        "TicketStatus",
        &["string{waiting,called,serving,done,no_show,cancelled}"],
    ),
];

#[tokio::test]
async fn key_schemas_keep_their_required_fields_and_types() {
    let env = start().await;
    let doc: Value = env.openapi().await;
    for (name, expected) in KEY_SCHEMAS {
        assert_eq!(outline(&doc, name), *expected, "schema {name}");
    }
}
