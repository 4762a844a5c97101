-- Up Migration
-- The registry's published read interface (docs/conventions.md, "Published views"): the columns of
-- organisations, houses and premises other modules' statements may join. Single-table projections, so the
-- planner inlines them and a join plans as it did on the table.
CREATE VIEW registry_organisations AS
  SELECT id, name, inn, kpp, ogrn, gis_ppa_guid FROM organisations;
CREATE VIEW registry_houses AS
  SELECT id, organisation_id, fias_house_guid, gis_unique_number, full_address, timezone, total_area,
         residential_area, non_residential_area, common_area, gis_exported_at
    FROM houses;
CREATE VIEW registry_premises AS
  SELECT id, house_id, number, is_residential, area, cadastral_number, fias_premise_guid, gis_premises_guid,
         gis_unique_number, entrance_number
    FROM premises;

-- Down Migration
DROP VIEW registry_premises, registry_houses, registry_organisations;
