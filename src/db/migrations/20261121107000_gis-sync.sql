-- Up Migration
-- State-system connector: outgoing messages, the per-organisation switch, identifiers the state system
-- assigns to our rows, and the sandbox simulator's own state.

-- One outgoing message per batch of sync_items. The row and its items are written before anything is
-- sent, so a crash between send and Ack resends the same items (same TransportGUIDs).
CREATE TABLE gis_messages (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  operation        text NOT NULL,
  status           text NOT NULL DEFAULT 'prepared'
                   CHECK (status IN ('prepared', 'acked', 'done', 'dead')),
  item_count       int NOT NULL,
  items            jsonb NOT NULL,         -- the rendered items, so every resend carries the same content
  payload_hash     text NOT NULL,          -- SHA-256 of items
  message_guid     uuid,                   -- our MessageGUID of the latest attempt
  ack_guid         uuid,                   -- the state system's MessageGUID (from the Ack)
  attempts         int NOT NULL DEFAULT 0, -- send attempts (each a freshly built message)
  polls            int NOT NULL DEFAULT 0,
  signing_ms       numeric(12, 3) NOT NULL DEFAULT 0,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  acked_at         timestamptz,
  finished_at      timestamptz
);
CREATE INDEX gis_messages_org_idx ON gis_messages (organisation_id, created_at DESC);
CREATE INDEX sync_items_message_idx ON sync_items (message_id);

-- Items waiting for a dependency (a reading whose meter the state system does not know yet).
ALTER TABLE sync_items ADD COLUMN not_before timestamptz;

CREATE TABLE gis_sync_settings (
  organisation_id  uuid PRIMARY KEY REFERENCES organisations (id),
  enabled          boolean NOT NULL DEFAULT false,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE accounts ADD COLUMN gis_account_guid uuid, ADD COLUMN gis_unique_number text;
ALTER TABLE meters ADD COLUMN gis_root_guid uuid;

-- Sandbox simulator of the state system (src/sandbox/gis): messages it acknowledged, objects it accepted
-- (one row per TransportGUID: a resent item is never accepted twice), houses in its registry.
CREATE TABLE gis_sim_messages (
  message_guid     uuid PRIMARY KEY,      -- assigned by the simulator
  requester_guid   uuid NOT NULL,
  org_ppa_guid     uuid NOT NULL,
  operation        text NOT NULL,
  items            jsonb NOT NULL,
  ready_at         timestamptz NOT NULL,
  fail_code        text,                  -- EXP001000 injected at processing
  result_xml       text,
  received_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gis_sim_objects (
  transport_guid   uuid PRIMARY KEY,
  operation        text NOT NULL,
  org_ppa_guid     uuid NOT NULL,
  object_guid      uuid NOT NULL,
  root_guid        uuid,
  unique_number    text NOT NULL,
  data             jsonb NOT NULL DEFAULT '{}',
  times_received   int NOT NULL DEFAULT 1,
  accepted_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gis_sim_objects_guid_idx ON gis_sim_objects (object_guid);

CREATE TABLE gis_sim_houses (
  fias_house_guid  uuid PRIMARY KEY,
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE gis_sim_houses, gis_sim_objects, gis_sim_messages, gis_sync_settings, gis_messages;
DROP INDEX sync_items_message_idx;
ALTER TABLE sync_items DROP COLUMN not_before;
ALTER TABLE accounts DROP COLUMN gis_account_guid, DROP COLUMN gis_unique_number;
ALTER TABLE meters DROP COLUMN gis_root_guid;
