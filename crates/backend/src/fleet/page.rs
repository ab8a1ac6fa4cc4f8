//! `/admin/fleet` (served at [`PAGE`]): every kiosk with its last heartbeat, the open alerts and
//! the last resolved ones, in Dutch, without JavaScript; it reloads itself every 30 seconds.
//! A kiosk in alert says so in words and with a sign, not by colour alone.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use kiosk_api::{DeviceState, KioskSummary, PrinterState};
use maud::{Markup, html};

use super::{AlertKind, Fleet, FleetAlert, FleetConfig};
use crate::desk::pages::layout_refreshing;

/// Inside the desk console's path, where its session cookie (`Path=/desk`) goes.
pub const PAGE: &str = "/desk/fleet";
const REFRESH_SECONDS: u32 = 30;

fn printer(state: PrinterState) -> &'static str {
    match state {
        PrinterState::Ok => "in orde",
        PrinterState::PaperLow => "papier bijna op",
        PrinterState::PaperOut => "papier op",
        PrinterState::CoverOpen => "klep open",
        PrinterState::Jam => "papier vast",
        PrinterState::Offline => "niet bereikbaar",
    }
}

fn device(state: DeviceState) -> &'static str {
    match state {
        DeviceState::Ok => "in orde",
        DeviceState::Absent => "afwezig",
        DeviceState::Fault => "defect",
    }
}

/// "3 min geleden (08:57)" in Brussels.
fn ago(at: Timestamp, now: Timestamp, tz: &TimeZone) -> String {
    let minutes = now.duration_since(at).as_secs().max(0) / 60;
    let local = at.to_zoned_datetime(tz.clone());
    let clock = local.strftime("%d/%m %H:%M");
    match minutes {
        0 => format!("zonet ({clock})"),
        m if m < 120 => format!("{m} min geleden ({clock})"),
        m => format!("{} u geleden ({clock})", m / 60),
    }
}

fn kiosk_row(
    kiosk: &KioskSummary,
    fleet: &Fleet,
    now: Timestamp,
    tz: &TimeZone,
    location: &str,
) -> Markup {
    let alerts: Vec<AlertKind> = fleet
        .open
        .iter()
        .filter(|a| a.kiosk_id == kiosk.kiosk_id)
        .map(|a| a.kind)
        .collect();
    let status = kiosk.last_status.as_ref();
    let revoked = fleet.revoked.contains(&kiosk.kiosk_id);
    let row_class = match (revoked, alerts.is_empty()) {
        (true, _) => "revoked",
        (false, true) => "healthy",
        (false, false) => "alert",
    };
    html! {
        tr class=(row_class) data-kiosk=(kiosk.kiosk_id) {
            td {
                @if revoked {
                    "ingetrokken (niet bewaakt)"
                } @else if alerts.is_empty() {
                    "✓ in orde"
                } @else {
                    strong { "⚠ ALARM: " }
                    @for (i, kind) in alerts.iter().enumerate() {
                        @if i > 0 { ", " }
                        (kind.dutch())
                    }
                }
            }
            td { (location) }
            td { (kiosk.hardware_id) br; small { (kiosk.kiosk_id) } }
            td { (status.map(|s| s.app_version.as_str()).unwrap_or("–")) }
            td {
                @match &kiosk.last_seen_at {
                    Some(seen) => (ago(seen.timestamp(), now, tz)),
                    None => "nooit",
                }
            }
            td {
                @if let Some(s) = status {
                    (printer(s.printer.state))
                    @if let Some(detail) = &s.printer.detail { " (" (detail) ")" }
                } @else { "–" }
            }
            td { (status.map(|s| device(s.card_reader)).unwrap_or("–")) }
            td { (status.map(|s| device(s.scanner)).unwrap_or("–")) }
            td { (status.map(|s| s.outbox_depth.to_string()).unwrap_or_else(|| "–".into())) }
            td {
                @match status.and_then(|s| s.oldest_pending_at.as_ref()) {
                    Some(oldest) => { "wacht sinds " (ago(oldest.timestamp(), now, tz)) }
                    None => "in orde",
                }
            }
        }
    }
}

fn alert_rows(
    alerts: &[FleetAlert],
    fleet: &Fleet,
    now: Timestamp,
    tz: &TimeZone,
    location: &dyn Fn(&str) -> String,
) -> Markup {
    html! {
        @for alert in alerts {
            @let kiosk = fleet.kiosks.iter().find(|k| k.kiosk_id == alert.kiosk_id);
            tr {
                td { (alert.kind.dutch()) }
                td { (kiosk.map(|k| k.hardware_id.as_str()).unwrap_or("?")) }
                td { (kiosk.map(|k| location(&k.location_id)).unwrap_or_else(|| "?".into())) }
                td { (ago(alert.since, now, tz)) }
                td { (ago(alert.raised, now, tz)) }
                @if let Some(resolved) = alert.resolved { td { (ago(resolved, now, tz)) } }
            }
        }
    }
}

/// `locations`: id to name, to show a kiosk's location by name.
pub fn page(
    fleet: &Fleet,
    config: &FleetConfig,
    locations: &[(String, String)],
    now: Timestamp,
    tz: &TimeZone,
) -> Markup {
    let location = |id: &str| {
        locations
            .iter()
            .find(|(l, _)| l == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let mins = |d: jiff::SignedDuration| d.as_mins();
    let body = html! {
        main {
            p { a href="/desk" { "← Terug naar de balie" } }
            h1 { "Kiosken" }
            p {
                "Alarm na " (mins(config.silent_after)) " min zonder teken van leven, "
                (mins(config.paper_out_after)) " min zonder papier of "
                (mins(config.sync_failing_after)) " min zonder synchronisatie. "
                "Deze pagina ververst zich elke " (REFRESH_SECONDS) " seconden."
            }
            table.compact #fleet {
                caption { (count(fleet.kiosks.len(), "kiosk", "kiosken")) ", " (count(fleet.open.len(), "open alarm", "open alarmen")) }
                thead { tr {
                    th scope="col" { "Toestand" } th scope="col" { "Locatie" } th scope="col" { "Kiosk" }
                    th scope="col" { "Versie" } th scope="col" { "Laatst gezien" } th scope="col" { "Printer" }
                    th scope="col" { "Kaartlezer" } th scope="col" { "Scanner" } th scope="col" { "Outbox" }
                    th scope="col" { "Synchronisatie" }
                } }
                tbody {
                    @for kiosk in &fleet.kiosks {
                        (kiosk_row(kiosk, fleet, now, tz, &location(&kiosk.location_id)))
                    }
                }
            }
            h2 { "Open alarmen" }
            @if fleet.open.is_empty() {
                p #open-alerts { "Geen open alarmen." }
            } @else {
                table.compact #open-alerts {
                    thead { tr {
                        th scope="col" { "Soort" } th scope="col" { "Kiosk" } th scope="col" { "Locatie" }
                        th scope="col" { "Sinds" } th scope="col" { "Gemeld" }
                    } }
                    tbody { (alert_rows(&fleet.open, fleet, now, tz, &location)) }
                }
            }
            h2 { "Recent opgelost" }
            @if fleet.resolved.is_empty() {
                p #resolved-alerts { "Nog geen opgeloste alarmen." }
            } @else {
                table.compact #resolved-alerts {
                    thead { tr {
                        th scope="col" { "Soort" } th scope="col" { "Kiosk" } th scope="col" { "Locatie" }
                        th scope="col" { "Sinds" } th scope="col" { "Gemeld" } th scope="col" { "Opgelost" }
                    } }
                    tbody { (alert_rows(&fleet.resolved, fleet, now, tz, &location)) }
                }
            }
        }
    };
    layout_refreshing("Kiosken", Some(REFRESH_SECONDS), body)
}

/// "1 kiosk", "3 kiosken": the caption reads as Dutch whatever the count.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
