-- Up Migration
-- Services shared by the domain modules: rate limits that hold across processes, stored files,
-- the mail outbox of the sandbox, the state-system sync outbox, meters and readings, news.

CREATE UNLOGGED TABLE rate_limits (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  hits          int NOT NULL
);

CREATE TABLE files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filename      text NOT NULL,
  content_type  text NOT NULL,
  size          int NOT NULL CHECK (size >= 0),
  sha256        text NOT NULL,
  data          bytea NOT NULL,
  created_by    text,                 -- person or api client id
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Mail sent in sandbox mode lands here instead of an SMTP server (see /sandbox/mail).
CREATE TABLE sandbox_outbox (
  id           bigserial PRIMARY KEY,
  to_address   text NOT NULL,
  subject      text NOT NULL,
  text_body    text NOT NULL,
  html_body    text,
  attachments  jsonb NOT NULL DEFAULT '[]',
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- What must reach the state system: one row per object version and operation, written in the
-- same transaction as the domain change. The connector batches pending rows into messages; the
-- TransportGUID is fixed at insert, so a resend after a crash carries the same one.
CREATE TABLE sync_items (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  target           text NOT NULL DEFAULT 'gis',
  operation        text NOT NULL,          -- e.g. importMeteringDeviceValues
  object_type      text NOT NULL,          -- e.g. reading
  object_id        uuid NOT NULL,
  revision         int NOT NULL DEFAULT 0, -- a corrected object is a new revision
  transport_guid   uuid NOT NULL DEFAULT gen_random_uuid(),
  status           text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'sending', 'sent', 'accepted', 'rejected', 'dead')),
  message_id       uuid,                   -- the outgoing message that carries it
  attempts         int NOT NULL DEFAULT 0,
  result_guid      text,                   -- the state system's GUID for the object
  result_number    text,                   -- the state system's unique number
  error_code       text,
  error_text       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (target, operation, object_type, object_id, revision)
);
CREATE INDEX sync_items_pending_idx ON sync_items (organisation_id, target, operation, created_at) WHERE status = 'pending';
CREATE INDEX sync_items_object_idx ON sync_items (object_type, object_id);

-- Meters and readings: the columns every module agrees on (metering extends them).
CREATE TABLE meters (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id         uuid NOT NULL REFERENCES accounts (id),
  resource           text NOT NULL CHECK (resource IN ('cold_water', 'hot_water', 'electricity', 'heat', 'gas')),
  serial_number      text NOT NULL,
  tariffs            smallint NOT NULL DEFAULT 1 CHECK (tariffs BETWEEN 1 AND 3),
  digit_capacity     smallint CHECK (digit_capacity BETWEEN 3 AND 12), -- digits before the decimal point
  installed_on       date,
  sealed_on          date,
  verified_on        date,            -- last поверка
  next_verification  date,            -- next поверка due
  archived_at        timestamptz,
  gis_guid           text,            -- the state system's MeteringDeviceVersionGUID
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, resource, serial_number)
);

CREATE TABLE meter_readings (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meter_id      uuid NOT NULL REFERENCES meters (id),
  period        text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),   -- billing period YYYY-MM
  taken_on      date NOT NULL,
  t1            numeric(15, 3) NOT NULL CHECK (t1 >= 0),
  t2            numeric(15, 3) CHECK (t2 >= 0),
  t3            numeric(15, 3) CHECK (t3 >= 0),
  source        text NOT NULL CHECK (source IN ('resident', 'organisation', 'state_system', 'call_centre')),
  submitted_by  text,                 -- person or api client id
  superseded_at timestamptz,          -- set when a correction replaces it
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meter_readings_meter_idx ON meter_readings (meter_id, taken_on DESC) WHERE superseded_at IS NULL;

-- News and notices (common or emergency), scoped to houses.
CREATE TABLE news (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  kind             text NOT NULL DEFAULT 'common' CHECK (kind IN ('common', 'emergency')),
  title            text NOT NULL,
  body             text NOT NULL,
  house_ids        uuid[] NOT NULL,
  publish_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz,
  created_by       text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX news_houses_idx ON news USING gin (house_ids);

CREATE TABLE news_reads (
  news_id    uuid NOT NULL REFERENCES news (id) ON DELETE CASCADE,
  person_id  uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  read_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (news_id, person_id)
);

-- Down Migration
DROP TABLE news_reads, news, meter_readings, meters, sync_items, sandbox_outbox, files, rate_limits;
