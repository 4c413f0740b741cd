-- Schema 5: the exemplary deeds book (代表先进事迹记录簿). A deed belongs to one or more deputies
-- and may come from a suggestion whose result was good. Numbers run per year, never reused.

CREATE TABLE deeds (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL CHECK (seq > 0),
    number        TEXT NOT NULL UNIQUE,
    date          TEXT NOT NULL,
    category      TEXT NOT NULL,
    title         TEXT NOT NULL CHECK (title <> ''),
    summary       TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    honour        TEXT NOT NULL DEFAULT '',
    honour_level  TEXT,
    honour_body   TEXT NOT NULL DEFAULT '',
    honour_date   TEXT,
    publicised    TEXT NOT NULL DEFAULT '',
    suggestion_id INTEGER REFERENCES suggestions (id),
    notes         TEXT NOT NULL DEFAULT '',
    voided_at     TEXT,
    void_reason   TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK (honour = '' OR honour_level IS NOT NULL),
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX deeds_by_date ON deeds (date);

CREATE TABLE deed_deputies (
    deed_id   INTEGER NOT NULL REFERENCES deeds (id),
    deputy_id INTEGER NOT NULL REFERENCES deputies (id),
    PRIMARY KEY (deed_id, deputy_id)
) STRICT;
CREATE INDEX deed_deputies_by_deputy ON deed_deputies (deputy_id);

CREATE TRIGGER deeds_never_deleted BEFORE DELETE ON deeds
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
