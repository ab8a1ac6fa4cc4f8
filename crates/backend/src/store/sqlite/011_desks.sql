-- The desks of each location, as the catalogue file names them (issue 16). A location's `desks`
-- count (parallel appointments) stays, kept equal to its number of desks by the import.
-- `services`: a JSON array of queue service ids; NULL: every service of the location.
CREATE TABLE desks (
    location_id TEXT NOT NULL REFERENCES locations(id),
    name TEXT NOT NULL,
    services TEXT,
    sort INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (location_id, name)
);
-- Databases from before: one desk per counted desk, named as the desk console suggests.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO desks (location_id, name, sort)
SELECT l.id, 'Loket ' || n.i, n.i FROM locations l JOIN n ON n.i <= l.desks;
