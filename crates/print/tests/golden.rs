//! Byte-level golden tests of the ticket layouts. `UPDATE_GOLDEN=1` rewrites the files; review
//! the `.txt` dumps next to them in the diff.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;

use common::{FluentLabels, booking_ticket, queue_ticket, test_ticket};
use kiosk_print::escpos::{Layout, Logo};
use kiosk_print::{Columns, Ticket, render_ticket};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Printable dump: text as is, every other byte as <XX>, a new line after LF.
fn dump(bytes: &[u8]) -> String {
    let mut out = String::new();
    for &b in bytes {
        match b {
            b'\n' => out.push_str("<0A>\n"),
            0x20..=0x7E => out.push(char::from(b)),
            _ => out.push_str(&format!("<{b:02X}>")),
        }
    }
    out
}

fn check(name: &str, ticket: &Ticket, lang: &str, layout: &Layout) {
    let bytes = render_ticket(ticket, &FluentLabels::new(lang), layout).unwrap();
    let bin = golden_dir().join(format!("{name}.bin"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&bin, &bytes).unwrap();
        std::fs::write(golden_dir().join(format!("{name}.txt")), dump(&bytes)).unwrap();
    }
    let expected = std::fs::read(&bin)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1 once)", bin.display()));
    assert!(
        bytes == expected,
        "{name} differs from its golden file; got:\n{}\nexpected:\n{}",
        dump(&bytes),
        dump(&expected)
    );
}

fn layout(columns: Columns) -> Layout {
    Layout {
        columns,
        logo: None,
    }
}

#[test]
fn queue_ticket_58mm_nl() {
    check(
        "queue-32-nl-BE",
        &queue_ticket("B007"),
        "nl-BE",
        &layout(Columns::MM58),
    );
}

#[test]
fn queue_ticket_80mm_42_fr() {
    check(
        "queue-42-fr-BE",
        &queue_ticket("B007"),
        "fr-BE",
        &layout(Columns::MM80_42),
    );
}

#[test]
fn queue_ticket_80mm_48_de() {
    check(
        "queue-48-de-BE",
        &queue_ticket("A012"),
        "de-BE",
        &layout(Columns::MM80_48),
    );
}

#[test]
fn booking_ticket_58mm_en() {
    check(
        "booking-32-en",
        &booking_ticket("K7P9X2QA"),
        "en",
        &layout(Columns::MM58),
    );
}

#[test]
fn booking_ticket_80mm_nl() {
    check(
        "booking-42-nl-BE",
        &booking_ticket("K7P9X2QA"),
        "nl-BE",
        &layout(Columns::MM80_42),
    );
}

#[test]
fn test_ticket_with_logo() {
    // A 16x4 logo: two black bars.
    let logo = Logo::from_pbm(b"P4\n16 4\n\xff\xff\x00\x00\xff\xff\x00\x00").unwrap();
    let layout = Layout {
        columns: Columns::MM80_48,
        logo: Some(logo),
    };
    check("test-48-nl-BE-logo", &test_ticket(), "nl-BE", &layout);
}

/// The properties a golden file cannot explain by itself.
#[test]
fn ticket_bytes_are_wpc1252_with_native_qr_code128_and_cut() {
    let bytes = render_ticket(
        &booking_ticket("K7P9X2QA"),
        &FluentLabels::new("fr-BE"),
        &layout(Columns::MM58),
    )
    .unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(
        bytes.starts_with(&[0x1B, b'@', 0x1B, b't', 16]),
        "ESC @ then ESC t 16 first"
    );
    assert!(has(b"Lukasz Sahin"), "transliterated");
    assert!(has(b"\xC0 apporter"), "accents as WPC1252 (\u{C0} = 0xC0)");
    assert!(!has("Ł".as_bytes()) && !has("é".as_bytes()), "no raw UTF-8");
    assert!(has(&[0x1D, b'(', b'k']), "QR through GS ( k");
    assert!(has(b"9f3a0c5e7d21b846"), "QR payload");
    assert!(
        has(&[0x1D, b'k', 73, 10, b'{', b'B']) && has(b"K7P9X2QA"),
        "CODE128 GS k 73"
    );
    assert!(has(&[0x1D, b'V']), "cut");
    // Nothing wider than 32 columns between line feeds in normal size text.
    for line in bytes.split(|b| *b == b'\n') {
        let text: Vec<u8> = line.iter().copied().filter(|b| *b >= 0x20).collect();
        if !line.contains(&0x1D) && !line.contains(&0x1B) {
            assert!(
                text.len() <= 32,
                "line too long: {}",
                String::from_utf8_lossy(&text)
            );
        }
    }
}

#[test]
fn queue_number_is_huge() {
    let bytes = render_ticket(
        &queue_ticket("B007"),
        &FluentLabels::new("nl-BE"),
        &layout(Columns::MM58),
    )
    .unwrap();
    assert!(
        bytes
            .windows(8)
            .any(|w| w == [0x1D, b'!', 0x55, b'B', b'0', b'0', b'7', b'\n'])
    );
}

#[test]
fn an_offline_ticket_does_not_claim_that_nobody_is_ahead() {
    let Ticket::Queue(mut ticket) = common::queue_ticket("A901") else {
        unreachable!("queue_ticket makes a queue ticket")
    };
    let labels = common::FluentLabels::new("nl-BE");
    let with_count = render_ticket(
        &Ticket::Queue(ticket.clone()),
        &labels,
        &layout(Columns::MM80_42),
    )
    .unwrap();
    assert!(String::from_utf8_lossy(&with_count).contains("Er zijn 3 personen voor u."));
    ticket.people_ahead = None;
    let offline =
        render_ticket(&Ticket::Queue(ticket), &labels, &layout(Columns::MM80_42)).unwrap();
    let text = String::from_utf8_lossy(&offline);
    assert!(
        !text.contains("voor u."),
        "an unknown count is left out, not printed as 0"
    );
    assert!(text.contains("A901"));
}
