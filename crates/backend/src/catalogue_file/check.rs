//! The checks across entries: duplicate ids, names that point nowhere, a location without a
//! desk, a day closed twice.

use std::collections::{HashMap, HashSet};

use super::Problem;
use super::read::Draft;

struct Checker<'d> {
    lines: &'d HashMap<String, usize>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, path: &str, key: &str, reason: String) {
        self.problems.push(Problem {
            line: self.lines.get(path).copied(),
            key: key.to_owned(),
            reason,
        });
    }

    /// Reports each id of `ids` that `known` lacks; `what` names the kind.
    fn refs<'a>(
        &mut self,
        path: &str,
        key: &str,
        ids: impl IntoIterator<Item = &'a String>,
        known: &HashSet<&str>,
        what: &str,
    ) {
        for (i, id) in ids.into_iter().enumerate() {
            if !known.contains(id.as_str()) {
                let at = format!("{path}.{i}");
                let at = if self.lines.contains_key(&at) {
                    at
                } else {
                    path.to_owned()
                };
                self.report(
                    &at,
                    key,
                    format!("no {what} has the id \"{id}\" in this file"),
                );
            }
        }
    }

    /// Each id once: the second and later ones are reported.
    fn unique<'a>(&mut self, label: &str, items: impl IntoIterator<Item = (String, &'a str)>) {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (path, id) in items {
            if let Some(first) = seen.get(id) {
                let first_line = self
                    .lines
                    .get(first)
                    .map_or(String::new(), |l| format!(" on line {l}"));
                self.report(
                    &path,
                    label,
                    format!("\"{id}\" is used twice; it was already given{first_line}"),
                );
            } else {
                seen.insert(id, path);
            }
        }
    }
}

pub(super) fn check(draft: &Draft) -> Vec<Problem> {
    let mut c = Checker {
        lines: &draft.lines,
        problems: Vec::new(),
    };
    let ids = |path: &str, key: &str| format!("{path}.{key}");

    for label in [
        "location.id",
        "queue_service.id",
        "product.id",
        "certificate.code",
    ] {
        c.unique(
            label,
            draft
                .ids
                .iter()
                .filter(|(key, _, _)| key == label)
                .map(|(_, path, id)| (path.clone(), id.as_str())),
        );
    }
    c.unique(
        "queue_service.prefix",
        draft
            .queue_services
            .iter()
            .map(|q| (ids(&q.path, "prefix"), q.value.prefix.as_str())),
    );
    let desk_keys: Vec<(String, String)> = draft
        .desks
        .iter()
        .map(|d| {
            (
                ids(&d.path, "name"),
                format!("{} at {}", d.value.name, d.value.location_id),
            )
        })
        .collect();
    c.unique(
        "desk.name",
        desk_keys.iter().map(|(p, k)| (p.clone(), k.as_str())),
    );

    // Ids of entries with problems of their own count too: one mistake, one message.
    let known = |label: &str| -> HashSet<&str> {
        draft
            .ids
            .iter()
            .filter(|(key, _, _)| key == label)
            .map(|(_, _, id)| id.as_str())
            .collect()
    };
    let locations = known("location.id");
    let services = known("queue_service.id");

    for l in &draft.locations {
        if !draft
            .desks
            .iter()
            .any(|d| d.value.location_id == l.value.id)
        {
            c.report(
                &l.path,
                "location",
                format!(
                    "\"{}\" has no desk: add at least one [[desk]] with location = \"{}\"",
                    l.value.id, l.value.id
                ),
            );
        }
    }
    for d in &draft.desks {
        let location = std::iter::once(&d.value.location_id);
        c.refs(
            &ids(&d.path, "location"),
            "desk.location",
            location,
            &locations,
            "location",
        );
        if let Some(served) = &d.value.services {
            c.refs(
                &ids(&d.path, "services"),
                "desk.services",
                served,
                &services,
                "queue service",
            );
        }
    }
    for q in &draft.queue_services {
        if let Some(w) = &q.value.walk_in {
            let path = ids(&q.path, "walk_in");
            c.refs(
                &ids(&path, "locations"),
                "queue_service.walk_in.locations",
                &w.location_ids,
                &locations,
                "location",
            );
        }
    }
    for p in &draft.products {
        let queue = std::iter::once(&p.value.queue_service_id);
        c.refs(
            &ids(&p.path, "queue_service"),
            "product.queue_service",
            queue,
            &services,
            "queue service",
        );
        c.refs(
            &ids(&p.path, "locations"),
            "product.locations",
            &p.value.location_ids,
            &locations,
            "location",
        );
        let mut seen = HashSet::new();
        for id in &p.value.location_ids {
            if !seen.insert(id) {
                c.report(
                    &ids(&p.path, "locations"),
                    "product.locations",
                    format!("\"{id}\" is listed twice"),
                );
            }
        }
    }
    let mut closed: HashMap<(String, jiff::civil::Date), String> = HashMap::new();
    for closure in &draft.closures {
        let path = ids(&closure.path, "locations");
        if closure.locations.is_empty() {
            c.report(
                &path,
                "closure.locations",
                "name at least one location that is closed that day".into(),
            );
        }
        c.refs(
            &path,
            "closure.locations",
            &closure.locations,
            &locations,
            "location",
        );
        for location in &closure.locations {
            let key = (location.clone(), closure.date);
            if let Some(first) = closed.get(&key) {
                let first_line = c
                    .lines
                    .get(first)
                    .map_or(String::new(), |l| format!(" (line {l})"));
                c.report(
                    &ids(&closure.path, "date"),
                    "closure.date",
                    format!(
                        "{location} is already closed on {}{first_line}",
                        closure.date
                    ),
                );
            } else {
                closed.insert(key, closure.path.clone());
            }
        }
    }
    c.problems
}
