//! SQLite implementation of [`Store`]: one file, WAL with `synchronous = FULL`, versioned
//! migrations, one writer connection whose writes commit in groups ([`group_commit`]) and a few
//! pooled connections for reads.

mod bookings;
mod catalogue;
mod catalogue_import;
mod certificates;
mod desk_bookings;
mod eid;
mod events;
mod figures;
mod fleet_alerts;
mod group_commit;
mod heartbeats;
mod idempotency;
mod kiosks;
mod queue;
mod queue_views;
mod reference;
mod retention;
mod simulation;
mod staff;
mod tickets;
mod walk_ins;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use rusqlite::{Connection, ErrorCode};
use rusqlite_migration::{M, Migrations};

pub use simulation::SimulationBatch;

use super::catalogue_cache::CatalogueCache;
use super::{Keyed, StoreError, StoreResult};
use crate::queue::QueueSettings;
use uuid::Uuid;

/// Read connections kept open between requests; more are opened under load and dropped after.
/// Opening one reads the schema again, so enough are kept for 32 kiosks asking at once.
const IDLE_CONNECTIONS: usize = 32;

pub struct SqliteStore {
    path: PathBuf,
    /// Read connections (WAL: reads never wait for the writer).
    idle: Mutex<Vec<Connection>>,
    /// The one connection every write of this process goes through.
    writer: group_commit::GroupCommit,
    catalogue: CatalogueCache,
    tz: TimeZone,
    queue: QueueSettings,
}

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("001_initial.sql")),
        M::up(include_str!("002_product_bring.sql")),
        M::up(include_str!("003_certificates.sql")),
        M::up(include_str!("004_idempotency_answered_only.sql")),
        M::up(include_str!("005_desk_queue.sql")),
        M::up(include_str!("006_ticket_aliases.sql")),
        M::up(include_str!("007_walk_ins.sql")),
        M::up(include_str!("008_figures.sql")),
        M::up(include_str!("009_fleet_alerts.sql")),
        M::up(include_str!("010_booking_indexes.sql")),
        M::up(include_str!("011_desks.sql")),
    ])
}

impl SqliteStore {
    /// Opens (creating if needed) the database and brings its schema to the latest version.
    pub fn open(path: &Path) -> StoreResult<SqliteStore> {
        let mut conn = open_connection(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        migrations().to_latest(&mut conn)?;
        let tz = TimeZone::get("Europe/Brussels")
            .map_err(|e| StoreError::Corrupt(format!("time zone Europe/Brussels: {e}")))?;
        Ok(SqliteStore {
            path: path.to_owned(),
            idle: Mutex::new(vec![open_connection(path)?]),
            writer: group_commit::GroupCommit::new(conn),
            catalogue: CatalogueCache::default(),
            tz,
            queue: QueueSettings::default(),
        })
    }

    /// The queue's settings (call order lead, default service time, ...).
    pub fn with_queue_settings(mut self, settings: QueueSettings) -> SqliteStore {
        self.queue = settings;
        self
    }

    fn with_conn<T>(&self, f: impl FnOnce(&mut Connection) -> StoreResult<T>) -> StoreResult<T> {
        let pooled = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut conn = match pooled {
            Some(c) => c,
            None => open_connection(&self.path)?,
        };
        let result = f(&mut conn);
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < IDLE_CONNECTIONS {
            idle.push(conn);
        }
        result
    }

    /// A write transaction (IMMEDIATE: it holds the write lock from its start), committed with
    /// the writes that arrived beside it; `f`'s result is returned once it is on disk.
    fn write<T>(&self, f: impl FnOnce(&WriteTx<'_>) -> StoreResult<T>) -> StoreResult<T> {
        self.writer.run("write", f)
    }

    /// [`Self::write`] for a state change a client asked for, with its Idempotency-Key: `f` makes
    /// the effect, then the key and its answer for the effect's result are written, and both
    /// commit together. A crash test can stop the process just before or after that commit
    /// (`src/failpoint.rs`).
    fn change<T>(
        &self,
        operation: &'static str,
        keyed: &Keyed<T>,
        f: impl FnOnce(&WriteTx<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let value = self.unkeyed_change(operation, |tx| {
            let value = f(tx)?;
            idempotency::record(tx, keyed.record(), &keyed.answer(&value)?)?;
            Ok(value)
        })?;
        keyed.mark_committed();
        Ok(value)
    }

    /// [`Self::change`] for the one state change that has no key (a DELETE that answers the same
    /// when repeated).
    fn unkeyed_change<T>(
        &self,
        operation: &'static str,
        f: impl FnOnce(&WriteTx<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.writer.run(operation, f)
    }

    /// The whole catalogue as the catalogue file describes it (`catalogue export`).
    pub fn catalogue_file(&self) -> StoreResult<crate::catalogue_file::CatalogueFile> {
        self.with_conn(|c| catalogue_import::snapshot(c))
    }

    /// Replaces the catalogue with `file` in one transaction, unless the database still needs
    /// something the file removes: then nothing is written and those conflicts are returned.
    /// With `apply` false the whole import runs and is rolled back (a dry run).
    pub fn import_catalogue(
        &self,
        file: &crate::catalogue_file::CatalogueFile,
        now: Timestamp,
        apply: bool,
    ) -> StoreResult<Vec<crate::catalogue_file::Conflict>> {
        let conflicts = self.with_conn(|conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let conflicts = catalogue_import::conflicts(&tx, file, now)?;
            if conflicts.is_empty() {
                catalogue_import::replace(&tx, file)?;
                if apply {
                    tx.commit()?;
                }
            }
            Ok(conflicts)
        })?;
        // This process reads the new catalogue at once; another (a running `serve`) within
        // the second its cache lives.
        self.catalogue.clear();
        Ok(conflicts)
    }

    fn today(&self, now: Timestamp) -> Date {
        now.to_zoned_datetime(self.tz.clone()).date()
    }
}

/// A desk form sent twice at once: the second waits for the write lock, then finds the first's key
/// here, before its action could be refused for what the first did (e.g. "desk busy").
fn answered_before<T>(tx: &WriteTx<'_>, keyed: &Keyed<T>, now: Timestamp) -> StoreResult<()> {
    let record = keyed.record();
    match idempotency::lookup(tx, &record.scope, &record.key, now)? {
        Some(_) => Err(StoreError::KeyAnswered),
        None => Ok(()),
    }
}

/// The connection inside a write transaction of [`SqliteStore`]: the functions that take one can
/// only run there (only [`group_commit`] makes one).
pub(crate) struct WriteTx<'c> {
    conn: &'c Connection,
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

fn open_connection(path: &Path) -> StoreResult<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(15))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Room for every statement of the hot paths (a booking, a catalogue read) to be parsed once.
    conn.set_prepared_statement_cache_capacity(64);
    // FULL: with WAL, each commit syncs the log before it returns, so an answered booking or
    // check-in survives a power cut, not only a crash of the process (NORMAL could lose the
    // last commits there). Group commit (`group_commit.rs`) shares that fsync between requests.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(conn)
}

pub(crate) fn zoned(tz: &TimeZone, seconds: i64) -> StoreResult<ZonedDateTime> {
    Timestamp::from_second(seconds)
        .map(|t| t.to_zoned_datetime(tz.clone()))
        .map_err(|e| StoreError::Corrupt(format!("timestamp {seconds}: {e}")))
}

pub(crate) fn parse_date(text: &str) -> StoreResult<Date> {
    text.parse()
        .map_err(|e| StoreError::Corrupt(format!("date {text}: {e}")))
}

pub(crate) fn parse_uuid(text: &str) -> StoreResult<uuid::Uuid> {
    uuid::Uuid::parse_str(text).map_err(|e| StoreError::Corrupt(format!("uuid {text}: {e}")))
}

pub(crate) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::ConstraintViolation)
}

pub(crate) fn u32_col(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

impl super::Store for SqliteStore {
    fn ping(&self) -> StoreResult<()> {
        self.with_conn(|c| {
            Ok(c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))
                .map(|_| ())?)
        })
    }

    fn add_enrolment_code(
        &self,
        location_id: &str,
        code_hash: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        self.write(|tx| kiosks::add_enrolment_code(tx, location_id, code_hash, now))
    }

    fn add_admin_token(&self, token_hash: &str, now: Timestamp) -> StoreResult<()> {
        self.write(|tx| kiosks::add_admin_token(tx, token_hash, now))
    }

    fn purge(
        &self,
        now: Timestamp,
        policy: &super::RetentionPolicy,
    ) -> StoreResult<super::PurgeCounts> {
        self.write(|tx| retention::purge(tx, now, policy))
    }

    fn revoke_kiosk(&self, kiosk_id: Uuid) -> StoreResult<bool> {
        self.write(|tx| kiosks::revoke_kiosk(tx, kiosk_id))
    }

    fn revoke_admin_token(&self, token_hash: &str) -> StoreResult<bool> {
        self.write(|tx| kiosks::revoke_admin_token(tx, token_hash))
    }

    fn enrol(
        &self,
        code_hash: &str,
        hardware_id: &str,
        token_hash: &str,
        now: Timestamp,
        valid: SignedDuration,
    ) -> StoreResult<super::KioskIdentity> {
        self.write(|tx| kiosks::enrol(tx, code_hash, hardware_id, token_hash, now, valid))
    }

    fn kiosk_by_token(&self, token_hash: &str) -> StoreResult<Option<super::KioskIdentity>> {
        self.with_conn(|c| kiosks::by_token(c, token_hash))
    }

    fn is_admin_token(&self, token_hash: &str) -> StoreResult<bool> {
        self.with_conn(|c| kiosks::is_admin(c, token_hash))
    }

    fn record_status(
        &self,
        kiosk_id: uuid::Uuid,
        status_json: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        self.write(|tx| kiosks::record_status(tx, kiosk_id, status_json, now))
    }

    fn kiosks(&self) -> StoreResult<Vec<kiosk_api::KioskSummary>> {
        self.with_conn(|c| kiosks::list(c, &self.tz))
    }

    fn fleet(&self) -> StoreResult<crate::fleet::Fleet> {
        self.with_conn(|c| {
            Ok(crate::fleet::Fleet {
                kiosks: kiosks::list(c, &self.tz)?,
                paper_out_since: kiosks::paper_out_since(c)?
                    .into_iter()
                    .filter_map(|(id, s)| Some((id, Timestamp::from_second(s).ok()?)))
                    .collect(),
                revoked: kiosks::revoked(c)?.into_iter().collect(),
                open: fleet_alerts::open(c)?,
                resolved: fleet_alerts::recent_resolved(c)?,
            })
        })
    }

    fn raise_fleet_alert(
        &self,
        kiosk_id: uuid::Uuid,
        kind: crate::fleet::AlertKind,
        since: Timestamp,
        now: Timestamp,
    ) -> StoreResult<Option<crate::fleet::FleetAlert>> {
        self.write(|tx| fleet_alerts::raise(tx, kiosk_id, kind, since, now))
    }

    fn resolve_fleet_alert(
        &self,
        id: i64,
        now: Timestamp,
    ) -> StoreResult<Option<crate::fleet::FleetAlert>> {
        self.write(|tx| fleet_alerts::resolve(tx, id, now))
    }

    fn figures(
        &self,
        period: &crate::figures::Period,
        now: Timestamp,
    ) -> StoreResult<kiosk_api::Figures> {
        self.with_conn(|c| figures::figures(c, &self.tz, period, now))
    }

    fn catalogue(&self, today: Date) -> StoreResult<kiosk_api::Catalogue> {
        if let Some(cached) = self.catalogue.get(today) {
            return Ok(cached.as_ref().clone());
        }
        let read_at = std::time::Instant::now();
        let catalogue = self.with_conn(|c| catalogue::load(c, today))?;
        self.catalogue.put(today, catalogue.clone(), read_at);
        Ok(catalogue)
    }

    fn cached_catalogue(&self, today: Date) -> Option<std::sync::Arc<kiosk_api::Catalogue>> {
        self.catalogue.get(today)
    }

    fn desks(&self) -> StoreResult<Vec<crate::catalogue_file::Desk>> {
        self.with_conn(|c| catalogue_import::desks(c))
    }

    fn taken(
        &self,
        location_id: &str,
        from: Timestamp,
        to: Timestamp,
        now: Timestamp,
    ) -> StoreResult<crate::slots::Taken> {
        self.with_conn(|c| bookings::taken(c, location_id, from, to, now))
    }

    fn closures(&self, location_id: &str) -> StoreResult<Vec<Date>> {
        self.with_conn(|c| catalogue::closure_days(c, location_id))
    }

    fn create_booking(
        &self,
        booking: super::NewBooking,
        now: Timestamp,
        keyed: &Keyed<kiosk_api::Booking>,
    ) -> StoreResult<kiosk_api::Booking> {
        self.change("create_booking", keyed, |tx| {
            bookings::create(tx, &self.tz, &booking, now)
        })
    }

    fn confirm_booking(
        &self,
        id: uuid::Uuid,
        kiosk_id: uuid::Uuid,
        now: Timestamp,
        keyed: &Keyed<kiosk_api::Booking>,
    ) -> StoreResult<kiosk_api::Booking> {
        self.change("confirm_booking", keyed, |tx| {
            bookings::confirm(tx, &self.tz, id, kiosk_id, now)
        })
    }

    fn find_booking(
        &self,
        code: &crate::codes::CodeLookup,
        now: Timestamp,
    ) -> StoreResult<Option<kiosk_api::Booking>> {
        self.with_conn(|c| bookings::find(c, &self.tz, code, now))
    }

    fn cancel_booking(
        &self,
        id: uuid::Uuid,
        code: &crate::codes::CodeLookup,
        now: Timestamp,
    ) -> StoreResult<kiosk_api::Booking> {
        self.unkeyed_change("cancel_booking", |tx| {
            bookings::cancel(tx, &self.tz, id, code, now)
        })
    }

    fn check_in(
        &self,
        code: &crate::codes::CodeLookup,
        kiosk: &super::KioskIdentity,
        now: Timestamp,
        keyed: &Keyed<super::CheckIn>,
    ) -> StoreResult<super::CheckIn> {
        self.change("check_in", keyed, |tx| {
            tickets::check_in(tx, &self.tz, code, kiosk, now, &self.queue)
        })
    }

    fn walk_in(
        &self,
        service_id: &str,
        kiosk: &super::KioskIdentity,
        now: Timestamp,
        keyed: &Keyed<super::CheckIn>,
    ) -> StoreResult<super::CheckIn> {
        self.change("walk_in", keyed, |tx| {
            walk_ins::issue(tx, &self.tz, service_id, kiosk, now, &self.queue)
        })
    }

    fn ticket(&self, id: uuid::Uuid, now: Timestamp) -> StoreResult<Option<kiosk_api::Ticket>> {
        self.with_conn(|c| tickets::get(c, &self.tz, id, now, &self.queue))
    }

    fn arrivals(
        &self,
        location_id: &str,
        day: Date,
        now: Timestamp,
    ) -> StoreResult<kiosk_api::Arrivals> {
        // A kiosk needs today's list, and tomorrow's just before midnight; a longer view would
        // tell whoever holds a kiosk token who comes when, weeks ahead.
        let today = self.today(now);
        if day != today && Some(day) != today.tomorrow().ok() {
            return Err(StoreError::Invalid(
                "arrivals are given for today and tomorrow only".into(),
            ));
        }
        self.write(|tx| tickets::arrivals(tx, &self.tz, location_id, day))
    }

    fn reserve_ticket_block(
        &self,
        kiosk: &super::KioskIdentity,
        queue_service_id: &str,
        day: Date,
        size: u32,
        now: Timestamp,
        keyed: &Keyed<kiosk_api::TicketBlock>,
    ) -> StoreResult<kiosk_api::TicketBlock> {
        let today = self.today(now);
        self.change("reserve_ticket_block", keyed, |tx| {
            tickets::reserve_block(tx, kiosk, queue_service_id, day, size, today, now)
        })
    }

    fn record_events(
        &self,
        kiosk: &super::KioskIdentity,
        events: &[kiosk_api::KioskEvent],
        now: Timestamp,
        keyed: &Keyed<Vec<super::EventOutcome>>,
    ) -> StoreResult<Vec<super::EventOutcome>> {
        self.change("record_events", keyed, |tx| {
            events::record_all(tx, &self.tz, kiosk, events, now)
        })
    }

    fn idempotency_lookup(
        &self,
        scope: &str,
        key: &str,
        now: Timestamp,
    ) -> StoreResult<Option<super::StoredKey>> {
        self.with_conn(|c| idempotency::lookup(c, scope, key, now))
    }

    fn idempotency_record(
        &self,
        record: &super::KeyRecord,
        answer: &super::StoredAnswer,
    ) -> StoreResult<()> {
        self.write(|tx| idempotency::record_if_absent(tx, record, answer))
    }

    fn trust_anchors(&self) -> StoreResult<Vec<Vec<u8>>> {
        self.with_conn(|c| eid::trust_anchors(c))
    }

    fn labelled_trust_anchors(&self) -> StoreResult<Vec<(String, Vec<u8>)>> {
        self.with_conn(|c| eid::labelled_trust_anchors(c))
    }

    fn set_trust_anchor(&self, label: &str, der: &[u8], now: Timestamp) -> StoreResult<()> {
        self.write(|tx| eid::set_trust_anchor(tx, label, der, now))
    }

    fn add_challenge(
        &self,
        kiosk_id: uuid::Uuid,
        challenge: &[u8],
        expires: Timestamp,
        now: Timestamp,
        keyed: &Keyed<()>,
    ) -> StoreResult<()> {
        self.change("add_challenge", keyed, |tx| {
            eid::add_challenge(tx, kiosk_id, challenge, expires, now)
        })
    }

    fn challenge_state(
        &self,
        kiosk_id: uuid::Uuid,
        challenge: &[u8],
        now: Timestamp,
    ) -> StoreResult<super::ChallengeState> {
        self.with_conn(|c| eid::challenge_state(c, kiosk_id, challenge, now))
    }

    fn spend_challenge(
        &self,
        kiosk_id: uuid::Uuid,
        challenge: &[u8],
        issuance: Option<&super::NewIssuance>,
        now: Timestamp,
        keyed: &Keyed<super::ChallengeState>,
    ) -> StoreResult<super::ChallengeState> {
        self.change("spend_challenge", keyed, |tx| {
            let state = eid::spend_challenge(tx, kiosk_id, challenge, now)?;
            if let (super::ChallengeState::Fresh, Some(issuance)) = (state, issuance) {
                certificates::record(tx, issuance)?;
            }
            Ok(state)
        })
    }

    fn register_entry(&self, national_number: &str) -> StoreResult<Option<super::RegisterEntry>> {
        self.with_conn(|c| certificates::register_entry(c, national_number))
    }

    fn issued_document(&self, code_hash: &str) -> StoreResult<Option<super::IssuedDocument>> {
        self.with_conn(|c| certificates::by_code_hash(c, code_hash))
    }

    fn queue_act(
        &self,
        desk: &crate::queue::DeskRef,
        action: &crate::queue::Action,
        now: Timestamp,
        keyed: &Keyed<crate::queue::Outcome>,
    ) -> StoreResult<crate::queue::Outcome> {
        self.change("queue_act", keyed, |tx| {
            answered_before(tx, keyed, now)?;
            queue::act(tx, &self.tz, desk, action, now, &self.queue)
        })
    }

    fn hand_check_in(
        &self,
        booking_id: uuid::Uuid,
        desk: &crate::queue::DeskRef,
        now: Timestamp,
        keyed: &Keyed<super::CheckIn>,
    ) -> StoreResult<super::CheckIn> {
        self.change("hand_check_in", keyed, |tx| {
            answered_before(tx, keyed, now)?;
            tickets::hand_check_in(tx, &self.tz, booking_id, desk, now, &self.queue)
        })
    }

    fn desk_view(
        &self,
        desk: &crate::queue::DeskRef,
        now: Timestamp,
    ) -> StoreResult<crate::queue::DeskView> {
        self.with_conn(|c| queue_views::desk_view(c, &self.tz, desk, now, &self.queue))
    }

    fn display_view(
        &self,
        location_id: &str,
        now: Timestamp,
    ) -> StoreResult<Option<crate::queue::DisplayView>> {
        self.with_conn(|c| queue_views::display_view(c, &self.tz, location_id, now))
    }

    fn location_services(&self, location_id: &str) -> StoreResult<Vec<String>> {
        self.with_conn(|c| queue::services_of_location(c, location_id))
    }

    fn desk_find_bookings(
        &self,
        location_id: &str,
        query: &super::BookingQuery,
        now: Timestamp,
    ) -> StoreResult<Vec<super::DeskBooking>> {
        self.with_conn(|c| desk_bookings::find(c, &self.tz, location_id, query, now))
    }

    fn desk_move_booking(
        &self,
        id: uuid::Uuid,
        location_id: &str,
        start: Timestamp,
        end: Timestamp,
        desks: u32,
        now: Timestamp,
        keyed: &Keyed<kiosk_api::Booking>,
    ) -> StoreResult<kiosk_api::Booking> {
        self.change("desk_move_booking", keyed, |tx| {
            answered_before(tx, keyed, now)?;
            desk_bookings::move_to(tx, &self.tz, id, location_id, start, end, desks, now)
        })
    }

    fn desk_cancel_booking(
        &self,
        id: uuid::Uuid,
        location_id: &str,
        now: Timestamp,
        keyed: &Keyed<kiosk_api::Booking>,
    ) -> StoreResult<kiosk_api::Booking> {
        self.change("desk_cancel_booking", keyed, |tx| {
            answered_before(tx, keyed, now)?;
            desk_bookings::cancel(tx, &self.tz, id, location_id, now)
        })
    }

    fn add_staff(
        &self,
        login: &str,
        password_hash: &str,
        role: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        self.write(|tx| staff::add(tx, login, password_hash, role, now))
    }

    fn staff(&self) -> StoreResult<Vec<super::StaffAccount>> {
        self.with_conn(|c| staff::list(c))
    }

    fn staff_by_login(&self, login: &str) -> StoreResult<Option<super::StaffAccount>> {
        self.with_conn(|c| staff::by_login(c, login))
    }

    fn disable_staff(&self, login: &str) -> StoreResult<()> {
        self.write(|tx| staff::disable(tx, login))
    }

    fn login_failed(&self, staff_id: i64, now: Timestamp) -> StoreResult<super::LoginFailure> {
        self.write(|tx| {
            Ok(match staff::login_failed(tx, staff_id, now)? {
                Some(until) => super::LoginFailure::LockedUntil(until),
                None => super::LoginFailure::Counted,
            })
        })
    }

    fn login_succeeded(
        &self,
        staff_id: i64,
        token_hash: &str,
        csrf: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        self.write(|tx| staff::login_succeeded(tx, staff_id, token_hash, csrf, now))
    }

    fn staff_session(
        &self,
        token_hash: &str,
        now: Timestamp,
        idle: jiff::SignedDuration,
    ) -> StoreResult<Option<super::StaffSession>> {
        self.write(|tx| staff::session(tx, token_hash, now, idle.as_secs()))
    }

    fn set_session_desk(
        &self,
        token_hash: &str,
        location_id: &str,
        desk: &str,
        services: &[String],
    ) -> StoreResult<()> {
        self.write(|tx| staff::set_desk(tx, token_hash, location_id, desk, services))
    }

    fn end_session(&self, token_hash: &str) -> StoreResult<()> {
        self.write(|tx| staff::end_session(tx, token_hash))
    }

    fn load_reference_data(&self, data: &crate::seed::DemoData, now: Timestamp) -> StoreResult<()> {
        let loaded = self.write(|tx| reference::load(tx, &self.tz, data, now));
        self.catalogue.clear();
        loaded
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn reopening_a_migrated_database_keeps_it_and_uses_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        drop(SqliteStore::open(&path).unwrap());
        let store = SqliteStore::open(&path).unwrap();
        let mode: String = store
            .with_conn(|c| Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
