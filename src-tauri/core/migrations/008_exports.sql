-- Schema 8: the log of export packages written for the county.
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead.

-- Every package written (and read back): when, by whom, where, the period, whether identities
-- were pseudonymised, and the SHA-256 of its manifest (which holds every file's hash).
CREATE TABLE exports (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    path            TEXT NOT NULL,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    pseudonymised   INTEGER NOT NULL CHECK (pseudonymised IN (0, 1)),
    files           INTEGER NOT NULL,
    manifest_sha256 TEXT NOT NULL
) STRICT;
CREATE TRIGGER exports_never_deleted BEFORE DELETE ON exports
BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;
CREATE TRIGGER exports_never_updated BEFORE UPDATE ON exports
BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;
