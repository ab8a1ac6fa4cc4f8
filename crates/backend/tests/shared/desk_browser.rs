//! A desk console's browser, as far as HTTP goes: its cookies, its forms, no redirects followed.
//! Shared by the backend's HTTP tests and the kiosk's end-to-end test (`#[path]`), each of
//! which uses part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::Mutex;

use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

pub const PASSWORD: &str = "correct-horse-battery";

pub struct Browser {
    http: reqwest::Client,
    base: String,
    cookies: Mutex<HashMap<String, String>>,
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
}

impl Page {
    /// The text of the first `role="alert"` message.
    pub fn alert(&self) -> Option<String> {
        let start = self.body.find("role=\"alert\">")? + "role=\"alert\">".len();
        let end = self.body[start..].find('<')?;
        Some(self.body[start..start + end].to_owned())
    }
}

/// The value of the first hidden input `name`.
pub fn hidden(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

impl Browser {
    /// A browser for the backend at `base` (e.g. `http://127.0.0.1:8080`).
    pub fn at(base: String) -> Browser {
        Browser {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base,
            cookies: Mutex::default(),
        }
    }

    fn cookie_header(&self) -> String {
        let cookies = self.cookies.lock().unwrap();
        cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    fn absorb(&self, response: &reqwest::Response) {
        let mut cookies = self.cookies.lock().unwrap();
        for value in response.headers().get_all(SET_COOKIE) {
            let text = value.to_str().unwrap();
            assert!(
                text.contains("HttpOnly") && text.contains("SameSite=Strict"),
                "{text}"
            );
            let (pair, _) = text.split_once(';').unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            if v.is_empty() || text.contains("Max-Age=0") {
                cookies.remove(k);
            } else {
                cookies.insert(k.to_owned(), v.to_owned());
            }
        }
    }

    async fn page(&self, response: reqwest::Response) -> Page {
        self.absorb(&response);
        Page {
            status: response.status(),
            location: response
                .headers()
                .get(LOCATION)
                .map(|l| l.to_str().unwrap().to_owned()),
            body: response.text().await.unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        self.page(response).await
    }

    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                fields
                    .iter()
                    .map(|(k, v)| format!("{k}={}", url_encode(v)))
                    .collect::<Vec<_>>()
                    .join("&"),
            )
            .send()
            .await
            .unwrap();
        self.page(response).await
    }

    /// Opens the login page and signs in; returns the answer to the sign-in form.
    pub async fn login(&self, login: &str, password: &str) -> Page {
        let page = self.get("/desk/login").await;
        assert_eq!(page.status, StatusCode::OK);
        let csrf = hidden(&page.body, "csrf").unwrap();
        self.post(
            "/desk/login",
            &[("csrf", &csrf), ("login", login), ("password", password)],
        )
        .await
    }

    /// The session's CSRF token, read from a page that has forms.
    pub async fn csrf(&self) -> String {
        let page = self.get("/desk/setup").await;
        hidden(&page.body, "csrf").expect("a signed-in page with a form")
    }

    pub async fn setup(&self, location: &str, desk: &str, services: &[&str]) -> Page {
        let csrf = self.csrf().await;
        let mut fields = vec![
            ("csrf", csrf.as_str()),
            ("location", location),
            ("desk", desk),
        ];
        for s in services {
            fields.push(("services", s));
        }
        self.post("/desk/setup", &fields).await
    }

    /// Posts one desk action with a fresh form key.
    pub async fn act(&self, action: &str, ticket: Option<&str>, extra: &[(&str, &str)]) -> Page {
        let key = uuid::Uuid::new_v4().to_string();
        self.act_with_key(action, ticket, extra, &key).await
    }

    pub async fn act_with_key(
        &self,
        action: &str,
        ticket: Option<&str>,
        extra: &[(&str, &str)],
        key: &str,
    ) -> Page {
        let csrf = self.csrf().await;
        let mut fields = vec![
            ("csrf", csrf.as_str()),
            ("form_key", key),
            ("action", action),
        ];
        if let Some(t) = ticket {
            fields.push(("ticket", t));
        }
        fields.extend_from_slice(extra);
        self.post("/desk/act", &fields).await
    }
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
