-- Up Migration
-- Charges per account and period (versioned: a re-import supersedes the previous version), issued
-- payment documents, payments through an acquiring bank and the ledger of their bookings.

-- Payee bank details printed on payment documents and in the payment QR (checked before issuing).
ALTER TABLE organisations
  ADD COLUMN bank_name              text,
  ADD COLUMN bik                    text CHECK (bik ~ '^[0-9]{9}$'),
  ADD COLUMN settlement_account     text CHECK (settlement_account ~ '^[0-9]{20}$'),
  ADD COLUMN correspondent_account  text CHECK (correspondent_account ~ '^[0-9]{20}$'),
  -- day of the next month by which a period's charges are due (ЖК РФ ст. 155 ч. 1: the 10th by default)
  ADD COLUMN payment_due_day        smallint NOT NULL DEFAULT 10 CHECK (payment_due_day BETWEEN 1 AND 28);

CREATE TABLE charge_periods (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  account_id       uuid NOT NULL REFERENCES accounts (id),
  period           text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  version          int NOT NULL CHECK (version >= 1),
  opening_debt     bigint NOT NULL,
  charged          bigint NOT NULL,     -- Σ line totals: charged + recalculation − benefit + penalty
  penalty          bigint NOT NULL,     -- Σ line penalties (included in charged)
  paid             bigint NOT NULL,     -- as reported by the organisation's billing
  to_pay           bigint NOT NULL,
  content_hash     text NOT NULL,       -- a repeated import of the same content changes nothing
  imported_by      text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  superseded_at    timestamptz,
  UNIQUE (account_id, period, version)
);
CREATE UNIQUE INDEX charge_periods_current_idx ON charge_periods (account_id, period) WHERE superseded_at IS NULL;
CREATE INDEX charge_periods_org_idx ON charge_periods (organisation_id, period);

CREATE TABLE charge_lines (
  charge_period_id  uuid NOT NULL REFERENCES charge_periods (id) ON DELETE CASCADE,
  position          smallint NOT NULL,
  service           text NOT NULL,
  unit              text,
  volume            numeric(15, 3),
  tariff            bigint,             -- kopecks per unit
  charged           bigint NOT NULL,
  recalculation     bigint NOT NULL DEFAULT 0,
  benefit           bigint NOT NULL DEFAULT 0,
  penalty           bigint NOT NULL DEFAULT 0,
  total             bigint NOT NULL,
  PRIMARY KEY (charge_period_id, position)
);

-- A payment document (ЕПД) issued for one version of a period's charges.
CREATE TABLE payment_documents (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  charge_period_id  uuid NOT NULL UNIQUE REFERENCES charge_periods (id),
  organisation_id   uuid NOT NULL REFERENCES organisations (id),
  account_id        uuid NOT NULL REFERENCES accounts (id),
  period            text NOT NULL,
  number            text NOT NULL UNIQUE CHECK (length(number) = 18),  -- PaymentDocumentID form
  amount            bigint NOT NULL,
  issued_at         timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE payment_document_seq;

CREATE TABLE payments (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id         text NOT NULL UNIQUE CHECK (length(order_id) <= 36),  -- the bank's OrderId
  provider         text NOT NULL,
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  person_id        uuid REFERENCES persons (id),
  idempotency_key  text,
  status           text NOT NULL DEFAULT 'created'
                   CHECK (status IN ('created', 'pending', 'succeeded', 'failed', 'canceled', 'refunded')),
  amount           bigint NOT NULL CHECK (amount > 0),          -- what goes to the accounts
  commission       bigint NOT NULL DEFAULT 0 CHECK (commission >= 0),
  total            bigint NOT NULL CHECK (total = amount + commission), -- what the bank charges the card
  email            text,
  bank_payment_id  text,
  payment_url      text,
  bank_status      text,
  error_code       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  succeeded_at     timestamptz,
  UNIQUE (person_id, idempotency_key)
);
CREATE INDEX payments_person_idx ON payments (person_id, created_at DESC);
CREATE INDEX payments_org_idx ON payments (organisation_id, created_at);
CREATE INDEX payments_open_idx ON payments (updated_at) WHERE status IN ('created', 'pending');
CREATE UNIQUE INDEX payments_bank_id_idx ON payments (provider, bank_payment_id);

-- What the payer asked for: an amount per account, optionally the periods to pay.
CREATE TABLE payment_items (
  payment_id  uuid NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
  account_id  uuid NOT NULL REFERENCES accounts (id),
  amount      bigint NOT NULL CHECK (amount > 0),
  periods     text[],
  PRIMARY KEY (payment_id, account_id)
);

-- The ledger: a payment is booked once and reversed at most once (the unique key makes a second
-- booking impossible whatever the order or number of notifications).
CREATE TABLE ledger_entries (
  id          bigserial PRIMARY KEY,
  payment_id  uuid NOT NULL REFERENCES payments (id),
  kind        text NOT NULL CHECK (kind IN ('booking', 'reversal')),
  amount      bigint NOT NULL,        -- positive for a booking, negative for its reversal
  booked_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (payment_id, kind)
);

-- How a ledger entry splits across accounts and periods (period NULL = advance beyond the charges).
CREATE TABLE payment_allocations (
  ledger_entry_id  bigint NOT NULL REFERENCES ledger_entries (id),
  account_id       uuid NOT NULL REFERENCES accounts (id),
  period           text,
  amount           bigint NOT NULL,
  booked_at        timestamptz NOT NULL
);
CREATE INDEX payment_allocations_account_idx ON payment_allocations (account_id, period);

-- Every notification received, for support and audit (forged ones are in audit_log instead).
CREATE TABLE payment_events (
  id           bigserial PRIMARY KEY,
  payment_id   uuid NOT NULL REFERENCES payments (id),
  source       text NOT NULL CHECK (source IN ('notification', 'reconciliation', 'init', 'cancel')),
  bank_status  text NOT NULL,
  applied      boolean NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_events_payment_idx ON payment_events (payment_id);

-- The sandbox bank simulator's own state (sandbox mode only).
CREATE TABLE sandbox_bank_payments (
  payment_id        bigserial PRIMARY KEY,
  terminal_key      text NOT NULL,
  order_id          text NOT NULL,
  amount            bigint NOT NULL,
  description       text,
  notification_url  text,
  success_url       text,
  fail_url          text,
  receipt           jsonb,
  status            text NOT NULL DEFAULT 'NEW',
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (terminal_key, order_id)
);

-- Down Migration
DROP TABLE sandbox_bank_payments, payment_events, payment_allocations, ledger_entries, payment_items, payments,
  payment_documents, charge_lines, charge_periods;
DROP SEQUENCE payment_document_seq;
ALTER TABLE organisations DROP COLUMN bank_name, DROP COLUMN bik, DROP COLUMN settlement_account,
  DROP COLUMN correspondent_account, DROP COLUMN payment_due_day;
