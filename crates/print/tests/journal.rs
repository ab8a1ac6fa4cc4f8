//! The journal: failed jobs print again once the fault is cleared, exactly once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::fake::{self, FakePrinter};
use common::{FluentLabels, queue_ticket};
use kiosk_print::{
    JobState, Journal, PrintError, PrinterStatus, Spooler, TicketPrinter, TicketPrinterConfig,
    TransportConfig,
};

fn spooler(fake: &FakePrinter, journal: Arc<Journal>) -> Spooler {
    let mut config = TicketPrinterConfig::new(TransportConfig::Tcp {
        host: "127.0.0.1".to_owned(),
        port: fake.port,
    });
    config.settle_ms = 20;
    Spooler::new(TicketPrinter::new(config).unwrap(), journal, "ticket")
}

fn ticket_bytes(spooler: &Spooler) -> Vec<u8> {
    spooler
        .printer()
        .render(&queue_ticket("B007"), &FluentLabels::new("nl-BE"))
        .unwrap()
}

/// A queue ticket sent to `fake` while it is out of paper: the journal, the spooler and the
/// refused job's outcome.
async fn refused_while_paper_out(
    fake: &FakePrinter,
) -> (Arc<Journal>, Spooler, kiosk_print::JobOutcome) {
    fake.set_status(fake::PAPER_OUT);
    let journal = Arc::new(Journal::open_in_memory().unwrap());
    let spooler = spooler(fake, journal.clone());
    let outcome = spooler
        .print("queue_ticket", ticket_bytes(&spooler))
        .await
        .unwrap();
    (journal, spooler, outcome)
}

#[tokio::test]
async fn printed_job_is_journaled_with_its_bytes() {
    let fake = FakePrinter::start();
    let journal = Arc::new(Journal::open_in_memory().unwrap());
    let spooler = spooler(&fake, journal.clone());
    let bytes = ticket_bytes(&spooler);
    let outcome = spooler.print("queue_ticket", bytes.clone()).await.unwrap();
    assert!(outcome.result.is_ok());
    let job = journal.get(outcome.id).unwrap().unwrap();
    assert_eq!(
        (job.state, job.attempts, job.kind.as_str()),
        (JobState::Printed, 1, "queue_ticket")
    );
    assert_eq!(job.payload, bytes);
    assert!(spooler.recover().await.unwrap().is_empty());
    assert_eq!(fake.cuts(), 1);
}

#[tokio::test]
async fn refused_job_prints_once_after_the_fault_is_cleared() {
    let fake = FakePrinter::start();
    let (journal, spooler, outcome) = refused_while_paper_out(&fake).await;
    assert!(matches!(outcome.result, Err(PrintError::NotReady(_))));
    assert_eq!(outcome.state, JobState::Failed);
    // Still out of paper: nothing happens.
    assert!(spooler.recover().await.unwrap().is_empty());
    assert_eq!(fake.cuts(), 0);

    fake.set_status(fake::READY);
    assert_eq!(spooler.recover().await.unwrap(), vec![outcome.id]);
    assert!(spooler.recover().await.unwrap().is_empty());
    assert_eq!(fake.cuts(), 1, "printed exactly once");
    let job = journal.get(outcome.id).unwrap().unwrap();
    assert_eq!((job.state, job.attempts), (JobState::Printed, 2));
}

#[tokio::test]
async fn job_held_by_the_printer_is_not_sent_again() {
    let fake = FakePrinter::start();
    fake.state.lock().unwrap().fault_on_cut = Some(fake::COVER_OPEN);
    let journal = Arc::new(Journal::open_in_memory().unwrap());
    let spooler = spooler(&fake, journal.clone());
    let outcome = spooler
        .print("queue_ticket", ticket_bytes(&spooler))
        .await
        .unwrap();
    assert!(matches!(outcome.result, Err(PrintError::FaultDuringJob(_))));
    assert_eq!(outcome.state, JobState::Held);

    fake.set_status(fake::READY);
    assert_eq!(spooler.recover().await.unwrap(), vec![outcome.id]);
    assert_eq!(
        fake.cuts(),
        1,
        "the printer printed what it held; no second copy"
    );
    assert_eq!(
        journal.get(outcome.id).unwrap().unwrap().state,
        JobState::Printed
    );
}

#[tokio::test]
async fn a_job_interrupted_by_a_restart_is_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("print.sqlite");
    let id = {
        let journal = Journal::open(&path).unwrap();
        journal
            .start(
                "queue_ticket",
                "ticket",
                kiosk_print::journal::Payload::EscPos,
                b"x",
            )
            .unwrap()
    };
    let journal = Journal::open(&path).unwrap();
    let job = journal.get(id).unwrap().unwrap();
    assert_eq!(job.state, JobState::Failed);
    assert!(journal.claim_retry(id).unwrap());
    assert!(!journal.claim_retry(id).unwrap(), "a job is claimed once");
}

/// A send cut off longer ago than the resend window (the kiosk was down for minutes) is not
/// printed by itself at the next start: its resident has gone, and the next one would get it.
/// It stays in the journal for the staff screen's reprint, which prints it once.
#[tokio::test]
async fn a_job_cut_off_long_before_the_restart_is_left_for_staff_not_printed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("print.sqlite");
    let fake = FakePrinter::start();
    let (old, recent) = {
        let journal = Arc::new(Journal::open(&path).unwrap());
        let bytes = ticket_bytes(&spooler(&fake, journal.clone()));
        let start = |bytes: &[u8]| {
            journal
                .start(
                    "queue_ticket",
                    "ticket",
                    kiosk_print::journal::Payload::EscPos,
                    bytes,
                )
                .unwrap()
        };
        (start(&bytes), start(&bytes))
    };
    // The kiosk stopped while both were being sent; the first one's send began five minutes
    // before the restart (the time the journal keeps for it), the second one's just now.
    let five_minutes_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_mins(5);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE print_jobs SET updated_at = ?2 WHERE id = ?1",
            rusqlite::params![old.to_string(), five_minutes_ago.to_string()],
        )
        .unwrap();

    let journal = Arc::new(Journal::open(&path).unwrap());
    assert_eq!(
        journal.get(old).unwrap().unwrap().state,
        JobState::Interrupted
    );
    assert_eq!(
        journal.get(recent).unwrap().unwrap().state,
        JobState::Failed
    );
    let spooler = spooler(&fake, journal.clone());
    assert_eq!(
        spooler.recover().await.unwrap(),
        vec![recent],
        "only the recent one is sent again"
    );
    assert_eq!(fake.cuts(), 1);

    // The desk reprints the newest resident ticket: here the recent one, already printed.
    // Then, as if only the old one had been cut off, it is the one the desk finds and prints.
    assert_eq!(
        spooler
            .last_of_kinds(&["queue_ticket"])
            .unwrap()
            .unwrap()
            .id,
        recent
    );
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "DELETE FROM print_jobs WHERE id = ?1",
            rusqlite::params![recent.to_string()],
        )
        .unwrap();
    let reprinted = spooler
        .reprint_last(&["queue_ticket"])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(reprinted.state, JobState::Printed);
    assert_eq!(fake.cuts(), 2, "the staff reprint came out once");
    assert!(
        spooler.recover().await.unwrap().is_empty(),
        "and nothing else"
    );
}

#[tokio::test]
async fn failed_document_is_delivered_once_on_retry() {
    use kiosk_print::pdf::{PdfDestination, render_document};
    use kiosk_print::spool::{deliver_document, retry_documents};
    let journal = Journal::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A folder that cannot be made (a file stands where it should be): delivery fails until
    // staff fix it, as with a printer that is out of order.
    std::fs::write(dir.path().join("not-yet"), b"in the way").unwrap();
    let missing = PdfDestination::Folder {
        path: dir.path().join("not-yet"),
    };
    let pdf = render_document(&common::confirmation(), &FluentLabels::new("en"), "en").unwrap();
    let outcome = deliver_document(&journal, &missing, "booking_confirmation", "HZ-B-1", pdf)
        .await
        .unwrap();
    assert_eq!(outcome.state, JobState::Failed);
    assert!(
        retry_documents(&journal, &missing)
            .await
            .unwrap()
            .is_empty()
    );

    std::fs::remove_file(dir.path().join("not-yet")).unwrap();
    assert_eq!(
        retry_documents(&journal, &missing).await.unwrap(),
        vec![outcome.id]
    );
    assert!(
        retry_documents(&journal, &missing)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("not-yet"))
            .unwrap()
            .count(),
        1
    );
    let job = journal.get(outcome.id).unwrap().unwrap();
    assert_eq!(
        (job.state, job.payload_type.as_str(), job.attempts),
        (JobState::Printed, "pdf", 3)
    );
}

/// While a job is being sent the journal says so, with the times it was made and last changed:
/// what the staff screen lists for a ticket that has not come out yet.
#[tokio::test]
async fn a_job_being_sent_reads_as_printing_with_its_times() {
    let journal = Journal::open_in_memory().unwrap();
    let before = jiff::Timestamp::now();
    let id = journal
        .start(
            "queue_ticket",
            "ticket",
            kiosk_print::journal::Payload::EscPos,
            b"x",
        )
        .unwrap();
    let after = jiff::Timestamp::now();
    let job = journal.get(id).unwrap().unwrap();
    assert_eq!(job.state, JobState::Printing);
    for stamp in [&job.created_at, &job.updated_at] {
        let at: jiff::Timestamp = stamp.parse().unwrap();
        assert!(
            before <= at && at <= after,
            "{stamp} is not the start's time"
        );
    }
}

/// The kiosk watches the printer through the spooler: once the paper is back it prints the
/// ticket refused while it was out, by itself and exactly once.
#[tokio::test]
async fn the_spooler_watch_prints_a_refused_ticket_when_the_paper_is_back() {
    let fake = FakePrinter::start();
    let (journal, spooler, outcome) = refused_while_paper_out(&fake).await;
    assert_eq!(outcome.state, JobState::Failed);

    fake.set_status(fake::READY);
    // The watch runs while its receiver lives.
    let status = spooler.watch(Duration::from_millis(20));
    // A deadline, so that a watch that never prints fails here instead of hanging.
    tokio::time::timeout(Duration::from_secs(10), async {
        while journal.get(outcome.id).unwrap().unwrap().state != JobState::Printed {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the watch did not print the ticket once the paper was back");
    assert_eq!(*status.borrow(), PrinterStatus::Ready);
    assert_eq!(fake.cuts(), 1, "printed exactly once");
}
