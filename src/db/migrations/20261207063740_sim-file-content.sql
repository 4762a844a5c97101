-- Up Migration
-- The simulator's file store keeps what was uploaded, so that an attachment's AttachmentHASH can be
-- checked against the file's bytes when a message names it (the state system refuses a mismatch).
-- Files stored before this have no content and are not checked.
ALTER TABLE gis_sim_files ADD COLUMN data bytea;

-- Down Migration
ALTER TABLE gis_sim_files DROP COLUMN data;
