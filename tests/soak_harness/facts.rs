//! What the soak reads back at the end, from where a person would look: the receipts that came
//! out of the printer, the backend's tickets, the kiosk's outbox and print journal; and the
//! promises checked on them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::civil::Date;

/// A queue ticket that came out of the printer during the cycle that scanned `code`.
#[derive(Debug, Clone)]
pub struct Printed {
    pub cycle: usize,
    pub day: Date,
    pub code: String,
    pub number: String,
}

/// The queue number on a receipt (a capital and three digits, alone as a word); `None` for a
/// receipt torn off by a kill before its number.
pub fn queue_number(receipt: &str) -> Option<String> {
    let mut numbers = receipt.split_whitespace().filter(|w| {
        w.len() == 4
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w[1..].chars().all(|c| c.is_ascii_digit())
    });
    let first = numbers.next()?;
    Some(first.to_owned())
}

/// Every number the backend knows, with the booking it belongs to: (day, number) -> codes. A
/// number given by two offline kiosks is an alias of the one ticket.
pub fn backend_numbers(db: &Path) -> BTreeMap<(Date, String), BTreeSet<String>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut query = conn
        .prepare(
            "SELECT t.service_day, q.prefix || printf('%03d', t.sequence), b.code
             FROM tickets t
             JOIN queue_services q ON q.id = t.queue_service_id
             JOIN bookings b ON b.id = t.booking_id
             UNION ALL
             SELECT a.service_day, q.prefix || printf('%03d', a.sequence), b.code
             FROM ticket_aliases a
             JOIN tickets t ON t.id = a.ticket_id
             JOIN queue_services q ON q.id = a.queue_service_id
             JOIN bookings b ON b.id = t.booking_id",
        )
        .unwrap();
    let mut numbers: BTreeMap<(Date, String), BTreeSet<String>> = BTreeMap::new();
    let rows = query
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (day, number, code) = row.unwrap();
        numbers
            .entry((day.parse().unwrap(), number))
            .or_default()
            .insert(code);
    }
    numbers
}

/// Tickets the backend holds per booking code (the schema allows one; counted, not assumed).
pub fn backend_tickets_per_booking(db: &Path) -> BTreeMap<String, usize> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut query = conn
        .prepare(
            "SELECT b.code, count(*) FROM tickets t JOIN bookings b ON b.id = t.booking_id
             GROUP BY b.code",
        )
        .unwrap();
    query
        .query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as usize)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Events still in the kiosk's outbox (pending or rejected).
pub fn outbox_depth(kiosk_db: &Path) -> usize {
    let conn = rusqlite::Connection::open(kiosk_db).unwrap();
    conn.query_row("SELECT count(*) FROM outbox", [], |row| {
        row.get::<_, i64>(0)
    })
    .unwrap() as usize
}

/// Whether the kiosk has cached the arrivals of `day` and holds offline numbers for it.
pub fn ready_offline_for(kiosk_db: &Path, day: Date) -> bool {
    let Ok(conn) = rusqlite::Connection::open(kiosk_db) else {
        return false;
    };
    let count = |sql: &str| -> i64 {
        conn.query_row(sql, [day.to_string()], |row| row.get::<_, i64>(0))
            .unwrap_or(0)
    };
    count("SELECT count(*) FROM arrival_days WHERE day = ?1") > 0
        && count("SELECT count(*) FROM ticket_blocks WHERE day = ?1 AND next <= last") > 0
}

/// Jobs in the kiosk's print journal (0 before its first start).
pub fn journal_jobs(journal: &Path) -> usize {
    let Ok(conn) = rusqlite::Connection::open(journal) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM print_jobs", [], |row| {
        row.get::<_, i64>(0)
    })
    .map_or(0, |n| n as usize)
}

/// Copies of queue tickets the kiosk's print journal records: printed again on purpose (a
/// resident's "print again", staff's reprint), and sent again after the kiosk stopped mid-send
/// (`attempts` above one; the journal resends what it cannot know reached the printer).
pub fn journal_copies(journal: &Path) -> (usize, usize) {
    let conn = rusqlite::Connection::open(journal).unwrap();
    let count = |sql: &str| -> usize {
        conn.query_row(sql, [], |row| row.get::<_, i64>(0)).unwrap() as usize
    };
    (
        count("SELECT count(*) FROM print_jobs WHERE kind IN ('queue-again', 'reprint')"),
        count(
            "SELECT coalesce(sum(attempts - 1), 0) FROM print_jobs
             WHERE kind IN ('queue', 'queue-again') AND state = 'printed'",
        ),
    )
}

/// What broke a promise, one line each; empty when every promise held.
#[derive(Debug, Default)]
pub struct Findings {
    /// A printed number the backend does not hold.
    pub lost: Vec<String>,
    /// A number the backend gives to two bookings.
    pub shared_numbers: Vec<String>,
    /// A booking holding more than one ticket, or printed with two numbers.
    pub doubled_check_ins: Vec<String>,
    /// Copies beyond the ones the journal records.
    pub unexplained_copies: usize,
    /// Not a broken promise, a figure: tickets that came out while another resident was being
    /// checked in (a resent ticket after a restart).
    pub printed_for_the_next: usize,
}

impl Findings {
    pub fn duplicates(&self) -> usize {
        self.shared_numbers.len() + self.doubled_check_ins.len() + self.unexplained_copies
    }

    pub fn is_clean(&self) -> bool {
        self.duplicates() == 0 && self.lost.is_empty()
    }
}

/// `printed` against the backend's tickets; `recorded` copies are the journal's.
pub fn check(printed: &[Printed], backend_db: &Path, recorded: usize) -> Findings {
    let mut findings = Findings::default();
    let numbers = backend_numbers(backend_db);
    for ((day, number), codes) in &numbers {
        if codes.len() > 1 {
            findings
                .shared_numbers
                .push(format!("{day} {number}: the backend gives it to {codes:?}"));
        }
    }
    for (code, tickets) in backend_tickets_per_booking(backend_db) {
        if tickets > 1 {
            findings
                .doubled_check_ins
                .push(format!("booking {code}: {tickets} tickets in the backend"));
        }
    }
    let mut copies: BTreeMap<(Date, &str), usize> = BTreeMap::new();
    let mut numbers_of: BTreeMap<&str, BTreeSet<(Date, &str)>> = BTreeMap::new();
    for ticket in printed {
        *copies.entry((ticket.day, &ticket.number)).or_default() += 1;
        match numbers.get(&(ticket.day, ticket.number.clone())) {
            Some(codes) => {
                for code in codes {
                    numbers_of
                        .entry(code)
                        .or_default()
                        .insert((ticket.day, &ticket.number));
                }
                if !codes.contains(&ticket.code) {
                    findings.printed_for_the_next += 1;
                }
            }
            None => findings.lost.push(format!(
                "cycle {}: {} printed on {} never reached the backend",
                ticket.cycle, ticket.number, ticket.day
            )),
        }
    }
    for (code, numbers) in &numbers_of {
        if numbers.len() > 1 {
            findings
                .doubled_check_ins
                .push(format!("booking {code}: printed with {numbers:?}"));
        }
    }
    let extra: usize = copies.values().map(|n| n - 1).sum();
    findings.unexplained_copies = extra.saturating_sub(recorded);
    findings
}
