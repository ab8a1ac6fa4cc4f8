//! Limits certificate requests per person proved by an eID card: a lost or stolen card (with its
//! PIN) must not print documents without end. Keyed by a hash of the national number the card's
//! authentication certificate proved (not the card number the files claim, which a second card
//! of the same person changes). A hash rather than the number, so that the map does not list
//! national numbers outright (eleven digits can be tried back: it lives in memory only, an
//! hour at most).

use std::collections::HashMap;
use std::sync::Mutex;

use jiff::Timestamp;

const WINDOW_SECONDS: i64 = 3_600;
pub const MAX_PER_CARD: usize = 5;

#[derive(Default)]
pub struct CardLimiter {
    recent: Mutex<HashMap<String, Vec<i64>>>,
}

impl CardLimiter {
    /// Counts one request for the person with `national_number`; false if they already made
    /// [`MAX_PER_CARD`] in the last hour.
    pub fn admit(&self, national_number: &str, now: Timestamp) -> bool {
        let key = crate::codes::sha256_hex(national_number.as_bytes());
        let now = now.as_second();
        let mut map = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        // Forget idle cards so the map cannot grow without bound.
        map.retain(|_, times| times.iter().any(|t| now - t < WINDOW_SECONDS));
        let times = map.entry(key).or_default();
        times.retain(|t| now - t < WINDOW_SECONDS);
        if times.len() >= MAX_PER_CARD {
            return false;
        }
        times.push(now);
        true
    }
}
