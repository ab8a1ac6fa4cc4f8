//! Signing in and out of the desk console: the login form has its own CSRF token (a cookie and a
//! hidden field, before there is a session), a wrong password says so plainly, and three wrong ones
//! lock the account for a while (`store/sqlite/staff.rs`); success opens a session whose token only
//! the browser holds (the database keeps its SHA-256).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::auth::{self, Clerk, LOGIN_COOKIE, PREFS_COOKIE, SESSION_COOKIE, csrf_refused};
use super::form::{FormData, cookie, same_secret, set_cookie};
use super::routes::{apply_desk, see_other, with_cookie};
use super::{pages, password};
use crate::codes::{hex, random_bytes, sha256_hex};
use crate::http::AppState;
use crate::store::LoginFailure;

pub async fn login_page(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let token = cookie(&headers, LOGIN_COOKIE)
        .filter(|t| t.len() == 64)
        .unwrap_or_else(|| hex(&random_bytes(32)));
    let set = set_cookie(
        LOGIN_COOKIE,
        &token,
        "/desk",
        None,
        state.desk.secure_cookies,
    );
    with_cookie(pages::login(&token, None, "").into_response(), set)
}

fn login_again(status: StatusCode, token: &str, message: &str, login: &str) -> Response {
    (status, pages::login(token, Some(message), login)).into_response()
}

pub async fn login(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let form = FormData::parse(&body);
    let Some(token) = cookie(&headers, LOGIN_COOKIE) else {
        return csrf_refused();
    };
    if !form.get("csrf").is_some_and(|c| same_secret(c, &token)) {
        return csrf_refused();
    }
    let login = form.get("login").unwrap_or("").to_owned();
    let password = form.raw("password").unwrap_or("").to_owned();
    if login.is_empty() || password.is_empty() {
        return login_again(
            StatusCode::BAD_REQUEST,
            &token,
            "Enter your login and your password.",
            &login,
        );
    }
    let now = state.clock.now();
    let who = login.clone();
    let account = match state.run(move |s| s.staff_by_login(&who)).await {
        Ok(a) => a.filter(|a| !a.disabled),
        Err(e) => return pages::error_page(&e),
    };
    let wrong = "Wrong login or password. Check Caps Lock and try again.";
    let Some(account) = account else {
        // As slow as a wrong password, so the answer does not tell which logins exist.
        let _ = tokio::task::spawn_blocking(move || password::verify_nothing(&password)).await;
        return login_again(StatusCode::UNAUTHORIZED, &token, wrong, &login);
    };
    if let Some(until) = account.locked_until_s.filter(|u| *u > now.as_second()) {
        return locked(&token, &login, until - now.as_second(), None);
    }
    let stored = account.password_hash.clone();
    let matches = tokio::task::spawn_blocking(move || password::verify(&stored, &password))
        .await
        .unwrap_or(false);
    let id = account.id;
    if !matches {
        return match state.run(move |s| s.login_failed(id, now)).await {
            Ok(LoginFailure::Counted) => {
                login_again(StatusCode::UNAUTHORIZED, &token, wrong, &login)
            }
            Ok(LoginFailure::LockedUntil(until)) => {
                locked(&token, &login, until - now.as_second(), Some(wrong))
            }
            Err(e) => pages::error_page(&e),
        };
    }
    let session = hex(&random_bytes(32));
    let csrf = hex(&random_bytes(32));
    let hash = sha256_hex(session.as_bytes());
    let h = hash.clone();
    if let Err(e) = state
        .run(move |s| s.login_succeeded(id, &h, &csrf, now))
        .await
    {
        return pages::error_page(&e);
    }
    // The desk this browser remembers is taken up again, if its location still offers it all.
    if let Some((location, desk, services)) =
        cookie(&headers, PREFS_COOKIE).and_then(|v| auth::decode_prefs(&v))
    {
        let _ = apply_desk(&state, &hash, &location, &desk, &services).await;
    }
    let secure = state.desk.secure_cookies;
    let response = with_cookie(
        see_other("/desk"),
        set_cookie(SESSION_COOKIE, &session, "/desk", None, secure),
    );
    with_cookie(
        response,
        set_cookie(LOGIN_COOKIE, "", "/desk", Some(0), secure),
    )
}

fn locked(token: &str, login: &str, seconds: i64, first: Option<&str>) -> Response {
    let text = format!(
        "{}Too many wrong passwords: this account is locked. Try again in {} seconds.",
        first.map(|f| format!("{f} ")).unwrap_or_default(),
        seconds.max(1)
    );
    login_again(StatusCode::TOO_MANY_REQUESTS, token, &text, login)
}

pub async fn logout(State(state): State<AppState>, clerk: Clerk, body: Bytes) -> Response {
    if !clerk.csrf_ok(&FormData::parse(&body)) {
        return csrf_refused();
    }
    let hash = clerk.token_hash.clone();
    if let Err(e) = state.run(move |s| s.end_session(&hash)).await {
        return pages::error_page(&e);
    }
    with_cookie(
        see_other("/desk/login"),
        set_cookie(
            SESSION_COOKIE,
            "",
            "/desk",
            Some(0),
            state.desk.secure_cookies,
        ),
    )
}
