//! No client input makes the server answer 500, and every error is problem+json.

use reqwest::{Method, StatusCode};

use crate::common::{key, start};

#[tokio::test]
async fn hostile_inputs_never_give_a_server_error() {
    let env = start().await;
    let id = uuid::Uuid::new_v4();
    let gets = [
        "/v1/slots?location=town-hall&product=passport&from=9999-12-31&to=9999-12-31",
        "/v1/slots?location=town-hall&product=passport&from=-9999-01-01&to=-9999-01-02",
        "/v1/slots?location=town-hall&product=passport&persons=4294967295&from=2026-03-24&to=2026-03-24",
        "/v1/slots?location=town-hall&product=passport&persons=-1&from=2026-03-24&to=2026-03-24",
        "/v1/slots?location=%00&product=%FF&from=2026-03-24&to=2026-03-24",
        "/v1/bookings/lookup?code=",
        "/v1/bookings/lookup?code=KB1-----",
        "/v1/bookings/lookup?code=%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80",
        "/v1/kiosks/me/arrivals?day=9999-12-31",
        "/v1/kiosks/me/arrivals?day=0000-00-00",
        "/v1/tickets/00000000-0000-0000-0000-000000000000",
    ];
    for path in gets {
        let response = env.get(path).send().await.unwrap();
        assert_ok_or_problem(response, path).await;
    }
    let posts: [(&str, &str); 12] = [
        (
            "/v1/bookings",
            r#"{"location_id":"town-hall","product_id":"passport","persons":1,"start":"9999-12-31T23:59:59+14:00","customer":{"name":"x","phone":"1"}}"#,
        ),
        (
            "/v1/bookings",
            r#"{"location_id":"town-hall","product_id":"passport","persons":0,"start":"2026-03-24T09:00:00+01:00","customer":{"name":"x","phone":"1"}}"#,
        ),
        (
            "/v1/bookings",
            r#"{"location_id":"town-hall","product_id":"passport","persons":1,"start":"2026-03-24T09:00:00+01:00","customer":{"name":"","phone":"1"}}"#,
        ),
        ("/v1/bookings", r#"[]"#),
        ("/v1/bookings", r#"null"#),
        ("/v1/tickets", r#"{"booking_code": 12}"#),
        ("/v1/tickets", r#"{"booking_code": "KB1-ABCDEFGHJK-zz"}"#),
        (
            "/v1/kiosks/me/ticket-blocks",
            r#"{"queue_service_id":"travel","day":"9999-12-31","size":4294967295}"#,
        ),
        (
            "/v1/kiosks/me/events",
            r#"{"events":[{"id":"not-a-uuid","type":"x","occurred_at":"now"}]}"#,
        ),
        (
            "/v1/kiosks/me/events",
            r#"{"events":[{"id":"0190b6c8-0000-7000-8000-000000000000","type":"ticket.offline_checkin","occurred_at":"2026-03-24T10:00:00+01:00","payload":{"booking_id":"0190b6c8-0000-7000-8000-000000000000","queue_service_id":"travel","day":"2026-03-24","sequence":1}}]}"#,
        ),
        (
            "/v1/kiosks/me/events",
            r#"{"events":[{"id":"0190b6c8-0000-7000-8000-000000000001","type":"ticket.offline_checkin","occurred_at":"2026-03-24T10:00:00+01:00","payload":"x"}]}"#,
        ),
        (&format!("/v1/bookings/{id}/confirm"), "{}"),
    ];
    for (path, body) in posts {
        let response = env
            .http
            .post(env.url(path))
            .bearer_auth(&env.token)
            .header("Idempotency-Key", key())
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .unwrap();
        assert_ok_or_problem(response, &format!("POST {path} {body}")).await;
    }
    for method in [Method::PATCH, Method::PUT, Method::OPTIONS] {
        let response = env
            .http
            .request(method.clone(), env.url("/v1/bookings"))
            .bearer_auth(&env.token)
            .send()
            .await
            .unwrap();
        assert_ok_or_problem(response, &format!("{method} /v1/bookings")).await;
    }
    let headers = env
        .http
        .get(env.url("/v1/catalogue"))
        .header("authorization", "Bearer")
        .send()
        .await
        .unwrap();
    assert_ok_or_problem(headers, "empty bearer").await;
}

async fn assert_ok_or_problem(response: reqwest::Response, what: &str) {
    let status = response.status();
    assert!(status.as_u16() < 500, "{what}: {status}");
    if status.is_client_error() {
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(
            content_type.as_deref(),
            Some("application/problem+json"),
            "{what}: {status}"
        );
    } else {
        assert!(
            matches!(status, StatusCode::OK | StatusCode::CREATED),
            "{what}: {status}"
        );
    }
}
