//! The municipality's figures (issue 14) over HTTP: a simulated fortnight recomputed here from
//! the raw rows, an empty period, the CSV exports read back, who may see them, and the
//! retention purge changing nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use kiosk_backend::simulate::SimulateOptions;
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{Env, start_at};
use crate::desk_client::{Browser, PASSWORD};

/// A ticket as read here: id, booking, status, issued, service day, queue service.
type TicketRow = (String, Option<String>, String, i64, String, String);

/// Monday 23 March 2026 08:00: the simulated days are 9 to 22 March.
const NOW: &str = "2026-03-23T08:00:00+01:00";
const PERIOD: &str = "from=2026-03-09&to=2026-03-22";

/// A backend with two weeks simulated (a 12,000-resident town, so that desks have queues),
/// an admin token, an admin `ada` and a clerk `carl`.
async fn simulated() -> (Env, String) {
    let env = start_at(NOW).await;
    let db = env.db.clone();
    let token = tokio::task::spawn_blocking(move || {
        let options = SimulateOptions {
            days: 14,
            seed: 7,
            today: date(2026, 3, 23),
            residents: Some(12_000),
        };
        let tally = kiosk_backend::simulate(&db, &options).unwrap();
        assert!(tally.bookings > 300 && tally.walk_ins > 100, "{tally:?}");
        assert_eq!(tally.refused, 0, "{tally:?}");
        kiosk_backend::add_staff(&db, "ada", kiosk_backend::StaffRole::Admin, PASSWORD).unwrap();
        kiosk_backend::add_staff(&db, "carl", kiosk_backend::StaffRole::Clerk, PASSWORD).unwrap();
        kiosk_backend::create_admin_token(&db).unwrap()
    })
    .await
    .unwrap();
    (env, token)
}

async fn figures(env: &Env, token: &str, query: &str) -> Value {
    let response = env
        .http
        .get(env.url(&format!("/v1/admin/figures?{query}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn admin(env: &Env) -> Browser {
    let browser = Browser::new(env);
    let page = browser.login("ada", PASSWORD).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{:?}", page.alert());
    browser
}

fn brussels() -> TimeZone {
    TimeZone::get("Europe/Brussels").unwrap()
}

fn midnight(d: Date) -> i64 {
    d.to_zoned_datetime(brussels())
        .unwrap()
        .timestamp()
        .as_second()
}

fn approx(json: &Value, expected: Option<f64>, what: &str) {
    match expected {
        None => assert!(json.is_null(), "{what}: {json} instead of null"),
        Some(e) => {
            let got = json.as_f64().unwrap_or_else(|| panic!("{what}: {json}"));
            assert!((got - e).abs() < 1e-9, "{what}: {got} != {e}");
        }
    }
}

/// Nearest rank, counted here the long way: the first value with at least p % at or below it.
fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    let n = sorted.len() as f64;
    sorted
        .iter()
        .enumerate()
        .find(|(i, _)| (*i as f64 + 1.0) / n >= p / 100.0)
        .map(|(_, v)| *v)
}

#[tokio::test]
async fn simulated_figures_match_an_independent_count_of_the_rows() {
    let (env, token) = simulated().await;
    let f = figures(&env, &token, PERIOD).await;
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let (start, end) = (midnight(date(2026, 3, 9)), midnight(date(2026, 3, 23)));
    let now = env.clock.now().as_second();

    // Bookings, straight from the table, counted in Rust.
    let mut stmt = conn
        .prepare("SELECT id, channel, status, start_s, end_s FROM bookings")
        .unwrap();
    let bookings: Vec<(String, String, String, i64, i64)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .filter(|b| b.2 == "confirmed" && b.3 >= start && b.3 < end)
        .collect();
    let mut stmt = conn
        .prepare(
            "SELECT id, booking_id, status, issued_s, service_day, queue_service_id FROM tickets",
        )
        .unwrap();
    let tickets: Vec<TicketRow> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut first_call: HashMap<String, i64> = HashMap::new();
    let mut stmt = conn
        .prepare("SELECT ticket_id, at_s FROM ticket_events WHERE action = 'called'")
        .unwrap();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .unwrap()
    {
        let (ticket, at) = row.unwrap();
        let e = first_call.entry(ticket).or_insert(at);
        *e = (*e).min(at);
    }

    let by_channel = |name: &str| bookings.iter().filter(|b| b.1 == name).count() as u64;
    let total = bookings.len() as u64;
    assert!(total > 300, "{total}");
    let b = &f["bookings"];
    assert_eq!(b["total"], total);
    for (i, channel) in ["kiosk", "desk", "web"].iter().enumerate() {
        assert_eq!(b["by_channel"][i]["channel"], *channel);
        assert_eq!(b["by_channel"][i]["count"], by_channel(channel));
    }
    let own = (by_channel("kiosk") + by_channel("web")) as f64 / total as f64;
    approx(&b["self_booked_share"], Some(own), "self-booked share");
    assert!(
        (0.35..0.55).contains(&own),
        "the simulation books ~45 % itself: {own}"
    );

    let ticket_of: HashMap<&str, &TicketRow> = tickets
        .iter()
        .filter_map(|t| t.1.as_deref().map(|b| (b, t)))
        .collect();
    let no_shows = bookings
        .iter()
        .filter(|b| b.4 <= now)
        .filter(|b| ticket_of.get(b.0.as_str()).is_none_or(|t| t.2 == "no_show"))
        .count() as u64;
    assert!(no_shows > 0);
    assert_eq!(b["no_shows"], no_shows);
    let called: Vec<(i64, i64)> = bookings
        .iter()
        .filter_map(|b| {
            let t = ticket_of.get(b.0.as_str())?;
            Some((b.3, *first_call.get(&t.0)?))
        })
        .collect();
    let before = called.iter().filter(|(booked, call)| call < booked).count() as u64;
    assert_eq!(b["called"], called.len() as u64);
    assert_eq!(b["called_before_booked_time"], before);
    approx(
        &b["served_before_booked_time_share"],
        Some(before as f64 / called.len() as f64),
        "served before the booked time",
    );

    // Waiting: every ticket of the period's days that was called.
    let in_days = |day: &str| ("2026-03-09"..="2026-03-22").contains(&day);
    let mut waits: Vec<i64> = tickets
        .iter()
        .filter(|t| in_days(&t.4))
        .filter_map(|t| Some((first_call.get(&t.0)? - t.3).max(0)))
        .collect();
    waits.sort();
    let w = &f["waiting"];
    assert_eq!(w["tickets_called"], waits.len() as u64);
    let mean = waits.iter().sum::<i64>() as f64 / waits.len() as f64;
    approx(&w["mean_seconds"], Some(mean), "mean wait");
    assert_eq!(w["median_seconds"], percentile(&waits, 50.0).unwrap());
    assert_eq!(w["p90_seconds"], percentile(&waits, 90.0).unwrap());
    let histogram: Vec<u64> = serde_json::from_value(w["histogram_minutes"].clone()).unwrap();
    assert_eq!(histogram.iter().sum::<u64>(), waits.len() as u64);
    assert_eq!(
        histogram[0],
        waits.iter().filter(|&&s| s < 60).count() as u64
    );

    // Walk-ins per service.
    let mut walk_ins: BTreeMap<&str, u64> = BTreeMap::new();
    for t in tickets.iter().filter(|t| t.1.is_none() && in_days(&t.4)) {
        *walk_ins.entry(t.5.as_str()).or_default() += 1;
    }
    let listed: BTreeMap<String, u64> = f["walk_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["service_id"].as_str().unwrap().to_owned(),
                s["count"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: BTreeMap<String, u64> = walk_ins
        .iter()
        .map(|(k, v)| ((*k).to_owned(), *v))
        .collect();
    assert_eq!(listed, expected);
    assert!(!listed.is_empty());

    // Certificates per type, channel and kiosk.
    let mut stmt = conn
        .prepare("SELECT certificate_type, channel, kiosk_id, status, issued_s FROM certificate_issuances")
        .unwrap();
    let mut certs: BTreeMap<(String, String, Option<String>), u64> = BTreeMap::new();
    for row in stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })
        .unwrap()
    {
        let (kind, channel, kiosk, status, at) = row.unwrap();
        if status != "rejected" && at >= start && at < end {
            *certs.entry((kind, channel, kiosk)).or_default() += 1;
        }
    }
    let listed: BTreeMap<(String, String, Option<String>), u64> = f["certificates"]["by_type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                (
                    c["certificate_type"].as_str().unwrap().to_owned(),
                    c["channel"].as_str().unwrap().to_owned(),
                    c["kiosk_id"].as_str().map(str::to_owned),
                ),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed, certs);
    let all: u64 = certs.values().sum();
    let desk: u64 = certs
        .iter()
        .filter(|(k, _)| k.1 == "desk")
        .map(|(_, n)| n)
        .sum();
    assert_eq!(f["certificates"]["total"], all);
    let without_desk = (all - desk) as f64 / all as f64;
    approx(
        &f["certificates"]["without_desk_share"],
        Some(without_desk),
        "without desk",
    );
    assert!(
        (0.45..0.75).contains(&without_desk),
        "~60 % without the desk: {without_desk}"
    );

    // Kiosk availability, step by step: each 5 minutes of the fortnight whose start falls in
    // the location's opening hours (and after the kiosk's enrolment), and its heartbeats.
    let tz = brussels();
    // Over both kiosks: the simulation's outages fall on one kiosk or the other by chance.
    let (mut all_open, mut all_up) = (0, 0);
    for k in f["kiosks"].as_array().unwrap() {
        let id = k["kiosk_id"].as_str().unwrap();
        let location = k["location_id"].as_str().unwrap();
        let enrolled: i64 = conn
            .query_row("SELECT enrolled_s FROM kiosks WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        let mut stmt = conn
            .prepare("SELECT weekday, opens, closes FROM opening_periods WHERE location_id = ?1")
            .unwrap();
        let hours: Vec<(i8, String, String)> = stmt
            .query_map([location], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut stmt = conn
            .prepare("SELECT day FROM closures WHERE location_id = ?1")
            .unwrap();
        let closed: HashSet<String> = stmt
            .query_map([location], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut stmt = conn
            .prepare("SELECT step, paper_out FROM kiosk_heartbeats WHERE kiosk_id = ?1")
            .unwrap();
        let beats: HashMap<i64, bool> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let (mut open, mut up, mut paper) = (0u64, 0u64, 0u64);
        for step in start / 300..end / 300 {
            let t = step * 300;
            let local = Timestamp::from_second(t)
                .unwrap()
                .to_zoned_datetime(tz.clone());
            let hm = local.strftime("%H:%M").to_string();
            let weekday = local.weekday().to_monday_one_offset();
            let is_open = t >= enrolled
                && t < now
                && !closed.contains(&local.date().to_string())
                && hours.iter().any(|(d, o, c)| {
                    *d == weekday && o.as_str() <= hm.as_str() && hm.as_str() < c.as_str()
                });
            if is_open {
                open += 5;
                if let Some(out) = beats.get(&step) {
                    up += 5;
                    paper += if *out { 5 } else { 0 };
                }
            }
        }
        assert_eq!(k["open_minutes"], open, "{k}");
        assert_eq!(k["up_minutes"], up, "{k}");
        assert_eq!(k["paper_out_minutes"], paper, "{k}");
        let share = (open > 0).then(|| up as f64 / open as f64);
        approx(&k["uptime_share"], share, "uptime");
        assert!(open > 1000 && up <= open && up * 10 > open * 8, "{k}");
        all_open += open;
        all_up += up;
    }
    assert!(all_up < all_open, "some downtime was simulated");
    // The simulation's two kiosks; the test's own kiosk was enrolled after the period.
    assert_eq!(f["kiosks"].as_array().unwrap().len(), 2);

    // One location: only its rows.
    let town = figures(&env, &token, &format!("{PERIOD}&location=town-hall")).await;
    let town_total: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM bookings WHERE status = 'confirmed' AND location_id = 'town-hall'
               AND start_s >= ?1 AND start_s < ?2",
            [start, end],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(town["bookings"]["total"], town_total);
    assert!(town_total < total as i64);
    assert!(
        town["kiosks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k["location_id"] == "town-hall")
    );
}

#[tokio::test]
async fn a_period_without_data_says_so_on_the_page_in_json_and_in_csv() {
    let (env, token) = simulated().await;
    let empty = "from=2025-06-01&to=2025-06-30";
    let f = figures(&env, &token, empty).await;
    assert_eq!(f["bookings"]["total"], 0);
    assert!(f["bookings"]["self_booked_share"].is_null());
    assert!(f["bookings"]["served_before_booked_time_share"].is_null());
    assert!(f["waiting"]["mean_seconds"].is_null() && f["waiting"]["median_seconds"].is_null());
    assert!(f["certificates"]["without_desk_share"].is_null());
    assert!(f["walk_ins"].as_array().unwrap().is_empty());
    assert!(
        f["kiosks"].as_array().unwrap().is_empty(),
        "no kiosk was enrolled yet"
    );

    let browser = admin(&env).await;
    let page = browser
        .get(&format!("/desk/figures?{empty}&location=all"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Geen gegevens voor deze periode."),
        "{}",
        page.body
    );
    assert!(page.body.contains("geen gegevens"));
    assert!(!page.body.contains("NaN") && !page.body.contains("<svg"));

    let csv = browser
        .get(&format!("/desk/figures.csv?table=summary&{empty}"))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.get(2) == Some("")), "{rows:?}");
    assert!(!csv.body.contains("NaN"));
}

/// The rows of one CSV export, by its header.
async fn csv_rows(browser: &Browser, table: &str, query: &str) -> Vec<HashMap<String, String>> {
    let page = browser
        .get(&format!("/desk/figures.csv?table={table}&{query}"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{table}: {}", page.body);
    let mut reader = csv::Reader::from_reader(page.body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .map(str::to_owned)
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn number(text: &str) -> f64 {
    text.parse()
        .unwrap_or_else(|_| panic!("not a number: {text:?}"))
}

#[tokio::test]
async fn every_csv_export_reads_back_as_the_json_numbers() {
    let (env, token) = simulated().await;
    let f = figures(&env, &token, PERIOD).await;
    let browser = admin(&env).await;

    let summary = csv_rows(&browser, "summary", PERIOD).await;
    let value = |rows: &[HashMap<String, String>], key: &str| -> f64 {
        let row = rows
            .iter()
            .find(|r| r["key"] == key)
            .unwrap_or_else(|| panic!("{key}"));
        number(&row["value"])
    };
    assert_eq!(
        value(&summary, "self_booked_share"),
        f["bookings"]["self_booked_share"].as_f64().unwrap()
    );
    assert_eq!(
        value(&summary, "mean_wait_seconds"),
        f["waiting"]["mean_seconds"].as_f64().unwrap()
    );
    assert_eq!(
        value(&summary, "served_before_booked_time_share"),
        f["bookings"]["served_before_booked_time_share"]
            .as_f64()
            .unwrap()
    );
    assert_eq!(
        value(&summary, "certificates_without_desk_share"),
        f["certificates"]["without_desk_share"].as_f64().unwrap()
    );

    let bookings = csv_rows(&browser, "bookings", PERIOD).await;
    for c in f["bookings"]["by_channel"].as_array().unwrap() {
        let row = bookings
            .iter()
            .find(|r| r["channel"] == c["channel"].as_str().unwrap())
            .unwrap();
        assert_eq!(number(&row["count"]), c["count"].as_f64().unwrap());
    }
    let total = bookings.iter().find(|r| r["channel"] == "total").unwrap();
    assert_eq!(
        number(&total["count"]),
        f["bookings"]["total"].as_f64().unwrap()
    );

    let waiting = csv_rows(&browser, "waiting", PERIOD).await;
    for (key, json) in [
        ("tickets_called", &f["waiting"]["tickets_called"]),
        ("mean_seconds", &f["waiting"]["mean_seconds"]),
        ("median_seconds", &f["waiting"]["median_seconds"]),
        ("p90_seconds", &f["waiting"]["p90_seconds"]),
        ("appointments_called", &f["bookings"]["called"]),
        (
            "called_before_booked_time",
            &f["bookings"]["called_before_booked_time"],
        ),
        ("no_shows", &f["bookings"]["no_shows"]),
    ] {
        assert_eq!(value(&waiting, key), json.as_f64().unwrap(), "{key}");
    }

    let walk_ins = csv_rows(&browser, "walk_ins", PERIOD).await;
    let json_walk_ins = f["walk_ins"].as_array().unwrap();
    assert_eq!(walk_ins.len(), json_walk_ins.len());
    for (row, s) in walk_ins.iter().zip(json_walk_ins) {
        assert_eq!(row["service_id"], s["service_id"].as_str().unwrap());
        assert_eq!(number(&row["count"]), s["count"].as_f64().unwrap());
    }

    let certificates = csv_rows(&browser, "certificates", PERIOD).await;
    let json_certs = f["certificates"]["by_type"].as_array().unwrap();
    assert_eq!(certificates.len(), json_certs.len());
    for (row, c) in certificates.iter().zip(json_certs) {
        assert_eq!(
            row["certificate_type"],
            c["certificate_type"].as_str().unwrap()
        );
        assert_eq!(row["channel"], c["channel"].as_str().unwrap());
        assert_eq!(row["kiosk_id"], c["kiosk_id"].as_str().unwrap_or(""));
        assert_eq!(number(&row["count"]), c["count"].as_f64().unwrap());
    }

    let kiosks = csv_rows(&browser, "kiosks", PERIOD).await;
    let json_kiosks = f["kiosks"].as_array().unwrap();
    assert_eq!(kiosks.len(), json_kiosks.len());
    for (row, k) in kiosks.iter().zip(json_kiosks) {
        assert_eq!(row["kiosk_id"], k["kiosk_id"].as_str().unwrap());
        for key in ["open_minutes", "up_minutes", "paper_out_minutes"] {
            assert_eq!(number(&row[key]), k[key].as_f64().unwrap(), "{key}");
        }
        match k["uptime_share"].as_f64() {
            Some(share) => assert_eq!(number(&row["uptime_share"]), share),
            None => assert_eq!(row["uptime_share"], ""),
        }
    }

    let unknown = browser
        .get(&format!("/desk/figures.csv?table=names&{PERIOD}"))
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn only_admins_see_the_figures() {
    let (env, token) = simulated().await;
    let stranger = Browser::new(&env);
    // The address admins are given leads into the console's path, keeping the period.
    let page = stranger.get(&format!("/admin/figures?{PERIOD}")).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location, Some(format!("/desk/figures?{PERIOD}")));
    let page = stranger
        .get(&format!("/admin/figures.csv?table=summary&{PERIOD}"))
        .await;
    assert_eq!(
        page.location,
        Some(format!("/desk/figures.csv?table=summary&{PERIOD}"))
    );
    let page = stranger.get(&format!("/desk/figures?{PERIOD}")).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location.as_deref(), Some("/desk/login"));
    let csv = stranger
        .get(&format!("/desk/figures.csv?table=summary&{PERIOD}"))
        .await;
    assert_eq!(csv.location.as_deref(), Some("/desk/login"));

    let clerk = Browser::new(&env);
    assert_eq!(
        clerk.login("carl", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let page = clerk.get(&format!("/desk/figures?{PERIOD}")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(!page.body.contains("table-bookings"));
    let csv = clerk
        .get(&format!("/desk/figures.csv?table=bookings&{PERIOD}"))
        .await;
    assert_eq!(csv.status, StatusCode::FORBIDDEN);

    let ada = admin(&env).await;
    let page = ada
        .get(&format!("/desk/figures?{PERIOD}&location=town-hall"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"table-bookings\"") && page.body.contains("<svg"));
    assert!(
        page.body
            .contains("9 maart 2026 tot en met 22 maart 2026, Gemeentehuis Heidebeek"),
        "{}",
        page.body
    );
    let refused = ada.get("/desk/figures?from=2026-03-22&to=2026-03-09").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.alert().unwrap().contains("Deze periode kan niet"));

    // The JSON wants the admin token: not a kiosk's, not none.
    let url = env.url(&format!("/v1/admin/figures?{PERIOD}"));
    let none = env.http.get(&url).send().await.unwrap();
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
    let kiosk = env
        .http
        .get(&url)
        .bearer_auth(&env.token)
        .send()
        .await
        .unwrap();
    assert_eq!(kiosk.status(), StatusCode::UNAUTHORIZED);
    let bad = env
        .http
        .get(env.url("/v1/admin/figures?from=2026-03-09"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_retention_purge_changes_no_figure() {
    let (env, token) = simulated().await;
    let before = figures(&env, &token, PERIOD).await;
    let db = env.db.clone();
    let now = env.clock.now();
    let counts = tokio::task::spawn_blocking(move || {
        use kiosk_backend::store::{RetentionPolicy, SqliteStore, Store};
        let store = SqliteStore::open(&db).unwrap();
        // As the nightly purge would, 40 days on: every name, payload and link to a person
        // of the period is gone (the heartbeat history is kept 400 days).
        let later = now
            .checked_add(jiff::SignedDuration::from_hours(24 * 40))
            .unwrap();
        store.purge(later, &RetentionPolicy::default()).unwrap()
    })
    .await
    .unwrap();
    assert!(counts.contacts > 300 && counts.issuances > 50, "{counts:?}");
    assert_eq!(counts.heartbeats, 0);
    let after = figures(&env, &token, PERIOD).await;
    assert_eq!(before, after);

    // Past the heartbeat history's 400 days it goes, and only it.
    let db = env.db.clone();
    let counts = tokio::task::spawn_blocking(move || {
        use kiosk_backend::store::{RetentionPolicy, SqliteStore, Store};
        let store = SqliteStore::open(&db).unwrap();
        let later = now
            .checked_add(jiff::SignedDuration::from_hours(24 * 420))
            .unwrap();
        store.purge(later, &RetentionPolicy::default()).unwrap()
    })
    .await
    .unwrap();
    assert!(counts.heartbeats > 1000, "{counts:?}");
    let trimmed = figures(&env, &token, PERIOD).await;
    assert_eq!(trimmed["bookings"], before["bookings"]);
    assert!(
        trimmed["kiosks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k["up_minutes"] == 0)
    );
}

#[tokio::test]
async fn simulating_days_already_simulated_is_refused() {
    let (env, _) = simulated().await;
    let db = env.db.clone();
    let again = tokio::task::spawn_blocking(move || {
        let options = SimulateOptions {
            days: 3,
            seed: 8,
            today: date(2026, 3, 23),
            residents: Some(12_000),
        };
        kiosk_backend::simulate(&db, &options)
    })
    .await
    .unwrap();
    let error = again.unwrap_err().to_string();
    // The last open day before Monday the 23rd: Saturday.
    assert!(error.contains("simulated up to 2026-03-21"), "{error}");
}

#[tokio::test]
async fn real_heartbeats_make_the_availability_figures() {
    // A day of its own: the kiosk enrols at 08:00 on Monday 23 March; the town hall opens
    // before 10:00 that day.
    let env = start_at(NOW).await;
    let db = env.db.clone();
    let token = tokio::task::spawn_blocking(move || kiosk_backend::create_admin_token(&db))
        .await
        .unwrap()
        .unwrap();
    let beat = |printer: &'static str, at: &'static str| {
        let env = &env;
        async move {
            env.set_now(at);
            let status = serde_json::json!({
                "app_version": "0.1.0", "printer": {"state": printer}, "card_reader": "ok",
                "scanner": "ok", "outbox_depth": 0, "kiosk_time": at
            });
            let response = env
                .http
                .put(env.url("/v1/kiosks/me/status"))
                .bearer_auth(&env.token)
                .json(&status)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
        }
    };
    // Three 5-minute steps with heartbeats (two in the first), the middle one out of paper.
    beat("ok", "2026-03-23T10:00:05+01:00").await;
    beat("ok", "2026-03-23T10:04:55+01:00").await;
    beat("paper_out", "2026-03-23T10:06:00+01:00").await;
    beat("ok", "2026-03-23T10:07:00+01:00").await;
    beat("paper_low", "2026-03-23T10:12:00+01:00").await;
    env.set_now("2026-03-23T11:00:00+01:00");
    let f = figures(
        &env,
        &token,
        "from=2026-03-23&to=2026-03-23&location=town-hall",
    )
    .await;
    let kiosks = f["kiosks"].as_array().unwrap();
    assert_eq!(kiosks.len(), 1);
    let k = &kiosks[0];
    assert_eq!(
        (k["up_minutes"].as_u64(), k["paper_out_minutes"].as_u64()),
        (Some(15), Some(5))
    );
    // Open from the opening time until now (11:00), in whole steps.
    let open = k["open_minutes"].as_u64().unwrap();
    assert!((60..=180).contains(&open) && open % 5 == 0, "{k}");
    approx(&k["uptime_share"], Some(15.0 / open as f64), "uptime");
}
