-- Schema 11: what a status event did, so that voiding it undoes it.
-- Shipped migrations are append-only: never edit this file; add a new numbered file instead.

-- What a status event did to the deputy's other records (a resignation ends the presidium posts
-- and clears the group roles), so that voiding the event undoes exactly that. Rows are never
-- deleted: a voided event's effects are reversed, and the history says so.
CREATE TABLE deputy_event_effects (
    id        INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL REFERENCES deputy_events (id),
    kind      TEXT NOT NULL CHECK (kind IN ('post_end', 'group_role')),
    post_id   INTEGER REFERENCES presidium_posts (id),
    group_id  INTEGER REFERENCES deputy_groups (id),
    role      TEXT CHECK (role IN ('leader_id', 'deputy_leader_id', 'liaison_id')),
    CHECK ((kind = 'post_end' AND post_id IS NOT NULL AND group_id IS NULL)
        OR (kind = 'group_role' AND group_id IS NOT NULL AND role IS NOT NULL AND post_id IS NULL))
) STRICT;
CREATE INDEX deputy_event_effects_event ON deputy_event_effects (event_id);
CREATE TRIGGER deputy_event_effects_no_delete BEFORE DELETE ON deputy_event_effects
BEGIN
    SELECT RAISE(ABORT, 'deputy_event_effects rows are never deleted');
END;
