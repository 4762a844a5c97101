-- Up Migration
-- State-system data the real system accepts: the NSI reference books (cache of nsi-common exportNsiItem),
-- the state system's GUIDs of entrances and premises (exportHouseData), payers' identification on
-- account owners, and house meters (collective devices, ОДПУ) besides the premises' own.

-- The cache of the common reference books: one row per element; refreshed by the gis.nsi-refresh job.
CREATE TABLE gis_nsi_items (
  registry_number  int NOT NULL,
  code             text NOT NULL,
  guid             uuid NOT NULL,
  name             text,
  is_actual        boolean NOT NULL,
  fields           jsonb NOT NULL DEFAULT '{}',
  modified_at      timestamptz,
  refreshed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (registry_number, guid)
);
CREATE INDEX gis_nsi_items_code_idx ON gis_nsi_items (registry_number, code) WHERE is_actual;

-- exportHouseData: the house's entrances and premises with the state system's GUIDs.
ALTER TABLE houses ADD COLUMN gis_exported_at timestamptz;
CREATE TABLE house_entrances (
  house_id           uuid NOT NULL REFERENCES houses (id) ON DELETE CASCADE,
  number             text NOT NULL,
  gis_entrance_guid  uuid NOT NULL,
  PRIMARY KEY (house_id, number)
);
ALTER TABLE premises
  ADD COLUMN gis_premises_guid  uuid,
  ADD COLUMN gis_unique_number  text,
  ADD COLUMN entrance_number    text;

-- The payer's identification sent as PayerInfo: a person's SNILS or identity document (NSI 95 code),
-- encrypted like persons.snils_enc; or an organisation's registration data and its version in the
-- state system's register of organisations.
ALTER TABLE account_owners
  ADD COLUMN snils_enc          text,
  ADD COLUMN id_doc_type        text,
  ADD COLUMN id_doc_series      text,
  ADD COLUMN id_doc_number_enc  text,
  ADD COLUMN id_doc_issued_on   date,
  ADD COLUMN org_name           text,
  ADD COLUMN org_ogrn           text CHECK (org_ogrn ~ '^([0-9]{13}|[0-9]{15})$'),
  ADD COLUMN org_inn            text CHECK (org_inn ~ '^([0-9]{10}|[0-9]{12})$'),
  ADD COLUMN org_kpp            text,
  ADD COLUMN org_version_guid   uuid;

-- A house meter (ОДПУ) belongs to the house, not to an account.
ALTER TABLE meters
  ALTER COLUMN account_id DROP NOT NULL,
  ADD COLUMN house_id uuid REFERENCES houses (id),
  ADD CONSTRAINT meters_place_check CHECK ((account_id IS NULL) <> (house_id IS NULL));
CREATE UNIQUE INDEX meters_house_serial_idx ON meters (house_id, resource, serial_number) WHERE house_id IS NOT NULL;

-- The simulator's registry: premises and entrances of each house it knows.
ALTER TABLE gis_sim_houses
  ADD COLUMN premises   jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN entrances  int NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE gis_sim_houses DROP COLUMN premises, DROP COLUMN entrances;
DELETE FROM meter_readings WHERE meter_id IN (SELECT id FROM meters WHERE house_id IS NOT NULL);
DELETE FROM meters WHERE house_id IS NOT NULL;
DROP INDEX meters_house_serial_idx;
ALTER TABLE meters DROP CONSTRAINT meters_place_check, DROP COLUMN house_id, ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE account_owners DROP COLUMN snils_enc, DROP COLUMN id_doc_type, DROP COLUMN id_doc_series, DROP COLUMN id_doc_number_enc,
  DROP COLUMN id_doc_issued_on, DROP COLUMN org_name, DROP COLUMN org_ogrn, DROP COLUMN org_inn, DROP COLUMN org_kpp, DROP COLUMN org_version_guid;
ALTER TABLE premises DROP COLUMN gis_premises_guid, DROP COLUMN gis_unique_number, DROP COLUMN entrance_number;
DROP TABLE house_entrances;
ALTER TABLE houses DROP COLUMN gis_exported_at;
DROP TABLE gis_nsi_items;
