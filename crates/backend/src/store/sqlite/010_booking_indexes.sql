-- Every new booking first releases the holds that lapsed (`bookings::release_expired`): without
-- this index that is two scans of every booking ever made, per booking.
CREATE INDEX bookings_held ON bookings(hold_expires_s) WHERE status = 'held';
-- A booking (and a slot search) reads the desks taken between two times (`bookings::taken`): the
-- primary key (location, desk, unit) only narrows that to the location, every claim of every day.
CREATE INDEX slot_claims_time ON slot_claims(location_id, unit);
