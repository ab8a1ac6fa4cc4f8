-- One visit, one number: what the kiosk knows of bookings already checked in, so that a second
-- scan gets the same number again, online or offline.

-- The numbers the backend had given a booking when the arrivals were fetched (space-separated,
-- in issue order; empty when not checked in), e.g. at another kiosk.
ALTER TABLE arrivals ADD COLUMN ticket_numbers TEXT NOT NULL DEFAULT '';

-- Check-ins this kiosk made online, with the number it printed. Offline ones are in
-- offline_tickets.
CREATE TABLE online_tickets (
    booking_id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    queue_service_id TEXT NOT NULL,
    number TEXT NOT NULL,
    booked_start TEXT,
    issued_at TEXT NOT NULL
);
CREATE INDEX online_tickets_day ON online_tickets(day);
