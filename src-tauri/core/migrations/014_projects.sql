-- Schema 14: 民生实事项目 (livelihood projects voted by the deputies): the candidates of a year,
-- the vote at a session (ballots, and each candidate's votes), and each adopted project followed
-- like a case: milestones with planned and actual dates, progress reports and inspections, the
-- year-end evaluation by the deputies, carried over to the next year when not finished.
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead.

CREATE TABLE livelihood_projects (
    id                 INTEGER PRIMARY KEY,
    year               INTEGER NOT NULL,
    seq                INTEGER NOT NULL CHECK (seq > 0),
    number             TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL CHECK (title <> ''),
    description        TEXT NOT NULL DEFAULT '',
    source             TEXT NOT NULL CHECK (source IN ('voters', 'suggestion', 'government', 'other')),
    suggestion_id      INTEGER REFERENCES suggestions (id),
    estimated_cost     INTEGER CHECK (estimated_cost IS NULL OR estimated_cost >= 0),
    unit_id            INTEGER REFERENCES handling_units (id),
    planned_completion TEXT,
    -- The vote: the session, and this candidate's counts (NULL until voted).
    session_id         INTEGER REFERENCES congress_sessions (id),
    votes_for          INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
    votes_against      INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
    votes_abstain      INTEGER CHECK (votes_abstain IS NULL OR votes_abstain >= 0),
    -- The year-end evaluation by the deputies (NULL until evaluated).
    evaluated_on       TEXT,
    rated_satisfied    INTEGER CHECK (rated_satisfied IS NULL OR rated_satisfied >= 0),
    rated_basically    INTEGER CHECK (rated_basically IS NULL OR rated_basically >= 0),
    rated_unsatisfied  INTEGER CHECK (rated_unsatisfied IS NULL OR rated_unsatisfied >= 0),
    -- Not finished at year end: carried into this year's list.
    carried_to         INTEGER,
    notes              TEXT NOT NULL DEFAULT '',
    voided_at          TEXT,
    void_reason        TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX livelihood_projects_by_year ON livelihood_projects (year);

-- The ballots of a year's vote at a session (one vote per year and session).
CREATE TABLE project_votes (
    year             INTEGER NOT NULL,
    session_id       INTEGER NOT NULL REFERENCES congress_sessions (id),
    ballots_issued   INTEGER NOT NULL CHECK (ballots_issued >= 0),
    ballots_returned INTEGER NOT NULL CHECK (ballots_returned >= 0),
    PRIMARY KEY (year, session_id)
) STRICT;

-- Milestones of an adopted project: 立项, 招投标 (with the winning price), 开工, 完工, 验收.
CREATE TABLE project_milestones (
    project_id INTEGER NOT NULL REFERENCES livelihood_projects (id),
    kind       TEXT NOT NULL CHECK (kind IN ('approval', 'tender', 'start', 'completion', 'acceptance')),
    planned_on TEXT,
    done_on    TEXT,
    amount     INTEGER CHECK (amount IS NULL OR amount >= 0),
    note       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, kind)
) STRICT;

-- Progress reports from the unit and inspections by deputies (an activity of the group book).
CREATE TABLE project_reports (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES livelihood_projects (id),
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('progress', 'inspection')),
    text        TEXT NOT NULL CHECK (text <> ''),
    activity_id INTEGER REFERENCES group_activities (id),
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL,
    voided_at   TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

CREATE TRIGGER livelihood_projects_never_deleted BEFORE DELETE ON livelihood_projects
BEGIN SELECT RAISE(ABORT, 'livelihood_projects rows are never deleted; void them'); END;
CREATE TRIGGER project_reports_never_deleted BEFORE DELETE ON project_reports
BEGIN SELECT RAISE(ABORT, 'project_reports rows are never deleted; void them'); END;
