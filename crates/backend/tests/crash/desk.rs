//! A desk's Call next killed just before or just after its commit: the clerk's browser resends the
//! same form (same form key) to the restarted backend, and exactly one ticket is called.

use reqwest::StatusCode;

use crate::backend::{Backend, Site};

const PASSWORD: &str = "correct-horse-battery";

/// A browser of the desk console, as far as this test needs: the session cookie and its token.
struct Desk {
    http: reqwest::Client,
    cookie: String,
    csrf: String,
}

fn set_cookie(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with(&format!("{name}=")))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap() + marker.len();
    let end = html[start..].find('"').unwrap();
    html[start..start + end].to_owned()
}

fn form(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

impl Desk {
    async fn sign_in(backend: &Backend) -> Desk {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let page = http.get(backend.url("/desk/login")).send().await.unwrap();
        let login_cookie = set_cookie(&page, "desk_login");
        let token = hidden(&page.text().await.unwrap(), "csrf");
        let signed = http
            .post(backend.url("/desk/login"))
            .header("cookie", &login_cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&[
                ("csrf", &token),
                ("login", "anna"),
                ("password", PASSWORD),
            ]))
            .send()
            .await
            .unwrap();
        assert_eq!(signed.status(), StatusCode::SEE_OTHER);
        let cookie = set_cookie(&signed, "desk_session");
        let setup = http
            .get(backend.url("/desk/setup"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        let csrf = hidden(&setup.text().await.unwrap(), "csrf");
        let desk = Desk { http, cookie, csrf };
        let picked = desk
            .post(
                backend,
                "/desk/setup",
                &[
                    ("location", "town-hall"),
                    ("desk", "Loket 1"),
                    ("services", "identity"),
                ],
            )
            .send()
            .await
            .unwrap();
        assert_eq!(picked.status(), StatusCode::SEE_OTHER);
        desk
    }

    fn post(
        &self,
        backend: &Backend,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::RequestBuilder {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.http
            .post(backend.url(path))
            .header("cookie", &self.cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&all))
    }
}

async fn call_next_killed_at(point: &str) {
    let site = Site::new().await;
    let db = site.db.clone();
    tokio::task::spawn_blocking(move || {
        kiosk_backend::add_staff(&db, "anna", kiosk_backend::StaffRole::Clerk, PASSWORD)
    })
    .await
    .unwrap()
    .unwrap();
    let conn = rusqlite::Connection::open(&site.db).unwrap();
    for sequence in 1..=3 {
        conn.execute(
            "INSERT INTO tickets (id, location_id, queue_service_id, service_day, sequence, status, issued_s, current_service_id)
             VALUES (?1, 'town-hall', 'identity', '2026-03-24', ?2, 'waiting', 1774340000 + ?2, 'identity')",
            rusqlite::params![uuid::Uuid::new_v4().to_string(), sequence],
        )
        .unwrap();
    }
    let armed = site.serve(Some(&format!("queue_act:{point}")));
    let desk = Desk::sign_in(&armed).await;
    let form_key = uuid::Uuid::new_v4().to_string();
    let fields = [("form_key", form_key.as_str()), ("action", "call_next")];
    let request = desk.post(&armed, "/desk/act", &fields);
    let (_backend, retry) = site
        .crash_then_retry(armed, request, |b| desk.post(b, "/desk/act", &fields))
        .await;
    assert_eq!(retry.status(), StatusCode::SEE_OTHER, "{point}");
    assert_eq!(
        site.count("SELECT COUNT(*) FROM tickets WHERE status = ?1", "called"),
        1,
        "{point}: one press, one ticket called"
    );
    assert_eq!(
        site.count(
            "SELECT COUNT(*) FROM tickets WHERE status = 'called' AND sequence = ?1",
            "1"
        ),
        1,
        "{point}: the first in line"
    );
}

#[tokio::test]
async fn a_call_next_killed_before_its_commit_calls_one_ticket_when_resent() {
    call_next_killed_at("before-commit").await;
}

#[tokio::test]
async fn a_call_next_killed_after_its_commit_is_not_called_twice_when_resent() {
    call_next_killed_at("after-commit").await;
}
