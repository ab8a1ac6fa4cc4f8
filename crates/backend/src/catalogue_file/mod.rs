//! The municipality's catalogue as a TOML file that staff edit without SQL: locations and their
//! hours, desks, closures, queue services (with walk-in hours), products, certificate types.
//!
//! `read` turns the text into a [`CatalogueFile`], collecting every problem with its line;
//! `check` adds the checks across entries (duplicates, references, overlapping hours); `write`
//! gives the text back, so that export -> import -> export gives the same file. The store applies
//! a checked file in one transaction (`store/sqlite/catalogue_file.rs`).

mod apply;
mod check;
mod conflict;
mod read;
mod write;

use std::collections::HashMap;
use std::fmt;

use kiosk_api::{CertificateType, Closure, Location, Product, QueueService};

pub use apply::{ImportError, Imported, export, import};
pub use conflict::Conflict;
pub use write::render;

/// Everything the file holds. Locations carry all their closures (past ones too) and their
/// `desks` count is the number of [`Desk`]s at the location.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogueFile {
    pub locations: Vec<Location>,
    pub desks: Vec<Desk>,
    pub queue_services: Vec<QueueService>,
    pub products: Vec<Product>,
    pub certificate_types: Vec<CertificateType>,
}

/// A desk of a location: its name, and the queue services it serves (`None`: all of them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desk {
    pub location_id: String,
    pub name: String,
    pub services: Option<Vec<String>>,
}

/// One thing wrong in the file, said so that the person who edits it can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line; `None` for a problem that no line of the file shows (something removed).
    pub line: Option<usize>,
    /// Where in the file, e.g. `product[3].duration_min`; empty for the whole file.
    pub key: String,
    pub reason: String,
}

impl Problem {
    /// `FILE:LINE: key: reason`, the shape editors and CI logs link to.
    pub fn in_file(&self, file: &str) -> String {
        let mut out = file.to_owned();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        if !self.key.is_empty() {
            out.push_str(&format!(": {}", self.key));
        }
        out.push_str(&format!(": {}", self.reason));
        out
    }
}

impl fmt::Display for Problem {
    /// `line 12: product[3].duration_min: reason`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if !self.key.is_empty() {
            write!(f, "{}: ", self.key)?;
        }
        write!(f, "{}", self.reason)
    }
}

/// A parsed and checked file, with the lines of its entries (to place problems that only the
/// database can find, such as a product withdrawn from a location that still has bookings).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub file: CatalogueFile,
    lines: HashMap<(Kind, String), usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Location,
    Product,
    QueueService,
}

impl Parsed {
    /// The line where the entry `id` of `kind` starts.
    pub fn line_of(&self, kind: Kind, id: &str) -> Option<usize> {
        self.lines.get(&(kind, id.to_owned())).copied()
    }
}

/// Reads and checks a catalogue file: the catalogue, or every problem found, in line order.
pub fn parse(source: &str) -> Result<Parsed, Vec<Problem>> {
    let (draft, mut problems) = read::read(source);
    if problems
        .iter()
        .all(|p| !p.reason.starts_with("not valid TOML"))
    {
        problems.extend(check::check(&draft));
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line.unwrap_or(0));
        return Err(problems);
    }
    let mut lines = HashMap::new();
    let mut line = |kind: Kind, id: &str, path: &str| {
        if let Some(l) = draft.lines.get(path) {
            lines.insert((kind, id.to_owned()), *l);
        }
    };
    for l in &draft.locations {
        line(Kind::Location, &l.value.id, &l.path);
    }
    for p in &draft.products {
        line(Kind::Product, &p.value.id, &p.path);
    }
    for q in &draft.queue_services {
        line(Kind::QueueService, &q.value.id, &q.path);
    }
    let mut file = CatalogueFile {
        locations: draft.locations.into_iter().map(|a| a.value).collect(),
        desks: draft.desks.into_iter().map(|a| a.value).collect(),
        queue_services: draft.queue_services.into_iter().map(|a| a.value).collect(),
        products: draft.products.into_iter().map(|a| a.value).collect(),
        certificate_types: draft
            .certificate_types
            .into_iter()
            .map(|a| a.value)
            .collect(),
    };
    for location in &mut file.locations {
        location.desks = file
            .desks
            .iter()
            .filter(|d| d.location_id == location.id)
            .count()
            .try_into()
            .unwrap_or(u32::MAX);
        location.closures = draft
            .closures
            .iter()
            .filter(|c| c.locations.contains(&location.id))
            .map(|c| Closure {
                date: c.date,
                reason: c.reason.clone(),
            })
            .collect();
        location.closures.sort_by_key(|c| c.date);
    }
    Ok(Parsed { file, lines })
}

/// The demo municipality (Heidebeek), loaded by `seed --demo` through the same import.
pub const DEMO: &str = include_str!("../../seed/demo-catalogue.toml");
