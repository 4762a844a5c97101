-- Up Migration

-- How many days an organisation gives itself to answer each appeal type (the console's settings);
-- a type without a row uses the default of src/appeals/deadlines.ts.
CREATE TABLE appeal_deadlines (
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  type             text NOT NULL,
  days             smallint NOT NULL CHECK (days BETWEEN 1 AND 90),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, type)
);

-- A notice withdrawn by its organisation (distinct from one that reached its planned expiry).
ALTER TABLE news ADD COLUMN withdrawn_at timestamptz;
-- Whether the notice is e-mailed to the houses' residents at its publish time (news.announce).
ALTER TABLE news ADD COLUMN notify boolean NOT NULL DEFAULT false;
-- The console pages an organisation's notices newest first.
CREATE INDEX news_org_page_idx ON news (organisation_id, publish_at DESC, id DESC);
-- The console pages link requests and resident changes by (created_at, id).
CREATE INDEX IF NOT EXISTS account_link_requests_org_page_idx ON account_link_requests (house_id, created_at, id)
  WHERE method = 'organisation';
-- The console's appeal queue pages by (created_at, id) within the organisation.
CREATE INDEX appeals_org_page_idx ON appeals (organisation_id, created_at DESC, id DESC);

-- Down Migration
DROP INDEX appeals_org_page_idx, account_link_requests_org_page_idx, news_org_page_idx;
ALTER TABLE news DROP COLUMN withdrawn_at, DROP COLUMN notify;
DROP TABLE appeal_deadlines;
