//! The certificate path against the requests an attacker would send: oversized chains, a
//! self-made register certificate, a card's signature over another service's challenge or over
//! 33 bytes, a replayed signature, a second card of the same person to get past the limit, a
//! revoked card, and a production server that would trust the demo CA.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::Timestamp;
use kiosk_api::eid_signing;
use kiosk_backend::ServerConfig;
use kiosk_testcard::{CardHolder, DemoCa, TestCard};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::certificates::{body, challenge, family, family_card, submit};
use crate::common::{Env, MONDAY_MORNING, problem, start, start_with};

/// The family card's request on a fresh challenge, with `edit` applied to its `eid` member.
async fn forged(env: &Env, card: &TestCard, edit: impl FnOnce(&mut Value)) -> reqwest::Response {
    let c = challenge(env).await;
    let mut request = body(card, &c, "residence", "nl", None);
    edit(&mut request["eid"]);
    submit(env, &request).await
}

fn b64(bytes: &[u8]) -> Value {
    Value::String(STANDARD.encode(bytes))
}

#[tokio::test]
async fn more_ca_certificates_than_a_card_holds_or_a_huge_one_are_refused_unread() {
    let env = start().await;
    let (card, _, _) = family_card();
    let four = forged(&env, &card, |eid| {
        eid["ca_certs"] = json!(vec![b64(&card.ca_cert); 4]);
    })
    .await;
    problem(four, StatusCode::UNPROCESSABLE_ENTITY, "card-data-invalid").await;
    let huge = forged(&env, &card, |eid| {
        eid["ca_certs"] = json!([b64(&vec![0x30; 5000])]);
    })
    .await;
    problem(huge, StatusCode::UNPROCESSABLE_ENTITY, "card-data-invalid").await;
    // Three are still fine: the card's own Citizen CA among two others.
    let rogue = DemoCa::untrusted(42).unwrap();
    let three = forged(&env, &card, |eid| {
        eid["ca_certs"] = json!([
            b64(rogue.citizen_der()),
            b64(rogue.root_der()),
            b64(&card.ca_cert)
        ]);
    })
    .await;
    assert_eq!(three.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn identity_files_vouched_for_by_the_card_holders_own_certificate_are_refused() {
    let env = start().await;
    let (card, _, _) = family_card();
    // Another name on the identity file, "signed by the register" with the holder's own card.
    let made_up = card.identity.clone();
    let identity_sig = card.sign_digest(&Sha256::digest(&made_up));
    let mut signed = card.address.clone();
    signed.extend_from_slice(&identity_sig);
    let address_sig = card.sign_digest(&Sha256::digest(&signed));
    let response = forged(&env, &card, |eid| {
        eid["rrn_cert"] = b64(&card.auth_cert);
        eid["identity_sig"] = b64(&identity_sig);
        eid["address_sig"] = b64(&address_sig);
    })
    .await;
    problem(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "certificate-untrusted",
    )
    .await;
}

#[tokio::test]
async fn a_signature_over_the_bare_challenge_or_33_bytes_is_refused() {
    let env = start().await;
    let (card, _, _) = family_card();
    let c = challenge(&env).await;
    // What another service's login would have had the card sign: the challenge's own hash.
    let mut request = body(&card, &c, "residence", "nl", None);
    request["eid"]["challenge_sig"] = b64(&card.sign_digest(&Sha256::digest(&c)));
    problem(
        submit(&env, &request).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "signature-invalid",
    )
    .await;

    // The issued challenge with a byte more, signed with the prefix: never issued, so unknown.
    let c = challenge(&env).await;
    let mut long = c.clone();
    long.push(0);
    let mut prefixed = eid_signing::PREFIX.to_vec();
    prefixed.extend_from_slice(&long);
    let mut request = body(&card, &c, "residence", "nl", None);
    request["eid"]["challenge"] = b64(&long);
    request["eid"]["challenge_sig"] = b64(&card.sign_digest(&Sha256::digest(&prefixed)));
    problem(
        submit(&env, &request).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "challenge-unknown",
    )
    .await;
}

#[tokio::test]
async fn a_replayed_signed_request_gets_no_second_document() {
    let env = start().await;
    let (card, _, _) = family_card();
    let c = challenge(&env).await;
    let request = body(&card, &c, "residence", "nl", None);
    assert_eq!(submit(&env, &request).await.status(), StatusCode::CREATED);
    // The same signed evidence for another certificate, with a new Idempotency-Key.
    let mut replay = request.clone();
    replay["type"] = json!("household");
    problem(
        submit(&env, &replay).await,
        StatusCode::CONFLICT,
        "challenge-used",
    )
    .await;
}

#[tokio::test]
async fn a_second_card_of_the_same_person_shares_the_limit() {
    let env = start().await;
    let (card, _, _) = family_card();
    let (reference, household, _) = family();
    let mut holder = CardHolder::from_register(&reference, &household);
    holder.card_number = "599999999999".into();
    let new_card = DemoCa::from_seed(42).unwrap().card(&holder).unwrap();
    for _ in 0..5 {
        let c = challenge(&env).await;
        let response = submit(&env, &body(&card, &c, "life", "en", None)).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let c = challenge(&env).await;
    problem(
        submit(&env, &body(&new_card, &c, "life", "en", None)).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-attempts",
    )
    .await;
}

/// A server whose CRL folder holds the demo Citizen CA's list naming `revoked` (none: a clean
/// list; `None`: no list at all).
async fn with_crls(revoked: Option<&[&TestCard]>) -> (Env, tempfile::TempDir) {
    let crls = tempfile::tempdir().unwrap();
    if let Some(revoked) = revoked {
        let now: Timestamp = MONDAY_MORNING.parse().unwrap();
        let now = u64::try_from(now.as_second()).unwrap();
        let list = DemoCa::from_seed(42)
            .unwrap()
            .crl(revoked, now - 86_400, now + 7 * 86_400)
            .unwrap();
        std::fs::write(crls.path().join("citizen.crl"), list).unwrap();
    }
    let dir = crls.path().to_owned();
    let env = start_with(MONDAY_MORNING, move |config: &mut ServerConfig| {
        config.crl_dir = Some(dir);
    })
    .await;
    (env, crls)
}

#[tokio::test]
async fn a_revoked_card_or_one_of_unknown_status_is_refused() {
    let (card, _, _) = family_card();
    let (env, _crls) = with_crls(Some(&[])).await;
    let c = challenge(&env).await;
    let fine = submit(&env, &body(&card, &c, "residence", "nl", None)).await;
    assert_eq!(fine.status(), StatusCode::CREATED);

    let (env, _crls) = with_crls(Some(&[&card])).await;
    let c = challenge(&env).await;
    problem(
        submit(&env, &body(&card, &c, "residence", "nl", None)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "certificate-revoked",
    )
    .await;

    let (env, _crls) = with_crls(None).await;
    let c = challenge(&env).await;
    problem(
        submit(&env, &body(&card, &c, "residence", "nl", None)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "revocation-unknown",
    )
    .await;
}

#[tokio::test]
async fn a_demo_ca_added_while_a_production_server_runs_is_not_trusted() {
    let crls = tempfile::tempdir().unwrap();
    let now: Timestamp = MONDAY_MORNING.parse().unwrap();
    let now = u64::try_from(now.as_second()).unwrap();
    let list = DemoCa::from_seed(42)
        .unwrap()
        .crl(&[], now - 86_400, now + 7 * 86_400)
        .unwrap();
    std::fs::write(crls.path().join("citizen.crl"), list).unwrap();
    let folder = crls.path().to_owned();
    // A production server (no --demo) on data that trusts no demo CA when it starts.
    let env = start_with(MONDAY_MORNING, move |config: &mut ServerConfig| {
        let db = rusqlite::Connection::open(&config.db_path).unwrap();
        db.execute("DELETE FROM trust_anchors", []).unwrap();
        config.demo = false;
        config.crl_dir = Some(folder);
    })
    .await;
    let db = env.db.clone();
    tokio::task::spawn_blocking(move || kiosk_testcard::trust_demo_ca(&db, 42))
        .await
        .unwrap()
        .unwrap();
    let (card, _, _) = family_card();
    let c = challenge(&env).await;
    problem(
        submit(&env, &body(&card, &c, "residence", "nl", None)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "certificate-untrusted",
    )
    .await;
}

#[tokio::test]
async fn a_production_server_refuses_to_start_trusting_the_demo_ca() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("backend.sqlite");
    let seeded = db.clone();
    tokio::task::spawn_blocking(move || {
        kiosk_testcard::seed_demo_on(&seeded, 42, jiff::civil::date(2026, 1, 20))
    })
    .await
    .unwrap()
    .unwrap();
    let production = ServerConfig::new(db.clone(), "127.0.0.1:0".parse().unwrap());
    match kiosk_backend::spawn(production).await {
        Err(kiosk_backend::BackendError::DemoAnchor { label }) => assert_eq!(label, "demo"),
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(_) => panic!("a production server started trusting the demo CA"),
    }
    let mut demo = ServerConfig::new(db, "127.0.0.1:0".parse().unwrap());
    demo.demo = true;
    let server = kiosk_backend::spawn(demo).await.unwrap();
    server.shutdown().await.unwrap();
}
