-- Up Migration
-- The state system's identifiers of payment documents and of notifications of order execution
-- (and their annulment), saved when it accepts them.

ALTER TABLE payment_documents
  ADD COLUMN gis_guid         uuid,
  -- PaymentDocumentID assigned by the state system (bills-base:PaymentDocumentID, 18 characters)
  ADD COLUMN gis_document_id  text CHECK (length(gis_document_id) = 18);

ALTER TABLE payments
  ADD COLUMN gis_notification_guid    uuid,
  ADD COLUMN gis_notification_number  text,
  ADD COLUMN gis_cancellation_guid    uuid;

-- Down Migration
ALTER TABLE payments DROP COLUMN gis_notification_guid, DROP COLUMN gis_notification_number, DROP COLUMN gis_cancellation_guid;
ALTER TABLE payment_documents DROP COLUMN gis_guid, DROP COLUMN gis_document_id;
