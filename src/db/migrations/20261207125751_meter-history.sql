-- Up Migration
-- Readings residents entered in the state system itself (exportMeteringDeviceHistory, read back on the
-- gis.pull schedule) are stored as meter_readings with source 'state_system': when they were entered
-- there (its EnterIntoSystem, which orders them against the hub's own reading of the period), and the
-- code of the reading rule one broke. A refused reading is kept, never live: superseded on arrival.
ALTER TABLE meter_readings ADD COLUMN entered_at timestamptz, ADD COLUMN refusal text,
  ADD CONSTRAINT meter_readings_refusal_not_live CHECK (refusal IS NULL OR superseded_at IS NOT NULL);
-- What the read-back matches a reading against (meter, date, values), whatever its state.
CREATE INDEX meter_readings_meter_taken_idx ON meter_readings (meter_id, taken_on);

-- The simulator's readings history (sandbox only): what the hub sent (importMeteringDeviceValues) and what
-- residents entered "in the state system" on demand. A resident's reading names the device by its root GUID,
-- or (the demo, before the hub's meter reached the simulator) by the organisation and the device's number.
CREATE TABLE gis_sim_meter_values (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_ppa_guid     uuid NOT NULL,
  root_guid        uuid,
  device_number    text,
  transport_guid   uuid UNIQUE,
  t1               text NOT NULL,
  t2               text,
  t3               text,
  date_value       date NOT NULL,
  period           text,
  entered_by_org   uuid,
  entered_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (root_guid IS NOT NULL OR device_number IS NOT NULL)
);
CREATE INDEX gis_sim_meter_values_root_idx ON gis_sim_meter_values (root_guid, date_value);

-- Down Migration
DROP TABLE gis_sim_meter_values;
DROP INDEX meter_readings_meter_taken_idx;
ALTER TABLE meter_readings DROP CONSTRAINT meter_readings_refusal_not_live, DROP COLUMN entered_at, DROP COLUMN refusal;
