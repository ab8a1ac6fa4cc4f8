//! The desk reprints a resident's last ticket from the journal: which job counts as the last, and
//! the copy printed again through the spooler.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use kiosk_print::journal::Payload;
use kiosk_print::spool::REPRINT;
use kiosk_print::{
    JobState, Journal, Spooler, TicketPrinter, TicketPrinterConfig, TransportConfig,
};

const RESIDENT: &[&str] = &["queue", "booking"];

fn record(journal: &Journal, kind: &str, printer: &str, payload: &[u8]) -> uuid::Uuid {
    let id = journal
        .start(kind, printer, Payload::EscPos, payload)
        .unwrap();
    journal.finish(id, &Ok(())).unwrap();
    id
}

#[test]
fn an_empty_journal_has_no_last_ticket() {
    let journal = Journal::open_in_memory().unwrap();
    assert_eq!(journal.last_of_kinds("ticket", RESIDENT).unwrap(), None);
    assert_eq!(journal.last_of_kinds("ticket", &[]).unwrap(), None);
}

#[test]
fn the_last_ticket_is_the_newest_of_the_asked_kinds_on_that_printer() {
    let journal = Journal::open_in_memory().unwrap();
    record(&journal, "queue", "ticket", b"first");
    let booking = record(&journal, "booking", "ticket", b"second");
    // Newer, but neither a resident's ticket nor on the ticket printer.
    record(&journal, "test", "ticket", b"test");
    record(&journal, REPRINT, "ticket", b"second");
    record(&journal, "queue", "document", b"elsewhere");

    let last = journal.last_of_kinds("ticket", RESIDENT).unwrap().unwrap();
    assert_eq!(
        (last.id, last.kind.as_str(), last.payload.as_slice()),
        (booking, "booking", b"second".as_slice())
    );
    let queue = journal
        .last_of_kinds("ticket", &["queue"])
        .unwrap()
        .unwrap();
    assert_eq!(queue.payload, b"first");
    assert_eq!(journal.last_of_kinds("ticket", &["absent"]).unwrap(), None);
}

#[test]
fn newest_first_also_within_one_second() {
    let journal = Journal::open_in_memory().unwrap();
    let ids: Vec<_> = (0..20u8)
        .map(|n| record(&journal, "queue", "ticket", &[n]))
        .collect();
    let last = journal.last_of_kinds("ticket", RESIDENT).unwrap().unwrap();
    assert_eq!(last.id, ids[19]);
    assert_eq!(last.payload, [19]);
}

#[test]
fn a_ticket_that_failed_is_still_the_last_ticket() {
    let journal = Journal::open_in_memory().unwrap();
    record(&journal, "queue", "ticket", b"printed");
    let failed = journal
        .start("queue", "ticket", Payload::EscPos, b"lost")
        .unwrap();
    journal
        .finish(
            failed,
            &Err(kiosk_print::PrintError::Timeout {
                target: "tickets".to_owned(),
                seconds: 5,
            }),
        )
        .unwrap();
    let last = journal.last_of_kinds("ticket", RESIDENT).unwrap().unwrap();
    assert_eq!((last.id, last.state), (failed, JobState::Failed));
}

fn folder_spooler(dir: &std::path::Path, journal: Arc<Journal>) -> Spooler {
    let mut config = TicketPrinterConfig::new(TransportConfig::File {
        path: dir.to_path_buf(),
    });
    config.settle_ms = 0;
    Spooler::new(TicketPrinter::new(config).unwrap(), journal, "ticket")
}

fn files(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[tokio::test]
async fn reprint_prints_the_same_bytes_again_as_a_journaled_reprint() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Arc::new(Journal::open_in_memory().unwrap());
    let spooler = folder_spooler(dir.path(), journal.clone());
    let original = spooler
        .print("queue", b"\x1b@queue ticket".to_vec())
        .await
        .unwrap();
    spooler.print("test", b"\x1b@test".to_vec()).await.unwrap();

    assert_eq!(
        spooler.last_of_kinds(RESIDENT).unwrap().unwrap().id,
        original.id,
        "what the desk is told it will reprint"
    );
    let outcome = spooler.reprint_last(RESIDENT).await.unwrap().unwrap();
    assert!(outcome.result.is_ok());
    assert_eq!(outcome.state, JobState::Printed);
    assert_ne!(outcome.id, original.id);
    let copy = journal.get(outcome.id).unwrap().unwrap();
    assert_eq!(copy.kind, REPRINT);
    assert_eq!(copy.payload, b"\x1b@queue ticket");
    assert_eq!(
        files(dir.path()),
        [
            b"\x1b@queue ticket".to_vec(),
            b"\x1b@test".to_vec(),
            b"\x1b@queue ticket".to_vec()
        ]
    );

    // Reprinting again prints the resident's ticket again, not the test ticket.
    spooler.reprint_last(RESIDENT).await.unwrap().unwrap();
    assert_eq!(files(dir.path()).last().unwrap(), b"\x1b@queue ticket");
}

#[tokio::test]
async fn reprint_with_nothing_printed_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Arc::new(Journal::open_in_memory().unwrap());
    let spooler = folder_spooler(dir.path(), journal);
    spooler.print("test", b"\x1b@test".to_vec()).await.unwrap();
    assert!(spooler.reprint_last(RESIDENT).await.unwrap().is_none());
    assert_eq!(files(dir.path()).len(), 1);
}

/// Staff reprint the same day's tickets only: the day after, a ticket's bytes (its booking
/// code, QR secret, name) are gone from the journal file itself, while its kind, time and
/// outcome stay; a ticket that never printed is given up rather than printed a day late.
#[test]
fn tickets_of_an_earlier_day_are_forgotten_down_to_the_file() {
    const SECRET: &[u8] = b"KB1-K7PX3MQ9RT-0123456789abcdef-Zoe-Testpersoon";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("print-journal.sqlite");
    let journal = Journal::open(&path).unwrap();
    let printed = record(&journal, "booking", "ticket", SECRET);
    let failed = journal
        .start("queue", "ticket", Payload::EscPos, SECRET)
        .unwrap();
    journal
        .finish(failed, &Err(kiosk_print::PrintError::Encode("test".into())))
        .unwrap();
    assert_eq!(journal.open_jobs("ticket").unwrap().len(), 1);

    // Midnight: everything so far belongs to an earlier day.
    let midnight = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(1);
    assert_eq!(journal.forget_before(midnight).unwrap(), 2);
    let kept = journal.get(printed).unwrap().unwrap();
    assert_eq!(
        (kept.kind.as_str(), kept.state),
        ("booking", JobState::Printed)
    );
    assert!(kept.payload.is_empty());
    let given_up = journal.get(failed).unwrap().unwrap();
    assert_eq!(given_up.state, JobState::Expired);
    assert!(
        journal.open_jobs("ticket").unwrap().is_empty(),
        "nothing to print late"
    );
    assert_eq!(
        journal.last_of_kinds("ticket", RESIDENT).unwrap(),
        None,
        "nothing left to reprint"
    );
    drop(journal);
    for file in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(file.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(SECRET.len()).any(|w| w == SECRET),
            "the ticket's bytes are still in the file"
        );
    }
}

/// The kiosk forgets an earlier day's tickets through its spooler (at the start and at midnight):
/// after that, staff have nothing of that day to print again.
#[tokio::test]
async fn the_spooler_forgets_an_earlier_days_tickets() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Arc::new(Journal::open_in_memory().unwrap());
    let spooler = folder_spooler(dir.path(), journal);
    spooler
        .print("queue", b"\x1b@queue ticket".to_vec())
        .await
        .unwrap();
    let midnight = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(1);
    assert_eq!(spooler.forget_before(midnight).unwrap(), 1);
    assert!(spooler.reprint_last(RESIDENT).await.unwrap().is_none());
    assert_eq!(files(dir.path()).len(), 1, "nothing printed again");
}
