//! A planned day told to the store in time order, as the kiosks and desks would have told it.

use jiff::Timestamp;
use uuid::Uuid;

use super::plan::{Day, DeskStep, Op, World, location_services};
use crate::queue::{Action, DeskRef};
use crate::store::SimulationBatch;

/// What the simulation wrote (and what the store refused, e.g. a slot taken twice).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub bookings: u64,
    pub check_ins: u64,
    pub walk_ins: u64,
    pub desk_actions: u64,
    pub certificates: u64,
    pub heartbeats: u64,
    pub refused: u64,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.bookings += o.bookings;
        self.check_ins += o.check_ins;
        self.walk_ins += o.walk_ins;
        self.desk_actions += o.desk_actions;
        self.certificates += o.certificates;
        self.heartbeats += o.heartbeats;
        self.refused += o.refused;
    }
}

fn status_json(t: i64, paper_out: bool) -> String {
    let when = Timestamp::from_second(t)
        .map(|ts| ts.to_string())
        .unwrap_or_default();
    let printer = if paper_out { "paper_out" } else { "ok" };
    format!(
        r#"{{"app_version":"simulated","printer":{{"state":"{printer}"}},"card_reader":"ok","scanner":"ok","outbox_depth":0,"kiosk_time":"{when}"}}"#
    )
}

/// Tells the store the day's moments in time order; what it refuses is counted, not fatal.
pub fn apply(world: &World<'_>, batch: &SimulationBatch<'_>, mut day: Day) -> Tally {
    day.ops.sort_by_key(|(t, _)| *t);
    let mut bookings: Vec<Option<(Uuid, String)>> = vec![None; day.visitors];
    let mut tickets: Vec<Option<Uuid>> = vec![None; day.visitors];
    let desk_refs: Vec<Vec<DeskRef>> = world
        .catalogue
        .locations
        .iter()
        .map(|l| {
            let services = location_services(world.catalogue, &l.id);
            (1..=l.desks)
                .map(|n| DeskRef {
                    staff_id: 0,
                    location_id: l.id.clone(),
                    desk: format!("Loket {n}"),
                    services: services.clone(),
                })
                .collect()
        })
        .collect();
    let desk = |li: usize, d: usize| desk_refs.get(li).and_then(|ds| ds.get(d));
    let mut tally = Tally::default();
    for (t, op) in day.ops {
        let Ok(now) = Timestamp::from_second(t) else {
            continue;
        };
        let ok = match op {
            Op::Book(v, booking) => match batch.book(&booking, now) {
                Ok(b) => {
                    if let Some(slot) = bookings.get_mut(v) {
                        *slot = Some((b.id, booking.code.clone()));
                    }
                    tally.bookings += 1;
                    true
                }
                Err(_) => false,
            },
            Op::CheckIn(v, li) => {
                let code = bookings.get(v).cloned().flatten();
                match (code, world.kiosks.get(li)) {
                    (Some((_, code)), Some(kiosk)) => match batch.check_in(&code, kiosk, now) {
                        Ok(c) => {
                            if let Some(slot) = tickets.get_mut(v) {
                                *slot = Some(c.ticket.id);
                            }
                            tally.check_ins += 1;
                            true
                        }
                        Err(_) => false,
                    },
                    _ => false,
                }
            }
            Op::HandCheckIn(v, li) => {
                let booking = bookings.get(v).cloned().flatten();
                match (booking, desk(li, 0)) {
                    (Some((id, _)), Some(d)) => match batch.hand_check_in(id, d, now) {
                        Ok(c) => {
                            if let Some(slot) = tickets.get_mut(v) {
                                *slot = Some(c.ticket.id);
                            }
                            tally.check_ins += 1;
                            true
                        }
                        Err(_) => false,
                    },
                    _ => false,
                }
            }
            Op::WalkIn(v, li, service) => {
                let Some(kiosk) = world.kiosks.get(li) else {
                    continue;
                };
                match batch.walk_in(kiosk, &service, now) {
                    Ok(id) => {
                        if let Some(slot) = tickets.get_mut(v) {
                            *slot = Some(id);
                        }
                        tally.walk_ins += 1;
                        true
                    }
                    Err(_) => false,
                }
            }
            Op::Desk(v, li, d, step) => {
                let ticket = tickets.get(v).copied().flatten();
                match (ticket, desk(li, d)) {
                    (Some(id), Some(d)) => {
                        let action = match step {
                            DeskStep::Call => Action::Call(Some(id)),
                            DeskStep::Start => Action::Start(id),
                            DeskStep::Done => Action::Done(id),
                            DeskStep::NoShow => Action::NoShow(id),
                        };
                        let done = batch.act(d, &action, now).is_ok();
                        tally.desk_actions += u64::from(done);
                        done
                    }
                    // The booking or its check-in was refused: nothing to call.
                    _ => true,
                }
            }
            Op::Certificate(issuance) => {
                let done = batch.certificate(&issuance).is_ok();
                tally.certificates += u64::from(done);
                done
            }
            Op::Heartbeat(li, paper_out) => match world.kiosks.get(li) {
                Some(k) => {
                    let done = batch
                        .heartbeat(k.kiosk_id, &status_json(t, paper_out), now)
                        .is_ok();
                    tally.heartbeats += u64::from(done);
                    done
                }
                None => false,
            },
        };
        tally.refused += u64::from(!ok);
    }
    tally
}
