//! First start: enrol with the configured code and keep the token; later starts reuse the token.

use std::time::Duration;

use kiosk_api::EnrolRequest;

use super::{Backoff, Client, IdempotencyKey, SyncError, token_file};
use crate::config::BackendSettings;

/// Attempts at enrolment while the backend does not answer, before giving up for now.
const ENROL_ATTEMPTS: u32 = 5;

/// A client with the kiosk's token: read from `settings.token_file`, or, on first start, got by
/// enrolling with `settings.enrolment_code` and then written there (mode 0600). An offline first
/// start retries a few times with the same idempotency key, then returns the offline error; call
/// it again later. A token the backend no longer accepts shows up as [`SyncError::Unauthorized`]
/// on the first call that uses it (the sync loop reports it in its state).
pub async fn connect(
    base_url: &str,
    settings: &BackendSettings,
    hardware_id: &str,
) -> Result<Client, SyncError> {
    let client = Client::new(base_url, settings)?;
    if let Some(token) = token_file::read(&settings.token_file)? {
        return Ok(client.with_token(&token));
    }
    let code = settings
        .enrolment_code
        .as_deref()
        .ok_or_else(|| SyncError::NotEnrolled {
            token_file: settings.token_file.clone(),
        })?;
    let request = EnrolRequest {
        enrolment_code: code.to_owned(),
        hardware_id: hardware_id.to_owned(),
    };
    let key = IdempotencyKey::new();
    let mut backoff = Backoff::new(Duration::from_millis(500), Duration::from_secs(4));
    let mut attempt = 1;
    let enrolled = loop {
        match client.enrol(&request, key).await {
            Err(e) if e.is_offline() && attempt < ENROL_ATTEMPTS => {
                attempt += 1;
                tokio::time::sleep(backoff.next_delay()).await;
            }
            other => break other?,
        }
    };
    // The token's write creates the folder the location file goes into.
    token_file::write(&settings.token_file, &enrolled.token)?;
    token_file::write_location(&settings.token_file, &enrolled.location_id)?;
    tracing::info!(kiosk = %enrolled.kiosk_id, location = %enrolled.location_id, "kiosk enrolled");
    Ok(client.with_token(&enrolled.token))
}

/// A stable id for this machine: `/etc/machine-id` (systemd), else the host name.
pub fn default_hardware_id() -> String {
    [
        "/etc/machine-id",
        "/var/lib/dbus/machine-id",
        "/etc/hostname",
    ]
    .iter()
    .filter_map(|p| std::fs::read_to_string(p).ok())
    .map(|s| s.trim().to_owned())
    .find(|s| !s.is_empty())
    .unwrap_or_else(|| "unknown-kiosk".to_owned())
}
