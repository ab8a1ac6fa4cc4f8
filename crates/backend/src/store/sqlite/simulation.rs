//! `kiosk-backend simulate`'s way into the store: the real functions the kiosk API and the desk
//! console use (booking, confirming, checking in, the desk's actions, certificate records,
//! heartbeats), run inside one transaction per simulated day so that a year is written in
//! seconds, not hours. Walk-in tickets are written as the walk-in work of issue 14 writes them
//! (a ticket without a booking, numbered by the day's counter).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kiosk_api::Booking;
use uuid::Uuid;

use super::{WriteTx, bookings, certificates, kiosks, queue, tickets};
use crate::codes::CodeLookup;
use crate::queue::{Action, DeskRef, Outcome, QueueSettings};
use crate::store::{CheckIn, KioskIdentity, NewBooking, NewIssuance, StoreResult};

pub struct SimulationBatch<'a> {
    pub(super) tx: &'a WriteTx<'a>,
    pub(super) tz: &'a TimeZone,
    pub(super) queue: &'a QueueSettings,
}

impl SimulationBatch<'_> {
    /// A booking as the kiosk (held, then confirmed) or the desk and web (confirmed at once)
    /// make it.
    pub fn book(&self, booking: &NewBooking, now: Timestamp) -> StoreResult<Booking> {
        let made = bookings::create(self.tx, self.tz, booking, now)?;
        match booking.kiosk_id {
            Some(kiosk) if booking.hold_expires.is_some() => {
                bookings::confirm(self.tx, self.tz, made.id, kiosk, now)
            }
            _ => Ok(made),
        }
    }

    pub fn check_in(
        &self,
        code: &str,
        kiosk: &KioskIdentity,
        now: Timestamp,
    ) -> StoreResult<CheckIn> {
        let code = CodeLookup::Short(code.to_owned());
        tickets::check_in(self.tx, self.tz, &code, kiosk, now, self.queue)
    }

    pub fn hand_check_in(
        &self,
        booking_id: Uuid,
        desk: &DeskRef,
        now: Timestamp,
    ) -> StoreResult<CheckIn> {
        tickets::hand_check_in(self.tx, self.tz, booking_id, desk, now, self.queue)
    }

    /// A number without an appointment, taken at a kiosk: the kiosk's own path, inside the
    /// service's hours and under its daily limit.
    pub fn walk_in(
        &self,
        kiosk: &KioskIdentity,
        queue_service_id: &str,
        now: Timestamp,
    ) -> StoreResult<Uuid> {
        let given =
            super::walk_ins::issue(self.tx, self.tz, queue_service_id, kiosk, now, self.queue)?;
        Ok(given.ticket.id)
    }

    pub fn act(&self, desk: &DeskRef, action: &Action, now: Timestamp) -> StoreResult<Outcome> {
        queue::act(self.tx, self.tz, desk, action, now, self.queue)
    }

    pub fn certificate(&self, issuance: &NewIssuance) -> StoreResult<()> {
        certificates::record(self.tx, issuance)
    }

    /// A kiosk's `PUT /v1/kiosks/me/status`, as the API stores it.
    pub fn heartbeat(&self, kiosk_id: Uuid, status_json: &str, now: Timestamp) -> StoreResult<()> {
        kiosks::record_status(self.tx, kiosk_id, status_json, now)
    }

    /// The register's residents, whom certificates are for.
    pub fn resident_ids(&self) -> StoreResult<Vec<i64>> {
        let mut stmt = self.tx.prepare("SELECT id FROM residents ORDER BY id")?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }
}

impl super::SqliteStore {
    pub fn queue_settings(&self) -> &QueueSettings {
        &self.queue
    }

    /// Runs `f` with the simulation's writers in one write transaction.
    pub fn simulation_batch<T>(
        &self,
        f: impl FnOnce(&SimulationBatch<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.write(|tx| {
            f(&SimulationBatch {
                tx,
                tz: &self.tz,
                queue: &self.queue,
            })
        })
    }
}
