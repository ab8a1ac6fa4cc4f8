//! Kill -9 soak (issue 13): the release kiosk binary in a real window, the reference backend in
//! its own process, the emupos printer and serial scanner. Residents check in by scanning their
//! booking code and pressing "Take my number" on the keypad; the kiosk, then the backend, is
//! killed with SIGKILL at random moments and started again, and then the backend is stopped for
//! a while (the kiosk offline). At the end: every queue ticket that came out of the printer is
//! held by the backend for that booking, once; no number went to two bookings; no ticket came
//! out twice beyond what the print journal records as printed again; the outbox is empty.
//!
//! Bookings are the demo town hall's, made before the soak; the kiosk's booking screens are not
//! driven (they are covered by tests/e2e_check_in.rs through the same backend).
#![allow(dead_code)]

pub mod clock;
pub mod facts;
pub mod processes;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

use crate::support::display::Display;
use crate::support::driver::emupos;
use clock::FakeClock;
use facts::{Findings, Printed};
use processes::{BackendProcess, KioskProcess};

pub use processes::backend_role;

/// The demo town hall is seeded as of this Monday: its bookings start the next day.
const SEED_DAY: Date = date(2026, 12, 14);
/// One cycle: the scan, "Take my number" 0.7 s later, the ticket printed well before 3.5 s.
const CYCLE: Duration = Duration::from_millis(3_500);
const KEYS_AFTER: Duration = Duration::from_millis(700);

pub struct Plan {
    pub seed: u64,
    /// Kills per phase (the kiosk's, then the backend's), and cycles of the offline phase.
    pub kills: usize,
}

#[derive(Debug, Default)]
pub struct Report {
    pub seed: u64,
    pub kiosk_kills: usize,
    pub backend_kills: usize,
    pub network_cuts: usize,
    pub cycles: usize,
    /// Bookings whose queue ticket came out of the printer.
    pub check_ins: usize,
    pub receipts: usize,
    pub torn_receipts: usize,
    pub reprints: usize,
    /// Queue tickets the journal sent again after a kill interrupted their first send.
    pub resent: usize,
    pub findings: Findings,
    pub outbox_left: Vec<(String, usize)>,
    pub elapsed: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "seed {}", self.seed)?;
        writeln!(
            f,
            "kills: kiosk {}, backend {}; network cuts {}; cycles {}",
            self.kiosk_kills, self.backend_kills, self.network_cuts, self.cycles
        )?;
        writeln!(
            f,
            "check-ins printed {}; queue receipts {} (+{} torn by a kill); journal: reprints {}, \
             resent after a kill {}; came out during the next resident's check-in {}",
            self.check_ins,
            self.receipts,
            self.torn_receipts,
            self.reprints,
            self.resent,
            self.findings.printed_for_the_next
        )?;
        writeln!(f, "duplicates {}", self.findings.duplicates())?;
        for line in self
            .findings
            .lost
            .iter()
            .chain(&self.findings.shared_numbers)
            .chain(&self.findings.doubled_check_ins)
        {
            writeln!(f, "  {line}")?;
        }
        if self.findings.unexplained_copies > 0 {
            writeln!(
                f,
                "  {} copies not recorded as reprints",
                self.findings.unexplained_copies
            )?;
        }
        for (phase, depth) in &self.outbox_left {
            writeln!(f, "outbox after {phase}: {depth}")?;
        }
        write!(f, "time {:.0?}", self.elapsed)
    }
}

impl Report {
    /// Every promise held.
    pub fn is_clean(&self) -> bool {
        self.findings.is_clean() && self.outbox_left.iter().all(|(_, depth)| *depth == 0)
    }
}

/// A booking to check in: its code and start.
#[derive(Debug, Clone)]
struct Booking {
    code: String,
    start: ZonedDateTime,
}

fn brussels() -> TimeZone {
    TimeZone::get("Europe/Brussels").unwrap()
}

/// The town hall's confirmed bookings after the seed day, in start order.
fn bookings(db: &Path) -> Vec<Booking> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut query = conn
        .prepare(
            "SELECT code, start_s FROM bookings
             WHERE location_id = 'town-hall' AND status = 'confirmed'
             ORDER BY start_s, code",
        )
        .unwrap();
    let rows = query
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        })
        .unwrap();
    rows.map(|row| {
        let (code, start) = row.unwrap();
        Booking {
            code,
            start: Timestamp::from_second(start)
                .unwrap()
                .to_zoned_datetime(brussels()),
        }
    })
    .collect()
}

/// What the soak runs: the processes, the bookings, and what came out so far.
struct Soak {
    rng: ChaCha8Rng,
    dir: PathBuf,
    marker: String,
    clock: FakeClock,
    display: Display,
    backend: BackendProcess,
    kiosk: KioskProcess,
    bookings: Vec<Booking>,
    next: usize,
    /// Bookings scanned today (for a second scan of the same booking).
    scanned_today: Vec<Booking>,
    day: Date,
    seen_receipts: std::collections::HashSet<String>,
    printed: Vec<Printed>,
    report: Report,
}

/// Which process a cycle kills, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Victim {
    Kiosk,
    Backend,
    None,
}

impl Soak {
    fn random(&mut self, below: u64) -> u64 {
        self.rng.next_u64() % below.max(1)
    }

    fn kiosk_db(&self) -> PathBuf {
        self.kiosk.data_dir.join(kiosk_core::store::FILE_NAME)
    }

    /// The booking of this cycle: mostly the next one (the clock moved to its check-in
    /// window), sometimes one checked in earlier today scanned again.
    fn pick(&mut self) -> Option<Booking> {
        if !self.scanned_today.is_empty() && self.random(4) == 0 {
            let i = self.random(self.scanned_today.len() as u64) as usize;
            return Some(self.scanned_today[i].clone());
        }
        let booking = self.bookings.get(self.next)?.clone();
        self.next += 1;
        let at = booking
            .start
            .checked_sub(SignedDuration::from_mins(5))
            .unwrap();
        if at.date() != self.day {
            self.new_day(&at);
        } else {
            self.clock.set(&at);
        }
        self.scanned_today.push(booking.clone());
        Some(booking)
    }

    /// A new demo day: the kiosk is restarted so that it fetches the day's arrivals and
    /// numbers at once (as a kiosk switched on in the morning), with the backend up.
    fn new_day(&mut self, at: &ZonedDateTime) {
        self.day = at.date();
        self.scanned_today.clear();
        self.kiosk.kill();
        if !self.backend.is_running() {
            self.backend.start(&self.clock);
        }
        self.clock.set(at);
        self.kiosk.start(&self.display, &self.clock, true);
        let deadline = Instant::now() + Duration::from_secs(60);
        while !facts::ready_offline_for(&self.kiosk_db(), self.day) {
            assert!(
                Instant::now() < deadline,
                "the kiosk did not cache the arrivals and numbers of {} within 60 s",
                self.day
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// One resident: back to the start screen, the code scanned, "Take my number" on the
    /// keypad, the ticket; `victim` killed at a random moment of it (and, for the backend,
    /// started again after a random pause).
    fn cycle(&mut self, booking: &Booking, victim: Victim) {
        let cycle = self.report.cycles;
        self.report.cycles += 1;
        let kill_at = Duration::from_millis(self.random(CYCLE.as_millis() as u64));
        let back_after = Duration::from_millis(self.random(1_500));
        if self.kiosk.is_running() {
            // Back to the start screen, so the keypad's focus starts afresh on the next screen.
            for _ in 0..3 {
                self.display.keys(&["Escape"]);
                std::thread::sleep(Duration::from_millis(450));
            }
        }
        let start = Instant::now();
        let mut steps = vec![(Duration::ZERO, Step::Scan), (KEYS_AFTER, Step::Keys)];
        match victim {
            Victim::Kiosk => steps.push((kill_at, Step::KillKiosk)),
            Victim::Backend => {
                steps.push((kill_at, Step::KillBackend));
                steps.push((kill_at + back_after, Step::StartBackend));
            }
            Victim::None => {}
        }
        steps.sort_by_key(|(at, _)| *at);
        for (at, step) in steps {
            if let Some(wait) = at.checked_sub(start.elapsed()) {
                std::thread::sleep(wait);
            }
            match step {
                Step::Scan => emupos::scan(&booking.code),
                Step::Keys if self.kiosk.is_running() => self.display.keys(&["Tab", "Return"]),
                Step::Keys => {}
                Step::KillKiosk => {
                    self.kiosk.kill();
                    self.report.kiosk_kills += 1;
                }
                Step::KillBackend => {
                    self.backend.kill();
                    self.report.backend_kills += 1;
                }
                Step::StartBackend => self.backend.start(&self.clock),
            }
        }
        if let Some(wait) = CYCLE.checked_sub(start.elapsed()) {
            std::thread::sleep(wait);
        }
        self.collect(cycle, booking);
        if !self.kiosk.is_running() {
            let online = self.backend.is_running();
            self.kiosk.start(&self.display, &self.clock, online);
        }
    }

    /// The receipts that came out since the last look: this kiosk's queue tickets.
    fn collect(&mut self, cycle: usize, booking: &Booking) {
        // A slow kiosk may print late in the cycle: wait until its journal has had no new job
        // for longer than emupos takes to close a receipt, so that it counts in this cycle.
        let journal = self.kiosk.data_dir.join("print-journal.sqlite");
        for _ in 0..6 {
            let before = facts::journal_jobs(&journal);
            std::thread::sleep(Duration::from_millis(800));
            if facts::journal_jobs(&journal) == before {
                break;
            }
        }
        let ids = emupos::receipt_ids();
        let new: Vec<String> = ids.difference(&self.seen_receipts).cloned().collect();
        for id in new {
            let text = emupos::receipt_text(&id);
            self.seen_receipts.insert(id);
            if !text.contains(&self.marker) {
                continue;
            }
            match facts::queue_number(&text) {
                Some(number) => {
                    self.report.receipts += 1;
                    self.printed.push(Printed {
                        cycle,
                        day: self.day,
                        code: booking.code.clone(),
                        number,
                    });
                }
                None => self.report.torn_receipts += 1,
            }
        }
    }

    /// Every process up, then waits for the outbox to drain; what is left.
    fn settle(&mut self, phase: &str) {
        if !self.backend.is_running() {
            self.backend.start(&self.clock);
        }
        if !self.kiosk.is_running() {
            self.kiosk.start(&self.display, &self.clock, true);
        }
        let deadline = Instant::now() + Duration::from_secs(90);
        let mut depth = facts::outbox_depth(&self.kiosk_db());
        while depth > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(200));
            depth = facts::outbox_depth(&self.kiosk_db());
        }
        self.report.outbox_left.push((phase.to_owned(), depth));
    }

    fn kiosk_phase(&mut self, kills: usize) {
        for _ in 0..kills {
            let Some(booking) = self.pick() else { break };
            self.cycle(&booking, Victim::Kiosk);
        }
        // The last restart happened in the last cycle: the outbox must drain now.
        self.settle("kiosk kills");
    }

    fn backend_phase(&mut self, kills: usize) {
        for _ in 0..kills {
            let Some(booking) = self.pick() else { break };
            self.cycle(&booking, Victim::Backend);
        }
        self.settle("backend kills");
    }

    /// The backend stopped for 3 to 6 residents at a time, then back for 2 to 4.
    fn network_phase(&mut self, cycles: usize) {
        let mut done = 0;
        while done < cycles {
            let online = 2 + self.random(3) as usize;
            let offline = 3 + self.random(4) as usize;
            for _ in 0..online {
                let Some(booking) = self.pick() else { break };
                self.cycle(&booking, Victim::None);
                done += 1;
            }
            self.backend.kill();
            self.report.network_cuts += 1;
            for _ in 0..offline {
                let Some(booking) = self.pick() else { break };
                self.cycle(&booking, Victim::None);
                done += 1;
            }
            // A new day during the cut has brought it back already (see `new_day`).
            if !self.backend.is_running() {
                self.backend.start(&self.clock);
            }
            if self.next >= self.bookings.len() {
                break;
            }
        }
        self.settle("network cuts");
    }
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Scan,
    Keys,
    KillKiosk,
    KillBackend,
    StartBackend,
}

/// Where the soak keeps its files: `$CARGO_TARGET_DIR/soak/<marker>`, left for a person to read
/// when a promise broke, removed otherwise.
fn work_dir(marker: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("soak").join(marker);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The shipped kiosk.toml for this backend, printing to emupos and reading its scanner.
fn kiosk_config(dir: &Path, backend: &str, code: &str, marker: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = std::fs::read_to_string(root.join("kiosk.toml")).unwrap();
    let lane = emupos::lane_pty();
    let source = shipped
        .replacen(
            "municipality = \"Gemeente Demodorp\"",
            &format!("municipality = \"Demodorp {marker}\""),
            1,
        )
        .replacen(
            "logo = \"assets/logo.svg\"",
            &format!("logo = {:?}", root.join("assets/logo.svg")),
            1,
        )
        .replacen(
            "data_dir = \"data\"",
            &format!("data_dir = {:?}", dir.join("kiosk")),
            1,
        )
        .replacen(
            "url = \"embedded\"",
            &format!("url = {backend:?}\nenrolment_code = {code:?}"),
            1,
        )
        .replacen(
            "token_file = \"kiosk.token\"",
            &format!("token_file = {:?}", dir.join("kiosk").join("kiosk.token")),
            1,
        )
        // The first transport is the ticket printer's.
        .replacen("transport = \"folder\"", "transport = \"tcp\"", 1)
        .replacen("path = \"tickets\"", "host = \"127.0.0.1\"\nport = 9100", 1)
        .replacen("enabled = false", "enabled = true", 1)
        .replacen("path = \"/dev/ttyACM0\"", &lane_line(&lane), 1);
    for expected in [
        "transport = \"tcp\"",
        "enabled = true",
        "enrolment_code",
        &lane_line(&lane),
    ] {
        assert!(
            source.contains(expected),
            "kiosk.toml changed: {expected} not set"
        );
    }
    let path = dir.join("kiosk.toml");
    std::fs::write(&path, source).unwrap();
    path
}

fn lane_line(lane: &Path) -> String {
    format!("path = {lane:?}")
}

pub fn run(plan: &Plan) -> Report {
    emupos::require();
    let started = Instant::now();
    let marker = format!(
        "SOAK{}",
        &uuid::Uuid::new_v4().simple().to_string()[..6].to_uppercase()
    );
    let dir = work_dir(&marker);
    eprintln!("soak: seed {}, files in {}", plan.seed, dir.display());

    let db = dir.join("backend.sqlite");
    kiosk_backend::seed_demo_on(&db, 1, SEED_DAY).unwrap();
    let bookings = bookings(&db);
    assert!(!bookings.is_empty(), "the demo town hall has no bookings");
    let first = bookings[0]
        .start
        .checked_sub(SignedDuration::from_mins(5))
        .unwrap();
    let clock = FakeClock::new(&dir, &first);
    let enrolment = kiosk_backend::create_enrolment_code_at(&db, "town-hall", clock.now()).unwrap();
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut backend = BackendProcess::new(db, addr, dir.join("backend.log"));
    backend.start(&clock);
    let config = kiosk_config(&dir, &backend.url(), &enrolment, &marker);
    // The portrait screen the kiosk is made for.
    let display = Display::start((1080, 1920));
    let kiosk = KioskProcess::new(&dir, config);
    let mut soak = Soak {
        rng: ChaCha8Rng::seed_from_u64(plan.seed),
        dir: dir.clone(),
        marker,
        clock,
        display,
        backend,
        kiosk,
        bookings,
        next: 0,
        scanned_today: Vec::new(),
        day: SEED_DAY,
        seen_receipts: emupos::receipt_ids(),
        printed: Vec::new(),
        report: Report {
            seed: plan.seed,
            ..Report::default()
        },
    };
    soak.kiosk_phase(plan.kills);
    soak.backend_phase(plan.kills);
    soak.network_phase(plan.kills);
    let journal = soak.kiosk.data_dir.join("print-journal.sqlite");
    (soak.report.reprints, soak.report.resent) = facts::journal_copies(&journal);
    soak.report.findings = facts::check(
        &soak.printed,
        &soak.backend.db,
        soak.report.reprints + soak.report.resent,
    );
    soak.report.check_ins = soak
        .printed
        .iter()
        .map(|p| (p.day, p.number.as_str()))
        .collect::<BTreeSet<_>>()
        .len();
    soak.report.elapsed = started.elapsed();
    let clean = soak.report.is_clean() && soak.report.receipts > 0;
    let Soak {
        report,
        kiosk,
        backend,
        display,
        ..
    } = soak;
    drop((kiosk, backend, display));
    if clean && std::env::var_os("SOAK_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    report
}
