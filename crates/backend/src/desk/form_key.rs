//! A desk form's key as an Idempotency-Key. Every button that changes something carries a fresh
//! form key (a UUID made when the button was rendered); the store commits it with the change, in
//! one transaction (`SqliteStore::change`), like the kiosk API's keys. The same form sent twice (a
//! double click, a resend after a timeout) is the same key: answered, it changes nothing more.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use uuid::Uuid;

use super::auth::Clerk;
use super::form::FormData;
use crate::codes::sha256_hex;
use crate::http::AppState;
use crate::store::{KeyRecord, Keyed, StoredAnswer};

/// A desk form's key, as an Idempotency-Key: fresh, or answered before (a resent form).
pub enum FormKey<T> {
    Fresh(Keyed<T>),
    Answered(StoredAnswer),
}

/// The form key of a desk form (`form_key`) as an Idempotency-Key of scope `desk:<staff id>`;
/// `render` keeps the answer a resent form gets.
/// The form's key, normalised as it is stored (a UUID in its hyphenated lower-case form).
pub fn key_of(form: &FormData) -> Option<String> {
    form.get("form_key")
        .and_then(|k| Uuid::parse_str(k).ok())
        .map(|k| k.to_string())
}

/// The keys of one clerk's forms: a key never answers another clerk's form.
pub fn scope_of(clerk: &Clerk) -> String {
    format!("desk:{}", clerk.session.staff_id)
}

pub async fn form_key<T: 'static>(
    state: &AppState,
    clerk: &Clerk,
    form: &FormData,
    path: &str,
    body: &[u8],
    render: impl Fn(&T) -> crate::store::StoreResult<StoredAnswer> + Send + Sync + 'static,
) -> Result<FormKey<T>, String> {
    let key = key_of(form).ok_or_else(|| "The form is incomplete: reload the page.".to_owned())?;
    let scope = scope_of(clerk);
    let now = state.clock.now();
    if let Some(stored) = answered(state, &scope, &key).await {
        return Ok(FormKey::Answered(stored));
    }
    let mut fingerprint = format!("POST {path}\n").into_bytes();
    fingerprint.extend_from_slice(body);
    let record = KeyRecord {
        scope,
        key,
        digest: sha256_hex(&fingerprint),
        at: now,
    };
    Ok(FormKey::Fresh(Keyed::new(
        record,
        Arc::new(AtomicBool::new(false)),
        render,
    )))
}

/// The answer kept for a form key, if any.
pub async fn answered(state: &AppState, scope: &str, key: &str) -> Option<StoredAnswer> {
    let now = state.clock.now();
    let (s, k) = (scope.to_owned(), key.to_owned());
    state
        .run(move |store| store.idempotency_lookup(&s, &k, now))
        .await
        .ok()
        .flatten()
        .map(|stored| stored.answer)
}

/// What a desk action's key keeps: the redirect the first press got.
pub fn redirect_answer<T>(_: &T) -> crate::store::StoreResult<StoredAnswer> {
    Ok(StoredAnswer {
        status: 303,
        content_type: "text/plain".into(),
        body: Vec::new(),
    })
}
