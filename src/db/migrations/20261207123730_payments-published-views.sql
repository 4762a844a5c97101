-- Up Migration
-- The payments module's published read interface (docs/conventions.md, "Published views"): what the ledger
-- allocated to each account and period, which billing's dues and debts join. A single-table projection the
-- planner inlines.
CREATE VIEW payments_allocations AS
  SELECT ledger_entry_id, account_id, period, amount, booked_at FROM payment_allocations;

-- Down Migration
DROP VIEW payments_allocations;
