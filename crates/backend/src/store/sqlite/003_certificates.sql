-- Trust anchors for eID certificates: a setting, not code. `seed --demo` writes the synthetic demo CA
-- (label 'demo'); production adds the Belgian roots.
CREATE TABLE trust_anchors (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    der BLOB NOT NULL UNIQUE,
    added_s INTEGER NOT NULL
);
-- Challenges the card must sign: single use, short lived.
CREATE TABLE eid_challenges (
    challenge BLOB PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    expires_s INTEGER NOT NULL,
    used_s INTEGER,
    created_s INTEGER NOT NULL
);
-- Issued certificates, for audit and verification: the register row, never a copy of its data; the
-- verification code only as a SHA-256 hash; initials for the public check.
CREATE TABLE certificate_issuances (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    certificate_type TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ready', 'pending', 'rejected')),
    resident_id INTEGER,
    document_number TEXT UNIQUE,
    code_hash TEXT UNIQUE,
    initials TEXT,
    language TEXT NOT NULL,
    issued_s INTEGER NOT NULL
);
