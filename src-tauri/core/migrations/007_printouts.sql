-- Schema 7: the printout log, and 'print' as a history action.
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead.

-- Every PDF saved or sent to the printer: what, by whom, the options (identities shown and why),
-- and the SHA-256 of the bytes, so an archived copy can be matched to its printout.
CREATE TABLE printouts (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    what          TEXT NOT NULL,
    target        TEXT NOT NULL,
    reveal_reason TEXT,
    archival      INTEGER NOT NULL CHECK (archival IN (0, 1)),
    pages         INTEGER NOT NULL CHECK (pages >= 0),
    sha256        TEXT NOT NULL,
    path          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TRIGGER printouts_never_deleted BEFORE DELETE ON printouts
BEGIN SELECT RAISE(ABORT, 'the printout log is append-only'); END;
CREATE TRIGGER printouts_never_updated BEFORE UPDATE ON printouts
BEGIN SELECT RAISE(ABORT, 'the printout log is append-only'); END;

-- SQLite cannot change a CHECK in place: the history table is copied row for row (same ids)
-- into one whose action list also allows 'print' (a form printed from an entry).
CREATE TABLE history_v7 (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'void', 'reveal', 'import', 'end', 'print')),
    actor     TEXT NOT NULL,
    at        TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    note      TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO history_v7 (id, entity, entity_id, action, actor, at, before, after, note)
    SELECT id, entity, entity_id, action, actor, at, before, after, note FROM history;
DROP TABLE history;
ALTER TABLE history_v7 RENAME TO history;
CREATE INDEX history_by_entity ON history (entity, entity_id);
CREATE TRIGGER history_never_deleted BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_never_updated BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
