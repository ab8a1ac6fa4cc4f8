//! The catalogue as file text, always laid out the same way: the same catalogue gives the same
//! text, so export -> import -> export changes nothing and two exports can be compared with diff.

use std::fmt::Write;

use kiosk_api::{Delivery, LocalizedText, OpeningPeriod};

use super::CatalogueFile;
use super::read::{customer_field_name, weekday_name};

const HEADER: &str = "\
# The municipality's catalogue for the town-hall kiosks.
# Check and apply it with `kiosk-backend catalogue import --db DB FILE`; the kiosks pick up the
# change at their next heartbeat. The format is explained in packaging/catalogue.example.toml.
";

pub fn render(file: &CatalogueFile) -> String {
    let mut out = String::from(HEADER);
    for l in &file.locations {
        out.push_str("\n[[location]]\n");
        line(&mut out, "id", &quote(&l.id));
        line(&mut out, "name", &text(&l.name));
        line(&mut out, "street", &quote(&l.address.street));
        line(&mut out, "postal_code", &quote(&l.address.postal_code));
        line(&mut out, "municipality", &quote(&l.address.municipality));
        line(&mut out, "timezone", &quote(&l.timezone));
        line(&mut out, "hours", &hours(&l.opening_hours));
    }
    for d in &file.desks {
        out.push_str("\n[[desk]]\n");
        line(&mut out, "location", &quote(&d.location_id));
        line(&mut out, "name", &quote(&d.name));
        if let Some(services) = &d.services {
            line(&mut out, "services", &ids(services));
        }
    }
    for q in &file.queue_services {
        out.push_str("\n[[queue_service]]\n");
        line(&mut out, "id", &quote(&q.id));
        line(&mut out, "prefix", &quote(&q.prefix));
        line(&mut out, "name", &text(&q.name));
        if let Some(w) = &q.walk_in {
            out.push_str("[queue_service.walk_in]\n");
            line(&mut out, "locations", &ids(&w.location_ids));
            if let Some(limit) = w.daily_limit {
                line(&mut out, "daily_limit", &limit.to_string());
            }
            line(&mut out, "hours", &hours(&w.hours));
        }
    }
    for p in &file.products {
        out.push_str("\n[[product]]\n");
        line(&mut out, "id", &quote(&p.id));
        line(&mut out, "name", &text(&p.name));
        line(&mut out, "queue_service", &quote(&p.queue_service_id));
        let mut locations = p.location_ids.clone();
        locations.sort();
        line(&mut out, "locations", &ids(&locations));
        line(&mut out, "duration_min", &p.duration_min.to_string());
        line(
            &mut out,
            "extra_min_per_person",
            &p.extra_duration_per_person_min.to_string(),
        );
        line(&mut out, "max_persons", &p.max_persons.to_string());
        line(
            &mut out,
            "arrive_before_min",
            &p.arrival_window.before_min.to_string(),
        );
        line(
            &mut out,
            "arrive_after_min",
            &p.arrival_window.after_min.to_string(),
        );
        let fields: Vec<String> = p
            .required_customer_fields
            .iter()
            .map(|f| customer_field_name(*f).to_owned())
            .collect();
        line(&mut out, "customer_fields", &ids(&fields));
        if !p.bring.is_empty() {
            let items: Vec<String> = p.bring.iter().map(text).collect();
            line(&mut out, "bring", &list(&items));
        }
    }
    for c in &file.certificate_types {
        out.push_str("\n[[certificate]]\n");
        line(&mut out, "code", &quote(&c.code));
        line(&mut out, "name", &text(&c.name));
        let delivery = match c.delivery {
            Delivery::Immediate => "immediate",
            Delivery::Deferred => "deferred",
        };
        line(&mut out, "delivery", &quote(delivery));
        line(&mut out, "needs_purpose", &c.needs_purpose.to_string());
    }
    for (date, reason, locations) in closures(file) {
        out.push_str("\n[[closure]]\n");
        line(&mut out, "date", &date.to_string());
        line(&mut out, "locations", &ids(&locations));
        line(&mut out, "reason", &text(&reason));
    }
    out
}

/// Closures grouped back into one entry per day and reason, in date order.
fn closures(file: &CatalogueFile) -> Vec<(jiff::civil::Date, LocalizedText, Vec<String>)> {
    let mut out: Vec<(jiff::civil::Date, LocalizedText, Vec<String>)> = Vec::new();
    for l in &file.locations {
        for c in &l.closures {
            match out
                .iter_mut()
                .find(|(date, reason, _)| *date == c.date && *reason == c.reason)
            {
                Some((_, _, locations)) => locations.push(l.id.clone()),
                None => out.push((c.date, c.reason.clone(), vec![l.id.clone()])),
            }
        }
    }
    out.sort_by_key(|(date, _, _)| *date);
    out
}

fn line(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {value}");
}

fn text(t: &LocalizedText) -> String {
    format!(
        "{{ nl = {}, fr = {}, de = {}, en = {} }}",
        quote(&t.nl),
        quote(&t.fr),
        quote(&t.de),
        quote(&t.en)
    )
}

fn ids(ids: &[String]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| quote(id)).collect();
    format!("[{}]", quoted.join(", "))
}

/// Periods by day and time, as the database keeps them.
fn hours(periods: &[OpeningPeriod]) -> String {
    let mut sorted = periods.to_vec();
    sorted.sort_by_key(|p| (p.weekday.number(), p.opens));
    let items: Vec<String> = sorted
        .iter()
        .map(|p| {
            format!(
                "{{ day = \"{}\", opens = \"{}\", closes = \"{}\" }}",
                weekday_name(p.weekday),
                p.opens.strftime("%H:%M"),
                p.closes.strftime("%H:%M")
            )
        })
        .collect();
    list(&items)
}

/// A list with one item a line, so that a diff shows which item changed.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    let mut out = String::from("[\n");
    for item in items {
        let _ = writeln!(out, "    {item},");
    }
    out.push(']');
    out
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
