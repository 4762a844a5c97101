-- Up Migration
-- File imports of the staff console (issue 15, screen 7): uploads kept as chunks (streamed in, never
-- whole in memory), the column mapping remembered per organisation and kind, runs with their progress,
-- and a result per data row of the file.

CREATE TABLE import_uploads (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  kind             text NOT NULL CHECK (kind IN ('accounts', 'meters', 'readings', 'charges')),
  filename         text NOT NULL,
  format           text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  size_bytes       bigint NOT NULL DEFAULT 0,
  sha256           text,                -- set when the last chunk is in
  headers          jsonb NOT NULL DEFAULT '[]',
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
-- The same bytes uploaded again for the same kind are the same upload.
CREATE UNIQUE INDEX import_uploads_same_file ON import_uploads (organisation_id, kind, sha256) WHERE sha256 IS NOT NULL;

CREATE TABLE import_upload_chunks (
  upload_id  uuid NOT NULL REFERENCES import_uploads(id) ON DELETE CASCADE,
  seq        int NOT NULL,
  data       bytea NOT NULL,
  PRIMARY KEY (upload_id, seq)
);

CREATE TABLE import_mappings (
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  kind             text NOT NULL,
  mapping          jsonb NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, kind)
);

CREATE TABLE import_runs (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  upload_id        uuid NOT NULL REFERENCES import_uploads(id),
  kind             text NOT NULL,
  mapping          jsonb NOT NULL,
  mapping_hash     text NOT NULL,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  rows_done        int NOT NULL DEFAULT 0,
  rows_imported    int NOT NULL DEFAULT 0,
  rows_unchanged   int NOT NULL DEFAULT 0,
  rows_rejected    int NOT NULL DEFAULT 0,
  bytes_done       bigint NOT NULL DEFAULT 0,
  error            text,
  actor_type       text NOT NULL,       -- person or api_client: who started it
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  started_at       timestamptz,
  finished_at      timestamptz,
  -- Starting the same upload with the same mapping again is the same run.
  UNIQUE (upload_id, mapping_hash)
);
CREATE INDEX import_runs_of_organisation ON import_runs (organisation_id, created_at DESC, id DESC);

CREATE TABLE import_run_rows (
  run_id      uuid NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  row_number  int NOT NULL,
  status      text NOT NULL CHECK (status IN ('imported', 'unchanged', 'rejected')),
  key         text,
  errors      jsonb,
  PRIMARY KEY (run_id, row_number)
);
