-- Schema 10: incremental exports. Each export remembers the folder it was written to and its
-- scope; for each folder, the digest of every record as last written there, so the next export
-- to that folder can carry only the records that changed.
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead.

ALTER TABLE exports ADD COLUMN destination TEXT NOT NULL DEFAULT '';
ALTER TABLE exports ADD COLUMN scope TEXT NOT NULL DEFAULT 'full' CHECK (scope IN ('full', 'changes'));
ALTER TABLE exports ADD COLUMN since TEXT;

-- Earlier exports: the destination is the folder holding the package (path up to its last
-- separator). The log is append-only; this one backfill lifts the guard and puts it back.
DROP TRIGGER exports_never_updated;
UPDATE exports SET destination = rtrim(rtrim(path, replace(replace(path, '/', ''), '\', '')), '/\');
CREATE TRIGGER exports_never_updated BEFORE UPDATE ON exports
BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;

-- The baseline of a destination: record digests as of the last export written there.
CREATE TABLE export_baselines (
    destination TEXT NOT NULL,
    book        TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    PRIMARY KEY (destination, book, record_id)
) STRICT, WITHOUT ROWID;
