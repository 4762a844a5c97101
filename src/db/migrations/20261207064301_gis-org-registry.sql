-- Up Migration
-- The register of organisations (exportOrgRegistry, organizations-registry-common): an organisation owning
-- an account is named in PayerInfo by its version there. When the import gave none, the hub asks the
-- register by the owner's OGRN and KPP and keeps the answer apart from the imported org_version_guid (the
-- same file imported again stays unchanged), with when it asked, so that an organisation the register
-- does not hold goes without waiting.
ALTER TABLE account_owners ADD COLUMN org_registry_version_guid uuid, ADD COLUMN org_registry_checked_at timestamptz;

-- The simulator's copy of the register (sandbox only).
CREATE TABLE gis_sim_organisations (
  ogrn              text NOT NULL,
  kpp               text NOT NULL,
  inn               text NOT NULL,
  full_name         text NOT NULL,
  short_name        text,
  org_root_guid     uuid NOT NULL,
  org_version_guid  uuid NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ogrn, kpp)
);

-- Down Migration
DROP TABLE gis_sim_organisations;
ALTER TABLE account_owners DROP COLUMN org_registry_version_guid, DROP COLUMN org_registry_checked_at;
