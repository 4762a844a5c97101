-- Up Migration
-- Metering: one live reading per meter and period, the confirmation factor of the organisation's
-- reading policy, and meter registration requests with their documents.

ALTER TABLE organisations
  ADD COLUMN reading_confirm_factor numeric(6, 2) NOT NULL DEFAULT 3 CHECK (reading_confirm_factor >= 1);

ALTER TABLE meter_readings
  ADD COLUMN high_consumption_confirmed boolean NOT NULL DEFAULT false;

-- A correction supersedes the period's reading (a new row), so one live reading per meter and period.
CREATE UNIQUE INDEX meter_readings_live_period_idx ON meter_readings (meter_id, period) WHERE superseded_at IS NULL;
CREATE INDEX meters_account_idx ON meters (account_id) WHERE archived_at IS NULL;

CREATE TABLE meter_registrations (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id    uuid NOT NULL REFERENCES organisations (id),
  account_id         uuid NOT NULL REFERENCES accounts (id),
  kind               text NOT NULL CHECK (kind IN ('register', 'reregister')),
  meter_id           uuid REFERENCES meters (id),   -- re-registered meter; for 'register', the one created
  resource           text NOT NULL CHECK (resource IN ('cold_water', 'hot_water', 'electricity', 'heat', 'gas')),
  serial_number      text NOT NULL,
  tariffs            smallint NOT NULL DEFAULT 1 CHECK (tariffs BETWEEN 1 AND 3),
  digit_capacity     smallint CHECK (digit_capacity BETWEEN 3 AND 12),
  installed_on       date,
  sealed_on          date,
  verified_on        date,
  next_verification  date,
  initial_t1         numeric(15, 3) CHECK (initial_t1 >= 0),
  initial_t2         numeric(15, 3) CHECK (initial_t2 >= 0),
  initial_t3         numeric(15, 3) CHECK (initial_t3 >= 0),
  comment            text,
  status             text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  reject_reason      text,
  submitted_by       uuid NOT NULL REFERENCES persons (id),
  decided_by         text,
  decided_at         timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'register' OR meter_id IS NOT NULL),
  CHECK (status <> 'rejected' OR reject_reason IS NOT NULL)
);
CREATE INDEX meter_registrations_org_idx ON meter_registrations (organisation_id, status, created_at);
CREATE INDEX meter_registrations_account_idx ON meter_registrations (account_id, created_at);

CREATE TABLE meter_registration_documents (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_id  uuid NOT NULL REFERENCES meter_registrations (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('sealing_act', 'dismantling_act', 'installation_act', 'passport',
                                                 'verification_certificate', 'photo')),
  file_id          uuid NOT NULL REFERENCES files (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meter_registration_documents_idx ON meter_registration_documents (registration_id);

-- Down Migration
DROP TABLE meter_registration_documents, meter_registrations;
DROP INDEX meters_account_idx, meter_readings_live_period_idx;
ALTER TABLE meter_readings DROP COLUMN high_consumption_confirmed;
ALTER TABLE organisations DROP COLUMN reading_confirm_factor;
