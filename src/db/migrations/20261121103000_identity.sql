-- Up Migration
-- Resident sign-in (login flows, public session ids), OAuth2 client-credentials tokens, and the
-- sandbox identity provider's keys and storage.

-- A session's id that can be shown and used to revoke it (id_hash is the cookie's hash and stays private).
ALTER TABLE sessions ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX sessions_public_id_idx ON sessions (public_id);

-- A sign-in in progress: between /auth/login and /auth/callback. Consumed once.
CREATE TABLE login_flows (
  state_hash     text PRIMARY KEY,            -- SHA-256 of the state sent to the provider
  browser_hash   text NOT NULL,               -- SHA-256 of the cookie that binds the flow to the browser
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,               -- PKCE
  return_to      text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  consumed_at    timestamptz
);
CREATE INDEX login_flows_expires_idx ON login_flows (expires_at);

-- Short-lived bearer tokens issued to oauth_client API clients (client-credentials grant).
CREATE TABLE oauth_access_tokens (
  token_hash  text PRIMARY KEY,
  client_id   uuid NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
  scopes      text[] NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX oauth_access_tokens_expires_idx ON oauth_access_tokens (expires_at);

-- Sandbox identity provider (src/sandbox/esia): keys shared by all processes, and oidc-provider's storage.
CREATE TABLE sandbox_esia_secrets (
  name        text PRIMARY KEY,
  value       jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sandbox_esia_store (
  model        text NOT NULL,
  id           text NOT NULL,
  payload      jsonb NOT NULL,
  grant_id     text,
  user_code    text,
  uid          text,
  expires_at   timestamptz,
  consumed_at  timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX sandbox_esia_store_grant_idx ON sandbox_esia_store (grant_id);
CREATE INDEX sandbox_esia_store_uid_idx ON sandbox_esia_store (uid);
CREATE INDEX sandbox_esia_store_user_code_idx ON sandbox_esia_store (user_code);

-- Down Migration
DROP TABLE sandbox_esia_store, sandbox_esia_secrets, oauth_access_tokens, login_flows;
DROP INDEX sessions_public_id_idx;
ALTER TABLE sessions DROP COLUMN public_id;
