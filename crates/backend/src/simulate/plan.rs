//! One simulated day: what happens when (`day`); `apply` tells the store in time order. Volumes follow the municipality's size: a 30,000-resident municipality makes
//! about 35,000 appointments a year.

use std::collections::HashSet;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use kiosk_api::{Catalogue, Channel, Customer, Delivery, Location, Product};
use uuid::Uuid;

use super::desks::{self, Step, Visitor};
use super::random::{arrival_weight, exponential, log_normal, poisson, unit, weighted};
use crate::codes;
use crate::figures::compute::open_intervals;
use crate::seed::rng::Rng;
use crate::slots;
use crate::store::{KioskIdentity, NewBooking, NewIssuance};

/// Appointments a year per resident (35,000 for 30,000 residents).
const APPOINTMENTS_PER_RESIDENT_YEAR: f64 = 35.0 / 30.0;
/// Certificate requests a year per resident.
const CERTIFICATES_PER_RESIDENT_YEAR: f64 = 0.5;
/// Days a year the desks are open.
const OPEN_DAYS_A_YEAR: f64 = 255.0;
/// Weeks a year of the usual opening hours (public holidays off).
const OPEN_WEEKS_A_YEAR: f64 = 50.0;
/// Walk-ins per appointment.
const WALK_INS_PER_APPOINTMENT: f64 = 0.7;
/// Percent of bookings per channel (kiosk, web, desk): 45 % by residents themselves.
const BOOKING_CHANNELS: [(Channel, u64); 3] = [
    (Channel::Kiosk, 15),
    (Channel::Web, 30),
    (Channel::Desk, 55),
];
/// Percent of certificates per channel: 60 % without the desk.
const CERTIFICATE_CHANNELS: [(Channel, u64); 3] = [
    (Channel::Kiosk, 40),
    (Channel::Web, 20),
    (Channel::Desk, 40),
];

/// What does not change from day to day.
pub struct World<'a> {
    pub tz: &'a TimeZone,
    pub catalogue: &'a Catalogue,
    /// The simulation's kiosk of each location (same order as the catalogue's locations).
    pub kiosks: &'a [KioskIdentity],
    pub closures: &'a [HashSet<Date>],
    pub residents: usize,
    pub resident_ids: &'a [i64],
    pub lead_s: i64,
}

/// What the real system is told, and when.
pub(super) enum Op {
    Book(usize, Box<NewBooking>),
    CheckIn(usize, usize),
    HandCheckIn(usize, usize),
    WalkIn(usize, usize, String),
    Desk(usize, usize, usize, DeskStep),
    Certificate(Box<NewIssuance>),
    Heartbeat(usize, bool),
}

#[derive(Clone, Copy)]
pub(super) enum DeskStep {
    Call,
    Start,
    Done,
    NoShow,
}

/// A day's moments, and how many visitors they speak of.
pub struct Day {
    pub(super) ops: Vec<(i64, Op)>,
    pub(super) visitors: usize,
}

fn channel_of(rng: &mut Rng, table: &[(Channel, u64); 3]) -> Channel {
    let weights: Vec<u64> = table.iter().map(|(_, w)| *w).collect();
    table
        .get(weighted(rng, &weights))
        .map_or(Channel::Desk, |(c, _)| *c)
}

fn uuid(rng: &mut Rng) -> Uuid {
    let mut bytes = [0u8; 16];
    bytes.iter_mut().for_each(|b| *b = rng.byte());
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// A moment in the intervals, uniformly.
fn moment_in(rng: &mut Rng, intervals: &[(i64, i64)]) -> Option<i64> {
    let total: i64 = intervals.iter().map(|(a, b)| b - a).sum();
    let mut offset = rng.range(0, total.max(1) - 1);
    for (a, b) in intervals {
        if offset < b - a {
            return Some(a + offset);
        }
        offset -= b - a;
    }
    None
}

/// Hours a week the location is open.
fn weekly_hours(location: &Location) -> f64 {
    let minutes = |t: jiff::civil::Time| i64::from(t.hour()) * 60 + i64::from(t.minute());
    location
        .opening_hours
        .iter()
        .map(|p| (minutes(p.closes) - minutes(p.opens)).max(0))
        .sum::<i64>() as f64
        / 60.0
}

fn hour_of(tz: &TimeZone, t: i64) -> f64 {
    Timestamp::from_second(t)
        .map(|ts| {
            let z = ts.to_zoned_datetime(tz.clone());
            f64::from(z.hour()) + f64::from(z.minute()) / 60.0
        })
        .unwrap_or(12.0)
}

/// Plans `day` for every location, and the web's certificates.
pub fn day(world: &World<'_>, day: Date, rng: &mut Rng) -> Day {
    let mut plan = Day {
        ops: Vec::new(),
        visitors: 0,
    };
    let total_desks: u32 = world.catalogue.locations.iter().map(|l| l.desks).sum();
    for (li, location) in world.catalogue.locations.iter().enumerate() {
        let closed = world.closures.get(li).cloned().unwrap_or_default();
        let intervals = open_intervals(world.tz, &location.opening_hours, &closed, day, day);
        if intervals.is_empty() {
            continue;
        }
        let share = f64::from(location.desks) / f64::from(total_desks.max(1));
        // The year's appointments of this location, spread over its opening hours.
        let hours = intervals.iter().map(|(a, b)| b - a).sum::<i64>() as f64 / 3600.0;
        let appointments = world.residents as f64 * APPOINTMENTS_PER_RESIDENT_YEAR * share * hours
            / (weekly_hours(location) * OPEN_WEEKS_A_YEAR).max(1.0);
        location_day(
            world,
            li,
            location,
            &closed,
            day,
            &intervals,
            appointments,
            rng,
            &mut plan,
        );
        let certificates =
            world.residents as f64 * CERTIFICATES_PER_RESIDENT_YEAR / OPEN_DAYS_A_YEAR * share;
        for _ in 0..poisson(rng, certificates) {
            let channel = channel_of(rng, &CERTIFICATE_CHANNELS);
            if channel == Channel::Web {
                continue;
            }
            if let Some(t) = moment_in(rng, &intervals) {
                let kiosk = world.kiosks.get(li).map(|k| k.kiosk_id);
                let op = certificate(world, rng, channel, kiosk, Some(&location.id), t);
                plan.ops.push((t, op));
            }
        }
        heartbeats(li, &intervals, rng, &mut plan);
    }
    // Residents ask for certificates online on any day, from early to late.
    let web = world.residents as f64 * CERTIFICATES_PER_RESIDENT_YEAR / 365.0
        * (CERTIFICATE_CHANNELS[1].1 as f64 / 100.0);
    let waking = day
        .to_zoned_datetime(world.tz.clone())
        .map(|z| z.timestamp().as_second())
        .map(|midnight| vec![(midnight + 7 * 3600, midnight + 23 * 3600)])
        .unwrap_or_default();
    for _ in 0..poisson(rng, web) {
        if let Some(t) = moment_in(rng, &waking) {
            let op = certificate(world, rng, Channel::Web, None, None, t);
            plan.ops.push((t, op));
        }
    }
    plan
}

#[allow(clippy::too_many_arguments)]
fn location_day(
    world: &World<'_>,
    li: usize,
    location: &Location,
    closed: &HashSet<Date>,
    day: Date,
    intervals: &[(i64, i64)],
    appointments: f64,
    rng: &mut Rng,
    plan: &mut Day,
) {
    let offered: Vec<&Product> = world
        .catalogue
        .products
        .iter()
        .filter(|p| p.location_ids.contains(&location.id))
        .collect();
    let services = walk_in_services(world.catalogue, &location.id);
    let mut visitors: Vec<Visitor> = Vec::new();
    // Who each visitor is: (global visitor index, at the desk by hand, walk-in service).
    let mut who: Vec<(usize, bool, Option<String>)> = Vec::new();
    let mut desks_taken = DeskPlan::new(location.desks);
    // Booked ahead, in the order they were made: the desks are claimed in that order, as the
    // store will claim them.
    let midnight = intervals.first().map_or(0, |(a, _)| *a) - 6 * 3600;
    let mut made: Vec<i64> = (0..poisson(rng, appointments))
        .map(|_| midnight - rng.range(3600, 21 * 86_400))
        .collect();
    made.sort_unstable();
    for created in made {
        let Some(&product) = rng.pick(&offered) else {
            break;
        };
        let persons = if rng.chance(15) {
            2.min(product.max_persons)
        } else {
            1
        };
        let minutes = product.duration_for(persons);
        let candidates = slots::candidates(world.tz, &location.opening_hours, closed, day, minutes);
        // Residents pick a time still free: a few tries, as someone looking at the slots would.
        let Some((start, end)) = (0..12)
            .filter_map(|_| rng.pick(&candidates).copied())
            .find(|&(a, b)| desks_taken.try_take(a.as_second(), b.as_second()))
        else {
            continue;
        };
        let channel = channel_of(rng, &BOOKING_CHANNELS);
        let kiosk = world.kiosks.get(li).map(|k| k.kiosk_id);
        let visitor = plan.visitors;
        plan.visitors += 1;
        let booking = NewBooking {
            id: uuid(rng),
            kiosk_id: if channel == Channel::Kiosk {
                kiosk
            } else {
                None
            },
            channel,
            location_id: location.id.clone(),
            product_id: product.id.clone(),
            persons,
            start,
            end,
            desks: location.desks,
            code: codes::short_code_from(|| rng.byte()),
            qr_secret: codes::hex(&rng.next_u64().to_be_bytes()),
            customer: Customer {
                name: format!("Inwoner {:05}", rng.below(world.residents.max(1) as u64)),
                phone: Some(format!("0470{:06}", rng.below(1_000_000))),
                email: None,
            },
            hold_expires: (channel == Channel::Kiosk)
                .then(|| Timestamp::from_second(created + 600).ok())
                .flatten(),
        };
        plan.ops
            .push((created, Op::Book(visitor, Box::new(booking))));
        // Some never come.
        if rng.chance(6) {
            continue;
        }
        let start_s = start.as_second();
        let window = &product.arrival_window;
        let earliest = start_s - i64::from(window.before_min) * 60 + 30;
        let latest = start_s + i64::from(window.after_min) * 60 - 30;
        let arrival = if rng.chance(12) {
            start_s + rng.range(60, (latest - start_s).max(61))
        } else {
            start_s - log_normal(rng, 480.0, 0.6) as i64
        }
        .clamp(earliest, latest.max(earliest));
        visitors.push(Visitor {
            booked_s: Some(start_s),
            arrival_s: arrival,
            service_s: desks::service_seconds(rng, f64::from(minutes)),
            gone: false,
        });
        who.push((visitor, rng.chance(12), None));
    }
    walk_ins(
        world,
        intervals,
        appointments,
        &services,
        rng,
        plan,
        &mut visitors,
        &mut who,
    );
    let opens = intervals.first().map_or(0, |(a, _)| *a);
    let desks_here = usize::try_from(location.desks).unwrap_or(1);
    for (t, step) in desks::play(&visitors, desks_here, opens, world.lead_s, rng) {
        let op = match step {
            Step::Arrive(i) => match who.get(i) {
                Some((v, _, Some(service))) => Op::WalkIn(*v, li, service.clone()),
                Some((v, true, None)) => Op::HandCheckIn(*v, li),
                Some((v, false, None)) => Op::CheckIn(*v, li),
                None => continue,
            },
            Step::Call(i, d) | Step::Start(i, d) | Step::Done(i, d) | Step::NoShow(i, d) => {
                let Some((v, _, _)) = who.get(i) else {
                    continue;
                };
                let kind = match step {
                    Step::Call(..) => DeskStep::Call,
                    Step::Start(..) => DeskStep::Start,
                    Step::Done(..) => DeskStep::Done,
                    _ => DeskStep::NoShow,
                };
                Op::Desk(*v, li, d, kind)
            }
        };
        plan.ops.push((t, op));
    }
}

#[allow(clippy::too_many_arguments)]
fn walk_ins(
    world: &World<'_>,
    intervals: &[(i64, i64)],
    appointments: f64,
    services: &[(&str, &kiosk_api::WalkIn)],
    rng: &mut Rng,
    plan: &mut Day,
    visitors: &mut Vec<Visitor>,
    who: &mut Vec<(usize, bool, Option<String>)>,
) {
    if services.is_empty() {
        return;
    }
    // A Poisson process whose rate follows the day's shape, by thinning: candidates at the
    // peak rate, each kept with the shape's weight at its moment.
    let peak = 2.8;
    let weight_sum: f64 = intervals
        .iter()
        .flat_map(|&(a, b)| (a..b).step_by(60))
        .map(|t| arrival_weight(hour_of(world.tz, t)))
        .sum();
    let expected = appointments * WALK_INS_PER_APPOINTMENT;
    if weight_sum <= 0.0 || expected <= 0.0 {
        return;
    }
    let per_minute_at_peak = expected * peak / weight_sum;
    let service_weights: Vec<u64> = (0..services.len())
        .map(|i| (services.len() - i) as u64 * 2)
        .collect();
    for &(open, close) in intervals {
        let mut t = open as f64;
        loop {
            t += exponential(rng, 60.0 / per_minute_at_peak);
            if t >= close as f64 {
                break;
            }
            let at = t as i64;
            if unit(rng) * peak > arrival_weight(hour_of(world.tz, at)) {
                continue;
            }
            let Some((service, rule)) = services.get(weighted(rng, &service_weights)) else {
                continue;
            };
            // Residents come when the service gives numbers (the kiosk offers it only then).
            let here = jiff::Timestamp::from_second(at)
                .map(|t| t.to_zoned_datetime(world.tz.clone()).datetime());
            if !here.is_ok_and(|here| rule.is_open(here, &[])) {
                continue;
            }
            let visitor = plan.visitors;
            plan.visitors += 1;
            visitors.push(Visitor {
                booked_s: None,
                arrival_s: at,
                service_s: (log_normal(rng, 360.0, 0.5) as i64).clamp(60, 3600),
                gone: rng.chance(3),
            });
            who.push((visitor, false, Some((*service).to_owned())));
        }
    }
}

/// Which desk is booked when, as the store's slot claims will see it: a booking takes one desk
/// for its whole time.
struct DeskPlan {
    /// Per desk, the booked `[start, end)` spans.
    desks: Vec<Vec<(i64, i64)>>,
}

impl DeskPlan {
    fn new(desks: u32) -> DeskPlan {
        DeskPlan {
            desks: vec![Vec::new(); usize::try_from(desks).unwrap_or(1).max(1)],
        }
    }

    /// Takes a desk free over `[start, end)`, if there is one.
    fn try_take(&mut self, start: i64, end: i64) -> bool {
        let free = self
            .desks
            .iter_mut()
            .find(|spans| spans.iter().all(|&(a, b)| end <= a || b <= start));
        match free {
            Some(spans) => {
                spans.push((start, end));
                true
            }
            None => false,
        }
    }
}

/// The queue services a location's desks serve: those of the products offered there and those
/// that give walk-in numbers there, in the catalogue's order (as the backend's desks see them).
pub(super) fn location_services(catalogue: &Catalogue, location_id: &str) -> Vec<String> {
    catalogue
        .queue_services
        .iter()
        .filter(|q| {
            q.walk_in
                .as_ref()
                .is_some_and(|w| w.offered_at(location_id))
                || catalogue.products.iter().any(|p| {
                    p.queue_service_id == q.id && p.location_ids.iter().any(|l| l == location_id)
                })
        })
        .map(|q| q.id.clone())
        .collect()
}

/// The services that give walk-in numbers at a location, with their rule.
fn walk_in_services<'c>(
    catalogue: &'c Catalogue,
    location_id: &str,
) -> Vec<(&'c str, &'c kiosk_api::WalkIn)> {
    catalogue
        .queue_services
        .iter()
        .filter_map(|q| Some((q.id.as_str(), q.walk_in.as_ref()?)))
        .filter(|(_, w)| w.offered_at(location_id))
        .collect()
}

fn certificate(
    world: &World<'_>,
    rng: &mut Rng,
    channel: Channel,
    kiosk: Option<Uuid>,
    location: Option<&str>,
    t: i64,
) -> Op {
    let types = &world.catalogue.certificate_types;
    let weights: Vec<u64> = (0..types.len()).map(|i| (types.len() - i) as u64).collect();
    let kind = types.get(weighted(rng, &weights));
    let status = match kind {
        _ if rng.chance(2) => "rejected",
        Some(k) if k.delivery == Delivery::Deferred => "pending",
        _ => "ready",
    };
    let id = uuid(rng);
    let ready = status == "ready";
    Op::Certificate(Box::new(NewIssuance {
        id,
        kiosk_id: if channel == Channel::Kiosk {
            kiosk
        } else {
            None
        },
        channel,
        location_id: if channel == Channel::Web {
            None
        } else {
            location.map(str::to_owned)
        },
        certificate_type: kind.map_or_else(|| "residence".to_owned(), |k| k.code.clone()),
        status,
        resident_id: rng.pick(world.resident_ids).copied(),
        document_number: ready.then(|| format!("SIM-{}", id.simple())),
        code_hash: ready.then(|| codes::sha256_hex(id.as_bytes())),
        initials: ready.then(|| "S. I.".to_owned()),
        language: "nl".to_owned(),
        issued: Timestamp::from_second(t).unwrap_or(Timestamp::UNIX_EPOCH),
    }))
}

/// A heartbeat a minute from a quarter before opening to a quarter after closing, except while
/// the kiosk is down; some days its printer runs out of paper for a while.
fn heartbeats(li: usize, intervals: &[(i64, i64)], rng: &mut Rng, plan: &mut Day) {
    let episode = |rng: &mut Rng, percent: u64, median: f64| -> Option<(i64, i64)> {
        if !rng.chance(percent) {
            return None;
        }
        let start = moment_in(rng, intervals)?;
        Some((start, start + log_normal(rng, median, 0.6) as i64))
    };
    let down = episode(rng, 12, 2400.0);
    let paper = episode(rng, 10, 1500.0);
    let inside = |e: Option<(i64, i64)>, t: i64| e.is_some_and(|(a, b)| a <= t && t < b);
    for &(open, close) in intervals {
        for t in (open - 900..close + 900).step_by(60) {
            if !inside(down, t) {
                plan.ops.push((t, Op::Heartbeat(li, inside(paper, t))));
            }
        }
    }
}
