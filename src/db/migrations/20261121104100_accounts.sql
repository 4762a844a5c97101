-- Up Migration
-- Personal accounts: the contact on file for one-time codes, link requests (code and organisation
-- approval proofs), invitations to share access, the current-account preference and the history
-- of registered residents.

ALTER TABLE accounts
  ADD COLUMN contact_email text;

CREATE TABLE account_link_requests (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id        uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  house_id         uuid NOT NULL REFERENCES houses (id),
  -- NULL when the entered details match no account: the request looks the same to the person
  account_id       uuid REFERENCES accounts (id) ON DELETE CASCADE,
  identifier_kind  text NOT NULL CHECK (identifier_kind IN ('number', 'unified_number', 'service_id')),
  identifier       text NOT NULL,
  method           text NOT NULL CHECK (method IN ('code', 'organisation')),
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'completed', 'expired')),
  code_hash        text,
  attempts         int NOT NULL DEFAULT 0,
  expires_at       timestamptz NOT NULL,
  role             text NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'co_owner', 'tenant')),
  comment          text,
  decided_by       text,
  decided_at       timestamptz,
  decision_reason  text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_link_requests_house_idx ON account_link_requests (house_id, status);
CREATE INDEX account_link_requests_person_idx ON account_link_requests (person_id, created_at);

-- An owner's invitation to co-owners, tenants and delegates: only the code's hash is kept; one use.
CREATE TABLE account_invitations (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role         text NOT NULL CHECK (role IN ('co_owner', 'tenant', 'delegate')),
  code_hash    text NOT NULL UNIQUE,
  email        text,
  note         text,
  created_by   uuid NOT NULL REFERENCES persons (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  accepted_by  uuid REFERENCES persons (id),
  accepted_at  timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX account_invitations_account_idx ON account_invitations (account_id);

CREATE TABLE person_account_preferences (
  person_id           uuid PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  current_account_id  uuid REFERENCES accounts (id) ON DELETE SET NULL,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Registered residents (зарегистрированные): each change is a row; the count of a period is the
-- latest confirmed change effective at or before it.
CREATE TABLE resident_count_changes (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id        uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  count             int NOT NULL CHECK (count BETWEEN 0 AND 100),
  reason            text NOT NULL,
  source            text NOT NULL CHECK (source IN ('resident', 'organisation')),
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
  requested_by      text NOT NULL,
  decided_by        text,
  decided_at        timestamptz,
  decision_reason   text,
  effective_period  text CHECK (effective_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resident_count_changes_account_idx ON resident_count_changes (account_id, created_at);
CREATE INDEX resident_count_changes_pending_idx ON resident_count_changes (status) WHERE status = 'pending';

-- Down Migration
DROP TABLE resident_count_changes, person_account_preferences, account_invitations, account_link_requests;
ALTER TABLE accounts DROP COLUMN contact_email;
