-- Up Migration
-- Secrets of the sandbox peers generated once per installation (the sandbox bank terminal's password),
-- so that no password that signs "payment succeeded" is printed in the repository.
CREATE TABLE sandbox_secrets (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE sandbox_secrets;
