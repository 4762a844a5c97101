-- Up Migration
-- Default deadlines of requests per category, set by each organisation: emergencies in hours, the rest
-- in days. A new request's deadline is its creation plus the default of its category (the hub's own
-- defaults where the organisation set none); staff may move it on the request.
CREATE TABLE ticket_deadlines (
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  category         text NOT NULL,
  emergency_hours  int NOT NULL CHECK (emergency_hours BETWEEN 1 AND 720),
  regular_days     int NOT NULL CHECK (regular_days BETWEEN 1 AND 365),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, category)
);

-- The console's queue pages newest first by (created_at, id), with or without a status (board columns).
CREATE INDEX tickets_org_created_idx ON tickets (organisation_id, created_at DESC, id DESC);
CREATE INDEX tickets_org_status_created_idx ON tickets (organisation_id, status, created_at DESC, id DESC);

-- Down Migration
DROP INDEX tickets_org_status_created_idx;
DROP INDEX tickets_org_created_idx;
DROP TABLE ticket_deadlines;
