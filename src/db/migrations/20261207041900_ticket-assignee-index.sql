-- Up Migration
-- The console's assignee filter lists who holds open requests, with how many each: an index-only scan of
-- the open, assigned requests instead of a scan of every open one.
CREATE INDEX tickets_open_assignee_idx ON tickets (organisation_id, assignee)
  WHERE status IN ('new', 'in_progress') AND assignee IS NOT NULL;

-- Down Migration
DROP INDEX tickets_open_assignee_idx;
