-- Up Migration
-- The staff console's home counts what needs action (GET /api/v1/org/summary) on every visit: each count
-- reads an index of the organisation's open items only, not the whole history.

CREATE INDEX tickets_open_deadline_idx ON tickets (organisation_id, deadline) WHERE status IN ('new', 'in_progress');
CREATE INDEX sync_items_refused_idx ON sync_items (organisation_id) WHERE status IN ('rejected', 'dead');
CREATE INDEX payments_pending_org_idx ON payments (organisation_id) WHERE status = 'pending';

-- Down Migration
DROP INDEX payments_pending_org_idx;
DROP INDEX sync_items_refused_idx;
DROP INDEX tickets_open_deadline_idx;
