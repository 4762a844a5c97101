-- Up Migration
-- The files module's published read interface (docs/conventions.md, "Published views"): a stored file's
-- name, type, size and digest for the lists of appeals, meetings, meter registrations and tickets, without
-- its content (read through the file store). A single-table projection the planner inlines.
CREATE VIEW files_meta AS
  SELECT id, filename, content_type, size, sha256, created_at FROM files;

-- Down Migration
DROP VIEW files_meta;
