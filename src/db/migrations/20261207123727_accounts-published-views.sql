-- Up Migration
-- The accounts module's published read interface (docs/conventions.md, "Published views"): the columns of
-- accounts, their owners and their links other modules' statements may join (appeals, billing, debt
-- requests, meetings, metering, payments). Single-table projections, so the planner inlines them and a join
-- plans as it did on the table. Documents, SNILS and contacts of owners stay behind accounts' functions.
CREATE VIEW accounts_accounts AS
  SELECT id, organisation_id, house_id, premise_id, number, unified_number, status, gis_account_guid FROM accounts;
CREATE VIEW accounts_owners AS
  SELECT id, account_id, person_id, last_name, first_name, middle_name, share_numerator, share_denominator,
         title_document, created_at
    FROM account_owners;
CREATE VIEW accounts_links AS
  SELECT id, account_id, person_id, role, revoked_at FROM account_links;

-- Down Migration
DROP VIEW accounts_links, accounts_owners, accounts_accounts;
