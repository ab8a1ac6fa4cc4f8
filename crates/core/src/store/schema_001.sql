-- The kiosk's local store. Personal data never lives here: arrivals carry digests, not codes or
-- names, and an outbox event loses its payload once the backend has it.

-- The last catalogue served, with its ETag for If-None-Match.
CREATE TABLE catalogue (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    etag TEXT NOT NULL,
    body TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);

-- One row per day whose arrivals are cached: the salt of the digests and the list's ETag.
CREATE TABLE arrival_days (
    day TEXT PRIMARY KEY,
    salt TEXT NOT NULL,
    etag TEXT,
    fetched_at TEXT NOT NULL
);

CREATE TABLE arrivals (
    day TEXT NOT NULL REFERENCES arrival_days(day) ON DELETE CASCADE,
    booking_id TEXT NOT NULL,
    code_digest TEXT NOT NULL,
    product_id TEXT NOT NULL,
    queue_service_id TEXT NOT NULL,
    start TEXT NOT NULL,
    window_start TEXT NOT NULL,
    window_end TEXT NOT NULL,
    PRIMARY KEY (day, booking_id)
);
CREATE INDEX arrivals_digest ON arrivals(day, code_digest);

-- Numbers reserved for this kiosk's offline tickets; `next` is the first one not yet used.
CREATE TABLE ticket_blocks (
    id TEXT PRIMARY KEY,
    queue_service_id TEXT NOT NULL,
    prefix TEXT NOT NULL,
    day TEXT NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    next INTEGER NOT NULL,
    CHECK (first <= last AND next >= first AND next <= last + 1)
);
CREATE INDEX ticket_blocks_day ON ticket_blocks(queue_service_id, day);

-- Tickets numbered while offline: a second check-in of the same booking gets the same ticket.
CREATE TABLE offline_tickets (
    booking_id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    queue_service_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    number TEXT NOT NULL,
    booked_start TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    event_id TEXT NOT NULL,
    UNIQUE (queue_service_id, day, sequence)
);

-- Events for the backend, sent in `seq` order until it has them. Delivered rows are deleted;
-- rejected ones stay for staff with their payload cleared.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    payload TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected')),
    attempts INTEGER NOT NULL DEFAULT 0,
    problem TEXT
);
CREATE INDEX outbox_pending ON outbox(status, seq);
