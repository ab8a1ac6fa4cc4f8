//! Certificates over HTTP: eID challenges, signed card data from the synthetic test card, the issued
//! document, and the public verification.

use jiff::civil::date;
use kiosk_backend::seed::{self, Household, Resident};
use kiosk_testcard::{CardHolder, DemoCa, TestCard};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::common::{Env, key, problem, start};
use crate::openapi::{check, response_schema};

/// The register `start()` seeds (seed 42 as of 2026-01-20).
fn register() -> (Vec<Household>, Vec<Resident>) {
    let tz = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
    let data = seed::generate(42, date(2026, 1, 20), &tz);
    (data.households, data.residents)
}

/// The reference person of a household of at least three, with their household.
pub(crate) fn family() -> (Resident, Household, Vec<Resident>) {
    let (households, residents) = register();
    for h in &households {
        let members: Vec<Resident> = residents
            .iter()
            .filter(|r| r.household_id == h.id)
            .cloned()
            .collect();
        if members.len() >= 3 {
            let reference = members.iter().find(|r| r.is_reference).unwrap().clone();
            return (reference, h.clone(), members);
        }
    }
    panic!("no family in the demo register");
}

fn card_for(holder: &CardHolder) -> TestCard {
    DemoCa::from_seed(42).unwrap().card(holder).unwrap()
}

pub(crate) fn family_card() -> (TestCard, Resident, Vec<Resident>) {
    let (reference, household, members) = family();
    let card = card_for(&CardHolder::from_register(&reference, &household));
    (card, reference, members)
}

pub(crate) async fn challenge(env: &Env) -> Vec<u8> {
    let (body, bytes) = env.challenge().await;
    assert!(body["expires_at"].as_str().is_some());
    assert_eq!(bytes.len(), 32);
    bytes
}

pub(crate) fn body(
    card: &TestCard,
    challenge: &[u8],
    kind: &str,
    language: &str,
    purpose: Option<&str>,
) -> Value {
    json!({
        "type": kind,
        "language": language,
        "purpose": purpose,
        "eid": serde_json::to_value(card.evidence(challenge)).unwrap(),
    })
}

/// Where every certificate request goes.
pub(crate) const REQUESTS: &str = "/v1/certificate-requests";

pub(crate) async fn submit(env: &Env, request: &Value) -> Response {
    env.send(REQUESTS, request).await
}

async fn submit_with_key(env: &Env, request: &Value, idempotency_key: &str) -> Response {
    env.send_with_key(REQUESTS, request, idempotency_key).await
}

/// A request for `kind` on a fresh challenge, with no purpose.
async fn request(env: &Env, card: &TestCard, kind: &str, language: &str) -> Response {
    request_for(env, card, kind, language, None).await
}

/// A request for `kind` with `purpose` on a fresh challenge.
async fn request_for(
    env: &Env,
    card: &TestCard,
    kind: &str,
    language: &str,
    purpose: Option<&str>,
) -> Response {
    let c = challenge(env).await;
    submit(env, &body(card, &c, kind, language, purpose)).await
}

#[tokio::test]
async fn household_certificate_in_dutch_and_french_is_issued_and_verifiable() {
    let env = start().await;
    let doc: Value = env.openapi().await;
    let (card, reference, members) = family_card();

    let response = request(&env, &card, "household", "nl").await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let nl: Value = response.json().await.unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/certificate-requests", "post", 201),
        &nl,
        "certificate",
    );
    assert_eq!(nl["status"], "ready");
    let d = &nl["document"];
    assert_eq!(d["title"], "Samenstelling van het gezin");
    assert_eq!(d["municipality"]["name"], "Heidebeek");
    assert_eq!(d["person"]["surname"], reference.surname);
    assert_eq!(d["person"]["first_names"], reference.first_names);
    let n = &reference.national_number;
    assert_eq!(
        d["person"]["national_number"],
        format!(
            "{}.{}.{}-{}.{}",
            &n[0..2],
            &n[2..4],
            &n[4..6],
            &n[6..9],
            &n[9..11]
        )
    );
    assert!(
        d["person"]["address"]
            .as_str()
            .unwrap()
            .contains("3599 Heidebeek")
    );
    let household: Vec<&str> = d["household"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(household.len(), members.len() - 1);
    for m in members.iter().filter(|m| !m.is_reference) {
        assert!(
            household
                .iter()
                .any(|line| line.starts_with(&format!("{} {}", m.first_names, m.surname)))
        );
    }

    let fr: Value = request(&env, &card, "household", "fr")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fr["document"]["title"], "Composition de ménage");
    assert_ne!(fr["document"]["document_number"], d["document_number"]);

    let code = d["verification"]["code"].as_str().unwrap();
    assert!(code.len() >= 16);
    assert!(d["verification"]["url"].as_str().unwrap().ends_with(code));
    let checked: Value = env
        .http
        .get(env.url(&format!("/v1/documents/verify?code={code}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/documents/verify", "get", 200),
        &checked,
        "verify",
    );
    assert_eq!(checked["genuine"], true);
    assert_eq!(checked["type"], "household");
    assert_eq!(checked["document_number"], d["document_number"]);
    let initials = checked["initials"].as_str().unwrap();
    assert!(initials.ends_with(&format!(
            "{}.",
            reference
                .surname
                .split_whitespace()
                .last()
                .unwrap()
                .chars()
                .next()
                .unwrap()
        )));
    let forged: Value = env
        .http
        .get(env.url("/v1/documents/verify?code=AAAAAAAAAAAAAAAA"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(forged["genuine"], false);
}

#[tokio::test]
async fn challenges_are_single_use_short_lived_and_must_be_issued() {
    let env = start().await;
    let doc: Value = env.openapi().await;
    let (card, _, _) = family_card();
    let response = env.send("/v1/eid-challenges", &json!({})).await;
    let issued: Value = response.json().await.unwrap();
    check(
        &doc,
        response_schema(&doc, "/v1/eid-challenges", "post", 201),
        &issued,
        "challenge",
    );

    let c = challenge(&env).await;
    let first = submit(&env, &body(&card, &c, "residence", "nl", None)).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let again = submit(&env, &body(&card, &c, "residence", "nl", None)).await;
    problem(again, StatusCode::CONFLICT, "challenge-used").await;

    let late = challenge(&env).await;
    env.advance_minutes(3);
    let expired = submit(&env, &body(&card, &late, "residence", "nl", None)).await;
    problem(
        expired,
        StatusCode::UNPROCESSABLE_ENTITY,
        "challenge-expired",
    )
    .await;

    let made_up = [7u8; 32];
    let unknown = submit(&env, &body(&card, &made_up, "residence", "nl", None)).await;
    problem(
        unknown,
        StatusCode::UNPROCESSABLE_ENTITY,
        "challenge-unknown",
    )
    .await;
}

#[tokio::test]
async fn tampered_untrusted_or_invalid_cards_are_refused() {
    let env = start().await;
    let (mut tampered, reference, _) = family_card();
    let at = tampered.identity.len() / 2;
    tampered.identity[at] ^= 0x01;
    problem(
        request(&env, &tampered, "residence", "nl").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "signature-invalid",
    )
    .await;

    let (households, _) = register();
    let household = households
        .iter()
        .find(|h| h.id == reference.household_id)
        .unwrap();
    let holder = CardHolder::from_register(&reference, household);
    let rogue = DemoCa::untrusted(42).unwrap().card(&holder).unwrap();
    problem(
        request(&env, &rogue, "residence", "nl").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "certificate-untrusted",
    )
    .await;

    let mut wrong = holder.clone();
    let last = wrong.national_number.pop().unwrap();
    wrong.national_number.push(if last == '9' {
        '0'
    } else {
        char::from(last as u8 + 1)
    });
    problem(
        request(&env, &card_for(&wrong), "residence", "nl").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "national-number-invalid",
    )
    .await;

    let (_, residents) = register();
    let stranger_number = (1..999)
        .map(|c| seed::national_number::make(date(1950, 1, 1), c))
        .find(|n| residents.iter().all(|r| &r.national_number != n))
        .unwrap();
    let mut stranger = holder.clone();
    stranger.national_number = stranger_number;
    stranger.card_number = "590000000001".into();
    problem(
        request(&env, &card_for(&stranger), "residence", "nl").await,
        StatusCode::NOT_FOUND,
        "person-not-found",
    )
    .await;

    let mut garbage = body(
        &card_for(&holder),
        &challenge(&env).await,
        "residence",
        "nl",
        None,
    );
    garbage["eid"]["auth_cert"] = json!("bm90IGEgY2VydGlmaWNhdGU=");
    let response = submit(&env, &garbage).await;
    problem(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "card-data-invalid",
    )
    .await;
}

#[tokio::test]
async fn the_citizen_ca_must_come_with_the_card_and_be_a_ca() {
    let env = start().await;
    let (card, _, _) = family_card();

    // An older kiosk that does not send `ca_certs` at all: the request is well-formed, the
    // authentication certificate just does not reach the root.
    let c = challenge(&env).await;
    let mut old_kiosk = body(&card, &c, "residence", "nl", None);
    old_kiosk["eid"].as_object_mut().unwrap().remove("ca_certs");
    problem(
        submit(&env, &old_kiosk).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "certificate-untrusted",
    )
    .await;

    // A Citizen CA certificate without cA, under the same root, cannot sign cards.
    let (reference, household, _) = family();
    let not_a_ca = DemoCa::with_citizen_not_a_ca(42)
        .unwrap()
        .card(&CardHolder::from_register(&reference, &household))
        .unwrap();
    problem(
        request(&env, &not_a_ca, "residence", "nl").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "certificate-untrusted",
    )
    .await;

    // The same card with its Citizen CA is accepted.
    let response = request(&env, &card, "residence", "nl").await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn deferred_types_are_pending_and_purpose_is_required_where_needed() {
    let env = start().await;
    let (card, _, _) = family_card();
    let pending = request_for(
        &env,
        &card,
        "criminal-record-596-2",
        "nl",
        Some("Jeugdbeweging"),
    )
    .await;
    assert_eq!(pending.status(), StatusCode::CREATED);
    let pending: Value = pending.json().await.unwrap();
    assert_eq!(pending["status"], "pending");
    assert!(pending["document"].is_null());

    let c = challenge(&env).await;
    let missing = submit(&env, &body(&card, &c, "criminal-record-595", "nl", None)).await;
    problem(
        missing,
        StatusCode::UNPROCESSABLE_ENTITY,
        "purpose-required",
    )
    .await;
    let blank = submit(
        &env,
        &body(&card, &c, "criminal-record-595", "nl", Some("  ")),
    )
    .await;
    problem(blank, StatusCode::UNPROCESSABLE_ENTITY, "purpose-required").await;
    let with = submit(
        &env,
        &body(&card, &c, "criminal-record-595", "fr", Some("Emploi")),
    )
    .await;
    assert_eq!(with.status(), StatusCode::CREATED);
    let with: Value = with.json().await.unwrap();
    assert_eq!(with["document"]["purpose"], "Emploi");
}

#[tokio::test]
async fn a_card_gets_at_most_five_requests_an_hour() {
    let env = start().await;
    let (card, _, _) = family_card();
    for _ in 0..5 {
        assert_eq!(
            request(&env, &card, "life", "en").await.status(),
            StatusCode::CREATED
        );
    }
    problem(
        request(&env, &card, "life", "en").await,
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-attempts",
    )
    .await;
    env.advance_minutes(61);
    assert_eq!(
        request(&env, &card, "life", "en").await.status(),
        StatusCode::CREATED
    );
}

/// Every response the idempotency table keeps: its key and body as text.
fn stored_bodies(env: &Env) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let mut statement = conn
        .prepare("SELECT key, body FROM idempotency_keys WHERE body IS NOT NULL")
        .unwrap();
    statement
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .unwrap()
        .map(|row| {
            let (key, body) = row.unwrap();
            (key, String::from_utf8_lossy(&body).into_owned())
        })
        .collect()
}

#[tokio::test]
async fn a_retried_certificate_request_is_told_the_answer_was_not_kept() {
    let env = start().await;
    let doc: Value = env.openapi().await;
    let (card, reference, members) = family_card();
    let c = challenge(&env).await;
    let request = body(&card, &c, "household", "nl", None);
    let idempotency_key = key();

    let first = submit_with_key(&env, &request, &idempotency_key).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["status"], "ready");
    assert_eq!(first["document"]["person"]["surname"], reference.surname);

    let again = submit_with_key(&env, &request, &idempotency_key).await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let withheld = problem(again, StatusCode::CONFLICT, "replay-withheld").await;
    check(
        &doc,
        response_schema(&doc, "/v1/certificate-requests", "post", 409),
        &withheld,
        "withheld",
    );
    assert!(withheld.get("document").is_none(), "{withheld}");
    assert!(
        withheld["detail"]
            .as_str()
            .is_some_and(|d| d.contains("new eID challenge")),
        "{withheld}"
    );

    // Neither the person nor their household is kept for replay, in any form.
    let n = &reference.national_number;
    let formatted = format!(
        "{}.{}.{}-{}.{}",
        &n[0..2],
        &n[2..4],
        &n[4..6],
        &n[6..9],
        &n[9..11]
    );
    let bodies = stored_bodies(&env);
    for (_, stored) in &bodies {
        assert!(!stored.contains(n.as_str()), "national number kept");
        assert!(!stored.contains(&formatted), "national number kept");
        assert!(!stored.contains(reference.surname.as_str()), "surname kept");
    }
    // The other rows are the challenges' random bytes, where a short name could turn up by chance:
    // the rest is checked on this request's row, which must be exactly the stand-in.
    let (_, kept) = bodies
        .iter()
        .find(|(k, _)| k == &idempotency_key)
        .expect("the request's row");
    let kept_problem: Value = serde_json::from_str(kept).unwrap();
    assert_eq!(kept_problem, withheld, "the stand-in is what a retry gets");
    let code = first["document"]["verification"]["code"].as_str().unwrap();
    assert!(!kept.contains(code), "the verification code is kept");
    for m in &members {
        assert!(!kept.contains(m.surname.as_str()), "a surname is kept");
        assert!(!kept.contains(m.first_names.as_str()), "first names kept");
    }

    // The same key with another body is still refused as before.
    let other = body(&card, &c, "residence", "nl", None);
    let reused = submit_with_key(&env, &other, &idempotency_key).await;
    problem(
        reused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
    )
    .await;
}

#[tokio::test]
async fn a_retried_pending_certificate_request_is_replayed() {
    let env = start().await;
    let (card, _, _) = family_card();
    let c = challenge(&env).await;
    let request = body(
        &card,
        &c,
        "criminal-record-596-2",
        "nl",
        Some("Jeugdbeweging"),
    );
    let idempotency_key = key();
    let first = submit_with_key(&env, &request, &idempotency_key).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["status"], "pending");
    // Only ids: nothing personal, so it is kept and replayed like any other answer.
    let again = submit_with_key(&env, &request, &idempotency_key).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.unwrap(), first);
}
