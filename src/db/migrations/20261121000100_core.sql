-- Up Migration
-- The core every module stands on: organisations, houses and premises, people, accounts and who
-- may see them, sessions and machine clients, and the append-only audit log.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE organisations (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name           text NOT NULL,
  inn            text NOT NULL UNIQUE CHECK (inn ~ '^([0-9]{10}|[0-9]{12})$'),
  kpp            text CHECK (kpp ~ '^[0-9A-Z]{9}$'),
  ogrn           text CHECK (ogrn ~ '^([0-9]{13}|[0-9]{15})$'),
  -- the state system's identifier of the organisation's registered role (orgPPAGUID)
  gis_ppa_guid   uuid,
  -- reading window: days of the month in the house's time zone, inclusive; what to do outside it
  reading_window_start_day  smallint NOT NULL DEFAULT 15 CHECK (reading_window_start_day BETWEEN 1 AND 31),
  reading_window_end_day    smallint NOT NULL DEFAULT 25 CHECK (reading_window_end_day BETWEEN 1 AND 31),
  reading_outside_window    text NOT NULL DEFAULT 'next_period' CHECK (reading_outside_window IN ('next_period', 'reject')),
  accept_unverified_meters  boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE houses (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fias_house_guid    uuid UNIQUE,
  gis_unique_number  text CHECK (gis_unique_number ~ '^[0-9]{25}-[0-9]{5}$'),
  region             text NOT NULL,
  municipality       text,
  settlement         text,
  street             text,
  house_number       text NOT NULL,
  building           text,          -- корпус
  structure          text,          -- строение
  letter             text,          -- литера
  postal_code        text,
  full_address       text NOT NULL,
  total_area         numeric(12, 2) CHECK (total_area > 0),
  timezone           text NOT NULL DEFAULT 'Europe/Moscow',
  organisation_id    uuid REFERENCES organisations (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX houses_organisation_idx ON houses (organisation_id);

CREATE TABLE premises (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  house_id           uuid NOT NULL REFERENCES houses (id) ON DELETE CASCADE,
  number             text NOT NULL,
  is_residential     boolean NOT NULL DEFAULT true,
  area               numeric(10, 2) NOT NULL CHECK (area > 0),
  cadastral_number   text,
  fias_premise_guid  uuid UNIQUE,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (house_id, number)
);

-- A person who signs in (through the identity provider) or works for an organisation.
CREATE TABLE persons (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider         text NOT NULL DEFAULT 'esia',
  subject          text NOT NULL,                -- the provider's subject id (urn:esia:sbj_id)
  last_name        text,
  first_name       text,
  middle_name      text,
  birth_date       date,
  snils_enc        text,                         -- encrypted at rest (src/identity/crypto.ts)
  snils_hash       text,                         -- keyed hash, to find a person by SNILS
  email            text,
  email_verified   boolean NOT NULL DEFAULT false,
  mobile_enc       text,
  mobile_verified  boolean NOT NULL DEFAULT false,
  is_operator      boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, subject)
);
CREATE INDEX persons_snils_hash_idx ON persons (snils_hash);

CREATE TABLE org_staff (
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  person_id        uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  role             text NOT NULL CHECK (role IN ('admin', 'dispatcher', 'accountant')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, person_id, role)
);

-- Personal account (лицевой счёт) of an organisation.
CREATE TABLE accounts (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  house_id         uuid NOT NULL REFERENCES houses (id),
  premise_id       uuid REFERENCES premises (id),
  number           text NOT NULL CHECK (length(number) BETWEEN 1 AND 30),
  unified_number   text CHECK (length(unified_number) = 10),   -- ЕЛС
  service_id       text CHECK (length(service_id) = 13),       -- ИЖКУ
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, number)
);
CREATE INDEX accounts_house_idx ON accounts (house_id);
CREATE INDEX accounts_unified_idx ON accounts (unified_number);
CREATE INDEX accounts_service_idx ON accounts (service_id);

-- Who may see and act on an account. Revoking sets revoked_at; access checks read this row on
-- every request, so a revocation takes effect at once.
CREATE TABLE account_links (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  person_id    uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  role         text NOT NULL CHECK (role IN ('owner', 'co_owner', 'tenant', 'delegate')),
  granted_by   uuid REFERENCES persons (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
CREATE UNIQUE INDEX account_links_active_idx ON account_links (account_id, person_id) WHERE revoked_at IS NULL;
-- Owners as recorded on the account (the surname proves a link; shares feed meetings' votes).
CREATE TABLE account_owners (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id         uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  last_name          text NOT NULL,
  first_name         text,
  middle_name        text,
  share_numerator    int NOT NULL DEFAULT 1 CHECK (share_numerator > 0),
  share_denominator  int NOT NULL DEFAULT 1 CHECK (share_denominator >= share_numerator),
  title_document     text,            -- e.g. the ЕГРН record number
  person_id          uuid REFERENCES persons (id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_owners_account_idx ON account_owners (account_id);

CREATE INDEX account_links_person_idx ON account_links (person_id) WHERE revoked_at IS NULL;

-- Browser sessions: the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  id_hash       text PRIMARY KEY,
  person_id     uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,               -- absolute timeout
  revoked_at    timestamptz,
  user_agent    text,
  ip            inet,
  data          jsonb NOT NULL DEFAULT '{}'         -- e.g. the provider's id_token for logout
);
CREATE INDEX sessions_person_idx ON sessions (person_id);

-- Machine clients of organisations: API keys and OAuth2 client-credentials clients.
CREATE TABLE api_clients (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('api_key', 'oauth_client')),
  name             text NOT NULL,
  key_prefix       text NOT NULL UNIQUE,       -- the public part, to find the row
  secret_hash      text NOT NULL,              -- SHA-256 of the secret part
  scopes           text[] NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_used_at     timestamptz,
  revoked_at       timestamptz
);

CREATE TABLE audit_log (
  id               bigserial PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT now(),
  actor_type       text NOT NULL CHECK (actor_type IN ('person', 'api_client', 'system')),
  actor_id         text,
  action           text NOT NULL,
  object_type      text,
  object_id        text,
  organisation_id  uuid,
  ip               inet,
  details          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_org_idx ON audit_log (organisation_id, at);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Responses stored by Idempotency-Key, so a retried write returns the first answer.
CREATE TABLE idempotency_keys (
  scope        text NOT NULL,          -- who sent it: person or api client id
  key          text NOT NULL,
  request_hash text NOT NULL,
  status_code  int,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- Down Migration
DROP TABLE idempotency_keys, audit_log, api_clients, sessions, account_owners, account_links, accounts, org_staff,
  persons, premises, houses, organisations CASCADE;
DROP FUNCTION audit_log_append_only();
