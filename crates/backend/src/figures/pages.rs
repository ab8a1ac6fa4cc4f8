//! `/admin/figures` (served at [`PAGE`]): the figures as tables with SVG charts beside them, in Dutch, readable
//! without JavaScript. Every table has its caption, its CSV link and, where a chart helps, a
//! chart that says the table is the truth.

use jiff::civil::Date;
use kiosk_api::{Figures, Location};
use maud::{Markup, PreEscaped, html};

use super::Period;
use super::charts;
use super::tables::{self, Cell, Table, channel_name};
use crate::desk::pages::layout;

/// Where the page and its exports are served: inside the desk console's path, where its
/// session cookie (`Path=/desk`) goes. `/admin/figures` sends admins here.
pub const PAGE: &str = "/desk/figures";
pub const CSV: &str = "/desk/figures.csv";

/// Shown wherever a value cannot be computed (a share of nothing, the median of no waits).
pub const NO_DATA: &str = "geen gegevens";

/// The Dutch form of a value for the page.
fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Share(Some(v)) => format!("{} %", decimal(v * 100.0)),
        Cell::Seconds(Some(s)) => duration(*s),
        Cell::Share(None) | Cell::Seconds(None) => NO_DATA.to_owned(),
    }
}

/// One decimal with a decimal comma (Dutch).
fn decimal(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

fn duration(seconds: f64) -> String {
    let whole = seconds.round() as i64;
    if whole < 60 {
        format!("{whole} s")
    } else {
        format!("{} min {} s", whole / 60, whole % 60)
    }
}

fn long_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let month = MONTHS
        .get(usize::try_from(d.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", d.day(), d.year())
}

/// The query of this period, for links (CSV) that keep it.
pub fn query(period: &Period) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("from", &period.from.to_string())
        .append_pair("to", &period.to.to_string())
        .append_pair("location", period.location_id.as_deref().unwrap_or("all"));
    q.finish()
}

/// Whether the period holds anything at all to count.
pub fn has_data(f: &Figures) -> bool {
    f.bookings.total > 0
        || f.waiting.tickets_called > 0
        || !f.walk_ins.is_empty()
        || f.certificates.total > 0
        || f.kiosks.iter().any(|k| k.up_minutes > 0)
}

fn period_form(
    period: &Period,
    locations: &[Location],
    from: &str,
    to: &str,
    error: Option<&str>,
) -> Markup {
    let chosen = period.location_id.as_deref().unwrap_or("all");
    html! {
        form.bar #period method="get" action=(PAGE) {
            label { "Van" input #from type="date" name="from" required value=(from); }
            label { "Tot en met" input #to type="date" name="to" required value=(to); }
            label { "Locatie"
                select #location name="location" {
                    option value="all" selected[chosen == "all"] { "Alle locaties" }
                    @for l in locations {
                        option value=(l.id) selected[chosen == l.id] { (l.name.nl) }
                    }
                }
            }
            button.primary #show type="submit" { "Toon de cijfers" }
        }
        @if let Some(error) = error { p.message #period-error role="alert" { (error) } }
    }
}

fn table_markup(table: &Table, csv_href: &str) -> Markup {
    html! {
        table id=(format!("table-{}", table.id)) {
            caption { (table.caption) }
            thead { tr { @for c in &table.columns { th scope="col" data-key=(c.key) { (c.heading) } } } }
            tbody {
                @for row in &table.rows {
                    tr { @for cell in row { td { (shown(cell)) } } }
                }
                @if table.rows.is_empty() {
                    tr { td.no-data colspan=(table.columns.len()) { (NO_DATA) } }
                }
            }
        }
        p { a.csv href=(csv_href) download { "Download “" (table.caption) "” als CSV" } }
    }
}

/// A chart for the table `id`, if it has one and there is something to draw.
fn chart_for(id: &str, f: &Figures) -> Option<(String, String)> {
    let channels = |counts: &[kiosk_api::ChannelCount]| -> Vec<(String, u64)> {
        counts
            .iter()
            .map(|c| (channel_name(c.channel).to_owned(), c.count))
            .collect()
    };
    let (title, svg) = match id {
        "bookings" => {
            let title = "Afspraken per kanaal";
            (
                title,
                charts::bars(title, "afspraken", &channels(&f.bookings.by_channel)),
            )
        }
        "waiting" => {
            let title = "Wachttijd tot de oproep, per minuut";
            let bins: Vec<(String, u64)> = f
                .waiting
                .histogram_minutes
                .iter()
                .enumerate()
                .map(|(minute, n)| {
                    let label = if minute == super::compute::HISTOGRAM_MINUTES {
                        format!("{minute}+")
                    } else {
                        minute.to_string()
                    };
                    (label, *n)
                })
                .collect();
            (title, charts::bars(title, "tickets", &bins))
        }
        "walk_ins" => {
            let title = "Tickets zonder afspraak per dienst";
            let bars: Vec<(String, u64)> = f
                .walk_ins
                .iter()
                .map(|s| (s.service_name.clone(), s.count))
                .collect();
            (title, charts::bars(title, "tickets", &bars))
        }
        "certificates" => {
            let title = "Attesten per kanaal";
            (
                title,
                charts::bars(title, "attesten", &channels(&f.certificates.by_channel)),
            )
        }
        _ => return None,
    };
    svg.map(|svg| (title.to_owned(), svg))
}

fn chart_markup(id: &str, title: &str, svg: &str) -> Markup {
    let caption_id = format!("chart-{id}-caption");
    // The picture is named by its caption; the table above holds its numbers.
    let svg = svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-labelledby=\"{caption_id}\" "),
        1,
    );
    html! {
        figure.chart id=(format!("chart-{id}")) {
            (PreEscaped(svg))
            figcaption id=(caption_id) { "Grafiek: " (title) ". De cijfers staan in de tabel hierboven." }
        }
    }
}

/// The whole page for `period`; `figures` is `None` when the period was refused (`error`).
pub fn page(
    period: &Period,
    form_values: (&str, &str),
    locations: &[Location],
    figures: Option<&Figures>,
    error: Option<&str>,
) -> Markup {
    let place = match &period.location_id {
        None => "alle locaties".to_owned(),
        Some(id) => locations
            .iter()
            .find(|l| &l.id == id)
            .map_or_else(|| id.clone(), |l| l.name.nl.clone()),
    };
    let q = query(period);
    layout(
        "Cijfers van de gemeente",
        html! {
            style { (PreEscaped("figure.chart { margin: 8px 0 24px; } figure.chart svg { max-width: 100%; height: auto; } section { max-width: 1100px; } td.no-data { font-style: italic; }")) }
            div.bar {
                strong { "Cijfers van de gemeente" }
                a.button.secondary href="/desk" { "Naar de loketconsole" }
            }
            main {
                h1 { "Cijfers van de gemeente" }
                (period_form(period, locations, form_values.0, form_values.1, error))
                @if let Some(f) = figures {
                    p #period-summary {
                        "Periode " (long_date(f.from)) " tot en met " (long_date(f.to)) ", " (place)
                        ". Berekend op " (f.computed_at.strftime("%d-%m-%Y om %H:%M")) " (Brussel)."
                    }
                    @if !has_data(f) {
                        p.message #no-data role="status" { "Geen gegevens voor deze periode." }
                    }
                    @for table in tables::tables(f) {
                        section aria-labelledby=(format!("h-{}", table.id)) {
                            h2 id=(format!("h-{}", table.id)) { (table.caption) }
                            (table_markup(&table, &format!("{CSV}?table={}&{q}", table.id)))
                            @if let Some((title, svg)) = chart_for(table.id, f) {
                                (chart_markup(table.id, &title, &svg))
                            }
                        }
                    }
                }
            }
        },
    )
}
