-- Up Migration
-- Identity's published read interface (docs/conventions.md, "Published views"): a person's name, e-mail and
-- encrypted SNILS, which appeals and meetings join (an applicant's name, a meeting's initiator and owners'
-- addresses). A single-table projection the planner inlines; sign-in data stays behind identity's functions.
CREATE VIEW identity_persons AS
  SELECT id, last_name, first_name, middle_name, email, snils_enc FROM persons;

-- Down Migration
DROP VIEW identity_persons;
