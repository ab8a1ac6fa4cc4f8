//! A certificate request killed just after the transaction that spends the eID challenge, records
//! the issuance and keeps the answer.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::civil::date;
use kiosk_backend::seed;
use kiosk_testcard::{CardHolder, DemoCa};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::backend::{Site, key};

/// The document was issued and recorded, the kiosk never got it. Its answer names the person, so
/// it is not kept: the retry is told `replay-withheld` (carried out, ask again), and no second
/// document is issued.
#[tokio::test]
async fn a_certificate_killed_after_its_commit_is_withheld_not_issued_again() {
    let site = Site::new().await;
    let armed = site.serve(Some("spend_challenge:after-commit"));
    let challenge = site
        .post(&armed, "/v1/eid-challenges", &json!({}), &key())
        .send()
        .await
        .unwrap();
    assert_eq!(challenge.status(), StatusCode::CREATED);
    let challenge: Value = challenge.json().await.unwrap();
    let challenge = STANDARD
        .decode(challenge["challenge"].as_str().unwrap())
        .unwrap();
    let tz = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
    let register = seed::generate(42, date(2026, 1, 20), &tz);
    let resident = &register.residents[0];
    let household = register
        .households
        .iter()
        .find(|h| h.id == resident.household_id)
        .unwrap();
    let card = DemoCa::from_seed(42)
        .unwrap()
        .card(&CardHolder::from_register(resident, household))
        .unwrap();
    let body = json!({
        "type": "residence",
        "language": "nl",
        "purpose": null,
        "eid": serde_json::to_value(card.evidence(&challenge)).unwrap(),
    });
    let k = key();
    let path = "/v1/certificate-requests";
    let request = site.post(&armed, path, &body, &k);
    let (_backend, retry) = site
        .crash_then_retry(armed, request, |b| site.post(b, path, &body, &k))
        .await;
    assert_eq!(retry.status(), StatusCode::CONFLICT);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let problem: Value = retry.json().await.unwrap();
    assert_eq!(problem["type"], "replay-withheld");
    let conn = rusqlite::Connection::open(&site.db).unwrap();
    let issued: i64 = conn
        .query_row("SELECT COUNT(*) FROM certificate_issuances", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(issued, 1, "one document for one key");
}
