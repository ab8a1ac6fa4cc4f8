-- Walk-in numbers (issue 14): a queue service that takes residents without an appointment keeps
-- its rule (locations, hours, daily limit) as the JSON of kiosk_api::WalkIn, as products keep
-- their `bring` list: it is read and written whole, never queried by its parts but the locations.
ALTER TABLE queue_services ADD COLUMN walk_in TEXT;
-- The daily limit counts a location's walk-in tickets of a service and day.
CREATE INDEX tickets_walk_ins ON tickets(location_id, queue_service_id, service_day) WHERE booking_id IS NULL;
