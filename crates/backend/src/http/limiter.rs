//! Limits failed code look-ups per kiosk: a 10-character code is safe only if nobody can try millions.

use std::collections::HashMap;
use std::sync::Mutex;

use jiff::Timestamp;
use uuid::Uuid;

const WINDOW_SECONDS: i64 = 600;
const MAX_FAILURES: u32 = 30;

#[derive(Default)]
pub struct Limiter {
    failures: Mutex<HashMap<Uuid, (i64, u32)>>,
}

impl Limiter {
    pub fn allowed(&self, kiosk: Uuid, now: Timestamp) -> bool {
        let map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        match map.get(&kiosk) {
            Some((since, count)) => {
                now.as_second() - since > WINDOW_SECONDS || *count < MAX_FAILURES
            }
            None => true,
        }
    }

    pub fn failed(&self, kiosk: Uuid, now: Timestamp) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let entry = map.entry(kiosk).or_insert((now.as_second(), 0));
        if now.as_second() - entry.0 > WINDOW_SECONDS {
            *entry = (now.as_second(), 0);
        }
        entry.1 += 1;
    }
}
