-- Up Migration
-- An agenda question taken from the catalogue of common questions (contracts/meeting-agenda.ts) keeps its
-- key, so the console shows the legal basis of its rule; free-form questions have none.
ALTER TABLE meeting_questions ADD COLUMN catalogue_key text;

-- Down Migration
ALTER TABLE meeting_questions DROP COLUMN catalogue_key;
