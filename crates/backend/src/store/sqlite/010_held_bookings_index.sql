-- Every new booking first releases the holds that lapsed (`bookings::release_expired`): without
-- this index that is two scans of every booking ever made, per booking.
CREATE INDEX bookings_held ON bookings(hold_expires_s) WHERE status = 'held';
