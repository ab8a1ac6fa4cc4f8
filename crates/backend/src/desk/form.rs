//! Form bodies (`application/x-www-form-urlencoded`) and cookies, read without surprises: repeated
//! fields (the services' checkboxes) are kept, and anything unreadable is simply absent.

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue, header};

/// A decoded form: every value of every field, in order.
#[derive(Debug, Default, Clone)]
pub struct FormData(HashMap<String, Vec<String>>);

impl FormData {
    pub fn parse(body: &[u8]) -> FormData {
        let mut fields: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in form_urlencoded::parse(body) {
            fields
                .entry(k.into_owned())
                .or_default()
                .push(v.into_owned());
        }
        FormData(fields)
    }

    /// The first value of `name`, trimmed; `None` when absent or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .and_then(|v| v.first())
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    /// The raw first value (a password is not trimmed).
    pub fn raw(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(|v| v.first()).map(String::as_str)
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.get(name).cloned().unwrap_or_default()
    }
}

/// The value of cookie `name` in the request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// A `Set-Cookie` value: HttpOnly and SameSite=Strict always, Secure when served over TLS.
/// `max_age` `None` makes a browser-session cookie; `Some(0)` deletes it.
pub fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<i64>,
    secure: bool,
) -> Option<HeaderValue> {
    let mut text = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age {
        text.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).ok()
}

/// Equal strings compared in time independent of where they differ (CSRF tokens).
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
