//! The municipality's figures in a real browser: an admin signs in, picks a period, reads the
//! figures table and its SVG chart, and opens a CSV export. Screenshots in
//! target/screens/figures/.

use std::time::Duration;

use fantoccini::Locator;
use jiff::civil::date;
use kiosk_backend::simulate::SimulateOptions;
use kiosk_backend::{Clock, ServerConfig};

use crate::chrome::{Chrome, screens_dir};
use crate::{ONE_AT_A_TIME, PASSWORD};

#[tokio::test]
async fn an_admin_picks_a_period_and_sees_the_table_the_chart_and_the_csv() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("backend.sqlite");
    let setup_db = db.clone();
    tokio::task::spawn_blocking(move || {
        kiosk_backend::seed_demo_on(&setup_db, 42, date(2026, 1, 20)).unwrap();
        let options = SimulateOptions {
            days: 21,
            seed: 3,
            today: date(2026, 3, 24),
            residents: Some(6_000),
        };
        kiosk_backend::simulate(&setup_db, &options).unwrap();
        kiosk_backend::add_staff(&setup_db, "ada", kiosk_backend::StaffRole::Admin, PASSWORD)
            .unwrap();
    })
    .await
    .unwrap();
    // What the page must show for 10-23 March: the confirmed appointments of those days.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let brussels = jiff::tz::TimeZone::get("Europe/Brussels").unwrap();
    let midnight = |d: jiff::civil::Date| {
        d.to_zoned_datetime(brussels.clone())
            .unwrap()
            .timestamp()
            .as_second()
    };
    let expected: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM bookings WHERE status = 'confirmed' AND start_s >= ?1 AND start_s < ?2",
            [midnight(date(2026, 3, 10)), midnight(date(2026, 3, 24))],
            |r| r.get(0),
        )
        .unwrap();
    assert!(expected > 50, "{expected}");

    let mut config = ServerConfig::new(db.clone(), "127.0.0.1:0".parse().unwrap());
    config.clock = Clock::manual("2026-03-24T09:40:00+01:00".parse().unwrap());
    let server = kiosk_backend::spawn(config).await.unwrap();
    let url = |path: &str| format!("{}{path}", server.base_url());

    let chrome = Chrome::start(1280, 1000).await;
    chrome.sign_in(&server.base_url(), "ada", PASSWORD).await;
    let c = &chrome.client;
    c.wait()
        .for_element(Locator::Css("#location"))
        .await
        .expect("signed in");

    c.goto(&url("/admin/figures")).await.unwrap();
    c.wait()
        .for_element(Locator::Css("#period"))
        .await
        .expect("the figures page");
    // Date fields type differently per browser locale: set their values as a picker would.
    c.execute(
        "document.getElementById('from').value = '2026-03-10';
         document.getElementById('to').value = '2026-03-23';",
        vec![],
    )
    .await
    .unwrap();
    c.find(Locator::Css("#show"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let summary = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::XPath(
            "//p[@id='period-summary'][contains(., '10 maart 2026 tot en met 23 maart 2026')]",
        ))
        .await
        .expect("the chosen period's figures");
    assert!(summary.text().await.unwrap().contains("alle locaties"));

    // The table: the total row holds the count of the rows.
    let total = c
        .find(Locator::XPath(
            "//table[@id='table-bookings']//tr[td[1]='total']/td[3]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(total, expected.to_string());
    let caption = c
        .find(Locator::Css("#table-bookings caption"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(caption, "Afspraken per kanaal");

    // The chart: an SVG drawn on the server, named by its caption, with a bar per channel.
    let bars = c
        .execute(
            "const svg = document.querySelector('#chart-bookings svg');
             return svg ? [svg.getAttribute('role'), svg.querySelectorAll('rect').length,
                           svg.getBoundingClientRect().width] : null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(bars[0], "img", "{bars}");
    assert!(bars[1].as_u64().unwrap() >= 3, "{bars}");
    assert!(
        bars[2].as_f64().unwrap() > 100.0,
        "the chart is drawn: {bars}"
    );

    // The CSV link of that table, opened as the browser would download it.
    let link = c.find(Locator::Css("#h-bookings ~ p a.csv")).await.unwrap();
    let href = link.prop("href").await.unwrap().unwrap();
    assert!(
        href.contains("table=bookings") && href.contains("from=2026-03-10"),
        "{href}"
    );
    let text = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0]).then(r => r.text().then(t => done([r.status, r.headers.get('content-type'), t])));",
            vec![serde_json::Value::String(href)],
        )
        .await
        .unwrap();
    assert_eq!(text[0], 200);
    assert!(text[1].as_str().unwrap().starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(text[2].as_str().unwrap().as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let total_row = rows.iter().find(|r| r.get(0) == Some("total")).unwrap();
    assert_eq!(total_row.get(2), Some(expected.to_string().as_str()));

    let screens = screens_dir("figures");
    chrome.screenshot(&screens, "figures", 1280, 1000).await;
    for chart in ["bookings", "waiting"] {
        c.execute(
            &format!("document.getElementById('chart-{chart}').scrollIntoView()"),
            vec![],
        )
        .await
        .unwrap();
        chrome
            .screenshot(&screens, &format!("chart-{chart}"), 1280, 1000)
            .await;
    }
    chrome.stop().await;
    server.shutdown().await.unwrap();
}
