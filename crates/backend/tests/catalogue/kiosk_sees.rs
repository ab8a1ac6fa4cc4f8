//! An import while the server runs reaches the kiosks the way every catalogue change does: the
//! catalogue's ETag (a digest of its body) changes, so the kiosk's conditional GET gets the new
//! body instead of 304 Not Modified.

use jiff::Timestamp;
use kiosk_backend::{Clock, ServerConfig};
use reqwest::StatusCode;
use reqwest::header::{ETAG, IF_NONE_MATCH};
use serde_json::{Value, json};

use crate::{Db, SEED_DAY_MORNING, demo_with, stderr};

const NEW_PRODUCT: &str = r#"[[product]]
id = "apostille"
name = { nl = "Apostille aanvragen", fr = "Demande d'apostille", de = "Apostille beantragen", en = "Apostille request" }
queue_service = "population"
locations = ["town-hall"]
duration_min = 10
extra_min_per_person = 0
max_persons = 1
arrive_before_min = 30
arrive_after_min = 10
customer_fields = ["name", "phone_or_email"]

[[certificate]]
code = "residence"
"#;

#[tokio::test]
async fn a_kiosk_sees_an_imported_product_through_its_next_conditional_get() {
    let db = Db::seeded();
    let now: Timestamp = SEED_DAY_MORNING.parse().unwrap();
    let mut config = ServerConfig::new(db.path.clone(), "127.0.0.1:0".parse().unwrap());
    config.demo = true;
    config.clock = Clock::manual(now);
    let server = kiosk_backend::spawn(config).await.unwrap();
    let http = reqwest::Client::new();

    let code = kiosk_backend::create_enrolment_code(&db.path, "town-hall").unwrap();
    let enrolled: Value = http
        .post(format!("{}/v1/kiosks/enrol", server.base_url()))
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .json(&json!({"enrolment_code": code, "hardware_id": "kiosk-hw-catalogue"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = enrolled["token"].as_str().unwrap().to_owned();
    let catalogue = |etag: Option<String>| {
        let mut request = http
            .get(format!("{}/v1/catalogue", server.base_url()))
            .bearer_auth(&token);
        if let Some(tag) = etag {
            request = request.header(IF_NONE_MATCH, tag);
        }
        request.send()
    };

    let first = catalogue(None).await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let old_tag = first.headers()[ETAG].to_str().unwrap().to_owned();
    let body: Value = first.json().await.unwrap();
    assert!(!has_product(&body, "apostille"));
    assert_eq!(
        catalogue(Some(old_tag.clone())).await.unwrap().status(),
        StatusCode::NOT_MODIFIED,
        "unchanged before the import"
    );

    let edited = demo_with("[[certificate]]\ncode = \"residence\"\n", NEW_PRODUCT);
    let file = db.write("with-apostille.toml", &edited);
    let path = db.arg().to_owned();
    let file_arg = file.to_str().unwrap().to_owned();
    let out = tokio::task::spawn_blocking(move || {
        crate::backend(&["catalogue", "import", "--db", &path, &file_arg])
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    // The server keeps the catalogue in memory for a second: the import is served once that
    // copy is read again (a kiosk asks at its next heartbeat).
    let asked = std::time::Instant::now();
    let after = loop {
        let after = catalogue(Some(old_tag.clone())).await.unwrap();
        if after.status() != StatusCode::NOT_MODIFIED {
            break after;
        }
        assert!(
            asked.elapsed() < std::time::Duration::from_secs(5),
            "the kiosk's copy is still current 5 s after the import"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(after.status(), StatusCode::OK, "the kiosk's copy is stale");
    let new_tag = after.headers()[ETAG].to_str().unwrap().to_owned();
    assert_ne!(new_tag, old_tag);
    let body: Value = after.json().await.unwrap();
    assert!(has_product(&body, "apostille"), "the new product is served");
    assert_eq!(
        catalogue(Some(new_tag)).await.unwrap().status(),
        StatusCode::NOT_MODIFIED
    );
    server.shutdown().await.unwrap();
}

fn has_product(catalogue: &Value, id: &str) -> bool {
    catalogue["products"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == id)
}
