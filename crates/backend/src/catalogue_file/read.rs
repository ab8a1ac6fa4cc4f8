//! From TOML text to a draft catalogue, walking the spanned tree by hand so that every problem
//! (a syntax error, an unknown key, a wrong type, a value out of range) is found in one pass and
//! reported with its line; serde would stop at the first.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use jiff::civil::{Date, Time};
use kiosk_api::{
    Address, ArrivalWindow, CertificateType, CustomerField, Delivery, LocalizedText, Location,
    OpeningPeriod, Product, QueueService, WalkIn, Weekday,
};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Desk, Problem};

type Value<'s> = Spanned<DeValue<'s>>;

/// Longest appointment a product may take: a whole working day is absurd for one desk visit.
pub(super) const DURATION_MIN: RangeInclusive<i64> = 1..=480;
const EXTRA_MIN: RangeInclusive<i64> = 0..=240;
const PERSONS: RangeInclusive<i64> = 1..=20;
const WINDOW_MIN: RangeInclusive<i64> = 0..=240;
const DAILY_LIMIT: RangeInclusive<i64> = 1..=10_000;
const ID_LEN: usize = 64;

/// A closure as written: one date, the locations it closes, why.
pub(super) struct ClosureEntry {
    pub date: Date,
    pub locations: Vec<String>,
    pub reason: LocalizedText,
    /// Its path in [`Draft::lines`].
    pub path: String,
}

/// An entry read, with its path in [`Draft::lines`] (`product.3`).
pub(super) struct At<T> {
    pub path: String,
    pub value: T,
}

/// What [`read`] found, entry by entry, and the line of every path read
/// (`product.3.queue_service`, `location.0.hours.2`).
#[derive(Default)]
pub(super) struct Draft {
    pub locations: Vec<At<Location>>,
    pub desks: Vec<At<Desk>>,
    pub queue_services: Vec<At<QueueService>>,
    pub products: Vec<At<Product>>,
    pub certificate_types: Vec<At<CertificateType>>,
    pub closures: Vec<ClosureEntry>,
    pub lines: HashMap<String, usize>,
    /// Every id written: its key (`product.id`), path and value.
    pub ids: Vec<(String, String, String)>,
}

pub(super) fn read(source: &str) -> (Draft, Vec<Problem>) {
    let mut reader = Reader {
        newlines: source
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i)
            .collect(),
        problems: Vec::new(),
        lines: HashMap::new(),
        ids_seen: Vec::new(),
    };
    let mut draft = Draft::default();
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        // A file that is not TOML: its own errors only, since what follows them is guesswork.
        for error in errors {
            let offset = error.span().map(|s| s.start).unwrap_or(0);
            reader.report(
                offset,
                "",
                format!("not valid TOML: {}", error.message().trim()),
            );
        }
        return (draft, reader.problems);
    }
    let root = Entry {
        table: root.get_ref(),
        label: String::new(),
        path: String::new(),
        start: 0,
    };
    reader.known(
        &root,
        &[
            "location",
            "desk",
            "closure",
            "queue_service",
            "product",
            "certificate",
        ],
    );
    draft.locations = reader.all(&root, "location", Reader::location);
    draft.desks = reader.all(&root, "desk", Reader::desk);
    draft.queue_services = reader.all(&root, "queue_service", Reader::queue_service);
    draft.products = reader.all(&root, "product", Reader::product);
    draft.certificate_types = reader.all(&root, "certificate", Reader::certificate);
    for e in reader.entries(&root, "closure") {
        if let Some(c) = reader.closure(&e) {
            draft.closures.push(c);
        }
    }
    draft.lines = reader.lines;
    draft.ids = reader.ids_seen;
    (draft, reader.problems)
}

/// A table being read: its label for messages (`product`), its path for [`Draft::lines`].
struct Entry<'t, 's> {
    table: &'t DeTable<'s>,
    label: String,
    path: String,
    start: usize,
}

impl Entry<'_, '_> {
    fn key(&self, key: &str) -> String {
        if self.label.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.label)
        }
    }

    fn path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

struct Reader {
    /// Every id written (`product.id`, its path, the id), also of entries with other problems,
    /// so that a duplicate is found in the same pass.
    ids_seen: Vec<(String, String, String)>,
    newlines: Vec<usize>,
    problems: Vec<Problem>,
    lines: HashMap<String, usize>,
}

impl Reader {
    fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }

    fn report(&mut self, offset: usize, key: &str, reason: impl Into<String>) {
        self.problems.push(Problem {
            line: Some(self.line(offset)),
            key: key.to_owned(),
            reason: reason.into(),
        });
    }

    fn known(&mut self, e: &Entry<'_, '_>, keys: &[&str]) {
        for (key, _) in e.table.iter() {
            let name = key.get_ref().as_ref();
            if !keys.contains(&name) {
                self.report(
                    key.span().start,
                    &e.key(name),
                    format!("unknown key; expected one of: {}", keys.join(", ")),
                );
            }
        }
    }

    /// The value of `key`, its line noted; a missing required key is reported.
    fn value<'t, 's>(
        &mut self,
        e: &Entry<'t, 's>,
        key: &str,
        required: bool,
    ) -> Option<&'t Value<'s>> {
        let found = e
            .table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v);
        match found {
            Some(v) => {
                let line = self.line(v.span().start);
                self.lines.insert(e.path(key), line);
                Some(v)
            }
            None => {
                if required {
                    self.report(e.start, &e.key(key), "missing; this key is required");
                }
                None
            }
        }
    }

    fn wrong_type(&mut self, v: &Value<'_>, key: &str, wanted: &str) {
        let found = v.get_ref().type_str();
        self.report(
            v.span().start,
            key,
            format!("must be {wanted}, not {}", article(found)),
        );
    }

    /// Each table of the array of tables `key` (`[[product]]`).
    fn entries<'t, 's>(&mut self, e: &Entry<'t, 's>, key: &str) -> Vec<Entry<'t, 's>> {
        let Some(v) = self.value(e, key, false) else {
            return Vec::new();
        };
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(v, key, &format!("a list of tables ([[{key}]])"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}.{i}");
            if let Some(entry) = self.table(item, key, path) {
                out.push(entry);
            }
        }
        out
    }

    /// Every entry of the list of tables `key` that `read` makes sense of, with its path.
    fn all<T>(
        &mut self,
        root: &Entry<'_, '_>,
        key: &str,
        read: fn(&mut Reader, &Entry<'_, '_>) -> Option<T>,
    ) -> Vec<At<T>> {
        let mut out = Vec::new();
        for e in self.entries(root, key) {
            if let Some(value) = read(self, &e) {
                out.push(At {
                    path: e.path.clone(),
                    value,
                });
            }
        }
        out
    }

    fn table<'t, 's>(
        &mut self,
        v: &'t Value<'s>,
        label: &str,
        path: String,
    ) -> Option<Entry<'t, 's>> {
        match v.get_ref().as_table() {
            Some(table) => {
                let line = self.line(v.span().start);
                self.lines.insert(path.clone(), line);
                Some(Entry {
                    table,
                    label: label.to_owned(),
                    path,
                    start: v.span().start,
                })
            }
            None => {
                self.wrong_type(v, label, "a table");
                None
            }
        }
    }

    fn string(&mut self, e: &Entry<'_, '_>, key: &str, required: bool) -> Option<String> {
        let v = self.value(e, key, required)?;
        match v.get_ref().as_str() {
            Some(s) if s.trim().is_empty() => {
                self.report(v.span().start, &e.key(key), "must not be empty");
                None
            }
            Some(s) => Some(s.to_owned()),
            None => {
                self.wrong_type(v, &e.key(key), "a text in quotes");
                None
            }
        }
    }

    /// An identifier: lowercase letters, digits and hyphens, as in `town-hall`.
    fn id(&mut self, e: &Entry<'_, '_>, key: &str) -> Option<String> {
        let id = self.string(e, key, true)?;
        self.ids_seen.push((e.key(key), e.path(key), id.clone()));
        if is_id(&id) {
            Some(id)
        } else {
            let offset = self.value(e, key, true).map_or(e.start, |v| v.span().start);
            self.report(
                offset,
                &e.key(key),
                format!(
                    "\"{id}\" is not a valid id: use 1 to {ID_LEN} lowercase letters, digits and hyphens, e.g. \"town-hall\""
                ),
            );
            None
        }
    }

    fn int(
        &mut self,
        e: &Entry<'_, '_>,
        key: &str,
        range: RangeInclusive<i64>,
        unit: &str,
    ) -> Option<u32> {
        let v = self.value(e, key, true)?;
        let Some(n) = v.get_ref().as_integer() else {
            self.wrong_type(v, &e.key(key), "a whole number");
            return None;
        };
        let parsed = i64::from_str_radix(n.as_str(), n.radix()).ok();
        match parsed {
            Some(n) if range.contains(&n) => u32::try_from(n).ok(),
            _ => {
                self.report(
                    v.span().start,
                    &e.key(key),
                    format!(
                        "must be from {} to {} {unit}; {} is not",
                        range.start(),
                        range.end(),
                        n
                    ),
                );
                None
            }
        }
    }

    fn bool(&mut self, e: &Entry<'_, '_>, key: &str) -> Option<bool> {
        let v = self.value(e, key, true)?;
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.wrong_type(v, &e.key(key), "true or false");
        }
        b
    }

    fn ids(&mut self, e: &Entry<'_, '_>, key: &str, required: bool) -> Option<Vec<String>> {
        let v = self.value(e, key, required)?;
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(v, &e.key(key), "a list of ids in [ ]");
            return None;
        };
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let line = self.line(item.span().start);
            self.lines.insert(format!("{}.{i}", e.path(key)), line);
            match item.get_ref().as_str() {
                Some(s) => out.push(s.to_owned()),
                None => {
                    self.wrong_type(item, &e.key(key), "an id in quotes");
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// Four languages, all required: `{ nl = "...", fr = "...", de = "...", en = "..." }`.
    fn text(&mut self, v: &Value<'_>, key: &str, path: String) -> Option<LocalizedText> {
        let e = self.table(v, key, path)?;
        self.known(&e, &["nl", "fr", "de", "en"]);
        let nl = self.string(&e, "nl", true);
        let fr = self.string(&e, "fr", true);
        let de = self.string(&e, "de", true);
        let en = self.string(&e, "en", true);
        Some(LocalizedText {
            nl: nl?,
            fr: fr?,
            de: de?,
            en: en?,
        })
    }

    fn text_key(&mut self, e: &Entry<'_, '_>, key: &str) -> Option<LocalizedText> {
        let v = self.value(e, key, true)?;
        self.text(v, &e.key(key), e.path(key))
    }

    /// `[{ day = "monday", opens = "08:30", closes = "12:00" }, ...]`.
    fn hours(&mut self, e: &Entry<'_, '_>, key: &str) -> Option<Vec<OpeningPeriod>> {
        let v = self.value(e, key, true)?;
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(v, &e.key(key), "a list of { day, opens, closes }");
            return None;
        };
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let Some(p) = self.table(item, &e.key(key), format!("{}.{i}", e.path(key))) else {
                ok = false;
                continue;
            };
            self.known(&p, &["day", "opens", "closes"]);
            let day = self.weekday(&p);
            let opens = self.time(&p, "opens");
            let closes = self.time(&p, "closes");
            match (day, opens, closes) {
                (Some(weekday), Some(opens), Some(closes)) if opens < closes => {
                    out.push(OpeningPeriod {
                        weekday,
                        opens,
                        closes,
                    })
                }
                (Some(_), Some(opens), Some(closes)) => {
                    self.report(
                        p.start,
                        &e.key(key),
                        format!(
                            "closes at {} but opens at {}: the closing time must come after the opening time",
                            closes.strftime("%H:%M"),
                            opens.strftime("%H:%M")
                        ),
                    );
                    ok = false;
                }
                _ => ok = false,
            }
        }
        self.overlaps(&e.path(key), &e.key(key), &out);
        ok.then_some(out)
    }

    /// Periods of the same day must not overlap: the later one is reported.
    fn overlaps(&mut self, path: &str, key: &str, periods: &[OpeningPeriod]) {
        let mut sorted = periods.to_vec();
        sorted.sort_by_key(|p| (p.weekday.number(), p.opens));
        for pair in sorted.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.weekday == b.weekday && b.opens < a.closes {
                let index = periods.iter().position(|p| p == b).unwrap_or(0);
                let line = self.lines.get(&format!("{path}.{index}")).copied();
                self.problems.push(Problem {
                    line,
                    key: key.to_owned(),
                    reason: format!(
                        "{} {}-{} overlaps {}-{} on the same day; merge them or make one follow the other",
                        weekday_name(b.weekday),
                        b.opens.strftime("%H:%M"),
                        b.closes.strftime("%H:%M"),
                        a.opens.strftime("%H:%M"),
                        a.closes.strftime("%H:%M")
                    ),
                });
            }
        }
    }

    fn weekday(&mut self, e: &Entry<'_, '_>) -> Option<Weekday> {
        let day = self.string(e, "day", true)?;
        let parsed = [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ]
        .into_iter()
        .find(|d| weekday_name(*d) == day);
        if parsed.is_none() {
            let offset = self
                .value(e, "day", true)
                .map_or(e.start, |v| v.span().start);
            self.report(
                offset,
                &e.key("day"),
                format!("\"{day}\" is not a day; write monday, tuesday, ... sunday"),
            );
        }
        parsed
    }

    /// `"08:30"` (a TOML local time `08:30:00` is accepted too).
    fn time(&mut self, e: &Entry<'_, '_>, key: &str) -> Option<Time> {
        let v = self.value(e, key, true)?;
        let parsed = match v.get_ref() {
            DeValue::String(s) => parse_hh_mm(s),
            DeValue::Datetime(d) if d.date.is_none() && d.offset.is_none() => {
                d.time.and_then(|t| {
                    Time::new(
                        i8::try_from(t.hour).ok()?,
                        i8::try_from(t.minute).ok()?,
                        0,
                        0,
                    )
                    .ok()
                })
            }
            _ => None,
        };
        if parsed.is_none() {
            self.report(
                v.span().start,
                &e.key(key),
                "must be a time of day as \"HH:MM\", e.g. \"08:30\"",
            );
        }
        parsed
    }

    /// `2026-12-25` (a TOML date) or `"2026-12-25"`.
    fn date(&mut self, e: &Entry<'_, '_>, key: &str) -> Option<Date> {
        let v = self.value(e, key, true)?;
        let parsed = match v.get_ref() {
            DeValue::String(s) => s.parse::<Date>().ok(),
            DeValue::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
                d.date.and_then(|d| {
                    Date::new(
                        i16::try_from(d.year).ok()?,
                        i8::try_from(d.month).ok()?,
                        i8::try_from(d.day).ok()?,
                    )
                    .ok()
                })
            }
            _ => None,
        };
        if parsed.is_none() {
            self.report(
                v.span().start,
                &e.key(key),
                "must be a calendar date as YYYY-MM-DD, e.g. 2026-12-25",
            );
        }
        parsed
    }

    fn location(&mut self, e: &Entry<'_, '_>) -> Option<Location> {
        self.known(
            e,
            &[
                "id",
                "name",
                "street",
                "postal_code",
                "municipality",
                "timezone",
                "hours",
            ],
        );
        let id = self.id(e, "id");
        let name = self.text_key(e, "name");
        let street = self.string(e, "street", true);
        let postal_code = self.string(e, "postal_code", true);
        let municipality = self.string(e, "municipality", true);
        let timezone = self.string(e, "timezone", true);
        if let Some(tz) = &timezone
            && jiff::tz::TimeZone::get(tz).is_err()
        {
            let offset = self
                .value(e, "timezone", true)
                .map_or(e.start, |v| v.span().start);
            self.report(
                offset,
                &e.key("timezone"),
                format!("\"{tz}\" is not a known time zone; write e.g. \"Europe/Brussels\""),
            );
        }
        let hours = self.hours(e, "hours");
        let timezone = timezone.filter(|tz| jiff::tz::TimeZone::get(tz).is_ok());
        Some(Location {
            id: id?,
            name: name?,
            address: Address {
                street: street?,
                postal_code: postal_code?,
                municipality: municipality?,
            },
            timezone: timezone?,
            desks: 0,
            opening_hours: hours?,
            closures: Vec::new(),
        })
    }

    fn desk(&mut self, e: &Entry<'_, '_>) -> Option<Desk> {
        self.known(e, &["location", "name", "services"]);
        let location_id = self.string(e, "location", true);
        let name = self.string(e, "name", true);
        if let Some(n) = &name
            && n.chars().count() > 40
        {
            let offset = self
                .value(e, "name", true)
                .map_or(e.start, |v| v.span().start);
            self.report(offset, &e.key("name"), "must be at most 40 characters");
            return None;
        }
        let services = self.ids(e, "services", false);
        let written = self.value(e, "services", false).is_some();
        if written && services.is_none() {
            return None;
        }
        Some(Desk {
            location_id: location_id?,
            name: name?,
            services,
        })
    }

    fn queue_service(&mut self, e: &Entry<'_, '_>) -> Option<QueueService> {
        self.known(e, &["id", "prefix", "name", "walk_in"]);
        let id = self.id(e, "id");
        let prefix = self.string(e, "prefix", true);
        if let Some(p) = &prefix
            && !(p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
        {
            let offset = self
                .value(e, "prefix", true)
                .map_or(e.start, |v| v.span().start);
            self.report(
                offset,
                &e.key("prefix"),
                format!("\"{p}\" is not one capital letter A to Z"),
            );
            return None;
        }
        let name = self.text_key(e, "name");
        let walk_in = match self.value(e, "walk_in", false) {
            None => Some(None),
            Some(v) => self
                .table(v, &e.key("walk_in"), e.path("walk_in"))
                .and_then(|w| self.walk_in(&w))
                .map(Some),
        };
        Some(QueueService {
            id: id?,
            prefix: prefix?,
            name: name?,
            walk_in: walk_in?,
        })
    }

    fn walk_in(&mut self, e: &Entry<'_, '_>) -> Option<WalkIn> {
        self.known(e, &["locations", "hours", "daily_limit"]);
        let locations = self.ids(e, "locations", true);
        let hours = self.hours(e, "hours");
        let daily_limit = match self.value(e, "daily_limit", false) {
            None => Some(None),
            Some(_) => self
                .int(e, "daily_limit", DAILY_LIMIT, "numbers a day")
                .map(Some),
        };
        Some(WalkIn {
            location_ids: locations?,
            hours: hours?,
            daily_limit: daily_limit?,
        })
    }

    fn product(&mut self, e: &Entry<'_, '_>) -> Option<Product> {
        self.known(
            e,
            &[
                "id",
                "name",
                "queue_service",
                "locations",
                "duration_min",
                "extra_min_per_person",
                "max_persons",
                "arrive_before_min",
                "arrive_after_min",
                "customer_fields",
                "bring",
            ],
        );
        let id = self.id(e, "id");
        let name = self.text_key(e, "name");
        let queue = self.string(e, "queue_service", true);
        let locations = self.ids(e, "locations", true);
        let duration = self.int(e, "duration_min", DURATION_MIN, "minutes");
        let extra = self.int(e, "extra_min_per_person", EXTRA_MIN, "minutes");
        let persons = self.int(e, "max_persons", PERSONS, "persons");
        let before = self.int(e, "arrive_before_min", WINDOW_MIN, "minutes");
        let after = self.int(e, "arrive_after_min", WINDOW_MIN, "minutes");
        let fields = self.customer_fields(e);
        let bring = self.bring(e);
        Some(Product {
            id: id?,
            name: name?,
            duration_min: duration?,
            extra_duration_per_person_min: extra?,
            max_persons: persons?,
            required_customer_fields: fields?,
            queue_service_id: queue?,
            arrival_window: ArrivalWindow {
                before_min: before?,
                after_min: after?,
            },
            location_ids: locations?,
            bring: bring?,
        })
    }

    fn customer_fields(&mut self, e: &Entry<'_, '_>) -> Option<Vec<CustomerField>> {
        let names = self.ids(e, "customer_fields", true)?;
        let mut out = Vec::new();
        for name in names {
            match customer_field(&name) {
                Some(f) => out.push(f),
                None => {
                    let offset = self
                        .value(e, "customer_fields", true)
                        .map_or(e.start, |v| v.span().start);
                    self.report(
                        offset,
                        &e.key("customer_fields"),
                        format!(
                            "\"{name}\" is not a field; use name, phone, email or phone_or_email"
                        ),
                    );
                    return None;
                }
            }
        }
        Some(out)
    }

    fn bring(&mut self, e: &Entry<'_, '_>) -> Option<Vec<LocalizedText>> {
        let Some(v) = self.value(e, "bring", false) else {
            return Some(Vec::new());
        };
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(v, &e.key("bring"), "a list of texts { nl, fr, de, en }");
            return None;
        };
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.text(item, &e.key("bring"), format!("{}.{i}", e.path("bring"))) {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn certificate(&mut self, e: &Entry<'_, '_>) -> Option<CertificateType> {
        self.known(e, &["code", "name", "delivery", "needs_purpose"]);
        let code = self.id(e, "code");
        let name = self.text_key(e, "name");
        let delivery = self.string(e, "delivery", true);
        let delivery = match delivery.as_deref() {
            Some("immediate") => Some(Delivery::Immediate),
            Some("deferred") => Some(Delivery::Deferred),
            Some(other) => {
                let offset = self
                    .value(e, "delivery", true)
                    .map_or(e.start, |v| v.span().start);
                self.report(
                    offset,
                    &e.key("delivery"),
                    format!("\"{other}\" is not a delivery; use \"immediate\" or \"deferred\""),
                );
                None
            }
            None => None,
        };
        let needs_purpose = self.bool(e, "needs_purpose");
        Some(CertificateType {
            code: code?,
            name: name?,
            delivery: delivery?,
            needs_purpose: needs_purpose?,
        })
    }

    fn closure(&mut self, e: &Entry<'_, '_>) -> Option<ClosureEntry> {
        self.known(e, &["date", "locations", "reason"]);
        let date = self.date(e, "date");
        let locations = self.ids(e, "locations", true);
        let reason = self.text_key(e, "reason");
        Some(ClosureEntry {
            date: date?,
            locations: locations?,
            reason: reason?,
            path: e.path.clone(),
        })
    }
}

fn article(type_name: &str) -> String {
    match type_name {
        "integer" => "a whole number".into(),
        "array" => "a list".into(),
        "boolean" => "true or false".into(),
        other => format!("a {other}"),
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn parse_hh_mm(text: &str) -> Option<Time> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
}

pub(super) fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

fn customer_field(name: &str) -> Option<CustomerField> {
    Some(match name {
        "name" => CustomerField::Name,
        "phone" => CustomerField::Phone,
        "email" => CustomerField::Email,
        "phone_or_email" => CustomerField::PhoneOrEmail,
        _ => return None,
    })
}

pub(super) fn customer_field_name(field: CustomerField) -> &'static str {
    match field {
        CustomerField::Name => "name",
        CustomerField::Phone => "phone",
        CustomerField::Email => "email",
        CustomerField::PhoneOrEmail => "phone_or_email",
    }
}
