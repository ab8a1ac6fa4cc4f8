-- The other side of the counter: tickets get called, served and closed by desks (issue 11).
-- The queue a ticket waits in now: its own service, or the one it was transferred to. The number
-- keeps the service it was issued for (queue_service_id, part of the number's uniqueness).
ALTER TABLE tickets ADD COLUMN current_service_id TEXT;
UPDATE tickets SET current_service_id = queue_service_id;
ALTER TABLE tickets ADD COLUMN called_s INTEGER;
ALTER TABLE tickets ADD COLUMN started_s INTEGER;
ALTER TABLE tickets ADD COLUMN done_s INTEGER;
ALTER TABLE tickets ADD COLUMN called_by INTEGER;
ALTER TABLE tickets ADD COLUMN calls INTEGER NOT NULL DEFAULT 0;
-- Set by Transfer: the ticket goes to the front of its new queue, in transfer order.
ALTER TABLE tickets ADD COLUMN transferred_s INTEGER;
CREATE INDEX tickets_queue ON tickets(location_id, service_day, status);

-- Every change of a ticket: who, at which desk, what, when. `detail` is a service id for a
-- transfer; never personal data.
CREATE TABLE ticket_events (
    id INTEGER PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES tickets(id),
    location_id TEXT NOT NULL,
    action TEXT NOT NULL,
    desk TEXT,
    staff_id INTEGER,
    at_s INTEGER NOT NULL,
    detail TEXT
);
CREATE INDEX ticket_events_location ON ticket_events(location_id, at_s);

-- Staff of the desk console: argon2id hashes (PHC strings), lock-out state.
CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'admin')),
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until_s INTEGER,
    created_s INTEGER NOT NULL
);
-- Sessions: only the SHA-256 of the cookie's token is stored. The CSRF token is the synchronizer
-- token every form of the session carries. Desk, location and services are what the clerk picked.
CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    csrf TEXT NOT NULL,
    created_s INTEGER NOT NULL,
    last_seen_s INTEGER NOT NULL,
    location_id TEXT,
    desk TEXT,
    services TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_sessions_desk ON staff_sessions(location_id, last_seen_s);
