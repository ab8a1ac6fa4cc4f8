-- The fleet view for IT (issue 16): since when a kiosk's printer has been out of paper (a
-- heartbeat says only "now"), and the alerts raised about kiosks. An alert is kept once raised
-- so that a restart neither forgets nor re-sends it; `resolved_s` is set when it ends.
ALTER TABLE kiosks ADD COLUMN paper_out_since_s INTEGER;

CREATE TABLE fleet_alerts (
    id INTEGER PRIMARY KEY,
    kiosk_id TEXT NOT NULL REFERENCES kiosks(id),
    kind TEXT NOT NULL CHECK (kind IN ('silent', 'paper_out', 'sync_failing')),
    since_s INTEGER NOT NULL,
    raised_s INTEGER NOT NULL,
    resolved_s INTEGER
);
-- At most one open alert of a kind per kiosk.
CREATE UNIQUE INDEX fleet_alerts_open ON fleet_alerts(kiosk_id, kind) WHERE resolved_s IS NULL;
CREATE INDEX fleet_alerts_resolved ON fleet_alerts(resolved_s);
