-- One visit, one number that gets called (issue 19): two kiosks, both offline, may each give the
-- same booking a number. The first the backend records is the booking's ticket; every other is
-- kept here as another name of that ticket, so the desk lists it once with both numbers, the
-- display calls both, and none is left waiting.
CREATE TABLE ticket_aliases (
    ticket_id TEXT NOT NULL REFERENCES tickets(id),
    location_id TEXT NOT NULL,
    queue_service_id TEXT NOT NULL,
    service_day TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    kiosk_id TEXT,
    issued_s INTEGER NOT NULL,
    UNIQUE (location_id, queue_service_id, service_day, sequence)
);
CREATE INDEX ticket_aliases_ticket ON ticket_aliases(ticket_id);
