-- Schema 2: the roster book (一册): terms, constituencies, liaison stations, deputy groups,
-- deputies, status events and presidium posts. Append-only like every shipped migration.

CREATE TABLE terms (
    id         INTEGER PRIMARY KEY,
    number     INTEGER NOT NULL UNIQUE CHECK (number > 0),
    start_date TEXT NOT NULL,
    end_date   TEXT CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;

CREATE TABLE constituencies (
    id     INTEGER PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE CHECK (number > 0),
    name   TEXT NOT NULL UNIQUE CHECK (name <> ''),
    area   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE liaison_stations (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE CHECK (name <> ''),
    address  TEXT NOT NULL DEFAULT '',
    convener TEXT NOT NULL DEFAULT '',
    schedule TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE deputy_groups (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE CHECK (name <> ''),
    station_id       INTEGER REFERENCES liaison_stations (id),
    leader_id        INTEGER REFERENCES deputies (id),
    deputy_leader_id INTEGER REFERENCES deputies (id),
    liaison_id       INTEGER REFERENCES deputies (id)
) STRICT;

CREATE TABLE deputies (
    id                INTEGER PRIMARY KEY,
    term_id           INTEGER NOT NULL REFERENCES terms (id),
    name              TEXT NOT NULL CHECK (name <> ''),
    sex               TEXT NOT NULL,
    ethnicity         TEXT NOT NULL,
    birth_date        TEXT,
    political_status  TEXT NOT NULL,
    education         TEXT,
    work_unit_post    TEXT NOT NULL DEFAULT '',
    occupation        TEXT NOT NULL,
    constituency_id   INTEGER REFERENCES constituencies (id),
    group_id          INTEGER REFERENCES deputy_groups (id),
    levels            TEXT NOT NULL,
    elected_on        TEXT NOT NULL,
    elected_how       TEXT NOT NULL,
    card_no           TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    returned_overseas INTEGER NOT NULL DEFAULT 0 CHECK (returned_overseas IN (0, 1)),
    grassroots        INTEGER NOT NULL DEFAULT 0 CHECK (grassroots IN (0, 1)),
    id_number         TEXT,
    notes             TEXT NOT NULL DEFAULT '',
    voided_at         TEXT,
    void_reason       TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX deputies_by_term ON deputies (term_id);
CREATE UNIQUE INDEX deputies_card_no ON deputies (term_id, card_no) WHERE card_no <> '' AND voided_at IS NULL;
CREATE UNIQUE INDEX deputies_id_number ON deputies (term_id, id_number) WHERE id_number IS NOT NULL AND voided_at IS NULL;

-- Status changes (代表变动). A deputy's status on a date is derived from these, never stored.
CREATE TABLE deputy_events (
    id          INTEGER PRIMARY KEY,
    deputy_id   INTEGER NOT NULL REFERENCES deputies (id),
    kind        TEXT NOT NULL,
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    notice_no   TEXT NOT NULL DEFAULT '',
    ground      TEXT,
    votes_for   INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
    votes_total INTEGER CHECK (votes_total IS NULL OR votes_total >= votes_for),
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX deputy_events_by_deputy ON deputy_events (deputy_id);

CREATE TABLE presidium_posts (
    id         INTEGER PRIMARY KEY,
    deputy_id  INTEGER NOT NULL REFERENCES deputies (id),
    post       TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX presidium_posts_by_deputy ON presidium_posts (deputy_id);

-- Ledger rows are never deleted: a wrong entry is voided with a reason.
CREATE TRIGGER deputies_never_deleted BEFORE DELETE ON deputies
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER deputy_events_never_deleted BEFORE DELETE ON deputy_events
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER presidium_posts_never_deleted BEFORE DELETE ON presidium_posts
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; end them instead'); END;
