-- Schema 13: the sessions book (人民代表大会会议记录): each session of the township congress,
-- numbered in its term, with attendance as it was on the first day, the agenda with each item's
-- resolution and votes, and the elections held at the session with their ballots and candidates.
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead.

CREATE TABLE congress_sessions (
    id          INTEGER PRIMARY KEY,
    term_id     INTEGER NOT NULL REFERENCES terms (id),
    seq         INTEGER NOT NULL CHECK (seq > 0),
    number      TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('regular', 'extraordinary')),
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL CHECK (last_day >= first_day),
    place       TEXT NOT NULL DEFAULT '',
    notified_on TEXT,
    presiders   TEXT NOT NULL DEFAULT '',
    attendees   TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    UNIQUE (term_id, seq)
) STRICT;
CREATE INDEX congress_sessions_by_day ON congress_sessions (first_day);

-- Every deputy holding a mandate on the first day, as it was; rewritten whole with the entry.
CREATE TABLE session_attendance (
    session_id  INTEGER NOT NULL REFERENCES congress_sessions (id),
    deputy_id   INTEGER NOT NULL REFERENCES deputies (id),
    attendance  TEXT NOT NULL CHECK (attendance IN ('present', 'excused', 'absent')),
    reason      TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, deputy_id)
) STRICT;
CREATE INDEX session_attendance_by_deputy ON session_attendance (deputy_id);

CREATE TABLE session_items (
    session_id    INTEGER NOT NULL REFERENCES congress_sessions (id),
    seq           INTEGER NOT NULL CHECK (seq > 0),
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL CHECK (title <> ''),
    outcome       TEXT NOT NULL DEFAULT '',
    outcome_kind  TEXT CHECK (outcome_kind IS NULL OR outcome_kind IN ('resolution', 'decision')),
    votes_for     INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
    votes_against INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
    votes_abstain INTEGER CHECK (votes_abstain IS NULL OR votes_abstain >= 0),
    PRIMARY KEY (session_id, seq)
) STRICT;

CREATE TABLE session_elections (
    session_id       INTEGER NOT NULL REFERENCES congress_sessions (id),
    seq              INTEGER NOT NULL CHECK (seq > 0),
    post             TEXT NOT NULL,
    by_election      INTEGER NOT NULL CHECK (by_election IN (0, 1)),
    competitive      INTEGER NOT NULL CHECK (competitive IN (0, 1)),
    places           INTEGER NOT NULL CHECK (places > 0),
    ballots_issued   INTEGER NOT NULL CHECK (ballots_issued >= 0),
    ballots_returned INTEGER NOT NULL CHECK (ballots_returned >= 0),
    ballots_valid    INTEGER NOT NULL CHECK (ballots_valid >= 0),
    ballots_invalid  INTEGER NOT NULL CHECK (ballots_invalid >= 0),
    PRIMARY KEY (session_id, seq)
) STRICT;

CREATE TABLE election_candidates (
    session_id   INTEGER NOT NULL REFERENCES congress_sessions (id),
    election_seq INTEGER NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),
    name         TEXT NOT NULL CHECK (name <> ''),
    deputy_id    INTEGER REFERENCES deputies (id),
    votes        INTEGER NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (session_id, election_seq, seq)
) STRICT;

-- A deputy flagged as absent twice without approval whom the clerk decided not to propose for
-- termination, with the reason; covers the absences known then (a later one flags again).
CREATE TABLE absence_dismissals (
    id        INTEGER PRIMARY KEY,
    deputy_id INTEGER NOT NULL REFERENCES deputies (id),
    term_id   INTEGER NOT NULL REFERENCES terms (id),
    absences  INTEGER NOT NULL CHECK (absences >= 2),
    reason    TEXT NOT NULL CHECK (reason <> ''),
    actor     TEXT NOT NULL,
    at        TEXT NOT NULL
) STRICT;

CREATE TRIGGER congress_sessions_never_deleted BEFORE DELETE ON congress_sessions
BEGIN SELECT RAISE(ABORT, 'congress_sessions rows are never deleted; void them'); END;
CREATE TRIGGER absence_dismissals_never_deleted BEFORE DELETE ON absence_dismissals
BEGIN SELECT RAISE(ABORT, 'absence_dismissals rows are never deleted'); END;
