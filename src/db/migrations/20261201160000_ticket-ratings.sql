-- Up Migration
-- The resident's rating of the work after a request is closed (1–5 with an optional comment), one per
-- closing: reopening clears it, so the next closing is rated afresh. The organisation reads the average
-- per category (GET /api/v1/org/tickets/ratings).

ALTER TABLE tickets
  ADD COLUMN rating          smallint CHECK (rating BETWEEN 1 AND 5),
  ADD COLUMN rating_comment  text CHECK (length(rating_comment) <= 2000),
  ADD COLUMN rated_at        timestamptz,
  ADD CONSTRAINT tickets_rating_whole CHECK ((rating IS NULL) = (rated_at IS NULL));
CREATE INDEX tickets_rated_idx ON tickets (organisation_id, category) WHERE rating IS NOT NULL;

-- Down Migration
DROP INDEX tickets_rated_idx;
ALTER TABLE tickets DROP CONSTRAINT tickets_rating_whole, DROP COLUMN rating, DROP COLUMN rating_comment, DROP COLUMN rated_at;
