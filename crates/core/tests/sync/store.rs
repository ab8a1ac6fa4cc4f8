//! The kiosk store on its own: migrations on a real file, the outbox, blocks, arrivals.

use jiff::civil::date;
use kiosk_api::{Arrival, Arrivals, EventResult, EventStatus, Problem, TicketBlock, booking_code};
use kiosk_core::store::{CheckinError, OfflineCheckIn, OfflineTicket, Store, outbox};
use uuid::Uuid;

use crate::common::MONDAY_MORNING;

fn at(text: &str) -> jiff::ZonedDateTime {
    text.parse().unwrap()
}

#[tokio::test]
async fn reopening_keeps_everything_and_the_outbox_settles_by_result() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    let now = at(MONDAY_MORNING);
    let mut ids = Vec::new();
    for n in 0..3 {
        ids.push(
            store
                .enqueue_event("print.failed", serde_json::json!({ "n": n }), now.clone())
                .await
                .unwrap(),
        );
    }
    drop(store);
    let store = Store::open_in(dir.path()).unwrap();
    let pending = store.pending_events(2).await.unwrap();
    assert_eq!(pending.iter().map(|e| e.id).collect::<Vec<_>>(), ids[..2]);
    let depth = store.outbox_depth().await.unwrap();
    assert_eq!(
        (depth.pending, depth.oldest_pending_at),
        (3, Some(now.clone()))
    );

    let problem = Problem {
        kind: "invalid-event".into(),
        title: "Event rejected".into(),
        status: 422,
        detail: None,
        extensions: Default::default(),
    };
    let settled = store
        .settle_events(vec![
            EventResult {
                id: ids[0],
                status: EventStatus::Accepted,
                problem: None,
            },
            EventResult {
                id: ids[1],
                status: EventStatus::Rejected,
                problem: Some(problem),
            },
        ])
        .await
        .unwrap();
    assert_eq!((settled.accepted, settled.rejected), (1, 1));
    let depth = store.outbox_depth().await.unwrap();
    assert_eq!((depth.pending, depth.rejected), (1, 1));
    let left = store.pending_events(10).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, ids[2]);
    // Nothing of a delivered or rejected event's payload is kept.
    let payloads: u32 = store
        .blocking(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM outbox WHERE payload IS NOT NULL",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(payloads, 1);
}

#[tokio::test]
async fn blocks_run_out_and_a_failed_check_in_leaves_nothing_behind() {
    const ELSEWHERE: &str = "DEFGH56789";
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    let day = date(2026, 3, 23);
    let salt = "0123abcd";
    let codes = ["ABCDE23456", "BCDEF34567", "CDEFG45678"];
    let arrivals = Arrivals {
        day,
        salt: salt.into(),
        arrivals: codes
            .iter()
            .map(|code| Arrival {
                booking_id: Uuid::now_v7(),
                code_digest: booking_code::arrival_digest(salt, code),
                product_id: "passport".into(),
                queue_service_id: "travel".into(),
                start: at("2026-03-23T10:00:00+01:00[Europe/Brussels]"),
                window_start: at("2026-03-23T09:30:00+01:00[Europe/Brussels]"),
                window_end: at("2026-03-23T10:10:00+01:00[Europe/Brussels]"),
                ticket_numbers: Vec::new(),
            })
            .chain([Arrival {
                // Checked in at another kiosk before the list was fetched.
                booking_id: Uuid::now_v7(),
                code_digest: booking_code::arrival_digest(salt, ELSEWHERE),
                product_id: "passport".into(),
                queue_service_id: "travel".into(),
                start: at("2026-03-23T10:00:00+01:00[Europe/Brussels]"),
                window_start: at("2026-03-23T09:30:00+01:00[Europe/Brussels]"),
                window_end: at("2026-03-23T10:10:00+01:00[Europe/Brussels]"),
                ticket_numbers: vec!["B012".into()],
            }])
            .collect(),
    };
    let now = at("2026-03-23T09:40:00+01:00[Europe/Brussels]");
    store
        .save_arrivals(arrivals, Some("\"tag\"".into()), now.clone())
        .await
        .unwrap();
    assert_eq!(
        store.arrivals_etag(day).await.unwrap().as_deref(),
        Some("\"tag\"")
    );

    // No block yet: refused, and nothing queued.
    let none = store
        .offline_check_in(codes[0], now.clone())
        .await
        .unwrap_err();
    assert!(
        matches!(none, CheckinError::NoTicketNumbers { .. }),
        "{none}"
    );
    assert_eq!(store.outbox_depth().await.unwrap().pending, 0);

    store
        .save_ticket_block(TicketBlock {
            id: Uuid::now_v7(),
            queue_service_id: "travel".into(),
            prefix: "B".into(),
            day,
            first: 905,
            last: 906,
        })
        .await
        .unwrap();
    let a = new_ticket(store.offline_check_in(codes[0], now.clone()).await.unwrap());
    let b = new_ticket(store.offline_check_in(codes[1], now.clone()).await.unwrap());
    assert_eq!((a.number.as_str(), b.number.as_str()), ("B905", "B906"));
    // Scanned again: the same number, nothing new numbered or queued.
    let OfflineCheckIn::Again(again) = store.offline_check_in(codes[0], now.clone()).await.unwrap()
    else {
        panic!("a second scan numbered a new ticket");
    };
    assert_eq!(again.number, "B905");
    let out = store
        .offline_check_in(codes[2], now.clone())
        .await
        .unwrap_err();
    assert!(matches!(out, CheckinError::NoTicketNumbers { .. }));
    // Every number is used, but a booking checked in at another kiosk keeps the number it has.
    let elsewhere = store
        .offline_check_in(ELSEWHERE, now.clone())
        .await
        .unwrap();
    let OfflineCheckIn::Again(elsewhere) = elsewhere else {
        panic!("a booking checked in elsewhere got a new number: {elsewhere:?}");
    };
    assert_eq!(elsewhere.number, "B012");
    assert_eq!(store.outbox_depth().await.unwrap().pending, 2);
    let events = store.pending_events(10).await.unwrap();
    assert_eq!(events[0].kind, "ticket.offline_checkin");
    assert_eq!(events[0].payload["sequence"], 905);
    assert_eq!(events[0].id, a.event_id);

    // The next day forgets yesterday's arrivals, blocks and offline tickets.
    let tomorrow = date(2026, 3, 24);
    store
        .save_arrivals(
            Arrivals {
                day: tomorrow,
                salt: "x".into(),
                arrivals: vec![],
            },
            None,
            at("2026-03-24T08:00:00+01:00[Europe/Brussels]"),
        )
        .await
        .unwrap();
    assert_eq!(store.arrivals_count(day).await.unwrap(), 0);
    assert_eq!(
        store
            .ticket_numbers_left("travel".into(), day)
            .await
            .unwrap(),
        0
    );
    // ... but not the events still owed to the backend.
    assert_eq!(store.outbox_depth().await.unwrap().pending, 2);
    let _ = outbox::enqueue;
}

#[test]
fn the_kiosk_reads_codes_and_digests_exactly_like_the_backend() {
    use kiosk_backend::codes;
    for _ in 0..200 {
        let code = codes::short_code();
        let secret = codes::qr_secret();
        let typed = format!(" {}-{} ", code[..5].to_lowercase(), &code[5..]);
        let scanned = codes::qr_payload(&code, &secret);
        for input in [typed.as_str(), scanned.as_str(), code.as_str()] {
            let backend = codes::parse_code(input).map(|c| c.short().to_owned());
            assert_eq!(booking_code::short_code(input), backend, "{input}");
        }
        assert_eq!(
            booking_code::arrival_digest("salt42", &code),
            codes::arrival_digest("salt42", &code)
        );
    }
    for junk in [
        "",
        "ABCDEFGHI0",
        "KB1-ABC-xyz",
        "KB1-ABCDE23456",
        "KB1-ABCDE23456-xyz",
    ] {
        assert_eq!(
            booking_code::short_code(junk),
            codes::parse_code(junk).map(|c| c.short().to_owned()),
            "{junk}"
        );
    }
}

fn new_ticket(outcome: OfflineCheckIn) -> OfflineTicket {
    match outcome {
        OfflineCheckIn::New(ticket) => ticket,
        OfflineCheckIn::Again(known) => panic!("expected a new number, got {known:?} again"),
    }
}
