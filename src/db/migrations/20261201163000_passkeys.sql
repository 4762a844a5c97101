-- Up Migration
-- Passkeys (WebAuthn) for residents who sign in without Gosuslugi: a person adds one while signed in;
-- it then signs them in on its own (it is a possession factor: no mailed code needed).

ALTER TABLE sessions DROP CONSTRAINT sessions_sign_in_method_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_sign_in_method_check CHECK (sign_in_method IN ('esia', 'password', 'passkey'));

CREATE TABLE passkeys (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  credential_id text NOT NULL UNIQUE,                -- base64url, as the authenticator names it
  person_id     uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  public_key    bytea NOT NULL,                      -- COSE key
  counter       bigint NOT NULL DEFAULT 0,
  transports    text[] NOT NULL DEFAULT '{}',
  name          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz
);
CREATE INDEX passkeys_person_idx ON passkeys (person_id);

-- A WebAuthn ceremony in progress: the challenge we issued, bound to the person (registration) or
-- to the browser (sign-in), used once.
CREATE TABLE webauthn_challenges (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL CHECK (kind IN ('register', 'authenticate')),
  person_id     uuid REFERENCES persons (id) ON DELETE CASCADE,
  browser_hash  text,
  challenge     text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  consumed_at   timestamptz
);
CREATE INDEX webauthn_challenges_expires_idx ON webauthn_challenges (expires_at);

-- Down Migration
DROP TABLE webauthn_challenges, passkeys;
UPDATE sessions SET sign_in_method = 'password' WHERE sign_in_method = 'passkey';
ALTER TABLE sessions DROP CONSTRAINT sessions_sign_in_method_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_sign_in_method_check CHECK (sign_in_method IN ('esia', 'password'));
