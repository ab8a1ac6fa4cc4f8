-- Reference data: locations, products, queue services, certificate types.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    name_nl TEXT NOT NULL, name_fr TEXT NOT NULL, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
    street TEXT NOT NULL, postal_code TEXT NOT NULL, municipality TEXT NOT NULL,
    timezone TEXT NOT NULL,
    desks INTEGER NOT NULL CHECK (desks > 0),
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE opening_periods (
    location_id TEXT NOT NULL REFERENCES locations(id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    PRIMARY KEY (location_id, weekday, opens)
);
CREATE TABLE closures (
    location_id TEXT NOT NULL REFERENCES locations(id),
    day TEXT NOT NULL,
    reason_nl TEXT NOT NULL, reason_fr TEXT NOT NULL, reason_de TEXT NOT NULL, reason_en TEXT NOT NULL,
    PRIMARY KEY (location_id, day)
);
CREATE TABLE queue_services (
    id TEXT PRIMARY KEY,
    prefix TEXT NOT NULL UNIQUE,
    name_nl TEXT NOT NULL, name_fr TEXT NOT NULL, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE products (
    id TEXT PRIMARY KEY,
    name_nl TEXT NOT NULL, name_fr TEXT NOT NULL, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
    duration_min INTEGER NOT NULL CHECK (duration_min > 0),
    extra_min INTEGER NOT NULL CHECK (extra_min >= 0),
    max_persons INTEGER NOT NULL CHECK (max_persons > 0),
    required_fields TEXT NOT NULL,
    queue_service_id TEXT NOT NULL REFERENCES queue_services(id),
    window_before_min INTEGER NOT NULL,
    window_after_min INTEGER NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE product_locations (
    product_id TEXT NOT NULL REFERENCES products(id),
    location_id TEXT NOT NULL REFERENCES locations(id),
    PRIMARY KEY (product_id, location_id)
);
CREATE TABLE certificate_types (
    code TEXT PRIMARY KEY,
    name_nl TEXT NOT NULL, name_fr TEXT NOT NULL, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
    delivery TEXT NOT NULL CHECK (delivery IN ('immediate', 'deferred')),
    needs_purpose INTEGER NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
);

-- The synthetic population register.
CREATE TABLE households (
    id INTEGER PRIMARY KEY,
    street TEXT NOT NULL, house_number TEXT NOT NULL, box TEXT,
    postal_code TEXT NOT NULL, municipality TEXT NOT NULL
);
CREATE TABLE residents (
    id INTEGER PRIMARY KEY,
    national_number TEXT NOT NULL UNIQUE,
    surname TEXT NOT NULL, first_names TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    birth_date TEXT NOT NULL, birth_place TEXT NOT NULL,
    nationality TEXT NOT NULL, civil_status TEXT NOT NULL,
    household_id INTEGER NOT NULL REFERENCES households(id),
    is_reference INTEGER NOT NULL,
    registered_since TEXT NOT NULL
);
CREATE INDEX residents_household ON residents(household_id);

-- Bookings. Instants are UTC seconds; the location's zone gives local times.
CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT,
    location_id TEXT NOT NULL REFERENCES locations(id),
    product_id TEXT NOT NULL REFERENCES products(id),
    persons INTEGER NOT NULL,
    start_s INTEGER NOT NULL,
    end_s INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled', 'expired')),
    hold_expires_s INTEGER,
    code TEXT NOT NULL UNIQUE,
    qr_secret TEXT NOT NULL,
    customer_name TEXT NOT NULL, customer_phone TEXT, customer_email TEXT,
    created_s INTEGER NOT NULL
);
CREATE INDEX bookings_location_start ON bookings(location_id, start_s);
-- One row per desk and 5-minute unit a booking occupies: the primary key is what makes a second booking
-- of the same desk and time impossible, whatever the HTTP layer does.
CREATE TABLE slot_claims (
    location_id TEXT NOT NULL,
    desk INTEGER NOT NULL,
    unit INTEGER NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings(id),
    PRIMARY KEY (location_id, desk, unit)
);
CREATE INDEX slot_claims_booking ON slot_claims(booking_id);

-- Kiosks, enrolment codes and admin tokens: hashes only.
CREATE TABLE kiosks (
    id TEXT PRIMARY KEY,
    location_id TEXT NOT NULL REFERENCES locations(id),
    hardware_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_s INTEGER NOT NULL,
    last_seen_s INTEGER,
    last_status TEXT
);
CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    location_id TEXT NOT NULL REFERENCES locations(id),
    created_s INTEGER NOT NULL,
    used_s INTEGER,
    kiosk_id TEXT
);
CREATE TABLE admin_tokens (token_hash TEXT PRIMARY KEY, created_s INTEGER NOT NULL);

-- Queue tickets, numbered per (location, queue service, service day).
CREATE TABLE ticket_counters (
    location_id TEXT NOT NULL,
    queue_service_id TEXT NOT NULL,
    service_day TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (location_id, queue_service_id, service_day)
);
CREATE TABLE ticket_blocks (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL REFERENCES kiosks(id),
    location_id TEXT NOT NULL,
    queue_service_id TEXT NOT NULL,
    service_day TEXT NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    created_s INTEGER NOT NULL
);
CREATE INDEX ticket_blocks_day ON ticket_blocks(location_id, queue_service_id, service_day);
CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    location_id TEXT NOT NULL,
    queue_service_id TEXT NOT NULL,
    service_day TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    booking_id TEXT UNIQUE REFERENCES bookings(id),
    status TEXT NOT NULL,
    desk TEXT,
    issued_s INTEGER NOT NULL,
    kiosk_id TEXT,
    offline INTEGER NOT NULL DEFAULT 0,
    UNIQUE (location_id, queue_service_id, service_day, sequence)
);
CREATE TABLE arrival_salts (
    location_id TEXT NOT NULL,
    day TEXT NOT NULL,
    salt TEXT NOT NULL,
    PRIMARY KEY (location_id, day)
);

-- The kiosks' outboxes: (kiosk, id) deduplicates.
CREATE TABLE events (
    kiosk_id TEXT NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_s INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, id)
);

-- Idempotency keys: status NULL while the first request is still running.
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    body_digest TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    body BLOB,
    created_s INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_created ON idempotency_keys(created_s);
