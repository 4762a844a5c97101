-- Up Migration
-- Keyset pages of the staff console (issue 15) with 100,000 rows behind: the refused items of one
-- organisation, its payments newest first, the payments of one account, its audit log newest first.
CREATE INDEX sync_items_org_status_idx ON sync_items (organisation_id, status, id) WHERE target = 'gis';
CREATE INDEX payments_org_created_idx ON payments (organisation_id, created_at DESC, id DESC);
CREATE INDEX payment_items_account_idx ON payment_items (account_id);
CREATE INDEX audit_log_org_id_idx ON audit_log (organisation_id, id DESC);
