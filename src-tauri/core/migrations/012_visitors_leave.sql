-- Schema 12: the other people of a group visit, and why a member was excused from an activity.
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead.

-- The other visitors of a group visit (集体访), by name when they give one: a JSON array of
-- names, sealed like the petitioner's (masked on screen, revealed with a reason, replaced in a
-- pseudonymised export). Empty for every petition registered before.
ALTER TABLE petitions ADD COLUMN co_visitors TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(co_visitors) AND json_type(co_visitors) = 'array');

-- Why an excused member (请假) was excused ("外出务工"); empty for the present, the absent and
-- every attendance recorded before.
ALTER TABLE activity_attendance ADD COLUMN reason TEXT NOT NULL DEFAULT '';
