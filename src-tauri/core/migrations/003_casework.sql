-- Schema 3: casework. Handling units, the suggestions book and the petitions book.
-- A case's truth is its non-voided steps; its state is their replay (the Rust state machines).
-- The columns marked "projection" keep the replay's result so lists can filter and page in SQL;
-- they are rewritten in the same transaction as every step, and `verify` checks them.

CREATE TABLE handling_units (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
    contact TEXT NOT NULL DEFAULT '',
    phone   TEXT NOT NULL DEFAULT '',
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- 代表议案和批评、建议、意见记录簿. number = term-session-sequence, never reused.
CREATE TABLE suggestions (
    id              INTEGER PRIMARY KEY,
    term_id         INTEGER NOT NULL REFERENCES terms (id),
    session_no      INTEGER NOT NULL CHECK (session_no > 0),
    during_session  INTEGER NOT NULL CHECK (during_session IN (0, 1)),
    seq             INTEGER NOT NULL CHECK (seq > 0),
    number          TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    lead_deputy_id  INTEGER REFERENCES deputies (id),
    by_presidium    INTEGER NOT NULL DEFAULT 0 CHECK (by_presidium IN (0, 1)),
    subject         TEXT NOT NULL CHECK (subject <> ''),
    content         TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL,
    received_on     TEXT NOT NULL,
    key_supervision INTEGER NOT NULL DEFAULT 0 CHECK (key_supervision IN (0, 1)),
    published       INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    notes           TEXT NOT NULL DEFAULT '',
    -- the rule profile the case runs under, "zhejiang@1"
    profile         TEXT NOT NULL,
    -- projection of the steps: state, current lead unit, a promise not yet kept
    state           TEXT NOT NULL DEFAULT 'registered',
    lead_unit_id    INTEGER REFERENCES handling_units (id),
    promise_open    INTEGER NOT NULL DEFAULT 0 CHECK (promise_open IN (0, 1)),
    voided_at       TEXT,
    void_reason     TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK (lead_deputy_id IS NOT NULL OR by_presidium = 1),
    UNIQUE (term_id, session_no, during_session, seq)
) STRICT;
CREATE INDEX suggestions_by_received ON suggestions (received_on);
CREATE INDEX suggestions_by_state ON suggestions (state, lead_unit_id);

CREATE TABLE suggestion_cosigners (
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    deputy_id     INTEGER NOT NULL REFERENCES deputies (id),
    PRIMARY KEY (suggestion_id, deputy_id)
) STRICT;
CREATE INDEX suggestion_cosigners_by_deputy ON suggestion_cosigners (deputy_id);

-- One row per step of the state machine; `detail` is the step as entered (JSON).
CREATE TABLE suggestion_steps (
    id            INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    action        TEXT NOT NULL,
    date          TEXT NOT NULL,
    detail        TEXT NOT NULL CHECK (json_valid(detail)),
    actor         TEXT NOT NULL,
    at            TEXT NOT NULL,
    voided_at     TEXT,
    void_reason   TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX suggestion_steps_by_case ON suggestion_steps (suggestion_id, id);

-- 人民来信来访记录簿. number = 信访〔year〕第seq号, never reused.
CREATE TABLE petitions (
    id                INTEGER PRIMARY KEY,
    year              INTEGER NOT NULL,
    seq               INTEGER NOT NULL CHECK (seq > 0),
    number            TEXT NOT NULL UNIQUE,
    channel           TEXT NOT NULL,
    received_at       TEXT NOT NULL,
    anonymous         INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    petitioner_name   TEXT NOT NULL DEFAULT '',
    sex               TEXT,
    age               INTEGER CHECK (age IS NULL OR age BETWEEN 0 AND 130),
    address           TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    id_number         TEXT,
    people_count      INTEGER NOT NULL DEFAULT 1 CHECK (people_count >= 1),
    request           TEXT NOT NULL CHECK (request <> ''),
    facts             TEXT NOT NULL DEFAULT '',
    category          TEXT NOT NULL,
    receiver          TEXT NOT NULL DEFAULT '',
    via_deputy_id     INTEGER REFERENCES deputies (id),
    proposed_handling TEXT NOT NULL DEFAULT '',
    instruction       TEXT NOT NULL DEFAULT '',
    confidential      INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    profile           TEXT NOT NULL,
    -- projection of the steps: state and the unit it is assigned to
    state             TEXT NOT NULL DEFAULT 'registered',
    unit_id           INTEGER REFERENCES handling_units (id),
    voided_at         TEXT,
    void_reason       TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK (anonymous = 0 OR petitioner_name = ''),
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX petitions_by_received ON petitions (received_at);
CREATE INDEX petitions_by_state ON petitions (state, unit_id);
CREATE INDEX petitions_by_phone ON petitions (phone) WHERE phone <> '';
CREATE INDEX petitions_by_id_number ON petitions (id_number) WHERE id_number IS NOT NULL;

CREATE TABLE petition_steps (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    action      TEXT NOT NULL,
    date        TEXT NOT NULL,
    detail      TEXT NOT NULL CHECK (json_valid(detail)),
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL,
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX petition_steps_by_case ON petition_steps (petition_id, id);

-- A repeat petition linked to an earlier one of the same person or matter.
CREATE TABLE petition_links (
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    earlier_id  INTEGER NOT NULL REFERENCES petitions (id),
    note        TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (petition_id, earlier_id),
    CHECK (petition_id <> earlier_id)
) STRICT;

CREATE TRIGGER handling_units_never_deleted BEFORE DELETE ON handling_units
BEGIN SELECT RAISE(ABORT, 'handling units are never deleted; mark them inactive instead'); END;
CREATE TRIGGER suggestions_never_deleted BEFORE DELETE ON suggestions
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER suggestion_steps_never_deleted BEFORE DELETE ON suggestion_steps
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER petitions_never_deleted BEFORE DELETE ON petitions
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER petition_steps_never_deleted BEFORE DELETE ON petition_steps
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER petition_links_never_deleted BEFORE DELETE ON petition_links
BEGIN SELECT RAISE(ABORT, 'links between petitions are never deleted'); END;
