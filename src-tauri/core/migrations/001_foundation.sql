-- Schema 1: settings and the change history.
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead
-- (store::tests::shipped_migrations_never_change guards it).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Who changed what, when, with the row's values before and after (JSON).
CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'void', 'reveal', 'import', 'end')),
    actor     TEXT NOT NULL,
    at        TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX history_by_entity ON history (entity, entity_id);

-- History is append-only.
CREATE TRIGGER history_never_deleted BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_never_updated BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
