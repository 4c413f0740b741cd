-- Schema 6: the presidium meeting book (主席团会议记录簿), the group activity book
-- (代表小组活动记录簿) with the opinions collected at activities, and attachments to any entry.
-- Attendance is stored as it was on the day (who was a member then), so a later change of the
-- roster never rewrites a past meeting.

CREATE TABLE presidium_meetings (
    id          INTEGER PRIMARY KEY,
    term_id     INTEGER NOT NULL REFERENCES terms (id),
    seq         INTEGER NOT NULL CHECK (seq > 0),
    number      TEXT NOT NULL UNIQUE,
    date        TEXT NOT NULL,
    start_time  TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    presider_id INTEGER REFERENCES deputies (id),
    recorder    TEXT NOT NULL DEFAULT '',
    attendees   TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    UNIQUE (term_id, seq)
) STRICT;
CREATE INDEX presidium_meetings_by_date ON presidium_meetings (date);

CREATE TABLE meeting_attendance (
    meeting_id     INTEGER NOT NULL REFERENCES presidium_meetings (id),
    deputy_id      INTEGER NOT NULL REFERENCES deputies (id),
    post           TEXT NOT NULL,
    present        INTEGER NOT NULL CHECK (present IN (0, 1)),
    absence_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, deputy_id)
) STRICT;
CREATE INDEX meeting_attendance_by_deputy ON meeting_attendance (deputy_id);

CREATE TABLE agenda_items (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES presidium_meetings (id),
    seq           INTEGER NOT NULL CHECK (seq > 0),
    title         TEXT NOT NULL CHECK (title <> ''),
    discussion    TEXT NOT NULL DEFAULT '',
    decision      TEXT NOT NULL DEFAULT '',
    votes_for     INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
    votes_against INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
    votes_abstain INTEGER CHECK (votes_abstain IS NULL OR votes_abstain >= 0),
    UNIQUE (meeting_id, seq)
) STRICT;

CREATE TABLE group_activities (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL,
    seq             INTEGER NOT NULL CHECK (seq > 0),
    number          TEXT NOT NULL UNIQUE,
    group_id        INTEGER NOT NULL REFERENCES deputy_groups (id),
    kind            TEXT NOT NULL,
    date            TEXT NOT NULL,
    place           TEXT NOT NULL DEFAULT '',
    notice_date     TEXT,
    theme           TEXT NOT NULL CHECK (theme <> ''),
    higher_deputies TEXT NOT NULL DEFAULT '',
    record          TEXT NOT NULL DEFAULT '',
    results         TEXT NOT NULL DEFAULT '',
    reported_on     TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    voided_at       TEXT,
    void_reason     TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX group_activities_by_date ON group_activities (date);
CREATE INDEX group_activities_by_group ON group_activities (group_id);

CREATE TABLE activity_attendance (
    activity_id INTEGER NOT NULL REFERENCES group_activities (id),
    deputy_id   INTEGER NOT NULL REFERENCES deputies (id),
    attendance  TEXT NOT NULL,
    PRIMARY KEY (activity_id, deputy_id)
) STRICT;
CREATE INDEX activity_attendance_by_deputy ON activity_attendance (deputy_id);

-- An opinion collected at an activity; it may become a suggestion or a petition entry (one each
-- at most), and the link is how both pages find each other.
CREATE TABLE activity_opinions (
    id            INTEGER PRIMARY KEY,
    activity_id   INTEGER NOT NULL REFERENCES group_activities (id),
    seq           INTEGER NOT NULL CHECK (seq > 0),
    source        TEXT NOT NULL DEFAULT '',
    content       TEXT NOT NULL CHECK (content <> ''),
    suggestion_id INTEGER UNIQUE REFERENCES suggestions (id),
    petition_id   INTEGER UNIQUE REFERENCES petitions (id),
    UNIQUE (activity_id, seq)
) STRICT;

-- Files attached to an entry, copied into the data folder and named by their SHA-256, so the
-- same scan attached twice is stored once and a file is never changed after it is written.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    name        TEXT NOT NULL CHECK (name <> ''),
    size        INTEGER NOT NULL CHECK (size >= 0),
    media_type  TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX attachments_by_entry ON attachments (entity, entity_id);

CREATE TRIGGER presidium_meetings_never_deleted BEFORE DELETE ON presidium_meetings
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER group_activities_never_deleted BEFORE DELETE ON group_activities
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
CREATE TRIGGER activity_opinions_never_deleted BEFORE DELETE ON activity_opinions
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void the activity instead'); END;
CREATE TRIGGER attachments_never_deleted BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;
