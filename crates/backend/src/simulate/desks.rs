//! The desks of one location on one day, played forward: visitors arrive, wait, are called in
//! the console's order (appointments due first, then walk-ins by arrival, then early
//! appointments), walk up, are served and leave. What comes out is the list of moments at which
//! the real system is told something, in time order.

use super::random;
use crate::seed::rng::Rng;

/// Someone in the lobby.
#[derive(Debug, Clone)]
pub struct Visitor {
    /// Booked start (UTC seconds), `None` for a walk-in.
    pub booked_s: Option<i64>,
    pub arrival_s: i64,
    /// At the desk, from Start to Done.
    pub service_s: i64,
    /// A walk-in who left before being called: called, then marked no-show.
    pub gone: bool,
}

/// What happens to visitor `.0` (an index into the day's visitors) at desk `.1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Arrive(usize),
    Call(usize, usize),
    Start(usize, usize),
    Done(usize, usize),
    NoShow(usize, usize),
}

/// Plays the day: `desks` desks open at `opens_s`; an appointment counts as due `lead_s` before
/// its time. Returns every step with its moment, sorted by time (arrivals before calls at the
/// same second).
pub fn play(
    visitors: &[Visitor],
    desks: usize,
    opens_s: i64,
    lead_s: i64,
    rng: &mut Rng,
) -> Vec<(i64, Step)> {
    let mut steps: Vec<(i64, Step)> = visitors
        .iter()
        .enumerate()
        .map(|(i, v)| (v.arrival_s, Step::Arrive(i)))
        .collect();
    let mut order: Vec<usize> = (0..visitors.len()).collect();
    order.sort_by_key(|&i| visitors.get(i).map_or(0, |v| v.arrival_s));
    let mut next_arrival = 0;
    let mut waiting: Vec<usize> = Vec::new();
    let mut free_at = vec![opens_s; desks.max(1)];
    while let Some((desk, &t)) = free_at.iter().enumerate().min_by_key(|(_, t)| **t) {
        while let Some(&i) = order.get(next_arrival)
            && visitors.get(i).is_some_and(|v| v.arrival_s <= t)
        {
            waiting.push(i);
            next_arrival += 1;
        }
        if waiting.is_empty() {
            match order.get(next_arrival).and_then(|&i| visitors.get(i)) {
                Some(v) => {
                    if let Some(f) = free_at.get_mut(desk) {
                        *f = v.arrival_s;
                    }
                    continue;
                }
                None => break,
            }
        }
        let Some(pick) = next_to_call(visitors, &waiting, t, lead_s) else {
            break;
        };
        waiting.retain(|&w| w != pick);
        let Some(v) = visitors.get(pick) else { break };
        steps.push((t, Step::Call(pick, desk)));
        let free = if v.gone {
            steps.push((t + 120, Step::NoShow(pick, desk)));
            t + 150
        } else {
            let start = t + rng.range(20, 90);
            let done = start + v.service_s;
            steps.push((start, Step::Start(pick, desk)));
            steps.push((done, Step::Done(pick, desk)));
            done + rng.range(10, 60)
        };
        if let Some(f) = free_at.get_mut(desk) {
            *f = free;
        }
    }
    steps.sort_by_key(|(t, s)| (*t, !matches!(s, Step::Arrive(_))));
    steps
}

/// The desk console's order: due appointments by booked time, then walk-ins by arrival, then
/// appointments that came early.
fn next_to_call(visitors: &[Visitor], waiting: &[usize], t: i64, lead_s: i64) -> Option<usize> {
    let booked = |i: &usize| visitors.get(*i).and_then(|v| v.booked_s);
    let arrival = |i: &usize| visitors.get(*i).map_or(i64::MAX, |v| v.arrival_s);
    let due = waiting
        .iter()
        .filter(|i| booked(i).is_some_and(|b| b - lead_s <= t))
        .min_by_key(|i| booked(i));
    let walk_in = waiting
        .iter()
        .filter(|i| booked(i).is_none())
        .min_by_key(|i| arrival(i));
    let early = waiting.iter().min_by_key(|i| booked(i));
    due.or(walk_in).or(early).copied()
}

/// Service time at the desk for a product of `minutes` (log-normal around 80 % of the booked
/// time: most finish early, some overrun).
pub fn service_seconds(rng: &mut Rng, minutes: f64) -> i64 {
    let s = random::log_normal(rng, minutes * 60.0 * 0.8, 0.45);
    s.clamp(60.0, minutes * 60.0 * 4.0) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visitor(booked: Option<i64>, arrival: i64) -> Visitor {
        Visitor {
            booked_s: booked,
            arrival_s: arrival,
            service_s: 300,
            gone: false,
        }
    }

    #[test]
    fn one_desk_calls_due_appointments_before_walk_ins_and_never_overlaps() {
        let mut rng = Rng::new(1);
        // A walk-in at 0, an appointment at 1000 that arrives at 100, a walk-in at 50.
        let v = [
            visitor(None, 0),
            visitor(Some(1000), 100),
            visitor(None, 50),
        ];
        let steps = play(&v, 1, 0, 300, &mut rng);
        let calls: Vec<usize> = steps
            .iter()
            .filter_map(|(_, s)| match s {
                Step::Call(i, _) => Some(*i),
                _ => None,
            })
            .collect();
        // At 0 only the first walk-in is there; the next free moment (~400) has the
        // appointment not yet due (1000 - 300 = 700), so the second walk-in goes first.
        assert_eq!(calls, [0, 2, 1]);
        let mut busy_until = 0;
        for (t, s) in &steps {
            match s {
                Step::Call(..) => assert!(*t >= busy_until),
                Step::Done(..) => busy_until = *t,
                _ => {}
            }
        }
    }
}
