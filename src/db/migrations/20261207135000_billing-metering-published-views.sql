-- Up Migration
-- The organisations columns billing and metering added in their own migrations, published by those modules
-- (docs/conventions.md, "Published views"): billing's payee bank details, due day and the contacts the
-- payment document prints; metering's reading policy. The row and the registry's columns (name, INN, KPP)
-- stay registry's (registry_organisations); a statement needing both joins the views by id.
-- Single-table projections, so the planner inlines them and PostgreSQL updates them in place (simple views
-- are auto-updatable): billing and metering change their settings through their own view. updated_at is
-- the row's change stamp, which a change of these settings advances as it did on the table.
CREATE VIEW billing_organisations AS
  SELECT id, bank_name, bik, settlement_account, correspondent_account, payment_due_day, address, phone, email,
         website, working_hours, dispatcher_phone, dispatcher_hours, updated_at
    FROM organisations;
CREATE VIEW metering_organisations AS
  SELECT id, reading_window_start_day, reading_window_end_day, reading_outside_window, accept_unverified_meters,
         reading_confirm_factor, updated_at
    FROM organisations;

-- Down Migration
DROP VIEW metering_organisations, billing_organisations;
