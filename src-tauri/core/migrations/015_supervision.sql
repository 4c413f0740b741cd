-- Schema 15: supervision between sessions. Activities organised by the presidium (town-wide, any
-- deputy of any group or level) or held at a liaison station (a day of station duty) beside those
-- of a deputy group; the station's duty rota; review opinions and their rectification (审议意见 →
-- 整改) in rounds; evaluations (评议, 测评) with the ballots of each object; deputies' duty reports
-- to their voters (代表述职).
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead.
-- This migration runs with foreign keys off (the store turns them off around every migration)
-- and is checked by `PRAGMA foreign_key_check` before it commits.

-- 1. An activity's organiser. The table is rebuilt because a presidium or station activity has
-- no group (group_id becomes NULL-able); every existing row keeps its id, number and values and
-- is organised by its group. New columns come last.
CREATE TABLE group_activities_v15 (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL,
    seq             INTEGER NOT NULL CHECK (seq > 0),
    number          TEXT NOT NULL UNIQUE,
    group_id        INTEGER REFERENCES deputy_groups (id),
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
    organiser       TEXT NOT NULL DEFAULT 'group' CHECK (organiser IN ('group', 'presidium', 'station')),
    station_id      INTEGER REFERENCES liaison_stations (id),
    -- Voters received (接待群众人次), for a reception or a station duty.
    voters_received INTEGER CHECK (voters_received IS NULL OR voters_received >= 0),
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK ((organiser = 'group') = (group_id IS NOT NULL)),
    CHECK ((organiser = 'station') = (station_id IS NOT NULL)),
    UNIQUE (year, seq)
) STRICT;
INSERT INTO group_activities_v15 (id, year, seq, number, group_id, kind, date, place, notice_date,
    theme, higher_deputies, record, results, reported_on, notes, voided_at, void_reason)
SELECT id, year, seq, number, group_id, kind, date, place, notice_date,
    theme, higher_deputies, record, results, reported_on, notes, voided_at, void_reason
FROM group_activities;
DROP TABLE group_activities;
ALTER TABLE group_activities_v15 RENAME TO group_activities;
CREATE INDEX group_activities_by_date ON group_activities (date);
CREATE INDEX group_activities_by_group ON group_activities (group_id);
CREATE INDEX group_activities_by_station ON group_activities (station_id, date);
CREATE TRIGGER group_activities_never_deleted BEFORE DELETE ON group_activities
BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted; void them instead'); END;

-- 2. The duty rota of a liaison station (进站接待计划表): which deputy is on duty on which day. A
-- day's duty, once held, is an activity organised by the station, with each rostered deputy's
-- attendance (出席 / 请假 / 缺席), the voters received and their opinions.
CREATE TABLE station_rota (
    id          INTEGER PRIMARY KEY,
    station_id  INTEGER NOT NULL REFERENCES liaison_stations (id),
    date        TEXT NOT NULL,
    deputy_id   INTEGER NOT NULL REFERENCES deputies (id),
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX station_rota_once ON station_rota (station_id, date, deputy_id) WHERE voided_at IS NULL;
CREATE INDEX station_rota_by_deputy ON station_rota (deputy_id, date);

-- 3. Evaluations (评议 / 测评): an event, who evaluated (the deputies present, or a count of
-- voters), and each object with its ballots as counts. Rates are derived, never stored.
CREATE TABLE evaluations (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq > 0),
    number      TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('work', 'station', 'duty', 'livelihood')),
    date        TEXT NOT NULL,
    title       TEXT NOT NULL CHECK (title <> ''),
    -- Evaluators counted (e.g. voters' representatives) when they are not deputies of the roster.
    voters      INTEGER CHECK (voters IS NULL OR voters > 0),
    activity_id INTEGER REFERENCES group_activities (id),
    profile     TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX evaluations_by_date ON evaluations (date);

CREATE TABLE evaluation_evaluators (
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
    deputy_id     INTEGER NOT NULL REFERENCES deputies (id),
    PRIMARY KEY (evaluation_id, deputy_id)
) STRICT;

-- An object: a handling unit (a department, a 站所), a named official with the post, or a
-- 民生实事 project; ballots 满意/基本满意/不满意 (or 称职/基本称职/不称职) as counts.
CREATE TABLE evaluation_objects (
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
    seq           INTEGER NOT NULL CHECK (seq > 0),
    unit_id       INTEGER REFERENCES handling_units (id),
    official      TEXT NOT NULL DEFAULT '',
    post          TEXT NOT NULL DEFAULT '',
    project_id    INTEGER REFERENCES livelihood_projects (id),
    good          INTEGER NOT NULL CHECK (good >= 0),
    fair          INTEGER NOT NULL CHECK (fair >= 0),
    poor          INTEGER NOT NULL CHECK (poor >= 0),
    CHECK (unit_id IS NOT NULL OR official <> '' OR project_id IS NOT NULL),
    PRIMARY KEY (evaluation_id, seq)
) STRICT;

-- 4. Review opinions (审议意见) sent to a handling unit (or an official) after an inspection, a
-- report hearing or an evaluation below the profile's threshold, and their rectification in
-- rounds: a round is sent, its report received, the presidium's satisfaction recorded; a round
-- not satisfied opens the next. Due dates are derived from the stored profile on every read.
CREATE TABLE rectifications (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL CHECK (seq > 0),
    number        TEXT NOT NULL UNIQUE,
    activity_id   INTEGER REFERENCES group_activities (id),
    evaluation_id INTEGER REFERENCES evaluations (id),
    object_seq    INTEGER,
    unit_id       INTEGER REFERENCES handling_units (id),
    official      TEXT NOT NULL DEFAULT '',
    content       TEXT NOT NULL CHECK (content <> ''),
    profile       TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '',
    voided_at     TEXT,
    void_reason   TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK (unit_id IS NOT NULL OR official <> ''),
    CHECK ((evaluation_id IS NULL) = (object_seq IS NULL)),
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX rectifications_by_unit ON rectifications (unit_id);
CREATE INDEX rectifications_by_activity ON rectifications (activity_id);
CREATE INDEX rectifications_by_evaluation ON rectifications (evaluation_id);

CREATE TABLE rectification_rounds (
    rectification_id INTEGER NOT NULL REFERENCES rectifications (id),
    round            INTEGER NOT NULL CHECK (round > 0),
    sent_on          TEXT NOT NULL,
    reported_on      TEXT,
    report           TEXT NOT NULL DEFAULT '',
    assessed_on      TEXT,
    satisfaction     TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
    -- The follow-up inspection (回头看), an activity.
    followup_id      INTEGER REFERENCES group_activities (id),
    CHECK (reported_on IS NOT NULL OR assessed_on IS NULL),
    CHECK ((assessed_on IS NULL) = (satisfaction IS NULL)),
    PRIMARY KEY (rectification_id, round)
) STRICT;

-- 5. A deputy's duty report to the voters of the constituency (代表述职).
CREATE TABLE duty_reports (
    id             INTEGER PRIMARY KEY,
    year           INTEGER NOT NULL,
    seq            INTEGER NOT NULL CHECK (seq > 0),
    number         TEXT NOT NULL UNIQUE,
    deputy_id      INTEGER NOT NULL REFERENCES deputies (id),
    term_id        INTEGER NOT NULL REFERENCES terms (id),
    date           TEXT NOT NULL,
    place          TEXT NOT NULL DEFAULT '',
    voters_present INTEGER NOT NULL CHECK (voters_present >= 0),
    -- The voters' rating as counts (NULL when none was taken).
    good           INTEGER CHECK (good IS NULL OR good >= 0),
    fair           INTEGER CHECK (fair IS NULL OR fair >= 0),
    poor           INTEGER CHECK (poor IS NULL OR poor >= 0),
    notes          TEXT NOT NULL DEFAULT '',
    voided_at      TEXT,
    void_reason    TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    CHECK ((good IS NULL) = (fair IS NULL) AND (fair IS NULL) = (poor IS NULL)),
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX duty_reports_by_deputy ON duty_reports (deputy_id);

CREATE TRIGGER station_rota_never_deleted BEFORE DELETE ON station_rota
BEGIN SELECT RAISE(ABORT, 'station_rota rows are never deleted; void them'); END;
CREATE TRIGGER evaluations_never_deleted BEFORE DELETE ON evaluations
BEGIN SELECT RAISE(ABORT, 'evaluations rows are never deleted; void them'); END;
CREATE TRIGGER rectifications_never_deleted BEFORE DELETE ON rectifications
BEGIN SELECT RAISE(ABORT, 'rectifications rows are never deleted; void them'); END;
CREATE TRIGGER rectification_rounds_never_deleted BEFORE DELETE ON rectification_rounds
BEGIN SELECT RAISE(ABORT, 'rectification_rounds rows are never deleted; void the rectification'); END;
CREATE TRIGGER duty_reports_never_deleted BEFORE DELETE ON duty_reports
BEGIN SELECT RAISE(ABORT, 'duty_reports rows are never deleted; void them'); END;
