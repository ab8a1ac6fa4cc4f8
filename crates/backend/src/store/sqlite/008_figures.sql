-- The municipality's figures (issue 14): how each booking was made, how each certificate was
-- requested, and what the kiosks' heartbeats said over time.

-- How a booking was made. Before this, a booking with a kiosk was made at a kiosk and one
-- without by a clerk (phone bookings, the demo seed): the backfill says so.
ALTER TABLE bookings ADD COLUMN channel TEXT NOT NULL DEFAULT 'desk'
    CHECK (channel IN ('kiosk', 'desk', 'web'));
UPDATE bookings SET channel = CASE WHEN kiosk_id IS NOT NULL THEN 'kiosk' ELSE 'desk' END;
CREATE INDEX bookings_start ON bookings(start_s);

-- A certificate may now be requested without a kiosk (web, desk): the kiosk becomes optional,
-- and the channel and location are kept (a kiosk's location at the time; the desk's; none for
-- the web). SQLite cannot drop a NOT NULL, so the table is rebuilt; every row so far came from
-- a kiosk.
CREATE TABLE certificate_issuances_new (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT,
    certificate_type TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ready', 'pending', 'rejected')),
    resident_id INTEGER,
    document_number TEXT UNIQUE,
    code_hash TEXT UNIQUE,
    initials TEXT,
    language TEXT NOT NULL,
    issued_s INTEGER NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'desk', 'web')),
    location_id TEXT
);
INSERT INTO certificate_issuances_new
SELECT i.id, i.kiosk_id, i.certificate_type, i.status, i.resident_id, i.document_number,
       i.code_hash, i.initials, i.language, i.issued_s, 'kiosk',
       (SELECT k.location_id FROM kiosks k WHERE k.id = i.kiosk_id)
FROM certificate_issuances i;
DROP TABLE certificate_issuances;
ALTER TABLE certificate_issuances_new RENAME TO certificate_issuances;
CREATE INDEX certificate_issuances_issued ON certificate_issuances(issued_s);

-- Heartbeats, compacted: one row per kiosk and 5-minute step (UTC seconds / 300) in which it
-- sent at least one, and whether any of them said the printer was out of paper. A kiosk that
-- beats every 5 seconds writes at most 288 rows a day; the retention purge trims old ones.
CREATE TABLE kiosk_heartbeats (
    kiosk_id TEXT NOT NULL,
    step INTEGER NOT NULL,
    paper_out INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kiosk_id, step)
) WITHOUT ROWID;

-- The figures read tickets by day over every location, and a ticket's first call.
CREATE INDEX tickets_day ON tickets(service_day);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, action, at_s);
