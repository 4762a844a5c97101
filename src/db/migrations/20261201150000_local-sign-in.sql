-- Up Migration
-- Sign-in without Gosuslugi (src/identity/local-auth.*): e-mail + password, activation by e-mail, a
-- one-time e-mail code at sign-in from a new device, password reset. Such people are persons with
-- provider 'local': nobody vouched for who they are until the organisation confirms it.

ALTER TABLE persons
  ADD COLUMN identity_confirmed_at timestamptz,
  ADD COLUMN identity_confirmed_by uuid REFERENCES organisations (id);
-- One truth for "verified": Gosuslugi vouched (any provider but 'local'), or an organisation confirmed.
ALTER TABLE persons ADD COLUMN identity_verified boolean NOT NULL
  GENERATED ALWAYS AS (provider <> 'local' OR identity_confirmed_at IS NOT NULL) STORED;

ALTER TABLE sessions ADD COLUMN sign_in_method text NOT NULL DEFAULT 'esia'
  CHECK (sign_in_method IN ('esia', 'password'));

-- An activated e-mail sign-in. The e-mail is stored lower-cased and trimmed.
CREATE TABLE local_credentials (
  person_id            uuid PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  email                text NOT NULL UNIQUE CHECK (email = lower(email)),
  password_hash        text NOT NULL,               -- argon2id, PHC string
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  created_at           timestamptz NOT NULL DEFAULT now()
);

-- A registration waiting for its activation link. Each registration keeps its own password hash, so
-- someone registering a stranger's address cannot make the owner's link activate their password.
CREATE TABLE local_registrations (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash     text NOT NULL UNIQUE,              -- SHA-256 of the token in the link
  email          text NOT NULL CHECK (email = lower(email)),
  password_hash  text NOT NULL,
  last_name      text,
  first_name     text,
  middle_name    text,
  -- the seed's variant: {houseId, identifier: {kind, value}, surname}, proven once the e-mail is
  account_link   jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  consumed_at    timestamptz
);
CREATE INDEX local_registrations_email_idx ON local_registrations (email);

CREATE TABLE password_resets (
  token_hash  text PRIMARY KEY,
  person_id   uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX password_resets_person_idx ON password_resets (person_id);

-- A password sign-in from a device we do not know, waiting for the code mailed to the person.
CREATE TABLE sign_in_challenges (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id     uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  browser_hash  text NOT NULL,                      -- SHA-256 of the cookie binding it to the browser
  code_hash     text NOT NULL,
  attempts      int NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  consumed_at   timestamptz
);
CREATE INDEX sign_in_challenges_person_idx ON sign_in_challenges (person_id);

-- Devices (browsers) that passed a one-time code or the activation link: a long-lived cookie whose
-- SHA-256 is kept here. A password reset forgets them all.
CREATE TABLE trusted_devices (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id     uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  token_hash    text NOT NULL UNIQUE,
  user_agent    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX trusted_devices_person_idx ON trusted_devices (person_id);

-- Down Migration
DROP TABLE trusted_devices, sign_in_challenges, password_resets, local_registrations, local_credentials;
ALTER TABLE sessions DROP COLUMN sign_in_method;
ALTER TABLE persons DROP COLUMN identity_verified, DROP COLUMN identity_confirmed_by, DROP COLUMN identity_confirmed_at;
