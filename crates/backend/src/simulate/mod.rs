//! `kiosk-backend simulate`: plays days of a town hall through the real store, so the figures
//! page has something to show on a fresh machine (and the figures' tests and benchmark have a
//! known history). Synthetic residents only; the same seed and days give the same figures.
//!
//! Per location and open day: appointments booked ahead over the kiosk, the desk (phone) and
//! the web (about 45 % by residents themselves), some never coming; the others checked in at a
//! kiosk (or by hand at the desk) a few minutes early or a little late; walk-ins arriving as a
//! Poisson process with a morning peak; desks calling them in the console's order and serving
//! them for log-normal times (`desks`). Certificates over kiosk, web and desk (about 60 %
//! without the desk), and kiosk heartbeats every minute of the opening hours with some
//! downtime and paper-out episodes.

mod apply;
mod desks;
mod plan;
pub mod random;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

use crate::codes;
use crate::seed::rng::Rng;
use crate::store::{KioskIdentity, SqliteStore, Store, StoreError, StoreResult};

pub use apply::Tally;

/// What to simulate.
#[derive(Debug, Clone)]
pub struct SimulateOptions {
    /// Days before `today`, up to yesterday.
    pub days: u32,
    pub seed: u64,
    pub today: Date,
    /// Size of the municipality the volumes follow; `None`: the register's residents.
    pub residents: Option<usize>,
}

/// The kiosk the simulation enrols at each location (found again on the next run).
fn kiosk_hardware(location_id: &str) -> String {
    format!("sim-kiosk-{location_id}")
}

/// Plays `options.days` days up to yesterday into `store`; returns what was written.
pub fn run(store: &SqliteStore, tz: &TimeZone, options: &SimulateOptions) -> StoreResult<Tally> {
    let first = options
        .today
        .checked_sub(i64::from(options.days).days())
        .map_err(|e| StoreError::Invalid(format!("days: {e}")))?;
    let catalogue = store.catalogue(first)?;
    if catalogue.locations.is_empty() {
        return Err(StoreError::Invalid(
            "no municipality in this database: run `kiosk-backend seed --demo` first".into(),
        ));
    }
    let start = first
        .to_zoned_datetime(tz.clone())
        .map(|z| z.timestamp())
        .map_err(|e| StoreError::Invalid(format!("first day: {e}")))?;
    // Playing days twice would count their walk-ins and heartbeats twice.
    let simulated_until = store
        .kiosks()?
        .into_iter()
        .filter(|k| k.hardware_id.starts_with("sim-kiosk-"))
        .filter_map(|k| k.last_seen_at)
        .max();
    if let Some(until) = simulated_until.filter(|u| u.timestamp() >= start) {
        return Err(StoreError::Invalid(format!(
            "this database was simulated up to {}: simulate fewer days, or a fresh database",
            until.date()
        )));
    }
    let kiosks = catalogue
        .locations
        .iter()
        .map(|l| sim_kiosk(store, &l.id, start))
        .collect::<StoreResult<Vec<_>>>()?;
    let residents_in_register = store.simulation_batch(|b| b.resident_ids())?;
    let residents = options.residents.unwrap_or(residents_in_register.len());
    let mut closures = Vec::new();
    for l in &catalogue.locations {
        closures.push(store.closures(&l.id)?.into_iter().collect());
    }
    let world = plan::World {
        tz,
        catalogue: &catalogue,
        kiosks: &kiosks,
        closures: &closures,
        residents,
        resident_ids: &residents_in_register,
        lead_s: store.queue_settings().appointment_lead.as_secs(),
    };
    let mut rng = Rng::new(options.seed);
    let mut tally = Tally::default();
    let mut day = first;
    while day < options.today {
        let steps = plan::day(&world, day, &mut rng);
        let done = store.simulation_batch(|batch| Ok(apply::apply(&world, batch, steps)))?;
        tally.add(&done);
        day = day
            .tomorrow()
            .map_err(|e| StoreError::Invalid(format!("day: {e}")))?;
    }
    Ok(tally)
}

/// The simulation's kiosk at `location_id`, enrolled (through the real enrolment) at `at` the
/// first time.
fn sim_kiosk(store: &SqliteStore, location_id: &str, at: Timestamp) -> StoreResult<KioskIdentity> {
    let hardware = kiosk_hardware(location_id);
    if let Some(k) = store
        .kiosks()?
        .into_iter()
        .find(|k| k.hardware_id == hardware)
    {
        return Ok(KioskIdentity {
            kiosk_id: k.kiosk_id,
            location_id: k.location_id,
        });
    }
    let code_hash = codes::sha256_hex(codes::short_code().as_bytes());
    store.add_enrolment_code(location_id, &code_hash, at)?;
    let token_hash = codes::sha256_hex(codes::token("sim").as_bytes());
    store.enrol(
        &code_hash,
        &hardware,
        &token_hash,
        at,
        SignedDuration::from_hours(24),
    )
}
